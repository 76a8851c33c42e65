package lint

import "testing"

// TestNearMissesClean holds sentences that carry the words of blame or of
// single-cause framing without either: a system's act told with a person's
// verb, a theory the sentence refutes, the writer's stance, a cause named
// as one of several. Each is clean.
func TestNearMissesClean(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"14:36 @dev: EMS forgot its alarm filters after the restart, re-importing them",
		"[11:50] @sam: pipeline forgot the --keep-intermediates flag after the upgrade, known regression",
		"Controller missed heartbeat, triggered safe stop as designed.",
		"I am not asking for names; I am asking what made this change look safe to everyone involved.",
		"I forgot to mention in the first draft that the fallback did serve about 60% of requests.",
		"My first guess about the cause was wrong; the packet loss turned out to be on the carrier side.",
		"Routing mistakes on one-way streets traced to an outdated map extract, one of three contributing issues.",
		"I keep coming back to one question: what made the failover look healthy to the load balancer?",
		"The first theory on the bridge call was \"someone fat-fingered the config\", which turned out not to be true.",
		"The nightly export to the Student Loans Company did not run for three nights.",
		"We missed the start of the 07:00 bulletin while the backup server loaded its audio cache.",
		"Please don't read this summary as finding fault with the night desk; they were working with a broken preview.",
		"I forgot to add in the timeline the call with the bank at 10:30, now it is there.",
		"02:41 raj: yeah I bypassed the eye on L2 last tues bc it was false tripping every 30s, ticket 4471 is open",
		"All members' accounts corrected; no member left out of pocket.",
		"Fault domain for the game servers reduced to a single availability zone during maintenance.",
		"Ayumi chose to pause the billing run rather than let it continue, which limited the affected accounts to about 300.",
		"We initially believed the vendor caused the outage, but further analysis showed our own retries were a large factor.",
		"Reminder: this review is blameless, please keep names out of the root-cause guessing in here.",
		"We want to be specific about the decisions that were made and why they seemed right in the moment.",
	} {
		if b, r := classify(l, text); b || r {
			t.Errorf("%q: blame %v, root cause %v; want clean", text, b, r)
		}
	}
}
