package debrief

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// FieldError is a problem with one field of a postmortem. Field is the path
// of the field as written in the front matter, such as "severity" or
// "action_items[2].due"; adapters turn it into a position in the file.
type FieldError struct {
	Field   string
	Message string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

var (
	postmortemIDPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^PM-[0-9]{4}-[0-9]{3,}$`) })
	actionIDPattern     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ACT-[0-9]+$`) })
	riskIDPattern       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^RISK-[0-9]+$`) })
)

// ValidPostmortemID reports whether id has the form PM-YYYY-NNN.
func ValidPostmortemID(id string) bool { return postmortemIDPattern().MatchString(id) }

// PostmortemID returns the id of postmortem number n of year: PM-YYYY-NNN.
func PostmortemID(year int, n int64) string { return fmt.Sprintf("PM-%04d-%03d", year, n) }

// Validate checks one postmortem on its own and returns every problem found.
// Checks that need the other postmortems of an archive are in CheckArchive.
func (p *Postmortem) Validate(tax Taxonomy) []FieldError {
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{field, fmt.Sprintf(format, args...)})
	}
	switch {
	case p.ID == "":
		add("id", "missing id: give the postmortem an id such as PM-2026-001")
	case !ValidPostmortemID(p.ID):
		add("id", "id %q is not of the form PM-YYYY-NNN", p.ID)
	}
	if strings.TrimSpace(p.Title) == "" {
		add("title", "missing title: say in one line what users saw")
	}
	switch {
	case p.Severity == "":
		add("severity", "missing severity: one of %s", list(Severities))
	case !slices.Contains(Severities, p.Severity):
		add("severity", "severity %q is not one of %s", p.Severity, list(Severities))
	}
	switch {
	case p.Status == "":
		add("status", "missing status: one of %s", list(Statuses))
	case !slices.Contains(Statuses, p.Status):
		add("status", "status %q is not one of %s", p.Status, list(Statuses))
	}
	for i, k := range p.Kinds {
		field := fmt.Sprintf("kinds[%d]", i)
		switch {
		case !tax.HasKind(k):
			ids := tax.Kinds().IDs()
			msg := fmt.Sprintf("unknown incident kind %q", k)
			if s := Suggest(k, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			add(field, "%s; docs/kinds.md lists the kinds, and .debrief.yaml can add more", msg)
		case slices.Contains(p.Kinds[:i], k):
			add(field, "kind %q is listed twice", k)
		}
	}
	for i, r := range p.Related {
		if !ValidPostmortemID(r) {
			add(fmt.Sprintf("related[%d]", i), "related id %q is not of the form PM-YYYY-NNN", r)
		} else if r == p.ID {
			add(fmt.Sprintf("related[%d]", i), "a postmortem cannot be related to itself")
		}
	}
	errs = append(errs, p.validateReview()...)
	errs = append(errs, p.validateTimes()...)
	if strings.ContainsAny(p.Trigger, "\r\n") {
		add("trigger", "the trigger is one line: the proximate event, not the whole story")
	}
	for i, f := range p.ContributingFactors {
		field := fmt.Sprintf("contributing_factors[%d]", i)
		switch {
		case f.Category == "":
			add(field+".category", "missing category: one of %s", strings.Join(tax.Categories(), ", "))
		case !tax.Has(f.Category):
			msg := fmt.Sprintf("unknown category %q", f.Category)
			if s := Suggest(f.Category, tax.Categories()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			add(field+".category", "%s; the categories are %s, and .debrief.yaml can add more", msg, strings.Join(tax.Categories(), ", "))
		}
		if strings.TrimSpace(f.Description) == "" {
			add(field+".description", "missing description: say what the condition was and why it made sense before the incident")
		}
	}
	seen := map[string]bool{}
	for i, a := range p.ActionItems {
		errs = append(errs, a.validate(fmt.Sprintf("action_items[%d]", i), seen)...)
	}
	seen = map[string]bool{}
	for i, r := range p.AcceptedRisks {
		errs = append(errs, r.validate(fmt.Sprintf("accepted_risks[%d]", i), seen)...)
	}
	return errs
}

// validateReview checks the approvals and the publish override: each
// approval is by one of the reviewers, once, on a date; an override says
// who decided, when and why.
func (p *Postmortem) validateReview() []FieldError {
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{field, fmt.Sprintf(format, args...)})
	}
	for i, a := range p.Approvals {
		field := fmt.Sprintf("approvals[%d]", i)
		switch {
		case strings.TrimSpace(a.By) == "":
			add(field+".by", "an approval without a reviewer: say who approved in by")
		case !slices.ContainsFunc(p.Reviewers, func(r string) bool { return strings.EqualFold(strings.TrimSpace(r), strings.TrimSpace(a.By)) }):
			add(field+".by", "%q approved but is not among the reviewers: add them to reviewers first", a.By)
		case slices.ContainsFunc(p.Approvals[:i], func(b Approval) bool { return strings.EqualFold(strings.TrimSpace(b.By), strings.TrimSpace(a.By)) }):
			add(field+".by", "%q approved twice: keep one approval per reviewer", a.By)
		}
		if a.Date.IsZero() {
			add(field+".date", "the approval has no date: add date: YYYY-MM-DD")
		}
	}
	if o := p.PublishOverride; o != nil {
		if strings.TrimSpace(o.By) == "" {
			add("publish_override.by", "the publish override does not say who decided it: add by")
		}
		if o.Date.IsZero() {
			add("publish_override.date", "the publish override has no date: add date: YYYY-MM-DD")
		}
		if strings.TrimSpace(o.Reason) == "" {
			add("publish_override.reason", "the publish override has no reason: say why the findings stay")
		}
		if o.Findings < 0 {
			add("publish_override.findings", "findings cannot be negative")
		}
	}
	return errs
}

func (p *Postmortem) validateTimes() []FieldError {
	var errs []FieldError
	times := []struct {
		name string
		set  bool
		t    func() int64
	}{
		{"started", !p.Started.IsZero(), p.Started.UnixNano},
		{"detected", !p.Detected.IsZero(), p.Detected.UnixNano},
		{"mitigated", !p.Mitigated.IsZero(), p.Mitigated.UnixNano},
		{"resolved", !p.Resolved.IsZero(), p.Resolved.UnixNano},
	}
	for i, later := range times {
		if !later.set {
			continue
		}
		// Compare with the nearest earlier time that is set.
		for j := i - 1; j >= 0; j-- {
			if !times[j].set {
				continue
			}
			if later.t() < times[j].t() {
				errs = append(errs, FieldError{later.name, fmt.Sprintf("%s is before %s: the times must be in the order started, detected, mitigated, resolved", later.name, times[j].name)})
			}
			break
		}
	}
	return errs
}

func (a ActionItem) validate(field string, seen map[string]bool) []FieldError {
	var errs []FieldError
	add := func(f, format string, args ...any) {
		errs = append(errs, FieldError{field + f, fmt.Sprintf(format, args...)})
	}
	switch {
	case a.ID == "":
		add("", "action item without an id: give it one such as ACT-101")
	case !actionIDPattern().MatchString(a.ID):
		add(".id", "action item id %q is not of the form ACT-N", a.ID)
	case seen[a.ID]:
		add(".id", "action item %s appears twice in this postmortem", a.ID)
	}
	seen[a.ID] = true
	name := a.ID
	if name == "" {
		name = "action item"
	}
	if strings.TrimSpace(a.Title) == "" {
		add("", "%s has no title: say what will be done", name)
	}
	if a.OwnerTeam == "" {
		add("", "%s has no owner_team: every action item is owned by a team", name)
	}
	if a.Due.IsZero() {
		add("", "%s has no due date: add due: YYYY-MM-DD", name)
	}
	if a.Kind != "" && !slices.Contains(ActionKinds, a.Kind) {
		add(".kind", "kind %q is not one of %s", a.Kind, list(ActionKinds))
	}
	if a.Status != "" && !slices.Contains(ActionStatuses, a.Status) {
		add(".status", "status %q is not one of %s", a.Status, list(ActionStatuses))
	}
	if a.Status == ActionWontDo && strings.TrimSpace(a.Reason) == "" {
		add(".status", "%s is wont-do without a reason: write down the tradeoff in reason", name)
	}
	if a.EffortDays < 0 {
		add(".effort_days", "effort_days cannot be negative")
	}
	if a.Value != 0 && (a.Value < 1 || a.Value > 5) {
		add(".value", "value %d is outside the 1–5 risk-reduction scale", a.Value)
	}
	return errs
}

func (r AcceptedRisk) validate(field string, seen map[string]bool) []FieldError {
	var errs []FieldError
	add := func(f, format string, args ...any) {
		errs = append(errs, FieldError{field + f, fmt.Sprintf(format, args...)})
	}
	switch {
	case r.ID == "":
		add("", "accepted risk without an id: give it one such as RISK-001")
	case !riskIDPattern().MatchString(r.ID):
		add(".id", "accepted risk id %q is not of the form RISK-N", r.ID)
	case seen[r.ID]:
		add(".id", "accepted risk %s appears twice in this postmortem", r.ID)
	}
	seen[r.ID] = true
	name := r.ID
	if name == "" {
		name = "accepted risk"
	}
	if strings.TrimSpace(r.Risk) == "" {
		add("", "%s does not say what the risk is", name)
	}
	if r.OwnerTeam == "" {
		add("", "%s has no owner_team: a team carries every accepted risk", name)
	}
	if r.ReviewBy.IsZero() {
		add("", "%s has no review_by date: an accepted risk must be looked at again", name)
	}
	return errs
}

func list[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
