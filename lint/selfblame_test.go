package lint

import "testing"

func TestSelfBlame(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"our dashboards aggregated errors", "Another factor was that our dashboards aggregated errors hourly, hiding the spike.", ""},
		{"my misconfigured routing error", "It was my misconfigured routing error.", idSelfBlame},
		{"this one is mine", "I skipped the checklist; this one is mine.", idSelfBlame},
		{"a laptop that is mine", "The laptop is mine.", ""},
		{"not paying attention", "I was not paying attention when I approved it.", idSelfBlame},
		{"it was me", "[10:37] olga: ugh, it was me, I fat-fingered the bucket policy", idSelfBlame},
		{"weak link", "I was the weak link in the chain that night.", idSelfBlame},
		{"had a typo", "I had a typo in the rewrite rule and every request matched it.", idSelfBlame},
		{"it was me who noticed", "Who noticed the drift first? It was me who opened the ticket, at 09:10.", ""},
		{"my fault", "This was my fault.", idSelfBlame},
		{"on me", "That one is on me.", idSelfBlame},
		{"stupid", "I was stupid to trust the staging data.", idSelfBlame},
		{"known better", "I should have known better.", idSelfBlame},
		{"full responsibility", "I take full responsibility for the outage.", idSelfBlame},
		{"blame myself", "I blame myself for the delay.", idSelfBlame},
		{"our fault", "Entirely our fault, and we know it.", idSelfBlame},
		{"we messed up", "We messed up the cutover.", idSelfBlame},
		{"mea culpa", "Mea culpa: the script was mine.", idSelfBlame},
		{"let down", "I let the team down.", idSelfBlame},

		{"first person neutral", "I paged the network team because the graph showed 30% loss.", ""},
		{"on me not blame", "The pager went off on me twice that night.", ""},
		{"my team", "My team owns the certificate inventory.", ""},
	})
}
