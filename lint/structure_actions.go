package lint

import (
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// structure.action-item-incomplete: an action item without an owner team, a
// due date, an effort or a value cannot be prioritised or followed up, and
// quietly becomes nobody's.
var actionItemRule = &docRule{
	info: RuleInfo{
		ID:          idActionItem,
		Category:    Structure,
		Severity:    Warning,
		Description: "An action item lacks owner_team, due, effort_days or value.",
		Example:     "- id: ACT-12\n  title: Add a dry-run mode to the cleanup CLI",
		Rewrite:     "- id: ACT-12\n  title: Add a dry-run mode to the cleanup CLI\n  owner_team: platform\n  effort_days: 3\n  value: 4\n  due: 2026-05-01",
	},
	check: checkActionItems,
}

// structure.no-review-date: a published postmortem that was never reviewed
// (or does not say when) skipped the step where most of the learning
// happens.
var reviewDateRule = &docRule{
	info: RuleInfo{
		ID:          idNoReviewDate,
		Category:    Structure,
		Severity:    Warning,
		Description: "A published postmortem has no review_date.",
		Example:     "status: published, and no review_date in the front matter.",
		Rewrite:     "status: published\nreview_date: 2026-03-12",
	},
	check: checkReviewDate,
}

func checkActionItems(c *docCheck) {
	if !c.frontOK {
		return
	}
	for i, a := range c.pm.ActionItems {
		var missing []string
		if strings.TrimSpace(a.OwnerTeam) == "" {
			missing = append(missing, "owner_team")
		}
		if a.Due.IsZero() {
			missing = append(missing, "due")
		}
		if a.EffortDays == 0 {
			missing = append(missing, "effort_days")
		}
		if a.Value == 0 {
			missing = append(missing, "value")
		}
		if len(missing) == 0 {
			continue
		}
		name := a.ID
		if name == "" {
			name = fmt.Sprintf("action item %d", i+1)
		}
		c.reportField(idActionItem, fmt.Sprintf("action_items[%d]", i),
			fmt.Sprintf("%s has no %s, so it cannot be prioritised or followed up", name, joinAnd(missing)),
			"Add "+joinWith(describeFields(missing), "and")+".")
	}
}

func checkReviewDate(c *docCheck) {
	if !c.frontOK || c.pm.Status != debrief.StatusPublished || !c.pm.ReviewDate.IsZero() {
		return
	}
	c.reportField(idNoReviewDate, "status",
		"the postmortem is published but has no review_date; an unreviewed postmortem skips the step where most learning happens",
		"Add review_date: YYYY-MM-DD with the day the postmortem was reviewed, or set status back to in-review.")
}

// fieldHelp says what each action item field holds.
var fieldHelp = map[string]string{
	"owner_team":  "owner_team (the team that owns it, never a person)",
	"due":         "due (the date it should be done)",
	"effort_days": "effort_days (the estimated work in person-days)",
	"value":       "value (the risk reduction on the 1–5 scale of docs/format.md)",
}

func describeFields(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = fieldHelp[f]
	}
	return out
}

func joinAnd(list []string) string { return joinWith(list, "or") }

func joinWith(list []string, conj string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " " + conj + " " + list[len(list)-1]
}
