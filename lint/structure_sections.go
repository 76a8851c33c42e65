package lint

import "fmt"

import "github.com/debrief/debrief"

// structure.missing-section and structure.empty-section: the sections that
// ask about the system (debrief.Sections with SystemFocus) are where a
// postmortem turns from people to conditions. Left out or left at the
// template's guiding comment, the review has not asked those questions.
var missingSectionRule = &docRule{
	info: RuleInfo{
		ID:          idMissingSection,
		Category:    Structure,
		Severity:    Warning,
		Description: "A system-focus section is missing: What was missing, What behaved unexpectedly, Assumptions proven wrong.",
		Example:     "A postmortem with no \"## What was missing\" heading.",
		Rewrite:     "## What was missing\n\n- An alert on the load balancer's certificate, not only the origin's.",
	},
	check: checkMissingSections,
}

var emptySectionRule = &docRule{
	info: RuleInfo{
		ID:          idEmptySection,
		Category:    Structure,
		Severity:    Warning,
		Description: "A system-focus section has nothing in it, or only the template's HTML comment.",
		Example:     "## Assumptions proven wrong\n\n<!-- What the team believed about the system that turned out to be false -->",
		Rewrite:     "## Assumptions proven wrong\n\n- We believed every certificate was renewed by the internal job; the edge certificate came from a vendor.",
	},
	check: checkEmptySections,
}

func checkMissingSections(c *docCheck) {
	for _, sec := range debrief.Sections {
		if !sec.SystemFocus || c.section(sec.Title) >= 0 {
			continue
		}
		c.reportLine(idMissingSection, c.anchor(),
			fmt.Sprintf("the postmortem has no %q section, so the review never asks about the system there", sec.Title),
			fmt.Sprintf("Add \"## %s\" and answer its question: %s", sec.Title, sec.Guide))
	}
}

func checkEmptySections(c *docCheck) {
	for _, sec := range debrief.Sections {
		if !sec.SystemFocus {
			continue
		}
		h := c.section(sec.Title)
		if h < 0 || c.hasSubstance(h) {
			continue
		}
		c.reportLine(idEmptySection, c.d.heads[h].off,
			fmt.Sprintf("the %q section is empty; it is where the review looks at the system instead of the people", sec.Title),
			fmt.Sprintf("Answer the section's question: %s", sec.Guide))
	}
}
