package lint

import "testing"

func TestWhyQuestion(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"whose fault is this", "ok whose fault is this, the ERP was fine until night shift touched it", idWhyQuestion},
		{"not whose fault", "We are not asking whose fault it was; we are asking what changed.", ""},
		{"how does a senior engineer not know", "[19:08] @yusuf: how does a senior engineer not know you can't restart both replicas at once", idWhyQuestion},
		{"how did the alert not fire", "How did the alert not fire when the disk filled?", ""},
		{"who exactly thought", "Who exactly thought it was a good idea to run the load test against production?", idWhyQuestion},
		{"why would anyone", "[12:44] @nikhil: why would anyone hand-edit a production TLS config at lunchtime", idWhyQuestion},
		{"why would anyone notice", "Why would anyone notice a metric that has no alert on it?", ""},
		{"does anyone actually open", "does anyone actually open the change calendar?", idWhyQuestion},
		{"why did nobody get paged", "Why did nobody get paged when 40% of trucks stopped reporting?", ""},
		{"why did nobody on the team load test", "why did nobody on the cart team load test the new promo feature before the sale???", idWhyQuestion},
		{"why didn't we", "What signals would have told us to stop after the first wave, and why didn't we see them?", ""},
		{"who after a timestamp", "14:03 who the hell pushed to prod wallet without a review?? 🙃", idWhyQuestion},
		{"who after a timestamp, exasperated", "03:12 who disabled the clutter filter on KDUN?? 🤬", idWhyQuestion},
		{"who after a timestamp, plain", "14:05 who restarted the pod at 14:03", ""},
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

		{"did you even", "13:02 ali: did you even test this in staging, raj?", idWhyQuestion},
		{"mention, did u even", "09:32 @kim did u even test this before merging??", idWhyQuestion},
		{"is he even awake", "02:33 still no ack from on-call. is he even awake??", idWhyQuestion},
		{"who schedules at lunch", "14:07 lol who schedules a schema change during the lunch drop", idWhyQuestion},
		{"who approves on a Friday", "Who approves a CDN purge of every video path at 8 pm on a Friday?", idWhyQuestion},
		{"who gave prod access", "The intern deleted the folder, but who give him the access in production?", idWhyQuestion},

		{"why system", "Why did the alert not fire? The threshold was 95%.", ""},
		{"did the alert even", "Did the alert even fire?", ""},
		{"do you even need", "Do you even need a lock here? The queue is single-writer.", ""},
		{"who approves, a question", "Who approves changes to the firewall?", ""},
		{"who runs the drill", "Who runs the restore drill in production each quarter?", ""},
		{"who gives VPN access", "Who gives new starters access to the VPN?", ""},
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

func TestWhoseBrilliantIdea(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"whose brilliant idea", "Whose brilliant idea was it to run the load test against production?", idWhyQuestion},
		{"whose brilliant work", "Whose brilliant work saved the night? Priya's.", ""},
	})
}
