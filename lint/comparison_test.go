package lint

import "testing"

func TestComparison(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"unlike certain people", "big thanks to amira for actually reading the logs, unlike certain people", idComparison},
		{"unlike the rest of us", "Dana restored the pipeline; unlike the rest of us, she actually read the alerts.", idComparison},
		{"unlike a person, actually", "Unlike the night shift, Tomas actually opened the runbook.", idComparison},
		{"in sharp contrast", "I want to recognise Leila, whose diligence stood in sharp contrast to the reviewers who waved the change through.", idComparison},
		{"contrast to the rest of", "Her care stood in contrast to the rest of the release team.", idComparison},
		{"more than can be said", "Priya handled the failover by the book, which is more than can be said for the person who started the incident.", idComparison},
		{"the same cannot be said", "Chen's response was exemplary; the same cannot be said of the wider platform team.", idComparison},
		{"the only person who actually", "We want to thank Ravi, the only person on the rota who actually followed the runbook that weekend.", idComparison},
		{"the only one who seemed to", "Thanks to Ahmed, the only one who seemed to grasp the urgency.", idComparison},
		{"at least someone", "great work jess, at least someone on this team checks the dashboards before paging", idComparison},
		{"the rest of the team was not", "Jonas brought the system back; the rest of the team was not so helpful in the night.", idComparison},
		{"did not show the same", "Unfortunately the rest of the on-call rotation did not show the same discipline.", idComparison},
		{"the others just", "Only Kenji followed the procedure, the others just improvised.", idComparison},

		{"unlike a system", "Unlike the primary, the replica kept serving reads.", ""},
		{"unlike last year", "Unlike last year, the team had a runbook for the failover.", ""},
		{"contrast between systems", "In contrast to the primary region, the secondary stayed up.", ""},
		{"same of a thing", "The same cannot be said of the replica, which lagged by an hour.", ""},
		{"the only engineer who knew", "The only engineer who knew the legacy system was on holiday.", ""},
		{"at least one must", "At least one approver must sign off on a schema change.", ""},
		{"at least one was paged", "At least one person was paged within a minute.", ""},
		{"the rest of the team away", "The rest of the team was on holiday that week.", ""},
		{"the others joined", "The others joined the bridge at 02:10.", ""},
	})
}

func TestComparisonMore(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"unlike the people who broke it", "honestly kudos to mei for fixing it, unlike the people who broke it", idComparison},
		{"if only the rest", "Ana did everything right that night; if only the rest of the rotation had been half as careful.", idComparison},
		{"other people were just waiting", "Only thanks to Mei the problem was found, other people in the call were just waiting.", idComparison},

		{"other teams unaffected", "Other teams were not affected.", ""},
		{"half as fast", "The new disk is half as fast as the old one.", ""},
	})
}

func TestComparisonSaidOfOne(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"the only person who followed", "I want to commend Aisha, who was the only person on the bridge who followed procedure.", idComparison},
		{"others need to show the same", "Sarah's team carried this recovery; other groups need to show the same ownership next time.", idComparison},
		{"the same version", "The replica will show the same version once the sync ends.", ""},
	})
}

// TestComparisonOfFacts checks that a comparison of plain facts about
// other people is no comparison of conduct: blame.comparison stays quiet,
// whatever the model reads.
func TestComparisonOfFacts(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"Unlike the people who run the old cluster, we have a runbook.",
		"Unlike the people who run the old cluster, we are on call only in business hours.",
	} {
		for _, f := range l.Lint("case.md", []byte(text)) {
			if f.Rule == idComparison {
				t.Errorf("%q: %s", text, f.Message)
			}
		}
	}
}
