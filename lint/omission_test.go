package lint

import "testing"

func TestOmission(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"name failed to", "Marco failed to notice the disk alert.", idOmission},
		{"role forgot", "The on-call engineer forgot to drain the node.", idOmission},
		{"pronoun ignored", "She ignored the deprecation warning.", idOmission},
		{"passive by person", "The page was missed by the secondary on-call engineer.", idOmission},
		{"did not follow", "The deployer did not follow the rollback steps.", idOmission},
		{"never verified", "The team never verified the restore.", idOmission},
		{"too slow", "The responder was too slow to escalate.", idOmission},
		{"slow to", "The incident commander was slow to declare the incident.", idOmission},
		{"took too long", "The SRE took too long to roll back the deploy.", idOmission},
		{"chose to ignore", "Kwame chose to ignore the failing canary.", idOmission},
		{"nobody checked", "No one checked the replica lag before the cutover.", idOmission},
		{"bypassed", "The contractor bypassed the approval step.", idOmission},
		{"omitted", "The author omitted the down migration.", idOmission},
		{"coordinated verb", "Ana restarted the pod and forgot to check the logs.", idOmission},
		{"present tense timeline", "04:12 — The primary on-call engineer ignores the page.", idOmission},
		{"unknown name", "Okonkwo neglected to rotate the key.", idOmission},
		{"name mid-sentence", "At 03:10 Bartholomew skipped the smoke tests.", idOmission},
		{"didn't bother", "The reviewer didn't bother to run the tests.", idOmission},
		{"had not checked", "The DBA had not checked the disk space.", idOmission},

		// Near-miss twins: a system as the subject, or no failure at all.
		{"system failed to", "The readiness probe failed to notice the hung worker.", ""},
		{"system exited", "The export job exited 0 although it had copied nothing.", ""},
		{"neutral actor", "Ana paged the storage team at 03:40.", ""},
		{"neutral actor 2", "Luis rotated the key at 11:05 and errors stopped.", ""},
		{"failed over", "The on-call engineer failed over the database at 05:26.", ""},
		{"missed adjective", "The collector reported 12 missed heartbeats.", ""},
		{"missed SLO", "We missed our availability SLO for March.", ""},
		{"software agent", "The monitoring agent skipped the mount because it was read-only.", ""},
		{"kubernetes operator", "The Kubernetes operator ignored the annotation.", ""},
		{"product name", "Kafka failed to elect a new leader for partition 7.", ""},
		{"service name", "Hermes failed to deliver 3% of the emails.", ""},
		{"passive no agent", "The alert was ignored for two hours.", ""},
		{"base form plan", "Engineers should never skip the canary stage.", ""},
		{"don't forget", "The checklist reminds the deployer not to forget the drain step.", ""},
		{"no longer", "With the new prompt, engineers no longer miss the active context.", ""},
		{"never missed", "The secondary never missed a page that month.", ""},
		{"could not check", "The on-call could not check the logs because the log pipeline was down.", ""},
		{"paged passive", "Nobody was paged because the alert routed to an archived service.", ""},
		{"they as things", "The replicas fell behind because they ignored the throttle setting.", ""},
		{"action label", "Action: make sure the deployer cannot skip the canary.", ""},
		{"question", "How did the on-call engineer decide to skip the canary?", ""},
		{"failure noun", "The failure to renew was caught by the expiry alert.", ""},
		{"gerund subject", "Skipping the canary is allowed for config-only changes.", ""},
	})
}
