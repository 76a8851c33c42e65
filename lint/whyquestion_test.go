package lint

import "testing"

func TestWhyQuestion(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"why did you", "Why did you deploy on a Friday evening?", idWhyQuestion},
		{"why didn't anyone", "why didnt anyone check the replica lag before the cutover", idWhyQuestion},
		{"why would the engineer", "Why would the on-call engineer restart the primary first?", idWhyQuestion},
		{"who broke", "who broke the staging cluster again?", idWhyQuestion},
		{"who did this", "Who did this?", idWhyQuestion},
		{"who on earth", "who on earth approved a price rule that makes every ski pass free", idWhyQuestion},
		{"ok who", "ok who edited the rota sheet today, I swear", idWhyQuestion},
		{"seriously who gives", "seriously, who gives contractors write access to the dispensing robots", idWhyQuestion},
		{"who picked that", "can I ask why the cache TTL is a week? who picked that", idWhyQuestion},
		{"was nobody watching", "Was nobody watching the freezer alarms for the first forty minutes?", idWhyQuestion},
		{"why nobody from the team", "Why nobody from the night shift was checking the queue before the release?", idWhyQuestion},
		{"did no one notice", "Did no one notice the disk filling for a week?", idWhyQuestion},
		{"whose idea", "Whose idea was it to reindex the catalogue during the Monday rush?", idWhyQuestion},
		{"who thought", "who thought a full reindex at 9am was a good idea", idWhyQuestion},
		{"genuinely asking", "who signed off on five retries with no backoff, genuinely asking", idWhyQuestion},

		{"why system", "Why did the alert not fire? The threshold was 95%.", ""},
		{"who is on call", "Who is on call tonight for payments?", ""},
		{"who restarted, for the timeline", "who restarted the pod? need it for the timeline", ""},
		{"ok who, with thanks", "ok who ran the restore? it worked, thanks", ""},
		{"was nobody hurt", "Was nobody hurt when the barrier came down?", ""},
		{"why nothing warned us", "The certificate expired; why nothing warned us is the question this review tries to answer.", ""},
		{"whose turn", "Whose turn is it to run the restore drill this month?", ""},
		{"ok who is", "ok who's taking incident command?", ""},
		{"relative who", "The engineer who wrote the tie-breaker was the second reviewer.", ""},
		{"how", "How did the deploy go out on Friday, and what did the pipeline show?", ""},
		{"why I", "Why did I not see the page? The phone was on silent mode after the update.", ""},
	})
}
