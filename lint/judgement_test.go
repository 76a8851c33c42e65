package lint

import "testing"

func TestJudgement(t *testing.T) {
	runRuleCases(t, []ruleCase{
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
