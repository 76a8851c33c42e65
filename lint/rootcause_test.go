package lint

import "testing"

func TestRootCause(t *testing.T) {
	runRuleCases(t, []ruleCase{
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
	})
}
