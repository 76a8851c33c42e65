package lint

import "github.com/debrief/debrief/markdown"

import "fmt"

import "strings"

// structure.few-factors: fewer than two contributing factors, and no reason
// given. One factor is usually a root cause in disguise.
//
// The factors are counted in the front matter (contributing_factors) and as
// list items in the "Contributing factors" section; the larger count wins.
// A reason is stated when a sentence of that section says why there is only
// one: it contains "only one", "one factor", "single factor", "no other",
// "no further" or "no second", or starts with "Reason:" or "Why only one".
var fewFactorsRule = &docRule{
	info: RuleInfo{
		ID:          idFewFactors,
		Category:    Structure,
		Severity:    Warning,
		Description: "Fewer than two contributing factors, and the Contributing factors section does not say why (a sentence with \"only one\", \"single factor\", \"no other\", or starting with \"Reason:\").",
		Example:     "contributing_factors lists one factor and the section says nothing more.",
		Rewrite:     "Add the conditions that let the trigger spread (detection, tooling, process), or write \"Only one factor: …\" and why.",
	},
	check: checkFewFactors,
}

var reasonMarks = []string{"only one", "one factor", "one contributing factor", "single factor", "single contributing factor", "no other", "no further", "no second", "no additional"}

func checkFewFactors(c *docCheck) {
	if !c.frontOK {
		return
	}
	n := len(c.pm.ContributingFactors)
	h := c.section("Contributing factors")
	if h >= 0 {
		n = max(n, c.d.heads[h].items)
		for _, s := range c.sectionSents(h) {
			t := strings.ToLower(c.text(s))
			if strings.HasPrefix(t, "reason:") || strings.HasPrefix(t, "why only one") {
				return
			}
			for _, m := range reasonMarks {
				if strings.Contains(t, m) {
					return
				}
			}
		}
	}
	if n >= 2 {
		return
	}
	msg := fmt.Sprintf("only %d contributing factor%s and no reason given; a single factor is usually a root cause in disguise", n, plural(n))
	if n == 0 {
		msg = "no contributing factors: the postmortem does not say which conditions let the trigger become an incident"
	}
	sugg := "List the conditions that let the trigger spread (detection, tooling, process, capacity), or say in the Contributing factors section why there is only one (\"Only one factor: …\")."
	switch {
	case len(c.pm.ContributingFactors) > 0 || hasField(c.md, "contributing_factors"):
		c.reportField(idFewFactors, "contributing_factors", msg, sugg)
	case h >= 0:
		c.reportLine(idFewFactors, c.d.heads[h].off, msg, sugg)
	default:
		c.reportLine(idFewFactors, 0, msg, sugg)
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func hasField(md *markdown.Document, field string) bool {
	_, ok := md.ValuePosition(field)
	return ok
}
