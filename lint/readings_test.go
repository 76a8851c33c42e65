package lint

import (
	"testing"

	"github.com/debrief/debrief/config"
)

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
		{"tenure between commas", "Junior operator, second week on shift, overrode antenna stow command during high winds.", idPersonState},

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

// TestCountedAndMultitasking: repeats counted against people, other work
// told as the cause, and the near misses: a system's repeats, alerts
// counted, support given.
func TestCountedAndMultitasking(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"third time, no one named", "for the third time this month the pick list went out with yesterday's date", idJudgement},
		{"such slip", "Clerk posted June invoices into May. Third such slip this year.", idJudgement},
		{"same individual", "This is the second outage caused by the same individual this quarter.", idJudgement},
		{"group, in a row", "It is the third time in this month that the night crew leave the gate unlocked.", idJudgement},
		{"calls at once", "@rui was on four calls at once when he approved the refund batch", idPersonState},
		{"also handling", "Payroll clerk, also handling the audit, approved the exceptions unread.", idPersonState},
		{"during a phone call", "Duty manager approved the schedule overwrite during a phone call with the carrier.", idPersonState},
		{"unread", "Supervisor signed the load sheet unread.", idPersonState},

		{"a system's repeats", "This is the third outage this year caused by the same disk firmware bug.", ""},
		{"repeats that helped", "For the second time this week, Ana caught the bad config before it shipped.", ""},
		{"alerts counted", "queue lag alert again, 3rd tonight, acking", ""},
		{"covering", "One engineer was on leave, so the secondary was covering a second week in a row.", ""},
		{"things at once", "The delay came from several things at once: a broken rail and a signal fault.", ""},
		{"incidents at once, handled", "The on-call had two incidents at once and both were handled within SLA.", ""},
		{"approved in a meeting", "We approved the plan during the meeting with the vendor.", ""},
	})
}

// TestOneCauseIsAPersonsAct: single-cause framing whose one cause is a
// person's act told with a gerund, and a despite-warning act with no one
// named.
func TestOneCauseIsAPersonsAct(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"came down to a handle", "it all comes down to @marek switching the tax flag, nothing else", idPersonCause},
		{"traced to a role", "Spoilage traced entirely to yard shunter parking trailers without power.", idPersonCause},
		{"despite, passive", "Despite the freeze notice pinned in the channel, the price table was edited on Friday night.", idWithout},
		{"despite an open incident", "Deploy pushed despite open Sev-2 on the same service.", idWithout},

		{"despite, a machine", "Despite the warning, the valve was closed by the safety interlock.", ""},
	})
}

// TestFramingSetAsideMore: framing asked, dropped or given as one of
// several, and rota and review questions.
func TestFramingSetAsideMore(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"asked and left open", "anyone know what triggered the boiler trip? looks like a power blip", ""},
		{"a theory dropped", "First we thought the new SDK is the cause of the crashes, but after the test this idea was wrong.", ""},
		{"one reason among several", "The panel averaged readings over an hour, which is one reason the spike stayed hidden.", ""},
		{"not as a list", "We are sharing the findings with our contractors as partners, not as a list of their mistakes.", ""},
		{"the reality", "Some called it a near miss caused by one faulty sensor; the reality involves calibration and alarm design.", ""},
		{"endorsed", "Greta stopped the public search without waiting for approval, and this is exactly how we want people to act.", ""},
		{"cover arranged", "Kwame said he was exhausted after a double shift, and we've arranged cover so nobody works back-to-back nights.", ""},
		{"nobody left out", "08:55 Aroha: all 40 reached, nobody left out", ""},
		{"a status label", "The dispatch service ignored the couriers' \"paused\" status for twenty minutes.", ""},
		{"queued out of order", "Config error in queue logic; drivers released out of order for 25 minutes.", ""},

		{"asked and answered", "What caused it? A bad merge. That's all.", idSingleCause},
		{"a question taking it as given", "can i tell customers the root cause was a bad config push?", idSingleCause},
		{"a sanction weighed", "Management will be reviewing whether the on-call engineer should remain on the rota.", idAccountability},
		{"individual performance", "Individual performance issues within the dispatch team contributed to the delays.", idAccountability},
		{"who thought it was fine", "who thought it was fine to swap the weighbridge firmware in the middle of harvest?", idWhyQuestion},
		{"who decided the fine", "Who decided the fine for late returns?", ""},
	})
}

// TestRulesSetAside: readings the rules set aside, checked with the models
// off, since the models weigh the same words on their own.
func TestRulesSetAside(t *testing.T) {
	l, err := New(config.Lint{Rules: map[string]string{idReadsAsBlame: "off", idReadsAsOneCause: "off"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Chen translated the updates for our Jakarta customers, nobody asked him, he just did it.",
		"The backup boiler's pilot failed to light.",
		"We had our third planning session this month with the vendor team.",
	} {
		if b, r := classify(l, text); b || r {
			t.Errorf("%q: blame %v, root-cause %v; want neither", text, b, r)
		}
	}
	for _, text := range []string{
		"The root cause was the scheduler running two jobs at once.",
		"It all came down to the cache evicting sessions under load.",
	} {
		if b, r := classify(l, text); b || !r {
			t.Errorf("%q: blame %v, root-cause %v; want root-cause only", text, b, r)
		}
	}
}

// TestAddressedAndSanctioned: care urged on a person addressed by name,
// "your mistake", and sanctions named; with the near misses.
func TestAddressedAndSanctioned(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"name first", "Lukas, maybe glance at the region dropdown next time before you delete a cluster.", idJudgement},
		{"name between commas", "Maybe next time, Felix, open the sample sheet before you load the run.", idJudgement},
		{"nickname last", "maybe check the policy number twice next time, tom", idJudgement},
		{"your mistake", "@nkechi your mistake on the tariff code cost us a day at the terminal", idPersonError},
		{"appraisal", "We will be rating each responder's handling of the event in their annual appraisal.", idAccountability},
		{"reviews to follow", "Staff performance fell well below what we expect; individual reviews will follow.", idAccountability},
		{"written up", "someone needs to get written up for this, not kidding", idAccountability},
		{"a serious conversation", "We need to have a serious conversation with Marisol about the warm-up procedure.", idAccountability},

		{"no one addressed", "Next time, maybe check the dashboard before the deploy.", ""},
		{"written up, denied", "Nobody will be written up for this.", ""},
		{"fatigue as a condition", "Staff fatigue recorded as condition, not cause; rota under review.", ""},
		{"tired, asks for relief", "18:22 Yuki: I'm getting tired, can someone take IC for the next hours?", ""},
		{"a clear no", "The board asked whether anyone should be disciplined, and the answer from the review team was a clear no.", ""},
		{"thanks, nobody wrong", "Priya: thanks all. nobody did anything wrong here today", ""},
		{"more than one cause", "We think there is more than one cause: the cache, the flag and the campaign traffic.", ""},
		{"disagree with the idea", "I don't agree with the idea that the operator should have seen it; the screen showed green.", ""},
		{"any account incomplete", "Any account that points to a single person or a single component is, in my view, incomplete.", ""},
		{"single origin coffee", "We shipped 300 bags labelled decaf that were in fact our Huila single origin.", ""},
		{"role handed over", "The night had been long for Dong-hyun, so Matteo took the responsibility of the incident.", ""},
	})
}

// TestReportedAndSarcastic: hearsay named as a noun and answered, unasked
// help, sarcasm barbed with the harm, and sanctions named.
func TestReportedAndSarcastic(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"thanks for taking it down", "thanks @dario for taking the whole site down, very festive", idJudgement},
		{"chose the peak", "Thanks, everyone, for choosing Monday morning peak to trial the new routing rules.", idJudgement},
		{"who did decide", "Who did decide it is okay to open the clean room door during the filling?", idWhyQuestion},
		{"warning letter", "This engineer must receive a warning letter for what he did.", idAccountability},
		{"review his performance", "I have asked Sergio's manager to review his performance following this incident.", idAccountability},
		{"wrong of two without a comma", "[03:12] @kofi you scaled down eu-west not eu-central, pls undo", idAccident},
		{"you're on the other", "[02:14] @dana you're on prod-us-east, not staging. look at your prompt", idAccident},
		{"reported with an adjective", "News reports quoted an insider saying the provider's engineer had entered an incorrect parameter.", idAccident},

		{"claims that, unsupported", "Claims that fab technicians mishandled the chamber not supported by data.", ""},
		{"claims of, not substantiated", "Claims of site data-entry mistakes investigated and not substantiated.", ""},
		{"saying, not true", "In the press some people are saying the staff was not competent, this is not true.", ""},
		{"reports, inaccurate", "Reports circulating among staff that a single technician was responsible for the outage are inaccurate.", ""},
		{"without being asked", "I'd like to recognise the night crew, who repacked 600 boxes without being asked twice.", ""},
		{"twice on purpose", "Emeka ran the checks twice over the weekend, and both runs matched the source documents.", ""},
		{"brought back down", "Thanks to Ana for bringing the queue back down to zero.", ""},
		{"a regulator's letter", "The regulator's warning letter says excursions were recorded on paper in one building.", ""},
		{"our improvement plan", "Our insurers accepted our improvement plan without conditions.", ""},
		{"a deadline missed", "We missed the sponsor's export deadline by six hours; this review looks for the system reasons.", ""},
		{"asked for a break", "Aoife said she is exhausted and asked for a break, Rangi took her work for an hour.", ""},
		{"one cause or several, asked", "[16:02] is this one root cause or a few things lining up? let's not decide yet", ""},
	})
}

// TestReportedFailuresAndEndorsements: a reported failure stays the
// report's when nothing answers it, and what the writer endorses or turns
// down is set aside.
func TestReportedFailuresAndEndorsements(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"sources say, unanswered", "Sources say the lab's technician mislabelled the samples and did not follow the double-check protocol.", idOmission},

		{"people say, answered", "Some people say it was the fault of the new volunteer, but he was following the instruction card we gave him.", ""},
		{"suggestion, disagreed", "We have heard the suggestion that the warehouse team should have double-checked the labels, and we disagree with it.", ""},
		{"don't agree that", "I agree the tests should change; I don't agree that someone should have caught it.", ""},
		{"exactly as trained", "Kateryna was new to the role, and she escalated exactly as her training told her to.", ""},
		{"first month, by the chart", "Duty officer, in her first month, followed the escalation chart and paged the hydrologist.", ""},
		{"agreed to destroy", "We informed the opposing counsel the same day and they agreed to destroy the wrong volume.", ""},
	})
}

// TestSlipsToldInPassingAndOtherWork: slips told in the passive with their
// agent, oversleeping, a phone or radio beside a slip, and the near misses
// where the same words tell a plan or a place.
func TestSlipsToldInPassingAndOtherWork(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"left open by", "Freezer 3 thawed overnight. Lid left open by evening packer.", idAccountability},
		{"silenced by", "Boiler alarm silenced by duty porter; pressure kept rising for 40 min.", idAccountability},
		{"fired early by", "Opening flare fired early by the deck operator during the rehearsal.", idAccountability},
		{"created without expiry by", "Discount voucher created without expiry by the promotions desk; used 9,000 times.", idAccountability},
		{"overslept", "Gate opened late. Keyholder overslept.", idPersonState},
		{"phone beside a slip", "The crane driver was on the phone with his brother when the load hit the fence.", idPersonState},
		{"radio beside a slip", "Driver was speaking on radio with the yard and he pass the red signal.", idPersonState},
		{"absent from the console", "Pass lost. Night controller absent from console at acquisition.", idPersonState},
		{"clipped after a semicolon", "Tram 12 ran the red light; driver distracted by a passenger.", idPersonState},
		{"too busy to notice", "@ines too busy chatting to notice the fryer alarm", idPersonState},

		{"left open as the plan", "The loading door was left open by agreement with the site manager for the delivery.", ""},
		{"decided by a board", "The maintenance window was deferred by the change board to Friday.", ""},
		{"radio as the job", "The controller was on the radio with the crews when the alarm came in and handled both.", ""},
		{"saw it on the phone", "Lena saw the disk alert on her phone at 02:10 and started the failover as written.", ""},
	})
}

// TestActsGradedAndOverridden: an act not done as it should have been, a
// warning overridden, a punishment in a terse line; and the near misses.
func TestActsGradedAndOverridden(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"not done properly", "Our riggers didn't secure the truss properly, and it dropped during the sound check.", idOmission},
		{"not on time", "The outage ran long because the standby electrician did not show up on time.", idOmission},
		{"contrary to instructions", "The night baker did not switch off the proofing cabinet, contrary to the closing instructions.", idOmission},
		{"overridden anyway", "09:12 skipper sailed anyway even tho the harbour office said no", idOmission},
		{"despite being told", "The drill crew started despite being told the access road was still open.", idOmission},
		{"sat on it", "@billing sat on the refund escalation for 5 days, now it's a complaint", idOmission},
		{"a staff failure", "To be clear, the double charges were a staff failure and nothing else.", idOmission},
		{"disciplined in a terse line", "Cashier disciplined following the duplicate refund.", idAccountability},
		{"no longer permitted", "From Monday, Mr. Ade will no longer be permitted to approve refunds alone.", idAccountability},
		{"retrain asked for", "10:20 lanes 3 and 4 swapped again, gonna need a retrain for @milo", idAccountability},

		{"pods not in time", "The pods did not start in time during the failover.", ""},
		{"replaced anyway as a precaution", "We were told the pump was fine, and we replaced it anyway as a precaution.", ""},
		{"suspended service", "Service suspended after the storm; restored at 06:00.", ""},
		{"staff failure rates", "Staff failure rates on the certification test fell this year.", ""},
	})
}

// TestOneCauseAndDenials: a person or a department named as the one
// cause in more shapes, ironic thanks, who-questions that insist; and
// framing or blame denied where it stands.
func TestOneCauseAndDenials(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"the one thing that caused it was", "The one thing that caused the flood was the cellar crew leaving the valve open.", idPersonCause},
		{"identified as a possessed slip", "Root cause identified as cashier's miscount on the float.", idPersonCause},
		{"a department's act", "It all comes down to procurement ordering the wrong grade of steel.", idPersonCause},
		{"staff which", "The root cause of the spoilage is the night staff which switch off the chiller.", idPersonCause},
		{"thanks with an upside-down face", "thanks @printshop for the posters with last year's dates, love it 🙃", idJudgement},
		{"who, insisting on a name", "Who has approved this refund without a second check? I want the name.", idWhyQuestion},

		{"a tool's product asked about", "Why does TillPoint accept a refund larger than the sale?", ""},
		{"not because anyone was careless", "We are adding a second check because the step is easy to miss, not because anyone was careless.", ""},
		{"did nothing wrong", "The clerk who keyed the amount did nothing wrong; the form should have refused it.", ""},
		{"cause struck from a draft", "An earlier draft named \"cashier error\" as the root cause; we removed it, because the till allowed the refund.", ""},
		{"no single root cause", "We do not have a single root cause for this outage, and we list five conditions instead.", ""},
		{"optional by the spec", "The operator skipped the soak test, which the spec marks optional for pilot lots.", ""},
		{"slip with how it looked right", "I ran the wrong export first, and the runbook listed the two exports in an order that made that look correct.", ""},
		{"tired, roster changed", "The pickers were tired after four late shifts, and the new roster gives each of them a full day off.", ""},
	})
}

// TestKnownAndDismissed: what a person is said not to know, a post not
// kept, a warning dismissed, unchecked work passed on, irony that outweighs
// a word of help; and the near misses.
func TestKnownAndDismissed(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"did not know the instructions", "Our shift lead was new to the depot and did not know the local instructions for the crossing.", idPersonState},
		{"not at the post when called", "Gritting delayed 30 min. Crew chief not at post when called.", idPersonState},
		{"a warning dismissed", "Double booking at the hotel. Front desk agent dismissed overbooking warning.", idOmission},
		{"unchecked output submitted", "Wrong captions aired. Freelance translator submitted unchecked machine output.", idWithout},
		{"without even opening", "22:10 the reviewer signed off the release w/o even opening the diff", idWithout},
		{"irony outweighs during", "thanks @cdn_vendor for the \"small\" config push during the final, love it 🙃", idJudgement},

		{"we did not know it had changed", "We did not know the local instructions had changed that week.", ""},
		{"a ticket dismissed", "The support lead dismissed the duplicate ticket at 10:02.", ""},
		{"shipped on purpose", "We shipped the untranslated build on purpose for the internal beta.", ""},
		{"thanks during the outage", "thanks @ana for staying late during the outage, you saved us 🙏", ""},
	})
}

// TestWhichOfYouAndShortTenure: who-questions put to the readers or at a
// bad hour, tenure told as "only … weeks", and the near misses.
func TestWhichOfYouAndShortTenure(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"which of you, doubled mark", "which of you moved the insulin into the crash cart drawer??", idWhyQuestion},
		{"which one of you, without", "07:10 @ren: which one of you binned the bite tray?? it was on the bench", idWhyQuestion},
		{"so who, asked", "so who posted the exam password in the group chat?", idWhyQuestion},
		{"ugh who at a bad hour", "ugh who approved pushing the ticketing update at 6pm on a friday", idWhyQuestion},
		{"has approved at a bad hour", "Who has approved this tariff change on Friday evening?", idWhyQuestion},
		{"who was it", "who was it", idWhyQuestion},
		{"only his second week", "only his second week so of course he didn't know the press jams on thin stock", idPersonState},
		{"only two weeks here", "Our new porter, he is only two weeks here, so he don't know the lift must be locked.", idPersonState},
		{"only since Monday", "The new loader is only since Monday, so of course he don't know the hatch closes slow.", idPersonState},

		{"which of you can cover", "which of you can cover the Saturday shift?", ""},
		{"so who owns it", "so who owns the pump now?", ""},
		{"a system changed weeks ago", "He has ten years in this job, and the console was changed only three weeks ago.", ""},
		{"a machine ran weeks", "The pump had run for only two weeks when it failed.", ""},
		{"a good outcome", "Only two weeks in, Priya found the bug that had hidden for a year.", ""},
	})
}

// TestMockedAddressee: mock praise with a face of irony, aimed at a team
// or a person the line names, and the sincere or system-only near misses.
func TestMockedAddressee(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nice one, department", "nice one lighting, cue 40 fired in the middle of the encore 🙃", idJudgement},
		{"thanks for the surprise, vocative", "thanks for the surprise, paint shop, love finding wet frames in the dispatch bay 🙃", idJudgement},
		{"love that, acronym", "love that IT patched the tills ten minutes before opening. love it 🙄", idJudgement},
		{"oh cool, department", "oh cool, maintenance shut oven 2 down with zero notice, very helpful 🙃", idJudgement},
		{"wonderful, clapping a repeat", "wonderful, transport planning put the ice cream on the ambient route again 👏👏", idJudgement},
		{"thanks, thumbs-up after wandering off", "thanks VO for wandering off to the van mid-flight 👍", idJudgement},
		{"great job, team named at the end", "great job leaving the tank hatch open all weekend, maintenance 🙃", idJudgement},
		{"nice one, clapping a lapse", "nice one accounts, letting the customs bond lapse the week before peak season 👏", idJudgement},
		{"thanks, clapping a bad hour", "thanks capital works for commissioning the new reactor at 4pm on a Friday and going home 👏", idJudgement},
		{"rookie move", "rookie move by the new caster, reading the server address out live", idJudgement},

		{"sincere clapping", "great work everyone, site back up 👏", ""},
		{"sincere thumbs-up", "thanks ops for the quick fix 👍", ""},
		{"a system, irony", "wonderful, the build is green again 🙃", ""},
		{"a system, irony, word at the end", "wonderful, the build is green again, finally 🙃", ""},
		{"sincere thanks, addressee before for", "thanks night crew for covering the gap before the peak 👏", ""},
		{"stayed late, thumbs-up", "thanks @ana for staying late, you saved us 👍", ""},
	})
}

// TestTerseSanctions: dismissal, removal from a pool and a move to other
// duties while conduct is reviewed, and the near misses about things or a
// request.
func TestTerseSanctions(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"dismissed following", "Cashier dismissed following stock investigation.", idAccountability},
		{"removed from pool", "Invigilator removed from pool after repeated late arrivals.", idAccountability},
		{"moved while conduct reviewed", "Two members of the late shift have been moved to day duties while we review their conduct.", idAccountability},

		{"an alert dismissed", "The alert was dismissed after the second page.", ""},
		{"a pump pulled off the line", "The pump was pulled off the line for repair.", ""},
		{"moved at her request", "Ana was moved to the day shift at her request.", ""},
	})
}

// TestTradeRoles: roles of the yard, the pen and the fleet act as people.
func TestTradeRoles(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"hostler without", "Hostler moved the locomotive past the blue flag without authorisation.", idWithout},
		{"diver should have", "The diver should have closed the net before surfacing.", idCounterfactual},

		{"a config loader", "The config loader skipped the file without an error.", ""},
	})
}

// TestSlipsOfSystemsAndSearchesDeclined: a slip told of a machine with the
// system event that explains it, a search for one cause or one person
// declined, a step skipped told with "re-", and the near misses.
func TestSlipsOfSystemsAndSearchesDeclined(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"re-checking skipped", "I launched the drone on the first block without re-checking the geofence.", idWithout},
		{"a person's slip", "Olek accidentally cut the same job twice.", idAccident},
		{"a person's slip, then a person", "Olek accidentally cut the job twice after Mara restarted the queue.", idAccident},

		{"a machine's slip after a lock expired", "Mill accidentally cut the wrong blank after the queue lock expired.", ""},
		{"a portal's slip, explained", "Portal by mistake showed provisional marks as final: the cache reload lagged.", ""},
		{"one root cause would mislead", "Looking for one root cause would mislead us here; the sensor, the timer and the heat all mattered.", ""},
		{"not looking for the person", "We are not looking for the person, we try to understand how the advert went to the wrong page.", ""},
		{"not about one person's mistake", "We don't make this about the mistake of one person, many things were involved.", ""},
	})
}

// TestAgreedPlan: an act told as agreed or asked for is no blame; one
// that departs from the agreement is.
func TestAgreedPlan(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"departs from the agreement", "The contractor ran the update on all the pumps at once, instead of one pump first as agreed.", idReadsAsBlame},

		{"by agreement", "The loading door was left open by agreement with the site manager for the delivery.", ""},
		{"at her request", "Ana was moved to the day shift at her request.", ""},
	})
}

// TestOwnActAsOneCause: the writer's own act, or a leader's decision,
// named as the one cause; and the near misses.
func TestOwnActAsOneCause(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"my wrong setting", "The root cause was my wrong setting of the feeding timer.", idSelfBlame},
		{"a leader's decision", "The root cause of the leak was the module leader's decision to email the paper unencrypted.", idPersonCause},
		{"a time word before the act", "root cause tonight = the stagehand wiping the console, period", idPersonCause},

		{"our setting, no slip", "The root cause was our setting of the timer.", idSingleCause},
		{"a leader node", "The leader node failed and the election timed out.", ""},
	})
}

// TestActThenHarm: a terse act and then harm alone in the next sentence;
// and the near misses: harm denied, a responder's act, an act with its
// reason, an act after an alarm, two paragraphs.
func TestActThenHarm(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"act, then failure", "Pumpman started the cargo pump against a closed discharge valve. Pump seal failed.", idAccident},
		{"act, then recall", "Plant manager released the cheese lots before the lab results were in. Two lots recalled.", idAccident},
		{"act, then complaint", "Audiologist loaded another patient's profile during the fitting. Complaint upheld.", idAccident},

		{"harm denied", "Pilot landed in the field. No injuries, no property damage.", ""},
		{"a responder", "Duty manager paged the DBA. Two tables lost.", ""},
		{"with its reason", "Operator opened the valve as the permit listed. Seal failed.", ""},
		{"after an alarm", "Engineer restarted the sorter after the jam alarm cleared. Two bags damaged.", ""},
		{"harm with its cause", "Fitter closed the hatch. Seal failed due to corrosion.", ""},
		{"separate paragraphs", "Fitter closed the hatch.\n\nSeal failed.", ""},
	})
}

// TestHabitLapse: people told as leaving the work undone for a while, and
// the near misses: a machine, a reason, work done all along, a bypass
// with approval.
func TestHabitLapse(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"kept dismissing for a month", "Our audiologists kept dismissing the fitting update prompt for over a month.", idOmission},
		{"is skipping since two months", "Maintenance is skipping the weekly greasing on the chain drive since two months.", idOmission},
		{"not writing since three days", "The night shift, they are not writing temperatures in the log since three days.", idOmission},
		{"running month", "The valuation team has under-declared freight costs for the second month running.", idOmission},

		{"a machine kept running", "The pump kept running for two hours.", ""},
		{"work done all along", "The nurses kept monitoring the patient for two hours.", ""},
		{"an export not running", "The nightly export was not running since three weeks, and no alarm showed it.", ""},
		{"blame not assigned", "The organisation is not assigning blame for the oversell.", ""},
		{"a bypass with approval", "Sawyer bypassed the scanner with approval of the supervisor while the laser was cleaned.", ""},
	})
}

// TestMachinesAndDeclinedSearches: counterfactuals and slips of machines,
// searches for a culprit declined, states answered by a change, sincere
// thanks after an outside delay; and the blame twins.
func TestMachinesAndDeclinedSearches(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a desk and its script", "Had the service desk followed its own script, the ticket would have been priority 1.", idCounterfactual},
		{"a person's slip, a person's reason", "Two linguists edited the same file by accident, because they forgot to check the lock.", idAccident},

		{"a machine and its readings", "If the grip tester had stored its raw readings, we would have seen the drift.", ""},
		{"a person registered", "Had a second sworn translator been registered for wet signatures, the documents could have gone the same day.", ""},
		{"slip explained by a lock", "Two linguists edited the same file by accident, because the lock was lost when the server restarted.", ""},
		{"a logger after its batteries", "The shipment logger accidentally stopped recording after its batteries were swapped.", ""},
		{"did not seek", "Review did not seek to identify the individual responsible; focus on the dispensing process.", ""},
		{"nobody asked who", "Nobody asked who was on shift; we asked what the shift could see on its screens.", ""},
		{"a culprit looked for, none", "We looked hard for a single culprit in the planer fire, and there is not one.", ""},
		{"tired, roster now planned", "The midwife was on her fourth night in a row and very tired, so the unit now plans the roster with three nights at most.", ""},
		{"thanks after a delay", "Thanks to Hiroshi for re-tuning the piano in forty minutes after the freight delay.", ""},
		{"thanks, smoothly through", "Thanks to the bar team for running tabs smoothly through the outage.", ""},
	})
}

// TestPersonFailingAfterOneCause: a person or a group told failing after a
// single-cause framing, and the near misses where a thing fails.
func TestPersonFailingAfterOneCause(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a department ignored", "it's all because kitchen ignored the texture chart, that's the cause", idPersonCause},
		{"choosing not to", "At the heart of it, the whole event stems from one decision: the night manager choosing not to call the doctor.", idPersonCause},

		{"a pump failing", "The root cause was the pump failing under load.", idSingleCause},
		{"a scheduler missing", "The single cause was the scheduler missing the window.", idSingleCause},
	})
}

// TestOwnFailingAndFirstTimeAlone: the writers' own omission after a
// single-cause framing, a first time alone told beside what the person
// did not know; and the near misses.
func TestOwnFailingAndFirstTimeAlone(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"we didn't test, the root of it", "At the root of it, we didn't test the import, and that's the whole story.", idSelfBlame},
		{"first time alone, didn't know", "Our night scientist was on her own for the first time and didn't know she had to phone the critical results.", idPersonState},

		{"we did not have an alert", "At the root of it, we did not have an alert on the queue.", idSingleCause},
		{"first time alone, went well", "She ran the bench on her own for the first time and it went smoothly.", ""},
	})
}

// TestTeamsOwnCounterfactuals: a counterfactual about the team's own plan
// or its consequence clause; and the blame twins.
func TestTeamsOwnCounterfactuals(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a person had", "If the planner had capped the orders, the store would not have overflowed.", idCounterfactual},

		{"if we had", "If we had held a standby van on contract, the trains would have left with full stock.", ""},
		{"we could have, consequence", "Had the booking system flagged the double use of the lawn, we could have offered the couple the garden.", ""},
		{"a why-clause raised with them", "Why the signature provider posted no status notice for four hours is something we have raised with them.", ""},
	})
}

// TestProcessLanguageAndAssumptions: compound roles, reprimands told as
// talks, conduct graded against a standard, assumptions told as the whole
// story, habits, clipped states and mock thanks; and the near misses told
// of things, of the writer or with a reason.
func TestProcessLanguageAndAssumptions(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"compound role", "The winchman forgot to lock the drum before the lift.", idOmission},
		{"compound role at fault", "In my view the boatman is at fault.", idAccountability},
		{"talk had, passive", "A conversation has been had with the yard supervisor about the lockout.", idAccountability},
		{"talk about what they owe", "We had a conversation with Priya about her responsibilities on the night desk.", idAccountability},
		{"written up", "Two loaders were written up after the spill.", idAccountability},
		{"deviated from procedure", "A technician deviated from the approved isolation procedure.", idOmission},
		{"did not adhere", "One fitter did not adhere to the torque standard.", idOmission},
		{"non-compliance by", "The audit recorded non-compliance by the ramp crew with the chock rule.", idOmission},
		{"actions short of a standard", "The duty electrician's actions fell short of the standards in our manual.", idJudgement},
		{"behaviour inconsistent", "The behaviour of one porter was inconsistent with our safety culture.", idJudgement},
		{"failure of the individual", "Management called it a failure of the individual.", idJudgement},
		{"just assumed", "Purchasing just assumed the supplier had tested the batch.", idJudgement},
		{"assumed, told alone", "The operator blindly assumed the tank was empty.", idJudgement},
		{"habit in the present", "The night crew never reads the shift log.", idOmission},
		{"thanks for nothing", "thanks for nothing @stores, the spares shelf is empty again", idJudgement},
		{"a laugh before mock praise", "lol nice one @kemal, the gate was left open all night", idJudgement},
		{"one cause, a who", "The one cause was a rushed sifter who skipped the screen check.", idOmission},
		{"found at fault", "Ferry grounding: relief mate found at fault.", idAccountability},
		{"to blame for", "Storeman to blame for missing spares, memo says.", idAccountability},
		{"responsible for this event", "Let me be clear that the gate attendant is responsible for this event.", idAccountability},
		{"clipped, after a long shift", "Porter exhausted after 16-hour shift; dropped the sample tray.", idPersonState},
		{"clipped, not qualified", "Forklift driver not qualified on the reach truck was moving pallets.", idPersonState},
		{"only weeks in", "Our booking clerk, only three weeks in, cancelled the wrong tour.", idPersonState},
		{"mixed up", "Lena mixed up the two delivery manifests.", idAccident},
		{"not attention", "The guard was not attention when the barrier is closing.", idJudgement},
		{"second-language counterfactual", "If the packer was checking the label, this not happen.", idCounterfactual},
		{"duty role in a counterfactual", "Had the duty nurse checked the chart, the dose would not have been given.", idCounterfactual},

		{"talk with a vendor", "We had a conversation with the vendor about the timeline.", ""},
		{"a route deviated", "The route deviated from the planned path because of the closure.", ""},
		{"deviated with its reason", "Dave deviated from the runbook because step 4 named a host that no longer existed.", ""},
		{"consistent with safety", "The night crew's response was consistent with our safety procedures.", ""},
		{"a machine's performance", "The pump's performance fell short of the datasheet.", ""},
		{"assumed with a reason", "The operator assumed the valve was shut because the indicator showed closed.", ""},
		{"a runbook assumed", "Our runbook assumed a single region.", ""},
		{"each other", "Both teams assumed the other owned the certificate.", ""},
		{"a thing never reads", "The level sensor never reads above 90 %.", ""},
		{"sincere praise with clapping", "great work night crew, all 40 trucks out on time 👏", ""},
		{"nobody at fault", "No operator was found at fault.", ""},
		{"state that did not matter", "Ops lead tired after long shift; the handover worked as intended.", ""},
		{"a valve not rated", "Valve not rated for the pressure.", ""},
		{"a migration weeks in", "The migration, only two weeks in, stalled on the index build.", ""},
		{"labels mixed up by a queue", "The labels were mixed up in the print queue.", ""},
		{"careless default", "The careless default in the storage system set the quota at 1 TB.", ""},
		{"a setting graded", "The default retention setting was careless, and we replaced it.", ""},
		{"a machine forgot after a reboot", "The sign controller forgot its position after the power cut.", ""},
		{"root-cause analysis as an event", "The root cause analysis workshop is on Friday with the vendor.", ""},
		{"training in the method", "Root cause analysis training will be offered to all supervisors.", ""},
	})
}

// TestRestrictionsAndIndividualConduct: sanctions told as restrictions
// until a refresher, statements that clear the systems and put the incident
// in one person, values keyed wrong, tagged accusations, hours into a
// shift, and habits of working badly; and their near misses.
func TestRestrictionsAndIndividualConduct(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"step back until a refresher", "We have asked Ayo to step back from load sign-off until he completes a refresher.", idAccountability},
		{"grounded pending review", "Skipper grounded pending review; ticket referred to the regulator.", idAccountability},
		{"no longer handle until", "Mira will no longer handle refunds until she has been through the module again.", idAccountability},
		{"note on the file", "The rigger will be re-certified before resuming duties, and a note has been placed on his file.", idAccountability},
		{"capability meeting", "A capability meeting has been set with the packer to discuss repeated lapses.", idAccountability},
		{"systems cleared, one individual", "Our systems remain robust; this was a matter of individual compliance on the night.", idJudgement},
		{"the conduct of one individual", "We have full confidence in the plant; what we are addressing is the conduct of one individual.", idJudgement},
		{"a value keyed wrong", "The operator keyed 4.5 t instead of 45 t into the mixer screen.", idAccident},
		{"was this you", "@lio was this you with the loading gate??", idWhyQuestion},
		{"explain why, yours", "@rani can you explain why the van keys were in your bag", idWhyQuestion},
		{"hours into a shift", "Dispatcher in fourteenth consecutive hour; fatigue noted as a factor in the lapse.", idPersonState},
		{"slept under", "The skipper had slept under four hours before the crossing.", idPersonState},
		{"only in her second week", "Being only in her second week, our new baker did not know the oven alarm.", idPersonState},
		{"pattern of working badly", "The contract cleaners have a pattern of treating the lockout tags as optional.", idJudgement},

		{"a pump grounded", "Flights grounded pending review of the de-icing fluid.", ""},
		{"a release paused", "We paused the release until the security review finished.", ""},
		{"individual choices that made sense", "The individual choices each made sense at the time, and our systems made them easy.", ""},
		{"our own choice of value", "We set the limit to 40 instead of 30 to leave headroom for the sale.", ""},
		{"a question for help", "@aisha can you explain why the dashboard shows two queues?", ""},
		{"a machine's hours", "The pump ran for its twelfth hour without a fault.", ""},
		{"new and handled well", "Sadia was only in her second week, but she handled the spill very well.", ""},
		{"a thing's pattern", "The pump has a pattern of tripping on cold mornings.", ""},
		{"a good track record", "The crew has a strong track record of clean handovers.", ""},
		{"stopped by the system", "A fitter keyed an incorrect torque limit; the interlock blocked the change.", ""},
	})
}

// TestTradeHandsAndActingBeforeChecks: hands and tenders of a trade,
// sarcasm that grades people, single-cause headlines and acts done before
// the person's own check; and their near misses.
func TestTradeHandsAndActingBeforeChecks(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a cellar hand", "Cellar hand faulted for pumping must into the wrong tank.", idAccountability},
		{"would it have killed", "would it have killed her to ring the depot first", idJudgement},
		{"a total mess", "marta made a total mess of the pallet labels this morning", idJudgement},
		{"called it a day", "lol @ben swept half the yard and called it a day", idJudgement},
		{"down to one factor", "Flood down to one factor: the pump float stuck.", idSingleCause},
		{"before her own check", "The nurse started the infusion before she checked the chart.", idWithout},
		{"before to measure", "The brewer has gave approval for the batch before to measure the gravity.", idWithout},

		{"the other hand", "On the other hand, the pump failed twice.", ""},
		{"all hands", "All hands joined the bridge call at 02:10.", ""},
		{"a tender for suppliers", "We put the tender out to three suppliers.", ""},
		{"a pump's mess", "The pump made a total mess of the floor when the seal went.", ""},
		{"we called it a day", "We finished the cutover at 18:00 and called it a day.", ""},
		{"before the writer", "Their engineer Ines joined our bridge before we had finished writing up the symptoms.", ""},
		{"suspected before the vendor", "Anh correctly suspected the modem batch before the vendor confirmed it.", ""},
		{"timing alone", "Ana rolled back the change shortly before the vendor confirmed the fix.", ""},
	})
}

func TestNamesMeasuresAndHeldOffFramings(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a whole name", "Diego Alvarez paused the wrong server.", idAccident},
		{"a role before a whole name", "Referee Priya Nair paused the wrong match.", idAccident},
		{"a name in chat", "14:02 olumide forgot to renew the cert", idOmission},
		{"a trade's role", "The groom forgot to latch the gate.", idOmission},
		{"hours awake in words", "The engineer who pushed the change had been awake for more than twenty hours.", idPersonState},
		{"any step left out", "The admin restarted the bracket service without draining active match connections.", idWithout},
		{"summed up: it was", "Bottom line, it was the certificate chain.", idSingleCause},
		{"summed up: because", "Fundamentally, this happened because the queue had no bound.", idSingleCause},
		{"tl;dr", "tl;dr: the cache was stale, that caused it", idSingleCause},
		{"the key cause", "The key cause of the delay was the storage array failover.", idSingleCause},
		{"is what broke", "A single vendor library upgrade is what broke payslip generation.", idSingleCause},
		{"started from one", "The whole chain of failures started from one cracked weld.", idSingleCause},
		{"everything happen because", "Everything happen because GPS of the trucks was not working.", idSingleCause},
		{"taken off nights", "18:44 @mohammed.a: taking jaroslav off nights for a while", idAccountability},
		{"limited permissions", "Management has limited Marco's write permissions on the bracket service.", idAccountability},
		{"taken off a contract", "At our request, the vendor has taken their account engineer off our contract.", idAccountability},
		{"not more allowed", "Colleague from the vendor is not more allowed to connect on our SCADA network.", idAccountability},
		{"reassigned to duties", "Gate clerk reassigned to non-transactional duties.", idAccountability},
		{"access revoked for someone", "Access to the billing database has been revoked for the analyst until retraining is complete.", idAccountability},
		{"shadow a senior", "We've asked Beatriz to shadow a senior analyst for a month.", idAccountability},
		{"sent again to training", "The planner will be sent again to the TOS training.", idAccountability},
		{"the wrong one of two numbers", "Operator opened hydrant 14 instead of 41.", idAccident},
		{"a knock", "The mechanic knocked the e-stop while reaching for the grease gun.", idAccident},
		{"got it wrong on", "The technician got the dose wrong on the grey mare.", idAccident},
		{"ironic praise in words", "03:18 <gustavo> wonderful, warehouse has decided scanners are optional tonight", idJudgement},
		{"a round of applause", "11:04 <t.okafor> round of applause for court IT, same cert expired twice in one year", idJudgement},
		{"an error done by", "The error was done by Ms. Haddad when she was merging two records.", idAccountability},
		{"a person's misreading", "Abdi's misreading of the stowage plan left two containers stacked together.", idAccountability},
		{"a missing ticket", "Welder lacked current confined-space ticket at time of entry.", idPersonState},
		{"a duty undone", "Wenjie needed to confirm the backup before dropping the partition, and he did not.", idOmission},
		{"a duty undone, second language", "He must to stop the pumps when he see the blocks moving, but he continue.", idOmission},
		{"wear in slow reactions", "Keeper on fourth consecutive late shift; reactions noticeably slow.", idPersonState},
		{"a question answered", "What was the root cause? A stale cache entry.", idSingleCause},
		{"a rhetorical question", "Is it any surprise that the root cause was a stale cache?", idSingleCause},

		{"a name and a time", "Diego Alvarez restarted the server at 10:02 after the alert.", ""},
		{"a passenger", "The passenger forgot his bag on the platform.", ""},
		{"a pump awake", "The pump had been running for more than twenty hours.", ""},
		{"an outcome spared", "The database failed over without dropping a connection.", ""},
		{"no one woken", "She fixed it without waking anyone.", ""},
		{"in the end, a fix", "In the end, the team restored service at 04:10.", ""},
		{"basically a long night", "Basically, it was a long night.", ""},
		{"started with one person", "The project started with one engineer.", ""},
		{"off a call to sleep", "We took the engineer off the incident call so she could sleep.", ""},
		{"moved to a tool", "We moved the on-call engineer to the new paging tool.", ""},
		{"customers no longer allowed", "Customers are no longer allowed to book Sunday slots.", ""},
		{"access revoked for all users", "Access to the old console was revoked for all users in March.", ""},
		{"new hires shadow", "New hires shadow a senior engineer for their first month.", ""},
		{"shadowing that helped", "Priya shadowed a senior engineer during her onboarding and found the bug.", ""},
		{"a scheduler's choice", "The scheduler assigned crane 3 instead of crane 5.", ""},
		{"the wind", "The wind knocked the sign over.", ""},
		{"our own slip", "We got the timezone wrong in the config.", ""},
		{"no one did wrong", "Priya: thanks all. nobody did anything wrong here today", ""},
		{"the team on it again", "09:12 <li> great, the db team is on it again, thanks all", ""},
		{"an error from a thing", "The error was from the vendor API, which returned a 500.", ""},
		{"an error denied", "The mistake was not made by the operator; the screen showed the wrong unit.", ""},
		{"a crane's certificate", "The crane lacked a valid inspection certificate.", ""},
		{"a duty done", "Priya needed to restart the node, and she did at 10:02.", ""},
		{"a duty blocked", "The runbook said the operator should restart the service, but he did not because the restart was blocked.", ""},
		{"tempting to name", "It is tempting to name the expired cert as the root cause, but it had expired twice before.", ""},
		{"asked, yes or no", "Was the reagent lot the root cause?", ""},
		{"asked in chat", "11:30 <oskar> are we sure the fan gun is the root cause? data doesn't say that yet", ""},
		{"a mistake to look", "It would be a mistake to look for one cause.", ""},
		{"caution against", "I would caution against drawing conclusions about a root cause at this stage.", ""},
		{"traced back from the incident", "The discrepancy traces back to a data-entry mistake.", idSingleCause},
		{"an origin line", "Origin of event: a stale DNS record.", idSingleCause},
		{"no other factor", "Defective test kit lot 4471 behind all false positives; no other factor.", idSingleCause},
		{"a cable traced back", "We traced the cable back to the patch panel.", ""},
		{"the origin of data", "Origin of the data: the nightly export.", ""},
		{"screwed this up", "honestly oskar screwed this up, he flew when everyone told him not to", idJudgement},
		{"nights straight", "Our night porter had worked four nights straight and was half asleep when the alarm panel chirped.", idPersonState},
		{"behind every", "That job is behind every missing booking.", idSingleCause},
		{"a headline's behind", "Headline: faulty gas mixer behind drift in culture conditions.", idSingleCause},
		{"an event's cause line", "Derailment cause: broken switch rail at Oak Lane turnout.", idSingleCause},
		{"a root cause statement", "Root cause statement: failure of the SAG mill trunnion lube pump.", idSingleCause},
		{"what killed", "What killed the plasma stock was a single perished door seal on the freezer.", idSingleCause},
		{"at its core", "In its core, failure of embryo warming was because the thermostat read 3 degrees too low.", idSingleCause},
		{"is about one thing", "Fundamentally this incident is about a missing time-zone setting in the SMS gateway.", idSingleCause},
		{"boiled down", "Boiled down, the embryo loss is the result of a freezer that never alarmed.", idSingleCause},
		{"the storm messed things up", "The storm messed things up for the whole fleet.", ""},
		{"nights worked to finish", "We worked four nights straight to finish the migration, and it went smoothly.", ""},
		{"the team behind every release", "The team behind every release is small.", ""},
		{"fell behind", "We fell behind every deadline that week.", ""},
		{"a possible cause", "Possible cause: a loose cable.", ""},
		{"at heart", "At heart, the team cares about safety.", ""},
		{"really their fault?", "Was it really the dispatcher's fault? The data says the warning never reached her screen.", ""},
		{"careless, or normal?", "Was the night team careless, or were fourteen alarms in a night simply normal for that freezer?", ""},
		{"did anyone actually look", "Did anyone on our team actually look at the diff before approving it?", idWhyQuestion},
		{"in place of", "The signaller has set the route to depot road 6 in place of road 9.", idAccident},
		{"rather than, numbered", "The technician opened valve 2 rather than valve 3, flooding the cells.", idAccident},
		{"took the wrong one", "Our embryologist took dish 7 instead of dish 1 from the incubator shelf.", idAccident},
		{"in no condition", "The depot foreman had come in with a fever and was in no condition to supervise the lift.", idPersonState},
		{"shadowed by a senior", "As a corrective action, the night controller will be shadowed by a senior controller for six weeks.", idAccountability},
		{"their rights removed", "Both receptionists who were involved, we have removed their admin rights in the booking system.", idAccountability},
		{"someone's access revoked", "18:02 @eng-mgr: kenji's write access to the billing db is revoked as of now", idAccountability},
		{"started at another time", "Load-in started at 15:00 in place of 12:00, but the concert started on time.", ""},
		{"traffic spread", "We routed traffic to region 2 rather than region 3 to spread the load.", ""},
		{"a road in no condition", "The road was in no condition to take heavy trucks.", ""},
		{"new starters supervised", "New starters will be supervised by a senior engineer for their first month.", ""},
		{"users without access", "Users will not have access to the old portal after June.", ""},
		{"a choice with what it weighed", "At 2am, with a single alert and no runbook entry, Jae-won chose to wait for the next batch rather than wake the database team.", ""},
		{"a skip judged reasonable", "Samira skipped the second calibration check because the instrument had passed its self-test minutes earlier, a reasonable call with what she could see.", ""},
	})
}

func TestWarningsWatchesAndThingsTakenAway(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a warning issued, terse", "Final warning issued to groomer for second breach of closure rules.", idAccountability},
		{"warnings issued to a group", "Written warnings have been issued to both gate clerks on the night shift.", idAccountability},
		{"counselled, terse", "Responsible staff member counselled and re-certified.", idAccountability},
		{"watched more closely", "The night snowmaking lead has been moved to days, where he can be watched more closely.", idAccountability},
		{"no longer without a second", "Zainab will no longer approve stock transfers without a second signature from her supervisor.", idAccountability},
		{"asked to stop without a second", "We have asked Siobhan to stop approving licence changes without a second signature after this one.", idAccountability},
		{"paired with a senior for every", "Leon will pair with a senior engineer on every assignment-service deploy for the next quarter.", idAccountability},
		{"will supervise a person", "After this incident the manager will supervise Dmitri for all the refund batches during three months.", idAccountability},
		{"removed until a review", "We have removed the seat-map designer from production publishing until a full competency review is complete.", idAccountability},
		{"closer supervision of a class", "We are instituting closer supervision of new pharmacy technicians on night shifts after this incident.", idAccountability},
		{"rights taken off a person", "12:12 @kenji: can we please take publish rights off Anouk before she does this again", idAccountability},
		{"a button taken away", "13:50 <nkechi> someone should take the bulk-delete button away from the cataloguers", idAccountability},
		{"that person removed", "We have asked SwiftMed to remove that driver from our contract.", idAccountability},
		// Near misses: work, not people, moved or watched.
		{"an entry removed until a deploy", "We removed the stale entry from the cache until the next deploy.", ""},
		{"load taken off a server", "We moved the load off the primary until the review.", ""},
		{"keys off a hook", "We took the keys off the hook.", ""},
		{"closer monitoring of a queue", "Closer monitoring of the queue depth is an action item.", ""},
		{"supervising a restore", "Amir will supervise the restore on Tuesday.", ""},
		{"a replica no longer without a second", "The replica will no longer accept writes without a second confirmation.", ""},
		{"paired during the failover", "Kim paired with a senior engineer during every step of the failover and it went well.", ""},
		{"warnings on a dashboard", "Warnings issued to the dashboard were ignored.", ""},
	})
}

func TestAlwaysTheOneOriginAndLeadsBack(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"it was always the one thing", "08:15 <henrik> found it. it's the UPS. it was always the UPS.", idSingleCause},
		{"always going to be", "10:22 <lars_e> found it. it's the NTP server. it was always going to be the NTP server.", idSingleCause},
		{"all roads lead back", "All roads lead back to the BIMS database migration on Tuesday night.", idSingleCause},
		{"every symptom leads back", "Every symptom we saw leads back to the change in the default page size of the courier search API.", idSingleCause},
		{"a single origin shared", "Board note: the January lift outages share a single origin, the ageing drive controller on the Eagle Express.", idSingleCause},
		{"everything else a symptom", "It's the gearbox. Everything else we saw was a symptom of the gearbox.", idSingleCause},
		// Near misses.
		{"always the same alert", "It's always the same alert that fires at night.", ""},
		{"always the plan", "It was always the plan to move the database.", ""},
		{"always going to be busy", "It was always going to be a busy weekend.", ""},
		{"a joke about DNS", "We were joking on the bridge that it was always DNS; this time it genuinely was not.", ""},
		{"a cable leads back", "The cable leads back to the patch panel.", ""},
		{"one symptom of several", "The high latency was a symptom of the saturated link, one of three factors.", ""},
		{"traced to three changes", "We traced every symptom back to three separate changes.", ""},
		{"single-origin coffee", "We shipped about 300 bags labelled as decaf that were in fact our Huila single origin, and we are deeply sorry.", ""},
	})
}

func TestTurnedFromPersonAndNamesPutDown(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"instead of asking why", "Instead of asking why Olga hesitated, we asked what the alarm told her, and the answer was almost nothing.", ""},
		{"instead of asking who", "Instead of asking who missed the crack, we asked what the survey method can and cannot see.", ""},
		{"found a tangle instead", "We went looking for a root cause and found a tangle of them instead.", ""},
		{"a name weighed and put down", "We could call the expired certificate the root cause, but that would hide why no one was told it was expiring.", ""},
		{"calling it would overstate", "The missing index had been there for eight months with no visible effect, so calling it the root cause would overstate it.", ""},
		{"no retraining planned", "We are not going to retrain individuals for this one; the action items are all about the console, the pick list and the alerting.", ""},
		{"one of four things", "When I first read the timeline I thought it was my change, but my change was only one of four things that had to go wrong.", ""},
		// Still flagged.
		{"retraining planned", "We are going to retrain the dispatcher.", idAccountability},
		{"instead of the backup", "Instead of the backup, Olga restored the wrong volume.", idAccident},
		{"looked for and found", "We went looking for the root cause and found it: the expired certificate.", idSingleCause},
	})
}

// TestMissedWithWhatMadeItEasy: a missed page, call or alarm told with
// what made it easy to miss is not an omission, nor blame to the model;
// a reason that is a state, a muted phone or a step not taken stays one.
func TestMissedWithWhatMadeItEasy(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a phone on a network that blocks pushes", "Anneliese missed the page because her phone was on the depot Wi-Fi, which blocks the push service.", ""},
		{"an alarm that sounds like a routine one", "Dmitri missed the first queue alarm, which plays the same tone as the routine heartbeat warning.", ""},
		{"a battery that died up a pole", "Kofi missed the page because his phone battery died at the top of the pole.", ""},

		{"asleep", "Dmitri missed the first queue alarm because he was asleep.", idOmission},
		{"a phone on silent", "Raj missed the page because his phone was on silent.", idOmission},
		{"a check not made", "Dmitri missed the alarm because he did not check his phone.", idOmission},
		{"no reason", "Dmitri missed the alarm.", idOmission},
	})
}

// TestUntilRedone: access or work withheld from one person until they do
// training or a module again; not a rule for newcomers or a thing's
// review.
func TestUntilRedone(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"until he makes the training again", "We decided that Piotr will not have the access on the OMS admin until he makes the training again.", idAccountability},
		{"until he redoes a module", "We've agreed that Hiroshi loses write access in SiteLedger until he redoes the change-control module.", idAccountability},
		{"chat, creds", "pls can someone take yusuf's prod creds off him until he does the training", idAccountability},

		{"newcomers", "New starters cannot approve changes until they complete the onboarding training.", ""},
		{"a thing's review", "The change stays behind the flag until the vendor completes its security review.", ""},
		{"waiting for a person, no remedy", "We held the release until Priya finished the migration.", ""},
		{"until as the last word", "The engineer was disciplined and access stays off until", idAccountability},
	})
}

// TestActedBeforeApproval: a person or a team acting before an approval
// was recorded or received; not the writer's team nor a system.
func TestActedBeforeApproval(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"before approval was recorded", "The coordinator enrolled three subjects before ethics approval was recorded.", idWithout},
		{"before they received the approval", "Site team in Lima has enrolled three patients before they received the approval of ethics committee.", idWithout},
		{"a group, terse", "Site staff in Lima enrolled three subjects before ethics approval was recorded.", idWithout},

		{"the writer's team", "We paused enrolment before ethics approval was recorded.", ""},
		{"a system", "The scheduler released the batch before approval was recorded, because the flag defaulted to on.", ""},
	})
}

// TestDoubtedAndRejectedFramings: blame or one cause asked about and
// answered with doubt, doubted beforehand, rejected or disputed by name,
// called unhelpful to seek, or reported from others and contradicted; and
// the same claims made plainly.
func TestDoubtedAndRejectedFramings(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"asked, answered with doubt", "21:30 <sandra> was it human error? idk, the permit form was missing the circuit ID field", ""},
		{"one cause asked really", "is it really one root cause tho? cert + alert routing + roster all had to fail", ""},
		{"not convinced", "not convinced the culprit is the cron tbh, cache was already stale before 05:00", ""},
		{"a characterisation rejected", "The review explicitly rejects the initial characterisation of this event as operator error.", ""},
		{"unhelpful to seek", "It would be unhelpful to seek an individual to hold responsible; the controls were not designed for this volume.", ""},
		{"claims in the press, not supported", "Claims in the press that a single staff member caused the outage are not supported by our findings.", ""},
		{"an early report withdrawn", "Initial field report citing operator error withdrawn after log review.", ""},

		{"human error said", "It was human error on Marco's part.", idHumanError},
		{"the culprit named", "the culprit is the cron, the cache went stale at 05:00", idSingleCause},
		{"operator error found", "The review found operator error.", idHumanError},
		{"an early report that stands", "The initial field report found operator error at the pump.", idHumanError},
		{"claims rejected are insurance claims", "Adjusters still reject the dental claims, they are not reading the new guidance.", idOmission},
		{"a single staff member", "A single staff member caused the outage.", idAccountability},
	})
}

func TestJudgedTemptedAndDismissedFramings(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"reports denied", "The vendor denies reports that a contractor caused the outage.", ""},
		{"claims rejected", "Carrier rejects claims that depot staff caused the delay; the routing fault is under review.", ""},
		{"a description judged after", "Several newspapers described this as human error; we think that description is misleading.", ""},
		{"a suggestion judged after", "It was suggested that a single root cause could be named, but that oversimplifies the night.", ""},
		{"wanted to blame, but", "A few people wanted to blame the night crew, but the logs showed the scanners had stopped uploading.", ""},
		{"first instinct, but", "My first instinct was to call it operator error, but the checklist itself told her to reset both pumps.", ""},
		{"not the result of any action", "The shutdown was a protective trip, not the result of any action by the controller on shift.", ""},
		{"nobody acted outside", "We went through the timeline together and nobody acted outside what the procedure asked of them.", ""},
		{"retraining no help", "Retraining individuals would not fix a screen that hides the second alarm.", ""},
		{"tired, a problem for planning", "The pickers are tired after the peak weeks; this is a problem for the planning, not for them.", ""},
		{"a sanction needed", "We need Ilse retrained on the override procedure before her next night shift.", idAccountability},
		{"chat's rc looks like", "09:12 <mo> rc looks like the stale dns entry on edge-3", idSingleCause},
		{"chat's its all bc of", "09:20 <mo> its all bc of the eviction policy on the session cache", idSingleCause},
		{"identified as the reason", "Undersized relay identified as the reason for the dropped calls.", idSingleCause},

		{"reports of blame, not denied", "Reports that a contractor caused the outage are accurate, and he has been removed from the site.", idAccountability},
		{"the writer's own blame after a description", "Some described this as bad luck; it was human error by the operator.", idHumanError},
		{"wanted to, no turn", "The supervisor wanted to blame the night crew for the backlog.", idAccountability},
		{"a measure for everyone", "We need everyone retrained on the new console.", ""},
		{"retraining as the fix", "Retraining the operator will fix this.", idAccountability},
		{"a pipe's reason", "The relay was identified as the reason for the delay in the report.", ""},
	})
}

func TestSecondLanguageSlipsAndAbsences(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"making mistake", "I am making mistake with the country code, I put 44 where must be 33.", idSelfBlame},
		{"did mistake", "Yesterday I did mistake in the tariff file.", idSelfBlame},
		{"wandered off", "09:40 <rui> boiler room op wandered off to the canteen, nobody on the radio for half an hour", idPersonState},
		{"freaking out", "10:02 <kat> front desk ppl totally freaking out and letting everyone in without badges", idPersonState},
		{"a possessed slip", "Checkout went down after the admin's accidental shutdown of the pricing service.", idAccident},
		{"one person with who", "Incident attributed to night clerk who keyed orders into the wrong accounts.", idAccountability},

		{"a mistake of the system", "The system did mistake in the tariff file after the upgrade.", ""},
		{"animals wandered off", "The sheep wandered off after the fence sensor failed.", ""},
		{"customers freaking out", "Customers were freaking out on social media, so we posted an update every half hour.", ""},
		{"a machine's accidental shutdown", "The compressor's accidental shutdown came from a loose sensor lead.", ""},
		{"the people affected", "Subscribers who hit the paywall in error have received a free month.", ""},
		{"who asked", "We would rather fix the grader than debate who should have spotted the defect.", ""},
	})
}

func TestSanctionsAskedAndBareShouldve(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"needs retraining", "10:05 <ana> for the review: tomas needs retraining on the label printer asap", idAccountability},
		{"need more training", "In my view this person need more training before he can use again the dosing tool.", idAccountability},
		{"should not work anymore", "Honestly, this operator should not work anymore on the signalling desk.", idAccountability},
		{"get someone off deploys", "18:20 <kim> can we get marta off deploys until she reads the runbook", idAccountability},
		{"shouldve, someone else", "11:02 <tev> tbh ravi shouldve checked the queue before draining", idCounterfactual},
		{"shouldve, the writer", "11:05 <ravi> ugh i shouldve checked the queue, my bad", idCounterfactual},
		{"a slip with its reason", "I sent the refund batch to region B instead of region A because I was reading the wrong column of the sheet.", idAccident},
		{"allowed against procedure", "The night operator allowed the kiln to run through the gas alarm, contrary to procedure.", idReadsAsBlame},
		{"claims said inaccurate", "Company says claims that one engineer caused the outage are inaccurate.", ""},

		{"training for a class", "New hires need more training on the console.", ""},
		{"a machine no longer works", "The pump will no longer work on the old voltage.", ""},
		{"we should have", "we shouldve had an alert on the queue depth", ""},
		{"stressed but still", "The supervisor was very stressed during the call but still she gave clear instructions to everybody.", ""},
	})
}

func TestHeadlinesStatesAndOneCauseOpeners(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"should had", "The shift leader should had stopped the line when the bottles from the glassworks was not fitting the capper.", idCounterfactual},
		{"never put it back", "The contractor was removing the guard from trommel and never put it back, very careless from him.", idJudgement},
		{"state as the opening reason", "Because of tiredness the operator was not seeing the alarm during almost one hour.", idPersonState},
		{"left a valve closed", "Contractor left air compressor valve closed after servicing; ejectors lost pressure.", idAccident},
		{"incompatible driver installed", "Vendor personnel installed incompatible SECS/GEM driver on wet bench host.", idAccident},
		{"firmware for another model", "Fleet technician flashed firmware intended for different vehicle model.", idAccident},
		{"a cellar worker", "Cellar worker connected filler to wrong tank; blend mismatch not detected until dispatch.", idAccident},
		{"source for all", "The source for all these errors was the batch job for report cards which was taking all the CPU of database server.", idSingleCause},
		{"identified the source as", "Our engineers have identified the source of the missorts as a degraded optical sensor lamp.", idSingleCause},
		{"root of, a summary", "Root of the duplicated students was that two schools were using same code 'WHS' in the system.", idSingleCause},
		{"whole thing bc", "06:30 whole thing is bc lena edited icecast.xml on the prod box directly, thats it", idSingleCause},
		{"everything started with", "Everything that went wrong on line 1 that morning started with Dave bypassing the interlock.", idSingleCause},
		{"a person which set", "The source of everything is the sound engineer which set the wrong sample rate on the new studio console.", idPersonCause},
		{"identified as a person's act", "Single source of incident identified as producer hand-editing master RSS file.", idPersonCause},

		{"a valve left closed on purpose", "We left the valve closed until the pressure test was done.", ""},
		{"do not put it down to", "We do not put this down to carelessness.", ""},
		{"confusion, no person", "Because of the confusion, the alarm was silenced.", ""},
		{"an upgrade's drivers", "The upgrade installed incompatible drivers on three hosts.", ""},
		{"a provider's files", "The upstream data provider published corrupted files at 02:00 UTC and announced a correction at 05:10 UTC.", ""},
		{"warned against a search", "I would caution the board against looking for a single culprit or a single cause here.", ""},
		{"a claim judged after", "Claim that single cause explains outage considered incomplete by review board.", ""},
		{"a next step on me", "The on-call rota is too thin for the size of our fleet, and securing funding for two additional engineers is on me.", ""},
		{"an action headline", "Fab management to fund refresher training on new MES screens.", ""},
		{"warm thanks", "Many thanks to the colleagues from the news team, they read the bulletins from the backup studio.", ""},
		{"a software scheduler's call", "The scheduler made a bad call because the tool availability data it received was two hours old.", ""},
		{"a root cause undecided", "We are not sure if the encoder alarm is the root cause or only first thing we see, so we list it like one factor.", ""},
		{"a root-cause report promised", "Our streaming engineers handled the escalation well, and the CDN provider has committed to a root-cause report of its own.", ""},
		{"a timeline's start", "Everything started with a normal deploy at 14:00, and three things then went wrong.", ""},
		{"a message to staff", "Message to staff: repeat offenders will lose production access.", idReadsAsBlame},
		{"forgetting is on me", "Forgetting the backup is on me.", idSelfBlame},
		{"a fault opening a summary", "Fault in interface engine retry logic caused message loss.", ""},
		{"root cause still under investigation", "Root cause still under investigation; no conclusions yet.", ""},
		{"fatigue from our roster", "Fatigue among winter storm staff is a predictable outcome of our current roster, and we own that.", ""},
		{"a root cause still named", "Root cause is still a bad config push.", idSingleCause},
		{"tired, and skipped", "The operator was tired, the result of a double shift, and skipped the check.", idOmission},
	})
}
