package lint

import (
	"fmt"
	"strings"
)

// blame.person-cause: a person, or what a person did or decided, named as
// the cause. "The sole cause of the data loss was the engineer who ran the
// cleanup job" and "the outage was prolonged by the team's decision to
// proceed" end the inquiry at a person; the question worth asking is what
// made the action possible and plausible. root-cause.single-cause flags the
// single-cause framing itself; this rule flags the person put in it.
var personCauseRule = &sentenceRule{
	info: RuleInfo{
		ID:          idPersonCause,
		Category:    Blame,
		Severity:    Warning,
		Description: "A person or their action named as the cause: the root cause was the engineer who…, the root cause was a config push by the on-call engineer, duplicate submission by batch operator identified as root cause, underlying cause: duty manager inaction, the sole cause was Ben pushing an untested config, the real cause was a tired operator, prolonged by the team's decision to…, the outage was down to a technician, the manager's choice to keep the site open caused the errors, Daniel's deploy broke search; at the heart of the problem was the team's neglect of the procedure, the real reason we lost the recording is that the engineer didn't back it up, the one cause here is QA not testing the build, root cause = dave; a person or their change put before the cause (Bogdan's rebase is the root cause, the night operator was the real culprit), chat's rc and rca (rc = kev's hand-edited map), the root cause traced or root-caused to a person; a person or group opening what follows any single-cause framing (root cause is literally just mike running the script twice, the delay had a single cause, namely the facilities team switching off the chiller, root cause = @omar); a person's act named with a possessive or told as a clause before or after a single-cause framing (the incident had a single cause: a researcher overwrote the reference files; it's the contractor's cable pull, the one and only reason; whole thing is because Gareth released the file early; caused solely by the editor deleting the template; Hana ran the migration by hand, that's the whole incident); also a person's act set right before the failure so that the timing names the cause (the outage began the moment Kofi edited the region weights; the network went dark ten minutes after Carl decided to reuse the old bundle); a person after one action or one thing (outage traced to one action: a release engineer force-pushing; all of it comes from one thing: Erik wrote 900), after a cause logged, and named with an initial (underlying cause was R. Ortega running the script twice); a person named past the reason's own clause (the single cause of the mess was that Tunde uploaded …); a person's act before \"the outage began when\" or before a failure \"shortly afterwards\"; the one cause told as a person's act with a gerund (it all comes down to @marek switching the flag, traced entirely to the yard shunter parking trailers without power); the one thing that caused it was, or the one thing behind it (the one thing that caused the derailment was the ground crew lining the switch the wrong way), a cause identified as a person's act (root cause identified as teller's miscount), a person's possessed mis- act (receptionist's misaddressed email), a group with which (the night staff which switch off the alarm), a department's act (it all comes down to marketing launching a code), all comes from the agent who. Also a person or a group told failing after the framing (it's all because kitchen ignored the texture chart; stems from one decision: the night manager choosing not to call). Also one cause told as anyone named with a relative who (the one cause was a rushed sifter who skipped the screen check). Also a person as the complement of a one-cause framing (the source of everything is the sound engineer which set the wrong rate) and a source identified as a person's act (identified as producer hand-editing the feed).",
		Example:     "The sole cause of the data loss was the engineer who ran the cleanup job.",
		Rewrite:     "The cleanup job deleted live data: it took its region from a shared shell variable that pointed at production, and nothing asked for confirmation.",
	},
	group: gPersonCause,
	check: checkPersonCause,
}

// personActs are nouns for what a person did or failed to do: "the
// operations team's decision to skip the checklist".
// changeActs are the changes a person ships, which a possessive makes
// theirs: "Daniel's deploy broke search".
var changeActs = wordSet(`change changes deploy deploys deployment commit commits push pr patch
	migration query release hotfix`)

var personActs = wordSet(`decision decisions failure failures choice choices mistake mistakes error
	errors oversight negligence inability refusal carelessness action actions haste fatigue
	inexperience typo typos misconfiguration slip lapse judgement judgment handling misuse call
	hesitation indecision diagnosis misdiagnosis edit edits reboot restart script upload command
	instruction instructions announcement neglect response reaction misreading misjudgement
	misjudgment removal order orders disregard refactor shortcut absence inaction omission
	mismanagement conduct workmanship assumption overpromising miscount miscounts mismeasurement
	miscalculation miscalculations misstep missteps misclick misclicks mislabelling mislabeling`)

func checkPersonCause(s *sentence) {
	if s.question || s.forward {
		return
	}
	s.actCaused()
	s.actThenFailure()
	s.namedAsCause()
	for i := 0; i < len(s.toks); i++ {
		c := s.causeComplement(i)
		if c < 0 {
			continue
		}
		from, end, n := s.personAsCause(c)
		if end == 0 || s.low(i) == "because" && !s.plainlyPerson(n) {
			continue
		}
		if n.ok() && businesses[s.low(n.head)] && !s.judgedAct(n.end, end) {
			continue // "the bank moved its cutoff an hour earlier": another company's change, told plainly
		}
		who := "the people involved"
		if n.ok() {
			who = s.who(n)
		}
		s.add(idPersonCause, from, end,
			fmt.Sprintf("%q names a person as the cause; it ends the inquiry at who acted instead of what made the action possible", s.span(from, end)),
			fmt.Sprintf("Describe what %s did as one step in the timeline, and name as causes the conditions that made it possible and plausible: the tooling, the defaults, the missing safeguard.", who))
		i = end - 1
	}
}

// causeComplement returns where the complement of a cause frame at i
// starts, or -1: "the root cause was X", "the sole cause of the outage: X",
// "the real cause, the utility admits, was X", "the root cause lies with X",
// "identified the root cause as X", "caused by X", "resulted from X",
// "prolonged by X", "was down to X".
func (s *sentence) causeComplement(i int) int {
	w := s.low(i)
	switch {
	case w == "cause" || w == "reason" || w == "root" && s.is(i+1, "of"):
		if w == "cause" && !s.is(i-1, "the") && !singleWords[s.low(i-1)] && !s.is(i-1, "root", "deeper", "underlying") && !s.lineStart(i) {
			return -1
		}
		if w == "reason" && !s.is(i-1, "the", "one", "sole", "single", "real", "true", "only", "root") {
			return -1
		}
		j := i + 1
		if s.is(j, "of", "for", "behind") {
			if n := s.npStartingAt(j + 1); n.ok() {
				j = n.end
			} else {
				return -1
			}
		}
		if c := s.complementAfter(j); c >= 0 || w == "root" {
			return c
		}
		// "the real reason we lost the master recording is that …", "the
		// one cause here is QA not testing the build"
		for k := j; k < len(s.toks) && k <= j+10 && !s.boundary(k); k++ {
			if s.f(k)&fBe != 0 && s.low(k) != "'s" && (s.is(i-1, "real", "sole", "only", "one", "single", "true", "main", "primary") || s.is(i-2, "only", "one", "sole")) {
				return k + 1
			}
		}
		return -1
	case w == "causes" && s.is(i-1, "root"):
		return s.complementAfter(i + 1)
	case (w == "rc" || w == "rca") && (s.lineStart(i) || s.linePrefix(i) || s.is(i-1, ":", ">", "?", "—")):
		// chat's "rc = kev's hand-edited map", "rca is basically greg
		// running the purge", "rca tl;dr: finance revoked the keys"
		j := i + 1
		for s.is(j, "basically", "literally", "just", "simply", "tl;dr", "tldr") {
			j++
		}
		if s.is(j, "done", "found") && s.is(j+1, ":", ".", ",") {
			j++
		}
		switch {
		case s.is(j, "=", ":"):
			return j + 1
		case s.f(j)&fBe != 0 && s.low(j) != "'s":
			k := j + 1
			for s.is(k, "basically", "literally", "just", "simply", "clearly", "obviously") {
				k++
			}
			return k
		}
		return -1
	case (w == "caused" || w == "prolonged" || w == "triggered" || w == "worsened" || w == "provoked" || w == "produced" || w == "generated" || w == "originated" || w == "made") && s.is(i+1, "by") && s.passive(i):
		if w == "made" && (!s.badSubject(i) || s.is(s.subjectOf(i).head, "rollback", "rollbacks")) {
			return -1 // "the rollback was made by the team at 21:45": a remedy, not harm
		}
		if s.negatedBefore(i, 2) {
			return -1 // "the mistake was not made by the operator"
		}
		return i + 2
	case w == "doing" && s.is(i-1, "the") && s.is(i+1, "of") && s.f(i-2)&fBe != 0 || w == "doing" && s.is(i-1, "the") && s.is(i-2, "entirely", "solely", "wholly", "all") && s.is(i+1, "of"):
		return i + 2 // "the outage was entirely the doing of one engineer who …"
	case (w == "came" || w == "comes" || w == "originated") && s.is(i+1, "from") && (s.badSubject(i) || s.is(i-1, "all", "everything") && s.lineStart(i-1) || s.is(i-2, "all") && s.is(i-1, "problem", "problems", "trouble") && s.lineStart(i-2)):
		// also "All comes from the ramp agent who not put the chocks", as
		// second-language writers put it
		return i + 2 // "the problem came from the operator who did not check"
	case (w == "resulted" || w == "results" || w == "stemmed" || w == "stems") && s.is(i+1, "from"):
		return i + 2
	case w == "result" && s.is(i+1, "of") && s.is(i-1, "the", "a", "direct"):
		return i + 2
	case w == "down" && s.is(i+1, "to") && (s.f(i-1)&fBe != 0 || s.is(i-1, "comes", "came", "come", "coming", "boils", "boiled", "boil", "boiling")):
		return i + 2 // "the outage was down to a technician who …", "it all comes down to the engineer who …"
	case (w == "traced" || w == "traces" || w == "trace") && s.low(i+1) == "to":
		return i + 2
	case (w == "traced" || w == "traces" || w == "trace") && s.seq(i+1, "the", "root", "cause", "to"):
		return i + 5 // "we traced the root cause to Tomasz disabling the guard"
	case (w == "traced" || w == "traces" || w == "trace") && s.seq(i+1, "the", "cause", "to"):
		return i + 4
	case (w == "root-caused" || w == "rootcaused") && s.is(i+1, "to"):
		return i + 2 // "excursion root-caused to integrator uploading an outdated program"
	case (w == "comes" || w == "came" || w == "come") && s.seq(i+1, "back", "to"):
		return i + 3 // "it really all comes back to the contractor we hired"
	case w == "rooted" && s.is(i+1, "in"):
		return i + 2
	case (w == "heart" || w == "bottom" || w == "core") && s.is(i-1, "the", "its") && s.is(i-2, "at"):
		// "At the heart of the problem was the rostering team's neglect",
		// "at the bottom of everything was the contractor's decision"
		j := i + 1
		if s.is(j, "of") {
			if n := s.npStartingAt(j + 1); n.ok() {
				j = n.end
			} else if s.is(j+1, "it", "everything", "this", "that") {
				j += 2
			}
		}
		if s.low(j) == "," {
			j++
		}
		if s.f(j)&fBe != 0 && s.low(j) != "'s" {
			return j + 1
		}
	case (w == "traced" || w == "traces" || w == "trace") && s.is(i+1, "back") && s.is(i+2, "to"):
		return i + 3 // "it traces back to the admin who …"
	case w == "because" && !s.is(i+1, "of") && s.failureBefore(i):
		return i + 1 // "the payroll run failed because the ops manager did not approve it"
	case w == "as" && s.is(i-1, "cause", "causes") && s.is(i-2, "root"):
		return i + 1 // "identified the root cause as X"
	case w == "as" && s.is(i-1, "identified", "given", "named", "recorded", "logged", "determined", "listed", "confirmed") && s.is(i-2, "cause"):
		return i + 1 // "Root cause identified as teller's miscount"
	case w == "thing" && s.is(i-1, "one", "single", "only") && (s.is(i+1, "that") && s.is(i+2, "caused", "causes", "started", "triggered", "broke") || s.is(i+1, "behind")):
		// "The one thing that caused the derailment was the ground crew
		// lining switch 12 the wrong way"
		for k := i + 3; k < len(s.toks) && k <= i+10; k++ {
			if s.f(k)&fBe != 0 && s.low(k) != "'s" || s.low(k) == ":" {
				return k + 1
			}
			if s.boundary(k) {
				break
			}
		}
	}
	return -1
}

// complementAfter finds the complement after the noun phrase of a cause
// frame that ends before j: "was X", ": X", ", the utility admits, was X",
// "was simple: X", "lies with X".
func (s *sentence) complementAfter(j int) int {
	// A parenthetical between commas: "The real cause, the utility admits,
	// was …", "The fundamental root cause, we now know, was …".
	if s.low(j) == "," {
		for k := j + 1; k < len(s.toks) && k < j+6; k++ {
			if s.low(k) == "," {
				j = k + 1
				break
			}
		}
	}
	switch {
	case s.low(j) == ":" || s.low(j) == "=":
		return j + 1 // "root cause = dave"
	case s.is(j, "lies", "lay", "rests", "rested") && s.is(j+1, "with", "on"):
		return j + 2
	case s.f(j)&fBe != 0 && s.low(j) != "'s":
		k := j + 1
		if s.is(k, "simple", "clear", "obvious", "this") && s.low(k+1) == ":" {
			k += 2
		}
		return k
	}
	return -1
}

// personAsCause decides on the complement of a cause frame at c: a person
// ("the engineer who ran the job"), a person's act ("the team's decision to
// skip", "our failure to test"), a person doing something ("the DBA
// forgetting to take a snapshot") or a clause with a person as subject
// ("that the junior engineer had production write access", "our engineer
// pushed an untested change"). It returns the span and the person.
func (s *sentence) personAsCause(c int) (int, int, np) {
	if s.is(c, "that") {
		c++
	}
	if s.seq(c, "the", "fact", "that") {
		c += 3
	}
	if s.is(c, "not", "never", "no") {
		return -1, 0, noNP
	}
	if s.seq(c, "nothing", "but") {
		c += 2 // "caused by nothing but the forecaster's hesitation"
	} else if s.is(c, "a", "one") && (s.is(c+1, "thing") && s.low(c+2) == ":" || s.is(c+1, "single") && s.is(c+2, "thing") && s.low(c+3) == ":") {
		c += 3 // "caused by a single thing: the consultant's edit"
		if s.low(c) == ":" {
			c++
		}
	}
	if s.bareActor(c) {
		// "Root cause: maintenance skipped the inspection", "root cause:
		// support agent factory-reset the tablets"
		return c, s.actEnd(c + 1), np{start: c, head: c, end: c + 1, poss: -1}
	}
	if s.chatName(c) && s.low(c+1) != "'s" {
		// "root cause = piet pulling the wrong cable", "rc = kev's
		// hand-edited modbus map"
		return c, s.actEnd(c + 1), np{start: c, head: c, end: c + 1, poss: -1}
	}
	// The person as the phrase, possibly followed by what they did.
	for j := c; j < len(s.toks) && j < c+6 && s.nominal(j); j++ {
		if j > c && s.f(j)&fDet != 0 && s.f(j)&fPossessive == 0 && s.low(j-1) != "'s" && !isQuantifier(s.low(j)) {
			break // a second phrase: "the firmware update the provider rolled out"
		}
		n := s.npEndingAt(j)
		if !n.ok() || n.start < c {
			n = np{start: c, head: j, end: j + 1, poss: -1}
		}
		t := &s.toks[j]
		switch {
		case (personActs[t.low] || s.namedOwner(c, j) || j > c+1 && strings.HasPrefix(s.low(j-1), "mis") && pastForm(&s.toks[j-1])) && j > c && s.possessedAct(c, j) > 0:
			// "the operations team's decision", "our failure to test", "the
			// consultant's robots.txt edit"
			k := s.possessedAct(c, j)
			owner := s.npEndingAt(k - 2)
			if s.f(k-1)&fPossessive != 0 {
				owner = np{start: k - 1, head: k - 1, end: k, poss: -1}
			}
			if s.f(owner.head)&(fPossessive|fPron) != 0 && s.f(owner.head)&(fFirstSg|fFirstPl) == 0 && !s.is(owner.head, "his", "her", "their") {
				return -1, 0, noNP
			}
			if owner.ok() && (s.person(owner) || s.chatName(owner.head) || s.f(owner.head)&fPossessive != 0 || s.f(owner.head)&fRole != 0 && personalActs[t.low]) {
				return c, s.actEnd(j), owner
			}
			return -1, 0, noNP
		case personActs[t.low] && s.is(j+1, "of", "by"):
			// "the failure of the on-call engineer to escalate"
			if m := s.npStartingAt(j + 2); s.person(m) {
				return c, m.end, m
			}
			return -1, 0, noNP
		case t.kind == tWord && s.is(j+1, "who") && t.f&(fThing|fTech|fPron) == 0 && s.nominal(j) && !s.is(j, servedPeople...):
			// "the single cause was a tired pan boiler who misread the
			// gauge": whoever the noun is, "who" makes a person of it
			return c, s.actEnd(j + 1), np{start: n.start, head: j, end: j + 1, poss: -1}
		case t.kind == tWord && (departmentWords[t.low] || s.is(j, "office", "desk", "team") && departmentWords[s.low(j-1)]) && strings.HasSuffix(s.low(j+1), "ing") && j+2 < len(s.toks) && s.f(j+2)&(fDet|fPossessive) != 0:
			// "It all comes down to marketing launching a code nobody had
			// tested", "the design office issuing an unchecked drawing"
			return c, s.actEnd(j + 1), np{start: n.start, head: j, end: j + 1, poss: -1}
		case t.kind == tWord && t.f&(fRole|fName|fPlainName|fPron) != 0 && s.person(np{start: n.start, head: j, end: j + 1, poss: n.poss}) && s.toks[j].f&fThing == 0:
			p := np{start: n.start, head: j, end: j + 1, poss: n.poss}
			if s.low(j+1) == "'s" {
				continue // "the company's staff": the staff
			}
			if organisations[t.low] && j+1 < len(s.toks) && s.f(j+1)&fRole != 0 && s.nominal(j+1) {
				continue // "a nurse call vendor engineer": the vendor's engineer
			}
			if organisations[t.low] || t.f&(fFirstPl|fNegQuant) != 0 || s.is(j, "nobody", "no", "none", "customer", "customers", "user", "users", "client", "clients") {
				// "the carrier throttling the sender ID" is the carrier's
				// system; "we had no staging environment" is a gap
				return -1, 0, noNP
			}
			if nx := &s.toks[min(j+1, len(s.toks)-1)]; j+1 < len(s.toks) && nx.kind == tWord && s.nominal(j+1) && !pastForm(nx) && !strings.HasSuffix(nx.low, "ing") && nx.low != "'s" && nx.f&fRel == 0 {
				continue // "an operator error": the person word is a modifier
			}
			if n.poss >= 0 && s.toks[j].f&fRole == 0 {
				return -1, 0, noNP
			}
			return c, s.actEnd(j + 1), p
		}
	}
	return -1, 0, noNP
}

// personalActs are acts only people do: an ambiguous role that owns one
// is a person ("the load controller's miscalculation").
var personalActs = wordSet(`mistake mistakes miscalculation miscalculations misreading misjudgement
	misjudgment typo typos oversight negligence carelessness haste inattention miscount mismeasurement`)

// possessedAct returns where the act noun at j starts its own words after
// a possessive, with at most two modifiers between ("the team's decision",
// "the consultant's robots.txt edit"), or 0.
func (s *sentence) possessedAct(c, j int) int {
	for k := j; k > c && k >= j-2; k-- {
		if s.low(k-1) == "'s" || s.f(k-1)&fPossessive != 0 {
			return k
		}
		if k < j && !s.nominal(k) {
			return 0
		}
	}
	return 0
}

// organisations act through their systems when they are named as a cause.
var organisations = wordSet(companyWords + ` registrar registrars department departments`)

// companyWords name companies whatever their trade.
const companyWords = `company companies organisation organisations organization organizations
	firm firms vendor vendors provider providers supplier suppliers carrier carriers isp isps telco
	telcos partner partners`

// businesses are companies, and companies named by their trade ("the
// energy retailer", "the bank"): their plain changes and their systems'
// errors are no one's slip.
var businesses = wordSet(companyWords + ` retailer retailers airline airlines insurer insurers
	manufacturer manufacturers lender lenders bank banks regulator regulators agency agencies
	reseller resellers distributor distributors merchant merchants`)

// judgedAct reports whether the words from i to end fail or harm: "did not
// test", "ignored", "deleted the live table".
func (s *sentence) judgedAct(i, end int) bool {
	for j := i; j < end && j < len(s.toks); j++ {
		if s.f(j)&(fFail|fNeg) != 0 || harmVerbs[s.low(j)] || wrongish[s.low(j)] || s.is(j, "wrong", "without") {
			return true
		}
	}
	return false
}

// actEnd returns the end of the words that tell what a person did, after a
// person or an act noun ends at i: "who ran the job", "forgetting to take
// a snapshot", "to skip the checklist", "pushed an untested change". It
// stops at the first comma or at four words.
func (s *sentence) actEnd(i int) int {
	end := i
	for k := i; k < len(s.toks) && k < i+4; k++ {
		if s.boundary(k) || s.f(k)&fNegQuant != 0 && k > i {
			break // "marketing launching a code | nobody had tested"
		}
		end = k + 1
	}
	return max(end, i)
}

// badSubject reports whether the subject of the verb at i is a bad event:
// "the problem came from", not "the fix came from Ana".
func (s *sentence) badSubject(i int) bool {
	n := s.subjectOf(i)
	return n.ok() && (s.f(n.head)&fEvent != 0 || s.is(n.head, "problem", "problems", "issue", "issues", "bug", "error", "errors", "failure", "mistake", "damage", "trouble"))
}

// harmWords tell that something went wrong: the main clause of "X went
// down because the engineer …".
var harmWords = wordSet(`failed fails failing down delayed late lost broke broken outage outages
	disappeared crashed crashing stalled missed rejected expired suspended wiped deleted corrupted
	stopped unavailable worse extended prolonged degraded overloaded overflowed filled leaked
	dropped duplicated incorrect wrong`)

// failureBefore reports whether the clause before i says that something
// went wrong.
func (s *sentence) failureBefore(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if s.low(j) == ";" || s.low(j) == ":" {
			return false
		}
		if harmWords[s.low(j)] || s.f(j)&fFail != 0 {
			return true
		}
	}
	return false
}

// plainlyPerson reports whether n can only be people: a name, a personal
// pronoun other than "they", or a role word that is not also a thing's
// ("the two groups had identical names" are security groups).
func (s *sentence) plainlyPerson(n np) bool {
	if !n.ok() {
		return false
	}
	f := s.f(n.head)
	switch {
	case f&(fName|fPlainName) != 0:
		return true
	case f&fPron != 0:
		return !s.is(n.head, "they", "them", "it")
	}
	return f&fRole != 0 && f&(fAmbig|fThing) == 0
}

// actCaused flags what a person decided or did as the subject of the
// incident's cause: "the regional manager's choice to keep the warehouse
// open caused the shipping errors", "a clinician's misuse of the messaging
// feature led to the privacy breach".
func (s *sentence) actCaused() {
	for v := range s.toks {
		harm := s.is(v, "broke", "crashed", "killed", "wiped") || s.is(v, "took", "brought") && s.is(v+1, "down")
		if !harm && (!s.is(v, "caused", "causes", "led", "triggered", "sparked", "started", "produced") || s.is(v, "led") && !s.is(v+1, "to")) {
			continue
		}
		if s.negatedBefore(v, 3) {
			continue
		}
		// The act: the first noun of the clause, owned by someone ("the
		// regional manager's choice to …").
		act := -1
		for j := v - 1; j > 1 && j >= v-14 && !s.boundary(j); j-- {
			if (personActs[s.low(j)] || harm && changeActs[s.low(j)] && j >= v-3) && s.low(j-1) == "'s" {
				act = j // "the regional manager's choice", "Daniel's deploy broke search"
			}
		}
		if act < 0 {
			continue
		}
		owner := s.npEndingAt(act - 2)
		if !s.person(owner) || s.firstPersonPlural(owner) || harm && s.is(owner.start, "our") {
			continue // "our interns' changes broke the build": the team's own account
		}
		s.add(idPersonCause, owner.start, v+1,
			fmt.Sprintf("%q names what a person did as the cause; it ends the inquiry at who acted instead of what made the action possible", s.span(owner.start, v+1)),
			fmt.Sprintf("Describe what %s did as one step in the timeline, and name as causes the conditions that made it possible and plausible: the tooling, the defaults, the missing safeguard.", s.who(owner)))
	}
}

// namedAsCause flags a person, or a person's change, put before a single
// cause: "Bogdan's rebase is the root cause", "the night operator was the
// real cause".
func (s *sentence) namedAsCause() {
	for i := 2; i < len(s.toks); i++ {
		if !s.is(i, "cause", "reason", "culprit") {
			continue
		}
		d := i - 1
		if s.is(d, "root", "real", "sole", "single", "only", "true", "actual", "main") {
			d--
		}
		if !s.is(d, "the") || d < 2 || s.f(d-1)&fBe == 0 || s.low(d-1) == "'s" || s.is(d-2, "not", "never") {
			continue
		}
		if s.is(i, "cause", "reason") && d == i-1 {
			continue // "X is the cause of …" without a single-cause word reads as one factor
		}
		n := s.npEndingAt(d - 2)
		if !n.ok() {
			continue
		}
		h := s.low(n.head)
		// "Bogdan's rebase", "the contractor's code": whatever a person
		// named by name or role owns
		owned := false
		if n.poss >= 0 && s.f(n.poss)&fPron == 0 && s.f(n.head)&fRole == 0 {
			owner := s.npEndingAt(n.poss)
			owned = s.person(owner) && !businesses[s.low(owner.head)] && !organisations[s.low(owner.head)]
		}
		if !owned && (!s.person(n) || organisations[h] || s.f(n.head)&(fFirstPl|fNegQuant|fThing) != 0 || s.is(n.head, "customer", "customers", "user", "users", "client", "clients", "it", "this", "that")) {
			continue
		}
		s.add(idPersonCause, n.start, i+1,
			fmt.Sprintf("%q names a person as the cause; it ends the inquiry at who acted instead of what made the action possible", s.span(n.start, i+1)),
			fmt.Sprintf("Describe what %s did as one step in the timeline, and name as causes the conditions that made it possible and plausible: the tooling, the defaults, the missing safeguard.", s.who(n)))
		return
	}
}

// chatName reports whether the word at i is a name as chat writes it, in
// lower case and unknown to the lexicon, followed by what the person did or
// owns: "piet pulling the wrong cable", "kev's hand-edited map", "greg ran
// the purge".
func (s *sentence) chatName(i int) bool {
	if i >= len(s.toks) || i+1 >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	if t.kind != tWord || t.cap || t.f != 0 || !nameShaped(t.low) || len(t.low) > 10 || strings.HasSuffix(t.low, "s") || !s.chatLine() {
		return false
	}
	nx := &s.toks[i+1]
	if nx.low == "'s" {
		return true
	}
	// a verb with its object: "piet pulling the wrong cable", "greg ran
	// the purge", "tobias selecting "all vehicles""; not "pool maxed on
	// the adapter" or "receipt signing key"
	return nx.kind == tWord && nx.f&(fDet|fPrep) == 0 && (pastForm(nx) || strings.HasSuffix(nx.low, "ing") && len(nx.low) > 4) &&
		(s.f(i+2)&(fDet|fPossessive) != 0 || s.is(i+2, "\"", "“", "'"))
}

// namedOwner reports whether the noun at j is owned by a person named by
// name between c and j: "gareth's threshold", "kev's hand-edited map".
func (s *sentence) namedOwner(c, j int) bool {
	for k := c; k < j; k++ {
		if s.low(k+1) == "'s" && (s.f(k)&(fName|fPlainName) != 0 && s.f(k)&fThing == 0 || s.chatName(k)) {
			return s.nominal(j) && s.toks[j].kind == tWord && s.f(j)&(fRole|fName|fPron) == 0
		}
	}
	return false
}

// bareActor reports whether a compressed clause starts at c with a bare
// department or role as its subject and an act after it: "maintenance
// skipped bladder inspection", "support agent factory-reset the tablets".
func (s *sentence) bareActor(c int) bool {
	if c+2 >= len(s.toks) {
		return false
	}
	dept := departmentWords[s.low(c)] && s.f(c)&fDet == 0
	// the subject's own word, then a past form and what it acted on
	if (dept || s.f(c)&fRole != 0 && s.f(c)&(fThing|fAmbig) == 0) && s.toks[c+1].kind == tWord && pastForm(&s.toks[c+1]) && s.f(c+1)&(fBe|fHave) == 0 &&
		s.toks[c+2].kind == tWord && s.nominal(c+2) && s.f(c+2)&fPrep == 0 {
		return true
	}
	// a department before a role word: "support agent", then a past form
	return dept && s.toks[c+1].kind == tWord && s.nominal(c+1) && s.f(c+1)&fRole != 0 && pastForm(&s.toks[c+2])
}

// personAfterOneCause flags a person or group that opens the complement of
// a single-cause framing another rule found: "root cause is literally just
// mike running the script twice", "the disruption had a single cause,
// namely the estates team cutting power", "root cause = @felix". It runs
// once the rules have spoken, since the framing takes many shapes.
func (s *sentence) personAfterOneCause() {
	if s.question || s.hasMatch(Blame) {
		return
	}
	for _, m := range s.matches {
		if ruleIndex[m.rule].Category != RootCause {
			continue
		}
		n := s.complementPerson(m.to)
		if !n.ok() {
			n = s.actByPerson(m.from, m.to)
		}
		if !n.ok() {
			n = s.personsActNamed()
		}
		if !n.ok() {
			n = s.personActAround(m)
		}
		if !n.ok() {
			n = s.personFailingAfter(m.to)
		}
		if !n.ok() {
			if from, to := s.ownActAfter(m.to); to > 0 {
				// "The root cause was my wrong setting of the feeding timer"
				s.add(idSelfBlame, from, to,
					fmt.Sprintf("%q names the writer's own act as the one cause: self-blame that ends the inquiry before asking what made the action look right at the time", s.span(from, to)),
					"Write what you did and why it made sense then (\"I set the timer from the sheet, which listed times without AM or PM\"), and name the conditions that let it through.")
				return
			}
			continue
		}
		s.add(idPersonCause, n.start, n.end,
			fmt.Sprintf("%q is named as the one cause; it ends the inquiry at who acted instead of what made the action possible", s.span(n.start, n.end)),
			fmt.Sprintf("Describe what %s did as one step in the timeline, and name as causes the conditions that made it possible and plausible: the tooling, the defaults, the missing safeguard.", s.who(n)))
		return
	}
}

// neglectVerbs tell work left undone or a warning passed over.
var neglectVerbs = wordSet(`ignored ignoring forgot forgetting skipped skipping missed missing neglected neglecting
	overlooked overlooking failed failing`)

// personFailingAfter returns a person or a group told failing, neglecting
// or not acting somewhere after a cause framing ending at i: "it all
// boiled down to one of our analysts not looking at the flags", "it's all
// because kitchen ignored the texture chart", "stems from one decision:
// the night manager choosing not to call", "root cause = 2/O not watching
// the ullage", or noNP.
func (s *sentence) personFailingAfter(i int) np {
	for k := i; k < len(s.toks) && k < i+12; k++ {
		if s.toks[k].kind != tWord || s.f(k)&(fFirstSg|fFirstPl) != 0 {
			continue
		}
		n := s.personStartingAt(k)
		if s.seq(k, "one", "of") {
			n = s.personStartingAt(k + 2)
			if n.ok() {
				n.start = k
			}
		}
		if !n.ok() || n.start != k || !(s.personish(n) || teamish(s.low(n.head)) || departmentWords[s.low(n.head)] || s.is(n.head, "kitchen", "workshop", "yard", "warehouse", "lab")) || s.writer(n) || s.firstPerson(n) {
			continue
		}
		v := n.end
		if s.is(v, "choosing", "deciding", "opting") && s.is(v+1, "not") {
			return np{start: n.start, head: n.head, end: v + 2, poss: -1}
		}
		if s.is(v, "not", "never") && v+1 < len(s.toks) && s.toks[v+1].kind == tWord && (strings.HasSuffix(s.low(v+1), "ing") || s.is(v+1, "to")) {
			return np{start: n.start, head: n.head, end: v + 2, poss: -1}
		}
		if neglectVerbs[s.low(v)] {
			return np{start: n.start, head: n.head, end: v + 1, poss: -1}
		}
		k = n.end - 1
	}
	return noNP
}

// ownActAfter returns the writer's own act named right after a cause
// framing ending at i ("was my wrong setting", "= my typo", "is my
// mistake"), as a span, or 0, 0.
func (s *sentence) ownActAfter(i int) (int, int) {
	j := i
	for j < len(s.toks) && j < i+5 && s.is(j, "was", "is", "=", ":", ",", "simply", "just", "really", "clearly", "of", "it", "all") {
		j++
	}
	neg := j + 1
	if s.f(neg)&fDo != 0 {
		neg++
	}
	if j > i && s.is(j, "i", "we") && s.f(neg)&fNeg != 0 && neg+1 < len(s.toks) && s.toks[neg+1].kind == tWord && !s.is(neg+1, "have", "has", "had", "know", "need", "get", "see") {
		// "At the root of it, we didn't test the import, and that's the
		// whole story"
		e := j + 2
		for e < len(s.toks) && e < j+4 && s.toks[e].kind == tWord {
			e++
		}
		return j, e
	}
	if j == i || !s.is(j, "my", "our") {
		return 0, 0
	}
	for k := j + 1; k < len(s.toks) && k <= j+3; k++ {
		if personActs[s.low(k)] || s.is(k, "setting", "settings", "change", "entry", "input", "order") && s.is(k-1, "wrong", "bad", "mistaken", "incorrect", "careless", "sloppy") {
			return j, k + 1
		}
		if s.toks[k].kind != tWord {
			break
		}
	}
	return 0, 0
}

// personActAround returns a person told acting right before or after a
// single-cause framing m: "Hana ran the migration on prod by hand, that's
// the whole incident", "outage caused solely by editor deleting the shared
// template", or noNP.
func (s *sentence) personActAround(m match) np {
	actor := func(k int) np {
		n := s.npStartingAt(k)
		if h := s.handleAt(k); h.ok() {
			if strings.HasSuffix(s.low(h.head), "bot") {
				return noNP // "root cause = @renovate-bot bumping the driver"
			}
			n = h // "it all comes down to @simone changing the tax year flag"
		}
		if !n.ok() || !(s.personish(n) || s.agentBy(n) || s.handleAt(n.start).ok() || s.toks[n.head].f&(fRole|fAmbig) == fRole && !machineRoles[s.low(n.head)]) || s.writer(n) || s.firstPerson(n) || businesses[s.low(n.head)] {
			return noNP
		}
		v := n.end
		if v < len(s.toks) && (changeVerbs[s.low(v)] || strings.HasSuffix(s.low(v), "ing") && (s.f(v+1)&(fDet|fPossessive) != 0 || len(s.low(v)) > 5 && v+1 < len(s.toks) && s.toks[v+1].kind != tPunct && !s.is(v, "during", "nothing", "something", "anything", "everything", "morning", "evening", "being", "according")) || s.is(v, "deleting", "running", "pushing", "disabling", "removing", "overriding", "skipping", "ignoring", "declining")) {
			return np{start: n.start, head: n.head, end: v + 1, poss: -1}
		}
		return noNP
	}
	// after: "… by editor deleting …", "it all came down to Halima
	// typing …", "traced entirely to usher propping …", "is the handler
	// typing …", "root cause was member services agent approving …"
	j := m.to
	for j < len(s.toks) && j < m.to+3 && s.is(j, "by", "to", "is", "was", "=", ":", "the", "a", "an", "entirely", "solely", "back", "tonight", "today", "here", "again", "honestly", "basically") {
		if s.is(j, "the", "a", "an") {
			break
		}
		j++
	}
	if j > m.to || s.is(m.to-1, "to", "by") {
		if n := actor(j); n.ok() {
			return n
		}
	}
	// before: "Hana ran the migration …, that's the whole incident"
	if m.from > 1 && s.is(m.from-1, ",") {
		for k := 0; k < m.from-2; k++ {
			if k == 0 || s.linePrefix(k) || s.is(k-1, ":", ";", "dr", "tldr") {
				if n := actor(k); n.ok() {
					return n
				}
			}
		}
	}
	return noNP
}

// personsActNamed returns a person's act named with a possessive in a
// sentence that frames one cause: "one contractor's deletion of the image
// store", "Beth's promo upload was the one thing", "the contractor's cable
// pull in rack B4", or noNP.
func (s *sentence) personsActNamed() np {
	for k := 1; k < len(s.toks); k++ {
		if s.low(k) != "'s" {
			continue
		}
		p := s.npEndingAt(k - 1)
		if !p.ok() || !(s.personish(p) || s.agentBy(p)) || s.writer(p) || s.firstPerson(p) || businesses[s.low(p.head)] {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+3 && s.toks[j].kind == tWord; j++ {
			if personActs[s.low(j)] || changeActs[s.low(j)] || s.is(j, "deletion", "upload", "pull", "push", "override", "cut", "edit", "purge", "wipe") {
				return np{start: p.start, head: p.head, end: j + 1, poss: k - 1}
			}
		}
	}
	return noNP
}

// causeOpeners open the complement of a cause framing: "root cause: X",
// "rc = X", "the only cause is X", "had one cause, namely X".
var causeOpeners = wordSet(`: = ? — - is was 's namely as because`)

// causeFillers may stand between a cause framing and its complement.
var causeFillers = wordSet(`: = ? , — - . is was 's it and that which namely literally just simply
	basically found done identified as to be clearly obviously only right there here because action act
	thing step logged recorded noted listed given determined established confirmed`)

// complementPerson returns the person or group that opens the complement
// after a cause framing ending at i, or noNP. A company's plain change
// ("the provider's API change") and a person word that qualifies a thing
// ("vendor IP change") are no one's slip.
func (s *sentence) complementPerson(i int) np {
	// "whole thing is because Gareth released …": the framing may end
	// with its opener
	j, opened := i, s.is(i-1, "because")
	for j < len(s.toks) && j < i+6 && causeFillers[s.low(j)] {
		opened = opened || causeOpeners[s.low(j)]
		j++
	}
	if !opened && !s.is(i, "we", "the", "it") {
		// "the single cause of the mess at the depot was that Tunde
		// uploaded …": past what the cause is of, to its "was that"; a
		// framing that ends on its own clause's subject ("the only reason
		// we refunded …") is left to the model
		for k := i + 1; k < len(s.toks) && k < i+10 && !s.boundary(k); k++ {
			if s.is(k, "is", "was") && s.is(k+1, "that") {
				j, opened = k+2, true
				break
			}
			if s.is(k, "identified", "determined", "confirmed", "established") && s.is(k+1, "as") {
				j, opened = k+2, true // "Single source of incident identified as producer hand-editing …"
				break
			}
			// "the source of everything is the sound engineer which set
			// the wrong sample rate": a person as the complement
			if s.is(k, "is", "was") && s.is(k+1, "the", "our", "a", "an") {
				if n := s.personStartingAt(k + 1); n.ok() && n.start == k+1 && s.person(n) && (s.is(n.end, "who") || s.is(n.end, "which", "that") && n.end+1 < len(s.toks) && pastForm(&s.toks[n.end+1])) {
					j, opened = k+1, true
					break
				}
			}
		}
	}
	if !opened || j >= len(s.toks) {
		return noNP
	}
	if h := s.handleAt(j); h.ok() && !strings.Contains(s.low(h.head), "bot") {
		return h // "root cause = @felix"
	}
	n := s.personStartingAt(j)
	if w := s.npStartingAt(j); (!n.ok() || n.start != j) && w.ok() && w.head == w.end-1 && s.toks[w.head].kind == tWord && s.f(w.head)&(fThing|fTech) == 0 &&
		(s.is(w.end, "who") || s.is(w.end, "forgot", "neglected", "ignored", "decided", "chose", "skipped", "overlooked", "misread", "misconfigured", "fat-fingered")) {
		n = w // "the bioinformatician who deleted the archive", "root cause: projectionist forgot to switch"
	} else if !n.ok() || n.start != j || !s.person(n) || s.f(n.head)&(fFirstPl|fNegQuant) != 0 || s.is(n.head, "nobody", "noone") {
		return noNP
	}
	if k := n.end; k < len(s.toks) && s.toks[k].kind == tWord && s.nominal(k) && !s.is(k, "who", "which", "that") && s.f(k)&fRole == 0 && !strings.HasSuffix(s.low(k), "ing") && !failings[s.low(k)] && !pastForm(&s.toks[k]) && s.f(k)&fVerb == 0 && s.f(k+1)&(fDet|fPossessive) == 0 {
		return noNP // "vendor IP change": the person word qualifies a thing; not "duty manager inaction"
	}
	if businesses[s.low(n.head)] && !s.judgedAct(n.end, min(n.end+6, len(s.toks))) {
		return noNP // "the provider's DNS outage", told plainly
	}
	return n
}

// failings are nouns that make a person word before them a person's
// failing: "Underlying cause: duty manager inaction".
var failings = wordSet("inaction negligence carelessness inattention oversight lapse misjudgement misjudgment incompetence complacency")

// actByPerson returns the person whose act is the one cause framed from
// from to to: "The root cause was a config push by the on-call engineer",
// "Duplicate submission by batch operator identified as root cause",
// "Driver upgrade by platform team was the single trigger and cause". The
// act is looked for in the complement after the framing, or in the
// subject before it, within the clause. A company's plain act ("a DNS
// change by the provider") is no one's slip.
func (s *sentence) actByPerson(from, to int) np {
	try := func(lo, hi int) np {
		for b := lo; b < hi && b < len(s.toks); b++ {
			if !s.is(b, "by") || b == lo {
				continue
			}
			n := s.npStartingAt(b + 1)
			if !n.ok() || !s.person(n) || s.firstPerson(n) || s.writer(n) || s.f(n.head)&fNegQuant != 0 {
				continue
			}
			if businesses[s.low(n.head)] && !s.judgedAct(n.end, min(n.end+6, len(s.toks))) {
				continue
			}
			if p := b - 1; s.toks[p].kind != tWord || !s.nominal(p) && !pastForm(&s.toks[p]) || s.is(p, "used", "owned", "held", "read", "sent", "consumed", "called", "served", "managed", "run", "maintained", "issued", "shared", "hosted", "built", "written", "published", "provided", "operated") {
				continue // "caused by"; "a token used by the fleet manager" is no one's act
			}
			return n
		}
		return noNP
	}
	// after: "the root cause was a config push by …"
	hi := min(to+1, len(s.toks))
	for hi < len(s.toks) && hi < to+16 && !s.boundary(hi) {
		hi++
	}
	if n := try(to, hi); n.ok() {
		return n
	}
	// before: "Duplicate submission by batch operator identified as …"
	lo := from
	for lo > 0 && lo > from-10 && !s.boundary(lo-1) {
		lo--
	}
	return try(lo, from)
}

// actThenFailure flags a person's act set right before the failure, so
// that the timing names the cause: "the outage began the moment Kofi
// edited the region weights", "the ATM network went dark ten minutes after
// Carl decided to reuse last year's bundle". A system's act ("two minutes
// after the pipeline pushed build 118"), a person told of it ("after the
// on-call engineer was paged") or a good outcome ("errors dropped after
// Priya restarted the pod") is not flagged.
func (s *sentence) actThenFailure() {
	if s.forward || s.question || s.lesson {
		return
	}
	for t := range s.toks {
		p := -1 // where the person's clause starts
		switch {
		case s.seq(t, "the", "moment") || s.seq(t, "the", "minute") && !s.is(t-1, "in", "at"):
			p = t + 2
		case s.is(t, "after") && (s.is(t-1, "minutes", "minute", "seconds", "moments", "hours", "right", "shortly", "soon", "just", "straight", "immediately")):
			p = t + 1
		case s.is(t, "when") && s.is(t-1, "began", "started", "begun") && s.failureIn(0, t):
			p = t + 1 // "the outage began when D. Okafor edited the zone config"
		case (s.is(t, "afterwards", "afterward") || s.seq(t, "after", "that")) && s.is(t-1, "shortly", "soon", "and", "just", "right", "immediately", ","):
			s.actByThenFailure(t)
			continue
		default:
			continue
		}
		a := s.npStartingAt(p)
		if !a.ok() || !(s.personish(a) || s.agentBy(a)) || s.writer(a) || s.firstPerson(a) {
			continue
		}
		v := a.end
		if s.is(v, "had", "has") {
			v++
		}
		if !changeVerbs[s.low(v)] {
			continue
		}
		if !s.failureIn(0, t) {
			continue
		}
		from, to := 0, s.actEnd(v)
		s.add(idPersonCause, from, to,
			fmt.Sprintf("%q sets a person's act right before the failure, so that the timing names the cause; it does not say what made the act look safe", s.span(from, to)),
			fmt.Sprintf("Say what %s changed and what the system did with it: what the change reached, what checked it, and why nothing stopped it.", s.who(a)))
		return
	}
}

// actByThenFailure flags a person's act told in the passive, then the
// failure "afterwards" at t: "The firewall rule was removed by Siddharth,
// and the booking site went dark shortly afterwards", "the change was done
// by Hugo in the evening, and after that the chargers stopped to work".
func (s *sentence) actByThenFailure(t int) {
	if !s.failureIn(t, len(s.toks)) && !s.failureIn(max(t-8, 0), t) && !s.hasAny("stopped") {
		return
	}
	for b := 1; b < t; b++ {
		if !s.is(b, "by") || !(pastForm(&s.toks[b-1]) || s.is(b-1, "done", "made")) || !s.passive(b-1) && !s.is(b-2, "was", "were") {
			continue
		}
		a := s.npStartingAt(b + 1)
		if !a.ok() || !(s.personish(a) || s.agentBy(a)) || s.writer(a) || s.firstPerson(a) || businesses[s.low(a.head)] {
			continue
		}
		s.add(idPersonCause, 0, t+1,
			fmt.Sprintf("%q sets a person's act right before the failure, so that the timing names the cause; it does not say what made the act look safe", s.span(0, t+1)),
			fmt.Sprintf("Say what %s changed and what the system did with it: what the change reached, what checked it, and why nothing stopped it.", s.who(a)))
		return
	}
}

// failureIn reports whether tokens i to j tell a failure: an outage, an
// incident, a service going dark or down, falling over, crashing.
func (s *sentence) failureIn(i, j int) bool {
	for k := i; k < j && k < len(s.toks); k++ {
		switch {
		case s.f(k)&fEvent != 0 && !s.is(k, "rollback", "issue", "issues", "problem", "problems", "error", "errors"):
			return true
		case s.is(k, "went", "go", "goes") && s.is(k+1, "dark", "down", "offline", "red"),
			s.is(k, "fell", "falls", "fall") && s.is(k+1, "over"),
			s.is(k, "crashed", "broke", "stalled", "froze", "collapsed", "died"),
			s.is(k, "negative", "duplicate", "duplicated", "garbled", "corrupted", "corrupt"):
			return true
		}
	}
	return false
}

// changeVerbs are what people do to a system that can break it.
var changeVerbs = wordSet(`edited changed pushed deployed ran run restarted deleted decided updated applied enabled
	disabled merged reused uploaded flipped switched removed dropped modified altered reconfigured launched
	executed published rotated migrated promoted rebooted killed truncated overwrote replaced renamed
	moved scaled purged wiped started`)
