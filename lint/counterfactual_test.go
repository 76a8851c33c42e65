package lint

import "testing"

func TestCounterfactual(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"avoidable had", "The outage was entirely avoidable had the DBA followed the documented procedure.", idCounterfactual},
		{"avoidable had a system", "The outage was avoidable had the monitoring covered the replica.", ""},
		{"hyphenated verb", "Sara should've re-read the plan.", idCounterfactual},
		{"passive with an agent", "Had the tickets been reviewed by the change board, the overlap would have been caught.", idCounterfactual},
		{"inverted had", "The outage would have been avoided had staff followed the controls already in place.", idCounterfactual},
		{"had he", "The technician would have caught the reversed polarity had he used the meter.", idCounterfactual},
		{"any engineer would", "Any experienced engineer would have spotted the missing index.", idCounterfactual},
		{"a better engineer would", "A more seasoned operator would have noticed the reversed valve.", idCounterfactual},
		{"a better parser would", "A more tolerant parser would have accepted the file.", ""},
		{"should really have", "Tomas should really have waited for the second approval.", idCounterfactual},
		{"should probably have a", "We should probably have a second region.", ""},
		{"those involved", "Those involved should have raised the concern with management.", idCounterfactual},
		{"I should have waited", "I should have waited for Luca to finish his deploy before starting mine.", idCounterfactual},
		{"customers could have waited", "Customers could have waited up to an hour for their orders.", ""},
		{"system would have", "The alert would have fired if the threshold had been lower.", ""},
		{"should have", "Luis should have tested the migration in staging.", idCounterfactual},
		{"could have", "The reviewer could have caught this.", idCounterfactual},
		{"if had", "If the operator had checked the lag, the data would not have been lost.", idCounterfactual},
		{"had inverted", "Had Priya read the runbook, she would have drained the node.", idCounterfactual},
		{"only needed", "The on-call only needed to flip the flag.", idCounterfactual},
		{"all had to do", "All the deployer had to do was wait for the canary.", idCounterfactual},
		{"all needed was", "All she needed was to check the context.", idCounterfactual},
		{"shouldn't have", "They shouldn't have deployed on a Friday.", idCounterfactual},
		{"should've", "He should've asked for a second review.", idCounterfactual},
		{"been careful", "The engineer should have been more careful.", idCounterfactual},
		{"might have", "The reviewer might have noticed the missing index.", idCounterfactual},
		{"if had not", "If Ana had not restarted the primary, the failover would not have started.", idCounterfactual},

		{"system should have", "The failover controller should have promoted the replica.", ""},
		{"we lesson now", "We should have had a dashboard for queue depth, and now we have one.", ""},
		{"plan should", "The platform team should add a dry-run mode.", ""},
		{"action should", "Action: the CLI should ask for confirmation.", ""},
		{"system if had", "If the canary had covered the EU region, the error would have been caught.", ""},
		{"should have possession", "Support should have a direct escalation path.", ""},
		{"risk could have", "Customers could have lost their carts.", ""},
		{"passive should have", "The change should have been reviewed by the storage team.", ""},
		{"should have been paged", "I should have been paged earlier, but the threshold was tuned for daytime traffic.", ""},
		{"should have been told", "The night nurse should have been told about the pump recall.", ""},
		{"should have been more careful", "The night nurse should have been more careful with the pump.", idCounterfactual},
		{"nobody could have", "Everyone agreed that nobody could have spotted the bad sensor on that dashboard.", ""},
		{"no one could have", "No one could have seen the drift from the graphs we had.", ""},
		{"question", "What would the on-call have needed to know?", ""},
		{"had main verb", "Had to restart the pods twice before the leader settled.", ""},
	})
}

func TestCounterfactualLessonSection(t *testing.T) {
	l := mustLinter(t)
	src := "## Lessons\n\nWe should have been alerting on queue depth.\n\n## Timeline\n\nWe should have been alerting on queue depth.\n"
	fs := l.Lint("x.md", []byte(src))
	if len(fs) != 1 || fs[0].Line != 7 || fs[0].Rule != idCounterfactual {
		t.Errorf("want one counterfactual on line 7 (outside Lessons), got %v", fs)
	}
}

func TestLooseConditional(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"has read", "If the supervisor has read the procedure, the allergen was not going inside the product.", idCounterfactual},
		{"was answering", "If the on-call person was answering the phone, we could fix it in ten minutes.", idCounterfactual},
		{"would check", "If the operator would check the gate status before the match, this situation will not happen.", idCounterfactual},

		{"a passive policy", "If the on-call is paged twice, the escalation would not wait.", ""},
		{"has a thing", "If the customer has a VPN, the check would not pass.", ""},
		{"were one of", "If you were one of the 9,000 teams who couldn't log in, I'm sorry.", ""},
	})
}

func TestBetterPersonWithModifier(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"a more seasoned team lead", "A more seasoned team lead would have paused the rollout when the error rate first moved.", idCounterfactual},
		{"a more robust queue", "A more robust queue would have absorbed the spike.", ""},
	})
}
