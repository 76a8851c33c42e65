package lint

import "testing"

func TestWithout(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"without the inspection tag", "The site foreman released the scaffold without the inspection tag.", idWithout},
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
