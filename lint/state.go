package lint

import (
	"fmt"
	"strings"
)

// blame.person-state: a person's state or fitness named as the cause. "Rahul
// was too tired to spot the broken version" and "the responder was not
// trained enough" explain the action by the person; the conditions that
// wore them down or put them at the keyboard (a 19-hour shift, a rota with
// no second responder, training that never covered the tool) are what a
// review can change.
var stateRule = &sentenceRule{
	info: RuleInfo{
		ID:          idPersonState,
		Category:    Blame,
		Severity:    Warning,
		Description: "A person's state or fitness named as the cause: tired, fatigued, rushed, distracted, panicked, overwhelmed, unresponsive, overconfident, slept through the pages, not attentive, not vigilant, not trained, not qualified, lacked the experience, new to the role, doesn't know our failover, don't know how to roll back; also a short tenure or a worn state told beside what the person did (technician, two weeks in role, unplugged the gateway; handled unaided by an engineer three weeks into role; a developer who joined only last week; after eighteen hours awake); on shift for 19 hours; more tenure and wear beside an act (six weeks on the team, two week in the company, still in his first month, our newest hire merged, ten years here and still can't, at the end of a double shift, leaving for holiday at 17:00, on shift since 6am yesterday, recently promoted, second week on shift, the trainee alone, in the company since only two weeks, here longer than the system and still, after four night shifts, fresh out of onboarding); what else the person was doing (after he finished his film, working from a café, a train to catch, busy with her personal things, went straight offline); busy with something else while it happened, occupied with a visit, juggling three projects, on the phone when the chair hit, one eye on the screen, muted on a call the whole time; new to the team, a new tech who didn't know, days into role, a state between commas or clipped (Mechanic, visibly panicked, hit …; Bed manager distracted by calls; alarm unanswered); other work at the same moment (on three calls at once, also handling the audit, approved during a phone call, while on the train, signed the load sheet unread); overslept; on the phone or the radio beside a slip (was on the phone with his girlfriend when the final happened, so the broadcast missed it; speaking on radio with depot and he pass the signal), talking with friends, a smoke break, in the cinema, had his phone out, too busy chatting to notice, absent from the console, walked away from the oven, left the post, absorbed in a complaint; a clipped state after a semicolon (Tram ran the red light; driver distracted by a passenger; supervisor asleep when the alarm sounded). Also tenure told as only … weeks (only his second week so of course he didn't know, he is only two weeks here, is only since Monday). Also a clipped state after a long shift (porter exhausted after 16-hour shift; dropped the tray), a clipped not qualified on (forklift driver not qualified on the reach truck was moving pallets) and only weeks in (our booking clerk, only three weeks in, cancelled the wrong tour). Also hours into a shift told beside a slip (dispatcher in fourteenth consecutive hour; fatigue noted as a factor in the lapse), sleep counted in hours (had slept under four hours) and only in her second week. Also a credential missing for the work (lacked current confined-space ticket), hours awake in words (awake for more than twenty hours), and wear shown in slow reactions. Also nights worked straight beside a worn state. Also in no condition to work (was in no condition to supervise the lift). Also a person who wandered off from their post (pump house op wandered off to the groomer shed) or was freaking out (desk staff freaking out and waving everyone through); not animals that wandered off, nor customers freaking out; not tiredness called a problem for the planning, not for the people. Also a state that opens the sentence as the reason for what a person did (because of tiredness the operator was not seeing the alarm); not fatigue from the rota, which names its source. Not fatigue told as the outcome of the roster or staffing the writers own (a predictable outcome of our current roster).",
		Example:     "Rahul was too tired to spot that the rollback target was the broken version.",
		Rewrite:     "Rahul had been on shift for 19 hours; the rollback form listed versions by build number only, and the broken build sat at the top.",
	},
	group: gState,
	check: checkState,
}

// stateWords describe a person's state on their own: "was tired".
var stateWords = wordSet(`tired exhausted fatigued sleepy drowsy half-asleep asleep sleep-deprived
	distracted overwhelmed panicked panicking panicky rushed rushing hurried hurrying
	stressed flustered frazzled overconfident over-confident unprepared unready untrained
	underqualified under-qualified unfamiliar ill-prepared ill-equipped unfit incapable
	overworked burned-out burnt-out hasty careless inattentive complacent inexperienced
	unqualified incompetent unsupervised sleeping tiring hurry rush panic jet-lagged jetlagged
	hungover worn-out stressed-out afk uncontactable unresponsive drunk intoxicated tipsy absorbed`)

// fitnessWords describe fitness and flag when negated: "was not trained
// enough", "weren't ready".
var fitnessWords = wordSet(`ready prepared qualified trained experienced competent familiar fit
	capable equipped aware skilled certified authorised authorized cleared formed reachable contactable
	attentive careful vigilant diligent focused`)

// stateNouns name a state: "the administrator's haste", "operator
// fatigue".
var stateNouns = wordSet(`fatigue exhaustion tiredness inexperience haste panic inattention
	distraction hurry overconfidence complacency carelessness confusion misjudgement misjudgment
	misunderstanding misreading`)

// copulas link a subject to its state.
var copulas = wordSet(`is was were are be been being became become becomes got get gets getting
	felt feel feels seemed seems appeared appears remained remains looked grew 's 're caught found
	left arrived arrives came`)

// softeners may stand between the copula and the state: "was clearly
// overwhelmed", "were not sufficiently trained".
var softeners = wordSet(`half too so very clearly visibly plainly simply obviously extremely completely
	somewhat overly quite really still already also just then pretty totally utterly a bit little
	not never yet sufficiently adequately properly fully insufficiently inadequately poorly
	badly well enough`)

func checkState(s *sentence) {
	if s.question || s.forward {
		return
	}
	s.tenureOrWear()
	s.distracted()
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		var n np
		switch {
		case s.is(i, "rushed", "hurried") && s.finite(i) && s.nominal(i+1) && !s.passive(i):
			// "Technician rushed the PDU swap"
			n = s.subjectOf(i)
			from, end = n.start, i+1
		case s.is(i, "panicked", "panics", "froze", "freezes") && s.finite(i) && !s.nominal(i+1) && s.personish(s.subjectOf(i)):
			// "Diego panicked when the error rate spiked"
			n = s.subjectOf(i)
			from, end = n.start, i+1
		case s.seq(i, "in", "no", "condition", "to") || s.seq(i, "in", "no", "state", "to") || s.seq(i, "in", "no", "fit", "state"):
			// "the depot foreman had come in with a fever and was in no
			// condition to supervise the lift"
			g := i - 1
			if s.f(g)&fBe == 0 {
				continue
			}
			n = s.subjectOf(g)
			if !s.personish(n) || s.firstPerson(n) {
				continue
			}
			from, end = n.start, i+4
		case s.is(i, "overslept", "oversleeps") && s.personish(s.subjectOf(i)):
			// "Patrol lead overslept", "the keyholder overslept again"
			n = s.subjectOf(i)
			from, end = n.start, i+1
		case s.is(i, "burned", "burnt", "worn", "stressed") && s.is(i+1, "out") && copulas[s.low(i-1)]:
			// "was burnt out", "were worn out"
			n = s.subjectOf(i - 1)
			from, end = n.start, i+2
		case s.is(i, "slept", "sleeps", "sleeping") && s.is(i+1, "through"), s.is(i, "fell", "falls") && s.is(i+1, "asleep"), s.is(i, "dozed", "nodded") && s.is(i+1, "off"):
			n = s.subjectOf(i)
			from, end = n.start, i+2
		case s.is(i, "lacked", "lacks", "lacking", "lack") && s.finite(i) && s.competence(i+1) > 0:
			// "The first responder lacked the experience to …"
			n = s.subjectOf(i)
			from, end = n.start, s.competence(i+1)
		case s.is(i, "working", "acting", "operating") && (stateWords[s.low(i+1)] || s.seq(i+1, "in", "a", "hurry") || s.seq(i+1, "in", "haste") || s.seq(i+1, "under", "pressure")) && s.low(i-1) == ",":
			// "Network admin, working tired at the end of a 16 h shift,
			// removed the live VLAN"
			n = s.npEndingAt(i - 2)
			from, end = n.start, i+2
			if s.is(i+1, "in", "under") {
				end = i + 3
				if s.is(i+2, "a") {
					end = i + 4
				}
			}
		case s.is(i, "trained", "shown", "taught") && s.is(i-1, "been") && s.negatedBefore(i-1, 3):
			// "had never been shown the failover procedure"
			n = s.subjectOf(i)
			from, end = n.start, i+1
		case stateWords[t.low] || fitnessWords[t.low] || t.low == "new" && s.is(i+1, "to", "in", "on") && s.is(i+3, "role", "team", "job", "system", "rotation", "rota", "company", "codebase", "service", "position"):
			// "was too tired", "were not trained enough", "was new to the role"
			if fitnessWords[t.low] && !s.unfit(i) || stateWords[t.low] && s.negatedState(i) {
				continue
			}
			if t.low == "new" && s.hasAny("onboarding", "documentation", "undocumented", "explain", "explains", "mentor", "buddy") {
				continue // "he is new in the company and our onboarding does not explain …"
			}
			n, from = s.stateSubject(i)
			if !n.ok() {
				// "Tired after a double shift, the operator …", "a tired
				// operator"
				n, from = s.stateAttached(i)
			}
			if !n.ok() && fitnessWords[t.low] && s.is(i-1, "not") && i >= 2 && s.toks[i-2].f&(fRole|fName) != 0 && s.is(i+1, "on", "for", "in", "to") {
				// "Stagehand not qualified on counterweight system was
				// operating fly rail": a summary's clipped state
				if m := s.npEndingAt(i - 2); s.personish(m) && (m.start == 0 || s.linePrefix(m.start) || s.is(m.start-1, ";")) {
					n, from = m, m.start
				}
			}
			end = i + 1
			if t.low == "new" {
				end = i + 4
			}
		case t.is("hour", "hr") && (ordinalWords[s.low(i-1)] || s.is(i-1, "consecutive") && ordinalWords[s.low(i-2)]) && (s.slipAfter(i) || s.anyWithin(i, 20, "misread", "misjudged", "lapse", "error", "mistake", "dropped", "keyed")):
			// "Depot controller, on fourteenth hour of shift, misread bay
			// board", "pharmacist in twelfth consecutive hour; fatigue noted
			// as factor in lapse"
			n = s.npStartingAt(s.firstWord())
			from, end = s.firstWord(), i+1
		case t.is("slept") && s.is(i+1, "under", "less", "only", "barely", "just") && s.anyWithin(i+2, 3, "hours", "hrs", "hour"):
			// "Pilot had slept under five hours before the briefing"
			n = s.subjectOf(i)
			from, end = n.start, min(i+4, len(s.toks))
		case t.low == "training" && s.is(i-1, "insufficient", "inadequate", "poor", "no", "little", "missing") && s.is(i+1, "of", "for", "among"):
			// "insufficient training of the operators"
			n = s.npStartingAt(i + 2)
			from, end = i-1, n.end
		case t.low == "training" && s.trainingMissing(i):
			// "had not completed the required training"
			n = s.subjectOf(s.completionBefore(i))
			from, end = n.start, i+1
		case stateNouns[t.low]:
			n, from = s.stateOwner(i)
			end = i + 1
			if s.is(i+1, "among", "of", "in") {
				n = s.npStartingAt(i + 2)
				from, end = i, n.end
			}
		case s.is(i, "know", "knows", "knowing") && s.f(i-1)&fNeg != 0 && s.knowledgeObject(i+1):
			// "the new sre clearly doesn't know our failover yet", "he
			// don't know how to make rollback", "are not knowing the
			// system"; not "we did not know that the disk was full"
			k := i - 1
			for k > 0 && s.f(k-1)&(fDo|fBe) != 0 {
				k--
			}
			n = s.subjectOf(k)
			if !n.ok() || s.writer(n) || s.is(n.head, "nobody", "noone", "one") {
				break
			}
			from, end = k, i+2
		case t.low == "access" && s.accessDenied(i) >= 0:
			// "who should not have had production access"
			n = s.subjectOf(s.accessDenied(i))
			from, end = n.start, i+1
		}
		if end == 0 || !s.personish(n) || s.firstPersonPlural(n) && (t.low == "new" || t.low == "aware") || s.reliefAfter(end) {
			continue // "we are not aware of any reporting obligation" is no state
		}
		if n.ok() && s.is(n.head, "kernel", "kernels", "node", "nodes", "host", "hosts", "process", "processes", "pod", "pods", "container", "containers", "vm", "vms", "server", "servers", "runtime", "jvm", "app", "service", "daemon", "firmware") {
			continue // "kernel panicked on 3 of the 12 nodes"
		}
		if from < 0 || from > i {
			from = min(i, max(n.start, 0))
		}
		who := s.who(n)
		s.add(idPersonState, from, end,
			fmt.Sprintf("%q names a person's state or fitness as the cause; it explains the act by the person instead of by the conditions around them", s.span(from, end)),
			fmt.Sprintf("Describe the conditions instead: how long %s had been on shift, how many pages came in, what training and support the rota gave, and why this was the person at the keyboard.", who))
		i = end - 1
	}
}

// stateSubject returns the subject a state word at i is said of, through a
// copula: "Rahul was too tired", "Certain members of the team were not
// sufficiently trained", "the on-call, who was rushing".
func (s *sentence) stateSubject(i int) (np, int) {
	j := i - 1
	if s.is(i, "hurry", "rush", "panic") && s.is(j, "a") && s.is(j-1, "in") {
		j -= 2 // "was in a hurry"
	}
	for j >= 0 && (softeners[s.low(j)] || s.f(j)&fNeg != 0) {
		j--
	}
	if j < 0 || !copulas[s.low(j)] {
		return noNP, -1
	}
	n := s.subjectOf(j)
	return n, n.start
}

// stateAttached returns the person a state word at i describes directly: "a
// tired operator", "Panicked operator pulled the power", "Tired after a
// double shift, the operator confirmed …", "Trainee engineer, unsupervised,
// applied an ACL".
func (s *sentence) stateAttached(i int) (np, int) {
	if !stateWords[s.low(i)] {
		return noNP, -1
	}
	// Before a person's noun: "a tired operator", "an untrained temp".
	for j := i + 1; j < len(s.toks) && j <= i+3 && s.nominal(j); j++ {
		if t := &s.toks[j]; t.kind == tWord && t.f&(fRole|fName) != 0 && t.f&fPron == 0 {
			// The person must act: "Panicked operator pulled the power",
			// not a factor's title such as "A tired team (capacity)".
			if m := (np{start: j, head: j, end: j + 1, poss: -1}); s.personish(m) && s.actsAfter(j+1) {
				return m, i
			}
		}
	}
	if m := s.npEndingAt(i); m.ok() && m.head != i && s.personish(m) && m.head > i {
		return m, m.start
	}
	// A fronted phrase: "Tired after a double shift, the operator".
	if s.lineStart(i) || s.boundary(i-1) {
		for j := i + 1; j < len(s.toks) && j < i+10; j++ {
			if s.low(j) == "," {
				if m := s.npStartingAt(j + 1); s.personish(m) {
					return m, i
				}
				break
			}
		}
	}
	// Between commas after a person: "Trainee engineer, unsupervised,",
	// "Mechanic, visibly panicked,", "technician, distracted by phone
	// call,".
	c := i - 1
	for c >= 0 && softeners[s.low(c)] {
		c--
	}
	if s.low(c) == "," && (s.low(i+1) == "," || s.is(i+1, "by", "with") && s.anyWithin(i+2, 5, ",") && s.actsAfterComma(i+2)) {
		if m := s.npEndingAt(c - 1); s.personish(m) {
			return m, m.start
		}
	}
	// A person's state told in a summary's clipped style: "Bed manager
	// distracted by concurrent transfer calls; sepsis alert
	// unacknowledged".
	if (s.is(i+1, "by", "with") || s.is(i+1, "when", "during", "at", "through") && s.is(i, "asleep", "sleeping", "drunk", "intoxicated", "hungover", "afk") ||
		s.is(i+1, "after") && s.anyWithin(i+2, 4, "shift", "shifts", "hours", "hour", "hrs", "nights", "double")) && i >= 1 && s.toks[i-1].f&(fRole|fName) != 0 && s.toks[i-1].f&fPron == 0 {
		// also after a semicolon: "Train 207 passed signal at danger;
		// driver distracted by radio call", "…; vineyard supervisor asleep
		// when temperature alarm sounded"
		if m := s.npEndingAt(i - 1); s.personish(m) && (m.start == 0 || s.linePrefix(m.start) || s.is(m.start-1, ";")) {
			return m, m.start
		}
	}
	return noNP, -1
}

// multitasking flags the other work a person was doing when they acted,
// told as the explanation: "Agent, handling four turns at once, signed
// load sheet unread", "@lerato was on three calls at once when she cleared
// that fraud alert", "was also juggling two turnarounds when he signed
// off", "approved the dock schedule overwrite during a phone call with the
// carrier", "clicked approve all while on the train".
func (s *sentence) multitasking() bool {
	if s.lesson || s.hasAny("found", "fixed", "restored", "caught", "spotted", "saved", "resolved", "recovered", "prevented", "helped", "so") {
		return false
	}
	acted := s.anyWithin(0, len(s.toks), "approved", "signed", "cleared", "clicked", "merged", "accepted", "released", "opened", "deleted", "ran", "pushed", "deployed")
	for i := range s.toks {
		end := 0
		switch {
		case s.seq(i, "at", "once") && (s.countWord(i-2) || s.countWord(i-3)) && s.anyWithin(max(i-4, 0), 4, "calls", "turns", "tickets", "chats", "queues", "screens", "tasks", "projects", "turnarounds", "flights", "patients") && (acted || s.anyWithin(i+2, 3, "when", "while")) && !s.anyWithin(0, len(s.toks), "handled", "managed", "both"):
			end = i + 2 // "on three calls at once"
		case s.is(i, "also") && s.is(i+1, "handling", "juggling", "covering", "running", "managing") && acted:
			end = i + 2 // "Payroll specialist, also handling year-end audit, approved …"
		case s.is(i, "during") && (s.seq(i+1, "a", "phone", "call") || s.seq(i+1, "phone", "call") || s.seq(i+1, "the", "all-hands") || s.is(i+1, "a", "the", "his", "her", "their") && s.is(i+2, "all-hands", "lunch", "commute", "holiday", "vacation")) && acted:
			end = i + 3 // "approved dock schedule overwrite during phone call with carrier"
		case s.is(i, "while") && s.is(i+1, "on") && s.is(i+2, "the", "a") && s.is(i+3, "train", "bus", "plane", "phone", "beach") && acted:
			end = i + 4 // "clicked \"approve all\" on 600 exceptions while on the train"
		case s.is(i, "unread") && s.anyWithin(max(i-6, 0), 6, "approved", "signed", "merged", "accepted", "countersigned"):
			end = i + 1 // "signed load sheet unread"
		}
		if end == 0 {
			continue
		}
		if !s.personAround(0, len(s.toks)) && !s.handleAround() && !s.hasAny("i") {
			return false
		}
		s.otherWork(max(i-2, 0), end, "Say how much work the role held at that moment, who could have taken part of it, and what the step itself showed the person.")
		return true
	}
	return false
}

// otherWork adds the finding of what else a person was doing.
func (s *sentence) otherWork(from, end int, rewrite string) {
	s.add(idPersonState, from, end,
		fmt.Sprintf("%q tells what else a person was doing, as if it were the cause; it grades their care instead of saying what the work asked of them", s.span(from, end)),
		rewrite)
}

// actsAfterComma reports whether the comma from i on is followed by what
// the person did: "distracted by phone call, swapped address labels".
func (s *sentence) actsAfterComma(i int) bool {
	for k := i; k < len(s.toks) && k < i+5; k++ {
		if s.low(k) == "," {
			return k+1 < len(s.toks) && s.toks[k+1].kind == tWord && (pastForm(&s.toks[k+1]) || s.f(k+1)&fVerb != 0)
		}
	}
	return false
}

// unfit reports whether a fitness word at i is denied: "not trained
// enough", "insufficiently experienced", "weren't ready", "not yet
// qualified".
func (s *sentence) unfit(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if s.f(j)&fNeg != 0 || s.is(j, "insufficiently", "inadequately", "poorly", "badly", "under") {
			return true
		}
		if !softeners[s.low(j)] {
			break
		}
	}
	return false
}

// negatedState reports whether a state word at i is denied: "was not
// tired", "It was not a rushed change".
func (s *sentence) negatedState(i int) bool {
	if s.nobodyWas(i) {
		return true // "nobody was careless"
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if s.f(j)&fNeg != 0 {
			return true
		}
		if !softeners[s.low(j)] && s.f(j)&fDet == 0 {
			break
		}
	}
	return false
}

// competence returns the end of a competence noun phrase at i ("the
// experience", "the training", "the skills"), or 0.
func (s *sentence) competence(i int) int {
	if s.is(i, "the", "any", "enough", "sufficient", "adequate", "proper", "necessary", "required", "basic") {
		i++
	}
	if s.is(i, "experience", "training", "knowledge", "skills", "skill", "expertise", "competence",
		"familiarity", "confidence", "qualifications", "qualification", "seniority", "background") {
		return i + 1
	}
	// A credential for the work: "lacked current confined-space ticket",
	// "lacks a valid HV authorisation".
	if s.is(i, "a", "an") {
		i++
	}
	for j := i; j < len(s.toks) && j < i+3; j++ {
		if s.is(j, "ticket", "tickets", "certificate", "certificates", "certification", "licence", "license", "authorisation", "authorization", "clearance", "accreditation", "sign-off", "induction") {
			return j + 1
		}
		if s.toks[j].kind != tWord || s.f(j)&(fDet|fPrep|fVerb|fConj|fPron) != 0 && !s.is(j, "current", "valid", "required") {
			return 0
		}
	}
	return 0
}

// trainingMissing reports whether "training" at i is training a person did
// not have: "had not completed the required training", "never received any
// training".
func (s *sentence) trainingMissing(i int) bool {
	v := s.completionBefore(i)
	return v >= 0 && (s.negatedBefore(v, 3) || s.is(v-1, "never"))
}

// completionBefore returns the index of a verb of completing a course in
// the few words before i ("had not completed the required training"), or -1.
func (s *sentence) completionBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-6 && !s.boundary(j); j-- {
		if s.is(j, "completed", "received", "attended", "done", "had", "undergone", "taken", "finished") {
			return j
		}
	}
	return -1
}

// stateOwner returns whose state a state noun at i is: "the administrator's
// haste", "his panic", "operator fatigue". Alert fatigue and pager fatigue
// are about the system.
func (s *sentence) stateOwner(i int) (np, int) {
	if s.low(i-1) == "'s" {
		n := s.npEndingAt(i - 2)
		return n, n.start
	}
	if s.is(i-1, "his", "her") {
		return np{start: i - 1, head: i - 1, end: i, poss: -1}, i - 1
	}
	// "Because of tiredness the operator was not seeing the alarm": the
	// state opens the sentence as the reason, and the person acts after
	// it; not "because of fatigue from the rota", which names its source
	if (s.seq(i-2, "because", "of") || s.seq(i-2, "due", "to")) && i-2 == s.firstWord() && !s.is(i+1, "from", "caused", "induced", "after", "of", "and") {
		k := i + 1
		if s.is(k, ",") {
			k++
		}
		if n := s.npStartingAt(k); n.ok() && (s.f(n.end)&(fBe|fPastPart) != 0 || pastForm(&s.toks[min(n.end, len(s.toks)-1)])) {
			return n, i - 2
		}
	}
	if p := &s.toks[max(i-1, 0)]; i > 0 && p.f&fRole != 0 && !s.is(i-1, "on-call", "oncall", "rotation", "shift", "team", "teams", "user", "users", "customer", "customers") {
		return np{start: i - 1, head: i - 1, end: i, poss: -1}, i - 1
	}
	return noNP, -1
}

// personish reports whether a phrase is a person, or an ambiguous role that
// only a person can be in a state: "the controller was visibly fatigued".
func (s *sentence) personish(n np) bool {
	if s.person(n) || s.bareNick(n) {
		return true
	}
	if !n.ok() || s.toks[n.head].kind != tWord || s.toks[n.head].f&fRole == 0 || strings.HasSuffix(s.low(n.head), "ing") || machineLeaning[s.low(n.head)] {
		return false
	}
	for j := n.start; j < n.head; j++ {
		if s.f(j)&(fDet|fPossessive) == 0 && s.low(j) != "'s" {
			return false // "the storage controller"
		}
	}
	return true
}

// firstPersonPlural reports whether a phrase is "we" or "us".
func (s *sentence) firstPersonPlural(n np) bool {
	return n.ok() && s.toks[n.head].f&fFirstPl != 0
}

// accessDenied returns the index of "should" in "should not have had
// (production) access" ending at i, or -1.
func (s *sentence) accessDenied(i int) int {
	for j := i - 4; j >= 0 && j >= i-6; j-- {
		if s.is(j, "should") && s.is(j+1, "not", "never") && s.seq(j+2, "have", "had") {
			return j
		}
	}
	return -1
}

// actsAfter reports whether a verb follows at i, in the same clause: the
// phrase before it is the verb's subject.
func (s *sentence) actsAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+6; j++ {
		t := &s.toks[j]
		if s.boundary(j) {
			return false
		}
		if t.kind == tWord && (pastForm(t) || t.f&(fVerb|fBe|fHave|fModal) != 0 || strings.HasSuffix(t.low, "ing")) {
			return true
		}
	}
	return false
}

// continuedAfter reports whether the words at i say the person carried on
// with the response: "but he continued to work with the team".
func (s *sentence) continuedAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+4; j++ {
		if s.is(j, "continued", "continue", "continues", "kept", "stayed", "remained", "carried", "worked", "staying", "stay", "fine", "ok", "okay") {
			return true
		}
	}
	return false
}

// reliefAfter reports whether the sentence goes on to say how the person's
// state was handled, someone else taking over: "I was exhausted by the
// third hour and Chiara took over", "the on-call was very tired, so the
// manager sent her home". The state then explains a handover, not the
// incident.
func (s *sentence) reliefAfter(i int) bool {
	for j := i; j < len(s.toks); j++ {
		switch {
		case s.is(j, "took", "take", "takes", "taking", "handed", "hand", "hands", "handing", "stepped", "step", "steps") && s.is(j+1, "over", "in", "off"),
			s.is(j, "sent", "send", "sends", "went", "go", "gone") && s.is(j+1, "home", "to") && (s.is(j+1, "home") || s.is(j+2, "bed", "sleep", "rest")),
			s.is(j, "sent", "send") && s.is(j+2, "home"),
			s.is(j, "relieved", "relieve", "swapped", "swap", "rotated", "tapped") && !s.is(j+1, "the", "a"),
			s.is(j, "fresh") && s.is(j+1, "pair", "eyes", "responder", "engineer"),
			s.is(j, "someone", "somebody") && s.is(j+1, "else"),
			s.is(j, "help", "helped", "helping") && !s.is(j-1, "not", "no", "without"),
			s.is(j, "but", "yet") && s.continuedAfter(j+1),
			s.is(j, "brought", "bring", "called", "call", "paged") && s.is(j+1, "in") && s.is(j+2, "a", "another", "the", "someone"),
			s.is(j, "hand", "handed", "handing") && s.is(j+1, "to"),
			s.is(j, "took", "take", "takes", "taking") && s.is(j+1, "the") && s.is(j+2, "pager", "phone", "rota", "shift", "console", "bridge", "lead"),
			s.is(j, "recovery", "rest") && s.is(j+1, "time", "day", "days") || s.seq(j, "time", "off"):
			return true // "I've asked managers to make sure people take recovery time"
		case s.is(j, "but", "yet", "and", ";", "although", "though", "still") && s.handledWell(j+1):
			return true
		}
	}
	return false
}

// handledWell reports whether the clause from i says the person, or the
// system around them, coped: "and she handled the incident calmly and
// well", "but the problem was the tool", "the runbook was good enough that
// it did not matter". Not "and made an avoidable error".
func (s *sentence) handledWell(i int) bool {
	good := false
	for j := i; j < len(s.toks); j++ {
		switch {
		case s.is(j, "error", "errors", "mistake", "mistakes", "wrong", "slow", "slower", "missed", "forgot", "showed", "shows", "avoidable"):
			if !(s.is(j, "wrong") && s.is(j-1, "the") && s.is(j-2, "showed", "shows")) && !s.is(j, "showed", "shows") {
				return false
			}
		case s.is(j, "well", "calmly", "correct", "correctly", "fine", "properly", "competently", "good"),
			s.seq(j, "as", "intended") || s.seq(j, "as", "designed"),
			s.is(j, "matter", "mattered") && s.negatedBefore(j, 3),
			s.is(j, "problem", "issue", "cause") && s.is(j-1, "the") && s.f(j+1)&fBe != 0 && s.is(j+2, "the", "a", "our", "that"),
			s.is(j, "handled", "managed") && s.is(j+1, "the", "it", "this", "everything"):
			good = true
		}
	}
	return good
}

// knowledgeObject reports whether what follows "know" at i is a skill or
// the system ("how to roll back", "our failover", "the difference between
// staging and production", "anything about the plant"), not a fact
// ("that the disk was full", "the password had rotated").
func (s *sentence) knowledgeObject(i int) bool {
	switch {
	case s.is(i, "how", "what", "anything", "nothing", "much"):
		return !s.is(i, "what") || !s.is(i+1, "happened", "was", "had")
	case s.is(i, "our", "the", "their", "his", "her"):
		// "our failover", "the fleet system", "the local instructions"
		for k := i + 1; k < len(s.toks) && k <= i+3 && s.nominal(k); k++ {
			if knownThings[s.low(k)] {
				return true
			}
		}
	}
	return false
}

// knownThings are what a person is said not to know: "doesn't know our
// failover", "did not know the local instructions".
var knownThings = wordSet(`system systems failover procedure procedures process runbook plant platform
	difference basics controllers network codebase tool tools product instructions rules protocol
	protocols checklist manual layout route routes sop`)

// leisure are the places and pastimes that tell a person's mind was
// elsewhere when they acted or answered.
var leisure = wordSet(`film movie match wedding party concert café cafe pub bar beach gym holiday
	vacation dinner drinks barbecue festival`)

// slipAfter reports whether something went wrong in the words from i on:
// "…, so the broadcast missed it", "… and he pass the signal in red".
func (s *sentence) slipAfter(i int) bool {
	return s.anyWithin(i, 20, "missed", "passed", "pass", "hit", "let", "forgot", "crashed", "overflowed", "overflow", "ran", "didn't", "didnt", "not", "never", "so", "wrong")
}

// seenOn reports whether "on" at i tells where something was seen or
// answered: "saw the alarm on his phone", "joined from home when he saw
// the chart on his phone".
func (s *sentence) seenOn(i int) bool {
	return s.anyWithin(max(i-6, 0), 6, "saw", "see", "sees", "seen", "noticed", "notices", "read", "reads", "got", "gets", "received", "receives", "answered", "answers", "acknowledged", "acked", "opened", "checked", "watched", "followed", "joined")
}

// distracted flags a person's act told with what else they were doing: "Dmitri
// confirmed it at 04:47, after he finished his film", "working from a café
// at the time, approved the price change", "the change went out from a
// laptop at the airport", "had a train to catch", "was attending a
// wedding", "was busy with her personal things". The detail says the
// person did not care; what the paging and the hand-over asked of them is
// the finding. A cover that worked ("was at a wedding, so the secondary
// took the page") is plain.
func (s *sentence) distracted() {
	if s.multitasking() {
		return
	}
	if s.hasAny("secondary", "cover", "covered", "covering", "handed", "handover", "hand-over", "backup", "rota", "rotation", "swap", "swapped", "escalated", "because", "allows", "allowed", "policy", "permitted") || s.hasAny("found", "fixed", "restored", "caught", "spotted", "saved", "resolved", "recovered", "prevented", "helped") || s.lesson {
		return
	}
	for i := range s.toks {
		end := 0
		switch {
		case s.is(i, "finished", "finishing") && s.f(i+1)&fPossessive != 0 && leisure[s.low(i+2)] && s.is(i-2, "after", "once"):
			end = i + 3 // "after he finished his film"
		case s.is(i, "from", "at") && s.is(i+1, "a", "the") && leisure[s.low(i+2)] && !s.is(i+2, "holiday", "vacation", "dinner", "party", "festival"):
			end = i + 3 // "working from a café", "from a laptop at the airport"
		case s.is(i, "attending", "at") && s.is(i+1, "a") && s.is(i+2, "wedding", "party", "concert", "barbecue", "festival", "match"):
			end = i + 3 // "was attending a wedding"
		case s.is(i, "train", "flight", "bus", "plane") && s.seq(i+1, "to", "catch"):
			end = i + 3 // "two terminal windows open and a train to catch"
		case s.is(i, "busy") && s.is(i+1, "with") && s.f(i+2)&fPossessive != 0 && s.is(i+3, "personal", "private", "own"):
			end = i + 4 // "she was busy with her personal things"
		case s.is(i, "went", "gone", "going") && s.is(i+1, "straight", "directly") && s.is(i+2, "offline", "home") && s.personish(s.agentOfVerb(i)):
			end = i + 3 // "merged the bundle at 23:40 and went straight offline"
		case s.is(i, "busy") && s.f(i-1)&fBe != 0 && strings.HasSuffix(s.low(i+1), "ing") && s.anyWithin(i+2, 8, "while", "when", "as"):
			end = i + 2 // "was busy planning the team offsite while the feed stopped"
		case s.is(i, "occupied", "preoccupied") && s.is(i+1, "with", "by") && (s.f(i-1)&fBe != 0 || s.low(i-1) == ","):
			end = i + 2 // "Regional manager, occupied with investor visit, did not return …"
		case s.is(i, "juggling") && (s.countWord(i+1) || s.is(i+1, "two", "three", "four", "several", "multiple")):
			end = i + 2 // "was juggling three other projects"
		case s.is(i, "on") && s.is(i+1, "the") && s.is(i+2, "phone", "radio") && (s.f(i-1)&fBe != 0 || s.is(i-1, "speaking", "talking", "chatting")) && s.anyWithin(i+3, 7, "when", "while", "and", "so") && s.slipAfter(i+3):
			end = i + 3 // "was on the phone with his girlfriend when the fight happened", "was on the radio w/ depot when he passed signal 14"
		case s.is(i, "speaking", "talking", "chatting") && s.is(i+1, "on", "in") && (s.is(i+2, "radio", "phone", "telephone") || s.f(i+2)&fPossessive != 0 && s.is(i+3, "phone", "telephone", "radio", "mobile")) && s.f(i-1)&fBe != 0 && s.slipAfter(i+3):
			end = i + 3 // "Driver was speaking on radio with depot and he pass the signal in red"
		case s.is(i, "busy") && s.is(i-1, "too") && s.anyWithin(i+1, 4, "to") && !s.hasAny("we", "us"):
			end = i + 1 // "@lena too busy chatting to notice the indicator strip failed"
		case s.is(i, "not") && s.is(i+1, "at", "on") && s.is(i+2, "stand", "post", "console", "desk", "station", "gate", "position") && s.is(i+3, "when", "during", "at", "for") && s.personAround(0, i):
			end = i + 3 // "Crew chief not at stand when called"
		case s.is(i, "absent") && s.is(i+1, "from") && s.is(i+2, "console", "post", "desk", "station", "bridge", "cab", "controls", "watch"):
			end = i + 3 // "Shift controller absent from console during acquisition"
		case s.is(i, "walked", "wandered", "stepped") && s.is(i+1, "away", "off") && s.is(i+2, "from") && !s.is(i+3, "the") && !s.hasAny("safely", "break", "handover", "hand-over", "relieved", "covered"):
			end = i + 3 // "trainee walked away from oven 3"
		case s.is(i, "wandered") && s.is(i+1, "off") && !s.hasAny("safely", "break", "handover", "hand-over", "relieved", "covered", "dog", "cat", "cow", "cows", "sheep", "horse", "child", "kid"):
			end = i + 2 // "pump house op wandered off to the groomer shed"
		case s.is(i, "freaking", "freaked") && s.is(i+1, "out") && !s.hasAny("customers", "users", "clients", "guests", "fans", "passengers"):
			end = i + 2 // "ticket desk ppl are totally freaking out and waving everyone through"
		case s.seq(i, "on", "the", "phone") && s.is(i+3, "when", "while") && s.f(i-1)&fBe != 0:
			end = i + 3 // "The lift operator was on the phone when the chair hit the station"
		case s.is(i, "left", "abandoned", "deserted") && s.f(i-1)&fBe == 0 && (s.is(i+1, "post", "station", "console", "position") || s.f(i+1)&fPossessive != 0 && s.is(i+2, "post", "station", "console", "position") || s.is(i+2, "post", "station", "console") && s.is(i+3, "without")):
			end = i + 2 // "Lifeguard left poolside post without handover"
		case s.is(i, "on") && (s.f(i+1)&fPossessive != 0 && s.is(i+2, "phone", "phones", "mobile", "mobiles", "cellphone", "telephone") || s.is(i+1, "phone") && s.is(i+2, "at", "when", "while", "during")) && !s.seenOn(i):
			end = i + 3 // "driver on phone at time of impact", "was on his phone the whole shift"
		case s.is(i, "phone") && s.is(i+1, "out") && s.f(i-1)&fPossessive != 0 && s.is(i-2, "had", "has", "have", "with"):
			end = i + 2 // "driver had his phone out the whole way"
		case s.is(i, "texting", "scrolling") && (s.f(i-1)&fBe != 0 || s.is(i-1, ":", "was", "were")) && !s.is(i+1, "the", "a") || s.is(i, "looking", "staring") && s.is(i+1, "at") && s.f(i+2)&fPossessive != 0 && s.is(i+3, "phone", "mobile"):
			end = i + 1 // "the driver was texting", "was looking at his phone"
		case s.is(i, "talking", "chatting", "gossiping") && s.is(i+1, "with", "to") && (s.is(i+2, "friends", "colleagues", "a") || s.f(i+2)&fPossessive != 0 && s.is(i+3, "friends", "friend", "colleague", "colleagues", "girlfriend", "boyfriend", "wife", "husband")) && s.f(i-1)&fBe != 0:
			end = i + 3 // "the lift operator was talking with friends"
		case s.seq(i, "for", "a", "smoke") || s.seq(i, "smoke", "break") || s.seq(i, "cigarette", "break"):
			end = i + 3 // "@eli went for a smoke during AOS"
		case s.is(i, "in", "at") && s.is(i+1, "the") && s.is(i+2, "cinema", "pub", "gym", "movies", "beach") && s.f(i-1)&fBe != 0:
			end = i + 3 // "the engineer on call was in the cinema"
		case s.seq(i, "one", "eye", "on") || s.is(i, "half-watching", "half-listening", "half-reading") || s.seq(i, "between", "bites"):
			end = i + 3 // "answering guest emails with one eye on the screen"
		case s.is(i, "muted") && s.is(i+1, "on", "in") && s.anyWithin(i+2, 10, "whole", "while", "entire"):
			end = i + 2 // "@mei was muted on the board call the whole time"
		}
		if end == 0 {
			continue
		}
		if !s.personAround(0, len(s.toks)) && !s.handleAround() && !s.hasAny("i") {
			return
		}
		if s.hasAny("so") && s.hasAny("took", "picked", "stepped") {
			return // "was occupied with the storm calls, so Ben took the radio"
		}
		s.otherWork(max(i-2, 0), end, "Say what the paging, the hand-over and the change process asked of the person at that moment, and what made the step look safe to take then.")
		return
	}
}

// ordinalWords count the hours of a shift: "on fourteenth hour of shift".
var ordinalWords = wordSet(`ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth
	seventeenth eighteenth nineteenth twentieth 9th 10th 11th 12th 13th 14th 15th 16th 17th 18th 19th 20th`)
