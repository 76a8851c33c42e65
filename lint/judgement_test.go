package lint

import (
	"strings"
	"testing"
)

func TestJudgement(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"puzzled why, answered", "It remains unclear why the engineering lead considered a production change during the switchover acceptable.", idJudgement},
		{"not sure why, a good time", "I'm not sure why Tomasz thought Saturday night was a good time to re-map every zone by hand.", idJudgement},
		{"why a person chose, asked", "We don't yet know why Priya chose to restart the primary.", ""},
		{"difficult to understand why", "It is difficult to understand why the control room chose to override the automatic shutdown.", idJudgement},
		{"hard to understand why a system", "It is hard to understand why the failover did not trigger.", ""},
		{"strange choice", "Is very strange choice to run the database migration in the middle of payroll day.", idJudgement},
		{"why anyone would choose", "I'm still not sure why anyone would choose to reindex the orders table on payday.", idJudgement},
		{"why he decided, when only", "I don't understand why he decided to restart every broker when only one had a problem.", idJudgement},
		{"to their credit, eventually", "The hosting partner, to their credit, did eventually find the rack diagram.", idJudgement},
		{"did well to eventually", "The network team did well to eventually notice that the lease had lapsed two days earlier.", idJudgement},
		{"to her credit, within minutes", "To her credit, Priya spotted the discrepancy within minutes.", ""},
		{"nice that a dashboard finally", "Nice that the new dashboard finally shows queue depth.", ""},
		{"lovely of the vendor, after", "lovely of the adapter vendor to mention the API change two days after shipping it", idJudgement},
		{"kind of the vendor, early", "It was kind of the vendor to send the patch early.", ""},
		{"to be fair, eventually", "to be fair he did read the runbook eventually. after the second outage", idJudgement},
		{"to be fair, within a minute", "To be fair, Priya restarted the pod within a minute.", ""},
		{"why anyone would restart", "not sure why anyone would restart the HL7 engine mid-run but here we are", idJudgement},
		{"interesting choice", "Interesting choice from the DBA to run the vacuum in the middle of the billing run.", idJudgement},
		{"bold choice, after a person's act", "someone decided the backfill could share the box with the live batch. bold choice.", idJudgement},
		{"interesting decision that paid off", "It was an interesting decision that paid off: failing over early saved the batch.", ""},
		{"why a system considered", "It's not clear why the scheduler considered the job safe to retry.", ""},
		{"what someone addressed did, in disbelief", "10:41 @lena you merged the schema change on a friday??", idJudgement},
		{"not one bad decision", "The outage was not the result of one bad decision; several reasonable ones interacted.", ""},
		{"nobody made a bad call", "Nobody made a bad call with the information they had.", ""},
		{"a bad decision", "The shift lead made a bad decision to restart the pumps.", idJudgement},
		{"what someone addressed did, and why", "@omar mate, you restarted the primary during the backup. why.", idJudgement},
		{"a fact checked with someone addressed", "@ana you restarted the pod at 10:02?", ""},
		{"surprise and thanks", "@kim you rolled back already?? thank you", ""},
		{"surprise and praise", "@ben you paged the vendor?? nice, that was quick", ""},
		{"advice handed to someone addressed", "@payments maybe run the migration on staging before you run it on prod next time?", idJudgement},
		{"advice to a role about next time", "Maybe next time the release manager could, you know, check the calendar before approving.", idJudgement},
		{"the team's own next time", "Maybe next time we should add a canary before the deploy.", ""},
		{"a tip in chat", "@ana maybe try the staging link next time, it has the new build", ""},
		{"a system improvement", "Maybe next time the on-call could get a page before the queue fills, not an email after.", ""},
		{"an attitude put in people's heads", "Some of the analysts apparently think the change calendar is optional.", idJudgement},
		{"someone else's problem", "The platform folks seem to think quotas are someone else's problem.", idJudgement},
		{"knows better than the runbook", "The weekend supervisor thinks she knows better than the checklist.", idJudgement},
		{"the freeze does not apply", "Some teams clearly believe the release freeze does not apply to them.", idJudgement},
		{"the writer thinks a step optional", "I think the second sign-off is optional for hotfixes, and the policy agrees.", ""},
		{"a vendor's stated position", "The vendor thinks the retry is optional when the call is idempotent.", ""},
		{"a system thinks", "The scheduler thinks the job is optional when the flag is unset.", ""},
		{"IT in scare quotes", `14:44 <tsv> IT "upgraded" the recipe server mid-shift lol`, idJudgement},
		{"temporarily in quotes", `Henrik disabled the validation rule "temporarily" in March and nobody has seen it since.`, idJudgement},
		{"our own temporarily", `We disabled the check "temporarily" while the patch rolled out.`, ""},
		{"a person's act in scare quotes", `11:48 ok so Greg "cleaned up" the old tables. great.`, idJudgement},
		{"a department's act in scare quotes", `compliance "just tweaked a rule" lol`, idJudgement},
		{"thanks for a quoted adverb", `@kofi thanks for "quickly" restarting the prod booking db`, idJudgement},
		{"a company's fix in scare quotes", `the vendor's "fix" broke it again`, idJudgement},
		{"curly quotes", "So the night lead “fixed” it by muting the alert.", idJudgement},
		{"single quotes", "Let's be honest: Jonah's 'small refactor' of the matching service was neither small nor a refactor.", idJudgement},
		{"chose to, quoted", "Our on-call architect chose to 'investigate further' for ninety minutes rather than roll back the portal.", idJudgement},
		{"decided it was, quoted", `Our NOC shift lead saw the alarm storm and decided it was "probably nothing".`, idJudgement},
		{"so-called", `Our vendor's so-called "zero downtime" upgrade took the ledger viewer offline.`, idJudgement},
		{"pls stop, quoted", "12:03 @grant pls stop 'fixing' modbus addresses by hand thx", idJudgement},
		{"the team's own wait and see", "We decided to 'wait and see' for ten minutes, as the runbook says.", ""},
		{"quoted as planned", "The team chose to 'roll forward' as planned.", ""},
		{"an apostrophe", "The engineers' runbook was fine, and 'restarted' is what the bot posts.", ""},
		{"a quoted message", `14:02 Ana: "restarted the pod"`, ""},
		{"a quoted status", `The status was set to "degraded" by the incident commander.`, ""},
		{"our own fix in quotes", `Our "fix" did not hold.`, ""},
		{"a step skipped for quoted speed", `The checksum step was skipped for "speed", both fixed.`, ""},
		{"a quoted modifier", `The database "restarted" message appeared twice.`, ""},
		{"a quoted word typed", `Ana typed "restarted" in the channel.`, ""},
		{"treated as optional", "The release desk treated code review as optional during the freeze.", idJudgement},
		{"pipeline optional", "The pipeline treats the lint step as optional.", ""},
		{"made it worse", "Jonas made it worse by restarting every node at once.", idJudgement},
		{"retries made it worse", "The retries made it worse.", ""},
		{"told twice", "The depot planners were told twice not to edit the routes by hand, and yet.", idJudgement},
		{"warned repeatedly", "Ward staff had been warned repeatedly about the override button and used it anyway.", idJudgement},
		{"asked three times", "The catalogue team has been asked three times to rename those holds lists and never found the time.", idJudgement},
		{"asked three times for a tool", "Over the last year the operators have asked three times for a proper jam-clearing tool.", ""},
		{"told twice, the writer's account", "We were told twice that the archive had no restore test, and we chose to fund the migration first.", ""},
		{"nobody listened", "I raised the disk alarm in March; nobody listened.", idJudgement},
		{"nobody did anything wrong", "Nobody did anything wrong; the scheduler reused a stale lease.", ""},
		{"like maniacs", "The lift operators kept pressing reset like maniacs.", idJudgement},
		{"went back to sleep, in a list", "The on-call engineer acknowledged the page, went back to sleep, and nobody looked again until six.", idJudgement},
		{"made things harder", "The support agents made things harder by reading out an internal estimate.", idJudgement},
		{"the fog made things harder", "The fog made things harder for the ground crew.", ""},
		{"the worst possible hour", "The data team ran the full export against the live booking database at the worst possible hour.", idJudgement},
		{"a disk at the worst possible moment", "The disk failed at the worst possible moment.", ""},
		{"eye-roll at a team", "09:12 — still no answer from the storage team 🙄", idJudgement},
		{"facepalm at someone", "payroll export failed bc someone in finance reordered the template columns 🤦", idJudgement},
		{"eye-roll at a system", "14:02 dana: terraform state drift again 🙄", ""},
		{"smh at people", "the nurses keep sending patients the staff link instead of the patient link smh", idJudgement},
		{"upside-down face at people", "10:05 the agency's dev swears they aren't polling us every second. logs say otherwise 🙃", idJudgement},
		{"upside-down face at a disk", "the disk filled again 🙃", ""},
		{"eyes, on it", "dana: 👀 on it", ""},
		{"eyes for looking", "20:50 @finn: cdn ticket open, they're looking 👀", ""},
		{"eye-roll beside the paged", "the on-call got paged 40 times overnight again 🙄", ""},
		{"a quoted reaction", `A reaction of ":facepalm:" on the deploy message was the first sign anyone had noticed.`, ""},
		{"a team's habit", "The booking team's habit of editing lift prices straight in the database caused the refunds.", idJudgement},
		{"has a habit of", "Dispatch has a habit of closing tickets before the driver confirms.", idJudgement},
		{"tendency as a team", "Our tendency as a platform team to wave off tickets from analytics is why this took a week.", idSelfBlame},
		{"a good habit", "The night crew has a good habit of writing every override into the log.", ""},
		{"users' habit", "Users have a habit of double-clicking the pay button.", ""},
		{"a cache's tendency", "The cache has a tendency to evict hot keys under memory pressure.", ""},
		{"yolo", "people keep yolo-deploying the matching service on Fridays", idJudgement},
		{"be more careful", "Engineers need to be more careful with production.", idJudgement},
		{"again, exasperated", "ugh, your cleanup job nuked the staging bucket again", idJudgement},
		{"sarcastic coda", "The contractor pushed the new banner straight to production and checkout broke for an hour. Great planning.", idJudgement},
		{"sincere coda", "Ravi restored the replica from last night's snapshot within ten minutes. Great work.", ""},
		{"sincere comma tag", "Priya restored the service in four minutes, great job.", ""},
		{"coda not the first time", "The contractor left verbose logging on and the disks filled overnight. Not the first time.", idJudgement},
		{"sarcastic opening", "Nice work, facilities, unplugging the only switch that was still up.", idJudgement},
		{"praise opening", "Nice work, facilities, swapping the failed switch before the morning rush.", ""},
		{"amateurs coda", "The vendor's developers apparently think ten requests a second is plenty for a bank. Amateurs.", idJudgement},
		{"as if, people", "The data team renamed the columns as if nobody downstream read them.", idJudgement},
		{"as if, system", "The importer read the weights in pounds as if they were kilograms.", ""},
		{"shipped anyway", "The vendor's engineers knew the index was stale and released anyway.", idJudgement},
		{"we shipped anyway", "We knew the index was stale and released it anyway, because the fix was ready.", ""},
		{"more focused than", "The night shift was more focused on the handover notes than on the pressure alarm.", idJudgement},
		{"we more focused than", "We are now more focused on error budgets than on uptime targets.", ""},
		{"says something", "The reconciliation job was broken for three days and none of the analysts noticed, which says something.", idJudgement},
		{"guess who", "someone in finance changed the export mapping again and the totals broke, guess who", idJudgement},
		{"caught napping", "The vendor's on-call team was caught napping when the surge began.", idJudgement},
		{"refuses to learn", "The exams office refuses to learn from last year's results day.", idJudgement},
		{"sloppy, instead of", "The carrier's integration team were sloppy with the mapping and sent us grams instead of kilograms.", idJudgement},
		{"amateur after instead of", "Their engineer pushed the rule to every region instead of to one, which is pretty amateur.", idJudgement},
		{"instead of blaming", "Instead of blaming the careless operator, we looked at the console.", ""},
		{"falsified", "The audit found the site engineer falsified the torque records.", idJudgement},
		{"an agency doesn't care", "The mapping agency doesn't care about the teams that consume its feed.", idJudgement},
		{"fumbled", "The restore took an hour because the on-call engineer fumbled the commands.", idJudgement},
		{"undertrained", "The weekend operators are undertrained and it shows.", idJudgement},
		{"out of touch", "Facilities booked the outage on exam day, which shows how out of touch they are.", idJudgement},
		{"notorious for", "The branch IT team is notorious for leaving old servers running.", idJudgement},
		{"notorious, system", "The disk array is notorious for failing in summer.", ""},
		{"how little attention", "Support heard about it from a tweet, which shows how little attention they pay to the portal.", idJudgement},
		{"how little attention, system", "It shows how little attention the dashboard gets.", ""},
		{"then wonder why", "the designers keep uploading 40MB hero images and then wonder why the site is slow", idJudgement},
		{"not looking at the pager", "The engineer on call was at a party and wasn't looking at the pager.", idJudgement},
		{"probe not looking", "The probe was not looking at the right port.", ""},
		{"lied to us", "The vendor's account manager lied to us about the failover capability.", idJudgement},
		{"dashboard lied", "The dashboard lied to us about the queue depth.", ""},
		{"overruled", "The CTO overruled the load-testing requirement before launch.", idJudgement},
		{"scheduler overruled", "The scheduler overruled the affinity rule.", ""},
		{"chose to do nothing", "Management knew ground ops was understaffed and chose to do nothing about it.", idJudgement},
		{"claims handlers", "Claims handlers accepted every fraud flag instead of using their judgement.", idWithout},
		{"webhook handler", "The webhook handler failed to release the lock.", ""},
		{"can't believe", "I can't believe our senior engineer didn't notice the config.", idOmission},
		{"don't believe", "We don't believe the engineer was careless.", ""},
		{"seriousness", "The help desk did not treat the early reports with the seriousness they deserved.", idJudgement},
		{"we, seriousness", "We did not treat it with the seriousness it needed.", ""},
		{"waited before declaring", "The incident commander waited over an hour before declaring a major incident.", idJudgement},
		{"waited per runbook", "We waited ten minutes before rolling back, as the runbook says.", ""},
		{"vendor its job", "The vendor didn't do its job.", idJudgement},
		{"monitoring its job", "The monitoring didn't do its job.", ""},
		{"then went home", "The merchandising team uploaded the mapping file on a Saturday night and then went home.", idJudgement},
		{"job went home", "The batch job ran and then went home.", ""},
		{"left shift early", "Supervisor left shift early; handover not completed.", idJudgement},
		{"train left early", "The train left early.", ""},
		{"not met the standard", "Keystrata has not met the standard we expect from a strategic supplier.", idJudgement},
		{"more caution", "I expect the IT team to exercise far more caution on guest-facing systems.", idJudgement},
		{"expected better judgment", "Leadership expected better judgment from an engineer at that level.", idJudgement},
		{"courtesy of", "Another fine mess courtesy of the infra team.", idJudgement},
		{"photo courtesy of", "Photo courtesy of the marketing team.", ""},
		{"would have expected someone", "I would have expected someone to ask why December traffic was the baseline.", idJudgement},
		{"would have expected the alert", "I would have expected the alert to fire.", ""},
		{"who is guilty", "We have identified who is guilty and the manager will speak with him.", idJudgement},
		{"not to say who is guilty", "It is not the intention of this document to say who is guilty.", ""},
		{"not good enough", "Bea's handoff notes to Marta were a single line, which isn't good enough.", idJudgement},
		{"threshold not good enough", "The alert threshold was too high, which isn't good enough.", ""},
		{"not taking seriously", "This keeps happening because the team is not taking the documentation seriously.", idJudgement},
		{"monitor not taking seriously", "The monitor is not taking the readings seriously.", ""},
		{"went silent", "The vendor's staff went silent for three hours.", idJudgement},
		{"sensor went silent", "The sensor went silent for three hours.", ""},
		{"bad faith", "The vendor buried the limit on page 14 of their docs, which is bad faith.", idJudgement},
		{"acted surprised", "The vendor sold us a tool with no drift monitoring and then acted surprised when it drifted.", idJudgement},
		{"reminded of responsibilities", "The duty technician has been reminded of their responsibilities.", idJudgement},
		{"a program doesn't care", "The old scheduler did not care about time zones.", ""},
		{"we don't care which", "We don't care which region serves the request.", ""},
		{"not acceptable after an act", "The developer merged his own change at midnight, this is not acceptable.", idJudgement},
		{"unacceptable latency", "The checkout latency was unacceptable for two hours.", ""},
		{"was not knowing", "The night operator was not knowing the switching procedure.", idJudgement},
		{"the worst part was not knowing", "The worst part was not knowing when service would return.", ""},
		{"fell for phishing", "A payroll clerk fell for a phishing email and typed in her password.", idJudgement},
		{"misled", "The supplier's sales team misled us about the capacity of the link.", idJudgement},
		{"lost focus", "The incident commander lost focus once the directors joined the bridge.", idJudgement},
		{"pages slept through", "The second pages to the standby engineer were slept through.", idJudgement},
		{"operational hygiene", "The quarter's incidents reflect poor operational hygiene by the platform group.", idJudgement},
		{"again, neutral", "Priya ran the migration again after the fix.", ""},
		{"adverb after the object", "The intern wrote the parser carelessly.", idJudgement},
		{"did not care", "The API owner did not care about backward compatibility.", idJudgement},
		{"made a mess", "The person on call made a mess of the rollback.", idJudgement},
		{"arrogant", "The release team was arrogant about the launch date.", idJudgement},
		{"system did not care", "The old scheduler did not care about time zones.", ""},
		{"system made a mess", "The parser made a mess of the unicode headers.", ""},
		{"carelessly", "Mia carelessly reused a query from the wiki.", idJudgement},
		{"sloppy", "The rollout was sloppy.", idJudgement},
		{"negligent", "The operator was negligent.", idJudgement},
		{"blindly person", "Kai blindly copied the command from the chat.", idJudgement},
		{"fat-fingered", "Someone fat-fingered the CIDR range.", idJudgement},
		{"messed up", "The platform team messed up the migration order.", idJudgement},
		{"dropped the ball", "Support dropped the ball on the first ticket.", idJudgement},
		{"poor judgement", "Deploying on Friday showed poor judgement.", idJudgement},
		{"lapse", "A momentary lapse let the queue overflow.", idJudgement},
		{"lapse by", "A lapse by the reviewer let the bug through.", idJudgement},
		{"lack of experience", "Her lack of experience made the failover slow.", idJudgement},
		{"not careful", "The engineers were not careful with the delete.", idJudgement},
		{"rubber-stamped", "The reviewer rubber-stamped the change.", idJudgement},
		{"out of depth", "The new hire was out of his depth during the failover.", idJudgement},
		{"hastily", "The fix was hastily pushed to production.", idJudgement},
		{"poor discipline", "Poor operational discipline within the infrastructure group let untested changes through.", idJudgement},
		{"lacked the discipline", "The ops teams lacked the discipline to enforce the two-person rule.", idJudgement},
		{"cut corners", "Kofi was under pressure from sales and cut corners on the rollout plan.", idJudgement},
		{"trusted", "The problem is that certain engineers can't be trusted to follow the process.", idJudgement},
		{"exercise care", "It is clear that the team did not exercise the level of care we expect.", idJudgement},
		{"rushed deployment", "A rushed deployment, carried out by the team ahead of a deadline, introduced the defect.", idJudgement},
		{"slapdash", "Slapdash change management by IT operations caused the outage.", idJudgement},
		{"blundered", "The support team blundered by treating the alert as noise.", idJudgement},

		{"neutral twin", "Mia reused a query from the wiki, which still pointed at the old shard.", ""},
		{"lazy loading", "Lazy loading of the config delayed startup by 4 seconds.", ""},
		{"poor signal", "Poor signal on the warehouse floor delayed the scanners.", ""},
		{"care taken", "Care was taken to drain each node before the upgrade.", ""},
		{"rushed not", "It was not a rushed change: the ticket had been open for three weeks.", ""},
		{"system blindly", "The client blindly retried every failed request.", ""},
		{"fat-finger guard", "We added a fat-finger check to the console.", ""},
		{"certificate lapsed", "The certificate lapsed at midnight.", ""},
		{"lack of circuit breaker", "The lack of a circuit breaker let the retries pile up.", ""},
		{"lapse in coverage", "A lapse in monitoring coverage hid the disk growth.", ""},
		{"mistake-proofing", "Mistake-proofing the deploy form is tracked in PLAT-882.", ""},
		{"careful positive", "The engineers were careful to drain each node first.", ""},
		{"our staff, care", "It seems our support staff did not exercise enough care when closing the old tickets.", idSelfBlame},
	})
}

// TestJudgePhrasesMatchable checks that the tokeniser can produce every
// judgement phrase: a phrase holding a contraction such as "don't" would
// never match, since the tokeniser reads it as "do not".
func TestJudgePhrasesMatchable(t *testing.T) {
	for _, ph := range judgePhrases {
		for _, w := range ph {
			if strings.Contains(w, "n't") || strings.Contains(w, "'re") || strings.Contains(w, "'m") || strings.Contains(w, "'ve") || strings.Contains(w, "'ll") || len(w) > 2 && strings.HasSuffix(w, "'s") {
				t.Errorf("judgement phrase %q holds %q, which the tokeniser splits; write its parts", ph, w)
			}
		}
	}
}

func TestResignedCoda(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"now we see the result", "Our team lead is not listening when we say the cluster is too small, and now we see the result.", idJudgement},
		{"so what did we expect", "We gave production credentials to a summer contractor, so what did we expect?", idJudgement},
		{"what could go wrong", "sure, let's have the intern do the prod failover, what could go wrong", idJudgement},
		{"tells you everything", "We had a junior developer running the rollover alone, which tells you everything.", idJudgement},
		{"paying the price", "Our procurement department chose the cheapest storage vendor and now we are paying the price.", idJudgement},
		{"fell well short", "We agree that his performance fell well short of what we expect.", idJudgement},
		{"a system fell short", "The cache fell well short of the load we expected.", ""},

		{"no one acted", "The cache was too small, and now we see the result.", ""},
		{"words after", "Dana restarted the pods, and now we see the result in the latency graph.", ""},
		{"a real question", "What could go wrong with a schema change on Friday? We list the checks below.", ""},
	})
}

func TestJudgementNearMisses(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a person made a mistake", "Dana made a mistake in the config.", idJudgement},
		{"software made an error", "Our software made an error in applying the new tax thresholds.", ""},
		{"logic made the mistake of", "Our retry logic made the mistake of treating a timeout as a permanent failure.", ""},
		{"nobody was careless", "It is important to say that nobody was careless; the system permitted the action without a warning.", ""},
		{"nobody was careless, alone", "Nobody was careless.", ""},
		{"again in another clause", "When checkout froze, Chen switched the feature flag off and players could buy again.", ""},
		{"again pinned", "your terraform apply nuked the VPC again", idJudgement},
		{"a shouted AGAIN", "ffs the franchise guy in leeds rebooted the kiosk mid-flash AGAIN", idJudgement},
		{"a chat name, again", "🤦 kev restarted the wrong box. again.", idJudgement},
		{"a job failed AGAIN", "the cron job failed AGAIN", ""},
	})
}

func TestAuthorityAndUrgency(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"outside their authority", "The moderation team acted outside their authority.", idJudgement},
		{"lack of urgency", "Several staff members showed a worrying lack of urgency once the alarms began.", idJudgement},

		{"authority as a noun", "The certificate authority rotated its intermediate at 02:00.", ""},
		{"urgency of the fix", "The urgency of the fix was clear from the error rate.", ""},
	})
}

func TestLateAnswers(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"answered only after a week", "The supplier has answered our ticket only after one week.", idJudgement},
		{"answering only after three days", "The people of the meter company are answering emails only after three days.", idJudgement},
		{"has yet to provide", "Identity vendor has yet to provide an ETA, or any explanation.", idJudgement},
		{"arrived only after", "The vendor's technician arrived only after three hours.", idJudgement},
		{"a fix arrived late", "The fix arrived only after two days.", ""},

		{"an alert fired late", "The alert fired only after two hours.", ""},
		{"the writer answered late", "We answered the customer only after two days because the queue was full.", ""},
		{"a fix yet to deploy", "The fix has yet to be deployed.", ""},
	})
}

func TestInsinuation(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"not to point fingers but", "not pointing fingers but the last three outages were all jess's deploys", idJudgement},
		{"not naming names, but", "We're not pointing fingers, but the person who disabled the canary knows who they are.", idJudgement},
		{"at a team", "not to point fingers but the harbour office keeps editing the timetable directly in the db", idJudgement},

		{"then a request", "not pointing fingers here, but can we get a timeline going?", ""},
		{"then a question", "not pointing fingers, just want to understand the sequence — who had the deploy lock?", ""},
		{"because it does not matter", "not naming names because it doesn't matter, the runbook was wrong", ""},
		{"then the system", "Not pointing fingers, but the runbook was wrong.", ""},
	})
}

func TestExhortation(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"must take greater ownership", "The claims operations team must take greater ownership of the data they load into the system.", idJudgement},
		{"expect them to take it more seriously", "I expect the dispatch supervisors to take their monitoring responsibilities more seriously.", idJudgement},
		{"must own the error", "The finance team must own the billing error.", idJudgement},
		{"should think more", "This person should think more.", idJudgement},

		{"ownership of a fix", "The platform team will take ownership of the fix.", ""},
		{"the writer's resolve", "We must take more care with config changes.", ""},
		{"owns the runbook", "The platform team owns the runbook.", ""},
	})
}

func TestNoRightLittleCare(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"had no right to", "The purser overrode the boarding system on his own authority, which he had no right to do.", idJudgement},
		{"showed little care", "The integrations team showed little care in testing the retry change.", idJudgement},
		{"customers' rights", "Customers have no right to a refund under the plan.", ""},
	})
}

func TestTreatedDismissively(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"like a sandbox", "The underwriting team keeps treating production like a sandbox.", idJudgement},
		{"like an afterthought", "honestly the desktop team treats the lab like an afterthought", idJudgement},
		{"like any other Tuesday", "Claimants deserved better than an engineering group that treated payment day like any other Tuesday.", idJudgement},
		{"somebody else's problem", "The mobile squad treats our ticketing API as somebody else's problem.", idJudgement},

		{"every page as a P1", "We treat every page as a P1.", ""},
		{"a scheduler", "The scheduler treats Monday like any other day.", ""},
		{"a problem to investigate", "The team treats the alert as a problem to investigate.", ""},
		{"a parser", "The parser treats the field as a suggestion.", ""},
	})
}
