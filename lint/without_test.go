package lint

import "testing"

func TestWithout(t *testing.T) {
	runRuleCases(t, []ruleCase{
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
