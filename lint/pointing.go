package lint

import "fmt"

// Pointing is blame.accountability's plainest form: the sentence points at
// whoever did it. "Whoever set the threshold never tested it", "an
// oversight by the change coordinator", "mistakes were made in the contact
// centre", "the engineer responsible", "some of this sits with Product" all
// say who, and stop there.

// failParticiples, before "by" and a person, tell an omission or a slip in
// the passive: "skipped by the responder", "slept through by the
// secondary".
var failParticiples = wordSet(`missed skipped overlooked ignored forgotten neglected botched
	mishandled misread misconfigured misrouted mistyped fumbled bungled dismissed disregarded
	silenced bypassed mislabelled mislabeled miscounted misfiled miskeyed mis-keyed misloaded
	misplaced mis-set missent mis-sent propped`)

// harmlessParticiples before "by" report or mend: "an error reported by a
// user", "the typo spotted by Ana".
var harmlessParticiples = wordSet(`reported noticed spotted found caught flagged raised detected seen
	identified fixed resolved corrected reverted fixed confirmed escalated logged filed contacted called
	phoned visited thanked reimbursed refunded compensated`)

// outsiders are the people a postmortem does not blame when it names them
// as the source of a report.
var outsiders = wordSet(`customer customers user users client clients caller callers reporter
	reporters`)

// pointing flags the sentence's pointing at a person, where no other blame
// rule has flagged the same words; analyze calls it after the rules.
func (s *sentence) pointing() {
	if s.forward || s.lesson {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		msg := "%q points at a person instead of at the conditions they worked in; people who fear that stop telling what they saw"
		switch {
		case t.low == "whoever" && i+1 < len(s.toks) && (pastForm(&s.toks[i+1]) || s.is(i+1, "owns", "wrote", "set", "split", "put", "made", "let", "approved")) && !s.question:
			// "whoever set the alert threshold clearly never tested it"
			from, end = i, i+2
		case t.low == "by":
			n := s.npStartingAt(i + 1)
			if !s.person(n) || outsiders[s.low(n.head)] || n.end > len(s.toks) || s.hasAny("unconfirmed", "unsubstantiated", "unfounded", "untrue") {
				break
			}
			if k := s.slipBefore(i); k >= 0 {
				from, end = k, n.end
			}
		case t.is("mistakes", "errors") && s.is(i+1, "were", "have") && s.is(i+2, "made", "been") && !s.negatedBefore(i, 3) && !s.is(i-1, "no"):
			// "mistakes were made in the contact centre"
			from, end = i, min(i+3, len(s.toks))
			if s.is(i+2, "been") {
				end = min(i+4, len(s.toks))
			}
			msg = "%q hides the people it blames without saying what made the work go wrong"
		case t.low == "blame" && s.is(i-1, "to") && s.f(i-2)&fBe != 0 || t.low == "blame" && s.is(i-1, "to") && s.is(i-2, "partly", "partially", "largely", "mostly", "also", "equally", "entirely", "solely") && s.f(i-3)&fBe != 0:
			// "users who pin nothing are partly to blame"
			if s.negatedBefore(i-1, 4) {
				break
			}
			from, end = i-1, i+1
		case t.is("sits", "sit", "belongs", "belong", "lies", "rests", "falls") && s.is(i+1, "with", "to", "on"):
			// "some of this sits with Product", "some of the blame belongs to the producer"
			n := s.npStartingAt(i + 2)
			if !(s.person(n) || n.ok() && s.toks[n.head].cap) || s.negatedBefore(i, 3) || !s.blameSubject(i) {
				break
			}
			from, end = i, n.end
		case t.low == "responsible" && !s.is(i+1, "for", "to", "of", "in", "when") && !s.is(i-1, "not", "be", "is", "are", "was", "were"):
			// "the staff member responsible has been retrained", "the
			// responsible engineer"
			if n := s.npEndingAt(i - 1); s.person(n) && n.end == i {
				from, end = n.start, i+1
			} else if s.is(i-1, "the") {
				if n := s.npStartingAt(i + 1); s.person(n) {
					from, end = i-1, n.end
				}
			}
		}
		if end == 0 || s.blameOverlaps(from, end) {
			continue
		}
		s.add(idAccountability, from, end, fmt.Sprintf(msg, s.span(from, end)),
			"Describe what happened and what the person saw at the time; owners of action items are teams, and no one is on trial.")
		i = end - 1
	}
}

// slipBefore returns where a slip or omission told in the passive starts
// before "by" at i ("was skipped by", "was routed to the wrong group by"),
// or -1. A slip noun before "by" ("an oversight by") is
// blame.person-error's.
func (s *sentence) slipBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		switch {
		case harmlessParticiples[s.low(j)]:
			return -1
		case failParticiples[s.low(j)]:
			if s.negatedBefore(j, 3) || s.f(j-1)&(fDet|fPossessive) != 0 {
				return -1 // "a skipped order is delivered by a courier" describes the order
			}
			return j
		case s.is(j, "left") && s.is(j+1, "open", "unattended", "unlocked", "unsecured", "running", "unchecked", "uncapped", "disconnected", "unplugged", "unguarded", "unlabelled", "unlabeled", "exposed", "behind"):
			// "Door left open by night watchman"
			return j
		case s.is(j, "early", "late", "soon", "fast") && s.is(j-1, "too"):
			// "Lorry driver waved on too early by deckhand"
			return j - 1
		case s.is(j, "early", "prematurely") && j == i-1 && j > 0 && pastForm(&s.toks[j-1]):
			// "Pyrotechnic cue fired early by operator"
			return j - 1
		case s.is(j, "without") && j > 0 && pastForm(&s.toks[j-1]) && s.is(j+1, "expiry", "approval", "review", "testing", "authorisation", "authorization", "sign-off", "checks", "a"):
			// "Promo code created without expiry by marketing"
			return j - 1
		case s.is(j, "wrong", "incorrect", "incorrectly", "erroneous", "erroneously", "mistakenly", "invalid") || s.low(j) == "through" && s.is(j-1, "slept"):
			// "Incorrect drop-rate values entered by a live-ops team member"
			return j
		case s.boundary(j):
			return -1
		}
	}
	return -1
}

// blameSubject reports whether the subject of the verb at i speaks of
// blame or of the incident's share: "some of this", "the blame", "part of
// the responsibility".
func (s *sentence) blameSubject(i int) bool {
	for j := i - 1; j >= 0 && j >= i-14; j-- {
		if s.is(j, "delivering", "improvements", "improvement", "actions", "follow-up", "fixing", "implementing") {
			return false // "accountability for delivering these improvements sits with the VP"
		}
		if s.is(j, "blame", "fault", "responsibility", "accountability") || s.is(j, "this", "that") && s.is(j-1, "of") && s.is(j-2, "some", "part", "much", "most", "all") {
			return true
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// blameOverlaps reports whether a blame match already covers part of the
// tokens [from, end).
func (s *sentence) blameOverlaps(from, end int) bool {
	for _, m := range s.matches {
		if ruleIndex[m.rule].Category == Blame && m.from < end && from < m.to {
			return true
		}
	}
	return false
}
