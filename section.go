package debrief

// Section is one heading of a postmortem's body, with the question that
// guides its author toward what a good answer looks like.
type Section struct {
	Title string
	Guide string
	// SystemFocus marks the sections that ask about the system rather than
	// the people: the linter checks that they have substance.
	SystemFocus bool
}

// Sections are the body's headings, in order.
var Sections = []Section{
	{Title: "Summary", Guide: "What happened, in three or four sentences a newcomer to the team understands: the impact, the trigger, how it ended."},
	{Title: "Impact", Guide: "Who was affected, how and for how long, in numbers: requests failed, orders lost, customers who saw it, money."},
	{Title: "Timeline", Guide: "Told forward, as it unfolded, one line per event starting with its time (- 02:14 — ...). People appear by role, with what they saw and knew at that moment."},
	{Title: "Contributing factors", Guide: "The conditions that let the trigger become an incident: several, not one root cause. Say why each made sense before the incident."},
	{Title: "What was missing", Guide: "The tools, alerts, docs and safeguards the responders needed and did not have.", SystemFocus: true},
	{Title: "What behaved unexpectedly", Guide: "Systems, tools or processes that did something nobody expected, and what they did instead.", SystemFocus: true},
	{Title: "Assumptions proven wrong", Guide: "What the team believed about the system that turned out to be false, and how it came to be believed.", SystemFocus: true},
	{Title: "On-call and paging", Guide: "How the pages arrived, how many, at what hours, which were actionable, and how tired the responders were."},
	{Title: "What went well", Guide: "What helped: tools, habits and people's skills worth keeping."},
	{Title: "Lessons", Guide: "What the organisation learned and what changes because of it; the tradeoffs it accepts for now."},
}
