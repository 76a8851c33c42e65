package lint

import "testing"

func TestPersonState(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"after he finished his film", "The alarm came at 01:02 and Arno confirmed it at 04:47, after he finished his film.", idPersonState},
		{"working from a café", "Our pricing coordinator, working from a café at the time, approved the price change.", idPersonState},
		{"a train to catch", "Operator had two terminals open and a train to catch.", idPersonState},
		{"busy with personal things", "Nadia said she would check the upgrade, but in the afternoon she was busy with her personal things.", idPersonState},
		{"went straight offline", "Tomas merged the bundle at 23:40 and went straight offline.", idPersonState},
		{"at a wedding, the secondary took it", "The on-call engineer was at a wedding, so the secondary took the page within two minutes.", ""},
		{"a wedding the policy allows", "The on-call engineer was attending a wedding with only his phone, which our policy allows.", ""},
		{"from a laptop, found the host", "Priya pulled logs from a laptop at the airport and found the bad host.", ""},
		{"weeks in role, unplugged", "Technician, two weeks in role, unplugged the gateway to see what happens.", idPersonState},
		{"fresh out of onboarding", "Our newest hire, fresh out of onboarding, was handed the production keys and promptly dropped the leaderboard index.", idPersonState},
		{"in the company since only two weeks", "Mr. Okonkwo is in the company since only two weeks, and he had changed the DNS record for the booking site.", idPersonState},
		{"here longer than the system, still", "Gareth, who has been here longer than the DMS itself, somehow still didn't know the job runs against live matters.", idPersonState},
		{"after four night shifts", "Joaquín approved the price file after four night shifts, without opening it.", idPersonState},
		{"recently promoted, approved", "Site reliability lead, recently promoted, approved capacity plan that assumed half the actual load.", idPersonState},
		{"run by the trainee alone", "The script was run by the trainee alone at 8 o'clock on the day of three trials.", idPersonState},
		{"weeks on the team, did not know", "Rollback delayed 40 min; on-call engineer had been on the team five weeks and did not know where the runbook was.", idPersonState},
		{"weeks in the company, second-language", "She was working only two week in the company and she is doing the change on live billing already.", idPersonState},
		{"still in the first month", "[10:30] @priya: Sean is still in his first month so I guess none of us should be surprised", idPersonState},
		{"the newest hire merged", "Our newest hire merged the schema change, and the rest, as they say, is history.", idPersonState},
		{"the newest hire, after approvals", "Our newest hire merged the schema change after two approvals, as the process asks.", ""},
		{"ten years here and still", "[17:45] @hana: @rob has been here ten years and still can't drive the deploy tool", idPersonState},
		{"at the end of a double shift", "Firmware flashed to 340 robots by technician at end of double shift.", idPersonState},
		{"leaving for holiday", "Deploy performed at 16:58 Friday by engineer leaving for holiday at 17:00.", idPersonState},
		{"on shift since yesterday", "[03:18] @yara: Tom's been on shift since 6am yesterday, which probably explains the restore to the wrong cluster", idPersonState},
		{"on shift since, with the reason", "The on-call engineer had been on shift since 6am because the second rotation slot was unfilled.", ""},
		{"weeks into the team, handled it well", "Rohan was two weeks into the team and handled the revert confidently despite the undocumented tooling.", ""},
		{"new in the company, onboarding told", "He is new in the company and our onboarding does not explain the difference between the two clusters.", ""},
		{"weeks into role, unaided", "Failover handled unaided by engineer three weeks into role; recovery took six hours.", idPersonState},
		{"joined last week, unreviewed", "The routing change was made by a developer who joined only last week, and nobody was reviewing it.", idPersonState},
		{"hours awake, self", "I approved the import at 2 a.m. after eighteen hours awake, and the schedules came out garbled.", idPersonState},
		{"on shift for 19 hours", "The engineer who ran the cleanup job had been on shift for 19 hours.", idPersonState},
		{"the service on shift", "The batch had been awake for 3 hours before the retry.", ""},
		{"second day, found the bug", "On her second day, Priya found the bug in the export.", ""},
		{"joined last week, shipped", "Sam joined the team last week and has already shipped the queue metrics.", ""},
		{"second week, because", "The on-call was a contractor in their second week and had production access because we have no tiered access.", ""},
		{"hours awake, the schedule let", "The review asks why the schedule let anyone operate after 20 hours awake.", ""},
		{"unresponsive people", "The vendor's support desk was unresponsive for three hours.", idPersonState},
		{"unresponsive server", "The server was unresponsive for three minutes.", ""},
		{"kernel panicked", "kernel panicked on two nodes at 04:18", ""},
		{"tired but continued", "The DBA was very tired after the night but she continued to work with the team until the replica caught up.", ""},
		{"stressed, got help", "The editor was stressed by the breaking story, so she called the CMS team and they helped her publish.", ""},
		{"working tired", "The admin, working tired at the end of a long shift, removed the live VLAN.", idPersonState},
		{"handed over", "I was exhausted by the fourth hour, said so, and Mirela took over as incident commander.", ""},
		{"sent home", "The night operator was very tired, so the shift lead sent him home and took the pager.", ""},
		{"too tired", "Rahul was too tired to spot that the rollback target was the broken version.", idPersonState},
		{"distracted", "The on-call was distracted by a second page from the search cluster.", idPersonState},
		{"not trained enough", "The responder on call that night was not trained enough on the repair tooling.", idPersonState},
		{"not ready", "Platform ops simply weren't ready for a certificate expiry on a Sunday.", idPersonState},
		{"panicked", "In hindsight, Diego panicked when the error rate spiked.", idPersonState},
		{"slept through", "Tomasz slept through two pages and the escalation to his phone.", idPersonState},
		{"lacked", "The first responder lacked the training to recognise a split-brain.", idPersonState},
		{"attached", "Panicked operator pulled the power on the whole rack.", idPersonState},
		{"fronted", "Tired after a double shift, the operator confirmed the breaker on the schedule.", idPersonState},
		{"fatigue among", "Fatigue among the on-call staff contributed directly to the errors made during recovery.", idPersonState},
		{"haste", "The administrator's haste to close the ticket meant the backup job stayed disabled.", idPersonState},
		{"ambiguous role", "Investigators noted the controller was visibly fatigued.", idPersonState},
		{"training", "The on-call rotation was staffed by engineers who had not completed the incident training.", idPersonState},
		{"access", "Our junior engineer, who should not have had production access, ran the migration.", idPersonState},

		{"alert fatigue", "The leading contributing factor was alert fatigue: 180 pages in a week.", ""},
		{"not rushed", "It was not a rushed change: the ticket had been open for three weeks.", ""},
		{"system overwhelmed", "A retry storm from the mobile clients overwhelmed the authentication service.", ""},
		{"no evidence", "We did not find evidence that fatigue played a role.", ""},
		{"ready system", "The new region was not ready for traffic until 14:00.", ""},
		{"trained model", "The model was not trained on data from the new region.", ""},
		{"storage controller", "The storage controller was overwhelmed by the rebuild.", ""},
	})
}

func TestKnowledgeAsFitness(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"doesn't know our failover", "the new sre clearly doesn't know our failover yet, took him 40 min to find the button", idPersonState},
		{"don't know how to", "He has worked here five years and still he don't know how to make a rollback.", idPersonState},
		{"not knowing the system", "The people from night security are not knowing the system.", idPersonState},

		{"the writer did not know a fact", "We did not know that the disk was full.", ""},
		{"I don't know how", "I don't know how the cache got stale.", ""},
		{"a fact unknown", "The on-call did not know the password had rotated.", ""},
		{"nobody knew how", "Nobody knew how to restore the old backups.", ""},
	})
}

func TestStateWithRecovery(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"tired, with recovery time", "The team is tired after a long weekend, and I've asked managers to make sure people take recovery time.", ""},
		{"tired, as the cause", "The operator was too tired to notice the second alarm.", idPersonState},
	})
}
