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
	})
}
