package lint

import "fmt"

// blame.person-error: an error noun pinned on a person, or standing in for
// one as the cause. "A typo by our DBA removed the grant" and "an
// administrative oversight" name a person's slip as the cause; "a typo in
// the config file set the limit to 10" tells what happened without one.
var personErrorRule = &sentenceRule{
	info: RuleInfo{
		ID:          idPersonError,
		Category:    Blame,
		Severity:    Warning,
		Description: "An error, mistake, typo, oversight or misconfiguration pinned on a person (by the DBA, made by Arjun, on the part of the team, the pilot's error), or named as operational, administrative or clerical error; a person's work graded as bad (Nadia's broken migration, the engineer's untested script); a bug or crash a person introduced (the crash Bjorn introduced); your mistake.",
		Example:     "The outage was caused by a configuration mistake made by one of our network engineers.",
		Rewrite:     "A change to the edge routers set the wrong ASN; the change template accepted any number and the diff did not show the old value.",
	},
	group: gPersonError,
	check: checkPersonError,
}

// errorNouns name a slip.
var errorNouns = wordSet(`error errors mistake mistakes typo typos oversight oversights
	lapse lapses misconfiguration misconfigurations misstep missteps slip slips slip-up slip-ups blunder
	blunders gaffe gaffes goof goofs fumble fumbles miscalculation miscalculations misjudgement
	misjudgment misclick misclicks fault faults mishandling misuse misreading`)

// personalSlips are slips only a person makes: "kev's typo".
var personalSlips = wordSet(`typo typos mistake mistakes blunder blunders slip-up slip-ups misclick misclicks`)

// humanWork modifiers make an error noun a person's: "operational error",
// "a clerical error".
var humanWork = wordSet(`operational administrative clerical procedural keying typing
	data-entry entry operations handling`)

// workAdjectives grade a person's work: "Nadia's broken migration".
var workAdjectives = wordSet(`bad broken botched faulty sloppy careless hasty rushed untested
	unsanctioned unauthorised unauthorized unapproved rogue duplicate duplicated`)

// workNouns are what a person makes or does at work.
var workNouns = wordSet(`migration migrations change changes config configuration commit commits
	script scripts query queries command commands push deploy deployment release rollout patch
	patches edit edits update announcement fix merge pr upload import export drop cleanup
	index rule rules entry entries decision call`)

// badOutcomes are what nobody means to make: "the crash Bjorn introduced".
var badOutcomes = wordSet(`bug bugs crash crashes regression outage mess problem problems
	breakage typo typos`)

// slipAdjectives before a noun make it a slip: "a mis-keyed command from the
// on-call engineer".
var slipAdjectives = wordSet(`mis-keyed miskeyed mistyped wrong erroneous incorrect mistaken botched
	misconfigured misapplied mis-typed duplicate`)

func checkPersonError(s *sentence) {
	if s.question {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		var n np
		named := false // n is a name the lexicon does not know
		switch {
		case errorNouns[t.low] && !metricNouns[s.low(i+1)] && !s.is(i+1, "budget", "rate", "rates", "state", "page", "code", "codes", "message", "messages", "log", "logs", "handling", "handler"):
			from = s.errorPhraseStart(i)
			switch {
			case s.low(from-1) == "'s":
				// "the pilot's data-entry error"; not "TextRelay's API
				// errors", a product's
				n = s.npEndingAt(from - 2)
				if n.ok() && n.start == n.head && s.toks[n.head].kind == tWord && s.toks[n.head].f == 0 && from == i && personalSlips[t.low] {
					// "root cause is kev's typo": only people make typos, so
					// a word the lexicon does not know is a name
					named = true
				} else if !n.ok() || s.toks[n.head].f&(fRole|fName|fPlainName|fPron) == 0 || s.techBetween(from, i) && (businesses[s.low(n.head)] || organisations[s.low(n.head)] || s.toks[n.head].f&fRole == 0) {
					continue // "the vendor's API errors" are its software's; "the network engineer's BGP typo" is a person's
				}
				if businesses[s.low(n.head)] && from < i && !humanWork[s.low(i-1)] {
					continue // "the energy retailer's billing error" is its system's
				}
				from, end = n.start, i+1
			case s.is(from-1, "his", "her", "my", "our", "your") || s.is(from-1, "their") && !s.thingsBefore(from-1):
				// "his mistake"; "my mistake" is self-blame
				n = np{start: from - 1, head: from - 1, end: from, poss: -1}
				from, end = from-1, i+1
				if s.f(n.head)&(fFirstSg|fFirstPl) == 0 {
					s.add(idPersonError, from, end,
						fmt.Sprintf("%q pins the error on a person; it names who slipped and stops the inquiry where it should begin", s.span(from, end)),
						"Describe the action and what made it easy to get wrong: what the form or tool accepted, what it showed, and what would have caught the slip before it mattered.")
					i = end - 1
					continue
				}
			case s.is(from, "the") && s.is(from-1, "was", "is") && s.is(i, "mistake", "error", "blunder", "misstep", "fault") && s.opensWithWork(from-1):
				// "Her decision to skip the canary was the mistake that made
				// this possible", "Tomasz's call was the error"
				var w np
				w, n = s.workBefore(from - 1)
				from, end = w.start, i+1
			case humanWork[s.low(i-1)]:
				if s.negatedBefore(from, 6) {
					continue // "we are not treating this as a procedural lapse"
				}
				end = i + 1
			case i > 0 && s.f(i-1)&fRole != 0 && s.f(i-1)&fAmbig == 0 && !s.is(i-1, "customer", "customers", "user", "users", "human", "humans", "individual", "individuals", "person", "persons") && s.f(i-2)&fPossessive == 0 && s.low(i-2) != "'s":
				// "attributed entirely to engineer misconfiguration", "a
				// technician error": the role stands for the person
				n = np{start: i - 1, head: i - 1, end: i, poss: -1}
				from, end = min(from, i-1), i+1
			default:
				if n, end = s.errorAgent(i); end > 0 && n.start <= i {
					end = 0
				}
				if end == 0 {
					// "Analysts at the bank made a data-entry error"; "the DBA
					// did a mistake", as non-native writers put it
					if v := from - 1; v >= 0 && s.is(v, "made", "makes", "make", "making", "committed", "introduced", "did", "done", "does", "do", "doing") {
						if m := s.subjectOf(v); s.person(m) {
							n, from, end = m, m.start, i+1
						}
					}
				}
			}
		case s.is(i, "configuration", "config", "change", "command", "setting", "choice", "decision") && s.is(i-1, "bad", "wrong", "false", "incorrect", "erroneous", "faulty") && s.is(i-2, "a", "an") && s.is(i-3, "made", "did", "done", "make", "do", "does", "makes"):
			// "the engineer did a bad configuration", as second-language
			// writers put it
			if m := s.subjectOf(i - 3); s.person(m) {
				n, from, end = m, m.start, i+1
			}
		case s.is(i, "manipulation", "manipulations", "handling") && s.is(i-1, "wrong", "bad", "false", "incorrect", "erroneous", "faulty", "human"):
			// "a wrong manipulation by the operator", "due to a bad
			// manipulation", as non-native writers put it
			from, end = s.errorPhraseStart(i-1), i+1
			if a, e := s.errorAgent(i); e > 0 {
				n, end = a, e
			}
		case workAdjectives[t.low] && s.low(i-1) == "'s":
			// "Nadia's broken migration", "Aleksei's bad BGP announcement":
			// a person's work graded as bad
			m := s.npEndingAt(i - 2)
			if !m.ok() || s.toks[m.head].f&(fRole|fName|fPlainName) == 0 || businesses[s.low(m.head)] {
				continue
			}
			for k := i + 1; k <= i+3 && k < len(s.toks) && s.nominal(k); k++ {
				if workNouns[s.low(k)] {
					n, from, end = m, m.start, k+1
					break
				}
			}
		case badOutcomes[t.low] && s.f(i-1)&fDet != 0:
			// "the crash Bjorn introduced", "the mess the night shift made"
			m := s.personStartingAt(i + 1)
			if s.person(m) && m.poss < 0 && s.is(m.end, "introduced", "caused", "created", "made", "shipped", "pushed", "left") {
				n, from, end = m, i-1, m.end+1
			}
		case slipAdjectives[t.low] && s.nominal(i+1) && s.is(i+2, "from", "by"):
			if a := s.npStartingAt(i + 3); s.person(a) && a.poss < 0 {
				n, from, end = a, s.errorPhraseStart(i), a.end
			}
		}
		if end == 0 {
			continue
		}
		if n.ok() && s.firstPerson(n) && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0 {
			s.selfBlame(from, end)
			i = end - 1
			continue
		}
		if n.ok() && n.head < len(s.toks) && s.toks[n.head].kind == tWord && !s.person(n) && !humanWork[s.low(i-1)] && !named {
			continue
		}
		s.add(idPersonError, from, end,
			fmt.Sprintf("%q pins the error on a person; it names who slipped and stops the inquiry where it should begin", s.span(from, end)),
			"Describe the action and what made it easy to get wrong: what the form or tool accepted, what it showed, and what would have caught the slip before it mattered.")
		i = end - 1
	}
}

// errorPhraseStart returns where the noun phrase of an error noun at i
// starts: "a configuration mistake", "an administrative oversight".
func (s *sentence) errorPhraseStart(i int) int {
	from := i
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := &s.toks[j]
		if t.kind != tWord || t.f&(fPrep|fBe|fHave|fDo|fModal|fConj|fSub|fRel|fVerb) != 0 && t.f&fDet == 0 || t.low == "'s" || t.f&fPossessive != 0 {
			break
		}
		if pastForm(t) && s.nominal(j-1) && s.f(j-1)&(fDet|fPossessive) == 0 && s.low(j-1) != "'s" {
			break // "our dashboards aggregated errors": a verb after its subject, not a modifier
		}
		from = j
		if t.f&fDet != 0 {
			break
		}
	}
	return from
}

// errorAgent returns the person an error noun at i is pinned on, and the end
// of the phrase: "a typo by our DBA", "a mistake made by one of our
// engineers", "an oversight on the part of the team".
func (s *sentence) errorAgent(i int) (np, int) {
	k := i + 1
	if s.is(k, "made", "committed", "introduced", "caused") {
		k++
	}
	switch {
	case s.is(k, "by", "from"):
		k++
	case s.is(k, "of") && k == i+1 && !(s.is(i, "oversight") && s.is(i-1, "its", "their", "his", "her", "our", "your", "my")):
		k++ // "a mistake of the administrator", as non-native writers put it; not "its oversight of the agency"
	case s.seq(k, "on", "the", "part", "of"):
		k += 4
	case s.seq(k, "on", "part", "of"):
		k += 3
	case s.seq(k, "on", "our", "part") || s.seq(k, "on", "my", "part"):
		return np{start: k + 1, head: k + 1, end: k + 3, poss: -1}, k + 3
	default:
		return noNP, 0
	}
	n := s.personStartingAt(k)
	if !s.person(n) || n.poss >= 0 && s.toks[n.head].f&fRole == 0 {
		return noNP, 0
	}
	if s.is(k-1, "from") && providerHeads[s.low(n.head)] {
		return noNP, 0 // "errors from the payment provider" are its API's answers
	}
	return n, n.end
}

// techBetween reports whether a word in [from, to) names software: the
// errors of an API are the API's.
func (s *sentence) techBetween(from, to int) bool {
	for j := from; j < to; j++ {
		if t := &s.toks[j]; t.f&fTech != 0 || softwareMods[t.low] || t.upper {
			return true
		}
	}
	return false
}

// opensWithWork reports whether workBefore finds a person's work.
func (s *sentence) opensWithWork(b int) bool {
	w, _ := s.workBefore(b)
	return w.ok()
}

// workBefore returns the phrase that opens the sentence when it is a
// person's decision or act, by their possessive, told before the "be" at
// b, and the person: "Her decision to skip the canary was …", "Tomasz's
// call was …".
func (s *sentence) workBefore(b int) (np, np) {
	for j := 0; j < b && j < 6; j++ {
		if !s.is(j+1, "decision", "call", "choice", "change", "command", "action", "actions", "approach", "shortcut", "order") {
			continue
		}
		if s.is(j, "his", "her", "their") && (j == 0 || s.lineStart(j)) {
			return np{start: j, head: j + 1, end: j + 2, poss: j}, np{start: j, head: j, end: j + 1, poss: -1, implicit: true}
		}
		if s.low(j) == "'s" {
			if p := s.npEndingAt(j - 1); s.person(p) && !s.firstPerson(p) && (p.start == 0 || s.lineStart(p.start)) {
				return np{start: p.start, head: j + 1, end: j + 2, poss: j}, p
			}
		}
	}
	return noNP, noNP
}
