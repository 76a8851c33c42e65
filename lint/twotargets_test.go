package lint

import "testing"

// TestWrongOneOfTwo: an act on the wrong one of two targets, in a summary
// and in chat, and the near misses that choose one on purpose.
func TestWrongOneOfTwo(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"regions swapped", "Operator drained ap-south pool instead of ap-east during the sale.", idAccident},
		{"same noun, other number", "Technician reset feeder 7 instead of feeder 17.", idAccident},
		{"units swapped", "The pharmacist keyed the dose in ml instead of mg.", idAccident},
		{"chat: you acted, not the other", "[04:12] @lena you failed over the west pair, not the east one", idAccident},
		{"chat: that was the other", "@omar that was the march ledger you closed, not april", idAccident},
		{"chat: environments", "@kai that was prod-us, not sandbox", idAccident},

		{"moved on purpose", "We moved the batch to ap-south instead of ap-east to stay near the data.", ""},
		{"chat: what, not who", "@ana: reminder, describe what you saw, not who got it wrong", ""},
		{"chat: praise", "@ana that was fast, not bad at all", ""},
		{"chat: credit", "@ana you fixed it, not me", ""},
	})
}

// TestReviewGradedAndThanksBarbed: reviews graded by their length, thanks
// barbed with the harm, and the sincere or explained ones.
func TestReviewGradedAndThanksBarbed(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"seconds in digits", "The approver approved the 2,000-line schema change in 45 seconds.", idJudgement},
		{"we, under a minute", "We approved an 800-line refund rewrite in under a minute, and it showed.", idJudgement},
		{"reason that is no reason", "I approved the 600-line change in under a minute because the train was leaving.", idJudgement},
		{"thanks for wiping", "thanks @jo for wiping the tariff table, just what a Monday needs", idJudgement},
		{"customers as testers", "Thank you to the app team for making our riders the testers of the new fare screen.", idJudgement},
		{"in front of an audience", "Please pass my thanks to the box office for finding out, in front of 40,000 fans, that the gates were never configured.", idJudgement},

		{"explained by the change", "I approved it in a minute because it was a one-word revert.", ""},
		{"a time after an approval", "The refund reached the customer 90 seconds after Ana approved it.", ""},
		{"without cutting corners", "Thank you to the blast crew for absorbing a two-day delay without cutting corners.", ""},
		{"safe work", "Thanks to Diego and his team, they cleared the blockage without explosives, very safe work.", ""},
		{"in front of a place", "Please pass our thanks to the stewards for calming the fans in front of the stadium.", ""},
		{"stopped before it started", "Thanks to Ana for stopping the job before it started wiping the table.", ""},
	})
}

// TestWhatElseAndNewness: what else a person was doing, and a short
// tenure, told beside the act; and the same facts met with support.
func TestWhatElseAndNewness(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"busy with another thing while", "Our shift lead was busy preparing the quarterly deck while the backlog alarm sounded.", idPersonState},
		{"occupied with", "Area manager, occupied with a site visit, returned the escalation call an hour later.", idPersonState},
		{"juggling", "The reviewer was juggling four releases and skimmed the change.", idPersonState},
		{"on the phone when", "The crane operator was on the phone when the load swung.", idPersonState},
		{"muted the whole time", "[11:20] @raf was muted on the vendor call the whole time the queue grew", idPersonState},
		{"distracted, clipped", "Night nurse distracted by two admissions; infusion alarm unanswered 20 minutes.", idPersonState},
		{"panicked between commas", "Fitter, visibly panicked, tripped the wrong breaker.", idPersonState},
		{"new to the team", "New to the billing team, Omar ran the month-end job twice.", idPersonState},
		{"new tech", "[09:10] new tech on line 2 didn't know the guard must be locked", idPersonState},
		{"days into role", "Clerk, four days into role, posted the payments to the wrong ledger.", idPersonState},

		{"busy day", "Members could not pay for two hours on a busy shopping Saturday; service was restored at noon.", ""},
		{"occupied sensor", "Axle counters at the junction showing occupied with no train present.", ""},
		{"occupied, so someone took over", "The dispatcher was occupied with the storm calls, so Ben took the radio.", ""},
		{"new, paired", "Ahmed was new to the team, so we paired him with Rosa for the recovery.", ""},
		{"new, by the book", "We know the on-call was new to the team; she handled the incident by the book.", ""},
	})
}

// TestWholeIncidentAvoided: a counterfactual about a thing whose
// consequence is the whole incident, and the readings left to blame.
func TestWholeIncidentAvoided(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"not one would have", "Had the import carried a batch id, not one duplicate invoice would have gone out.", idSingleCause},
		{"not a single", "If the door sensor had worked, not a single pallet would have thawed.", idSingleCause},
		{"without opening", "Without the stale routing table, no passenger impact would have occurred.", idSingleCause},
		{"entire outage avoided", "Had the retry used jitter, the entire outage would have been avoided.", idSingleCause},
		{"whole outage, second language", "If the sync job have a row limit, this whole outage would be avoided.", idSingleCause},
		{"a person's condition stays blame", "Had Ana checked the flag, the whole outage would have been avoided.", idCounterfactual},

		{"not one of them", "If the relay had worked, not one of them would have noticed anything different.", ""},
		{"a tool's lesson", "If our pass planner had shown the clash, we could have moved the downlink in time.", ""},
	})
}

// TestSetAsideThisRound: hearsay answered by the review, a state met with
// a colleague, and a slip's consequence after a semicolon.
func TestSetAsideThisRound(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"alleging, unsupported", "Forum posts alleging careless staff are not supported by the logs.", ""},
		{"called, investigation found", "Some coverage called this human error; our investigation found the tooling allowed the step.", ""},
		{"paired", "Ahmed was tired, so we paired him with Rosa.", ""},
		{"channel manager software", "The channel manager skipped the inventory update during the timeout.", ""},

		{"consequence after a semicolon", "Developer forgot to remove the debug flag; client logged full session tokens.", idOmission},
		{"called, and found the same", "Some coverage called this human error, and our investigation found the same.", idHumanError},
	})
}
