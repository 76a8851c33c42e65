package lint

import (
	"fmt"
	"strings"
)

// blame.counterfactual: what a person should, could or would have done. A
// counterfactual describes a world that did not happen instead of the one
// that did; it also hides what made the actual path look right. "The failover
// controller should have promoted the replica" is about the system, and "We
// should have had a dashboard for queue depth, and now we have one" is a
// lesson told with its remedy: neither is flagged.
var counterfactualRule = &sentenceRule{
	info: RuleInfo{
		ID:          idCounterfactual,
		Category:    Blame,
		Severity:    Warning,
		Description: "A counterfactual about a person: X should have, could have, if X had … it would not have, had X checked, it would have been avoided had staff followed, any experienced engineer would have, X only needed to, all X had to do was; the same with the tenses loosened, as second-language writers put it (if the supervisor has read the procedure, the allergen was not going inside the product); second-language conditionals whose outcome is denied in the present or told without a negation (if the promoter team would check the tier, we don't have this problem; if the tester would follow the plan, the wrong connection was found). Also a second-language conditional whose outcome is told as \"this not happen\" or \"would have the correct …\". Also chat's shouldve without the apostrophe (piotr shouldve checked the route log). Also \"should had\" as second-language writers put the perfect (the shift leader should had stopped the line).",
		Example:     "Luis should have tested the migration in staging first.",
		Rewrite:     "Luis ran the migration in production directly; staging had no copy of the orders table, so a test there would not have shown the lock.",
	},
	group: gCounterfactual,
	check: checkCounterfactual,
}

func checkCounterfactual(s *sentence) {
	if s.question {
		return
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		switch t.low {
		case "should", "could", "ought", "might":
			s.modalPerfect(i)
		case "would":
			// "Any experienced engineer would have spotted it": a person
			// held to what anyone competent would have done; "if the early
			// shift would have informed the team", a conditional as
			// second-language writers put it
			if n := s.subjectOf(i); n.ok() && s.person(n) && (s.competentSubject(n) || s.is(n.start-1, "if") && !s.firstPerson(n)) || s.betterPersonBefore(i) {
				s.modalPerfect(i)
			}
		case "had":
			if s.low(i+1) == "to" {
				s.onlyNeeded(i)
				continue
			}
			s.conditionalHad(i)
		case "needed":
			if s.low(i+1) == "to" || s.low(i+1) == "was" && s.low(i+2) == "to" {
				s.onlyNeeded(i)
			}
		case "if":
			s.looseConditional(i)
		}
	}
}

// modalPerfect flags "X should have checked", "X could have caught".
func (s *sentence) modalPerfect(i int) {
	j := i + 1
	if s.low(i) == "ought" {
		if s.low(j) != "to" {
			return
		}
		j++
	}
	if s.f(j)&fNeg != 0 {
		j++
	}
	if s.low(j) != "have" && s.isAdverb(j) && s.f(j)&fNeg == 0 && s.low(j+1) == "have" {
		j++ // "I should really have called the branch"
	}
	// "The shift leader should had stopped the line", as second-language
	// writers put the perfect
	if s.low(j) != "have" && !(s.is(i, "should") && s.low(j) == "had" && j+1 < len(s.toks) && pastForm(&s.toks[j+1])) {
		return
	}
	k := j + 1
	for k < len(s.toks) && s.isAdverb(k) && s.f(k)&fNeg == 0 {
		k++
	}
	if k >= len(s.toks) || s.toks[k].kind != tWord || !pastForm(&s.toks[k]) && !s.prefixedPast(k) {
		return // "Support should have a direct escalation path"
	}
	vbn := s.low(k)
	if vbn == "known" && s.low(k+1) == "better" {
		return // blame.judgement or blame.self-blame
	}
	if vbn == "had" && s.low(k+1) != "to" {
		return // "we should have had a dashboard": a missing tool, a lesson
	}
	end := k + 1
	if vbn == "been" {
		nx := &s.toks[min(k+1, len(s.toks)-1)]
		switch {
		case k+1 >= len(s.toks):
			return
		case pastForm(nx) && nx.f&fDiligence == 0 && !isJudgeAdj(nx.low):
			return // a passive: "the change should have been reviewed"
		case s.is(k+1, "paged", "notified", "alerted", "told", "informed", "called", "woken", "warned", "consulted", "asked", "included", "involved", "contacted", "looped"):
			s.declinedBlame = true
			return // told of it: "I should have been paged earlier"
		case len(nx.low) > 4 && nx.low[len(nx.low)-3:] == "ing":
			end = k + 2 // "we should have been graphing"
		default:
			end = k + 2 // "she should have been more careful"
		}
	}
	if outcomes[vbn] && !s.is(i, "should", "ought") || vbn == "been" && s.is(k+1, "affected", "exposed", "charged", "billed", "hurt", "harmed", "logged", "locked") {
		return // "customers could have lost data" is a risk, not a judgement
	}
	if fw := s.firstWord(); s.is(fw, "if", "had") && s.firstPersonPlural(s.subjectOf(i)) {
		for k := fw + 1; k < i; k++ {
			if s.low(k) == "," {
				return // "Had the booking system flagged it, we could have offered …": the consequence, not an act
			}
		}
	}
	n := s.subjectOf(i)
	if s.low(i) == "would" && s.betterPersonBefore(i) {
		n = np{start: 0, head: i - 1, end: i, poss: -1} // the whole "a more experienced engineer"
	}
	if !s.person(n) || s.toldAsLesson(n, i) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients") {
		return
	}
	if s.is(n.head, "nobody", "noone") || s.seq(n.start, "no", "one") {
		s.declinedBlame = true
		return // "nobody could have spotted the bad sensor": no one to blame
	}
	who := s.who(n)
	s.add(idCounterfactual, n.start, end,
		fmt.Sprintf("%q describes a world that did not happen instead of the one that did", s.span(n.start, end)),
		fmt.Sprintf("Tell the events forward: what %s did, what %s knew at that moment, and what would have made the other path the easy one.", who, pronounFor(who)))
}

// outcomes are participles that say what could have happened to people, not
// what they could have done.
var outcomes = map[string]bool{
	"lost": true, "received": true, "experienced": true, "suffered": true, "gotten": true,
	"got": true, "died": true, "paid": true, "waited": true,
}

func isJudgeAdj(w string) bool { _, ok := judgeWords[w]; return ok || w == "careful" || w == "more" }

// conditionalHad flags "if X had checked …" and "had X checked …".
func (s *sentence) conditionalHad(i int) {
	var n np
	var verb int
	switch {
	case s.clauseStart(i) && s.f(i+1) != 0 || s.clauseStart(i) && s.toks[min(i+1, len(s.toks)-1)].cap,
		s.clauseStart(i) && i > 0 && s.nominal(i+1) && s.toks[min(i+1, len(s.toks)-1)].kind == tWord,
		i == 0 && s.nominal(1) && s.toks[min(1, len(s.toks)-1)].kind == tWord,
		i > 0 && s.toks[i-1].kind == tWord && (pastForm(&s.toks[i-1]) || s.is(i-1, "avoidable", "preventable", "avertable")) && s.f(i+1)&(fDet|fPossessive|fPron|fRole|fName) != 0 && s.f(i+1)&fThing == 0,
		s.is(i+1, "he", "she", "they", "we", "i", "you") && s.toks[min(i+2, len(s.toks)-1)].kind == tWord && pastForm(&s.toks[min(i+2, len(s.toks)-1)]):
		// "Had Elena checked the plan, …", "the outage would have been
		// avoided had staff followed the controls", "entirely avoidable had
		// the DBA followed the procedure"
		n = s.npStartingAt(i + 1)
		if !n.ok() {
			return
		}
		verb = s.skipPP(n.end)
	default:
		n = s.subjectOf(i)
		if !n.ok() || !(s.is(n.start-1, "if") || s.is(n.start-2, "if") && s.is(n.start-1, "only")) {
			return
		}
		verb = i + 1
	}
	for verb < len(s.toks) && (s.f(verb)&fNeg != 0 || s.isAdverb(verb)) {
		verb++
	}
	if verb >= len(s.toks) || s.toks[verb].kind != tWord || !pastForm(&s.toks[verb]) && s.low(verb) != "read" {
		return // "read" is spelt the same in the past
	}
	if !s.person(n) && s.low(verb) == "been" && verb+2 < len(s.toks) && pastForm(&s.toks[verb+1]) && s.low(verb+2) == "by" {
		// "Had the inventory records been verified by the provisioning
		// team, …": the passive's agent is the person
		if a := s.npStartingAt(verb + 3); s.person(a) && !s.firstPerson(a) {
			n = a
			verb = a.end - 1
		}
	}
	if !s.person(n) {
		return
	}
	if s.firstPersonPlural(n) {
		return // "If we had held a standby van on contract, …": a plan the team weighs, its own
	}
	if s.low(verb) == "been" && verb+1 < len(s.toks) && pastForm(&s.toks[verb+1]) && !s.anyWithin(verb+2, 4, "by") {
		return // "Had a second translator been registered, …": who was there, not what anyone did
	}
	if s.anyWithin(verb+1, 4, "its") && !s.anyWithin(verb+1, 4, "his", "her", "their") && !teamish(s.low(n.head)) && !departmentWords[s.low(n.head)] && !s.is(n.head, "desk", "shift", "crew", "company", "contractor", "vendor", "supplier") {
		return // "If the grip tester had stored its raw readings": a machine
	}
	from := min(n.start, i)
	if s.is(from-1, "if") {
		from--
	}
	end := verb + 1
	if s.low(verb) == "been" && end < len(s.toks) {
		end++
	}
	who := s.who(n)
	s.add(idCounterfactual, from, end,
		fmt.Sprintf("%q imagines what %s might have done instead of explaining what %s did", s.span(from, end), who, pronounFor(who)),
		fmt.Sprintf("Tell the timeline forward: what %s saw and knew at that moment, and what made the other action look less obvious than it does now.", who))
}

// looseConditional flags the counterfactual as second-language writers
// often put it, with the tenses loosened: "If the supervisor has read the
// procedure, the allergen was not going inside the product", "If the
// call-taker would ask the address two times, the car would not go to the
// wrong street". A person acts in the condition; the outcome after the
// comma is denied.
func (s *sentence) looseConditional(i int) {
	n := s.personStartingAt(i + 1)
	if !s.person(n) || n.poss >= 0 && s.f(n.poss)&fFirstPl == 0 || s.firstPerson(n) || outsiders[s.low(n.head)] || s.is(n.head, "client", "clients") {
		return // "our pharmacists" are the team's people; customers are not responders
	}
	v := n.end
	if v+1 >= len(s.toks) || s.toks[v+1].kind != tWord || s.f(v+1)&fNeg != 0 {
		return
	}
	next := &s.toks[v+1]
	switch {
	case s.is(v, "has", "have") && pastForm(next):
		// "has read the procedure"; not "has a VPN"
	case s.is(v, "would", "will") && s.f(v+1)&fVerb != 0:
	case s.is(v, "was", "were") && (strings.HasSuffix(next.low, "ing") || s.is(v+1, "more", "less")) && !s.is(v+1, "being"):
		// "was checking the monitoring", "was more attentive"; not "were
		// one of the teams", nor "was paged"
	case s.f(v)&(fBe|fHave|fModal|fDo|fNeg) == 0 && s.toks[v].kind == tWord && (pastForm(&s.toks[v]) || s.f(v)&fVerb != 0) && s.hasWithin(v+1, 8, "as") && s.anyWithin(v+1, 10, "trained", "told", "supposed", "required", "instructed"):
		// "If our pharmacists read the allergy banner as they are trained
		// to, …": the act held to what they were trained to do
	default:
		return
	}
	comma := -1
	for k := v + 2; k < len(s.toks) && k <= v+14; k++ {
		if s.low(k) == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		return
	}
	for k := comma + 1; k < len(s.toks) && k <= comma+8; k++ {
		// "we don't have this problem", as second-language writers put
		// the outcome denied
		// "he know the probe must be calibrated", "the wrong connection
		// was found", "the syringe would be labelled correctly": the
		// outcome that did not come, told without a negation
		missed := s.is(k, "would") && s.is(k+1, "be") && s.anyWithin(k+2, 4, "correctly", "right", "properly", "found", "caught", "avoided", "prevented") ||
			s.is(k, "was", "were") && s.is(k+1, "found", "caught", "avoided", "prevented", "spotted", "detected") ||
			s.is(k, "know", "knows", "see", "notice", "catch") && s.f(k-1)&fPron != 0 && s.is(v, "would") ||
			// "this not happen", "the students would have the correct paper"
			s.is(k, "this", "it", "that") && s.is(k+1, "not", "never") && s.is(k+2, "happen", "happens", "happened") ||
			s.is(k, "would") && s.is(k+1, "have", "get", "receive") && s.anyWithin(k+2, 2, "correct", "right", "proper")
		dont := missed || s.is(k, "do", "does") && s.f(k+1)&fNeg != 0 && s.f(k-1)&(fPron|fThing) != 0 && !s.is(k+2, "matter", "need", "know", "care", "mind") && !outsiders[s.low(n.head)] && !s.is(n.head, "client", "clients")
		if dont || s.is(k, "would", "was", "were", "will", "could") && (s.f(k+1)&fNeg != 0 || s.is(k, "could") && s.is(k+1, "see", "catch", "avoid", "prevent", "stop", "fix", "notice", "save")) {
			who := s.who(n)
			s.add(idCounterfactual, i, v+2,
				fmt.Sprintf("%q imagines what %s might have done instead of explaining what %s did", s.span(i, v+2), who, pronounFor(who)),
				fmt.Sprintf("Tell the timeline forward: what %s saw and knew at that moment, and what made the other action look less obvious than it does now.", who))
			return
		}
	}
}

// onlyNeeded flags "X only needed to …" and "all X had to do was …".
func (s *sentence) onlyNeeded(i int) {
	n := s.subjectOf(i)
	if !s.person(n) {
		return
	}
	g := s.groupStart(i)
	only := false
	for k := g; k < i; k++ {
		if s.is(k, "only", "just", "simply") {
			only = true
		}
	}
	all := (s.low(n.start) == "all" || s.low(n.start-1) == "all") && (s.low(i+2) == "do" || s.low(i+1) == "was")
	if !only && !all {
		return
	}
	end := min(i+3, len(s.toks))
	if all && s.low(i+3) == "was" {
		end = i + 4
	}
	who := s.who(n)
	from := n.start
	if s.low(from-1) == "all" {
		from--
	}
	s.add(idCounterfactual, from, end,
		fmt.Sprintf("%q makes the right action look obvious; it was not obvious at the time, or it would have been taken", s.span(from, end)),
		fmt.Sprintf("Describe what %s saw at that moment and what made the needed step hard to see or to take.", who))
}

// clauseStart reports whether token i opens a clause.
func (s *sentence) clauseStart(i int) bool {
	return i == 0 || s.boundary(i-1) || s.f(i-1)&(fConj|fSub) != 0
}

// skipPP skips prepositional phrases from i: "anyone on the rotation glanced".
func (s *sentence) skipPP(i int) int {
	for i < len(s.toks) && s.f(i)&fPrep != 0 && isAttaching(s.low(i)) {
		n := s.npStartingAt(i + 1)
		if !n.ok() {
			return i
		}
		i = n.end
	}
	return i
}

// toldAsLesson reports whether "we should have …" is told as a lesson: in a
// Lessons or Action items section, or with its remedy in the same sentence
// ("…; the panel went live last week", "…, and now we have one").
func (s *sentence) toldAsLesson(n np, i int) bool {
	if s.toks[n.head].f&fFirstPl == 0 && !(s.low(n.head) == "team" && s.f(n.start)&fFirstPl != 0) {
		return false
	}
	if s.lesson {
		return true
	}
	for k := 0; k < i; k++ {
		if s.is(k, "if") && s.clauseStart(k) {
			// "If our pass planner had surfaced the conflict, we could
			// have re-routed the downlink": what a tool or a process
			// would have let the team do is a lesson about the tool.
			if c := s.npStartingAt(k + 1); c.ok() && !s.person(c) && s.toks[c.head].f&(fFirstPl|fFirstSg) == 0 {
				return true
			}
			break
		}
	}
	later := false
	for j := i + 1; j < len(s.toks); j++ {
		if s.boundary(j) || s.f(j)&fConj != 0 {
			later = true
			continue
		}
		if later && s.f(j)&fRemedy != 0 {
			return true
		}
	}
	return false
}

func pronounFor(who string) string {
	switch who {
	case "you":
		return "you"
	case "he":
		return "he"
	case "she":
		return "she"
	case "the team", "the people involved":
		return "they"
	}
	return "they"
}

// competentSubject reports whether a phrase stands for any competent person
// rather than someone who was there: "any experienced engineer", "a careful
// operator", "anyone".
func (s *sentence) competentSubject(n np) bool {
	if s.is(n.head, "anyone", "anybody") {
		return true
	}
	if !s.is(n.start, "any", "every", "a", "an") {
		return false
	}
	for j := n.start + 1; j < n.head; j++ {
		if s.is(j, "experienced", "competent", "careful", "good", "seasoned", "senior", "reasonable", "attentive", "trained", "qualified", "decent", "diligent") {
			return true
		}
	}
	return s.is(n.start, "any", "every")
}

// betterPersonBefore reports whether the sentence opens, right before the
// modal at i, with a better person than the one who acted: "A more
// experienced engineer would have spotted the missing header".
func (s *sentence) betterPersonBefore(i int) bool {
	if i < 3 || !s.is(0, "a", "an", "any") || s.f(i-1)&fRole == 0 {
		return false
	}
	better := false
	for j := 1; j < i-1; j++ {
		switch {
		case s.is(j, "more", "better", "properly", "fully", "suitably", "adequately"):
		case s.is(j, "experienced", "competent", "careful", "seasoned", "senior", "attentive", "trained", "qualified", "diligent", "alert", "rested", "skilled"):
			better = true
		case better && s.f(j)&fRole != 0:
			// "a more seasoned team lead"
		default:
			return false
		}
	}
	return better
}

// prefixedPast reports whether the word at k is a past participle behind a
// hyphenated prefix: "re-read", "double-checked", "cross-checked".
func (s *sentence) prefixedPast(k int) bool {
	w := s.low(k)
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	rest := w[i+1:]
	return s.lex[rest]&fPastPart != 0 || strings.HasSuffix(rest, "ed") && len(rest) > 3 || rest == "read" || rest == "run"
}
