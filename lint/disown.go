package lint

// A sentence can hold blame or root-cause framing without making the claim:
// it reports what others said ("early press reports blamed the operator"),
// rejects the framing ("rather than a single root cause", "it would be easy
// to call this human error"), or denies it ("nobody ignored the alert",
// "we found no evidence of negligence"). Such a match is disowned and not
// reported. Text inside double or single quotes is left out in linter.go.

// disowned reports whether the writer does not make the claim of match m.
func (s *sentence) disowned(m match) bool {
	if m.rule == idCounterfactual && s.is(m.from-1, "than") {
		return true // "faster than any human would have noticed": a comparison
	}
	return s.moreThanOne(m) || s.roleHandedOver(m) || s.askedInline(m) || s.deniedBy(m) || s.rejected(m.from) || s.hearsay(m.from) || s.askedAbout(m) || s.ruledOut(m) ||
		s.notSaying(m) || s.deniedLater(m) || s.notSought(m) || s.systemReason(m) || s.affordance(m) || s.supersededBlame(m) ||
		s.ownedForward(m) || s.remediedOmission(m) || s.thingJudged(m) || s.manyCausesRCA(m) ||
		s.explainedBySystem(m) || s.anyoneCould(m) || s.rootCauseSetAside(m) || s.conceded(m) || s.construed(m) ||
		s.slipInWriting(m) || s.labellingJudged(m) || s.grantedWithout(m) || s.seenSoDone(m) || s.notYet(m) || s.reasonForOther(m) ||
		s.weighedWhether(m) || s.noOneSought(m) || s.causeUndecided(m) || s.sanctionedAct(m) || s.notWithPeople(m) || s.creditDue(m) || s.stateNotCause(m) || s.labelWeighed(m) || s.couldButDidNot(m) || s.askedWithin(m) || s.harmSuffered(m) || s.toolAllowed(m) || s.slipCaught(m) || s.heeded(m) || s.supportedOrCareful(m) || s.framingDeclined(m) || s.framingStruck(m) || s.blameDenied(m) || s.justified(m) || s.causeQuestioned(m) || s.searchDeclined(m) || s.doubtAsked(m) || s.oneCauseDoubted(m) || s.framingRejected(m) ||
		s.framingJudgedAfter(m) || s.temptedThenTurned(m) || s.measureDismissed(m)
}

// doubtAsked reports whether blame at m sits in a question that doubts it:
// "Was it really the dispatcher's fault?", "Is it fair to call that
// operator error?", "Was the night team careless, or were fourteen alarms
// a night simply normal for that freezer?".
func (s *sentence) doubtAsked(m match) bool {
	if ruleIndex[m.rule].Category != Blame {
		return false
	}
	o, q := s.questionAround(m.from)
	if q < 0 || s.f(o)&(fBe|fModal|fDo|fHave) == 0 {
		return false // a question that asks what or why, not whether
	}
	// not "did anyone actually look at the diff before approving it?"
	doubted := s.anyWithin(o, q-o, "really", "truly") && s.anyWithin(o, q-o, "fault", "blame", "careless", "error", "mistake", "responsible", "negligent")
	return doubted || s.anyWithin(o, q-o, "fair") || s.anyWithin(m.to, q-m.to, "or") || s.unsureAfter(q)
}

// unsureAfter reports whether the writer answers the question that ends
// at q with doubt: "was it human error? idk, the permit form was missing
// the circuit ID field".
func (s *sentence) unsureAfter(q int) bool {
	return s.is(q+1, "idk", "dunno", "unsure", "doubtful") || s.seq(q+1, "not", "sure") || s.seq(q+1, "i", "doubt") || s.seq(q+1, "i'm", "not", "sure") || s.seq(q+1, "not", "really")
}

// oneCauseDoubted reports whether a one-cause framing at m is doubted
// around it: "is it really one root cause tho? cert + alert routing +
// roster all had to fail", "not convinced \"the culprit\" is the cron".
func (s *sentence) oneCauseDoubted(m match) bool {
	if ruleIndex[m.rule].Category != RootCause {
		return false
	}
	if o, q := s.questionAround(m.from); q >= 0 && (s.f(o)&(fBe|fModal|fDo) != 0 && s.anyWithin(o, q-o, "really", "truly") || s.unsureAfter(q)) {
		return true
	}
	for j := max(m.from-6, 0); j < m.from; j++ {
		if s.seq(j, "not", "convinced") || s.is(j, "unconvinced", "sceptical", "skeptical", "doubtful") {
			return true
		}
	}
	return false
}

// searchWarned reports whether the sentence warns against a search:
// "I would caution the board against looking for a single culprit or a
// single cause here". The models weigh the words of what is searched for,
// so they are not asked.
func (s *sentence) searchWarned() bool {
	for j := range s.toks {
		if s.is(j, "against") && s.is(j+1, "looking", "searching", "hunting", "seeking") && s.is(j+2, "for") {
			return true
		}
	}
	return false
}

// searchDeclined reports whether the match is what the writers say they
// do not look for, or that looking for it would mislead: "Looking for one
// root cause would mislead us here", "We are not looking for the person,
// we try to understand how …", "We don't make this about the mistake of
// one person".
func (s *sentence) searchDeclined(m match) bool {
	for j := max(m.from-5, 0); j < m.from+2 && j < len(s.toks); j++ {
		switch {
		case s.is(j, "looking", "searching", "hunting", "look", "search", "hunt") && s.is(j+1, "for"):
			if s.negatedBefore(j, 3) || s.is(j-1, "against") || s.anyWithin(m.to, 5, "mislead", "misleads", "misleading", "pointless", "wrong", "unhelpful", "distract", "distracts") {
				return true
			}
		case s.is(j, "make", "making", "made") && s.is(j+1, "this", "it") && s.is(j+2, "about") && s.negatedBefore(j, 3):
			return true
		case s.is(j, "seek", "sought", "seeking", "try", "tried", "trying", "aim", "aimed") && s.is(j+1, "to") && s.is(j+2, "identify", "name", "find", "single") && s.negatedBefore(j, 3):
			return true // "Review did not seek to identify individual responsible"
		case s.is(j, "seek", "seeking", "find", "finding", "name", "naming", "pick", "picking") && s.is(j-1, "to") && s.anyWithin(max(j-4, 0), 4, "unhelpful", "pointless", "counterproductive", "counter-productive", "wrong", "unfair", "misleading") && !s.anyWithin(m.to, len(s.toks)-m.to, "but"):
			return true // "It would be unhelpful to seek an individual to hold responsible"
		case s.is(j, "asked", "ask") && s.is(j+1, "who") && (s.is(j-1, "nobody", "noone") || s.seq(j-2, "no", "one") || s.negatedBefore(j, 3)):
			return true // "Nobody asked who was on shift; we asked what the shift could see"
		}
	}
	// "We looked hard for a single culprit, and there is not one", "we
	// went looking for a root cause and found a tangle of them instead"
	if ruleIndex[m.rule].Category == RootCause && s.anyWithin(max(m.from-5, 0), 5, "for") && s.anyWithin(max(m.from-7, 0), 6, "looked", "searched", "hunted", "looking", "searching") {
		for j := m.to; j+2 < len(s.toks); j++ {
			if s.seq(j, "there", "is", "not") || s.seq(j, "there", "isn't") || s.seq(j, "there", "was", "not") || s.seq(j, "there", "wasn't") || s.seq(j, "found", "none") || s.seq(j, "there", "is", "none") {
				return true
			}
			if s.is(j, "found", "finds", "find") && s.anyWithin(j+1, 6, "instead", "tangle", "several", "many", "dozens", "web", "mesh", "knot") {
				return true
			}
		}
	}
	// "We could call the expired certificate the root cause, but that
	// would hide why …", "calling it the root cause would overstate it":
	// a name the writers weigh and put down.
	if ruleIndex[m.rule].Category == RootCause && s.anyWithin(max(m.from-6, 0), 6, "call", "calling", "name", "naming", "label", "labelling", "labeling") &&
		s.anyWithin(max(m.from-8, 0), m.to-max(m.from-8, 0)+6, "could", "would", "might") && s.anyWithin(m.to, 10, "overstate", "overstates", "hide", "hides", "mislead", "misleads", "misleading", "oversimplify", "oversimplifies", "unfair", "wrong") {
		return true
	}
	// "Instead of asking why Olga hesitated, we asked what the alarm told
	// her": the writers tell how they turned from a person to the system.
	if ruleIndex[m.rule].Category == Blame {
		for j := 0; j+3 < len(s.toks); j++ {
			if (s.seq(j, "instead", "of") || s.seq(j, "rather", "than")) && s.is(j+2, "asking", "ask", "blaming", "wondering") && s.is(j+3, "who", "why", "whose", "whom") {
				return true
			}
		}
	}
	return false
}

// causeQuestioned reports whether single-cause framing is asked and
// answered with more than one cause or none ("root cause? honestly there
// isn't one, it's like 4 things at once", "Was the root cause the
// printer, the template, or the rushed changeover? We think it was all
// three"), or denied where it stands ("We do not have a single root
// cause", "the root cause is not \"ravi pushed a bad config\"").
func (s *sentence) causeQuestioned(m match) bool {
	if ruleIndex[m.rule].Category != RootCause {
		return false
	}
	if s.anyWithin(max(m.from-4, 0), m.from-max(m.from-4, 0), "not", "n't", "no") && s.anyWithin(max(m.from-4, 0), m.from-max(m.from-4, 0), "have", "has", "had", "there", "find", "found") && !s.hasAny("doubt", "question") {
		return true
	}
	if (s.is(m.to, "is", "was") && s.is(m.to+1, "not") || s.is(m.to, "isn't", "wasn't")) && !s.anyWithin(m.to+2, len(s.toks)-m.to, "but", "it", "it's", "instead", "rather", "was", "is") {
		return true // not "The real cause was not the memory limit, it was the cache"
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.is(j, ".", ";") {
			return false
		}
		if !s.is(j, "?") {
			continue
		}
		for k := j + 1; k < len(s.toks); k++ {
			if s.is(k, "isn't", "several", "many", "multiple", "things", "difficult", "hard", "combination", "together", "three", "four", "five") || s.seq(k, "not", "one") || s.seq(k, "no", "single") || s.seq(k, "only", "one") {
				return true
			}
		}
		return false
	}
	return false
}

// justified reports whether an omission, a skipped step or a slip is
// followed by what made it the plan: an approval, a confirmation, a
// policy, a request, a step marked optional. "I didn't escalate the
// missing barriers because the contractor confirmed by text that they were
// on the way", "the operator skipped the retest step, which the spec marks
// optional", "deleted an outdated test program at the customer's request".
func (s *sentence) justified(m match) bool {
	if m.rule != idOmission && m.rule != idWithout && m.rule != idAccident {
		return false
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if slipAdverbs[s.low(j)] {
			return false
		}
	}
	for j := m.from; j < len(s.toks); j++ {
		if s.is(j, "with") && (s.is(j+1, "approval", "permission", "authorisation", "authorization", "clearance") || s.is(j+1, "the") && s.is(j+2, "approval", "permission", "authorisation", "authorization", "clearance")) && !s.negatedBefore(j, 3) {
			return true // "bypassed the scanner with approval of the supervisor"
		}
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.negatedBefore(j, 3) || s.is(j-1, "without", "no") {
			continue
		}
		switch {
		case s.is(j, "optional") && s.anyWithin(max(j-4, 0), 4, "marks", "marked", "is", "was", "as"),
			s.is(j, "request") && s.is(j-1, "'s") && s.anyWithin(max(j-5, 0), 5, "at", "on"),
			s.is(j, "per") && s.anyWithin(j+1, 4, "approval", "instruction", "instructions", "request"),
			s.is(j, "because") && s.anyWithin(j+1, 6, "approved", "confirmed") && !s.anyWithin(j+1, 6, "not", "never", "nobody"),
			s.is(j, "because") && s.anyWithin(j+1, 4, "policy", "runbook", "procedure") && s.anyWithin(j+1, 6, "said", "says", "told", "allows", "allowed"),
			s.seq(j, "on", "purpose") && s.anyWithin(j+2, 2, "because", "since", "as"),
			s.is(j, "after") && s.is(j+1, "agreeing", "agreed", "confirming", "checking"),
			s.is(j, "reasonable", "sensible", "understandable", "defensible") && !s.is(j-1, "less", "un"),
			s.seq(j, "made", "sense"), s.seq(j, "right", "call"):
			// "Samira skipped the second check because the instrument had
			// passed its self-test minutes earlier, a reasonable call with
			// what she could see"
			return true
		}
	}
	return false
}

// blameDenied reports whether a blame match stands in a clause the
// sentence denies as the reason ("we are adding a checklist item because
// the step was easy to miss, not because anyone was sloppy") or in a
// sentence that clears the people outright (innocent).
func (s *sentence) blameDenied(m match) bool {
	if ruleIndex[m.rule].Category != Blame {
		return false
	}
	for j := m.from - 1; j >= 0 && j >= m.from-8; j-- {
		if s.boundary(j) && s.low(j) != "," {
			break
		}
		if s.is(j, "because") && s.is(j-1, "not") {
			return true
		}
	}
	return s.innocent()
}

// innocent reports whether the sentence clears people outright and takes
// nothing back: "the volunteer who entered it did nothing wrong", "not
// late through any fault of her own", "not caused by any individual's
// negligence", "volunteer is not guilty", "not a personal failing of
// anyone on the rota", "not the result of any action by the operator on
// duty", "nobody acted outside what the runbook told them".
func (s *sentence) innocent() bool {
	for i := range s.toks {
		cleared := s.is(i, "nothing") && s.is(i+1, "wrong") && s.is(i-1, "did", "done", "do", "does") ||
			s.is(i, "guilty") && s.negatedBefore(i, 3) ||
			s.is(i, "person", "individual", "individuals", "people", "person's", "individual's") && s.is(i-1, "one", "single") && s.is(i-2, "any") && s.anyWithin(max(i-7, 0), 7, "not", "never", "no") ||
			s.seq(i, "not", "of") && s.is(i+2, "her", "him", "them") && s.boundary(i+3) ||
			s.is(i, "fault") && s.is(i-1, "any", "no") && s.is(i+1, "of") && (s.is(i-1, "no") || s.negatedBefore(i, 6)) ||
			(s.is(i, "negligence", "carelessness", "incompetence", "wrongdoing") || s.is(i, "failing", "failings") && s.is(i-1, "personal", "individual", "human")) && s.negatedBefore(i, 6) ||
			s.is(i, "action", "actions", "act", "decision", "mistake", "error") && s.is(i-1, "any") && s.is(i-2, "of", "by", "to") && s.is(i-3, "result", "caused", "due", "consequence") && s.negatedBefore(i-3, 4) ||
			s.is(i, "nobody") && s.is(i+1, "acted", "went", "stepped", "strayed", "deviated", "departed", "worked") && s.is(i+2, "outside", "beyond", "from", "against")
		if cleared {
			return !s.anyWithin(i+1, len(s.toks), "but", "however", "although", "though", "except")
		}
	}
	return false
}

// framingStruck reports whether single-cause framing at m is a line written
// once and taken out: "An earlier draft said the root cause was \"operator
// error\"; we removed it", "we considered listing X as the root cause, but
// rejected that framing", "the \"root cause: Beppe\" comment is gone".
func (s *sentence) framingStruck(m match) bool {
	if ruleIndex[m.rule].Category != RootCause || !s.hasAny("draft", "drafts", "comment", "considered") {
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.is(j, "removed", "struck", "deleted", "dropped", "rejected", "retracted", "withdrew", "withdrawn", "gone", "scrapped") && (s.is(j+1, "it", "that", "this", "the") || s.is(j-1, "is", "was", "'s")) {
			return true
		}
	}
	return false
}

// moreThanOne reports whether one cause is named only to say there was more
// than one: "we think there is more than one cause".
func (s *sentence) moreThanOne(m match) bool {
	return ruleIndex[m.rule].Category == RootCause && s.seq(m.from-2, "more", "than")
}

// roleHandedOver reports whether responsibility is a role someone took over
// from a tired colleague: "…, so Matteo has take the responsibility of the
// incident".
func (s *sentence) roleHandedOver(m match) bool {
	return m.rule == idAccountability && s.is(m.from-1, "so") && s.anyWithin(m.from, m.to-m.from+2, "take", "took", "taken")
}

// askedInline reports whether single-cause framing stands in a question
// that a chat line asks before it goes on: "anyone know what triggered the
// snowmaking shutdown? looks like a power blip".
func (s *sentence) askedInline(m match) bool {
	if ruleIndex[m.rule].Category != RootCause || !s.is(m.from, "what", "which") && !s.is(m.from-1, "what", "which") && !s.anyWithin(m.to, 3, "or") {
		return false // "can i tell customers the root cause was a bad config push?" takes the framing as given
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.is(j, "?") {
			// asked and left open, not asked and answered: "What caused
			// it? A bad merge."
			return j+1 == len(s.toks) || s.is(j+1, "looks", "maybe", "perhaps", "probably", "might", "not", "no", "any", "anyone", "i", "we", "could", "seems", "still", "?", "let's", "lets", "let")
		}
		if s.is(j, ".", ";", "!") {
			return false
		}
	}
	return false
}

// heeded reports whether people told of something acted on it: "we had
// told the team twice about the window, and everyone planned around it".
func (s *sentence) heeded(m match) bool {
	if m.rule != idWithout {
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.seq(j, "planned", "around") || s.seq(j, "followed", "it") || s.is(j, "complied", "heeded") || s.seq(j, "acted", "on", "it") {
			return !s.negWithin(j-2, 2)
		}
	}
	return false
}

// slipCaught reports whether a slip is told with the check that caught it
// before it did harm: "Leo made a typo in the config, and the validator
// caught it before the deploy".
func (s *sentence) slipCaught(m match) bool {
	if m.rule != idPersonError && m.rule != idAccident && m.rule != idSelfBlame {
		return false
	}
	return s.stoppedBySystem(m.to)
}

// stoppedBySystem reports whether the words from k on tell a check of the
// system stopping the slip: "the validation step caught it before anything
// was pushed", "the interlock blocked the change", "the machine refused the
// setting", "the cross-check flagged it within four trays".
func (s *sentence) stoppedBySystem(k int) bool {
	for j := k; j < len(s.toks); j++ {
		if s.is(j, "caught", "catched", "blocked", "rejected", "stopped", "flagged", "refused", "intercepted", "prevented") && !s.negWithin(j-2, 2) {
			n := s.subjectOf(j)
			if !n.ok() || s.person(n) {
				return false
			}
			if s.anyWithin(max(j-3, 0), 3, "would", "could", "might", "should") {
				return false // "would have been caught": what did not happen
			}
			return s.is(j+1, "it", "them") || s.is(j+1, "the") && s.is(j+2, "change", "setting", "entry", "value", "order", "request", "dose", "command", "transaction", "label", "lift", "load")
		}
	}
	return false
}

// askedWithin reports whether the match holds a question someone asked
// that the sentence then sets aside: "somebody in the meeting asked who is
// guilty, but our review is looking to the system".
func (s *sentence) askedWithin(m match) bool {
	for j := m.from; j < m.to; j++ {
		if s.is(j, "asked", "asks", "wondered") && s.hasWithin(j+1, 3, "who", "whether", "if") {
			return !s.answeredAfter(m.to) && s.hasAfter(m.to-1, "but", "however", "not", "instead")
		}
	}
	return false
}

// harmSuffered reports whether an omission is a harm the people suffered,
// not a step they left out: "sellers who missed payouts were paid on
// Tuesday", "passengers who missed connections", "what we missed from
// their side".
func (s *sentence) harmSuffered(m match) bool {
	if m.rule != idOmission {
		return false
	}
	if s.is(m.from-1, "what") || s.is(m.from, "what") {
		return true
	}
	for j := m.from; j < m.to+2 && j < len(s.toks); j++ {
		if s.is(j, "missed", "miss", "missing") && s.is(j+1, "payouts", "payout", "payments", "payment", "deliveries", "delivery", "flights", "flight", "appointments", "appointment", "connections", "connection", "trains", "train", "buses", "classes", "salaries", "wages", "refunds") {
			return true
		}
	}
	return false
}

// toolAllowed reports whether an act without a step is told as what a tool
// let the person do: "the deploy tooling let a single person push to
// production with no second approval"; and whether a counterfactual is
// about a tool the writers did not have: "if we had had a staging copy of
// the gateway, we could have tested the firmware".
func (s *sentence) toolAllowed(m match) bool {
	switch m.rule {
	case idWithout:
		return s.is(m.from-1, "let", "lets", "allowed", "allows", "allow", "enabled", "permitted", "permits") && !s.person(s.subjectOf(m.from-1))
	case idCounterfactual:
		for j := range s.toks {
			if (s.seq(j, "if", "we", "had", "had") || s.seq(j, "had", "we", "had")) && s.is(j+4, "a", "an", "any") || s.seq(j, "if", "we", "had") && s.is(j+3, "a", "an") && s.nominal(j+4) {
				return true
			}
		}
	}
	return false
}

// labelWeighed reports whether a label is named to be weighed, not used:
// "calling this human error would miss the real lesson".
func (s *sentence) labelWeighed(m match) bool {
	if m.rule != idHumanError {
		return false
	}
	for j := m.from - 1; j >= 0 && j >= m.from-3; j-- {
		if s.is(j, "calling", "call", "labelling", "labeling", "label") {
			return s.is(m.to, "would", "misses", "missed", "is", "was", "feels", "seems", "sounds") && !s.is(m.to+1, "correct", "right", "accurate", "fair")
		}
	}
	return false
}

// couldButDidNot reports whether what a person could have done is what
// they did not do: "Kwame could have ignored the message; he didn't".
func (s *sentence) couldButDidNot(m match) bool {
	if m.rule != idCounterfactual || !s.hasWithin(m.from, m.to-m.from, "could") {
		return false // "I should have checked; I didn't": a confession
	}
	for j := m.to; j+2 < len(s.toks); j++ {
		if s.is(j, ";", ",", "but") && s.f(j+1)&fPron != 0 && s.is(j+2, "didn't", "did", "wasn't") && (s.low(j+2) != "did" || s.f(j+3)&fNeg != 0) {
			return true
		}
	}
	return false
}

// stateNotCause reports whether a person's state is told without making it
// the cause: with what was done about it ("fatigue was considerable by the
// second night, and we have since added two on-call positions", "responder
// fatigue noted; additional shift cover arranged"), with what the person
// did well all the same ("was very stressed during the call but still she
// gave clear instructions"), with the choices judged sound ("people were
// tired, and the decisions they made were reasonable"), or after the
// incident ("I was exhausted by the time we restored service").
func (s *sentence) stateNotCause(m match) bool {
	if m.rule != idPersonState {
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		switch {
		case s.is(j, "added", "arranged", "hired", "staffed", "backfilled") && (s.hasAny("since", "now", "additional", "extra", "more", "two", "second") || s.boundary(j+1)):
			return true
		case s.is(j, "moved", "changed", "shortened", "split", "rotated", "reduced", "limited", "capped") && s.is(j-1, "since", "now") && s.f(j-2)&fHave != 0:
			return true // "the team was tired, and we have since moved the release to Tuesday mornings"
		case (s.seq(j, "but", "still") || s.is(j, "nevertheless", "nonetheless", "regardless")) && !(s.anyWithin(j+1, 2, "they", "we", "management", "someone", "somebody") && s.anyWithin(j+2, 3, "send", "sent", "let", "put", "assigned", "scheduled", "rostered", "allowed")):
			// not "was not qualified for high voltage work but still they
			// send him alone": the ones who sent him are blamed
			return true
		case s.is(j, "reasonable", "sensible", "sound") && s.f(j-1)&fBe != 0 || s.seq(j, "made", "sense"):
			return true
		case s.seq(j, "the", "same", "for", "anyone"):
			return true
		case s.seq(j, "did", "exactly") || s.seq(j, "did", "everything") || s.seq(j, "exactly", "as") || s.is(j, "paired", "teamed", "partnered") && s.anyWithin(j+1, 3, "with", "up") || s.is(j, "properly", "correctly") && !s.negWithin(j-3, 3) && !s.anyWithin(max(j-4, 0), 4, "to") && !s.hasAny("too") || s.is(j, "caught") && s.is(j-1, "they", "together", "he", "she"):
			return true // "two weeks into the job and did exactly what the runbook told her"
		case s.seq(j, "possible", "factor") || s.seq(j, "no", "finding") || s.seq(j, "not", "found") || s.is(j, "condition", "concerns", "concern") && j <= m.to+3 || s.is(j, "rest", "relief") && s.is(j+1, "days", "rota", "shifts", "breaks"):
			// "Staff fatigue noted as condition", "Crew fatigue concerns raised … extra rest days given"
			return true
		case s.seq(j, "can", "someone") || s.seq(j, "could", "someone") || s.seq(j, "take", "over") || s.seq(j, "hand", "over") || s.seq(j, "asked", "for", "a") && s.is(j+3, "break", "rest", "handover", "relief") ||
			s.is(j, "took", "takes", "covered") && s.is(j+1, "her", "his", "their") && s.is(j+2, "work", "shift", "calls", "queue", "tickets", "pager") || s.seq(j, "not", "the", "explanation") || s.seq(j, "is", "not", "the", "explanation"):
			// "I'm getting tired, can someone take IC"
			return true // "operator fatigue reviewed as a possible factor; no finding"
		case s.seq(j, "by", "the", "time") && s.hasWithin(j+3, 3, "restored", "resolved", "recovered", "fixed", "finished", "mitigated"):
			return true
		case s.is(j, "outcome", "result", "consequence", "product") && s.is(j+1, "of") && s.anyWithin(j+2, 3, "our", "the") && s.anyWithin(j+2, 5, "roster", "rota", "rostering", "schedule", "scheduling", "staffing", "planning", "workload", "shift", "shifts", "pattern"):
			// "Fatigue among winter storm staff is a predictable outcome of
			// our current roster, and we own that"
			return true
		case s.is(j, "cover") && s.is(j-1, "get", "need", "more", "extra", "arrange", "arranged"), s.seq(j, "shift", "pattern"), s.is(j, "organisational", "organizational", "systemic") && s.is(j+1, "issue", "problem", "issues", "problems"),
			s.is(j, "management") && s.is(j+1, "must", "should", "needs", "need", "will"):
			// "everyone's exhausted after 3 nights of this, can we get cover",
			// "Staff fatigue identified as organisational issue; shift
			// pattern to be revised", "the management must to change this"
			return true
		case s.is(j, "plans", "planned", "plan") && s.is(j-1, "now") && s.anyWithin(j+1, 4, "roster", "rota", "rotation", "shifts", "nights"),
			s.seq(j, "will", "not", "do") || s.seq(j, "won't", "do") || s.seq(j, "no", "longer", "do"),
			s.seq(j, "not", "about", "him") || s.seq(j, "not", "about", "her") || s.seq(j, "not", "about", "them"),
			s.is(j, "not") && s.is(j+1, "about", "for", "on") && s.is(j+2, "him", "her", "them") && s.anyWithin(max(j-8, m.to), j-max(j-8, m.to), "problem", "issue", "question", "matter"):
			// "so the unit now plans the roster with three nights at most",
			// "we will not do upgrades in the deadline weeks anymore", "so it
			// is not about him", "this is a problem for the planning, not
			// for them personally"
			return true
		case s.is(j, "roster", "rota", "rotation", "staffing") && s.rotaChanged(m.to), s.is(j, "hours") && s.is(j-2, "to") && s.is(j-3, "change", "changing", "move", "moving", "cut", "cutting", "reduce", "reducing"):
			// "Pilots were tired after three storm nights, and the new rest
			// roster gives each pilot a protected day off", "we need more
			// people in rotation", "I am changing the rotation"
			return true
		}
	}
	return false
}

// rotaChanged reports whether the words from i on change how the work is
// staffed: a new roster, a change made or needed to the rotation, more
// people.
func (s *sentence) rotaChanged(i int) bool {
	return s.anyWithin(i, 30, "new", "changing", "change", "changed", "need", "needs", "adding", "add", "more", "making", "extra", "hire", "hiring", "reduce", "reducing", "shorter", "protected")
}

// weighedWhether reports whether m is the question a review weighed rather
// than its answer: "we talked about whether Aisha should have caught it in
// review, and decided that was the wrong question", "whether the operator
// should have noticed earlier was considered; the signal was not visible".
func (s *sentence) weighedWhether(m match) bool {
	if ruleIndex[m.rule].Category != Blame || m.rule == idAccountability && s.anyWithin(m.from, m.to-m.from, "remain", "stay") {
		return false // "reviewing whether the on-call engineer should remain on the rota" weighs a sanction
	}
	for j := m.from - 1; j >= 0 && j >= m.from-5; j-- {
		if s.boundary(j) && s.low(j) != "," {
			return false
		}
		if s.is(j, "whether") {
			if s.answeredAfter(m.to) && s.anyWithin(m.to, len(s.toks)-m.to, "no", "nobody", "none") {
				return true // "…, and the answer from the review team was a clear no"
			}
			return !s.answeredAfter(m.to) && !s.hasAny("yes", "did", "clearly")
		}
	}
	return false
}

// noOneSought reports whether a sanction or a grade is one the writer says
// nobody will get: "I am not asking for anyone to be disciplined", "we are
// not going to retrain anyone", "because nobody did anything that training
// would have changed".
func (s *sentence) noOneSought(m match) bool {
	if m.rule != idAccountability && m.rule != idJudgement {
		return false
	}
	anyone, none := false, false
	for j := max(m.from-3, 0); j <= m.to+1 && j < len(s.toks); j++ {
		anyone = anyone || s.is(j, "anyone", "anybody", "nobody", "noone")
		none = none || s.is(j, "nobody", "noone") || s.is(j, "no") && s.is(j+1, "individual", "one", "person", "engineer", "employee", "staff")
	}
	if !anyone && !none {
		return false
	}
	if m.rule == idJudgement {
		return s.hasWithin(m.from, m.to-m.from+2, "anything") && s.is(m.to, "that", "which")
	}
	sanction := false
	for j := m.from; j < m.to; j++ {
		sanction = sanction || s.is(j, "disciplined", "discipline", "retrain", "retrained", "punish", "punished", "fired", "sanctioned", "reprimanded")
	}
	if !sanction {
		return false // "did not leave anybody responsible"
	}
	if none && !s.hasAny("but", "however") {
		return true // "this review is blameless and no individual is being disciplined"
	}
	for j := m.from - 1; j >= 0 && j >= m.from-8; j-- {
		if s.boundary(j) && s.low(j) != "," {
			return false
		}
		if s.f(j)&fNeg != 0 {
			return true
		}
	}
	return false
}

// causeUndecided reports whether root-cause words tell that no one cause
// was settled: "root cause not yet determined", "we cannot say which one
// thing made the outage", "we did a root cause analysis but the result is
// more a list of conditions than one cause", "it encourages a search for a
// single culprit".
func (s *sentence) causeUndecided(m match) bool {
	if ruleIndex[m.rule].Category != RootCause {
		return false
	}
	if s.is(m.to, "yet", "undetermined", "unknown") || s.seq(m.to, "not", "yet") || s.seq(m.to, "still", "unknown") || s.seq(m.to, "not", "determined") || s.seq(m.to, "under", "investigation") || s.seq(m.to, "still", "under", "investigation") || s.seq(m.to, "still", "being", "investigated") || s.seq(m.to, "being", "investigated") || s.seq(m.to, "to", "be", "determined") {
		return true
	}
	if s.is(m.to, "format", "template", "method", "framework", "approach", "process") && s.negatedBefore(m.from, 4) {
		return true // "we did not use a root cause format for this review"
	}
	for j := m.from - 1; j >= 0 && j >= m.from-4; j-- {
		if s.is(j, "say", "tell", "know", "determine", "name") && (s.negatedBefore(j, 3) || s.is(j-1, "cannot", "can't", "cant", "couldn't")) {
			return true // "we cannot say which one thing made the outage"
		}
		if s.boundary(j) {
			break
		}
		if s.is(j, "search", "hunt", "quest") && s.is(j+1, "for") && s.is(j-1, "a", "the") {
			return true // "a search for a single culprit"
		}
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.seq(j, "list", "of", "conditions") || s.seq(j, "than", "one", "cause") || s.seq(j, "than", "a", "single", "cause") {
			return true
		}
	}
	// "We are not sure if the encoder alarm is the root cause or only the
	// first thing we saw": whether it is one is the question
	for j := max(m.from-10, 0); j < m.from; j++ {
		if s.is(j, "if", "whether") && (s.seq(j-2, "not", "sure") || s.seq(j-3, "not", "sure") && s.is(j-1, "yet") || s.is(j-1, "unsure", "unclear", "uncertain") || s.seq(j-2, "not", "know") || s.seq(j-2, "not", "clear")) {
			return true
		}
	}
	return false
}

// sanctionedAct reports whether an act outside a rule was approved at the
// time: "deployed the fix outside the change window with the incident
// commander's approval".
func (s *sentence) sanctionedAct(m match) bool {
	if m.rule != idWithout {
		return false
	}
	for j := m.to; j < len(s.toks) && j <= m.to+6; j++ {
		if s.is(j, "approval", "sign-off", "permission", "agreement", "blessing") && s.hasWithin(max(j-5, m.to), j-max(j-5, m.to), "with") || s.seq(j, "approved", "by") {
			return true
		}
	}
	for j := m.to; j+2 < len(s.toks); j++ {
		if s.is(j, "how", "what") && s.is(j+1, "we", "i") && s.is(j+2, "want", "expect", "ask", "train") && !s.negWithin(j-2, 2) {
			return true // "… without waiting for approval, and this is exactly how we want people to act"
		}
	}
	return false
}

// notWithPeople reports whether the sentence places responsibility away
// from the people on shift: "responsibility for the gaps rests with the
// organisation, not with the individuals who were on shift".
func (s *sentence) notWithPeople(m match) bool {
	if m.rule != idAccountability {
		return false
	}
	for j := range s.toks {
		if s.seq(j, "not", "with") || s.seq(j, "not", "on") {
			k := j + 2
			if s.f(k)&fDet != 0 {
				k++
			}
			if s.is(k, "individuals", "individual", "people", "engineers", "engineer", "staff", "operators", "operator", "person", "responders", "crew") {
				return true
			}
		}
	}
	return false
}

// creditDue reports whether "due to" is thanks: "sincere thanks are due to
// Ms. Nwosu", and whether a "whoever" is praised: "whoever wrote the
// retry backoff, it saved us today".
func (s *sentence) creditDue(m match) bool {
	if m.rule != idAccountability {
		return false
	}
	if s.is(m.from, "due") {
		return s.hasWithin(max(m.from-3, 0), 3, "thanks", "credit", "gratitude", "appreciation", "thank")
	}
	if s.is(m.from, "whoever") {
		return s.hasAny("saved", "perfectly", "helped", "favour", "favor", "caught") && !s.hasAny("great", "nice", "thanks", "shoutout", "love")
	}
	return false
}

// writings are what a team writes about an incident, as against the
// incident itself.
var writings = wordSet(`draft drafts timeline update updates report post message email summary
	announcement version notes doc document writeup write-up tweet statement postmortem msg comment`)

// writingAt reports whether the noun phrase at j names a piece of writing
// about the incident: "the first timeline draft", "our status update". Not
// "the email queue".
func (s *sentence) writingAt(j int) bool {
	if s.f(j)&(fDet|fPossessive) != 0 {
		j++
	}
	if s.is(j, "first", "earlier", "initial", "previous", "original", "last", "second") {
		j++
	}
	if s.is(j, "timeline", "status", "incident", "customer") && writings[s.low(j+1)] {
		j++
	}
	return writings[s.low(j)] && (s.boundary(j+1) || s.f(j+1)&fBe != 0 || s.is(j+1, "by", "when", "where", "and", "that", "which", "to", "for", "above", "below"))
}

// slipInWriting reports whether m is a slip made in writing about the
// incident, which the sentence corrects: "I made an error in the first
// timeline draft: the failover was at 02:14", "we did a mistake in the
// first status update".
func (s *sentence) slipInWriting(m match) bool {
	if m.rule != idSelfBlame && m.rule != idPersonError && m.rule != idJudgement && m.rule != idHumanError {
		return false
	}
	for j := m.to; j < len(s.toks) && j <= m.to+2; j++ {
		if s.is(j, "in") && s.writingAt(j+1) {
			return true
		}
	}
	// "in first timeline we wrote 6:30, correct time is 6:03, was typing
	// mistake", "our error in the first summary listed the wrong version"
	if m.rule == idJudgement {
		return false
	}
	written := false
	for j := range s.toks {
		written = written || writings[s.low(j)] && (s.is(j-1, "first", "earlier", "initial", "previous", "original") || s.is(j-1, "incident", "status", "timeline") && s.is(j-2, "first", "earlier", "initial", "previous", "original"))
	}
	return written && (s.hasAny("correct", "corrected") || s.hasAny("wrote", "listed", "put") && s.hasAny("not"))
}

// labellingJudged reports whether a judgement grades an act of labelling
// rather than a person: "calling this \"human error\" is lazy", "blaming
// the night shift would be unfair".
func (s *sentence) labellingJudged(m match) bool {
	if m.rule != idJudgement {
		return false
	}
	for j := m.from - 1; j >= 0 && j >= m.from-8; j-- {
		if s.is(j, ";", ":", ".", "?", "!") {
			return false
		}
		if s.is(j, "calling", "blaming", "labelling", "labeling", "framing", "naming") {
			return true
		}
	}
	return false
}

// grantedWithout reports whether an act without a step is one the
// sentence grants: "give the on-call person the authority to stop any
// deploy, without asking for permission".
func (s *sentence) grantedWithout(m match) bool {
	if m.rule != idWithout {
		return false
	}
	for j := 0; j < len(s.toks) && j < m.to; j++ {
		if s.is(j, "authority", "mandate", "freedom", "license", "licence") && s.is(j+1, "to") || s.is(j, "empowered", "authorised", "authorized", "free") && s.is(j+1, "to") && s.f(j-1)&fBe != 0 && s.hasAny("will", "now", "agreed", "can") {
			return true
		}
	}
	return false
}

// seenSoDone reports whether an act is told as following from how things
// looked at the time or from what people could see: "it looked like the
// usual bot traffic, so we kept watching instead of paging", "chose to
// stay online rather than take an outage, based on the error rates she
// could see".
func (s *sentence) seenSoDone(m match) bool {
	if m.rule != idWithout && m.rule != idOmission {
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		// "chose to keep it online rather than take an outage, based on
		// the error rates she could see"
		if s.seq(j, "based", "on") || s.seq(j, "given", "what") || s.seq(j, "from", "what") && s.f(j+2)&(fPron|fFirstSg|fFirstPl) != 0 {
			return true
		}
	}
	so := -1
	for j := m.from - 1; j >= 0 && j >= m.from-4; j-- {
		if s.is(j, "so", "therefore") {
			so = j
			break
		}
	}
	for j := so - 1; j >= 0; j-- {
		if appearVerbs[s.low(j)] && s.is(j+1, "like", "to", "as") {
			return true
		}
	}
	return false
}

// notYet reports whether an omission is one that has not happened yet:
// "maybe the printers fail there too but nobody reported yet".
func (s *sentence) notYet(m match) bool {
	return m.rule == idOmission && (s.is(m.to, "yet") || s.is(m.to+1, "yet") && s.f(m.to)&fPron != 0)
}

// reasonForOther reports whether a reason the sentence gives is the reason
// for something other than the incident: a delay in the writing ("the
// reason of the delay in our report is that we waited for the vendor's
// logs") or a decision ("the reason we are investing in a second node is
// simple").
func (s *sentence) reasonForOther(m match) bool {
	if m.rule != idSingleCause {
		return false
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if !s.is(j, "reason", "reasons") {
			continue
		}
		if s.is(j+1, "for", "of") && s.is(j+2, "the", "our", "this") && s.is(j+3, "delay", "delays", "lateness", "gap") && s.is(j+4, "in", "of", "with") && s.writingAt(j+5) {
			return true
		}
		k := j + 1
		if s.is(k, "why") {
			k++
		}
		if !s.is(k, "we", "i") {
			continue
		}
		k++
		if s.is(k, "decided", "chose", "want", "wanted", "plan", "planned", "prefer", "changed", "moved", "picked", "recommend") ||
			s.is(k, "are", "will", "'re", "'ll") && s.is(k+1, "investing", "adding", "moving", "building", "changing", "buying", "hiring", "replacing", "switching", "introducing", "proposing", "recommending",
				"invest", "add", "move", "build", "change", "buy", "hire", "replace", "switch", "introduce", "propose", "recommend") {
			return true
		}
	}
	return false
}

// appearVerbs say how something looks, not what it is.
var appearVerbs = wordSet("look looks looked seem seems seemed appear appears appeared sound sounds sounded")

// conceded reports whether m is an appearance the sentence grants only to
// answer it: "maybe it looks like an operator mistake, but the two buttons
// sit side by side", "at first it seemed the engineer's fault; however …".
func (s *sentence) conceded(m match) bool {
	for j := m.from - 1; j >= 0 && j >= m.from-6; j-- {
		if s.boundary(j) {
			return false
		}
		if !appearVerbs[s.low(j)] {
			continue
		}
		from := max(j-4, 0)
		return s.anyWithin(from, j-from, "maybe", "perhaps", "may", "might", "could", "can", "first", "initially", "superficially") &&
			s.anyWithin(m.to, len(s.toks), "but", "however", "yet", "though", "although")
	}
	return false
}

// construeVerbs read or name a thing as something.
var construeVerbs = wordSet("reading read reads thinking think thinks seeing see sees viewing view views treating treat treats taking take takes calling call calls interpreting interpret interprets")

// construed reports whether m is a reading of the incident that the
// sentence warns against or supposes: "I'd caution against anyone reading
// this as the fault of the night shift", "if a reader comes away thinking
// this was Chen's fault, the report failed".
func (s *sentence) construed(m match) bool {
	for j := m.from - 1; j >= 0 && j >= m.from-4; j-- {
		if s.boundary(j) {
			return false
		}
		if !construeVerbs[s.low(j)] || !s.is(j+1, "this", "it", "that") || !s.is(j+2, "as", "was", "is") {
			continue
		}
		for k := j - 1; k >= 0 && k >= j-8; k-- {
			if s.is(k, ";", ":") {
				return false
			}
			if s.is(k, "if", "against", "avoid", "lest", "unless", "nobody", "anyone", "anybody") || s.f(k)&fNeg != 0 {
				return true
			}
		}
		return false
	}
	return false
}

// manyCauses are what several of make a single cause one among others.
var manyCauses = wordSet(`causes factors conditions failures things issues contributors reasons
	problems faults`)

// rootCauseSetAside reports whether a single-cause match sits in a
// sentence that sets the framing aside or counts several causes: "we
// answered that there were several", "root cause analysis is a bit of a
// misnomer for this one", "we deliberately avoided settling on a single
// root cause", "a phrase we avoid", "at least four conditions".
func (s *sentence) rootCauseSetAside(m match) bool {
	if m.rule != idSingleCause {
		return false
	}
	// "root cause tbd", "root cause talk can wait": the framing as a topic
	// still open, not a claim
	if s.is(m.to, "tbd", "tba", "pending", "talk", "speculation", "debates", "hunting", "discussion", "discussions") {
		return true
	}
	// "root cause this, root cause that": the framing repeated to wave it off
	if s.is(m.to, "this") && s.is(m.to+1, ",") && s.is(m.to+2, s.low(m.from)) {
		return true
	}
	// "maybe the cause is the new firmware, maybe the cold weather, maybe
	// both": guesses, not a finding
	if s.is(m.from-1, "maybe", "perhaps", "possibly") {
		for j := m.to; j < len(s.toks); j++ {
			if s.is(j, "maybe", "perhaps", "possibly") || s.seq(j, "or", "both") {
				return true
			}
		}
	}
	for j := range s.toks {
		switch {
		case s.is(j, "misnomer", "undersells", "undersell", "interacting", "rarely"):
			return true
		case s.is(j, "avoided", "avoiding") && s.is(j+1, "settling", "naming", "calling", "picking", "choosing", "a", "any") && !s.is(j-1, "have"):
			return true
		case s.is(j, "several", "multiple", "many") && (manyCauses[s.low(j+1)] || manyCauses[s.low(j+2)] || s.is(j-1, "were", "are") && (j+1 == len(s.toks) || s.boundary(j+1))):
			return true
		case s.is(j, "avoid") && s.is(j-1, "we", "i", "they"):
			return true
		case s.is(j, "than") && s.is(j+1, "pick", "choose", "name", "crown", "settle", "single") && s.hasAny("rather"), s.is(j, "combination", "partly", "partially"):
			// "we'd rather understand how these factors combined than pick
			// one", "partly the table's size and partly a slow link"
			return true
		case s.is(j, "crown", "crowning") && s.is(j-1, "to"), s.seq(j, "bunch", "of"), s.seq(j, "played", "a", "part"), s.seq(j, "not", "part", "of"):
			return true
		case s.is(j, "each") && s.is(j+1, "mattered", "showed", "played", "contributed"):
			return true
		case s.seq(j, "at", "least") && s.is(j+2, "two", "three", "four", "five") || s.is(j, "different") && s.is(j+1, "chains", "causes", "answers"):
			return true
		case s.is(j, "more", "additional", "further") && manyCauses[s.low(j+1)] && s.f(j-1)&fNeg == 0 && !s.is(j-1, "no"):
			// "this was not correct, there were more factors"
			return true
		case j > m.to && (s.seq(j, "together", "with") || s.seq(j, "combined", "with") || s.seq(j, "in", "combination", "with")):
			// "the real problem was the connection timeout together with
			// the slow registry"
			return true
		}
	}
	return false
}

// anyoneCould reports whether a counterfactual says that anyone would have
// done the same: "any of us could have typed that command", "the kind of
// bug anyone could have written".
func (s *sentence) anyoneCould(m match) bool {
	if m.rule == idAccident {
		// "the script made prod and staging look identical, anyone
		// would've picked wrong"
		for j := m.from; j >= 0 && j >= m.from-3; j-- {
			if s.is(j, "anyone", "anybody", "everyone", "everybody") && s.is(j+1, "would", "could", "might", "'d") {
				return true
			}
		}
		return false
	}
	if m.rule != idCounterfactual {
		return false
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if s.is(j, "anyone", "anybody", "everyone", "everybody") || s.seq(j, "any", "of", "us") || s.seq(j, "any", "one", "of") || s.seq(j, "any", "engineer") {
			for k := j + 1; k < m.to+2 && k < len(s.toks) && k <= j+5; k++ {
				if s.is(k, "could", "would", "might") {
					return true // not "had anyone glanced at the graph"
				}
			}
		}
	}
	return false
}

// ownedForward reports whether m is a leader owning the fix rather than
// blaming: "accountability for the fix sits with the platform director",
// "I take responsibility to improve our process, and Ms. Park will own the
// checklist", "as VP I am accountable, and this week we fell short of what
// you expect".
func (s *sentence) ownedForward(m match) bool {
	if m.rule != idAccountability && m.rule != idSelfBlame {
		return false
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if s.seq(j, "for", "the", "fix") || s.seq(j, "for", "fixing") || s.seq(j, "for", "the", "remediation") || s.seq(j, "for", "the", "follow-up") {
			return true
		}
	}
	if s.seq(m.to, "for", "the", "fix") || s.seq(m.to, "to", "improve") || s.seq(m.to, "for", "ensuring") || s.seq(m.to, "for", "making", "sure") || s.seq(m.to, "for", "fixing") || s.seq(m.to, "for", "improving") ||
		s.seq(m.to, "for", "a", "patch") || s.seq(m.to, "for", "a", "process") || s.seq(m.to, "for", "the", "process") {
		return true
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if s.seq(j, "as", "an", "organisation") || s.seq(j, "as", "an", "organization") {
			return true // "holding ourselves as an organisation accountable for …"
		}
	}
	for j := max(m.from-6, 0); j < m.from; j++ {
		if s.seq(j, "for", "the", "fix") || s.seq(j, "for", "fixing") || s.seq(j, "for", "the", "remediation") || s.seq(j, "for", "the") && s.hasWithin(j+2, 3, "process", "processes", "policy", "programme", "program") && s.hasAny("review", "commissioned", "will") {
			return true // "accountability for the fix sits with the platform director"
		}
	}
	if m.rule == idSelfBlame {
		for j := m.to; j < len(s.toks); j++ {
			if s.is(j, "will") && !s.is(j+1, "not") || s.seq(j, "of", "what", "you") || s.seq(j, "what", "you", "expect") {
				return true // "… and Dimitri's team will design one this quarter"
			}
		}
		if s.is(m.from, "cleanup", "clean-up", "fix", "cost", "bill", "refund", "refunds") {
			return true // "the cleanup is on us"
		}
	}
	// "nobody will be punished for this incident"
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if s.is(j, "nobody", "noone") || s.seq(j, "no", "one") {
			return true
		}
	}
	return false
}

// remediedOmission reports whether an omission of ours is told with its
// remedy: "we had not tested restoring that backup; we now test restores
// monthly", "which we misread as cross-region", or is a count of what was
// missed ("we missed roughly 18,000 deliveries").
func (s *sentence) remediedOmission(m match) bool {
	if m.rule != idOmission && m.rule != idCounterfactual {
		return false
	}
	we := false
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if s.is(j, "we", "us") {
			we = true
		}
	}
	if !we {
		return false
	}
	for j := m.to; j < len(s.toks) && j <= m.to+3; j++ {
		if s.toks[j].kind == tNum || s.is(j, "roughly", "about", "around", "nearly", "some") {
			return true
		}
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.is(j, "now", "since") || s.is(j, "we") && s.is(j+1, "now", "have", "added", "changed", "are", "will") {
			return true
		}
	}
	return s.is(m.from-1, "which", "that") && s.low(m.from-2) == ","
}

// thingJudged reports whether a judgement falls on a thing, not a person:
// "the failover controller made a mistake in choosing the replica", "the
// config service was careless with defaults", "diffs over 400 lines get
// rubber-stamped".
func (s *sentence) thingJudged(m match) bool {
	if m.rule != idJudgement {
		return false
	}
	thing := func(g int) bool {
		n := s.subjectOf(g)
		return n.ok() && !n.implicit && (n.start == 0 || s.linePrefix(n.start) || s.low(n.start-1) == ":") && !s.person(n) && s.toks[n.head].kind == tWord &&
			s.toks[n.head].f&(fPron|fRole|fName|fFirstSg|fFirstPl|fAmbig|fPlainName|fNegQuant) == 0 && s.nominal(n.head)
	}
	switch {
	case s.seq(m.from, "made", "a", "mistake"):
		return thing(m.from)
	case s.is(m.from, "careless") && s.low(m.to) == "with" && s.f(m.from-1)&fBe != 0:
		return thing(m.from - 1)
	case s.is(m.from, "rubber-stamped") && s.is(m.from-1, "get", "gets", "got"):
		return thing(m.from - 1)
	}
	return false
}

// manyCausesRCA reports whether an "RCA" label or "one culprit" sits in a
// sentence that lists several causes: "RCA: a memory leak was one of three
// contributing factors", "the health check interval was one culprit;
// connection draining was another".
func (s *sentence) manyCausesRCA(m match) bool {
	if m.rule != idSingleCause {
		return false
	}
	if !s.is(m.from, "rca", "rcas", "one") && !s.is(m.to-1, "rca", "culprit") {
		return false
	}
	for j := range s.toks {
		if s.is(j, "factors", "several", "multiple", "contributing", "another", "among", "separately", "workstreams", "both") ||
			s.is(j, "two", "three", "four", "five", "six") && (s.is(j+1, "causes", "factors", "conditions", "things", "issues", "workstreams") || s.is(j+2, "causes", "factors", "conditions")) {
			return true
		}
	}
	return false
}

// systemCues in the clause that explains an act say what the system
// showed or offered: "both clusters had the same name prefix and the
// console listed them in random order", "the pipeline marked them as flaky
// and offered a one-click bypass".
var systemCues = wordSet(`same similar identical alike looked showed shows listed lists marked offered offers
	provides provided allowed allows wiki documented written default defaults green badge hostname
	prefix console screen pipeline dashboard template flaky optional advisory override one-click random
	inbox emails notifications prompt menu dropdown checkbox button reported healthy checklist runbook
	rated outdated out-of-date tripping interface contract impossible full design logged debug routed
	channel monitoring filtered suppressed buried stored memory`)

// explainedBySystem reports whether a slip, an omission or an act without
// a check is followed at once by what the system showed or offered: "the
// on-call engineer restarted the wrong cluster; both clusters had the same
// name prefix", "he did not read the email because he received 200 emails
// that day". A reason about the person ("because he was in a hurry") leaves
// the blame.
func (s *sentence) explainedBySystem(m match) bool {
	if m.rule != idAccident && m.rule != idOmission && m.rule != idWithout {
		return false
	}
	k, viaAnd := -1, false
	for j := m.to; j < len(s.toks) && j <= m.to+10; j++ {
		if s.is(j, "because", "since", "as", ";", "bc", "cos", "cuz", "coz") || s.low(j) == "," && s.is(j+1, "because", "since", "as", "using", "bc", "cos", "cuz") {
			k = j
			break
		}
		// "I misread the tide table, and the new display puts the date …",
		// "…, but the reminder mail was sending to old address"
		if s.low(j) == "," && s.is(j+1, "and", "but") && s.thingOpens(j+2) {
			k, viaAnd = j+1, true
			break
		}
	}
	if k < 0 {
		return false
	}
	for j := m.from; j < m.to && j < len(s.toks); j++ {
		if slipAdverbs[s.low(j)] || s.is(j, "bother", "bothered", "mistake") {
			return false // "Lars accidentally applied …": told as a slip all the same
		}
	}
	if s.is(k, ";") && !s.stateAfter(k+1) {
		return false // "forgot to remove debug flag; client logged full session tokens": what followed, not why
	}
	cue := false
	for j := k + 1; j < len(s.toks) && !s.is(j, ";", ".") && !(s.low(j) == "," && j > k+1); j++ {
		if s.is(j, "lazy", "careless", "hurry", "rush", "rushed", "wanted", "tired", "forgot", "bother", "bothered", "thought", "assumed", "late", "noisy", "boring") || j <= k+2 && s.is(j, "nobody", "noone", "anybody", "anyone") {
			return false
		}
		if viaAnd {
			// after "and", what followed is as likely as why ("…, and the
			// app showed zero euro"): only a likeness, an order or a gap
			// that made the act look right counts
			if s.is(j, "same", "identical", "alike", "listed", "lists", "puts", "different", "look", "looked", "outdated", "out-of-date", "old", "validate", "validated") {
				cue = true
			}
			continue
		}
		if systemCues[s.low(j)] || s.toks[j].kind == tNum && s.is(j+1, "emails", "alerts", "messages", "files", "tickets", "pages") || s.is(j, "validate", "validated", "warn", "warned", "mailbox", "address", "display", "schematic", "form", "order") {
			cue = true
		}
	}
	return cue
}

// thingOpens reports whether the clause at i opens with a thing, not a
// person: "the new display", "the runbook", "the reminder mail".
func (s *sentence) thingOpens(i int) bool {
	if s.is(i, "the", "a", "an", "our", "its", "this", "that") {
		i++
	}
	for k := i; k < len(s.toks) && k < i+4 && s.nominal(k); k++ {
		if s.f(k)&(fRole|fName|fPlainName|fPron|fFirstSg|fFirstPl) != 0 || s.is(k, "it", "this", "that") {
			return false
		}
		if systemCues[s.low(k)] || s.f(k)&(fTech|fThing) != 0 || s.is(k, "runbook", "form", "display", "schematic", "tool", "script", "screen", "ui", "procedure", "reminder", "mail", "email", "label", "labels", "sign", "signage", "system", "software", "app", "page", "manual", "spec", "map") {
			return true
		}
	}
	return false
}

// stateAfter reports whether the clause from i tells a state of things,
// which can explain an act ("; the runbook step was out of date", "; the
// console showed both clusters as prod"), rather than only what followed
// ("; client logged full session tokens").
func (s *sentence) stateAfter(i int) bool {
	for j := i; j < len(s.toks) && !s.is(j, ";", "."); j++ {
		if s.f(j)&(fBe|fHave|fNeg|fRemedy) != 0 || s.is(j, "showed", "shows", "lacked", "lacks", "offered", "offers", "listed", "lists", "said", "says", "gave", "no", "reported", "reports", "now", "allowed", "let") {
			return true
		}
	}
	return false
}

// systemReason reports whether a skipped step or an act without one is
// explained at once by what the system offered: "gave the refund without
// approval because the approval screen was not loading", "skipped step 2
// because it referenced a service that was already down". A reason about
// the person ("because he wanted to go home") leaves the blame.
func (s *sentence) systemReason(m match) bool {
	// "The scheduler made a bad call because the tool availability data it
	// received was two hours old": a judged subject that may be software,
	// with a stale input for its reason
	judgedThing := m.rule == idJudgement && s.f(s.firstWord()+1)&fAmbig != 0 && s.is(s.firstWord(), "the") && m.from > s.firstWord()+1 && !s.anyWithin(0, m.from, "who", ",")
	if m.rule != idWithout && m.rule != idOmission && !judgedThing {
		return false
	}
	for j := m.to; j < len(s.toks) && j <= m.to+8; j++ {
		if !s.is(j, "because", "since") {
			continue
		}
		k := j + 1
		if s.is(k, "of") {
			return false
		}
		n := s.npStartingAt(k)
		if !(s.is(k, "it", "the", "our", "its", "this", "that", "there") && !s.person(n) || n.ok() && !s.person(n) && s.f(k)&(fPron|fFirstSg|fFirstPl) == 0) {
			return false
		}
		// The system made the step impossible: "was not loading", "does not
		// offer backups", "was already down". Not a judgement ("because it
		// was noisy", "because the release was late").
		for e := k; e < len(s.toks) && !s.boundary(e); e++ {
			if s.f(e)&fNeg != 0 || s.is(e, "down", "unavailable", "offline", "broken", "failing", "failed", "missing", "disabled", "locked", "unreachable", "crashed", "hung", "advisory", "optional", "green", "allowed", "permitted", "full", "impossible", "retired", "decommissioned", "outdated", "stale", "expired", "misrouted", "muted", "silenced", "kept") || judgedThing && s.is(e, "old", "late", "wrong", "frozen", "stuck") {
				return true
			}
		}
		return false
	}
	return false
}

// affordance reports whether m is what a tool lets anyone do: "the
// pipeline lets you skip with a checkbox", "the console allows anyone to
// drop a table".
func (s *sentence) affordance(m match) bool {
	for j := m.from - 1; j >= 0 && j >= m.from-3; j-- {
		if s.is(j, "lets", "let", "allows", "allowed", "allow", "permits", "permitted", "enables", "enabled") {
			return s.is(j+1, "you", "anyone", "anybody", "users", "people", "everyone", "engineers", "operators")
		}
	}
	return false
}

// supersededBlame reports whether m is blame a first report made and a
// later review replaced: "Initial report blamed operator error; full
// review found the config tool lacked safeguards", "fans were quick to
// blame the QA staff; the studio's own report pointed instead at a
// compressed schedule".
func (s *sentence) supersededBlame(m match) bool {
	if ruleIndex[m.rule].Category != Blame {
		return false
	}
	early := false
	for j := m.from - 1; j >= 0 && j >= m.from-6; j-- {
		if s.is(j, "initial", "first", "early", "preliminary", "earlier", "original") || hearsaySources[s.low(j)] || s.is(j, "fans", "quick") {
			early = true
		}
	}
	if !early {
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		if s.is(j, "instead") && !s.is(j+1, "of") || s.is(j, "revises", "revised", "corrected", "withdrew", "retracted") || s.is(j, "review", "investigation", "analysis", "report", "inquiry") && s.is(j+1, "found", "showed", "concluded", "pointed") && s.is(j-1, "full", "final", "later", "own", "formal", "independent", "revised", "updated", "second") {
			return true
		}
	}
	return false
}

// notSaying reports whether m is what the writer says they are not saying
// or not looking for: "we don't want to say the developer is guilty", "we
// are not looking for someone to hold responsible".
func (s *sentence) notSaying(m match) bool {
	for j := m.from - 1; j >= 0 && j >= m.from-8; j-- {
		if s.boundary(j) || s.is(j, "but", "yet") {
			return false
		}
		if s.seq(j-2, "goes", "without", "saying") || s.seq(j-2, "go", "without", "saying") {
			return false // "it goes without saying that the on-call should have escalated"
		}
		if s.is(j, "say", "saying", "claim", "claiming", "suggest", "suggesting", "imply", "implying", "looking", "look", "searching", "search", "hunting", "accuse", "accusing", "mean", "pointing", "point", "naming", "name", "assigning", "assign", "blaming") &&
			(s.negatedBefore(j, 4) || s.f(j-1)&fNeg != 0) {
			return true
		}
	}
	return false
}

// deniedLater reports whether the sentence goes on to deny what m claims:
// "some people on the team felt responsible, and we told them plainly that
// this was not on them", "… – this is nobody's fault".
func (s *sentence) deniedLater(m match) bool {
	if ruleIndex[m.rule].Category != Blame {
		return false
	}
	if s.is(m.from, "nobody", "noone") && s.low(m.from+1) == "'s" || s.seq(m.from, "no", "one", "'s") {
		return true // "nobody's fault"
	}
	for j := m.to; j < len(s.toks); j++ {
		switch {
		case s.is(j, "not") && s.is(j+1, "on") && s.is(j+2, "them", "him", "her", "me", "us", "anyone", "anybody"),
			s.is(j, "not") && s.f(j+1)&fPossessive != 0 && s.is(j+2, "fault"),
			s.is(j, "not") && s.is(j+1, "anyone", "anybody") && s.low(j+2) == "'s" && s.is(j+3, "fault"),
			s.is(j, "nobody", "noone") && s.low(j+1) == "'s" && s.is(j+2, "fault"),
			s.is(j, "claim", "accusation", "allegation", "charge") && s.is(j+2, "rejected", "denied", "disputed", "rejects", "denies", "disputes") || s.is(j, "claim", "accusation", "allegation", "charge") && s.is(j+3, "rejected", "denied", "disputed", "rejects", "denies", "disputes"),
			s.is(j, "inaccurate", "untrue", "false", "incorrect", "unfounded", "wrong") && s.is(0, "reports", "claims", "suggestions", "rumours", "rumors", "stories", "allegations"):
			return true
		case (m.rule == idAccountability || m.rule == idPersonCause) && s.is(j, ":", "—") && s.is(j+1, "they", "he", "she", "it", "we", "i") && s.is(j+2, "did", "were", "was", "are", "is", "had", "have") && s.f(j+3)&fNeg != 0 && s.boundary(j+4):
			// "the suggestion that the radiology department caused this:
			// they did not"
			return true
		}
	}
	return false
}

// notSought reports whether m is a search the team chose not to make:
// "we deliberately did not look for a single root cause", "we did not try
// to name one", "ping me if I've missed anything".
func (s *sentence) notSought(m match) bool {
	if m.rule != idOmission {
		return false
	}
	for j := m.from; j < m.to; j++ {
		if s.is(j, "deliberately", "intentionally", "purposely", "consciously") {
			return true
		}
	}
	if s.is(m.from-1, "if", "whether", "anything", "whatever") || s.is(m.from-2, "if", "whether", "anything", "whatever") {
		return true // "ping me if I've missed anything", "add anything i missed"
	}
	search := false
	for j := m.from; j < m.to+2 && j < len(s.toks); j++ {
		search = search || s.is(j, "look", "looked", "looking", "search", "searched", "seek", "sought", "try", "tried", "name", "named", "hunt", "hunted", "settle", "settled", "find", "found", "pin", "pinned", "assign", "assigned", "identify", "identified", "point", "pointed")
	}
	for j := m.to; search && j < len(s.toks) && j <= m.to+8 && !s.boundary(j); j++ {
		if s.is(j, "culprit", "blame", "scapegoat") || s.is(j, "root") && s.is(j+1, "cause", "causes") || s.is(j, "someone", "somebody") && s.is(j+1, "to") || s.is(j, "single", "one", "sole") && s.is(j+1, "cause", "reason", "culprit") {
			return true
		}
	}
	return false
}

// askedAbout reports whether m is what someone asked about or asked for
// rather than what the writer claims: a reported question ("I have been
// asked who is to blame", "a board member asked what the one root cause
// was", "some have asked whether this was human error") or a request for a
// document ("auditors requested a root cause analysis", "the vendor asked
// for an RCA"), which names the framing without adopting it.
func (s *sentence) askedAbout(m match) bool {
	for j := m.from - 1; j >= 0 && j >= m.from-10; j-- {
		if s.is(j, ";", ":") {
			return false
		}
		switch {
		case s.is(j, "checked", "check", "checking", "verified", "verify", "verifying", "investigated", "investigate", "investigating", "discussion", "discussions", "debate", "unclear", "unsure", "determine", "determining") &&
			(s.is(j+1, "whether", "if") || !s.boundary(j+1) && s.is(j+2, "whether", "if")):
			// "we checked if the operator made a mistake", "we had
			// discussion if the reason is the firmware or the cables"
			return !s.answeredAfter(m.to)
		case s.is(j, "asked", "asks", "ask", "asking", "wondered", "wonders", "wonder", "wondering", "question", "questions", "questioned", "discussed", "debated", "considered", "examined"):
			// "asked (me|the team|by the regulator) whether …"
			for k := j + 1; k <= m.from+1 && k < len(s.toks) && k <= j+6; k++ {
				if k == m.from+1 && !s.is(m.from, "me", "us", "him", "her", "them") {
					break // "asked the maintainer who merged the PR to step back": the one asked
				}
				if s.is(k, "who", "whether", "if", "what", "which") {
					return !s.answeredAfter(m.to)
				}
			}
			if ruleIndex[m.rule].Category == RootCause {
				for k := j + 1; k < m.from && k <= j+5; k++ {
					if s.is(k, "for") {
						return true // "asked for an RCA", "asked the fund for a root-cause report"
					}
				}
			}
		case ruleIndex[m.rule].Category == RootCause && s.is(j, "requested", "requests", "request", "requesting", "demanded", "demands", "demand", "required", "requires", "require", "wants", "wanted", "expects", "expected", "promised", "promises", "owe", "owes", "deliver", "delivers", "commissioned"):
			return true
		}
	}
	// "root-cause analysis as a practice has not served us well"
	if ruleIndex[m.rule].Category == RootCause && s.is(m.to, "as") && s.is(m.to+1, "a", "an") && s.is(m.to+2, "practice", "method", "discipline", "technique", "ritual", "exercise", "approach", "tool", "format", "framework", "concept", "label", "habit", "mindset", "lens") {
		return true
	}
	return false
}

// answeredAfter reports whether the sentence goes on to answer the question
// it reports with the claim itself: "I've been asked what the true cause
// was, and the honest answer is the PgBouncer bypass". An answer that
// refuses ("the answer is no", "my answer is that this report is not the
// place") claims nothing.
func (s *sentence) answeredAfter(i int) bool {
	for j := i; j < len(s.toks); j++ {
		if s.is(j, "answer", "answered", "answers") {
			k := j + 1
			if s.f(k)&fBe != 0 {
				k++
			}
			return !s.is(k, "no", "not", "none", "nobody", "that", "there", "several", "many", "we", "it")
		}
	}
	return false
}

// ruledOut reports whether the sentence rules out what m names: "human
// error ruled out", "operator error was excluded early".
func (s *sentence) ruledOut(m match) bool {
	for j := m.to; j < len(s.toks) && j <= m.to+3; j++ {
		if s.boundary(j) && s.low(j) != "," {
			return false
		}
		if s.is(j, "ruled", "rules") && s.is(j+1, "out") || s.is(j, "excluded", "dismissed", "eliminated", "disproved", "discounted") {
			return true
		}
	}
	return false
}

// hearsaySources are speakers whose words a postmortem reports without
// adopting them.
var hearsaySources = map[string]bool{
	"press": true, "media": true, "news": true, "reports": true, "commentators": true,
	"commenters": true, "critics": true, "customers": true, "customer": true, "users": true,
	"user": true, "posts": true, "post": true, "tweet": true, "tweets": true, "thread": true,
	"threads": true, "forum": true, "headline": true, "headlines": true, "tabloid": true,
	"tabloids": true, "rumour": true, "rumours": true, "rumor": true, "rumors": true,
	"speculation": true, "comments": true, "callers": true, "journalists": true,
	"reporters": true, "coverage": true, "outlets": true, "articles": true, "article": true,
	"observers": true, "pundits": true, "someone": true, "somebody": true, "people": true,
	"letter": true, "email": true, "reply": true, "replies": true, "message": true,
	"messages": true, "partner": true, "partners": true, "poll": true, "survey": true,
	"questionnaire": true, "accounts": true, "claims": true, "stories": true, "story": true,
	"caller": true, "commenter": true, "critic": true, "source": true, "sources": true,
	"hypothesis": true, "hypotheses": true, "theory": true, "theories": true, "guess": true,
	"guesses": true, "suspicion": true, "suspicions": true, "hunch": true, "instinct": true,
	"groups": true, "campaigners": true, "activists": true, "reddit": true, "twitter": true,
	"forums": true, "posters": true, "fans": true, "players": true, "subscribers": true,
	"residents": true, "passengers": true, "parents": true, "viewers": true,
	"many": true, "some": true, "others": true, "minister": true, "officials": true,
	"politicians": true, "draft": true, "drafts": true, "commentary": true, "doctors": true,
	"teachers": true, "nurses": true, "client": true, "clients": true,
	"suggestion": true, "internal": true, "early": true, "earlier": true, "heard": true,
	"agency": true, "agencies": true, "insider": true,
}

// reportVerbs introduce what someone said.
var reportVerbs = map[string]bool{
	"said": true, "says": true, "claimed": true, "claims": true, "alleged": true, "alleges": true,
	"wrote": true, "writes": true, "posted": true, "tweeted": true, "described": true,
	"describes": true, "called": true, "calls": true, "blamed": true, "blames": true,
	"suggested": true, "suggests": true, "speculated": true, "guessed": true, "asked": true,
	"asks": true, "stated": true, "states": true, "cited": true, "cites": true, "insisted": true,
	"argued": true, "accused": true, "accuses": true, "questioned": true, "wondered": true,
	"assumed": true, "implied": true, "reported": true, "characterised": true, "characterized": true,
	"framed": true, "labelled": true, "labeled": true, "branded": true, "attributed": true,
	"pointed": true, "heard": true, "thinking": true, "thought": true, "believed": true, "circulating": true,
	"alleging": true, "claiming": true, "suggesting": true, "blaming": true, "write": true, "citing": true, "saying": true, "say": true,
}

// hearsay reports whether the words at i are reported from a source the
// writer does not speak for: a reporting verb before them (or at i) whose
// subject is the press, commentators, customers and the like.
func (s *sentence) hearsay(i int) bool {
	// "Claims that fab technicians mishandled the chamber not supported by
	// data", "Claims of site data-entry mistakes investigated and not
	// substantiated": a report named as a noun
	for v := max(i-8, 0); v < i; v++ {
		if s.is(v, "claims", "claim", "allegations", "allegation", "reports", "report", "rumours", "rumors", "suggestions", "suggestion") && s.is(v+1, "that", "of") {
			if s.is(v-1, "rejects", "rejected", "denies", "denied", "disputes", "disputed", "dismisses", "dismissed", "refutes", "refuted", "rebuts", "rebutted", "contests", "contested") {
				return true // "Exchange denies reports that intern caused outage"
			}
			if v == 0 || s.linePrefix(v) || s.is(v-1, "the", "early", "initial", "some", "any", "says", "said", "states", "stated") {
				return s.contradicted(v, i)
			}
		}
		if s.is(v, "claims", "allegations", "reports", "rumours", "rumors", "suggestions") && (v == 0 || s.linePrefix(v)) && s.is(v+1, "in", "on", "from") {
			// "Claims in the press that a single staff member caused the
			// outage are not supported by our findings"
			for t := v + 2; t < i && t <= v+5; t++ {
				if s.is(t, "that") {
					return s.contradicted(v, i)
				}
			}
		}
	}
	for v := i; v >= 0; v-- {
		if s.is(v, ";") || s.is(v, "but", "actually") && v < i {
			return false // "Customer is saying our DNS is broken but actually they wrote the record wrong"
		}
		if !reportVerbs[s.low(v)] {
			continue
		}
		g := s.groupStart(v)
		for j := g - 1; j >= 0 && j >= g-8; j-- {
			if s.boundary(j) && s.low(j) != "," {
				break
			}
			if hearsaySources[s.low(j)] {
				return s.contradicted(v, i)
			}
		}
	}
	return false
}

// contradicted reports whether the sentence sets the report at v, whose
// reported words start at i, against something: "…, which is not what
// happened", "a claim the airline's report does not support", "but the
// review found a mix of factors". A report of blame nobody disputes is
// told as the writer's own. A judging adjective or a failure inside the
// reported words is theirs, not a contradiction: "an insider saying the
// engineer had entered an incorrect parameter", "sources say the technician
// did not follow the protocol".
func (s *sentence) contradicted(v, i int) bool {
	reported := len(s.toks) // the reported words run from i to the clause's end
	for k := i; k < len(s.toks); k++ {
		if s.boundary(k) && s.low(k) != "," {
			reported = k
			break
		}
	}
	for j := range s.toks {
		if j == v || j >= i && j < min(i+12, reported) && (s.is(j, "incorrect", "wrong", "false", "inaccurate", "misleading") && s.nominal(j+1) ||
			s.f(j)&fNeg != 0 && (s.is(j-1, "did", "does", "do") || s.is(j, "didn't", "doesn't", "don't", "never"))) {
			continue // "sources say the technician did not follow the protocol" reports a failure
		}
		if s.contradicts(v, j) {
			return true
		}
	}
	return false
}

// contradicts reports whether the word at j sets the report at v against
// the evidence or the writer's view.
func (s *sentence) contradicts(v, j int) bool {
	return s.f(j)&fNeg != 0 || s.is(j, "but", "however", "though", "although", "whereas", "rejects", "rejected", "denied", "denies", "disputes", "disputed",
		"incorrect", "untrue", "false", "wrong", "unfounded", "neither", "correct", "misleading", "inaccurate", "instead", "unsupported", "dismissed", "ruled", "whether", "withdrawn", "withdrew", "disagree", "unsubstantiated") ||
		s.is(j, "show", "shows", "showing", "showed") && s.is(j-1, "logs", "log", "records", "data", "timeline", "audit") || s.is(j, "evidence") && !s.hasAny("confirmed", "confirms", "supports", "supported", "backs", "backed") ||
		s.is(j, "while", "whilst") && s.lineStart(j) || s.seq(j, "the", "reality") ||
		s.is(j, "found", "showed", "shows", "finds") && s.is(j-1, "investigation", "review", "analysis", "inquiry") && j > v && !s.hasAny("same", "agreed", "agrees", "confirmed", "confirms")
}

// rejected reports whether the words at i fall under a framing the sentence
// rejects: "rather than", "instead of", "contrary to", "it would be easy to
// say", "calling this … would", "not a story about", "we do not see this
// as", "no evidence that".
func (s *sentence) rejected(i int) bool {
	n := len(s.toks)
	first := 0
	for first < n && (s.toks[first].kind == tNum || s.toks[first].kind == tPunct) {
		first++
	}
	for j := first; j < n && j < first+4; j++ {
		if s.is(j, ":") && s.linePrefix(j+1) {
			first = j + 1 // after a speaker's label: "14:02 kim: calling this …"
			break
		}
	}
	// "Any account of this incident that points to a single person … is,
	// in my view, incomplete"; "I don't agree with the idea that …"
	if s.is(first, "any") && s.hasAny("incomplete", "misleading", "simplistic") {
		return true
	}
	for j := first; j+1 < i; j++ {
		if s.is(j, "disagree") && s.is(j+1, "with") || s.is(j, "agree") && s.is(j+1, "with", "that") && s.negatedBefore(j, 3) {
			return true
		}
	}
	// "…, not as a list of their mistakes"
	for j := max(i-6, first); j+1 < i; j++ {
		if s.seq(j, "not", "as") && (s.low(j-1) == "," || s.boundary(j-1)) {
			return true
		}
	}
	// A theory told and then dropped: "First we thought the new SDK is the
	// cause, but after the test this idea was wrong."
	for j := first; j < i; j++ {
		if !s.is(j, "thought", "believed", "suspected", "assumed", "guessed") {
			continue
		}
		for k := i + 1; k < n; k++ {
			if s.is(k, "but", "however") {
				return s.anyWithin(k+1, 10, "wrong", "disproved", "false", "excluded") || s.seq(k+1, "ruled", "out") || s.anyWithin(k+1, 10, "not") && s.anyWithin(k+1, 10, "it", "this", "that")
			}
		}
		break
	}
	// "We considered calling the full disk the root cause but …"
	for j := first; j+1 < n && j < i; j++ {
		if s.is(j, "considered", "considering", "contemplated") && s.is(j+1, "calling", "naming", "labelling", "labeling", "describing") {
			return true
		}
	}
	// "Calling this operator error would …", "Describing it as …"; also
	// after a semicolon: "…; blaming whoever ran the import would fix none
	// of them".
	for j := i - 1; j > first; j-- {
		if s.is(j, ";") {
			first = j + 1
			break
		}
	}
	if first <= i && s.is(first, "calling", "describing", "labelling", "labeling", "blaming", "framing", "treating", "attributing", "branding", "writing") {
		for j := first + 1; j < n; j++ {
			if s.is(j, "would", "will", "is", "does", "misses", "obscures", "hides", "stops", "ends") {
				return true
			}
		}
	}
	comma := false // a comma between j and i
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		w := s.low(j)
		if w == "," {
			comma = true
		}
		switch w {
		case ";", ":":
			return false
		case "but", "yet", "however":
			// "…, but", and a disclaimer that a "but" takes back: "not
			// blaming anyone but the fitter clearly didn't check"
			if s.low(j-1) == "," || s.low(j-1) == ";" || j == 0 || s.is(j-1, "anyone", "anybody", "fingers", "names", "someone", "somebody", "people") {
				return false
			}
		case "rather", "instead":
			// "instead of blaming the operator"; not "ran it with --all
			// instead of --dry-run", the act itself
			// Nor "deployed it globally instead of to one POP, which is
			// amateur": the judgement after the comma is the writer's.
			// Nor "pushed it to row C instead of row F because I was
			// reading the wrong column": a reason after the act is the
			// writer's.
			if s.is(j+1, "than", "of") && s.low(j+2) != "-" && !environments[s.low(j+2)] && !comma && !s.anyWithin(j+2, i-j-2, "because", "since", "so", "while", "when") {
				return true
			}
		case "declines", "declined", "decline", "declining", "refuses", "refused", "refuse", "refusing", "refusal":
			// "declined to blame staff", "praised for refusing to name a single root cause";
			// not "the manager's refusal to switch to paper is the sole reason"
			if s.is(j+1, "to") && s.is(j+2, "blame", "name", "call", "single", "point", "pick", "assign", "label", "attribute", "identify", "settle", "speculate", "accept", "say", "use", "frame", "focus", "search", "hunt", "chase", "reduce", "boil", "declare", "treat", "endorse", "adopt", "fault", "criticise", "criticize", "punish", "discipline", "apportion") {
				return true
			}
		case "contrary":
			// "contrary to early press reports", not "contrary to policy"
			if s.low(j+1) == "to" && (hearsaySources[s.low(j+2)] || s.is(j+2, "early", "earlier", "initial", "first", "some", "popular", "widespread", "what") || hearsaySources[s.low(j+3)]) {
				return true
			}
		case "evidence", "sign", "signs", "indication", "basis", "suggestion", "proof":
			// "no evidence that", "found no sign of", "did not find evidence",
			// "rejected the operator's suggestion that"
			if s.negatedBefore(j, 3) || s.is(j-1, "little", "scant") || s.low(j-1) == "'s" && (s.is(j-3, "rejected", "rejects", "disputed", "disputes", "denied") || s.is(j-4, "rejected", "rejects", "disputed", "disputes", "denied")) || s.is(j-1, "the") && s.is(j-2, "rejected", "rejects", "disputed", "disputes", "denied") {
				return true
			}
		case "idea", "notion", "claim", "view", "narrative", "premise", "assumption", "framing", "story", "allegation", "accusation", "assertion", "draft":
			// "rejects the idea that", "not a story about", "the claim that … is not supported"
			if s.negatedBefore(j, 3) || s.is(j-1, "the", "a", "any") && s.is(j-2, "reject", "rejects", "rejected", "dispute", "disputes", "disputed", "challenge", "challenges", "deny", "denies", "denied") ||
				s.is(j-1, "reject", "rejects", "rejected", "dispute", "disputes", "disputed", "deny", "denies", "denied") ||
				s.is(j-2, "reject", "rejects", "rejected", "dispute", "disputes", "disputed", "withdrew", "retracted") ||
				s.low(j-1) == "'s" && (s.is(j-3, "rejected", "rejects", "disputed", "disputes", "denied") || s.is(j-4, "rejected", "rejects", "disputed", "disputes", "denied")) {
				return true // "rejected the operator's suggestion that …", "rejected the first draft"
			}
			// "Claim that single cause explains outage considered
			// incomplete by review board": the claim opens the sentence
			// and is judged after it
			if s.is(j+1, "that") && (j == first || s.f(j-1)&fDet != 0 && j-1 == first) && s.anyWithin(i, 14, "incomplete", "rejected", "dismissed", "unfounded", "unsupported", "disputed", "misleading", "simplistic", "oversimplified", "disproved", "false") {
				return true
			}
		case "that":
			// "the university denied that any individual had been negligent"
			if s.is(j-1, "denied", "denies", "deny", "disputed", "disputes", "rejected", "rejects") {
				return true
			}
		case "easy", "tempting", "wrong", "unfair", "misleading", "inaccurate", "simplistic", "unhelpful", "lazy", "natural", "convenient", "tempted":
			// "it would be easy to call this …", "it is not accurate to say"
			if s.low(j+1) == "to" && s.is(j+2, "say", "call", "conclude", "describe", "write", "blame", "label", "see", "read", "frame", "think", "pin", "put", "stop", "assume", "point") {
				return true
			}
		case "accurate", "fair", "right", "true", "correct", "helpful", "useful":
			if s.low(j+1) == "to" && s.negatedBefore(j, 3) {
				return true
			}
		case "see", "sees", "saw", "views", "viewed", "regard", "regards", "regarded",
			"treat", "treats", "treated", "treating", "consider", "considers", "considered", "call", "calls", "calling", "counting",
			"describe", "describes", "frame", "count", "counts", "class", "characterise",
			"characterize", "attribute", "attributes", "attributed", "hold", "holds", "find",
			"found", "write", "label", "put", "blame", "blaming", "think", "believe", "accept":
			// "we do not see this as human error", "does not hold any employee
			// responsible", "we did not find that"; not "I can't believe
			// he missed it", which is exasperation
			if s.is(j, "believe") && s.is(j-1, "n't", "not") && s.is(j-2, "ca", "can", "could") {
				continue
			}
			// "never put it back" is the act; "we do not put this down to
			// carelessness" and "never put the blame on" are framings
			if s.is(j, "put") && !s.anyWithin(j+1, 4, "down", "blame", "fault") {
				continue
			}
			if s.negatedBefore(j, 3) || s.is(j-1, "never") {
				return true
			}
		}
	}
	return false
}

// deniedBy reports whether m sits in a clause that denies it: its subject
// is nobody ("No one ran the wrong command", "nobody was at fault"), or a
// negation comes right before it ("no negligence", "not anyone's fault").
// A failure to check with nobody as the subject ("nobody checked the
// replica") is the omission itself; that rule marks its matches byNobody.
func (s *sentence) deniedBy(m match) bool {
	if m.rule == idSingleCause && s.seq(m.from, "no", "other") {
		return false // "no other factors were identified": the denial is the claim
	}
	if m.rule == idWithout && s.is(m.from-1, "not", "never") && s.is(m.from+1, "by") {
		return false // "not reviewed by duty operator": the step not taken is the claim
	}
	if m.byNobody {
		// "no one at the fund acted carelessly": the carelessness is denied,
		// not an omission claimed
		for j := m.to; j < len(s.toks) && j <= m.to+2; j++ {
			if judgedManner[s.low(j)] {
				return true
			}
		}
		return false
	}
	if m.rule == idJudgement && judgedManner[s.low(m.from)] {
		// "no one in the warehouse acted carelessly"
		if v := s.verbBefore(m.from); v >= 0 {
			if n := s.subjectOf(v); n.ok() && (s.is(n.start, "nobody", "noone", "nothing", "none") || s.is(n.start, "no") && (s.is(n.start+1, "one") || s.person(n))) {
				return true
			}
		}
	}
	if s.is(m.from-1, "who", "what") && s.is(m.from-2, "not", "never") {
		return true // "describe what happened, not who screwed up"
	}
	if s.is(m.from, "no", "not", "never") && m.rule != idJudgement {
		return true // "no mistake by the on-call engineer"; "not paying attention" is the judgement
	}
	if s.is(m.from-1, "or", "nor") {
		// "no forecaster or engineer is being disciplined"
		for j := m.from - 2; j >= 0 && j >= m.from-4 && !s.boundary(j); j-- {
			if s.is(j, "no") {
				return true
			}
			if s.f(j)&(fRole|fDet|fAdv) == 0 && !s.nominal(j) {
				break
			}
		}
	}
	for j := m.from - 1; j >= 0 && j >= m.from-2; j-- {
		if s.boundary(j) {
			break
		}
		if s.is(j, "no", "not", "never", "nor", "neither", "without") {
			return true
		}
		if s.f(j)&(fDet|fAdv) == 0 && !(j == m.from-1 && s.is(j, "individual", "personal", "human", "real", "actual", "such") && s.is(j-1, "no")) {
			break // "found no individual negligence" denies it all the same
		}
	}
	// A denial inside the match: "Giulia made no mistake", "the staff
	// involved have not been disciplined".
	for j := m.from + 1; j < m.to && j < len(s.toks); j++ {
		if s.is(j, "no") && (errorNouns[s.low(j+1)] || s.is(j+1, "mistake", "mistakes", "error", "errors")) ||
			s.is(j, "not", "never") && m.rule == idAccountability && j+2 < m.to+1 && s.f(j+1)&(fBe|fHave) != 0 ||
			s.is(j, "not", "never") && m.rule == idAccountability && (s.is(j+1, "responsible", "liable", "culpable", "accountable") || s.seq(j+1, "at", "fault") || s.seq(j+1, "to", "blame")) {
			return true // "its drivers were not responsible for the fare errors"
		}
	}
	// "no member of staff would face disciplinary action": a sanction
	// denied to everyone before it.
	if m.rule == idAccountability {
		for j := m.from - 1; j >= 0 && j >= m.from-8; j-- {
			if s.boundary(j) && s.low(j) != "," {
				break
			}
			if s.is(j, "no") && s.is(j+1, "one", "member", "members", "staff", "employee", "employees", "individual", "person") || s.is(j, "nobody", "noone") {
				return true
			}
		}
	}
	// The subject of the clause, from its start up to the end of the match.
	start := m.from
	for start > 0 && !s.boundary(start-1) && s.f(start-1)&(fConj|fSub) == 0 {
		start--
	}
	for j := start; j < m.to && j < len(s.toks); j++ {
		switch {
		case j == m.from && m.rule == idJudgement:
			// the judgement is about nobody acting: "nobody listened",
			// "no one did anything"
		case s.is(j, "nobody", "none", "neither", "nothing") && !(m.rule == idSingleCause && j == m.from) && !(m.rule == idWhyQuestion && s.is(j, "nobody")):
			return true // "nothing was done carelessly"; not "nothing else" closing on one cause
		case s.is(j, "no") && (s.is(j+1, "one") || s.person(s.npStartingAt(j+1))):
			return true
		case s.is(j, "not") && s.is(j+1, "a", "one", "any", "anyone", "anybody", "everyone") && j == start:
			return true
		}
		if s.f(j)&(fBe|fHave|fDo|fModal) != 0 || pastForm(&s.toks[j]) {
			break // past the subject
		}
	}
	return false
}

// judgedManner are adverbs that grade how someone acted; with nobody as the
// subject they deny the grading.
var judgedManner = wordSet(`carelessly recklessly negligently wrongly improperly irresponsibly
	maliciously hastily sloppily rashly inappropriately unprofessionally`)

// supportedOrCareful reports whether a person's state or a gap is told
// with the support they got or the care they took: "was little bit
// stressed, so Diego sat with him", "two weeks into the job and had never
// rolled back the service, so Diego paired with him", "did not restart the
// engine before he asked the EHR team", "kept the store offline rather
// than risk", "he joined from his day off, nobody asked him" with thanks.
func (s *sentence) supportedOrCareful(m match) bool {
	switch m.rule {
	case idPersonState, idOmission, idWithout:
	default:
		return false
	}
	for j := m.to; j < len(s.toks); j++ {
		if (s.seq(j, "sat", "with") || s.is(j, "paired", "teamed", "partnered") && s.anyWithin(j+1, 3, "with", "up") || s.seq(j, "walked", "him") || s.seq(j, "walked", "her") || s.seq(j, "walked", "them")) && s.anyWithin(max(j-3, 0), 3, "so") ||
			s.is(j, "so") && s.anyWithin(j+1, 5, "we") && s.anyWithin(j+2, 6, "changed", "gave", "moved", "brought", "sent", "swapped", "rotated", "handed", "put", "added", "took", "arranged", "made", "organised", "organized") ||
			s.is(j, "we") && s.is(j+1, "'ve", "have", "had") && s.is(j+2, "arranged", "organised", "organized", "added") && s.is(j+3, "cover", "a", "an", "another", "extra", "backup") ||
			s.is(j, "cleanly") && s.anyWithin(max(j-8, 0), 8, "still") {
			return true
		}
	}
	if s.seq(m.to, "rather", "than", "risk") || s.hasAny("rather") && s.hasAny("risk", "risking") {
		return true // "chose to keep the store offline for another hour rather than risk …"
	}
	if m.rule == idOmission && s.heldUntilAsked(m.to) {
		return true // "did not restart the engine before he has asked the EHR team"
	}
	if m.rule == idWithout && s.anyWithin(m.from, m.to-m.from, "escalated", "paged") {
		return true // "she escalated to the identity team without waiting": raising the alarm early
	}
	return false
}

// heldUntilAsked reports whether "before" within a few words of i leads to
// someone asking or confirming: "… before he has asked the EHR team".
func (s *sentence) heldUntilAsked(i int) bool {
	for j := i; j < len(s.toks) && j < i+6; j++ {
		if !s.is(j, "before") {
			continue
		}
		k := j + 1
		if s.f(k)&fPron != 0 {
			k++
		}
		if s.f(k)&fHave != 0 {
			k++
		}
		if s.is(k, "asked", "asking", "confirmed", "confirming", "heard", "hearing", "agreed") {
			return true
		}
	}
	return false
}

// framingRejected reports whether the match is a framing the writer
// rejects, withdraws or disputes by name: "The review explicitly rejects
// the initial characterisation of this event as operator error", "we have
// withdrawn the description of this as human error".
func (s *sentence) framingRejected(m match) bool {
	from := max(m.from-8, 0)
	for j := from; j < m.from; j++ {
		if !s.is(j, "reject", "rejects", "rejected", "rejecting", "withdrew", "withdrawn", "withdraw", "withdraws", "dispute", "disputes", "disputed", "retract", "retracted", "retracts") {
			continue
		}
		if s.anyWithin(j+1, m.from-j, "characterisation", "characterization", "description", "framing", "label", "labelling", "labeling", "wording", "verdict", "conclusion", "assumption", "narrative", "notion", "suggestion") {
			return true
		}
	}
	// "Initial field report citing operator error withdrawn after log
	// review": an early account of it, withdrawn since.
	if s.anyWithin(from, m.from-from, "report", "email", "e-mail", "statement", "post", "note", "summary", "draft", "update", "assessment") && s.anyWithin(from, m.from-from, "initial", "early", "first", "earlier", "preliminary") {
		return s.anyWithin(m.to, 8, "withdrawn", "withdrew", "retracted", "rejected", "corrected", "superseded")
	}
	return false
}

// framingDeclined reports whether a framing is named only to be turned
// down: "than look for a person to hold accountable", "looking for a
// single root cause here would have meant ignoring …", "naming one root
// cause would be tidy, but …", "not a case of one careless engineer".
func (s *sentence) framingDeclined(m match) bool {
	for j := max(m.from-6, 0); j < m.from; j++ {
		if s.is(j, "than", "rather", "instead") && s.hasWithin(j+1, 3, "look", "looking", "search", "searching", "hunt", "hunting") {
			return true
		}
		if s.is(j, "looking", "look", "naming", "picking", "calling", "blaming") && s.hasAfter(m.to-1, "would", "meant", "ignoring", "ignore", "miss", "misses") && s.hasAfter(m.to-1, "but", "ignoring", "ignore", "meant", "miss", "misses") {
			return true
		}
	}
	for j := max(m.from-10, 0); j < m.from; j++ {
		if (s.seq(j, "not", "a", "case", "of") || s.seq(j, "not", "about")) && !s.anyWithin(j, m.from-j, "but", "however", "though") {
			return true // "this was not a case of one careless engineer"; not "this is not about blame, but Dave …"
		}
	}
	return false
}

// framingJudgedAfter reports whether a framing that others gave ("has
// described this as", "it has been suggested that") is judged by the
// writer in a later clause: "Some commentary has described this as human
// error; we believe that description is incomplete", "It has been
// suggested that a single root cause can be named; we think that
// oversimplifies what happened".
func (s *sentence) framingJudgedAfter(m match) bool {
	if !s.anyWithin(max(m.from-8, 0), m.from-max(m.from-8, 0), "described", "describe", "describes", "called", "labelled", "labeled", "characterised", "characterized", "framed", "suggested", "claimed", "argued", "portrayed") {
		return false
	}
	b := -1
	for k := m.to; k < len(s.toks); k++ {
		if s.is(k, ";", ",", "but", "and") || s.low(k) == "-" {
			b = k
			break
		}
	}
	if b < 0 {
		return false
	}
	for k := b + 1; k < len(s.toks) && k <= b+10; k++ {
		if !s.is(k, "that", "this", "such") {
			continue
		}
		j := k + 1
		if s.is(j, "description", "label", "framing", "characterisation", "characterization", "account", "view", "explanation", "reading", "summary", "verdict", "conclusion", "a") {
			j++
		}
		if s.is(j, "oversimplifies", "oversimplify", "oversimplified", "simplifies", "misleads", "misrepresents", "misses") {
			return true
		}
		if s.is(j, "is", "was", "seems", "feels", "would", "be") && s.anyWithin(j+1, 3, "incomplete", "unhelpful", "misleading", "wrong", "inaccurate", "unfair", "simplistic", "reductive", "oversimplified", "oversimplification", "inadequate") {
			return true
		}
	}
	return false
}

// temptedThenTurned reports whether a framing is what someone was tempted
// to give and the sentence turns from it: "Some people in the review wanted
// to blame the field team, but the data showed …", "Our first instinct was
// to call it human error, but the runbook itself told him to …".
func (s *sentence) temptedThenTurned(m match) bool {
	from := max(m.from-7, 0)
	if !s.anyWithin(from, m.from-from, "wanted", "instinct", "tempted", "tempting", "temptation", "inclined", "urge", "reflex", "impulse") {
		return false
	}
	for k := m.to; k < len(s.toks); k++ {
		if s.is(k, "but", "however", "yet") && (s.boundary(k-1) || s.is(k, "but")) {
			return true
		}
	}
	return false
}

// measureDismissed reports whether a measure against people opens its
// clause only to be called no help: "Retraining individuals would not
// address the confusing layout of the control screens", "disciplining
// the crew won't fix the alarm flood".
func (s *sentence) measureDismissed(m match) bool {
	if m.rule != idAccountability || !(m.from == s.firstWord() || s.boundary(m.from-1)) {
		return false
	}
	for k := m.to; k < len(s.toks) && k <= m.to+3; k++ {
		// The tokens hold "won't" and "wont" as "will not".
		if !s.is(k, "cannot") && !(s.is(k, "would", "will", "does", "do", "did", "can", "could") && s.is(k+1, "not", "never")) {
			continue
		}
		return s.anyWithin(k+1, 3, "address", "fix", "solve", "prevent", "help", "change", "stop", "remove", "cure", "touch", "reach", "have")
	}
	return false
}
