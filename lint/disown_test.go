package lint

import "testing"

// TestDisowned checks framing the writer reports, rejects or denies.
func TestDisowned(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"hypothesis blamed", "Our first theory blamed the storage team; the traces ruled that out by noon.", ""},
		{"asked the fund for", "The regulator asked the operator for a root cause report within a month.", ""},
		{"than any human", "The canary caught the regression faster than any engineer would have noticed it.", ""},
		{"asked who", "The auditors asked us who was to blame, and our answer is that the question does not help.", ""},
		{"asked whether", "A customer asked whether this was human error; the review found a console that hid the target.", ""},
		{"asked, answered", "I was asked what the true cause was, and the answer is the unpinned driver.", idSingleCause},
		{"requested an analysis", "The insurer requested a root cause analysis, and we sent the timeline and five factors.", ""},
		{"analysis as a practice", "Root cause analysis as a practice hides the conditions, so this review lists them instead.", ""},
		{"declined to blame", "The mayor declined to blame the control-room staff and pointed at the alarm design.", ""},
		{"ruled out", "Operator error ruled out early; the logs show no manual change in the window.", ""},
		{"not responsible", "The airline said its gate agents were not responsible for the double bookings.", ""},
		{"nothing careless", "Nothing was done carelessly; the two consoles looked identical.", ""},
		{"no one carelessly", "Let me be clear that no one in the warehouse acted carelessly that night.", ""},
		{"hearsay", "Several commentators blamed the operator, but the findings point to the control software.", ""},
		{"early reports", "While early reports described this as an operator mistake, the tooling made it almost inevitable.", ""},
		{"easy to say", "It would be easy to say Dmitri ran the script on the wrong cluster, but that explains nothing.", ""},
		{"calling this", "Calling this operator error would stop the analysis where it gets interesting.", ""},
		{"not see as", "We do not see this as human error, and we ask readers not to frame it that way.", ""},
		{"no evidence", "We did not find evidence that anyone acted carelessly or ignored a warning.", ""},
		{"nobody ignored", "Nobody ignored the alert; it fired into a channel with 300 unread alerts.", ""},
		{"nobody at fault", "Nobody was at fault for the misrouted page.", ""},
		{"no member careless", "No member of staff acted carelessly; the process lacked the safeguards.", ""},
		{"not anyone's fault", "This was not anyone's fault, and this review is blameless by design.", ""},
		{"no negligence", "There was no negligence: the alerting gap was a known trade-off.", ""},
		{"not a story about", "This is not a story about a careless technician; the labels were wrong.", ""},
		{"rejects the idea", "The vendor's review rejects the idea that its staff could have caught the issue.", ""},
		{"does not hold", "The organisation does not hold any employee responsible for this outage.", ""},
		{"fault tolerance", "Our fault tolerance tests never covered the loss of both zones.", ""},
		{"looks like, but", "Perhaps it looks like a clerk's mistake, but the form accepted any date without a warning.", ""},
		{"reading this as", "I would caution anyone against reading this as the fault of the weekend crew; the paging rota had a gap.", ""},
		{"if a reader thinks", "If anyone finishes this thinking it was Omar's fault, we have told it badly.", ""},
		{"checked whether", "We checked whether the dispatcher made a mistake, and the console had offered only the wrong depot.", ""},
		{"discussed whether the reason", "The team discussed whether the reason was the firmware or the cabling; both played a part.", ""},
		{"slip in the writing", "I made an error in the first status update: the outage began at 09:10, not 09:40.", ""},
		{"labelling judged", "Honestly, calling this \"human error\" is lazy; the screen gave no warning.", ""},
		{"denial follows", "About the claim that the night team caused this: they did not, and the logs show it.", ""},
		{"no A or B", "No technician or supervisor will be disciplined over this incident.", ""},
		{"based on what she saw", "She kept the line running rather than stopping it, based on the readings she could see.", ""},
		{"guesses", "Perhaps the cause is the new firmware, perhaps the heat, or both; tests continue.", ""},
		{"together with", "The real problem was the short timeout together with a slow upstream registry.", ""},
		{"reason for a decision", "The reason we are adding a second broker is simple: one broker cannot be patched without downtime.", ""},
		{"root cause tbd", "14:02 mitigated by failing over. root cause tbd, please no guesses here", ""},

		{"looks like, then blamed", "It looks like the clerk ignored the warning again.", idOmission},
		{"checked, no whether", "We checked the logs: the dispatcher ignored the depot warning.", idOmission},

		{"nobody checked", "Nobody checked the replica before the cutover.", idOmission},
		{"report blames", "The council's report blames the IT supplier's engineers for the lost records.", idAccountability},
		{"contrary to policy", "The engineer, contrary to policy, did not follow the runbook.", idOmission},
	})
}
