package lint

import "testing"

func TestWhyQuestion(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"why did you", "Why did you deploy on a Friday evening?", idWhyQuestion},
		{"why didn't anyone", "why didnt anyone check the replica lag before the cutover", idWhyQuestion},
		{"why would the engineer", "Why would the on-call engineer restart the primary first?", idWhyQuestion},
		{"who broke", "who broke the staging cluster again?", idWhyQuestion},
		{"who did this", "Who did this?", idWhyQuestion},

		{"why system", "Why did the alert not fire? The threshold was 95%.", ""},
		{"who is on call", "Who is on call tonight for payments?", ""},
		{"relative who", "The engineer who wrote the tie-breaker was the second reviewer.", ""},
		{"how", "How did the deploy go out on Friday, and what did the pipeline show?", ""},
		{"why I", "Why did I not see the page? The phone was on silent mode after the update.", ""},
	})
}
