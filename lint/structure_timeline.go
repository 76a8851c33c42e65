package lint

// structure.timeline-no-times: a timeline without times cannot be told
// forward, and hides how long each step took, which is often the finding.
var timelineRule = &docRule{
	info: RuleInfo{
		ID:          idTimelineNoTimes,
		Category:    Structure,
		Severity:    Warning,
		Description: "The Timeline section has no times (HH:MM).",
		Example:     "## Timeline\n\n- The certificate expires.\n- The on-call engineer is paged.",
		Rewrite:     "## Timeline\n\n- 02:14 — The certificate expires.\n- 02:21 — The on-call engineer is paged.",
	},
	check: checkTimeline,
}

func checkTimeline(c *docCheck) {
	h := c.section("Timeline")
	if h < 0 {
		return
	}
	for _, s := range c.sectionSents(h) {
		if hasTime(c.d.text[s.start:s.end]) {
			return
		}
	}
	msg := "the timeline has no times, so it cannot be read forward or show how long each step took"
	if !c.hasSubstance(h) {
		msg = "the timeline is empty: the review has no shared account of what happened when"
	}
	c.reportLine(idTimelineNoTimes, c.d.heads[h].off, msg,
		"Write one line per event starting with its time, such as \"- 02:14 — The certificate expires.\", with people by role and what they saw.")
}

// hasTime reports whether text holds a time of day such as 02:14 or 2:14.
func hasTime(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == ':' && i > 0 && isDigitByte(b[i-1]) && isDigitByte(b[i+1]) && isDigitByte(b[i+2]) && b[i+1] <= '5' {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
