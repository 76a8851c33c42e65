package lint

import "testing"

// TestSingleCauseWithoutTheWords: single-cause framing that names no root
// cause, and the near misses that stay clean.
func TestSingleCauseWithoutTheWords(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"culprit found", "Found the culprit: the session cache was never evicted.", idSingleCause},
		{"traced back to one", "Every timeout traces back to the single resolver in the Oslo region.", idSingleCause},
		{"everything comes from", "At the end, everything is coming from the connection pool that is too small.", idSingleCause},
		{"cause of the incident", "The cause of the outage was an expired token in the build registry.", idSingleCause},
		{"bare cause", "The cause was a memory leak in the thumbnail worker.", idSingleCause},
		{"caused by a single", "Checkout errors caused by a single faulty release.", idSingleCause},
		{"full stop", "The billing delay was caused by the tax table import, full stop.", idSingleCause},
		{"blamed solely on", "The carrier blamed the dropped calls solely on a faulty line card.", idSingleCause},
		{"fault lay with", "The fault lay entirely with a firmware patch on the edge routers.", idSingleCause},
		{"cause label", "Cause: single corroded connector on the pump feed.", idSingleCause},
		{"had one origin", "The flooding in hall B had one origin: a cracked chiller pipe.", idSingleCause},
		{"put down to", "The operator put all of the delays down to a single signalling fault.", idSingleCause},
		{"nothing else", "It was the DNS change, nothing else, that broke the login page.", idSingleCause},

		{"cause of a symptom", "The cause of the latency was pressure from the garbage collector on the new cache.", ""},
		{"traced a path", "Lena traced the request from the gateway to the billing service.", ""},
		{"culprit hunt refused", "We stopped looking for a culprit and mapped the conditions instead.", ""},
		{"one culprit among several", "The short health-check interval was one culprit; slow connection draining was another.", ""},
		{"RCA with several factors", "RCA: the memory leak was one of three contributing factors.", ""},
		{"cause still open", "The cause of the dropped writes was the full volume; why it filled is still open.", ""},
		{"considered calling", "We considered calling the full disk the root cause, but it would have hidden the retention gap.", ""},
	})
}

// TestRoundBlame: blame phrasings the rules learned from the last tuning
// round, each with a near miss.
func TestRoundBlame(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"destructive on live", "Our DBA dropped the live orders partition during the cleanup.", idAccident},
		{"destructive with a ticket", "Our DBA dropped the orders_archive partition named in the cleanup ticket.", ""},
		{"incorrect file", "The pricing team uploaded an incorrect promotions file to every store.", idAccident},
		{"meant for test", "An engineer applied a migration meant for the test environment to production.", idAccident},
		{"twice with harm", "Ines ran the refund batch twice, which doubled every refund.", idWithout},
		{"twice to confirm", "Ines ran the refund query twice to confirm the totals.", ""},
		{"instead of looking", "Marco muted the disk alert instead of looking into it.", idWithout},
		{"zero reviewers", "Someone merged the routing change with zero reviewers.", idWithout},
		{"system with no canary", "The config service pushed the file to every region with no canary.", ""},
		{"on the part of", "Fatigue on the part of the night operator is the likeliest explanation.", idJudgement},
		{"what happens when", "This is what happens when interns have production access.", idJudgement},
		{"slow response", "Kwame took fifteen minutes to acknowledge the page.", idJudgement},
		{"our slow response", "We took an hour to find the cause.", ""},
		{"performance plan", "The release engineer has been put on a performance improvement plan.", idAccountability},
		{"choice caused", "The site manager's choice to keep the depot open caused the mis-shipments.", idPersonCause},
		{"operator confusion", "Operator confusion during the switchover added twenty minutes.", idPersonState},
		{"exasperated who", "who ran the purge against the live bucket lol", idWhyQuestion},
	})
}

// TestRoundLeftAlone: what the writer does not claim.
func TestRoundLeftAlone(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"system made it impossible", "The support agent refunded the order without approval because the approval screen was not loading.", ""},
		{"system explains the slip", "The on-call engineer restarted the wrong cluster; both clusters had the same name prefix in the console.", ""},
		{"tool lets anyone", "The pipeline lets you skip the canary with a single checkbox.", ""},
		{"anyone could have", "Any of us could have typed that command at three in the morning.", ""},
		{"owning the fix", "Accountability for the fix sits with the platform director.", ""},
		{"omission with remedy", "We had not tested restoring that backup; we now test restores monthly.", ""},
		{"thing judged", "The failover script made a mistake in choosing the replica.", ""},
		{"report contradicted", "A tabloid claimed a careless engineer grounded the fleet, which is not what the review found.", ""},
		{"report superseded", "The initial report blamed operator error; the full review found the tool lacked safeguards.", ""},
		{"company apology", "To our customers: we let you down on Monday, and here is what we are changing.", ""},
		{"coped with", "Hana was tired after a long week, and she handled the incident calmly and well.", ""},
		{"not naming anyone", "We are not looking for someone to hold responsible.", ""},

		{"report not contradicted", "Customers on the forum said the night staff had slept through the alarms.", idPersonState},
	})
}

// TestBlameInActsAndJudgements: the phrasings added with tune-o and the
// former held-out sets 8 and 9, and their near misses.
func TestBlameInActsAndJudgements(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"unknown occupation", "Lighthouse fog signal silent for 2 nights. Keeper failed to report fault.", idOmission},
		{"honorific", "Mr. Petrov forgot to renew the certificate.", idOmission},
		{"admin with a modifier", "The contact centre admin ignored the warning banner.", idOmission},
		{"manager with a modifier", "The game's community manager posted the unreleased patch notes by accident.", idAccident},
		{"guard switched off", "The store manager turned off the fridge alarms, the chain's report says.", idAccident},
		{"left unsafe", "The night controller left the data feed disabled after maintenance.", idAccident},
		{"in breach of", "The operator reached into the running press, in defiance of his training.", idWithout},
		{"dropped auxiliary", "The team from Shanghai office not follow the release process, so the problem appear.", idOmission},
		{"criticised for", "Maintenance crews were criticised internally for missing the crack during their inspection.", idAccountability},
		{"spoken to", "For the avoidance of doubt, the individuals involved have been spoken to.", idAccountability},
		{"as usual", "The scheduling vendor sat on our deactivation request for a week, as usual.", idJudgement},
		{"sarcastic tag", "[08:07] linh: the vendor tech plugged the test rig into production again, unbelievable", idJudgement},
		{"did nothing after a warning", "The lab manager had been warned about the aging server and chose to do nothing.", idJudgement},
		{"insufficient attention", "Insufficient attention to detail during the cutover led to the wrong DNS records being published.", idJudgement},

		{"secrets manager", "The secrets manager failed to rotate the token.", ""},
		{"silenced for a reason", "Ruth silenced the flapping disk alert for one hour while she investigated the volume.", ""},
		{"deleted a noisy alert", "On 10 March the team deleted the alert and put a per-hub check in its place.", ""},
		{"mailbox nobody monitored", "Two reminders went to a shared mailbox nobody monitored.", ""},
		{"apology to everyone", "We apologise to everyone who missed appointments because of the booking outage.", ""},
		{"not treated as a mistake", "We are not treating this as one person's mistake; three safeguards were missing at once.", ""},
		{"sincere thanks", "[14:40] raj: ok downgrading to sev3. thanks all, great work", ""},
		{"take it seriously", "We know many of you rely on us, and we take that trust seriously.", ""},
		{"a bank's plain change", "The settlements were late because the bank moved its cutoff an hour earlier and our file generation was not adjusted.", ""},
		{"waited on purpose", "We chose to do nothing until the vendor confirmed the fix.", ""},
	})
}
