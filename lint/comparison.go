package lint

import (
	"fmt"
	"strings"
)

// blame.comparison: praise that grades the others. "Thanks to Amira for
// actually reading the logs, unlike certain people" thanks one person in
// order to fault the rest; the rest learn to keep quiet in the next review,
// and nobody asks what let Amira find the logs and the others not.
var comparisonRule = &sentenceRule{
	info: RuleInfo{
		ID:          idComparison,
		Category:    Blame,
		Severity:    Warning,
		Description: "Praise of one person that faults the others, or people graded against each other: unlike certain people, unlike the rest of us she actually read the alerts, the only person on the rota who actually followed the runbook, at least someone on this team checks the dashboards, stood in sharp contrast to the reviewers, which is more than can be said for, the same cannot be said of the platform team, the rest of the team was not so helpful, did not show the same discipline, unlike the people who broke it, if only the rest had been half as careful, other people in the call were just waiting, other groups need to show the same ownership.",
		Example:     "Big thanks to Amira for actually reading the logs, unlike certain people.",
		Rewrite:     "Amira found the error in the ingest logs; the dashboards the others were watching did not show it.",
	},
	group: gComparison,
	check: checkComparison,
}

// standardNouns are what people are compared on: "did not show the same
// discipline".
var standardNouns = wordSet(`discipline care diligence ownership urgency attention composure
	professionalism commitment rigour rigor judgement judgment level standard focus effort`)

// diligentActs are what the one person in a comparison did: "the only person
// on the rota who followed the runbook".
var diligentActs = wordSet(`followed read checked bothered cared listened grasped understood
	noticed tested reviewed looked escalated answered responded showed`)

func checkComparison(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		from, end := -1, 0
		switch {
		case s.is(i, "unlike"):
			// "unlike certain people", "unlike the rest of us, she actually
			// read the alerts"; not "unlike the primary, the replica kept
			// serving"
			switch {
			case s.is(i+1, "certain", "some", "other", "others", "most", "everyone", "everybody", "you"):
				from, end = i, i+2
				if s.is(i+2, "people", "folks", "of", "else", "teams", "engineers", "colleagues") {
					end = i + 3
				}
			case s.seq(i+1, "the", "rest") || s.seq(i+1, "the", "others"):
				from, end = i, i+3
			default:
				// "unlike the night shift, Tomas actually opened the runbook",
				// "kudos to mei for fixing it, unlike the people who broke it"
				if n := s.personStartingAt(i + 1); s.personish(n) && (s.hasAny("actually", "bothered", "even") || s.is(n.end, "who") && s.failedAfter(n.end+1)) {
					from, end = i, n.end
				}
			}
		case s.seq(i, "if", "only", "the", "rest") || s.seq(i, "half", "as") && s.is(i+2, "careful", "diligent", "attentive", "engaged", "good", "quick", "responsive"):
			// "if only the rest of the rotation had been half as careful"
			from, end = i, i+3
		case s.is(i, "show", "shown", "showing", "demonstrate") && s.seq(i+1, "the", "same") && standardNouns[s.low(i+3)] && s.is(i-1, "to") && s.is(i-2, "need", "needs", "must", "should", "have", "has"):
			// "other groups need to show the same ownership next time"
			from, end = i, i+4
		case s.is(i, "other") && s.is(i+1, "people", "colleagues", "members", "engineers", "responders", "teams") && s.f(i-1)&fDet == 0:
			// "other people in the call were just waiting"
			k := i + 2
			if s.is(k, "of", "in", "on", "from") {
				if n := s.npStartingAt(k + 1); n.ok() {
					k = n.end
				}
			}
			if s.f(k)&fBe != 0 && s.is(k+1, "just", "only", "simply") {
				from, end = i, k+2
			}
		case s.is(i, "contrast") && s.is(i+1, "to", "with") && s.is(i-1, "in") || s.is(i, "contrast") && s.is(i+1, "to", "with") && s.is(i-1, "sharp", "stark") && s.is(i-2, "in"):
			// "whose diligence stood in sharp contrast to the reviewers
			// who waved this change through"
			k := i + 2
			if s.seq(k, "the", "rest", "of") {
				k += 3
			}
			if n := s.personStartingAt(k); s.personish(n) && !s.writer(n) {
				from, end = i, n.end
			}
		case s.seq(i, "more", "than", "can", "be", "said") || s.seq(i, "more", "than", "could", "be", "said"):
			// "which is more than can be said for the person who started
			// the incident"
			from, end = i, i+5
		case (s.is(i, "cannot", "can't") || s.is(i, "can") && s.is(i+1, "not", "n't")) && s.is(i-1, "same") && s.is(i-2, "the"):
			// "the same cannot be said of the wider platform team"; not
			// "the same cannot be said of the replica"
			k := i + 1
			if !s.is(i, "cannot", "can't") {
				k++
			}
			if s.seq(k, "be", "said") && s.is(k+2, "of", "for", "about") {
				if n := s.personStartingAt(k + 3); s.personish(n) && !s.writer(n) {
					from, end = i-2, n.end
				}
			}
		case s.is(i, "only") && s.is(i-1, "the") && (s.is(i+1, "one", "ones") || s.personish(s.personStartingAt(i+1))):
			// "the only person on the rota who actually followed the
			// runbook"; not "the only engineer who knew the legacy
			// system", which is a fact about the team's knowledge
			n := s.personStartingAt(i + 1)
			if s.is(i+1, "one", "ones") {
				n = np{start: i + 1, head: i + 1, end: i + 2, poss: -1}
			}
			for k := n.end; k < len(s.toks) && k <= n.end+6 && !s.boundary(k); k++ {
				if !s.is(k, "who", "that") {
					continue
				}
				// "Aisha, the only person on the bridge who followed procedure",
				// said of her; not "the only person who checked the backups
				// was on leave", a fact about the team
				named := s.is(i-2, ",", "was", "is", "were", "been", "being")
				if s.is(k+1, "actually", "even", "bothered") || s.seq(k+1, "seemed", "to") || diligentActs[s.low(k+1)] && (named || s.hasAny("actually", "bothered")) {
					from, end = i-1, k+2
				}
				break
			}
		case s.seq(i, "at", "least") && s.is(i+2, "someone", "somebody", "one") && !(s.is(i+2, "one") && !s.is(i+3, "of", "person")):
			// "at least someone on this team checks the dashboards"; not
			// "at least one approval is required"
			if k := s.actAfter(i + 3); k > 0 {
				from, end = i, k+1
			}
		case s.seq(i, "the", "rest", "of") || s.seq(i, "the", "others"):
			// "the rest of the team was not so helpful", "the rest of the
			// on-call rotation did not show the same discipline", "the
			// others just improvised"
			k := i + 2
			if s.is(i+1, "rest") {
				n := s.personStartingAt(i + 3)
				if !s.personish(n) && !s.is(i+3, "us", "them") {
					break
				}
				k = max(n.end, i+4)
			}
			for s.is(k, "they", "have", "has", ",") {
				k++
			}
			switch {
			case s.is(k, "just", "simply", "merely"):
				from, end = i, k+1
			case s.f(k)&(fBe|fDo) != 0 && s.f(k+1)&fNeg != 0 && (s.is(k+2, "so", "as", "very", "particularly", "show", "showing", "shown", "bother", "help", "helpful") || standardNouns[s.low(k+3)] || standardNouns[s.low(k+4)]):
				from, end = i, k+3
			}
		}
		if end == 0 {
			continue
		}
		phrase := s.span(from, end)
		s.add(idComparison, from, end,
			fmt.Sprintf("%q praises or grades people against each other; it faults the others instead of asking what helped one of them see what the rest did not", phrase),
			"Describe what each person saw and did, and what made the difference: where the runbook was, which dashboard showed the problem, who had the context and why.")
		i = end - 1
	}
}

// actAfter returns the verb that follows a subject ending before k, past a
// phrase that places it ("someone on this team checks"), when it tells an
// act rather than a duty ("at least one person must approve"); or -1.
func (s *sentence) actAfter(k int) int {
	if s.f(k)&fPrep != 0 {
		k++
		for n := 0; n < 4 && s.nominal(k) && s.f(k)&fPrep == 0; n++ {
			k++
		}
	}
	if s.is(k, "here", "there", "actually", "still") {
		k++
	}
	t := s.toks[min(k, len(s.toks)-1)]
	if k >= len(s.toks) || t.kind != tWord || t.f&(fModal|fBe|fDet|fPrep|fPron) != 0 {
		return -1
	}
	if pastForm(&t) || strings.HasSuffix(t.low, "s") {
		return k
	}
	return -1
}

// failedAfter reports whether the clause from k tells a failure or harm:
// "(the people who) broke it", "(who) did not check".
func (s *sentence) failedAfter(k int) bool {
	for j := k; j < len(s.toks) && j <= k+3 && !s.boundary(j); j++ {
		if s.f(j)&(fFail|fNeg) != 0 || harmVerbs[s.low(j)] || s.is(j, "broke", "caused", "started", "messed", "screwed", "nuked", "killed") {
			return true
		}
	}
	return false
}
