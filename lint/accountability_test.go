package lint

import "testing"

func TestAccountability(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"held accountable", "The on-call will be held accountable.", idAccountability},
		{"hold accountable", "We must hold the deploy team accountable for this outage.", idAccountability},
		{"responsibility lies", "Responsibility for the outage lies with the reviewer.", idAccountability},
		{"at fault", "Jonas was at fault.", idAccountability},
		{"to blame", "The database team is to blame.", idAccountability},
		{"possessive mistake", "The outage was Raj's mistake.", idAccountability},
		{"disciplined", "The engineer will be disciplined.", idAccountability},
		{"responsible for outage", "The contractor was responsible for the outage.", idAccountability},
		{"person caused", "The intern caused the outage.", idAccountability},
		{"caused by person", "The outage was caused by the on-call engineer.", idAccountability},
		{"blame verb", "Management blamed the DBA for the data loss.", idAccountability},
		{"blame falls", "The blame falls on the release manager.", idAccountability},
		{"his role", "She was moved off the team because of her role in the incident.", idAccountability},

		{"owner responsible", "The incident owner is responsible for the timeline.", ""},
		{"commander responsible", "The incident commander is responsible for deciding when to roll back.", ""},
		{"blameless", "Blameless reviews are held within five days.", ""},
		{"nobody to blame", "No one is to blame for this outage.", ""},
		{"fault injection", "The fault injection exercise covers broker loss.", ""},
		{"system at fault", "The resolver cache was at fault.", ""},
		{"change caused", "Ana's change caused the outage.", ""},
		{"alert fired", "The latency alert fired at 02:14.", ""},
		{"pod terminated", "The pod was terminated by the OOM killer.", ""},
		{"git blame", "Git blame showed the line changed in 2019.", ""},
		{"we caused", "We caused a second, shorter outage while restoring.", ""},
	})
}
