package lint

import "testing"

func TestRootCause(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"coming back one by one", "06:10 <jaap> switch replaced, terminals coming back one by one", ""},
		{"one cause and only one", "It was one cause and only one: the full disk on the database primary.", idSingleCause},
		{"one cause alone", "After the analysis we can say there was one cause alone, the certificate.", idSingleCause},
		{"one cause alone cannot", "One cause alone cannot explain this.", ""},
		{"exactly one reason", "There's exactly one reason this happened, and it's the alert threshold.", idSingleCause},
		{"due to one", "The booking crash was due to one overloaded database.", idSingleCause},
		{"due to one of", "The delay was due to one of several factors.", ""},
		{"due to one and", "Latency rose due to one node being slow and the retries piling up.", ""},
		{"bottom of the whys", "At the bottom of the five whys we found one thing: the ledger stored money as floats.", idSingleCause},
		{"whole outage caused by", "The outage was caused by a faulty storage update.", idSingleCause},
		{"headline caused by", "Retailer confirms Black Friday outage caused by database connection limit being reached.", idSingleCause},
		{"caused the outage", "Executive summary: a bad configuration push caused the outage.", idSingleCause},
		{"because, simple as that", "Orders failed because the signing key expired, simple as that.", idSingleCause},
		{"because, end of story", "Invoices went out twice because the export ran twice, end of story.", idSingleCause},
		{"because, not the whole story", "The expired key was the trigger, not the whole story, because two reminders went to an unread mailbox.", ""},
		{"caused by nothing but", "The late alerts were caused by nothing but the model's lag.", idSingleCause},
		{"entirely down to", "The refund delay is entirely down to the stale exchange-rate table.", idSingleCause},
		{"simply because", "The backlog is simply because the worker pool was never resized.", idSingleCause},
		{"100% a cause", "Honestly it was 100% the new load balancer firmware.", idSingleCause},
		{"a cause question answered with one", "What broke checkout? One expired signing key.", idSingleCause},
		{"a cause question answered with several", "What broke checkout? An expired key, a silent alert, and no fallback.", ""},
		{"a cause question left open", "What caused the delay? We are still investigating.", ""},
		{"100% a measure", "The data disk was 100% full by 03:10.", ""},
		{"started and ended with", "The whole evening started and ended with one stale DNS record.", idSingleCause},
		{"in a word", "The problem, in a word, was capacity.", idSingleCause},
		{"the only issue", "The only issue was an expired token on the sync host.", idSingleCause},
		{"the only issue we found", "The only issue we found in review was a typo in the runbook.", ""},
		{"main reason at the start", "Main reason of the outage: the disk of the primary was full.", idSingleCause},
		{"a person caused the entire", "Rafael caused the entire outage by restarting the primary.", idSingleCause},
		{"one origin", "The clinic group say the leak of links had only one origin, an old cache.", idSingleCause},
		{"reason this happened", "The reason this happened is simply that the certificate expired and nothing renewed it.", idSingleCause},
		{"smoking gun", "19:40 nikhil: found the smoking gun, its the ulimit on the worker nodes", idSingleCause},
		{"several caused the outage", "A firmware update, our lack of a staged rollout and missing rollback tooling together caused the outage.", ""},
		{"symptom caused by", "The 502s were caused by pool exhaustion.", ""},
		{"reason for a delay", "The reason the fix took a full day was that the test environment was also down.", ""},
		{"no smoking gun", "There was no smoking gun in the logs.", ""},
		{"several causes counted", "We deliberately avoided settling on a single root cause, because the review showed several interacting failures.", ""},
		{"underlying reason", "The underlying reason is the partner's pagination, which changed without notice.", idSingleCause},
		{"back to one root", "The chain of whys took us back to one root: a default that changed in the driver.", idSingleCause},
		{"single biggest cause", "The single biggest cause was that bookings and analytics shared one database.", idSingleCause},
		{"main cause only", "The main cause only is the expire of the partner certificate.", idSingleCause},
		{"bottom of the rack", "The spare switch sits at the bottom of the rack in hall B.", ""},
		{"an underlying reason", "One underlying reason among several was the short retention window.", ""},
		{"the root cause was", "The root cause was a missing index.", idSingleCause},
		{"RCA label", "RCA: certificate expiry.", idSingleCause},
		{"analysis showed", "Root-cause analysis showed a leak in the cache.", idSingleCause},
		{"sole cause", "The sole cause was a malformed flag.", idSingleCause},
		{"true cause", "The true cause was a stale DNS record.", idSingleCause},
		{"primary cause", "The primary cause of the incident was an overloaded partition.", idSingleCause},
		{"caused solely", "The outage was caused solely by the config change.", idSingleCause},
		{"one thing", "The one thing that caused this was a zero timeout.", idSingleCause},
		{"heading", "## Root cause", idSingleCause},
		{"root of the problem", "The root of the problem was the shared pool.", idSingleCause},
		{"root-caused", "We root-caused the issue to a kernel bug.", idSingleCause},
		{"real reason", "The real reason was an unversioned script.", idSingleCause},
		{"the one reason", "The one reason the failover did not succeed was a stale copy of the configuration.", idSingleCause},
		{"at the root of", "At the root of the stale reads was a misconfigured cache setting.", idSingleCause},
		{"at the very root", "At the very root of it was the config loader ignoring unknown keys.", idSingleCause},
		{"got to the root", "After a day of digging we got to the root of it: the NTP daemon never started.", idSingleCause},
		{"primary root causes", "The primary root causes were a stale cache and an aggressive health check.", idSingleCause},
		{"underlying cause heading", "Underlying cause of the failure: a routing table left at its old value.", idSingleCause},
		{"had one cause", "The billing delay had one cause: a cron entry in the wrong time zone.", idSingleCause},
		{"exactly one cause", "This event had exactly one cause, a stale lock file.", idSingleCause},
		{"one and only", "The expired token was the one and only reason for the outage.", idSingleCause},
		{"sole source", "The cache layer is the sole source of this failure.", idSingleCause},
		{"was the culprit", "The nightly compaction was the culprit.", idSingleCause},
		{"rooted in a single", "The data loss is rooted in a single bad migration.", idSingleCause},
		{"it all comes down to", "It really all comes down to the retry policy.", idSingleCause},
		{"after an opening phrase", "In short, it came down to the default timeout.", idSingleCause},
		{"root of, after be", "The unbounded queue was the root of the slowdown.", idSingleCause},
		{"only one thing", "Only one thing went wrong: the lease never expired.", idSingleCause},
		{"traced back, long object", "We traced the checkout payment errors back to one expired key.", idSingleCause},

		{"analysis not part", "Root-cause analysis is not part of our template.", ""},
		{"no single cause", "We found no single cause.", ""},
		{"one of four", "The missing alert was one of four contributing factors.", ""},
		{"no root cause", "There was no single root cause.", ""},
		{"heading removed", "The draft's root-cause heading was removed.", ""},
		{"because", "The job stopped because the disk was full.", ""},
		{"primary shard", "The primary shard moved to node es-12.", ""},
		{"one cause of several", "One cause of the delay was the muted alert.", ""},
		{"plural causes", "The main causes were a full disk and a muted alert.", ""},
		{"single point", "The load balancer was a single point of failure.", ""},
		{"main reason", "The main reason for the delay is listed under contributing factors.", ""},
		{"searched, not found", "We looked for a single root cause and did not find one.", ""},
		{"rather than", "Rather than a single root cause, our review identified five contributing factors.", ""},
		{"no claim", "The postmortem makes no claim of a single underlying cause.", ""},
		{"did not come down to", "This outage did not come down to one mistake; it came down to a system with no margin.", ""},
		{"another's report", "The vendor's RCA document lists a firmware fault, and we asked for more.", ""},
		{"root of a volume", "The script wrote into the root of the shared volume.", ""},
		{"quoted question", `An internal poll asked "what was the root cause?" and got eleven answers.`, ""},
		{"root causes alone", "Root causes are rarely single.", ""},
		{"analysis template", "The root cause analysis template asks for several factors.", ""},
		{"one source of truth", "Keep updates in one channel so we have one source of truth.", ""},
		{"tempting to name one", "It is tempting to name one cause, but three conditions lined up.", ""},
		{"one cause of several, with had", "One cause of the delay was a muted alert; there were four.", ""},
		{"five whys landed", "Our five whys landed on the missing retry budget.", idSingleCause},
		{"one cause only", "It has one cause only: the proxy's stale certificate.", idSingleCause},
		{"come from one", "The failures come only from one place, the shared NAT gateway.", idSingleCause},
		{"one explains", "In the end one stale DNS entry explains the entire afternoon.", idSingleCause},
		{"root is, chat", "[10:12] kim: root is the pinned base image", idSingleCause},
		{"five whys not used", "We did not use the five whys; we mapped the conditions instead.", ""},
		{"one of the causes", "One cause was the cache; there were three more.", ""},
		{"declines to name", "The published review explicitly declines to name a root cause.", ""},
		{"asked for an RCA", "The customer has asked for an RCA, and we will send this review instead.", ""},
	})
}

// TestCauseSetAsideMore checks more ways writers set a single cause aside:
// a cause shared out in parts, a combination, a refusal to pick one, and a
// rate that came down to normal.
func TestCauseSetAsideMore(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"We'd rather understand how these factors combined than pick one and call it the root cause.",
		"It is difficult to say which was the main cause, we think is combination of temperature and the old tip.",
		"The cause of the delay in reconciling lots was partly the size of the history table and partly a slow network link.",
		"The error rate rised to 12% at 07:00 and after the rollback it come down to normal.",
	} {
		if b, r := classify(l, text); b || r {
			t.Errorf("%q: blame %v, root-cause %v; want neither", text, b, r)
		}
	}
	for _, text := range []string{
		"The root cause was human error: our on-call engineer typed the purge command against the whole edge cache rather than a single path.",
		"It all came down to one config flag.",
	} {
		if _, r := classify(l, text); !r {
			t.Errorf("%q: want root-cause", text)
		}
	}
}
