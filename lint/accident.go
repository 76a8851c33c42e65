package lint

import (
	"fmt"
	"strings"
)

// blame.accident: a person's action told as a slip. "Dmitri accidentally
// ran the script against production" and "Sven unplugged the wrong cable"
// name who erred and stop there; what made the wrong target look right (two
// prompts alike, a console that remembers the last region) is the finding.
// A system's slip ("the scheduler mistakenly marked the node healthy") and
// a slip told without an actor ("the wrong region was selected by default")
// are not flagged.
var accidentRule = &sentenceRule{
	info: RuleInfo{
		ID:          idAccident,
		Category:    Blame,
		Severity:    Warning,
		Description: "A person's action told as a slip: accidentally, inadvertently, mistakenly, erroneously, by mistake, assumed wrongly, misconfigured, acting on the wrong host, cluster, region or customer, on one target instead of another, getting a value wrong, using an incorrect or outdated version of a file, or acting believing it was safe; also a destructive act by a person on something live (dropped the live partition, unplugged the core switch, posted credentials in a public channel), a guard switched off (turned off the fridge alarms, disabled the interlock) or a thing left unsafe (left the data feed disabled, left the nozzle unattended), told with no reason that made it the plan; wrong information passed on to customers (support gave customers wrong info, told forty customers the issue was resolved when it was not); one of two told apart by the same noun, a code or a unit (reset turbine 22 instead of turbine 12, eu-central instead of us-east, mg instead of mcg), and in chat a person told they acted on the wrong one (@aiko you restarted the north pump, not the south one; @dana that was prod-eu, not staging); a person who leaves a thing open or running (the greenhouse staff leave the vents open in the night), transposed values. A slip told of a machine with the system event that explains it (Mill accidentally cut the blank after the queue lock expired) is not flagged. Also a terse act followed, in the same paragraph, by a sentence that tells harm alone (Pumpman started the cargo pump against a closed valve. Pump seal failed.), unless the act is a responder's or comes with its reason. Also mixed up (Lena mixed up the two delivery manifests). Also a value keyed as one number instead of another (keyed 4.5 t instead of 45 t); a slip that a check of the system stopped (the interlock blocked the change) is not flagged. Also an act on the wrong one of two numbered things (opened hydrant 14 instead of 41), a knock or a spill (knocked the e-stop while reaching for the grease gun), and a value got wrong on something (got the dose wrong on the grey mare). Also 'in place of' and 'rather than' between two numbered things (set the route to road 6 in place of road 9), not between two times. Also a person's act told with a possessive and a slip adjective (the admin's accidental shutdown of the rating service), not a machine's (the compressor's accidental shutdown). Also a valve left closed or a relay left muted, an incompatible, uncalibrated or mismatched thing installed or handed on (installed incompatible driver on the host), firmware intended for a different model, and a cellar or bottling worker; not a valve left closed until a test was done, nor what an upgrade installed.",
		Example:     "Dmitri mistakenly ran the cleanup script against prod-eu-1 instead of staging-eu-1.",
		Rewrite:     "Dmitri ran the cleanup script with prod-eu-1 selected; the script takes its target from the shell prompt, and the prompts for prod and staging look the same.",
	},
	group: gAccident,
	check: checkAccident,
}

// slipAdverbs say that an action went wrong by accident.
var slipAdverbs = wordSet(`accidentally accidently inadvertently mistakenly mistakingly erroneously
	incorrectly wrongly unintentionally unknowingly unwittingly wrongfully`)

// slipVerbs are actions that are slips in themselves.
var slipVerbs = wordSet(`misconfigured misconfigures mistyped miskeyed mis-keyed misclicked
	mis-clicked misapplied mislabelled mislabeled misrouted misnamed misentered mis-entered
	misspelled misspelt misidentified mispasted mistook miscalculated miscounted misinterpreted
	misunderstood misjudged transposed knocked fumbled spilled elbowed`)

func checkAccident(s *sentence) {
	if s.question || s.forward {
		return
	}
	s.misinformed()
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		if e := s.possessedSlip(i); e > 0 {
			// "admin's accidental shutdown of rating service"
			n := s.npEndingAt(i - 2)
			s.add(idAccident, n.start, e,
				fmt.Sprintf("%q tells a slip as the cause; it names who erred instead of what made the wrong action easy to take", s.span(n.start, e)),
				fmt.Sprintf("Describe what %s did and why it looked right at that moment: what the tool showed, how the two targets looked alike, and what would have caught the slip.", s.who(n)))
			i = e - 1
			continue
		}
		v, end := -1, i+1
		left := s.leftUnsafe(i)
		switch {
		case slipAdverbs[t.low]:
			v = s.slipVerb(i)
		case t.low == "by" && s.is(i+1, "mistake", "accident", "error"), t.low == "on" && s.is(i+1, "accident"),
			t.low == "in" && s.is(i+1, "error") && !s.is(i+2, "rate", "rates", "state", "budget"):
			v = s.slipVerb(i)
			end = i + 2
			if v >= 0 && (s.is(v, "receiving", "received", "receive", "receives", "got", "getting") || s.is(v, "sent", "shown", "given") && s.f(v-1)&fBe != 0) {
				v = -1 // "some members were receiving the email by error": what reached them
			}
		case slipVerbs[t.low] && s.finite(i) && !(t.low == "knocked" && s.is(i+1, "out", "off", "back", "up")):
			v = i // not "knocked off at six", "knocked out a fix"
		case s.is(i, "mixed", "muddled") && s.is(i+1, "up") && s.finite(i) && !s.negatedBefore(i, 3):
			// "jae-won mixed up the candidate lists"
			v, end = i, i+2
		case (t.low == "instead" && s.is(i+1, "of") || t.low == "rather" && s.is(i+1, "than")) && s.numberWithin(i-3, i) && s.numberWithin(i+2, i+5) && s.entryVerbBefore(i) >= 0 && !s.asPlanned(i):
			// "keyed the coal feed as 18 t/h instead of 8 t/h", "set the
			// freezer to −18 °C instead of −30 °C": a value keyed wrong
			v = s.entryVerbBefore(i)
			if v >= 0 && s.firstPersonPlural(s.agentOfVerb(v)) {
				v = -1 // "we set the limit to 40 instead of 30 to leave headroom": a choice
			}
			end = i + 3
		case t.low == "instead" && s.is(i+1, "of") && environments[s.low(i+2)] && !s.asPlanned(i):
			// "ran it against prod instead of staging"
			v = s.verbBefore(i)
			end = i + 3
		case t.low == "in" && s.seq(i+1, "place", "of") && s.envWithin(i+3, 4) && s.envWithin(i-4, 4) && !s.asPlanned(i):
			// "restarted the server of production in place of the server
			// of recette", as second-language writers put it
			v = s.verbBefore(i)
			end = i + 3
		case (t.low == "instead" && s.is(i+1, "of") || t.low == "rather" && s.is(i+1, "than") || t.low == "in" && s.seq(i+1, "place", "of")) && !s.asPlanned(i) && s.swappedTarget(s.ofAt(i)) && !strings.Contains(s.low(s.ofAt(i)+2), ":"):
			// "restarted the whole cluster instead of one node", "typed 40
			// instead of 400": an action on the wrong one of two
			v = s.verbBefore(i)
			end = s.ofAt(i) + 3
			if v >= 0 && (!slipProne[s.low(v)] && !s.sameKindSwapped(v, s.ofAt(i)) || s.firstPersonPlural(s.agentOfVerb(v))) {
				v = -1
			}
		case t.is("believing", "thinking", "assuming") && s.is(i+1, "it", "they", "that", "this", "the", "she", "he", "i", "we") && s.beliefWasWrong(i) && i > 1:
			// "deleted the replica set believing it was unused": the
			// action is told through the belief that hindsight shows wrong
			v = s.verbBefore(i)
			if s.low(i-1) == "," {
				v = s.verbBefore(i - 1)
			}
			end = i + 1
			if v >= 0 && !slipProne[s.low(v)] {
				v = -1
			}
		case t.low == "wrong" && (i+1 == len(s.toks) || s.boundary(i+1) || s.is(i+1, "and", "so", "which", "on", "in", "for", "at", "when", "during", "again", "twice")) && (s.is(i-1, "size", "value", "bound", "limit", "number", "name", "port", "address", "path", "flag", "key", "setting", "id", "date", "time", "zone", "timezone", "order", "version", "count", "threshold", "region", "target", "it", "them", "one") || s.nominal(i-1) && s.f(i-1)&(fRole|fName|fPron|fThing) == 0) && i >= 2:
			// "set the heap size wrong", "got the lower bound wrong"
			v = s.verbBefore(i)
			if v >= 0 && (!s.is(v, "got", "set", "typed", "entered", "configured", "spelled", "spelt", "wrote", "put", "had", "copied", "pasted", "picked", "chose", "sized", "mapped", "labelled", "labeled", "named", "tagged") || s.firstPersonPlural(s.agentOfVerb(v))) {
				v = -1 // "we got the timezone wrong" owns the slip together
			}
		case t.low == "out" && s.is(i+1, "of") && (s.is(i+2, "sequence", "order") || s.is(i+2, "the", "its", "documented", "correct", "proper", "required", "agreed", "published") && s.is(i+3, "sequence", "order")) && !s.asPlanned(i):
			// "Administrator performed key rotation out of documented
			// sequence"
			v = s.verbBefore(i)
			end = i + 3
			if !s.is(i+2, "sequence", "order") {
				end = i + 4
			}
			if v >= 0 && (!slipProne[s.low(v)] && !s.is(v, "performed", "ran", "executed", "did", "carried", "rotated", "installed") || s.firstPersonPlural(s.agentOfVerb(v))) {
				v = -1
			}
			if v == i-1 && s.is(v, "released", "sent", "processed", "dispatched", "routed", "loaded", "shipped", "delivered", "assigned") {
				v = -1 // "drivers released out of order": what the queue did with them
			}
		case wrongish[t.low] && s.nominal(i+1) && (s.is(i-1, "the", "a", "an") || s.f(i-1)&fPrep != 0 || i > 0 && s.toks[i-1].kind == tWord && (pastForm(&s.toks[i-1]) || s.f(i-1)&fVerb != 0)) && !s.asPlanned(i):
			// "uploaded an incorrect promotions file", "loaded the outdated
			// zone map", "emailed an unredacted spreadsheet", "supplied
			// incorrect allergen data"
			v = s.verbBefore(i)
			end = i + 2
			if v >= 0 && (!slipProne[s.low(v)] && !s.is(v, "loaded", "emailed", "shared", "forwarded", "imported", "installed", "used", "issued", "sent", "posted", "committed", "submitted", "supplied", "provided", "delivered", "shipped", "gave", "handed") || brokenish[t.low] && !handOn[s.low(v)] || s.firstPersonPlural(s.agentOfVerb(v))) {
				v = -1
			}
		case t.is("meant", "intended") && s.is(i+1, "for") && (environments[s.low(i+2)] || s.is(i+2, "the", "a") && (environments[s.low(i+3)] || s.is(i+3, "single", "test", "staging")) || s.is(i+2, "different", "another") || s.seq(i+2, "a", "different")) && !s.asPlanned(i):
			// "applied a migration meant for the test environment", "ran
			// a script intended for a single cluster against the region",
			// "flashed firmware intended for different vehicle model"
			v = s.verbBefore(i)
			end = i + 4
			if v >= 0 && !slipProne[s.low(v)] {
				v = -1
			}
		case left > 0 && s.finite(i) && !s.firstPersonPlural(s.agentOfVerb(i)):
			// "the night controller left the data feed disabled"
			v, end = i, left
		case harmVerbs[t.low] && s.finite(i) && s.harmedLive(i) && !s.firstPersonPlural(s.agentOfVerb(i)):
			// "our DBA dropped the live bookings partition", "the contractor
			// unplugged the core switch", "staff member posted admin
			// credentials in a public channel"
			v = i
			end = s.harmEnd(i)
		case t.low == "wrong" && s.is(i+1, "place", "hypothesis", "direction", "lead", "theory", "track", "trail", "conclusion", "hour",
			"question", "questions", "impression", "frame", "framing", "lesson", "lessons", "message", "idea", "incentive", "incentives"):
			// "looking in the wrong place", "25 minutes on the wrong
			// hypothesis": a detour of diagnosis, not a slip; "the wrong
			// question to ask", "a wrong impression": an idea judged
		case t.low == "wrong" && s.nominal(i+1) && (s.is(i-1, "the", "a") || s.f(i-1)&fPrep != 0 || i > 0 && s.toks[i-1].kind == tWord && (pastForm(&s.toks[i-1]) || s.f(i-1)&fVerb != 0)):
			// "unplugged the wrong cable", "ran it in the wrong directory",
			// and without the article: "unplugged wrong cable"
			v = s.verbBefore(i)
			end = i + 2
			for end < len(s.toks) && s.nominal(end) && s.f(end)&fPrep == 0 && end < i+4 {
				end++
			}
			if v >= 0 && s.is(v, "received", "got", "saw", "had", "heard", "found", "noticed", "bought", "ordered", "were", "was") && s.firstPersonPlural(s.agentOfVerb(v)) {
				v = -1 // "we received the wrong certificate"
			}
			if v >= 0 && s.is(v, "identified", "found", "find", "finds", "spotted", "located", "traced", "pinpointed", "diagnosed", "fixed", "corrected", "reported", "reports", "noticed", "flagged", "detected", "caught", "see", "sees", "saw", "seen", "observe", "observed", "observes", "watch", "watched") {
				v = -1 // "Valentina identified the wrong rule and disabled it": the faulty one, found
			}
			if s.is(i-1, "the", "a") && s.is(i-2, "made") && s.is(i-3, "what") || s.is(i-4, "agreed", "asked") && s.is(i-3, "to") {
				v = -1 // "what made the wrong command look like the right one", "they agreed to destroy the wrong volume"
			}
		}
		if v < 0 {
			continue
		}
		n := s.agentOfVerb(v)
		if !s.person(n) && s.jobLaunched(v) {
			// "recalculation job launched against live records by
			// mistake": a person's slip told with the person left out
			from := s.groupStart(v)
			if m := s.npEndingAt(from - 1); m.ok() {
				from = m.start
			}
			from, end = min(from, i), max(end, v+1)
			s.add(idAccident, from, end,
				fmt.Sprintf("%q tells a slip as the cause; it names who erred instead of what made the wrong action easy to take", s.span(from, end)),
				"Say who ran it and why the target looked right at that moment: what the tool showed, how the two targets looked alike, and what would have caught the slip.")
			i = end - 1
			continue
		}
		if !s.person(n) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients") || s.systemEventAfter(max(end, v+1)) {
			continue
		}
		from := min(n.start, v, i)
		if n.start > v {
			from = min(v, i) // a passive: "was deleted by mistake by the contractor"
			end = max(end, n.end)
		}
		end = max(end, v+1)
		who := s.who(n)
		s.add(idAccident, from, end,
			fmt.Sprintf("%q tells a slip as the cause; it names who erred instead of what made the wrong action easy to take", s.span(from, end)),
			fmt.Sprintf("Describe what %s did and why it looked right at that moment: what the tool showed, how the two targets looked alike, and what would have caught the slip.", who))
		i = end - 1
	}
}

// slipVerb returns the verb a slip adverb or "by mistake" at i belongs to:
// the verb right after it ("mistakenly ran"), or before it ("assumed,
// incorrectly, that", "ran the reindex in the wrong directory by
// mistake").
func (s *sentence) slipVerb(i int) int {
	j := i + 1
	if s.is(i, "by", "in", "on") {
		j = i + 2
	}
	for j < len(s.toks) && (s.isAdverb(j) || s.low(j) == ",") && j < i+4 {
		j++
	}
	if j < len(s.toks) && s.toks[j].kind == tWord && (pastForm(&s.toks[j]) || s.toks[j].f&fVerb != 0 && s.toks[j].f&(fBe|fHave|fDo|fModal) == 0 ||
		s.toks[j].f == 0 && s.f(j+1)&(fDet|fPossessive) != 0 && !s.is(i, "by", "in", "on")) && s.f(j)&(fDet|fPrep|fRole) == 0 {
		// "mistakenly ran", and "mistakenly apply" as second-language
		// writers put it
		return j
	}
	k := i - 1
	if s.low(k) == "," {
		k--
	}
	if k >= 0 && s.toks[k].kind == tWord && (pastForm(&s.toks[k]) || s.f(k)&fVerb != 0) && s.f(k)&(fBe|fHave|fDo|fModal) == 0 && s.f(k-1)&(fDet|fPossessive) == 0 {
		return k
	}
	if v := s.verbBefore(i); v >= 0 {
		return v
	}
	// "uploaded the bundle as the default by accident": past a short "as"
	// phrase.
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if s.is(j, "as") {
			return s.verbBefore(j)
		}
	}
	// "By mistake, the operator restored …": a phrase that opens the
	// sentence belongs to the verb after the subject.
	if i == 0 || s.linePrefix(i) {
		return s.verbAfterOpening(i + 1)
	}
	return -1
}

// finite reports whether the word at i is used as a verb rather than as an
// adjective before a noun ("the misconfigured bucket").
func (s *sentence) finite(i int) bool {
	if i > 0 && (s.f(i-1)&(fDet|fPossessive) != 0 || s.toks[i-1].kind == tNum) {
		return false
	}
	// "spotted misconfigured alert threshold": after a verb, it describes
	// the object.
	if i > 0 && s.toks[i-1].kind == tWord && pastForm(&s.toks[i-1]) && s.f(i-1)&(fBe|fHave) == 0 && s.nominal(i+1) {
		return false
	}
	// "Mis-keyed command from the on-call engineer": opening a line before a
	// bare noun, it describes the noun.
	nx := i + 1
	return !((i == 0 || s.linePrefix(i)) && s.nominal(nx) && s.toks[nx].kind == tWord && s.f(nx)&(fDet|fPossessive|fPron|fName|fPrep) == 0)
}

// slipProne are the actions that can land on the wrong target: "deleted
// the production key instead of the test key".
var slipProne = wordSet(`ran typed entered deleted dropped removed restarted rebooted promoted applied
	deployed pushed queued selected picked sent updated edited set changed copied pasted pointed mapped
	unplugged pulled uploaded published merged released restored killed terminated shut stopped
	disabled enabled wiped truncated patched flashed routed configured scaled upgraded targeted
	tagged labelled labeled wrote closed silenced commanded rolled reverted failed purged flushed
	cleared destroyed decommissioned drained cordoned replaced overwrote loaded reset keyed exported
	cancelled canceled mailed stocked transposed reused`)

// swappedTarget reports whether "instead of" at i contrasts two targets of
// the same kind, not two ways of working: a number, a name, or a noun
// phrase ("instead of one node", "instead of the test key", "instead of
// eu only"); not a gerund ("instead of waiting") or a plan.
func (s *sentence) swappedTarget(i int) bool {
	j := i + 2
	if j >= len(s.toks) {
		return false
	}
	t := &s.toks[j]
	switch {
	case t.kind == tNum || t.kind == tCode:
		return true
	case t.kind != tWord || strings.HasSuffix(t.low, "ing") && t.f&fDet == 0:
		return false
	case s.is(j, "the", "a", "one", "its", "their", "his", "her") && j+1 < len(s.toks) && !strings.HasSuffix(s.low(j+1), "ing"):
		return true
	case s.is(j, "only", "just") && j+1 < len(s.toks) && s.is(j+1, "the", "one", "a"):
		return true // "instead of only the euro store"
	}
	if t.f&(fDet|fPrep|fPron|fVerb) == 0 && s.nominal(j) && s.is(j+1, "only") {
		return true
	}
	// The same kind on both sides: "reset turbine 22 instead of turbine
	// 12", "restarted the eu-central pool instead of us-east", "entered
	// the dose in mg instead of mcg".
	for k := max(i-6, 0); k < i; k++ {
		u := &s.toks[k]
		if u.kind != tWord || s.boundary(k) {
			continue
		}
		if u.low == t.low && s.toks[min(j+1, len(s.toks)-1)].kind == tNum ||
			strings.Count(u.low, "-") == 1 && strings.Count(t.low, "-") == 1 && len(u.low) <= 12 && len(t.low) <= 12 && !strings.HasSuffix(t.low, "-only") ||
			k == i-1 && len(u.low) <= 3 && len(t.low) <= 3 && u.f == 0 && t.f == 0 && (s.boundary(j+1) || j+1 == len(s.toks)) {
			return true
		}
	}
	return false
}

// wrongOfTwo flags a chat line that tells an addressed person they acted
// on the wrong one of two: "@aiko you restarted the north pump
// controller, not the south one", "@noor that was the spring term you
// exported, not fall", "@dana that was prod-eu, not staging".
func (s *sentence) wrongOfTwo() {
	h := -1
	for k := 0; k < len(s.toks) && k < 4; k++ {
		if s.handleAt(k).ok() {
			h = k
			break
		}
	}
	if h < 0 {
		return
	}
	you := -1
	for k := h + 2; k < len(s.toks); k++ {
		if s.is(k, "you") && k+1 < len(s.toks) && (slipProne[s.low(k+1)] || harmVerbs[s.low(k+1)] || pastForm(&s.toks[k+1]) || s.is(k+1, "'re", "are") && s.is(k+2, "on", "in")) {
			you = k
			break
		}
		if s.seq(k, "that", "was") && k == h+2 {
			you = k
			break
		}
	}
	if you < 0 {
		return
	}
	end := 0
	for k := you + 2; k+2 < len(s.toks) && end == 0; k++ {
		switch {
		case s.is(k, "not") && strings.Contains(s.low(k-1), "-") && strings.Contains(s.low(k+1), "-") && s.toks[k-1].kind == tWord:
			end = k + 2 // "@kofi you scaled down eu-west not eu-central"
		case s.low(k) == "," && s.is(k+1, "not") && s.toks[k+2].kind == tWord && !s.is(k+2, "a", "an", "sure", "yet", "me", "you", "us", "them", "just", "only", "really", "that", "this", "because", "bad", "good", "great", "ideal", "ok", "okay", "fine", "who", "what", "how", "why", "where", "when", "whether", "blame", "blaming"):
			if s.is(you, "that") && !environments[s.low(you+2)] && !environments[s.low(k+2)] && !s.is(you+2, "the") {
				return // "@ana that was quick, not bad"
			}
			end = k + 3
			for end < len(s.toks) && !s.boundary(end) && end < k+6 {
				end++
			}
		}
	}
	if end == 0 {
		return
	}
	s.add(idAccident, h, end,
		fmt.Sprintf("%q tells a person they acted on the wrong one of two; it names who erred instead of what made the two look alike", s.span(h, end)),
		"Say what the person saw when they chose the target: what the tool showed and how the two looked alike; in a chat, ask what they saw.")
}

// beliefWasWrong reports whether "believing it was …" at i goes on to a
// state that hindsight corrects: unused, a test, decommissioned, safe.
func (s *sentence) beliefWasWrong(i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+4; j++ {
		if s.f(j)&fBe != 0 {
			return j+1 < len(s.toks) && s.toks[j+1].kind == tWord && s.f(j+1)&fNeg == 0
		}
		if s.boundary(j) {
			return false
		}
	}
	return false
}

// environments are the targets whose mix-up is a slip: "against prod
// instead of staging".
var environments = wordSet(`prod production staging stage dev development test testing sandbox qa uat
	preprod pre-prod canary dr primary replica secondary live demo local recette integration`)

// envWithin reports whether one of the n words from i names an
// environment.
func (s *sentence) envWithin(i, n int) bool {
	for j := max(i, 0); j < len(s.toks) && j < i+n; j++ {
		if environments[s.low(j)] {
			return true
		}
	}
	return false
}

// asPlanned reports whether the sentence says the choice was meant: "as
// planned", "on purpose", "deliberately".
func (s *sentence) asPlanned(i int) bool {
	for j := range s.toks {
		if s.is(j, "as") && s.is(j+1, "planned", "agreed", "intended", "designed", "documented") || s.seq(j, "on", "purpose") || s.is(j, "deliberately", "intentionally") || s.is(j, "agreed", "asked") && s.is(j+1, "to") {
			return true
		}
	}
	return false
}

// wrongish objects other than "wrong": an action that used the wrong
// version of a thing, or handed on a broken one ("supplied incorrect
// allergen data", "uploaded corrupted files").
var wrongish = wordSet(`incorrect outdated obsolete unredacted superseded mistyped erroneous incomplete
	incompatible uncalibrated mismatched corrupted corrupt malformed broken invalid faulty defective buggy`)

// brokenish things are only a slip when handed on: "replaced the faulty
// controller" is the repair.
var brokenish = wordSet(`corrupted corrupt malformed broken invalid faulty defective buggy`)

// handOn verbs pass a thing to others or to production.
var handOn = wordSet(`uploaded supplied sent pushed provided delivered shipped gave handed deployed
	released submitted installed injected`)

// harmVerbs destroy, cut off or expose: what a person did to something
// that mattered.
var harmVerbs = wordSet(`deleted dropped wiped purged truncated unplugged disconnected yanked severed
	formatted overwrote overwritten erased nuked bulk-deleted pulled powered switched turned
	shut cut posted pasted committed forwarded emailed leaked published exposed copied disabled
	silenced`)

// guardNouns protect something: switching one off is harm to what it
// protects ("turned off the fridge alarms", "disabled the interlock").
var guardNouns = wordSet(`alarm alarms alert alerts alerting protection protections safety interlock
	interlocks monitoring firewall backup backups failsafe fail-safe sensor sensors breaker
	breakers sprinkler sprinklers`)

// leftStates are the unsafe states a person may leave a thing in: "left
// the data feed disabled", "left the nozzle unattended".
var leftStates = wordSet(`disabled unattended unlocked unsecured unplugged disconnected unpatched
	unmonitored open off closed shut muted silenced bypassed`)

// harmedLive reports whether the action at i fell on something live or
// valuable ("the live bookings partition", "the core switch", "900
// approved listings", "admin credentials in a public channel") and the
// sentence gives no reason that made it the plan ("named in the ticket",
// "after review", "to stop the errors").
func (s *sentence) harmedLive(i int) bool {
	if s.is(i, "powered", "switched", "turned", "shut") && !s.is(i+1, "off", "down") {
		return false
	}
	if s.is(i, "cut") && !s.is(i+1, "through", "the") {
		return false
	}
	secret := false
	live := false
	guard := false
	for j := i + 1; j < len(s.toks) && j <= i+7 && !s.boundary(j); j++ {
		switch {
		case guardNouns[s.low(j)] && s.is(i, "disabled", "silenced", "switched", "turned", "shut", "powered"):
			live, guard = true, true
		case s.is(j, "live", "production", "prod", "healthy", "approved", "active", "core", "good", "whole", "entire", "real", "primary", "main"):
			live = true
		case s.is(j, "in") && s.is(j+1, "use"):
			live = true
		case s.toks[j].kind == tNum && j == i+1 && (len(s.toks[j].low) >= 3 || s.low(j+1) == "," || s.is(j+1, "k", "000")):
			live = true // "deleted 900 approved listings"
		case s.is(j, "credentials", "password", "passwords", "secret", "secrets", "token", "tokens", "keys", "list", "data", "export", "spreadsheet"):
			secret = true
		case secret && s.is(j, "public", "personal", "external", "unencrypted", "unsecured", "open"):
			live = true
		}
	}
	if s.is(i, "disabled", "silenced") && guard {
		// "silenced the flapping alert while she investigated": a
		// guard set aside for a while, for a reason
		for j := i + 1; j < len(s.toks); j++ {
			if s.is(j, "while", "temporarily", "during", "until") {
				return false
			}
		}
	}
	if !live || s.is(i, "disabled", "silenced") && !guard || s.is(i, "removed") && secret || s.is(i, "posted", "pasted", "committed", "forwarded", "emailed", "leaked", "published", "exposed", "copied") && !secret {
		return false
	}
	return !s.plannedAct()
}

// plannedAct reports whether the sentence gives a reason that made an act
// the plan: "named in the ticket", "after review", "to stop the errors".
func (s *sentence) plannedAct() bool {
	for j := range s.toks {
		if s.is(j, "ticket", "review", "reviewed", "plan", "planned", "procedure", "runbook", "per", "following", "mitigate", "contain",
			"intentionally", "deliberately", "agreed", "approval", "instructed", "requested", "because", "since", "template") || s.is(j, "to") && s.is(j+1, "stop", "protect", "prevent", "contain", "restore", "mitigate") {
			return true
		}
	}
	return false
}

// leftUnsafe returns the end of "left the data feed disabled" at i, a
// person leaving a thing in an unsafe state, or 0.
func (s *sentence) leftUnsafe(i int) int {
	if s.is(i, "leave") && (!s.finite(i) || s.f(i-1)&(fModal|fNeg|fDo|fPrep) != 0 || s.is(i-1, "to", "please", "on") || s.firstPerson(s.subjectOf(i)) || s.subjectOf(i).implicit) {
		return 0 // "we leave it running overnight by design", "please leave it open"
	}
	if !s.is(i, "left", "leaves", "leaving", "leave") || s.is(i+1, "the", "a") && s.is(i+2, "building", "company", "team", "office", "site", "room", "call", "bridge") {
		return 0
	}
	for j := i + 1; j < len(s.toks) && j <= i+6 && !s.boundary(j); j++ {
		if s.is(j, "in") && s.is(j+1, "manual", "maintenance", "bypass", "test") && j > i+1 {
			return j + 2
		}
		if leftStates[s.low(j)] && j > i+1 && s.f(j-1)&fDet == 0 && (!s.is(j, "open", "off", "closed", "shut") || s.nominal(j-1)) {
			if s.plannedAct() {
				return 0
			}
			return j + 1
		}
	}
	return 0
}

// harmEnd returns where the harmful action at i ends: its verb particle and
// object.
func (s *sentence) harmEnd(i int) int {
	end := i + 1
	for end < len(s.toks) && end <= i+6 && !s.boundary(end) && (s.nominal(end) || s.is(end, "the", "a", "an", "off", "down", "through", "our", "its", "their", "live", "production", "core")) {
		end++
	}
	return end
}

// passOnVerbs pass information on to customers.
var passOnVerbs = wordSet(`gave give gives giving told tell tells telling sent send sends sending read
	reading posted quoted quoting`)

// recipients are the people who get information from support.
var recipients = wordSet(`customers customer clients client users user patients callers shops
	players members riders passengers`)

// infoNouns are what support passes on.
var infoNouns = wordSet(`info information informations advice instructions instruction guidance
	workaround workarounds figures numbers data answer answers script update updates eta`)

// wrongInfo are what makes information a slip.
var wrongInfo = wordSet(`wrong incorrect inaccurate misleading false outdated erroneous bad`)

// misinformed flags people who passed wrong information on to customers,
// told as the cause of harm: "support agents giving customers incorrect
// workaround instructions", "cs gave customers wrong info", "told forty
// customers that the issue was resolved when it was not". Where support
// got the information is the question; the sentence stops at who said it.
func (s *sentence) misinformed() {
	for v := range s.toks {
		if !passOnVerbs[s.low(v)] {
			continue
		}
		end := 0
		k := v + 1
		for n := 0; n < 4 && k < len(s.toks) && (s.f(k)&fDet != 0 || s.toks[k].kind == tNum || s.is(k, "at", "least", "all", "many", "some", "several", "dozens", "hundreds", "of", "two", "three", "ten", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "thousands", "few")); n++ {
			k++
		}
		toWhom := recipients[s.low(k)]
		if toWhom {
			k++
		}
		switch {
		case wrongInfo[s.low(k)] && (infoNouns[s.low(k+1)] || infoNouns[s.low(k+2)]):
			end = k + 2 // "gave customers wrong info"
			if !infoNouns[s.low(k+1)] {
				end = k + 3
			}
		case toWhom && s.falseAssurance(k):
			end = k // "told forty customers that the issue was resolved when it was not"
		}
		if end == 0 {
			continue
		}
		n := s.agentOfVerb(v)
		if !n.ok() {
			n = s.openingActor(v)
		}
		if !s.personish(n) && !(n.ok() && (teamish(s.low(n.head)) || s.is(n.head, "support", "cs", "helpdesk", "success", "sales"))) || s.writer(n) {
			continue
		}
		s.add(idAccident, v, end,
			fmt.Sprintf("%q pins wrong information on the people who passed it on; it does not ask where their information came from", s.span(v, end)),
			fmt.Sprintf("Describe what %s had to go on: what the status page, the dashboard or the incident channel said at that moment, and how updates reached them.", s.who(n)))
	}
}

// falseAssurance reports whether what was said from k is an all-clear that
// the sentence denies: "that the issue was resolved when it was not", "it
// was fixed at 10:30. it was not fixed".
func (s *sentence) falseAssurance(k int) bool {
	said := false
	for j := k; j < len(s.toks) && j <= k+8; j++ {
		if s.is(j, "fixed", "resolved", "fine", "solved", "working", "restored", "over") {
			said = true
			break
		}
	}
	if !said {
		return false
	}
	for j := k; j+2 < len(s.toks); j++ {
		if s.is(j, "it", "which", "this", "that") && s.is(j+1, "was", "is", "wasn't") && (s.f(j+2)&fNeg != 0 || s.is(j+1, "wasn't")) {
			return true // "when it was not", "which was not true"
		}
	}
	return false
}

// jobLaunched reports whether the verb at v tells a change or a job set
// going with no one named: "recalculation job launched against live
// records", "config change applied to EU region", "the script was
// launched in the production region".
func (s *sentence) jobLaunched(v int) bool {
	if !s.is(v, "launched", "run", "ran", "applied", "executed", "started", "deployed", "pushed", "triggered", "kicked", "submitted") {
		return false
	}
	g := s.groupStart(v)
	n := s.npEndingAt(g - 1)
	if !n.ok() || !(changeNouns[s.low(n.head)] || s.is(n.head, "job", "jobs", "batch", "recalculation", "import", "export", "cleanup", "purge", "backfill", "task", "command")) {
		return false
	}
	if s.hasAny("because", "since", "due", "which", "as") || s.hasWithin(v+1, 3, "by") {
		return false // "ran against the wrong shard because the shard map had not been refreshed"
	}
	if s.passive(v) {
		return !s.agentOf(v).ok() // "was run by the scheduler": the agent is named and not a person
	}
	return g == v && (n.start == 0 || s.linePrefix(n.start)) && !s.is(n.start, "the", "a", "an", "this", "that", "our") && s.f(v+1)&(fDet|fPossessive) == 0
}

// systemEvents are what happens to a system: the event that explains a
// slip told of it.
var systemEvents = []string{"reset", "update", "updated", "expired", "expiry", "restart", "restarted", "reboot", "rebooted", "outage", "brownout", "drop", "dropped", "failover", "upgrade", "upgraded", "timed", "timeout", "crash", "crashed", "reload", "migration", "cutover", "sync", "resync", "power", "power-cut", "blackout"}

// systemEventAfter reports whether the words from k on explain the slip by
// what happened to a system, with no person in it: "Mill accidentally cut
// the job twice after queue lock expired", "Route planner accidentally sent
// the pickups to Northgate after postcode table update", "tripped in
// error: the reset timed out".
func (s *sentence) systemEventAfter(k int) bool {
	for j := k; j < len(s.toks) && j < k+8; j++ {
		if s.is(j, ":") && s.anyWithin(j+1, 8, systemEvents...) && !s.personAround(j+1, min(j+9, len(s.toks))) {
			return true
		}
		if s.is(j, "after", "when", "once") && s.anyWithin(j+1, 6, systemEvents...) && !s.personAround(j+1, min(j+7, len(s.toks))) && !s.anyWithin(j+1, 6, "he", "she", "they", "i", "we") {
			return true
		}
		if s.is(j, "after") && s.is(j+1, "its") {
			return true // "the logger accidentally stopped recording after its batteries were swapped": a machine
		}
	}
	// "…, because the lock was lost when the server restarted", "…; the
	// mail merge pulled the event ID from a re-sorted column": the slip
	// explained by what a thing did
	for j := k; j+2 < len(s.toks); j++ {
		if !s.is(j, "because", ";") || !s.is(j+1, "the", "a", "an", "its") {
			continue
		}
		n := s.npStartingAt(j + 1)
		if n.ok() && !s.person(n) && !s.personAround(j+1, min(j+8, len(s.toks))) && !s.anyWithin(j+1, 8, "he", "she", "they", "i", "we", "forgot", "didn't", "did", "not") {
			return true
		}
		break
	}
	return false
}

// entryVerbs key a value in: a value keyed wrong is a slip.
var entryVerbs = wordSet(`keyed entered typed set input inputted put programmed dialled dialed wrote
	recorded logged loaded scanned selected picked configured changed`)

// numberWithin reports whether a number is among the tokens from i up to j.
func (s *sentence) numberWithin(i, j int) bool {
	for k := max(i, 0); k < j && k < len(s.toks); k++ {
		if s.toks[k].kind == tNum {
			return true
		}
	}
	return false
}

// entryVerbBefore returns the verb that keyed the value before i, within
// its clause, or -1: numbers with commas and units lie between.
func (s *sentence) entryVerbBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if s.is(j, ";", ":", "and", "but", "which", "that", "because") {
			return -1
		}
		if entryVerbs[s.low(j)] {
			return j
		}
	}
	return -1
}

// chosenVerbs are acts that pick one way over another on purpose: "used the
// backup route instead of the primary", "waited for the vendor instead of
// the runbook".
var chosenVerbs = wordSet(`chose chosen decided opted preferred used went called paged asked
	escalated waited kept followed picked bought ordered booked hired sent scheduled planned built
	wrote added`)

// sameKindSwapped reports whether a past-tense act at v lands on one of two
// things of the same kind that "instead of" at i names by number: "opened
// hydrant 14 instead of 41", "dipped vat 2 instead of vat 1". Any act can
// land on the wrong one of two numbered things; acts chosen on purpose
// are left out.
func (s *sentence) sameKindSwapped(v, i int) bool {
	t := &s.toks[v]
	if t.kind != tWord || !pastForm(t) || chosenVerbs[t.low] || s.f(v)&(fBe|fHave|fDo) != 0 {
		return false
	}
	return s.numberWithin(v+1, i) && (s.toks[min(i+2, len(s.toks)-1)].kind == tNum || s.toks[min(i+3, len(s.toks)-1)].kind == tNum)
}

// ofAt returns where "instead of", "rather than" or "in place of" at i ends
// but one: the word before the thing not acted on, as "instead of" at i
// would put it (i+1 is "of" or "than").
func (s *sentence) ofAt(i int) int {
	if s.low(i) == "in" {
		return i + 1 // "in place of": "place" stands where "instead" would
	}
	return i
}

// possessedSlip returns the end of a person's act told with a slip
// adjective and a possessive at i, "the admin's accidental shutdown",
// "Priya's inadvertent deletion of the bucket", or 0.
func (s *sentence) possessedSlip(i int) int {
	if !s.is(i, "accidental", "inadvertent", "mistaken", "erroneous", "unintended", "unintentional") || !s.is(i-1, "'s") || !s.nominal(i+1) {
		return 0
	}
	n := s.npEndingAt(i - 2)
	if !s.person(n) || s.firstPerson(n) || s.negatedBefore(n.start, 3) {
		return 0
	}
	return i + 2
}
