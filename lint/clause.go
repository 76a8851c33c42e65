package lint

import (
	"slices"
	"strings"
)

// sentence is a triggered sentence under analysis.
type sentence struct {
	lex  lexicon
	text []byte // the sentence as it stands in doc.text
	toks []token
	// flags of the sentence's block: quote, heading, list, table.
	flags sentFlag
	// next is the next sentence of the same paragraph, or nil.
	next []byte
	// lesson is true under an "Action items", "Lessons" or similar heading,
	// where "we should have …" is told as a lesson.
	lesson bool
	// question is true for a question that asks how, what or which.
	question bool
	// declined records the framing a rule found and left alone because the
	// sentence itself sets it aside (a theory rejected, a cause searched
	// for and not found, someone who should have been told): the models,
	// which weigh the whole sentence, are not asked about it either.
	declinedBlame, declinedCause bool
	// forward is true for a line that opens with a plan label such as
	// "Action:" or "Follow-up:".
	forward bool
	matches []match
}

// match is what a rule found: a token range and what to say about it.
type match struct {
	rule      string
	from, to  int // token range [from, to)
	msg, sugg string
	// byNobody is set on an omission whose subject is nobody ("nobody
	// checked"): there the negative subject is the finding, not a denial.
	byNobody bool
}

// np is a noun phrase: tokens [start, end) and the index of its head. poss
// is the index of a possessor's head ("Diego" in "Diego's review"), or -1.
type np struct {
	start, head, end, poss int
	// implicit is set for the unnamed subject of a line that starts with
	// its verb, as chat logs and terse summaries write: "forgot to drain
	// the node, sorry", "14:02 marco: accidentally deleted prod". It is a
	// person; start and head are the verb group's start.
	implicit bool
}

var noNP = np{start: -1, head: -1, end: -1, poss: -1}

func (n np) ok() bool { return n.head >= 0 }

func (s *sentence) low(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].low
}

func (s *sentence) f(i int) wflag {
	if i < 0 || i >= len(s.toks) {
		return 0
	}
	return s.toks[i].f
}

// boundary reports whether token i ends a clause on its left: punctuation
// other than a possessive or a hyphen inside a phrase.
func (s *sentence) boundary(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return true
	}
	t := &s.toks[i]
	if t.kind != tPunct {
		return false
	}
	switch t.low {
	case "/", "&", "%", "+", "#", "@", "*", "$", "£", "€", "¥", "~":
		return false
	}
	return true
}

// isAdverb is true for words that sit inside a verb group: "never",
// "also", "carelessly".
func (s *sentence) isAdverb(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	if t.kind != tWord || t.cap && i > 0 {
		return false
	}
	if t.f&(fAdv|fNeg) != 0 && t.low != "no" {
		return true
	}
	return len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && t.f&(fRole|fName|fPron|fTech|fMass) == 0 &&
		t.low != "early" && t.low != "only" && t.low != "family" && t.low != "assembly" && t.low != "supply" && t.low != "anomaly"
}

// groupStart walks left from a verb over auxiliaries, modals, negations and
// adverbs: the start of the verb group.
func (s *sentence) groupStart(p int) int {
	i := p
	for i > 0 {
		f := s.f(i - 1)
		if s.toks[i-1].kind == tWord && (f&(fBe|fHave|fDo|fModal) != 0 || s.isAdverb(i-1)) && s.low(i-1) != "'s" {
			i--
			continue
		}
		// "was too slow", "had simply"
		if s.low(i-1) == "too" || s.low(i-1) == "to" && s.low(i-2) == "ought" || s.low(i-1) == "once" && s.low(i-2) == "never" {
			i--
			continue
		}
		break
	}
	return i
}

// groupHas reports whether the verb group [start, p) holds a word with flag f.
func (s *sentence) groupHas(start, p int, f wflag) bool {
	for i := start; i < p; i++ {
		if s.toks[i].f&f != 0 {
			return true
		}
	}
	return false
}

// nominal reports whether token i can be part of a noun phrase.
func (s *sentence) nominal(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	switch t.kind {
	case tNum, tCode, tAccepted:
		return true
	case tPunct:
		return false
	}
	if t.low == "'s" {
		return true
	}
	f := t.f
	if f&(fPrep|fConj|fSub|fBe|fHave|fDo|fModal|fNeg) != 0 && f&(fRole|fName|fMass) == 0 {
		return false
	}
	if f&fRel != 0 && f&fDet == 0 {
		return false
	}
	if t.low == "that" {
		return false
	}
	if s.isAdverb(i) {
		return false
	}
	return true
}

// pastForm reports whether a word looks like a past tense or participle.
func pastForm(t *token) bool {
	return t.f&fPastPart != 0 || strings.HasSuffix(t.low, "ed") && len(t.low) > 3 ||
		t.low == "forgot" || t.low == "ran" || t.low == "took" || t.low == "saw" || t.low == "misread"
}

// npEndingAt returns the noun phrase whose last token is i. A phrase that is
// the object of a preposition attaches to the phrase before it: in "the
// engineer on call" the head is "engineer".
func (s *sentence) npEndingAt(i int) np {
	if !s.nominal(i) || s.low(i) == "'s" {
		return noNP
	}
	t := &s.toks[i]
	n := np{start: i, head: i, end: i + 1, poss: -1}
	if t.f&fPron != 0 || t.f&fThing != 0 && t.f&fDet == 0 {
		// A pronoun is a phrase on its own.
	} else if t.f&fPlainName != 0 && !t.cap && s.f(i-1)&(fDet|fPossessive) == 0 && s.low(i-1) != "'s" {
		// A given name in lower case stands alone: "in hindsight diego
		// panicked".
	} else {
		for j := i - 1; j >= 0 && j >= i-8 && s.nominal(j); j-- {
			tj := &s.toks[j]
			if tj.f&fPron != 0 && tj.f&fPossessive == 0 || tj.kind == tNum && strings.IndexByte(tj.low, ':') >= 0 {
				break
			}
			// A past form after a noun is a verb: "the alert Raj ignored";
			// and after who or which: "engineer who added retry loop".
			if tj.kind == tWord && pastForm(tj) && j > 0 && (s.nominal(j-1) && s.toks[j-1].f&fDet == 0 || s.relPronoun(j-1)) {
				break
			}
			// A name after a time: "for the second time in this month
			// Yusuf forgot" opens a phrase of its own.
			if t.f&(fName|fPlainName) != 0 && (calendarWords[tj.low] || timeNouns[tj.low]) {
				break
			}
			n.start = j
			if tj.low == "'s" && n.poss < 0 {
				n.poss = j - 1
			}
			if tj.f&fDet != 0 && tj.f&(fRole|fName) == 0 || tj.f&fPossessive != 0 {
				if tj.f&fPossessive != 0 && n.poss < 0 {
					n.poss = j
				}
				break
			}
		}
	}
	// "no one": the phrase is "no one".
	if t.low == "one" && s.low(i-1) == "no" {
		n.start = i - 1
	}
	// Attach a prepositional phrase to the phrase before it.
	if p := n.start - 1; p > 0 && s.f(p)&fPrep != 0 && isAttaching(s.low(p)) && s.nominal(p-1) && s.low(p-1) != "'s" && !(s.toks[p-1].kind == tWord && pastForm(&s.toks[p-1]) && s.toks[p-1].f&fPastPart == 0) {
		if prev := s.npEndingAt(p - 1); prev.ok() {
			// "none of the engineers", "everyone on the rotation": the
			// quantifier takes the people of the phrase after it.
			noOne := s.low(prev.head) == "one" && s.low(prev.head-1) == "no"
			if s.toks[prev.head].f&(fPron|fNegQuant) == 0 && isQuantifier(s.low(prev.head)) && !noOne {
				n.start = prev.start
				return n
			}
			prev.end = n.end
			return prev
		}
	}
	return n
}

// timeNouns are the spans of time a phrase can end on before a name.
var timeNouns = wordSet(`month week day year morning afternoon evening night weekend time quarter
	sprint months weeks days years nights tonight`)

func isAttaching(p string) bool {
	switch p {
	case "of", "on", "in", "at", "for", "from", "with", "behind", "under", "inside", "within":
		return true
	}
	return false
}

func isQuantifier(w string) bool {
	switch w {
	case "none", "all", "some", "each", "both", "one", "most", "many", "several", "either", "neither", "two", "three", "any":
		return true
	}
	return false
}

// npStartingAt returns the noun phrase that begins at i, with any phrase
// of a preposition that follows it ("the engineer on shift").
func (s *sentence) npStartingAt(i int) np {
	if !s.nominal(i) {
		return noNP
	}
	j := i
	if s.toks[i].f&fPron != 0 && s.toks[i].f&fPossessive == 0 {
		j = i + 1
	} else {
		for j < len(s.toks) && j < i+8 && s.nominal(j) {
			t := &s.toks[j]
			if j > i && (t.f&fPron != 0 && t.f&fPossessive == 0 || t.f&fDet != 0 && t.f&fPossessive == 0 && s.toks[j-1].low != "'s" && !isQuantifier(t.low)) {
				break
			}
			if j > i && t.kind == tWord && pastForm(t) && s.toks[j-1].f&fDet == 0 {
				break // a verb
			}
			if j > i && postModifiers[t.low] {
				break // "the operators responsible for the platform"
			}
			if j > i && t.kind == tWord && strings.HasSuffix(t.low, "ing") && s.toks[j-1].f&(fRole|fName) != 0 {
				break // "a technician configuring the core network"
			}
			j++
		}
	}
	if j == i {
		return noNP
	}
	// "one of our engineers", "none of the operators", "members of the
	// team": the phrase goes on to the people after "of".
	if s.low(j) == "of" && (isQuantifier(s.low(j-1)) || s.toks[j-1].f&fRole != 0) {
		if m := s.npStartingAt(j + 1); m.ok() {
			if n := s.npEndingAt(m.end - 1); n.ok() && n.start == i {
				return n
			}
		}
	}
	n := s.npEndingAt(j - 1)
	if n.start < i {
		// npEndingAt attached a phrase before i; this one starts at i.
		n = np{start: i, head: j - 1, end: j, poss: -1}
		for k := i; k < j-1; k++ {
			if n.poss < 0 && (s.low(k+1) == "'s" || s.f(k)&fPossessive != 0) {
				n.poss = k
			}
		}
	}
	return n
}

// subjectOf finds the subject of the verb at p: the noun phrase just before
// its verb group, or for a verb that follows "and" the subject of the verb
// before.
func (s *sentence) subjectOf(p int) np {
	return s.subjectDepth(p, 0)
}

func (s *sentence) subjectDepth(p, depth int) np {
	if depth > 4 || p < 0 || p >= len(s.toks) {
		return noNP
	}
	g := s.groupStart(p)
	i := g - 1
	if s.flags&(sTable|sHeading) == 0 && s.toks[p].kind == tWord && (i < 0 || s.linePrefix(g) && !s.toks[p].cap) {
		return np{start: g, head: g, end: g, poss: -1, implicit: true}
	}
	if i < 0 {
		return noNP
	}
	switch {
	case s.low(i) == "and" || s.low(i) == "but" || s.low(i) == "then" || s.low(i) == "or":
		if v := s.prevVerb(i); v >= 0 {
			return s.subjectDepth(v, depth+1)
		}
		return noNP
	case s.low(i) == ",":
		// "Ingrid, who had joined two weeks earlier, was" and "Ricardo, the
		// engineer on call, missed": skip back over the clause between
		// commas to the phrase before it.
		for j := i - 1; j > 0 && j >= i-12; j-- {
			if s.low(j) == "," {
				before := s.npEndingAt(j - 1)
				if before.ok() && s.f(j+1)&fRel != 0 {
					return before
				}
				if inner := s.npStartingAt(j + 1); inner.ok() && s.skipPP(inner.end) == i {
					if before.ok() {
						return before
					}
					return inner
				}
				// "The on-call engineer, tired after a long shift, forgot"
				if before.ok() && s.f(j+1)&(fSub|fConj|fPrep) == 0 && j > 1 && !s.boundary(j-2) {
					return before
				}
				// "We, as a team, simply did not", "The engineer, in a hurry,"
				if before.ok() && s.f(j+1)&fPrep != 0 && s.skipPP(j+1) == i || before.ok() && s.is(j+1, "as") && s.npStartingAt(j+2).end == i {
					return before
				}
				break
			}
			if s.boundary(j) {
				break
			}
		}
		return noNP
	case s.f(i)&fRel != 0 && s.low(i) != "that":
		// "the engineer who forgot": the relative pronoun stands for the
		// phrase before it.
		k := i - 1
		if s.is(k, ",", "—", "-", "(") {
			k--
		}
		n := s.npEndingAt(k)
		// "he's the one who took down the VPN", "it was me who typed":
		// the subject of the copula before.
		if n.ok() && s.is(n.head, "one", "person", "guy") && (n.start == n.head-1 && s.f(n.start-1)&fBe != 0 || n.start == n.head && s.f(n.head-1)&fBe != 0) {
			if a := s.npEndingAt(n.start - 2); s.person(a) {
				return a
			}
		}
		if n.ok() && s.f(n.start-1)&fBe != 0 && s.is(n.start-2, "it") && s.person(n) {
			return n // "it was me who …"
		}
		return n
	}
	n := s.npEndingAt(i)
	// "The developer who wrote the migration forgot": the phrase before the
	// verb closes a relative clause; the subject is what the clause
	// describes.
	if r := s.relativeBefore(n, i); r > 0 {
		if a := s.npEndingAt(r - 1); a.ok() {
			return a
		}
	}
	if !s.person(n) {
		if f := s.frontSubject(g); f.ok() {
			return f
		}
	}
	return n
}

// postModifiers may follow a person's noun before the verb: "the engineer
// involved", "the person responsible for the change".
var postModifiers = wordSet("involved concerned responsible accountable assigned tasked charged affected")

// frontSubject returns the noun phrase that opens the clause of the verb
// group at g when all that stands between it and the verb describes it:
// "the person responsible for monitoring the platform over the holiday did
// not respond", "individuals involved in the change bypassed approvals".
// It returns noNP unless that phrase is a person.
func (s *sentence) frontSubject(g int) np {
	c := g - 1
	for c > 0 && !s.boundary(c-1) && s.f(c-1)&(fConj|fSub) == 0 && !s.relPronoun(c-1) {
		c--
	}
	// Skip an opening phrase of time or place: "At 10:09 the engineer …".
	for c < g && s.f(c)&fPrep != 0 {
		p := s.npStartingAt(c + 1)
		if !p.ok() || p.start != c+1 {
			break
		}
		c = p.start + 1
		for c < p.end && !s.is(c, "the", "a", "an") && s.f(c)&fPossessive == 0 {
			c++
		}
		if c >= p.end {
			c = p.end
		}
	}
	if c < 0 || c >= g {
		return noNP
	}
	// The first person in the phrase that opens the clause.
	n := noNP
	for j := c; j < g && j < c+8 && s.nominal(j); j++ {
		if m := s.npEndingAt(j); m.ok() && m.start >= c && s.person(m) {
			n = m
			break
		}
	}
	if !n.ok() || n.end >= g {
		return noNP
	}
	// The person must be the whole phrase, not the start of a compound:
	// not "the admin" of "the admin panel".
	if nx := &s.toks[n.end]; nx.kind != tWord && nx.kind != tPunct || nx.kind == tWord && nx.f&(fPrep|fRel) == 0 && !pastForm(nx) && !strings.HasSuffix(nx.low, "ing") && !postModifiers[nx.low] {
		return noNP
	}
	// Nor the start of "crew scheduling software", where the -ing word
	// is a modifier of the noun after it, not a verb with an object.
	if nx := s.low(n.end); strings.HasSuffix(nx, "ing") && s.f(n.end)&fMass != 0 && n.end+1 < g && s.nominal(n.end+1) && s.f(n.end+1)&(fDet|fPossessive|fPrep|fPron|fRole|fName) == 0 && s.toks[n.end+1].kind == tWord {
		return noNP
	}
	for j := n.end; j < g; j++ {
		t := &s.toks[j]
		switch {
		case t.kind == tPunct && t.low != "-" && t.low != "—",
			t.f&(fBe|fHave|fDo|fModal) != 0,
			s.relPronoun(j):
			return noNP
		case t.kind == tWord && pastForm(t) && !postModifiers[t.low] && s.f(j+1)&fPrep == 0:
			return noNP // another verb: "Ana paged the team that failed"
		}
	}
	return n
}

// personStartingAt returns the phrase that starts at i and ends at its
// person: "the edge team" of "the edge team full stop", or the phrase that
// starts at i when it holds no person.
func (s *sentence) personStartingAt(i int) np {
	best := noNP
	for j := i; j < len(s.toks) && j < i+7 && s.nominal(j); j++ {
		if j > i && s.f(j)&fDet != 0 && s.low(j-1) != "'s" && !isQuantifier(s.low(j)) {
			break
		}
		if s.toks[j].f&(fRole|fName|fPlainName|fPron) != 0 || s.low(j) == "one" {
			if m := s.npStartingAt(i); m.ok() && m.head == j && s.person(m) {
				return m
			}
			if m := (np{start: i, head: j, end: j + 1, poss: -1}); s.person(m) {
				best = m
				for k := i; k < j; k++ {
					if best.poss < 0 && (s.low(k+1) == "'s" || s.f(k)&fPossessive != 0) {
						best.poss = k
					}
				}
			}
		} else if best.ok() {
			break
		}
	}
	if best.ok() {
		return best
	}
	return s.npStartingAt(i)
}

// relPronoun reports whether the word at i opens a relative clause: who,
// which, that, but not "that" before a noun ("that night").
func (s *sentence) relPronoun(i int) bool {
	return s.f(i)&fRel != 0 && !(s.low(i) == "that" && s.f(i+1)&(fMass|fTimeWord) != 0)
}

// verbBefore returns the nearest word before i, in the same clause, that
// can be a verb: a past form, a known verb or a form in -ing. It skips the
// noun phrases and prepositions of the verb's objects.
func (s *sentence) verbBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		if s.low(j) == "," && s.f(j+1)&fPrep != 0 {
			continue // "ran the DELETE by mistake, in the wrong session"
		}
		if s.is(j, "before", "after") && j+1 == i {
			continue // "opened the exam one day before by mistake": an adverb
		}
		if s.low(j) == "as" && j > 0 && s.nominal(j-1) && s.f(j-1)&fPron == 0 && s.verblessAs(j, i) {
			continue // "closed the reports as duplicates without reading them"
		}
		if s.boundary(j) || s.f(j)&(fConj|fSub|fRel) != 0 && (s.f(j)&fDet == 0 || s.low(j) == "that") && !s.toks[j].upper && s.f(j-1)&fPrep == 0 {
			return -1
		}
		t := &s.toks[j]
		if t.kind != tWord || t.f&(fDet|fPrep|fPron|fPossessive) != 0 && t.f&fVerb == 0 {
			continue
		}
		base := t.f&fVerb != 0 && t.f&(fBe|fHave|fDo|fModal) == 0 && !pastForm(t)
		if s.is(j, "did", "does", "do") && s.f(j+1)&(fDet|fPossessive) != 0 && s.f(j-1)&(fPron|fRole|fName|fPlainName) != 0 {
			return j // "he did the change on accident": do as the main verb
		}
		afterPerson := j > 0 && s.toks[j-1].kind == tWord && s.f(j-1)&(fPron|fRole|fName|fPlainName) != 0 && s.f(j-1)&fPossessive == 0
		if pastForm(t) && !(j > 0 && s.f(j-1)&(fDet|fPossessive) != 0 && s.low(j-1) != "that") ||
			base && (s.f(j-1)&fPron != 0 || strings.HasSuffix(t.low, "s") && (s.f(j-1)&(fDet|fPossessive) == 0 || s.is(j-1, "that")) || afterPerson || s.is(j-1, "has", "have")) ||
			// "Yusuf delete the group", as second-language writers put it
			t.f == 0 && afterPerson && s.f(j+1)&(fDet|fPossessive) != 0 ||
			strings.HasSuffix(t.low, "ing") && len(t.low) > 4 && t.f&(fMass|fRole) == 0 && s.f(j-1)&(fDet|fPossessive) == 0 &&
				(!s.nominal(j-1) || s.f(j-1)&(fRole|fName|fPron|fPlainName) != 0) {
			// a participle after a person ("the engineer doing the
			// migration"), not a noun ("the retention setting")
			return j
		}
	}
	return -1
}

// verblessAs reports whether the words between "as" at j and i name what
// something was taken for ("as duplicates of an old issue") rather than
// open a clause ("as the engineer ran it").
func (s *sentence) verblessAs(j, i int) bool {
	for k := j + 1; k < i; k++ {
		t := &s.toks[k]
		if t.kind != tWord || t.f&(fPron|fBe|fHave|fModal|fDo) != 0 || pastForm(t) && s.f(k-1)&(fDet|fPossessive) == 0 {
			return false
		}
	}
	return true
}

// agentOfVerb returns who did the action of the verb at v: its subject, or
// for a passive the phrase after "by" (noNP when the passive names no one).
func (s *sentence) agentOfVerb(v int) np {
	if s.passive(v) && pastForm(&s.toks[v]) {
		return s.agentOf(v)
	}
	return s.subjectOf(v)
}

// relativeBefore returns the index of a relative pronoun that opens a clause
// ending at i, when that clause has its own verb; or -1.
func (s *sentence) relativeBefore(n np, i int) int {
	start := i
	if n.ok() {
		start = n.start
	}
	verb := false
	for j := start - 1; j > 0 && j >= i-10; j-- {
		if s.boundary(j) {
			return -1
		}
		t := &s.toks[j]
		if t.f&fRel != 0 {
			if t.low == "that" {
				p := &s.toks[j-1]
				if p.kind != tWord || pastForm(p) || p.f&(fVerb|fPrep|fSub|fConj) != 0 {
					return -1 // "found that the engineer forgot"
				}
			}
			if verb && s.nominal(j-1) {
				return j
			}
			return -1
		}
		if t.kind == tWord && (pastForm(t) || t.f&fVerb != 0 && t.f&fRole == 0) {
			verb = true
		}
	}
	return -1
}

// prevVerb returns the index of the nearest verb before i in the same
// clause: a word with a past form or a known verb after a noun phrase.
func (s *sentence) prevVerb(i int) int {
	for j := i - 1; j > 0 && j >= i-15; j-- {
		if s.boundary(j) && s.low(j) != "," {
			return -1
		}
		t := &s.toks[j]
		if t.kind != tWord || s.f(j-1)&(fDet|fPossessive) != 0 && s.f(j-1)&fPron == 0 {
			continue
		}
		past := pastForm(t) || t.low == "had"
		present := t.f&fVerb != 0 && (strings.HasSuffix(t.low, "s") || s.f(j-1)&fPron != 0) ||
			strings.HasSuffix(t.low, "s") && t.f&(fRole|fMass) == 0 && !strings.HasSuffix(t.low, "ss") && s.f(j-1)&fPron != 0
		if (past || present) && s.npEndingAt(s.groupStart(j)-1).ok() {
			return j
		}
	}
	return -1
}

// agentOf returns the phrase after "by" in a passive clause: "was ignored by
// everyone on the rotation".
func (s *sentence) agentOf(p int) np {
	for j := p + 1; j < len(s.toks) && j < p+8; j++ {
		if s.boundary(j) {
			return noNP
		}
		if s.low(j) == "by" {
			return s.npStartingAt(j + 1)
		}
	}
	return noNP
}

// passive reports whether the verb group of p is a passive: a form of "be"
// before a past participle.
func (s *sentence) passive(p int) bool {
	g := s.groupStart(p)
	for i := g; i < p; i++ {
		if s.f(i)&fBe != 0 && s.low(i) != "'s" {
			return true
		}
	}
	// "was disciplined or taken off the rota": a participle joined to a
	// passive one is passive too.
	if g == p && s.is(p-1, "and", "or") && pastForm(&s.toks[p]) {
		if v := p - 2; v >= 0 && s.toks[v].kind == tWord && pastForm(&s.toks[v]) {
			for i := s.groupStart(v); i < v; i++ {
				if s.f(i)&fBe != 0 && s.low(i) != "'s" {
					return true
				}
			}
		}
	}
	return false
}

// person reports whether a noun phrase stands for a person or a group of
// people, and not for a system.
func (s *sentence) person(n np) bool {
	if !n.ok() {
		return false
	}
	if n.implicit {
		return true
	}
	h := &s.toks[n.head]
	if h.kind != tWord {
		return false
	}
	f := h.f
	switch {
	case h.low == "one" && n.head > 0 && s.low(n.head-1) == "no":
		return true
	case h.upper && h.low == "it":
		return true // the IT department
	case s.is(n.head, "responsible", "responsable") && s.is(n.head-1, "the") && s.is(n.head+1, "of", "for"):
		return true // "the responsible of the release", as second-language writers put it
	case s.is(n.head, "head", "heads", "director", "directors", "vp", "vps") && s.low(n.head+1) == "of" && n.head+2 < len(s.toks) && s.toks[n.head+2].kind == tWord && s.f(n.head+2)&(fDet|fPossessive) == 0 && !s.is(n.head+2, "line", "queue", "stream", "list", "branch", "table", "file", "steam", "state", "time"):
		return true // "the head of infrastructure", "the director of operations"
	case n.start == n.head && s.low(n.head-1) == "@" && h.kind == tWord:
		return true // "@dave forgot", a chat mention
	case s.is(n.end, "who", "whom") && n.head == n.end-1 && f&(fThing|fTech|fVerb|fAmbig) == 0 && !pastForm(h) && !strings.HasSuffix(h.low, "ing") && !strings.HasSuffix(h.low, "s") && !askWho[h.low] && !s.is(n.start, "every", "each", "any", "all", "those", "no") &&
		(!slices.Contains(servedPeople, h.low) || n.head > n.start && s.nominal(n.head-1) && s.f(n.head-1)&fDet == 0):
		// "attributed to meter reader who recorded readings at wrong
		// addresses": one person; not "every policyholder who received a
		// letter", "subscribers who hit the paywall", "the reader who
		// complained", the people affected
		return true
	case postModifiers[h.low] && n.start < n.head && s.is(n.start, "those", "whoever", "anyone", "everyone", "all", "the"):
		return s.is(n.start, "those", "whoever", "anyone", "everyone", "all") || s.is(n.head-1, "people", "person", "individuals", "staff")
	case f&fThing != 0 && f&fPron == 0:
		return false
	case f&fPron != 0:
		if h.low == "they" || h.low == "them" {
			return !s.thingsBefore(n.head)
		}
		return true
	case f&fRole != 0 && (h.low == "manager" || h.low == "managers") && n.start < n.head:
		// "the pharmacy manager", "the community manager"; not "the
		// secrets manager", "the package manager"
		for j := n.start; j < n.head; j++ {
			if t := &s.toks[j]; t.low == "'s" {
				continue
			} else if t.f&fTech != 0 && t.f&fRole == 0 || t.kind == tCode || softwareMods[t.low] || machineManagers[t.low] {
				return false
			}
		}
		return true
	case f&fRole != 0 && humanLeaning[h.low] && n.start < n.head:
		// "the contact centre admin", "the storage admins", "the night
		// operator": a modifier names what they look after; only a
		// product makes a machine ("the Postgres operator", "the Django
		// admin").
		for j := n.start; j < n.head; j++ {
			if t := &s.toks[j]; t.low == "'s" {
				continue
			} else if t.f&fTech != 0 && t.f&fRole == 0 || t.kind == tCode {
				return false
			}
		}
		return true
	case f&fRole != 0:
		if machineRoles[h.low] {
			from := n.start
			for j := n.start; j < n.head; j++ {
				if s.toks[j].low == "'s" {
					from = j + 1
				}
			}
			for j := from; j < n.head; j++ {
				if t := &s.toks[j]; (t.f&fTech != 0 && t.f&fRole == 0 || softwareMods[t.low]) && !(providerHeads[h.low] && businessMods[t.low]) {
					return false // "the terraform provider", "the webhook dispatcher"; not "our cloud provider"
				}
			}
			if s.onDuty(n.head) {
				return true // "scheduler on duty failed to publish"
			}
		}
		if f&fAmbig == 0 {
			return true
		}
		from := n.start
		for j := n.start; j < n.head; j++ {
			if s.toks[j].low == "'s" {
				from = j + 1 // "the vendor's operator": the possessor is no modifier
			}
		}
		// The modifier next to the head decides ("the outsourced field
		// tech", not "the storage controller"); any software word before
		// it makes a machine.
		modified := false
		for j := n.head - 1; j >= from; j-- {
			t := &s.toks[j]
			if t.f&(fDet|fPossessive) != 0 || j == n.poss {
				continue
			}
			if t.kind != tWord || !s.lex.personModOK(t.low, h.low) && !s.hyphenModOK(t.low, h.low) && !s.groupName(n, j) {
				return false
			}
			for k := from; k < j; k++ {
				if u := &s.toks[k]; u.f&fTech != 0 && u.f&fRole == 0 || softwareMods[u.low] {
					return false
				}
			}
			modified = true
			break
		}
		// "the handler" alone is code; "the baggage handlers" are people,
		// and so is "the scheduler on duty".
		return modified || !machineLeaning[h.low] || s.onDuty(n.head)
	case f&fTech != 0:
		return false
	case h.cap && f&fName != 0, f&fPlainName != 0 && n.start == n.head:
		return true
	case h.cap && !h.upper && n.start == n.head && nameShaped(h.low) && nameCased(s.text[h.s:h.e]) && f&(fMass|fVerb|fDet|fPrep|fQuestion|fTimeWord|fAdv|fConj|fSub|fRel|fModal|fBe|fHave|fDo) == 0:
		// A capitalised word on its own that no lexicon knows: inside a
		// clause it is a proper noun; at the start of a clause it could be
		// any noun, so a plural does not count.
		return n.head > 0 && !s.boundary(n.head-1) || !strings.HasSuffix(h.low, "s") && !troubleNouns[h.low]
	case s.surname(n.head):
		return true // "Diego Alvarez paused the wrong server", "referee Priya Nair"
	}
	return false
}

// troubleNouns name what went wrong; opening a clause capitalised ("Fault
// in interface engine retry logic caused message loss"), such a word is
// the noun, not a name.
var troubleNouns = wordSet(`fault error failure bug issue problem outage delay loss crash defect glitch
	leak mismatch timeout regression corruption misconfiguration overflow deadlock`)

// surname reports whether the word at i is a family name the lexicon does
// not know, written after a given name it does: "Alvarez" in "Diego
// Alvarez", "Nair" in "the referee Priya Nair". The phrase's head is then
// the surname, and the person is the whole name.
func (s *sentence) surname(i int) bool {
	if i < 1 || i >= len(s.toks) {
		return false
	}
	h, g := &s.toks[i], &s.toks[i-1]
	const notName = fMass | fVerb | fDet | fPrep | fQuestion | fTimeWord | fAdv | fConj | fSub | fRel | fModal | fBe | fHave | fDo | fTech | fThing | fRole
	return h.kind == tWord && h.cap && !h.upper && h.f&notName == 0 && nameShaped(h.low) && nameCased(s.text[h.s:h.e]) &&
		g.kind == tWord && g.cap && !g.upper && g.f&(fName|fPlainName) != 0 && g.f&(fTech|fRole) == 0
}

// groupName reports whether the modifier at j names a group of people the
// way a department is named at the head of a summary line: one capitalised
// word that no lexicon knows, opening the clause, before a group word
// ("Affiliate ops published the feed", "Biomedical engineering mapped the
// monitors"), never before a software word ("Database operations").
func (s *sentence) groupName(n np, j int) bool {
	t := &s.toks[j]
	h := s.low(n.head)
	return j == n.start && j == n.head-1 && t.cap && !t.upper && t.f == 0 && (j == 0 || s.linePrefix(j)) &&
		(h == "ops" || h == "operations" || h == "engineering" || h == "support" || h == "management" || h == "success")
}

// humanLeaning role words name a person after any modifier but a
// product's name.
var humanLeaning = wordSet(`admin admins operator operators owner owners desk desks leader leaders`)

// onDuty reports whether "on duty", "on call" or "on shift" follows the
// head at h: a role word that also names software is then a person.
func (s *sentence) onDuty(h int) bool {
	return s.is(h+1, "on") && s.is(h+2, "duty", "call", "shift")
}

// machineLeaning role words name a person only after a modifier that
// makes one: "the claims handler", not "the handler".
var machineLeaning = wordSet(`handler handlers scheduler schedulers hand hands tender tenders`)

// machineManagers before "manager" make a piece of software.
var machineManagers = wordSet(`package packages secrets secret password passwords window task cluster
	resource resources entity connection connections session sessions download traffic state config
	configuration lifecycle memory device node volume disk file files key keys cert-manager
	certificate certificates dependency dependencies version release-please process service
	services workload workloads policy policies access`)

// machineRoles are role words that also name pieces of software.
var machineRoles = wordSet(`provider providers dispatcher dispatchers agent agents operator operators
	controller controllers worker workers manager managers supervisor supervisors scheduler
	coordinator coordinators inspector inspectors planner planners editor editors`)

// providerHeads and businessMods: a provider of a service sold by a
// business is a company ("our cloud provider", "the payment provider"),
// not a plugin.
var (
	providerHeads = wordSet(`provider providers`)
	businessMods  = wordSet(`cloud payment payments dns hosting sms email e-mail telecom telecoms cdn transit
	logistics shipping network internet data service services saas managed third-party upstream
	external courier telephony voip mobile broadband colocation colo datacenter data-centre
	data-center connectivity fibre fiber backbone isp`)
)

// softwareMods before a role word make it a piece of software.
var softwareMods = wordSet(`webhook api sdk library plugin client server proxy queue event message job page wiki markdown rich-text wysiwyg
	task pod node cluster kubernetes k8s terraform helm ansible cron storage cache database db disk
	raid network dns http https grpc tcp udp tls ssl auth oauth identity token certificate cert
	deploy build ci cd pipeline log logging metrics metric alert alerting monitoring health
	scheduler schedule batch stream kafka replication backup sync webhooks rpc sql query search
	index edge cdn load balancer ingress egress service software code bot script daemon agent
	browser mobile app application firmware kernel driver device hardware os runtime vm container
	docker cloud upstream downstream payment email mail sms notification notifications
	channel pass package password secret secrets connection session license traffic content routing
	inventory booking workflow window resource`)

// bareNick reports whether a phrase is a single unknown word in lower case
// opening a clause of a chat line, which is most often a nickname: "because
// marek forgot to bump the version". Only predicates that no system has
// (forgot, panicked) take it for a person.
func (s *sentence) bareNick(n np) bool {
	if !n.ok() || n.implicit || n.start != n.head {
		return false
	}
	h := &s.toks[n.head]
	return h.kind == tWord && !h.cap && h.f == 0 && s.clauseStart(n.head) && nameShaped(h.low) && !strings.HasSuffix(h.low, "s") && len(h.low) <= 10 && !systemNouns[h.low] && s.chatLine()
}

// systemNouns are the software a chat line names without an article:
// "pipeline forgot the flag", "importer skipped the file".
var systemNouns = wordSet(`pipeline pipelines job cron daemon script bot importer exporter parser loader poller
	sync service server cluster node proxy gateway router database db cache queue balancer build deploy
	replica primary app system firmware controller plc ems scada backup backups monitor monitoring alerting`)

// chatLine reports whether the sentence reads as a chat line: no capital
// letter at all, or a time or speaker's label first.
func (s *sentence) chatLine() bool {
	for i := range s.toks {
		if s.toks[i].cap {
			return false
		}
	}
	return true
}

// linePrefix reports whether all that comes before token g is the prefix
// of a chat or timeline line: times, marks, and a speaker's name before a
// colon ("14:02 marco:", "[09:14] <ana>", "- 03:10 —").
func (s *sentence) linePrefix(g int) bool {
	if g <= 0 {
		return false
	}
	words, label := 0, false
	for j := 0; j < g; j++ {
		t := &s.toks[j]
		switch {
		case t.kind == tNum || t.kind == tCode || t.f&fTimeWord != 0:
		case t.kind == tPunct:
			if s.is(j, ":", ">", "]", "-", "—", "–", "|") && words > 0 {
				label = true
			}
		case t.kind == tWord && words < 3 && !label:
			words++
		default:
			return false
		}
	}
	return words == 0 || label
}

// hyphenModOK reports whether a hyphenated modifier keeps an ambiguous role
// human: "night-shift lead", "control-room operator".
func (s *sentence) hyphenModOK(mod, head string) bool {
	a, b, ok := strings.Cut(mod, "-")
	return ok && (s.lex.personModOK(a, head) || s.lex.personModOK(b, head))
}

// thingsBefore reports whether "they" at i most likely stands for things: a
// plural noun that is not people comes first in the sentence.
func (s *sentence) thingsBefore(i int) bool {
	for j := max(0, i-20); j < i; j++ {
		t := &s.toks[j]
		if t.kind == tWord && t.f&(fRole|fPron) != 0 {
			return false
		}
		if t.kind == tWord && strings.HasSuffix(t.low, "s") && t.f&(fPrep|fConj|fBe|fHave|fDo|fAdv|fVerb|fName) == 0 && len(t.low) > 3 && !t.cap {
			return true
		}
	}
	return false
}

// nameShaped reports whether a lower-cased word could be a given name: short,
// letters only, and without the endings of common nouns.
// nameCased reports whether a word is cased as a name is: "Dana",
// "McDonald", "O'Brien", not "OOMKilled" or "CrashLoopBackOff", which are
// an identifier's.
func nameCased(w []byte) bool {
	if len(w) > 1 && w[1] >= 'A' && w[1] <= 'Z' {
		return false
	}
	inner := 0
	for _, c := range w[1:] {
		if c >= 'A' && c <= 'Z' {
			inner++
		}
	}
	return inner < 2
}

func nameShaped(w string) bool {
	if len(w) < 2 || len(w) > 14 {
		return false
	}
	for i, r := range w {
		// Hyun-woo, O'Brien
		if (r == '-' || r == '\'') && i > 0 && i < len(w)-1 {
			continue
		}
		if !(r >= 'a' && r <= 'z' || r >= 0x80) {
			return false
		}
	}
	for _, suf := range []string{"ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "age", "ure", "ism", "ics", "ery", "ory", "ers", "ors", "er"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// firstPerson reports whether a phrase is I, we or a phrase they own.
func (s *sentence) firstPerson(n np) bool {
	if !n.ok() || n.implicit {
		return false
	}
	return s.toks[n.head].f&(fFirstSg|fFirstPl) != 0 || n.poss >= 0 && s.toks[n.poss].f&(fFirstSg|fFirstPl) != 0
}

// span returns the text of tokens [from, to) as written.
func (s *sentence) span(from, to int) string {
	if from < 0 || to > len(s.toks) || from >= to {
		return ""
	}
	b := s.text[s.toks[from].s:s.toks[to-1].e]
	out := make([]byte, 0, len(b))
	for _, c := range b {
		switch c {
		case placeholder:
			out = append(out, "…"...)
		case '\n':
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// negatedBefore reports whether one of the k tokens before i negates what
// follows: "no single cause", "not the root cause", "rather than a".
func (s *sentence) negatedBefore(i, k int) bool {
	for j := i - 1; j >= 0 && j >= i-k; j-- {
		if s.boundary(j) && s.low(j) != "-" {
			return false
		}
		switch s.low(j) {
		case "no", "not", "never", "without", "nor", "instead", "rather", "neither", "beyond", "avoid", "avoids", "avoided", "stop", "stopped":
			return true
		}
	}
	return false
}

// negatedClause reports whether the clause around i holds a negation.
func (s *sentence) negatedClause(i int) bool {
	for j := i - 1; j >= 0 && j >= i-12 && !s.boundary(j); j-- {
		if s.f(j)&fNeg != 0 || s.is(j, "without", "instead", "rather", "nor") {
			return true
		}
	}
	for j := i + 1; j < len(s.toks) && j <= i+12 && !s.boundary(j); j++ {
		if s.f(j)&fNeg != 0 || s.is(j, "without", "instead", "rather", "nor") {
			return true
		}
	}
	return false
}

func (s *sentence) is(i int, words ...string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	return s.toks[i].is(words...)
}

// seq reports whether the tokens from i on are the given words.
func (s *sentence) seq(i int, words ...string) bool {
	if i < 0 || i+len(words) > len(s.toks) {
		return false
	}
	for k, w := range words {
		if s.toks[i+k].low != w {
			return false
		}
	}
	return true
}

func (s *sentence) add(rule string, from, to int, msg, sugg string) {
	from = max(from, 0)
	to = min(to, len(s.toks))
	if to <= from {
		return
	}
	s.matches = append(s.matches, match{rule: rule, from: from, to: to, msg: msg, sugg: sugg})
}

// askWho are words that "who" follows as a question rather than as a
// person's relative clause: "asked who caused this", "find who is guilty".
var askWho = wordSet(`ask asks asked know knows knew find finds found search searches searched wonder
	wonders wondered see sees saw decide decides decided determine determines determined identify
	identifies identified establish establishes established matter matters care cares guess learn
	tell tells told check checks question questions about of on over to is was say says said
	show shows showed hunt blame regardless debate debated discuss discussed argue argued investigate explain`)
