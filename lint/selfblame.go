package lint

import "fmt"

// blame.self-blame: the writer blames themselves. It reads as honest, but it
// is blame all the same: it closes the question of what made the action look
// right at the time, and it teaches readers that the review wants a
// confession.
var selfBlameRule = &sentenceRule{
	info: RuleInfo{
		ID:          idSelfBlame,
		Category:    Blame,
		Severity:    Warning,
		Description: "Self-blame: my fault, that one is on me, this one is mine, my bad, sorry, I broke prod, I was stupid to, I should have known better, I take full responsibility. Also a second-language writer's own mistake without the article (I am making mistake with the region code; I did mistake in the file). Not work still to do that the writer takes on (securing funding for two more engineers is on me); forgetting something is on me stays self-blame.",
		Example:     "This was my fault; I deployed the wrong branch.",
		Rewrite:     "I deployed release-7.2 instead of release-7.3; the deploy form lists branches alphabetically and both names fit the search box.",
	},
	group: gSelfBlame,
	check: checkSelfBlame,
}

// selfNouns follow "my" or "our" in self-blame.
var selfNouns = map[string]bool{
	"fault": true, "mistake": true, "bad": true, "error": true, "carelessness": true,
	"negligence": true, "screw-up": true, "screwup": true, "blunder": true, "failure": true,
	"oversight": true,
}

// faultCompound words after "fault" make it a term of engineering: fault
// tolerance, a fault domain.
var faultCompound = map[string]bool{
	"tolerance": true, "tolerant": true, "injection": true, "domain": true, "domains": true,
	"isolation": true, "detection": true, "line": true, "lines": true, "zone": true, "zones": true,
	"code": true, "codes": true, "handling": true, "handler": true, "model": true, "tree": true,
	"mode": true, "modes": true, "tolerances": true, "current": true, "condition": true,
}

func checkSelfBlame(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		switch {
		case t.f&fPossessive != 0 && t.f&(fFirstSg|fFirstPl) != 0:
			// "my fault", "entirely my own fault", "our mistake"
			j := i + 1
			if s.is(j, "own", "big", "biggest", "huge") {
				j++
			}
			// "my own copy-paste mistake", "our configuration error"
			for k := j; k < j+2 && k+1 < len(s.toks) && !selfNouns[s.low(k)] && s.nominal(k) && s.toks[k].kind == tWord && selfNouns[s.low(k+1)] && s.low(k+1) != "fault" && s.low(k+1) != "bad"; k++ {
				j = k + 1
			}
			if selfNouns[s.low(j)] && !(s.low(j) == "error" && s.is(j+1, "budget", "rate", "message", "messages")) && !(s.low(j) == "fault" && faultCompound[s.low(j+1)]) {
				s.selfBlame(i, j+1)
			}
		case t.low == "mine" && (s.f(i-1)&fBe != 0 || s.is(i-1, "entirely", "all", "wholly")) && s.mineIsBlame(i):
			// "this one is mine", "the mistake, which was mine", "that
			// decision is mine to carry"
			s.selfBlame(s.groupStart(i-1)-1, i+1)
		case t.low == "on" && s.is(i+1, "me", "us") && s.f(i-1)&fBe != 0 && (s.boundary(i+2) || s.is(i+2, "and", "alone", "entirely")) && !s.nextStepOwned(i-1):
			// "that one is on me", "the delay is on me", "this is on us"
			s.selfBlame(s.groupStart(i-1)-1, i+2)
		case t.f&fFirstSg != 0 && t.f&fPron != 0 && s.wrecked(i+1) > 0:
			// "i nuked prod", "I borked the build": the writer as the one
			// who broke it
			s.selfBlame(i, s.wrecked(i+1))
		case t.low == "wrong" && s.nominal(i+1) && s.apologises() && s.verbBefore(i) < 0 && !s.negatedBefore(i, 2):
			// "oops, wrong cluster", "sorry, wrong tab"
			s.selfBlame(i, i+2)
		case t.f&fFirstSg != 0 && t.f&fPron != 0 && s.apologises() && s.damageVerb(i+1) > 0:
			// "sorry all, i broke prod", "oops, I deleted the namespace": an
			// apology with the damage done
			s.selfBlame(i, s.damageVerb(i+1))
		case t.low == "it" && s.f(i+1)&fBe != 0 && s.is(i+2, "me") && s.boundary(i+3) && (i == 0 || s.linePrefix(i) || s.boundary(i-1)):
			// "ugh, it was me, I had a typo in the bucket policy"
			s.selfBlame(i, i+3)
		case t.low == "link" && s.is(i-1, "weak", "weakest") && s.is(i-2, "the") && s.f(i-3)&fBe != 0 && s.firstPerson(s.subjectOf(i-3)):
			// "I was the weak link here"
			s.selfBlame(s.subjectOf(i-3).start, i+1)
		case t.f&fFirstSg != 0 && t.f&fPron != 0 && s.is(i+1, "had", "made") && s.is(i+2, "a", "an") && errorNouns[s.low(i+3)] && !s.is(i+4, "budget", "rate", "message"):
			// "I had a typo in the bucket policy", "I made a mistake"
			s.selfBlame(i, i+4)
		case t.f&fFirstSg != 0 && t.f&fPron != 0 && (s.is(i+1, "made", "make", "did", "do") && s.is(i+2, "mistake", "mistakes", "error", "errors") || s.is(i+1, "am", "was") && s.is(i+2, "making", "doing") && s.is(i+3, "mistake", "mistakes", "error", "errors")):
			// as second-language writers put it: "I am making mistake with
			// the region code", "I did mistake in the file"
			s.selfBlame(i, i+3+boolInt(s.is(i+1, "am", "was")))
		case t.low == "mea" && s.low(i+1) == "culpa":
			s.selfBlame(i, i+2)
		case t.low == "down" && s.f(i-1)&fPron|s.f(i-1)&fRole|s.f(i-1)&fPossessive != 0 || t.low == "down" && s.is(i-2, "the", "my", "our"):
			// "I let the team down"
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if s.is(j, "let") {
					if n := s.subjectOf(j); s.firstPerson(n) && (s.toks[n.head].f&fFirstPl == 0 || !s.is(i-1, "you", "customers", "everyone") || s.is(i+1, "by", "because", "when")) {
						// not a company's apology: "To our customers: we let
						// you down on Monday, and here is what we are changing"
						s.selfBlame(n.start, i+1)
					}
					break
				}
			}
		case t.is("myself", "ourselves") && s.is(i-1, "blame", "blamed", "blaming"):
			s.selfBlame(i-1, i+1)
		case t.low == "known" && s.low(i+1) == "better" && s.seq(i-2, "should", "have"):
			// "I should have known better" (other subjects: blame.judgement)
			if n := s.subjectOf(i - 2); s.firstPerson(n) {
				s.selfBlame(i-2, i+2)
			}
		}
	}
}

// selfBlame records a self-blame finding on tokens [from, to).
func (s *sentence) selfBlame(from, to int) {
	from = max(from, 0)
	s.add(idSelfBlame, from, to,
		fmt.Sprintf("%q is self-blame: it ends the inquiry before asking what made the action look right at the time", s.span(from, to)),
		"Write what you did and why it made sense then (\"I ran X because the screen showed Y\"), and what would have helped you see the risk.")
}

// apologises reports whether the sentence apologises: sorry, oops, my bad.
func (s *sentence) apologises() bool {
	for i := range s.toks {
		if s.is(i, "sorry", "oops", "whoops", "apologies", "apologise", "apologize", "apologised", "apologized", "oopsie") || s.seq(i, "my", "bad") {
			return true
		}
	}
	return false
}

// damaged are the systems an apology with the damage done is about.
var damaged = wordSet(`prod production staging table tables database databases db dbs cluster
	namespace bucket data backup backups index queue site build deploy pipeline service node
	server disk volume replica replicas config certificate cert everything it outage incident
	release migration cache key keys dns record records`)

// damageVerb returns the end of a verb of damage at i ("broke", "took
// down", "nuked"), past any adverbs, or 0.
func (s *sentence) damageVerb(i int) int {
	for i < len(s.toks) && s.isAdverb(i) {
		i++
	}
	switch {
	case s.is(i, "broke", "killed", "nuked", "wiped", "borked", "trashed", "deleted", "dropped", "caused", "corrupted", "overwrote") && s.nominal(i+1) && s.f(i+1)&fPrep == 0:
		// The damage is to a system: not "sorry, I dropped off the call" or
		// "sorry, I deleted the duplicate ticket".
		for j := i + 1; j < len(s.toks) && j <= i+4 && s.nominal(j); j++ {
			if damaged[s.low(j)] || s.is(j, "wrong") {
				return j + 1
			}
		}
		return 0
	case s.is(i, "took", "brought", "messed", "screwed") && s.is(i+1, "down", "up", "out"):
		return i + 2
	}
	return 0
}

// wrecked returns the end of "nuked prod", "broke the build", "borked
// staging" at i, a colloquial wrecking of a system, or 0.
func (s *sentence) wrecked(i int) int {
	if !s.is(i, "nuked", "borked", "trashed", "hosed", "bricked", "broke", "killed", "wiped", "fried", "tanked") {
		return 0
	}
	j := i + 1
	if s.is(j, "the", "our") {
		j++
	}
	if s.is(j, "prod", "production", "staging", "build", "site", "db", "database", "cluster", "everything", "deploy", "pipeline", "api", "app", "checkout", "release") {
		return j + 1
	}
	return 0
}

// mineIsBlame reports whether "… is mine" at i owns a fault: its subject is
// this one, a mistake, a decision or the blame, or "to carry" follows; not
// "the laptop is mine".
func (s *sentence) mineIsBlame(i int) bool {
	if s.seq(i+1, "to", "carry") || s.seq(i+1, "to", "own") || s.seq(i+1, "to", "bear") {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if s.is(j, "one", "mistake", "mistakes", "fault", "error", "errors", "blame", "failure") {
			return true
		}
		if s.boundary(j) && s.low(j) != "," {
			break
		}
	}
	return false
}

// nextStepOwned reports whether what is "on me" before the verb at be is
// work still to do, told with a gerund: "securing funding for two more
// engineers is on me", "chasing the vendor is on us". It is a duty taken
// on, not blame; "forgetting the backup is on me" stays blame.
func (s *sentence) nextStepOwned(be int) bool {
	c := be - 1
	for c > 0 && !s.boundary(c-1) && !s.is(c-1, "and", "but", "so") {
		c--
	}
	return s.is(c, "securing", "fixing", "getting", "finding", "hiring", "funding", "chasing", "following", "making", "writing", "sorting", "arranging", "booking",
		"organising", "organizing", "scheduling", "driving", "tracking", "updating", "raising", "improving", "staffing", "budgeting", "planning", "rebuilding", "owning")
}
