package lint

import "testing"

func TestInaction(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"acknowledged, took no further action", "Night shift acknowledged the low-air alarm on the points machine, took no further action.", idOmission},
		{"received, did nothing until", "The monitoring team received the alert at 02:10 but did nothing until the morning.", idOmission},
		{"a service did nothing", "The pager received the alert but did nothing because the route was muted.", ""},
		{"we took no action, as the runbook says", "We acknowledged the alert and took no further action, as the runbook says for this warning.", ""},
		{"declined a recommended upgrade", "Operations lead declined recommended capacity upgrade in Q2. Outage in Q4.", idWithout},
		{"declined, with the reason", "The DBA lead declined the recommended patch because it was not certified for our hardware.", ""},
		{"a vendor declined", "The vendor declined the requested expansion.", ""},
		{"the same shift, four incidents", "I have asked the head of operations why the same shift has been involved in four payroll incidents this year.", idAccountability},
		{"the same person, because of the rota", "The same person held two incidents because the rota only had one person on for the week.", ""},
		{"the same team owns", "The same team owns both services.", ""},
		{"acknowledged by, no further action taken", "Alert acknowledged by on-call engineer at 02:14; no further action taken until 05:30.", idOmission},
		{"approved his own change", "Our lead has approved his own change for the draw software.", idWithout},
		{"reviewed our own process", "We reviewed our own change process after the incident.", ""},
		{"approval by the same engineer who authored it", "Second-line approval for the odds-table change given by same engineer who authored it.", idWithout},
		{"blamed for, a summary's passive", "Downloads delayed four hours. IT support blamed for disabling the retry service.", idAccountability},
		{"blamed on a thing", "The outage was blamed on the storage array.", ""},
		{"no longer have production access", "Following this incident, the engineer involved will no longer have production access.", idAccountability},
		{"a performance matter", "We are treating this as a performance matter for the two engineers involved.", idAccountability},
	})
}

// TestRuleQuietWhenExplained checks sentences where a reading stands back
// because the sentence tells the system's part or the writer's own account;
// the blame model weighs them on its own.
func TestRuleQuietWhenExplained(t *testing.T) {
	l := mustLinter(t)
	for _, c := range []struct{ text, rule string }{
		{"An engineer approved his own change request, which the change system allowed because approvers were not checked.", idWithout},
		{"We were reminded twice by the vendor to renew the certificate.", idWithout},
	} {
		for _, f := range l.Lint("case.md", []byte(c.text)) {
			if f.Rule == c.rule {
				t.Errorf("%q: %s", c.text, f.Message)
			}
		}
	}
}
