package lint

import "fmt"

import "strings"

// blame.person-omission: a person as the subject of a failure or an
// omission. "Marco failed to notice" judges what Marco did against a
// standard that only hindsight makes visible; "the readiness probe failed to
// notice" is about the system and is fine.
var omissionRule = &sentenceRule{
	info: RuleInfo{
		ID:          idOmission,
		Category:    Blame,
		Severity:    Warning,
		Description: "A person, role, team or organisation is the subject of a failure or omission: failed to, forgot, neglected, ignored, missed, overlooked, skipped, did not follow, did not understand, didn't bother, was too slow to, let the certificate lapse, the team's failure to; a check people habitually skip (they don't test their exports); customers who ignored the notices sent to them; a watch not kept (the night technician was not looking at the queue) and a design not thought through (did not think about the peak season); people who had the signal and took no further action or did nothing until the morning; an act not done as it should have been (didn't lash the lorry properly, did not show up on time, contrary to standing instructions); a warning or instruction overridden (went out anyway even tho the coordinator said no, fired despite being told the road was open, despite signage and briefing); sat on the email for a month; a staff failure; knew the supply was low and said nothing. Also a habit of leaving the work undone told of people with a span of time (kept dismissing the update prompt for over a month, is skipping the greasing since two months, has under-declared the freight for the second month running). Also deviated from or did not adhere to a procedure, non-compliance by a person or crew (non-compliance by the ramp crew with the chock rule), and a check never done told as a habit in the present (the night crew never reads the shift log). Also a duty told and said undone in the same sentence (Wenjie needed to confirm the backup before dropping the partition, and he did not; he must to stop the pumps, but he continue), not one done or blocked for a reason given. Not a choice told with what it weighed (at 2am, with a single alert and no runbook entry, Jae-won chose to wait rather than wake the database team), nor a skip the sentence calls a reasonable call. Not a missed page, call or alarm told with what made it easy to miss (missed the page because her phone was on the depot Wi-Fi, which blocks the push service), unless the reason is a state, a muted phone or a step not taken.",
		Example:     "Marco failed to notice the disk alert during the failover.",
		Rewrite:     "The disk alert fired in a channel with 40 other alerts while Marco was running the failover; nothing marked it as urgent.",
	},
	group: gOmission,
	check: checkOmission,
}

func checkOmission(s *sentence) {
	if s.question || s.forward || s.inquiry() {
		return
	}
	s.unmetDuty()
	for p := range s.toks {
		t := &s.toks[p]
		if t.kind != tWord {
			continue
		}
		if t.is("dismiss", "dismissed", "dismisses", "dismissing") && !s.alarmWithin(p+1) && !s.anyWithin(p+1, 6, "noise", "nothing", "false", "spurious", "harmless", "flaky") {
			// "dismissed the ticket as a duplicate" closes work; "dismissed
			// inventory warning", "dismissed it as noise" pass a warning by
			continue
		}
		end, verb := 0, p // verb is the word whose subject is the person
		switch {
		case t.f&fFail != 0 && t.low != "fail" && s.low(p-1) == "to" && s.is(p-2, "chose", "decided", "opted", "elected", "preferred"):
			// "chose to ignore the alert", "decided to skip the canary"
			end, verb = p+1, p-2
			if s.low(p+1) == "to" && p+2 < len(s.toks) {
				end = p + 3
			}
		case t.f&fFail != 0:
			end = s.failPredicate(p)
			if end > 0 && s.is(p-1, "keep", "keeps", "kept", "keeping") {
				verb = p - 1 // "ppl keep ignoring the alerts"
			}
		case t.low == "slow" && s.low(p+1) == "to" && (s.low(p-1) == "too" || s.f(p-1)&fBe != 0 || s.f(p-1)&fRole != 0 && (s.lineStart(p-1) || s.linePrefix(p-1))):
			// "was too slow to page", "was slow to respond"
			end = min(p+3, len(s.toks))
		case t.low == "long" && s.low(p-1) == "too" && s.is(p-2, "took", "takes") && s.low(p+1) == "to":
			// "took too long to roll back"
			end, verb = min(p+3, len(s.toks)), p-2
		case t.low == "left" && s.low(p+1) == "out" && s.groupStart(p) == p && s.nominal(p-1) && !s.seq(p+2, "of", "pocket"):
			end = p + 2
		case t.is("think", "thought") && s.is(p+1, "about", "of", "that", "through", "twice") && s.didNot(p):
			// "the architect who designed the queue did not think about the
			// peak season"
			end = p + 2
		case t.low == "think" && s.low(p+1) == "to":
			if e := s.omittedCheck(p); e > 0 {
				end = min(p+3, len(s.toks))
			}
		case t.f&fDiligence != 0:
			end = s.omittedCheck(p)
		case t.is("non-compliance", "noncompliance") && s.is(p+1, "by", "of") && s.person(s.npStartingAt(p+2)) && !s.firstPerson(s.npStartingAt(p+2)) && !s.negatedBefore(p, 3):
			// "non-compliance by a member of the draw team with the
			// checklist", "procedural non-compliance by the shunting crew"
			n := s.npStartingAt(p + 2)
			s.add(idOmission, p, n.end,
				fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", s.span(p, n.end)),
				fmt.Sprintf("Describe what %s saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.", s.who(n)))
			continue
		case t.is("failure", "inability", "refusal") && s.is(p+1, "of", "by") && s.omissionOf(p) > 0:
			// "the failure of our operations personnel to verify", "a
			// clear failure by the engineer to follow the checklist"
			n := s.npStartingAt(p + 2)
			end := s.omissionOf(p)
			s.add(idOmission, p, end,
				fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", s.span(p, end)),
				fmt.Sprintf("Describe what %s saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.", s.who(n)))
			continue
		case t.f&(fFail|fDiligence) == 0 && (s.didNot(p) || s.is(p-1, "didnt", "didn't")) && s.gradedAfter(p) > 0:
			// "Our deckhands didn't lash the timber lorry properly", "the
			// patrol lead did not show up on time": an act not done as it
			// should have been
			end = s.gradedAfter(p)
		case t.is("despite") && (s.is(p+1, "being") && s.is(p+2, "told", "warned", "asked", "instructed", "advised", "reminded") || s.is(p+1, "signage", "briefing", "instructions", "warnings", "training") || s.is(p+1, "the", "a", "clear", "repeated") && s.is(p+2, "warning", "warnings", "sign", "signs", "signage", "briefing", "instruction", "instructions")) && s.actBefore(p) >= 0:
			// "The blast crew fired despite being told the haul road was
			// still open", "Porter brought oxygen cylinder into Zone IV
			// despite signage and briefing"
			verb, end = s.actBefore(p), p+3
		case t.is("said", "did") && s.is(p+1, "nothing") && s.is(p-1, "and") && s.hasAny("knew", "saw", "noticed", "spotted", "aware") && !s.negatedBefore(p, 3):
			// "lab manager knew the CO2 supply was low and said nothing"
			end = p + 2
		case t.is("anyway", "anyways", "regardless", "nonetheless") && s.warnedAround(p) && s.actBefore(p) >= 0:
			// "skipper went out anyway even tho marine coord said no", "we
			// were told to stop using the old macro, and we kept using it
			// anyway": a warning overridden
			verb, end = s.actBefore(p), p+1
		case t.is("brushed", "shrugged", "waved", "laughed") && s.is(p+1, "off") || t.is("glossed", "skated") && s.is(p+1, "over") || t.is("sat", "sitting", "sits") && s.is(p+1, "on") && (s.eventOrAlertAfter(p+2) || s.heldFor(p+2)):
			// "brushed off the warning", "sat on the alert for an hour"
			end = p + 2
		case t.is("chose", "decided", "opted", "preferred", "elected") && s.low(p+1) == "to" && s.hasRatherThan(p) && !s.hasAny("limited", "saved", "prevented", "protected", "avoided", "contained", "spared") &&
			!s.hasAny("because", "since", "given", "with", "weighed", "weighing", "recommended", "runbook", "procedure", "as"):
			// "our engineers chose to continue troubleshooting rather than
			// roll back" grades a choice by its outcome; a choice told with
			// what it weighed is not graded ("at 2am, with a single alert and
			// no runbook entry, Jae-won chose to wait for the next batch
			// rather than wake the database team")
			end = s.rightAfterRather(p)
		case t.is("let", "lets", "letting") && s.lapsed(p) > 0:
			// "who let the retention policy lapse", "let the disks fill"
			end = s.lapsed(p)
		case t.is("failure", "failures", "inability", "refusal") && s.low(p+1) == "to" && p > 0 && s.staffNoun(p-1):
			// "staff failure to follow vendor upgrade guidance", "operator
			// failure to confirm the target"
			end := min(p+3, len(s.toks))
			s.add(idOmission, p-1, end,
				fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", s.span(p-1, end)),
				"Describe what the people involved saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.")
			continue
		case t.is("failure", "failures", "failing", "failings") && s.is(p-1, "staff", "operator", "operators", "human", "crew", "personnel", "employee", "employees", "management", "engineer", "engineers", "technician", "technicians", "developer", "developers", "contractor") && !s.is(p+1, "to", "of", "rate", "rates", "mode", "modes", "domain", "domains") && !s.negatedBefore(p, 4):
			// "the duplicate postings were a staff failure, not a system
			// defect"
			s.add(idOmission, p-1, p+1,
				fmt.Sprintf("%q makes people the cause: it judges them by a standard only visible in hindsight", s.span(p-1, p+1)),
				"Describe what the people involved saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.")
			continue
		case t.is("failure", "oversight", "omission", "inaction", "inability") && s.low(p-1) == "'s":
			// "the on-call engineer's failure to escalate", "an engineer's oversight"
			if n := s.npEndingAt(p - 2); s.person(n) && s.toks[n.head].f&(fFirstSg|fFirstPl) == 0 {
				end = p + 1
				if s.low(p+1) == "to" && p+2 < len(s.toks) {
					end = p + 3
				}
				s.add(idOmission, n.start, end,
					fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", s.span(n.start, end)),
					fmt.Sprintf("Describe what %s saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.", s.who(n)))
			}
			continue
		}
		if end == 0 {
			continue
		}
		g := s.groupStart(verb)
		if verb == p && (s.low(g-1) == "to" || s.low(g-1) == "no" && s.low(g) == "longer") {
			continue
		}
		if s.forgotTalk(p) {
			continue
		}
		if t.is("forgot", "forget", "forgets", "forgotten") && !s.is(p+1, "to", "about", "that") && s.systemEventAfter(p+1) {
			continue // "the sign controller forgot the position after the power cut": a machine's memory
		}
		if s.is(p+1, "its") || s.hasAny("designed", "intended") && s.hasAny("as") {
			continue // "EMS forgot its alarm filters", "missed heartbeat, triggered safe stop as designed": a system
		}
		if s.is(p, "asking", "blaming", "looking") && s.f(p-1)&fNeg != 0 && s.is(p-2, "am", "'m", "are", "'re", "is") {
			continue // "I am not asking for names": the writer's stance, now
		}
		if s.low(p+1) == "to" && s.is(p+2, "mention", "say", "add", "include", "note") && s.hasAny("draft", "version", "write-up", "writeup", "document", "report", "above", "timeline") {
			continue // "I forgot to mention in the first draft that …": the write-up, not the incident
		}
		if s.is(p, "missed", "miss") && s.is(p+1, "the", "a") && s.is(p+2, "start", "beginning", "end", "first", "opening") && s.is(p+3, "of", "part", "minutes") {
			continue // "we missed the start of the 07:00 bulletin while the server loaded": a moment lost, not a step
		}
		if s.seq(0, "please") || s.is(0, "don't", "do") && s.f(1)&fNeg != 0 {
			continue // "Please don't read this summary as finding fault …": the writer asks the reader
		}
		if s.is(p, "left") && s.is(p-1, "nobody", "noone", "none") || s.seq(p-2, "no", "one") && s.is(p, "left") {
			continue // "all 40 reached, nobody left out"
		}
		if s.is(p, "asked") && s.is(p-1, "nobody", "noone") && s.is(p+1, "him", "her", "them", "me", "us") && !s.is(p+2, "to", "before", "about", "for", "whether", "if") {
			continue // "nobody asked him, he just did it": done unasked
		}
		if s.missedGoal(p) || s.is(p+1, "no", "nothing", "none") {
			continue // "skipped no steps"
		}
		if s.missedWithWhy(p) {
			continue // "Kofi missed the page because his phone battery died up the pole": what made it easy to miss
		}
		n := s.subjectOf(verb)
		if n.ok() && !n.implicit && s.is(n.start-1, "to", "for") && n.start >= 2 && s.nominal(n.start-2) && s.f(n.start-2)&(fRole|fName|fPron) == 0 {
			continue // "the nightly export to the Student Loans Company did not run": the export, not the company
		}
		from := n.start
		if s.passive(p) && pastForm(t) && verb == p {
			if a := s.agentOf(p); a.ok() {
				n, from, end = a, g, a.end
			} else {
				continue
			}
		}
		if !s.person(n) && !(implicitFail[t.low] && s.bareNick(n)) || s.is(n.head, servedPeople...) && !s.noticeIgnored(p) {
			continue // customers are not responders: what they did not see is impact
		}
		if s.thingsRelative(n) {
			continue // "a shared mailbox nobody monitored", "a job that nobody realised still existed": a condition of the system
		}
		if s.firstPersonPlural(n) && t.f&fFail == 0 && !s.is(p, "bother", "bothered", "think", "care", "pay", "anyway", "anyways", "regardless", "nonetheless") && !s.hasAny("should", "ought", "shouldn't") {
			continue // "we had never tested restoring to another region": a team telling its own gap
		}
		if n.implicit && (t.f&fFail != 0 && !implicitFail[t.low] || end == p+1 && s.f(p-1)&fNeg != 0 && s.groupStart(p) == p-1 ||
			s.low(p+1) == "to" && s.is(p+2, "mention", "say", "add", "tell", "ask", "note", "share", "reply", "answer", "attach")) {
			// "forgot to mention: …" is talk, not an omission in the incident
			// "Failed to renew the certificate" is most often a job,
			// "skipped it" a record; "not checked in the sweep" a state
			continue
		}
		who := s.who(n)
		phrase := s.span(from, end)
		s.add(idOmission, from, end,
			fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", phrase),
			fmt.Sprintf("Describe what %s saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.", who))
		if t.f&fFail == 0 && len(s.matches) > 0 {
			s.matches[len(s.matches)-1].byNobody = true // "nobody checked"
		}
	}
}

// missedWithWhy reports whether a missed page, call or alarm at p is told
// with what made it easy to miss: "Anneliese missed the page because her
// phone was on the depot Wi-Fi, which blocks the push service", "Dmitri
// missed the first queue alarm, which plays the same tone as the routine
// heartbeat", "I missed the first page because I was in the rail tunnel".
// A reason that is a state, a judgement or a step not taken ("because he
// was asleep", "because she did not check her phone") leaves it an
// omission.
func (s *sentence) missedWithWhy(p int) bool {
	if !s.is(p, "missed", "miss", "misses") {
		return false
	}
	k := p + 1
	for k < len(s.toks) && k < p+5 && !s.is(k, "page", "pages", "call", "calls", "alarm", "alarms", "alert", "alerts", "notification", "notifications", "message", "messages", "ping", "pings", "text", "page-out") {
		k++
	}
	if k >= len(s.toks) || k >= p+5 {
		return false
	}
	k++
	if s.low(k) == "," {
		k++
	}
	if !s.is(k, "because", "as", "since", "which", "when") {
		return false
	}
	for j := k + 1; j < len(s.toks); j++ {
		if _, judged := judgeWords[s.low(j)]; judged || stateWords[s.low(j)] || fitnessWords[s.low(j)] || s.f(j)&(fFail|fNeg) != 0 ||
			s.is(j, "should", "shouldn't", "ought", "again", "fault", "blame", "error", "mistake", "attention", "forgot", "ignored", "muted", "mute", "silenced", "silent", "vibrate", "dnd", "disturb", "off", "asleep", "headphones", "honest") {
			return false
		}
	}
	return true
}

// thingsRelative reports whether n, an everyone or a nobody, is the
// subject of a clause that describes a thing before it ("a screen nobody
// watched", "a register that no one reviewed") or the people an apology is
// to ("to everyone who missed appointments").
func (s *sentence) thingsRelative(n np) bool {
	if !n.ok() || n.implicit || !(s.toks[n.head].f&fNegQuant != 0 || s.is(n.head, "everyone", "everybody", "anyone", "anybody", "one")) {
		return false
	}
	k := n.start - 1
	if s.is(k, "to", "for") && s.is(n.end, "who") {
		return true
	}
	if s.is(k, "that", "which") {
		k--
	}
	return k >= 0 && s.toks[k].kind == tWord && s.nominal(k) && s.toks[k].f&(fRole|fName|fPlainName|fPron|fFirstSg|fFirstPl) == 0
}

// implicitFail are the failures that, with no subject written, are a
// person's: "forgot to drain the node".
var implicitFail = wordSet("forgot forgotten neglected ignored overlooked disregarded misread misjudged mistyped")

// machineFailures are what only a system fails to do: "the worker failed
// to start" is about a process whatever its subject is called.
var machineFailures = wordSet(`start boot load compile mount bind initialise initialize launch
	converge spawn allocate parse resolve restart reconnect light ignite latch engage trip`)

// goals are what a team, not a person, can miss: "we missed our SLO".
var goals = map[string]bool{
	"slo": true, "slos": true, "sla": true, "slas": true, "target": true, "targets": true,
	"deadline": true, "deadlines": true, "objective": true, "objectives": true, "goal": true,
	"goals": true, "budget": true, "window": true, "estimate": true, "date": true, "quarter": true,
	"forecast": true, "milestone": true,
}

// missedGoal reports whether p is "missed" with a target as its object.
func (s *sentence) missedGoal(p int) bool {
	if !s.is(p, "missed", "misses") {
		return false
	}
	for j := p + 1; j < len(s.toks) && j < p+7 && (s.nominal(j) || s.low(j) == "'s"); j++ {
		if goals[s.low(j)] {
			return true
		}
	}
	return false
}

// failPredicate returns the end of a failure predicate at p ("failed to
// check", "forgot", "ignored"), or 0 when the word is not used as a finite
// verb: a base form after a modal, an adjective ("the missed page"), a
// gerund, a negated failure ("never missed a page") or "failed over".
func (s *sentence) failPredicate(p int) int {
	t := &s.toks[p]
	w := t.low
	g := s.groupStart(p)
	if s.groupHas(g, p, fModal) || s.groupHas(g, p, fNeg) {
		return 0
	}
	// Adjective: "the missed page", "14 missed heartbeats", "logged skipped files".
	if g == p && p > 0 {
		prev := &s.toks[p-1]
		if prev.f&(fDet|fPossessive) != 0 && prev.f&fPron == 0 || prev.kind == tNum || prev.kind == tWord && !prev.cap && pastForm(prev) && prev.f&fPastPart == 0 {
			return 0
		}
	}
	switch {
	case strings.HasSuffix(w, "ing"):
		if !s.groupHas(g, p, fBe) && !s.is(p-1, "kept", "keep", "keeps", "keeping") {
			return 0
		}
	case strings.HasSuffix(w, "ed") || w == "forgot" || w == "forgotten" || w == "misread":
	case strings.HasSuffix(w, "s") && w != "miss":
		if s.groupHas(g, p, fDo) {
			return 0
		}
	default:
		// A base form: "don't forget", "to ignore". Right after a person
		// it is a past told in the present, as non-native writers put it:
		// "The operator forget to check the disk".
		// After has or have it is a perfect: "the engineer has forget".
		base := g == p && p > 0 && s.f(p-1)&(fPron|fRole|fName|fPlainName|fNeg) != 0 && s.f(p-1)&fPossessive == 0 && s.low(p-1) != "to" && s.person(s.subjectOf(p))
		perfect := g == p-1 && s.is(p-1, "has", "have", "had") && s.person(s.npEndingAt(p-2))
		if !(base || perfect) || w == "miss" && s.f(p+1)&(fDet|fPossessive) == 0 || w == "fail" && s.low(p+1) != "to" {
			return 0
		}
	}
	if strings.HasPrefix(w, "fail") {
		if s.low(p+1) != "to" || p+2 >= len(s.toks) || machineFailures[s.low(p+2)] {
			return 0
		}
		return p + 3
	}
	if s.low(p+1) == "to" && p+2 < len(s.toks) && s.toks[p+2].kind == tWord {
		return p + 3
	}
	return p + 1
}

// omittedCheck returns the end of a negated check ("did not follow", "never
// checked", "nobody noticed"), or 0.
func (s *sentence) omittedCheck(p int) int {
	t := &s.toks[p]
	g := s.groupStart(p)
	if s.groupHas(g, p, fModal) || !s.diligenceUse(p) {
		return 0
	}
	neg, did, never := false, false, false
	for i := g; i < p; i++ {
		switch {
		case s.low(i) == "never":
			never, neg = true, true
		case s.f(i)&fNeg != 0:
			neg = true
		case s.is(i, "did", "had", "has", "have"):
			did = true
		}
	}
	past := pastForm(t) || t.low == "read"
	doGroup := s.groupHas(g, p, fDo)
	switch {
	case neg && doGroup && !never && (s.groupHasWord(g, p, "does") || s.groupHasWord(g, p, "do")) && habitChecks[t.low] && s.thirdPartyHabit(p):
		// "the auditors clearly don't test their exports", "our data team
		// doesn't understand how the feed is partitioned": a failure told
		// as people's habit
	case neg && doGroup && !never && s.groupHasWord(g, p, "did"):
		// "did not follow", "didn't read"; "we do not consider it
		// accurate" is the writer's view now, not an omission
	case neg && did && past && !s.stillOpen(p):
		// "had not checked"; "I haven't checked the logs yet" is a status
	case never && past:
	case never && !did && !doGroup && !strings.HasSuffix(t.low, "ing") && g == p-1 && s.thirdPartyHabit(p):
		// "night shift never reads the handover", "the auditors never
		// check the exports": a failure told as people's habit
	case neg && past && !did && s.onlyNegAdverbs(g, p):
		// "the operator not checked the logs", "simply not followed", as
		// non-native writers put it
	case neg && !did && g == p-1 && s.low(p-1) == "not" && s.low(p-2) != "to" && !strings.HasSuffix(t.low, "ing") && s.nominal(p-2):
		// "the team not follow the release process", the auxiliary dropped
	case neg && !did && !never && strings.HasSuffix(t.low, "ing") && s.groupHas(g, p, fBe) && !s.stillOpen(p) && !s.is(p-1, "yet") &&
		!(t.low == "looking" && s.is(p+1, "for")) && !(t.low == "following" && s.anyWithin(p+1, 3, "channel", "channels", "thread", "feed", "account", "list", "page")):
		// "the night technician was not looking at the queue", "are not
		// checking the backup power"
	case !neg && past && (s.seq(p+1, "the", "wrong") || s.is(p+1, "wrong")):
		return 0 // "no one ran the wrong command" denies a slip
	case !neg && past && (g == p || s.groupOnlyAdverbs(g, p)) && !s.passive(p):
		// "Nobody noticed", "No one checked", "nobody ever checked".
		n := s.subjectOf(p)
		if !n.ok() || !(s.toks[n.head].f&fNegQuant != 0 || s.low(n.head) == "one" && s.low(n.head-1) == "no") {
			return 0
		}
	default:
		return 0
	}
	if t.low == "bother" || t.low == "bothered" {
		if s.low(p+1) == "to" && p+2 < len(s.toks) {
			return p + 3
		}
	}
	return p + 1
}

// onlyNegAdverbs reports whether the words from g to before p are a
// negation and adverbs alone, with no auxiliary: "not", "simply not".
func (s *sentence) onlyNegAdverbs(g, p int) bool {
	if g >= p {
		return false
	}
	for i := g; i < p; i++ {
		if s.f(i)&fNeg == 0 && !s.isAdverb(i) {
			return false
		}
	}
	return true
}

// who names a noun phrase for a suggestion: "Marco", "the on-call engineer",
// "you" for I, "the team" for we.
func (s *sentence) who(n np) string {
	if n.implicit {
		return "the person"
	}
	h := &s.toks[n.head]
	switch {
	case h.f&fFirstSg != 0:
		return "you"
	case h.f&fFirstPl != 0:
		return "the team"
	case h.f&fPron != 0:
		switch h.low {
		case "he", "him":
			return "he"
		case "she", "her":
			return "she"
		}
		return "the people involved"
	}
	w := s.span(n.start, n.end)
	if strings.HasPrefix(w, "The ") || strings.HasPrefix(w, "A ") || strings.HasPrefix(w, "An ") {
		w = strings.ToLower(w[:1]) + w[1:]
	}
	return w
}

// groupOnlyAdverbs reports whether the verb group [g, p) holds adverbs only:
// "nobody ever checked".
func (s *sentence) groupOnlyAdverbs(g, p int) bool {
	for i := g; i < p; i++ {
		if !s.isAdverb(i) || s.f(i)&fNeg != 0 {
			return false
		}
	}
	return true
}

// omissionOf returns the end of "failure of X to V" or "failure by X to V"
// at p, where X is a person, or 0.
func (s *sentence) omissionOf(p int) int {
	n := s.npStartingAt(p + 2)
	if !s.person(n) || s.low(n.end) != "to" || n.end+1 >= len(s.toks) || s.toks[n.end+1].kind != tWord {
		return 0
	}
	return n.end + 2
}

// hasRatherThan reports whether "rather than" or "instead of" follows p in
// its sentence.
func (s *sentence) hasRatherThan(p int) bool { return s.rightAfterRather(p) > 0 }

// rightAfterRather returns the end of "rather than X" or "instead of X"
// after p, or 0.
func (s *sentence) rightAfterRather(p int) int {
	for j := p + 2; j < len(s.toks) && j < p+14; j++ {
		if s.boundary(j) && s.low(j) != "," {
			return 0
		}
		if s.seq(j, "rather", "than") || s.seq(j, "instead", "of") {
			return min(j+3, len(s.toks))
		}
	}
	return 0
}

// lapsed returns the end of "let X lapse" at p (lapse, expire, fill, slip,
// run out, go), or 0.
func (s *sentence) lapsed(p int) int {
	for j := p + 1; j < len(s.toks) && j < p+7; j++ {
		if s.boundary(j) {
			return 0
		}
		if s.is(j, "lapse", "expire", "fill", "slip", "slide", "rot", "drift", "through") && (j > p+1 || s.relPronoun(p-3) || s.f(p-1)&(fHave|fPron|fRole) != 0) {
			return j + 1
		}
	}
	return 0
}

// groupHasWord reports whether the verb group [g, p) holds the word w.
func (s *sentence) groupHasWord(g, p int, w string) bool {
	for i := g; i < p; i++ {
		if s.low(i) == w {
			return true
		}
	}
	return false
}

// diligenceUse reports whether a verb of checking at p is used in that
// sense: "account for", not "log in", "plan to" or "act as".
func (s *sentence) diligenceUse(p int) bool {
	w, nx := s.low(p), s.low(p+1)
	switch {
	case w == "account" || w == "accounted":
		return nx == "for"
	case w == "log" || w == "logged":
		return nx != "in" && nx != "on" && nx != "out" && nx != "into"
	case w == "plan" || w == "planned":
		return nx != "to"
	case w == "act" || w == "acted":
		return nx != "as" && nx != "like"
	case w == "pick" || w == "picked":
		return nx == "up" // "nobody picked up the page"
	case w == "pass" || w == "passed":
		return nx != "through" && nx != "away" && nx != "by"
	case w == "make" || w == "made" || w == "do" || w == "done" || w == "perform" || w == "performed":
		// "did not make the backup", "did not do the tests", as
		// non-native writers put it
		for j := p + 1; j < len(s.toks) && j <= p+3; j++ {
			if s.is(j, "backup", "backups", "test", "tests", "check", "checks", "review", "verification", "snapshot", "snapshots", "validation", "rehearsal", "dry-run") {
				return true
			}
		}
		return false
	}
	return true
}

// stillOpen reports whether the clause after p says the step is still to
// come: "yet", "still", "so far".
func (s *sentence) stillOpen(p int) bool {
	for j := p + 1; j < len(s.toks) && !s.boundary(j); j++ {
		if s.is(j, "yet", "still") || s.seq(j, "so", "far") {
			return true
		}
	}
	return false
}

// eventOrAlertAfter reports whether an alert, a warning, a ticket or a bad
// event follows at i: "sat on the alert".
func (s *sentence) eventOrAlertAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+4; j++ {
		if s.is(j, "alert", "alerts", "page", "pages", "warning", "warnings", "ticket", "tickets", "report", "reports", "email", "emails", "incident", "issue") || s.f(j)&fEvent != 0 {
			return true
		}
	}
	return false
}

// hasAny reports whether any of the words occurs in the sentence.
func (s *sentence) hasAny(words ...string) bool {
	for j := range s.toks {
		if s.is(j, words...) {
			return true
		}
	}
	return false
}

// habitChecks are the checks whose habitual absence grades people: "they
// don't test their exports".
var habitChecks = wordSet("test check read understand review verify validate follow monitor study listen respect")

// thirdPartyHabit reports whether the subject of the verb at p is people
// other than the writer and the customers: "the auditors", "our data
// team", "they" after such a phrase.
func (s *sentence) thirdPartyHabit(p int) bool {
	n := s.subjectOf(p)
	if !n.ok() || s.writer(n) || s.is(n.head, "customer", "customers", "user", "users", "client", "clients", "you") {
		return false
	}
	if s.is(n.start-1, "which", "that", "whom") {
		return false // "the payments channel, which the booking team does not follow": a condition of the channel
	}
	if s.is(n.head, "they", "them") {
		return s.personBefore(n.head)
	}
	return s.person(n)
}

// personBefore reports whether a phrase naming people other than the
// writer comes before i: what "they" stands for.
func (s *sentence) personBefore(i int) bool {
	for j := 0; j < i; j++ {
		if m := s.npEndingAt(j); m.ok() && m.end <= i && s.person(m) && !s.writer(m) && s.toks[m.head].f&fPron == 0 {
			return true
		}
	}
	return false
}

// staffNoun reports whether the word at i names people as a modifier of
// another noun: "staff failure", "operator failure".
func (s *sentence) staffNoun(i int) bool {
	return s.is(i, "staff", "operator", "operators", "engineer", "engineers", "employee", "employees", "personnel",
		"user", "human", "crew", "team", "contractor", "vendor", "supplier", "management", "developer", "developers", "technician", "technicians")
}

// inquiry reports whether the sentence names the question a review asks
// rather than telling what happened: "Why nobody noticed for a week is the
// question this review answers".
func (s *sentence) inquiry() bool {
	w := s.firstWord()
	if !s.is(w, "why", "how") {
		return false
	}
	for k := w + 1; k+2 < len(s.toks); k++ {
		if s.is(k, "is", "was") && (s.seq(k+1, "the", "question") || s.seq(k+1, "what", "this") || s.seq(k+1, "what", "the") || s.seq(k+1, "the", "subject") || s.seq(k+1, "something", "we") || s.seq(k+1, "a", "question") || s.seq(k+1, "still", "open") || s.seq(k+1, "under", "investigation")) {
			return true
		}
	}
	return false
}

// noticeWords are what a provider sends its customers ahead of a change.
var noticeWords = wordSet(`notice notices notification notifications warning warnings guidance
	deprecation email emails reminder reminders advisory advisories instructions update updates prompt
	prompts`)

// noticeIgnored reports whether the omission at p is notices ignored:
// "affected customers had ignored three prior notices to migrate", which
// pins the outage on customers where "customers missed the confirmation
// email" tells the impact.
func (s *sentence) noticeIgnored(p int) bool {
	if !s.is(p, "ignored", "ignore", "ignores", "ignoring", "disregarded", "disregard", "disregarding") {
		return false
	}
	for k := p + 1; k < len(s.toks) && k <= p+5 && !s.boundary(k); k++ {
		if noticeWords[s.low(k)] {
			return true
		}
	}
	return false
}

// didNot reports whether the verb at p is negated with did: "did not",
// "didn't", "did never".
func (s *sentence) didNot(p int) bool {
	g := s.groupStart(p)
	return g < p && s.groupHasWord(g, p, "did") && s.f(p-1)&fNeg != 0
}

// warnedAround reports whether the sentence tells of a warning or an
// instruction before p: "told", "warned", "advised", "said no".
func (s *sentence) warnedAround(p int) bool {
	if s.hasAny("precaution", "safe", "safety", "caution", "case") {
		return false // "we were told the disk was fine, and replaced it anyway as a precaution"
	}
	for k := range p {
		if s.is(k, "warned", "cautioned") || s.is(k, "told", "advised", "instructed", "asked", "reminded") && s.anyWithin(k+1, 6, "to", "not", "against") ||
			s.is(k, "said") && s.is(k+1, "no", "not") || s.is(k, "against") && s.is(k+1, "advice", "policy", "orders") {
			return true
		}
	}
	for k := p + 1; k < len(s.toks) && k <= p+8; k++ {
		if s.is(k, "said", "told", "warned") || s.is(k, "against") && s.is(k+1, "advice", "policy", "orders") {
			return true // "went out anyway even tho marine coord said no"
		}
	}
	return false
}

// actBefore returns the finite verb of the clause that ends at p, or -1.
func (s *sentence) actBefore(p int) int {
	for k := p - 1; k >= 0 && k >= p-10; k-- {
		if s.boundary(k) && s.low(k) != "," {
			return -1
		}
		if s.toks[k].kind == tWord && pastForm(&s.toks[k]) && s.finite(k) && !s.passive(k) && s.f(k)&(fBe|fHave) == 0 {
			if s.is(k, "told", "warned", "advised", "asked", "said") {
				return -1
			}
			return k
		}
	}
	return -1
}

// alarmWithin reports whether a warning, an alert, an alarm or a concern
// raised is the object that starts at i: "dismissed inventory warning",
// "dismissed the low-stock alert", "dismissed the crew's concerns".
func (s *sentence) alarmWithin(i int) bool {
	for k := i; k < len(s.toks) && k < i+4 && s.nominal(k); k++ {
		if s.is(k, "warning", "warnings", "alert", "alerts", "alarm", "alarms", "flag", "flags", "notification", "notifications", "prompt",
			"concern", "concerns", "report", "reports", "complaint", "complaints", "risk", "risks", "advice", "feedback", "escalation", "escalations") {
			return true
		}
	}
	return false
}

// heldFor reports whether a stretch of time follows within a few words of
// i: "sat on the vendor's email for a month", "sat on the flag for 6
// hours".
func (s *sentence) heldFor(i int) bool {
	for k := i; k < len(s.toks) && k < i+12; k++ {
		if s.is(k, "for") && s.is(k+2, "hours", "hour", "days", "day", "weeks", "week", "months", "month", "minutes", "hrs", "mins", "h") {
			return true
		}
	}
	return false
}

// gradedAfter returns the end of a standard the act at p is measured
// against in its own clause ("properly", "on time", "as instructed"), or
// 0.
func (s *sentence) gradedAfter(p int) int {
	for k := p + 1; k < len(s.toks) && k <= p+10 && (!s.boundary(k) || s.low(k) == ","); k++ {
		switch {
		case s.is(k, "properly", "correctly", "carefully", "thoroughly"):
			return k + 1
		case s.is(k, "on", "in") && s.is(k+1, "time"):
			return k + 2
		case s.is(k, "as") && s.is(k+1, "required", "instructed", "trained", "briefed", "told", "agreed"):
			return k + 2
		case s.is(k, "contrary") && s.is(k+1, "to"), s.is(k, "against") && s.is(k+1, "standing", "clear", "the", "written", "policy", "procedure", "instructions", "orders", "guidance", "advice"):
			// "did not isolate the gas supply at close, contrary to
			// standing instructions"
			return k + 2
		}
	}
	return 0
}

// anyWithin reports whether one of words comes within n words from i.
func (s *sentence) anyWithin(i, n int, words ...string) bool {
	for j := i; j < len(s.toks) && j < i+n; j++ {
		if s.is(j, words...) {
			return true
		}
	}
	return false
}

// personalThings are what a person forgets without any bearing on an
// incident: "forgot my laptop charger, back in 10".
var personalThings = wordSet(`charger laptop badge keys headset headphones coffee lunch umbrella jacket mug
	notebook glasses wallet`)

// forgotTalk reports whether "forgot" at p is chat about the chat, not an
// omission in the incident: "i forgot to link the ticket, here: …", "i
// forgot we have a dashboard for this, linking it", "forgot to say — great
// catch", "forgot my laptop charger lol".
func (s *sentence) forgotTalk(p int) bool {
	if !s.is(p, "forgot", "forget", "forgotten") {
		return false
	}
	switch {
	case s.low(p+1) == "to" && s.is(p+2, "link", "say", "mention", "post", "share", "attach", "tag", "cc", "paste") && s.is(p+3, "the", "a", "it", "this", "that", "—", "-", ":", ",", "here"):
		return true
	case s.is(p+1, "we", "there", "that") && s.is(p+2, "have", "has", "is", "are") && s.f(p-1)&fFirstSg != 0:
		return true
	case s.is(p+1, "my") && personalThings[s.low(p+2)] || s.is(p+1, "my") && personalThings[s.low(p+3)]:
		return true
	}
	return false
}

// forgetsTalkOnly reports whether every "forgot" in the sentence is chat
// about the chat (forgotTalk), which the model, weighing words, would read
// as an omission.
func (s *sentence) forgetsTalkOnly() bool {
	talk := false
	for i := range s.toks {
		if s.is(i, "forgot", "forget", "forgotten") {
			if !s.forgotTalk(i) {
				return false
			}
			talk = true
		}
	}
	return talk
}

// servedPeople are the people a service serves, who do not run it: what
// they did not see or do is the incident's impact ("most buyers never
// noticed anything").
var servedPeople = []string{"customer", "customers", "user", "users", "client", "clients", "buyer", "buyers",
	"shopper", "shoppers", "passenger", "passengers", "patient", "patients", "subscriber", "subscribers",
	"visitor", "visitors", "rider", "riders", "guest", "guests", "player", "players", "reader", "readers",
	"listener", "listeners", "viewer", "viewers", "tenant", "tenants", "resident", "residents", "citizen", "citizens"}

// unmetDuty flags a person's duty told and then said to be undone in the
// same sentence: "Wenjie needed to confirm the backup before dropping the
// partition, and he did not", "he must to stop the pumps when he see the
// blocks moving, but he continue", "the crew was supposed to re-tension
// the lines, and they never did". The duty is read from hindsight; what
// made the other path look right is left out.
func (s *sentence) unmetDuty() {
	for p := range s.toks {
		to := p + 1
		switch {
		case s.is(p, "needed", "supposed", "required", "meant", "expected", "had") && s.is(p+1, "to"):
			to = p + 2
		case s.is(p, "must", "should") && s.is(p+1, "to"):
			to = p + 2 // "he must to stop the pumps", as second-language writers put it
		case s.is(p, "must", "should"):
			// the verb right after: "he should restart"
		default:
			continue
		}
		if to >= len(s.toks) || s.toks[to].kind != tWord || s.negatedBefore(p, 2) {
			continue
		}
		n := s.subjectOf(p)
		if !s.person(n) || s.firstPerson(n) || n.implicit {
			continue
		}
		for k := to + 1; k+2 < len(s.toks); k++ {
			if !s.is(k, "and", "but") || !s.is(k+1, "he", "she", "they", "nobody") && s.toks[k+1].f&(fName|fPlainName) == 0 {
				continue
			}
			r := k + 2
			if s.anyWithin(r, len(s.toks)-r, "because", "since", "blocked", "unable", "couldn't", "could", "as") {
				return // "but he did not because the restart was blocked": the reason is told
			}
			if s.is(r, "did", "does", "do", "has", "had", "was") && s.f(r+1)&fNeg != 0 || s.is(r, "never", "not", "continue", "continued", "continues", "carried", "kept", "went") {
				end := min(r+2, len(s.toks))
				s.add(idOmission, n.start, end,
					fmt.Sprintf("%q makes a person the cause: it judges an omission by a standard only visible in hindsight", s.span(n.start, min(to+1, len(s.toks)))),
					fmt.Sprintf("Describe what %s saw and did, and what the tooling and process offered at that moment; what was missing belongs under contributing factors.", s.who(n)))
				return
			}
		}
	}
}
