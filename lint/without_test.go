package lint

import "testing"

func TestWithout(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"had reminded three times", "We had reminded Arjun three times in the channel that the disk quota was shared.", idWithout},
		{"reminded twice, went smoothly", "We reminded the team twice about the maintenance window, and the change went smoothly.", ""},
		{"told in three months", "The kiosk team was told in January, in April and in June that the reader firmware was going out of support.", idWithout},
		{"informed in three meetings", "The data team was informed about the quota in three different meetings, and still the job ran unthrottled.", idWithout},
		{"notice sent four times", "We sent the notice about the new endpoint to the partner team four times; still they call the old one.", idWithout},
		{"email went in three months", "the migration email went to warehouse ops in March, May, and July. still on the old API.", idWithout},
		{"status update to customers", "We sent the status update to customers three times during the outage.", ""},
		{"third reminder", "Third reminder to the billing team about the expiring token went unanswered.", idWithout},
		{"how many times", "How many times do we need to tell the analytics team that the replica is not for batch jobs?", idWithout},
		{"paged three times", "The on-call engineer was paged three times before the alert cleared.", ""},
		{"by a handle, stage skipped", "Build 512 promoted to all regions by k.ito, canary stage skipped.", idWithout},
		{"by the planner, unsupervised", "Pricing table overwritten by the night planner, unsupervised.", idWithout},
		{"by the planner, nobody told", "The loader was switched to manual mode by the shift planner, and nobody was told for a day.", idWithout},
		{"by a controller, outside the window", "The job was rescheduled by the storage controller outside the maintenance window.", ""},
		{"by a planner, reviewed", "The change was reviewed by the regional planner; no issues found.", ""},
		{"approved by, despite", "Driver app release approved by mobile lead despite failing crash-free threshold.", idWithout},
		{"approved by, after review", "The change was approved by the release manager after a full review.", ""},
		{"by, using a shared account", "Feature flag toggled by support agent using shared admin account; promo applied to all users.", idWithout},
		{"by, ahead of approval", "Statements mailed by the print supplier ahead of client approval.", idWithout},
		{"not reviewed by a person", "Reconciliation report generated but not reviewed by duty operator on night of 14 March.", idWithout},
		{"not acknowledged by a service", "The page was not acknowledged by the pager service because of the outage.", ""},
		{"not yet reviewed, triage continues", "Ticket not yet reviewed by the on-call team; triage continues.", ""},
		{"left unactioned by", "Licence renewal left unactioned by the asset manager for six weeks.", idWithout},
		{"briefed for the fourth time", "Our transportation office has been briefed, for the fourth time, on how to publish route changes.", idWithout},
		{"checklist sent in two months and again", "I sent the help desk the upgrade checklist in May, in August and again the week before term started.", idWithout},
		{"checklist sent once", "We sent the help desk the checklist in May.", ""},
		{"by, during a scare-quoted clean-up", "Cron job deleted by integrations team during \"clean-up\"; customs filings stopped.", idWithout},
		{"by, to a quoted status", "The status was set by the on-call engineer to \"monitoring\".", ""},
		{"clicked past the warning", "14:02 @rosa: pharmacist clicked straight past the interaction warning. again.", idWithout},
		{"clicked through a wizard", "We clicked through the wizard to the confirmation page.", ""},
		{"overrode the lock", "Editor overrode the embargo lock. Story live 40 minutes early.", idWithout},
		{"who approves without", "Who approves a firmware push to forty robots without a single test run?", idWithout},
		{"who approves, asked", "Who approves a schema migration, and what do they see on the screen?", ""},
		{"by, following two notices", "Specimen labels printed by ward staff on the superseded template, following two written notices.", idWithout},
		{"by, before the board ratified", "Graduation list exported by the faculty office before the exam board ratified results.", idWithout},
		{"by a handle, freeze active", "[20:11] ops-bot: deploy of portal v2.14 started by @marcus (change freeze active, override used)", idWithout},
		{"reminder issued three times, left", "Reminder to lock the weighbridge config issued three times; config left unlocked.", idWithout},
		{"reminders sent in three months", "Reminders to renew the certificate sent to the platform team in March, April and May.", idWithout},
		{"reminder emails to pet owners twice", "Reminder emails for vaccinations sent to some pet owners twice; no personal data exposed.", ""},
		{"reminded on eleven occasions", "The lead responsible for certificate renewals had been reminded by the automated system on eleven occasions.", idWithout},
		{"reminded in three meetings", "The payments lead was reminded in three consecutive weekly meetings to schedule the upgrade.", idWithout},
		{"acknowledged the reminder four times", "Priya acknowledged the renewal reminder on four separate occasions.", idWithout},
		{"by whom, outside the window", "Gate firmware installed by vendor engineer outside agreed window, no notice to terminal.", idWithout},
		{"by whom, reason not recorded", "Alarm suppressed manually at 05:58 by night operator; reason not recorded.", idWithout},
		{"by whom, despite the forecast", "Server fleet scaled down at 19:58 by capacity engineer despite the traffic forecast.", idWithout},
		{"by whom, no customer impact", "Rollback performed by on-call engineer at 02:10; no customer impact.", ""},
		{"by whom, checked against a plan", "The lashing plan was checked by the chief officer against the stowage plan.", ""},
		{"without the inspection tag", "The site foreman released the scaffold without the inspection tag.", idWithout},
		{"without warning, suddenly", "The parser choked on a date format one provider started using without warning.", ""},
		{"could be pushed without review", "The config could be pushed from a phone without review.", ""},
		{"was pushed without review", "The config was pushed from a phone without review.", idWithout},
		{"without permits", "The crew foreman started digging without permits.", idWithout},
		{"had overridden the warnings", "The exchange said the trader had overridden two size warnings.", idWithout},
		{"did it without", "Mira failed the database over by hand, and she did it without telling the bridge.", idWithout},
		{"a tool let him do it with no warning", "not Kev's fault, the import tool let him do it with no warning", ""},
		{"contrary to the runbook", "The upgrade was started before the backup verification had finished, contrary to the runbook.", idWithout},
		{"job contrary to the runbook", "The job was started before the backup had finished, contrary to the runbook.", ""},
		{"against the runbook", "The engineer restarted the database against the runbook.", idWithout},
		{"without a heads-up", "The carrier NOC rerouted our traffic without a heads-up.", idWithout},
		{"job without a heads-up", "The job ran without a heads-up to the channel.", ""},
		{"as duplicates", "The triage volunteer closed the reports as duplicates of an old issue without reading the tracebacks.", idWithout},
		{"marked as stale", "The job marked the rows as stale without reading them.", ""},
		{"no handover gaps", "Our teams in three countries coordinated the response without any handover gaps.", ""},
		{"told not to", "The billing team, who had been told not to run the export until Monday, ran it on Friday anyway.", idWithout},
		{"told and kept on", "The analysts, who had been told the feed was retired, kept reading the old file for weeks.", idWithout},
		{"as told not to", "The agents refunded the orders by hand, as they were told not to.", idWithout},
		{"told by the pager", "The on-call engineer was told by the pager at 03:10 and failed over by 03:16.", ""},
		{"before verified", "The contractor wiped the old disks before the copies were verified.", idWithout},
		{"we before verified", "We rolled back before the fix was verified.", ""},
		{"bare verb", "Somebody changed the proxy rules without tell anybody.", idWithout},
		{"a flag", "Mateo ran the migration without --dry-run.", idWithout},
		{"the right part", "The field technician arrived without the right replacement fan.", idWithout},
		{"overrode warnings", "Dispatch staff repeatedly overrode the rest-time warnings in the rostering system.", idWithout},
		{"bypassed the interlock", "The operator on line 3 bypassed the interlock to clear a jam.", idWithout},
		{"system overrode", "The new config overrode the old limits on every node.", ""},
		{"a plural object before without", "The reviewer accepted the changes without reading them.", idWithout},
		{"without to read them", "The reviewer has accepted all the changes with one click, without to read them.", idWithout},
		{"a plural object, a system's path", "The pipeline accepted the changes without reading them twice.", ""},
		{"without read it", "The vendor's support has close our ticket without read it.", idWithout},
		{"despite a failing test", "The release manager pushed the build out despite a failing smoke test.", idWithout},
		{"violated a rule", "The night operator violated the two-person rule on the signalling change.", idWithout},
		{"twice, because", "The refunds doubled because Marta ran the settlement job twice.", idWithout},
		{"the same twice", "The clerk uploaded the same usage file two times.", idWithout},
		{"system despite", "The scheduler started the job despite the lock held by the old run.", ""},
		{"twice, neutral", "Priya restarted the pod twice before paging the storage team.", ""},
		{"twice a day", "The on-call checks the dashboard twice a day.", ""},
		{"bypassing review", "Farid pushed the hotfix straight to main bypassing review.", idWithout},
		{"skipping steps", "We were late, so we rushed the cutover, skipping every verification step in the plan.", idWithout},
		{"before confirming", "The field crew opened the valve before confirming that the main was isolated.", idWithout},
		{"unreviewed by", "An unreviewed firewall change by the network lead closed port 443 on the edge.", idWithout},
		{"executed unreviewed", "A senior engineer executed an unreviewed script that deleted the routing tables.", idWithout},
		{"no unauthorised access", "The security team confirmed there was no unauthorised access to the records.", ""},
		{"system skipping", "The scheduler kept skipping the backup step after the upgrade.", ""},
		{"skipped, passive", "The canary stage was skipped for config-only changes by design.", ""},
		{"without checking", "Yusuf deleted the old security group without checking whether anything still referenced it.", idWithout},
		{"without approval", "The support lead issued mass credits without approval from finance.", idWithout},
		{"without the sign-off", "Our engineers proceeded with the migration without the sign-off of the data protection officer.", idWithout},
		{"without telling", "Ioana rotated the signing key without telling anyone on the mobile team.", idWithout},
		{"self", "I applied the hotfix directly on the box without checking it into git.", idWithout},
		{"compressed", "Technician swapped the line card without approval from the change board.", idWithout},
		{"aux before", "Everything would have been fine if the operator had not, without checking the rebuild status, pulled a second disk.", idWithout},
		{"first", "The engineers carried out the upgrade without first taking the backup our standards require.", idWithout},
		{"agentless passive", "The schema migration was deployed without a review from the database team.", idWithout},
		{"headline passive", "Update: hotfix merged without required tests.", idWithout},
		{"without anyone", "The price change went out without anyone assessing its effect on the old feed.", idWithout},
		{"group name", "Affiliate marketing published the campaign without checking the landing pages.", idWithout},

		{"system", "The parser accepted the file without complaint.", ""},
		{"panel", "The admin panel applied the bulk delete without a confirmation step.", ""},
		{"optional", "Omar deployed without the canary stage, which the pipeline marks as optional for config-only changes.", ""},
		{"not a step", "Ruth disabled the alert because it had fired 40 times that week without an incident.", ""},
		{"tooling", "Our change management tooling permitted a high-risk change to proceed without a second approval.", ""},
		{"plan", "Action item: make the cleanup script refuse to run against production without an explicit flag.", ""},
		{"passive of a system", "The packet was dropped without a retry.", ""},
		{"without anyone noticing", "The replica drifted for a week without anyone noticing.", ""},
		{"software group", "Database operations completed without checking locks, as designed.", ""},
		{"against policy", "A support agent shared the export with a partner against policy.", idWithout},
		{"against, a system", "The gateway retried the payment against the provider's guidance.", ""},
		{"against, a change", "The change went ahead against the vendor's advice, as the contract allows.", ""},
	})
}

func TestToldNobody(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"and told nobody", "The platform team changed the load balancer defaults and told nobody.", idWithout},
		{"don't tell nobody", "The people of the tax portal change the XML format at night and they don't tell nobody.", idWithout},
		{"did not inform us until", "Contractor underestimated scope, did not inform us until 02:00.", idWithout},
		{"without informing, an organiser", "Event organiser changed ingest settings at the last minute without informing us.", idWithout},

		{"the writer", "We told nobody outside the bridge until the fix was verified.", ""},
		{"a thing", "The job rotated the keys and told nobody.", ""},
		{"a tool did not notify", "Support learned of the outage from customers because the incident tool did not notify the support channel.", ""},
		{"not a word withheld", "The vendor did not tell us the password.", idOmission},
	})
}

func TestToldAgain(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a team told three times", "The search team has been told three times that the florist index rebuild needs throttling.", idWithout},
		{"a team told for months", "The GIS team has been told for months to run the validation step.", idWithout},
		{"the writer told three times", "We were told three times that the rebuild needs throttling.", ""},
		{"told three times by the pager", "The on-call was told three times by the pager.", ""},
		{"even we told them ten times", "Some farmers fly our drones with the old app version, even we told them ten times.", idWithout},
		{"warned twice, but they kept", "We had warned the retailer helpdesk twice, but they kept telling shops to reboot terminals.", idWithout},
		{"even after we told them", "The clinic staff kept sending the old link even after we told them three times.", idWithout},
		{"told and shrugged", "Our team was told about this risk in January and shrugged.", idWithout},

		{"an account of what we told", "We told them twice that the window had moved.", ""},
		{"the writer told twice", "We were told twice that the system had no recovery plan, and chose to fund other work.", ""},
	})
}

// TestFreezeWithException checks that work done in a change freeze under an
// approved exception is not read as going against the freeze; the blame
// model weighs the sentence on its own.
func TestFreezeWithException(t *testing.T) {
	l := mustLinter(t)
	text := "Release deployed by Priya during the freeze window after the CAB approved an exception."
	for _, f := range l.Lint("case.md", []byte(text)) {
		if f.Rule == idWithout {
			t.Errorf("%q: %s", text, f.Message)
		}
	}
}
