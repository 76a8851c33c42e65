package lint

import (
	"fmt"
	"strings"
)

// blame.accountability: framing the review as a search for someone to hold
// to account or to punish. Where people expect punishment they stop telling
// what they saw, and the next review learns less.
var accountabilityRule = &sentenceRule{
	info: RuleInfo{
		ID:          idAccountability,
		Category:    Blame,
		Severity:    Warning,
		Description: "Accountability or punishment framing: criticised, faulted or accused someone for, singled out for, hold accountable, responsibility lies with, the fault of, attributable to, this one is on X, that's on X, X is to blame, X's mistake, operator at fault for; criticised or blamed in a report for an act; disciplined, retrained, taken off the rota, access revoked, a written warning, spoken to, formally warned, heads will roll, a performance plan, noted in their performance reviews as a development area, raised with his line manager, taking appropriate action against the individuals involved; asked to explain why, to reflect on how their actions contributed, a review of their conduct, a contractor asked to replace the engineer. Not blame that others laid and the sentence rejects (the minister blamed the staff; the inquiry rejected his claim), nor a scapegoat the review says it is not looking for; the same shift or person singled out as involved again (the fourth payroll issue from the same shift); a summary's passive of blame (IT support blamed for disabling the retry service), a performance or disciplinary matter; will no longer have production access; spoken with her directly about her decision, addressed with him directly, held to account, asked to explain to me personally why, should be punished, the one who broke it; your fault; a summary's \"same engineer at fault in two incidents\"; a sanction asked for (get the night crew disciplined); the same person pinned by an earlier incident (renamed by the same person in the same way that broke us last spring); a sanction weighed (reviewing whether the on-call engineer should remain on the rota), individual performance issues named; a warning letter to receive, a review of his performance, performance ratings that will reflect the incident, an annual appraisal, individual reviews to follow, being written up, a serious conversation with a named person; a slip told in the passive with its agent (alarm silenced by the duty porter, lockout bypassed by the crew lead, door left open by the night watchman, loaves mislabelled by packing staff, waved on too early by the deckhand, cue fired early by the operator, doors propped open by banqueting staff, voucher created without expiry by marketing); punishment in a terse line or said plainly (Driver retrained after reversing into the glass, Staff member disciplined following the refund, will no longer be permitted to, will not be rebooked, a conduct process for the dispatcher, gonna need a retrain for @bex, moved to day duties pending retraining, accepted the resignation of, have a word with @jamie, off the release rota til she redoes the training). Also terse sanctions: dismissed following the investigation, removed from the pool after late arrivals, moved to day duties while we review their conduct. Also a reprimand told as a talk had with someone (a conversation has been had with the yard supervisor; we had a conversation with Priya about her responsibilities), written up, found at fault or to blame for in a headline, and responsible for this event or a delayed or spoiled thing. Also a restriction put on a person until they are retrained or reviewed (asked Ayo to step back from load sign-off until he completes a refresher; grounded pending review; will no longer handle refunds until she has been through the module again; a note placed on his file; a capability meeting). Also an error told as made by someone with a copula (the error was done by Ms. Haddad, the mistake was from the groom) and a person's misreading or unfamiliarity (Abdi's misreading of the stowage plan); measures aimed at one person in the active voice (taking jaroslav off nights, has limited Marco's write permissions, taken their account engineer off our contract, moved the dispatcher into a role with no shipping responsibilities), no longer or not more allowed, access revoked for someone named after it (access to the billing database has been revoked for the analyst), reassigned to other duties, and one person put under a senior's eye (asked Beatriz to shadow a senior analyst, needs a senior to countersign every change, will be sent again to the training); not measures for all users or for a class of people (new hires shadow a senior engineer). Not blame doubted in a question (was it really the dispatcher's fault?; was the night team careless, or were fourteen alarms normal?). Also a person shadowed by a senior, their admin rights removed, someone's write access revoked, and someone who will not have production access. Also a warning issued to someone in a terse line (Final warning issued to groomer; written warnings have been issued to both gate clerks), counselled and re-certified, a person's work watched more closely (closer supervision of new pharmacy technicians; the manager will supervise Dmitri; where he can be watched more closely; will pair with a senior engineer on every deploy; will no longer approve transfers without a second signature; asked to stop approving changes without a second signature), a person removed until a review (removed the designer from production publishing until a competency review is complete), and what a person may use taken from them (take publish rights off Anouk; take the bulk-delete button away from the cataloguers); not work or load moved, nor a process watched (closer monitoring of the queue depth), nor retraining denied as a plan (we are not going to retrain individuals for this one). No blame rule flags a sentence that tells how the writers turned from a person to the system (instead of asking why Olga hesitated, we asked what the alarm told her). Also access or work withheld from one person until they do training or a module again (until he makes the training again, until he redoes the change-control module); not a rule for newcomers. Also a sanction asked for one person (we need Dmitri retrained; sam needs retraining; this person need more training before he can touch the tool again; this person should not work anymore on interlocking systems; can we get dave off deploys until he learns the checklist), not training for a class of people (new hires need more training), nor a measure called no help (retraining individuals would not address the confusing layout), nor reports or claims a company denies (the exchange denies reports that an intern caused the outage). Not a fault or error that opens a summary capitalised (Fault in interface engine retry logic caused message loss): the noun, not a name.",
		Example:     "The on-call engineer will be held accountable for the missed page.",
		Rewrite:     "The page went to a phone in silent mode and the pager has no voice fallback; the on-call team owns adding one (ACT-412).",
	},
	group: gAccountability,
	check: checkAccountability,
}

// liesWith finds, within a few words after token i, where blame or
// responsibility "lies" (lies with, rests on, falls squarely to) and returns
// the token after it; 0 when there is none.
func (s *sentence) liesWith(i int) int {
	for j := i + 1; j < len(s.toks) && j <= i+7; j++ {
		if s.boundary(j) {
			return 0
		}
		if s.is(j, "lies", "lay", "rests", "rested", "falls", "fell", "sits", "sat", "goes", "went", "lie", "rest", "fall") && s.is(j+1, "with", "on", "to", "squarely", "entirely", "solely", "firmly", "primarily", "mainly", "largely", "chiefly", "wholly") {
			k := j + 1
			for s.is(k, "squarely", "entirely", "solely", "firmly", "fully", "clearly", "primarily", "mainly", "largely", "chiefly", "wholly") {
				k++
			}
			if s.is(k, "with", "on", "to") {
				k++
			}
			return k
		}
	}
	return 0
}

func checkAccountability(s *sentence) {
	s.sanctions()
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		switch t.low {
		case "accountable":
			for j := i - 1; j >= 0 && j >= i-7 && !s.boundary(j); j-- {
				if s.is(j, "hold", "holds", "held", "holding") {
					from, end = j, i+1
					break
				}
			}
			if end == 0 && s.low(i+1) == "for" && s.eventAfter(i+2) && s.person(s.subjectOf(i)) {
				from, end = s.subjectOf(i).start, i+1
			}
		case "criticised", "criticized", "criticises", "criticizes", "criticise", "criticize", "faults", "faulted", "accused", "accuses", "accuse", "singles", "singled", "censured", "rebuked", "castigated":
			// "the regulator's findings criticise the bank's IT staff for
			// running the batch twice", "accused a former employee of
			// deleting the logs": the review repeats a charge against a person
			k := i + 1
			if s.is(i, "singles", "singled") && s.is(k, "out") {
				k++
			}
			if n := s.npStartingAt(k); s.person(n) && !s.firstPerson(n) && !s.negatedBefore(i, 3) && s.is(n.head+1, "for", "of") {
				from, end = i, n.head+2
			}
			// the passive: "maintenance crews were criticised internally for
			// missing the crack"
			if n := s.chargedInPassive(i, 6, "for", "of"); end == 0 && n.ok() {
				from, end = n.start, i+1
			}
		case "blames", "blaming":
			// "the council's report blames the supplier's engineers"
			if n := s.npStartingAt(i + 1); s.person(n) && !s.firstPerson(n) && !s.negatedBefore(i, 3) {
				from, end = i, n.end
			}
		case "liability", "culpability":
			// "Liability rests with the maintenance contractor", "The error
			// lies squarely with the person who …"
			if e := s.liesWith(i); e > 0 && s.person(s.npStartingAt(e)) && !s.negatedBefore(i, 3) {
				from, end = i, s.npStartingAt(e).end
				if s.f(i-1)&fDet != 0 {
					from = i - 1
				}
			}
		case "accountability", "responsibility", "blame", "fault":
			if t.low == "fault" && s.low(i-1) == "the" && s.low(i+1) == "of" && !faultCompound[s.low(i+1)] {
				// "entirely the fault of the storage admin"
				if n := s.npStartingAt(i + 2); s.person(n) && !s.negatedBefore(i-1, 3) {
					from, end = i-1, n.end
					break
				}
			}
			if (t.low == "responsibility" || t.low == "blame") && s.placedOn(i) > 0 {
				// "The inquiry placed responsibility squarely on the supervisor"
				from, end = s.groupStart(i-1), s.placedOn(i)
				if s.low(i-1) == "the" {
					from = s.groupStart(i - 2)
				}
				from = max(from-1, 0)
				for from < i && !s.is(from, "placed", "put", "laid", "pinned", "places", "puts", "lays", "pins") {
					from++
				}
				break
			}
			if e := s.liesWith(i); e > 0 && !s.negatedBefore(i, 3) && (t.low == "blame" || t.low == "fault" || s.low(i+1) != "for" || s.eventAfter(i+2)) {
				from, end = i, e
				if s.f(i-1)&fDet != 0 {
					from = i - 1
				}
			}
			if t.low == "responsibility" && end == 0 {
				// "bears full responsibility for the outage", "I take full
				// responsibility".
				j := i - 1
				if s.is(j, "full", "sole", "all", "complete", "total", "the", "significant", "primary", "partial", "major", "main", "considerable", "principal", "ultimate", "clear", "some", "most") {
					j--
				}
				if s.is(j, "of") && s.is(j-1, "much", "most") {
					j -= 2 // "bears much of the responsibility"
				}
				if s.is(j, "bear", "bears", "bore", "take", "takes", "took", "accept", "accepts", "accepted", "assume", "assumes", "assumed", "carry", "carries", "carried") {
					n := s.subjectOf(j)
					if s.firstPerson(n) && !s.organisation(n) {
						s.selfBlame(j, i+1)
						continue
					}
					if (s.person(n) || s.organisation(n)) && (s.low(i+1) != "for" || s.eventAfter(i+2)) {
						from, end = n.start, i+1
					}
				}
			}
			if t.low == "blame" && end == 0 {
				switch {
				case s.is(i-1, "take", "takes", "took", "taking") || s.seq(i-2, "take", "the") || s.seq(i-2, "took", "the") || s.seq(i-2, "takes", "the"):
					k := i - 1
					if s.low(k) == "the" {
						k--
					}
					if n := s.subjectOf(k); s.firstPerson(n) {
						s.selfBlame(k, i+1)
						continue
					} else if s.person(n) {
						from, end = n.start, i+1
					}
				case s.low(i-1) == "to" && s.f(i-2)&fBe != 0:
					// "the deploy team is to blame"
					n := s.subjectOf(i - 2)
					if s.low(i-3) == "who" && !s.negatedClause(i-3) {
						from, end = i-3, i+1 // "who is to blame"
						break
					}
					if s.firstPerson(n) {
						s.selfBlame(n.start, i+1)
						continue
					}
					if s.person(n) && !s.negatedBefore(n.start, 2) && s.toks[n.head].f&fNegQuant == 0 && !s.is(n.start, "no") {
						from, end = n.start, i+1
					}
				case s.f(i-1)&fDet == 0 && !s.negatedBefore(i, 3):
					// the verb: "we blame the DBA", "don't blame the on-call"
					if n := s.npStartingAt(i + 1); s.person(n) && !s.firstPerson(n) && s.toks[n.head].f&fPron == 0 || s.person(n) && s.is(n.head, "him", "her", "them") {
						from, end = i, n.end
					}
				}
			}
			if t.low == "fault" && end == 0 && s.low(i-1) == "at" && s.f(i-2)&fBe != 0 {
				if n := s.subjectOf(i - 2); s.person(n) {
					from, end = n.start, i+1
				}
			}
			if t.low == "fault" && end == 0 && s.low(i-1) == "at" && (s.low(i+1) == "for" || s.is(i+1, "in", "again", "twice") || s.boundary(i+1)) && !s.negatedBefore(i-1, 3) {
				// "Operator at fault for skipping pre-deploy checks", "Same
				// engineer at fault in two previous incidents": the
				// compressed summary drops the verb
				if n := s.npEndingAt(i - 2); s.person(n) && !s.firstPerson(n) && s.toks[n.head].f&fNegQuant == 0 && !s.is(n.start, "no", "who", "whoever", "whether") && !s.is(n.start-1, "who", "whether", "no") {
					from, end = n.start, i+1
				}
			}
			if (t.low == "fault" && s.low(i-1) == "at" && s.is(i-2, "found", "deemed", "judged", "held") || t.low == "blame" && s.low(i-1) == "to" && s.is(i+1, "for")) && end == 0 && !s.negatedBefore(i-2, 3) {
				// "shift foreman found at fault", "Coordinator to blame for
				// kidney missing flight": the headline drops the verb
				k := i - 2
				if t.low == "fault" {
					k = i - 3
				}
				if n := s.npEndingAt(k); s.person(n) && !s.firstPerson(n) && s.toks[n.head].f&fNegQuant == 0 && !s.is(n.start, "no", "who", "whoever", "whether") {
					from, end = n.start, i+1
				}
			}
			if t.low == "fault" && end == 0 && s.low(i-1) == "'s" && s.person(s.npEndingAt(i-2)) {
				from, end = s.npEndingAt(i-2).start, i+1
			}
			if t.low == "fault" && end == 0 && (s.is(i-1, "his", "her", "your") || s.is(i-1, "their") && !s.thingsBefore(i-1)) && !s.negatedBefore(i-1, 3) && !faultCompound[s.low(i+1)] {
				from, end = i-1, i+1 // "it was his fault"
			}
		case "caused", "broke", "down":
			from, end = s.personCaused(i)
		case "the":
			from, end = s.theOneWho(i) // "also Chen was the one who break it"
		case "attributable", "attributed":
			// "The outage is attributable to the on-call engineer"
			if s.low(i+1) == "to" {
				if n := s.npStartingAt(i + 2); s.person(n) && !s.firstPerson(n) && n.poss < 0 && !s.negatedBefore(i, 4) {
					from, end = i, n.end
				}
			}
		case "on":
			// "The corrupted export is on the analytics engineer", "This one
			// is on the QA contractors"
			from, end = s.isOnPerson(i)
		case "guilty", "culprit", "culprits", "culpable", "liable":
			// "the guilty one is the dba", "he is the culprit"
			from, end = s.culprit(i)
		case "identified", "named":
			// "Those accountable for the failure have been identified", "the
			// individual responsible has been identified"
			if s.passive(i) {
				if n := s.subjectOf(i); n.ok() && s.culpritPhrase(n) {
					from, end = n.start, i+1
				}
			}
		case "failed", "fails", "fail":
			// "Halvorsen Cloud failed its customers", "Our support staff
			// failed you"
			if n := s.npStartingAt(i + 1); n.ok() && n.start == i+1 && s.is(n.head, "customers", "customer", "users", "clients", "you", "us", "patients", "passengers", "members", "subscribers", "tenants", "merchants", "residents", "people", "everyone", "students", "riders", "readers", "players", "guests", "citizens") {
				if a := s.subjectOf(i); a.ok() && s.toks[a.head].f&(fThing|fTech|fMass) == 0 && (s.person(a) || s.toks[a.head].cap) {
					from, end = a.start, n.end
				}
			}
		case "due", "because":
			// "the outage was due to the DBA", "because of Raj"
			if s.low(i+1) == "to" || s.low(i+1) == "of" {
				if n := s.npStartingAt(i + 2); s.person(n) && !s.firstPerson(n) && n.poss < 0 && s.toks[n.head].f&fPron == 0 {
					from, end = i, n.end
				}
			}
		case "finger", "fingers":
			if s.is(i-1, "the", "pointed", "point", "pointing") || s.low(i+1) == "at" {
				from, end = i, i+1
				if s.is(i-1, "the") {
					from = i - 1
				}
			}
		case "scapegoat", "scapegoats", "scapegoated", "scapegoating":
			if !s.negatedBefore(i, 5) { // "this is not about finding a scapegoat"
				from, end = i, i+1
			}
		case "up":
			if s.low(i-1) == "written" && s.passive(i-1) && s.person(s.subjectOf(i-1)) {
				from, end = s.subjectOf(i-1).start, i+1
			}
		case "consequences":
			if s.low(i+1) == "for" && s.person(s.npStartingAt(i+2)) {
				from, end = i, s.npStartingAt(i+2).end
			}
		case "blamed":
			// "blamed the outage on the intern", "blamed the DBA for the outage"
			for j := i + 1; j < len(s.toks) && j <= i+6 && !s.boundary(j); j++ {
				if s.is(j, "on") && s.person(s.npStartingAt(j+1)) && !s.is(j+1, "nobody", "no", "none") {
					from, end = i, s.npStartingAt(j+1).end
					break
				}
			}
			if end == 0 && s.person(s.npStartingAt(i+1)) {
				from, end = i, s.npStartingAt(i+1).end
			}
			// "an outsourced cleaning firm was blamed in the report for
			// spilling fluid"
			if n := s.chargedInPassive(i, 8, "for"); end == 0 && n.ok() {
				from, end = n.start, i+1
			}
		case "mistake", "mistakes", "error", "misreading", "miscalculation", "misjudgement", "misjudgment", "blunder", "blunders", "slip-up", "mix-up", "misstep", "unfamiliarity", "inexperience":
			// "Sara's mistake", "the reviewer's mistake", "a mistake by Hugo",
			// "the error lies squarely with the person who …", "Abdi's
			// misreading of the stowage plan", "the error was done by Ms.
			// Haddad", "the mistake was from the groom"
			if by := s.madeBy(i); by.ok() && !s.negatedBefore(i, 3) {
				from, end = i, by.end
				if s.f(i-1)&fDet != 0 {
					from = i - 1
				}
			} else if e := s.liesWith(i); e > 0 && s.person(s.npStartingAt(e)) && !s.negatedBefore(i, 3) {
				from, end = i, s.npStartingAt(e).end
				if s.f(i-1)&fDet != 0 {
					from = i - 1
				}
			} else if s.low(i-1) == "'s" && !(s.is(i, "misreading", "miscalculation", "misjudgement", "misjudgment", "unfamiliarity", "inexperience") && s.hasAny("cause", "root")) {
				// not "this isn't about anyone's mistake"; a misreading named as
				// the cause is the person-cause reading's
				if n := s.npEndingAt(i - 2); s.person(n) && !(s.is(n.head, "anyone", "anybody", "someone", "somebody") && s.is(n.start-1, "about", "for") && s.negatedBefore(n.start-1, 2)) {
					from, end = n.start, i+1
				}
			} else if s.low(i+1) == "by" && t.low != "error" {
				if n := s.npStartingAt(i + 2); s.person(n) {
					from, end = i, n.end
				}
			}
		case "disciplined", "reprimanded", "fired", "sacked", "terminated", "dismissed", "suspended", "demoted", "punished", "removed":
			if !s.passive(i) {
				continue
			}
			if t.low == "removed" && !(s.low(i+1) == "from" && s.roleAfter(i+2)) {
				continue
			}
			n := s.subjectOf(i)
			if t.low == "disciplined" || t.low == "reprimanded" || t.low == "punished" || s.person(n) {
				if n.ok() {
					from = n.start
				} else {
					from = s.groupStart(i)
				}
				end = i + 1
			}
		case "disciplinary", "punishment", "punitive":
			if !s.negatedBefore(i, 4) { // "we do not take disciplinary action"
				from, end = i, i+1
			}
		case "warning", "warnings":
			// "a formal written warning", "a final warning"; "Final
			// warning issued to groomer", "written warnings have been
			// issued to both gate clerks"
			k := i - 1
			for k >= 0 && s.is(k, "formal", "written", "final", "first", "official", "verbal") {
				k--
			}
			switch {
			case k < i-1 && t.low == "warning" && (s.is(k, "a", "the") || s.is(k, "received", "receives", "given", "issued", "got", "gets", "get", "receive")):
				from, end = k+1, i+1
			case k < i-1 && s.lineStart(k+1) && s.issuedTo(i+1) > 0:
				from, end = k+1, s.issuedTo(i+1)
			}
		case "go":
			if s.low(i-1) == "let" && s.passive(i-1) && s.person(s.subjectOf(i-1)) {
				from, end = s.subjectOf(i-1).start, i+1
			}
		case "role":
			// "his role in the outage"
			if s.f(i-1)&fPossessive != 0 && s.f(i-1)&(fFirstSg|fFirstPl) == 0 && s.low(i+1) == "in" && s.eventAfter(i+2) {
				from, end = i-1, i+2
			}
		case "responsible", "responsable":
			// "Nadia was responsible for the outage"; not "the incident
			// owner is responsible for the timeline".
			for j := i - 1; j >= 0 && j >= i-6 && !s.boundary(j); j-- {
				if s.is(j, "hold", "holds", "held", "holding") && !s.negatedBefore(j, 6) {
					from, end = j, i+1 // not "no single employee would be held responsible"
				}
			}
			if end == 0 && s.is(i+1, "for", "of") && s.eventAfter(i+2) {
				if n := s.subjectOf(i); s.person(n) {
					from, end = n.start, i+1
				}
			}
			if end == 0 && (s.is(i-1, "the") || s.lineStart(i)) && s.is(i+1, "of", "for") {
				// "the responsible of the incident is the operator", as
				// non-native writers put it
				from, end = s.culprit(i)
			}
		}
		if end == 0 {
			continue
		}
		from = max(from, 0)
		phrase := s.span(from, end)
		s.add(idAccountability, from, end,
			fmt.Sprintf("%q frames the review as a search for someone to blame or punish; people who fear that stop telling what they saw", phrase),
			"Name the conditions that let the incident happen and the action items that change them; owners of action items are teams, and no one is on trial.")
		i = end - 1
	}
}

// personCaused flags a person as the cause: "the intern caused the outage",
// "the outage was caused by the on-call engineer", "Raj broke production",
// "the DBA took down the cluster". "We caused …" is left alone: a team telling
// what its own action did is narration.
// beliefSetRight reports whether the clause at i is a belief the sentence
// sets right: "we initially believed X, but further analysis showed …".
func (s *sentence) beliefSetRight(i int) bool {
	if !s.hasWithin(max(i-4, 0), 4, "believed", "thought", "assumed", "suspected", "guessed") {
		return false
	}
	for k := i; k < len(s.toks); k++ {
		if s.is(k, "but", "however") {
			return true
		}
	}
	return false
}

// theOneWho returns the span of a person named as "the one who" did harm:
// "Chen was the one who break it", or -1, 0.
func (s *sentence) theOneWho(i int) (int, int) {
	if !s.seq(i, "the", "one", "who") || !s.is(i+3, "broke", "break", "caused", "deleted", "started", "pushed", "wiped", "removed", "changed") || !s.is(i-1, "was", "is", "'s") {
		return -1, 0
	}
	n := s.subjectOf(i - 1)
	if !s.person(n) || s.firstPerson(n) || s.negatedBefore(i, 3) {
		return -1, 0
	}
	return n.start, i + 4
}

func (s *sentence) personCaused(i int) (int, int) {
	t := &s.toks[i]
	if t.low == "down" && !s.is(i-1, "took", "brought", "taken", "brings", "takes") {
		return -1, 0
	}
	v := i
	if t.low == "down" {
		v = i - 1
	}
	if s.passive(v) {
		if s.low(v+1) != "by" && !(t.low == "down" && s.low(i+1) == "by") {
			return -1, 0
		}
		a := s.agentOf(v)
		if organisations[s.low(a.head)] && strings.HasSuffix(s.low(a.end), "ing") {
			return -1, 0 // "caused by the carrier throttling the sender ID": its systems
		}
		if s.person(a) && !s.firstPerson(a) && a.poss < 0 {
			return s.groupStart(v), a.end
		}
		return -1, 0
	}
	if !s.nominal(i + 1) {
		return -1, 0
	}
	n := s.subjectOf(v)
	if !s.person(n) || s.firstPerson(n) || s.toks[n.head].f&fNegQuant != 0 {
		return -1, 0
	}
	if s.beliefSetRight(n.start) {
		return -1, 0 // "we initially believed the vendor caused the outage, but …"
	}
	obj := s.npStartingAt(i + 1)
	if t.low == "caused" && obj.ok() && !s.eventAfter(i+1) && !s.is(obj.head, "problem", "problems", "it", "this", "that") {
		return -1, 0
	}
	return n.start, min(i+1+boolInt(t.low != "caused" && obj.ok()), len(s.toks))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// eventAfter reports whether a bad event follows at i: "the outage", "this
// incident", "the data loss".
func (s *sentence) eventAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+5; j++ {
		if s.f(j)&fEvent != 0 || failedThing[s.low(j)] && s.nominal(j+1) || s.is(j, "event") && s.is(j-1, "this") {
			return true // "the outage", "the missed renewal", "this event"
		}
		if !s.nominal(j) {
			return false
		}
	}
	return false
}

// failedThing words before a noun make it a bad event: "the missed renewal",
// "the failed cutover".
var failedThing = wordSet("missed failed broken botched lost corrupted expired dropped bad wrong stale failing delayed infected contaminated spoiled damaged cancelled canceled")

// roleAfter reports whether an on-call rotation or a team follows at i.
func (s *sentence) roleAfter(i int) bool {
	for j := i; j < len(s.toks) && j < i+4; j++ {
		if s.is(j, "rotation", "team", "project", "role", "schedule", "pager", "rota", "roster", "duty", "duties", "on-call", "oncall", "position", "site", "account", "squad", "shift", "shifts", "pool", "list", "nights", "duties", "register", "panel", "bench", "desk", "console") {
			return true
		}
	}
	return false
}

// placedOn returns the end of "placed responsibility (squarely) on X" at i,
// where X is a person, or 0.
func (s *sentence) placedOn(i int) int {
	k := i - 1
	if s.low(k) == "the" {
		k--
	}
	if !s.is(k, "placed", "put", "laid", "pinned", "places", "puts", "lays", "pins") {
		return 0
	}
	j := i + 1
	for s.is(j, "squarely", "firmly", "entirely", "solely", "fully") {
		j++
	}
	if !s.is(j, "on", "with") {
		return 0
	}
	if n := s.npStartingAt(j + 1); s.person(n) && !s.firstPerson(n) {
		return n.end
	}
	return 0
}

// isOnPerson flags "X is on <person>" at the "on" at i: blame handed to a
// person. Not "Ana is on the platform team", where the subject is a person,
// nor "the fix is on the team's roadmap".
func (s *sentence) isOnPerson(i int) (int, int) {
	b := i - 1
	for b >= 0 && s.is(b, "squarely", "entirely", "all", "solely", "firmly", "fully", "totally", "completely", "clearly", "definitely", "really", "100%", "honestly") {
		b--
	}
	// "that's on Priya", "this one's on the mobile team"
	contracted := b > 0 && s.low(b) == "'s" && s.is(b-1, "that", "this", "it", "one")
	if b < 0 || s.f(b)&fBe == 0 && !contracted {
		return -1, 0
	}
	n := s.npStartingAt(i + 1)
	if s.is(b-1, "which") && s.is(i+1, "them", "him", "her") {
		n = np{start: i + 1, head: i + 1, end: i + 2, poss: -1} // "…, which is on them"
	} else if !s.person(n) {
		return -1, 0
	}
	if s.firstPerson(n) && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0 || s.is(n.head, "call", "shift", "duty", "leave", "rotation", "rota", "site", "holiday") {
		return -1, 0
	}
	subj := s.subjectOf(b)
	if contracted {
		subj = np{start: b - 1, head: b - 1, end: b, poss: -1}
		if s.low(b-1) == "one" && s.is(b-2, "this", "that") {
			subj.start--
		}
	}
	if subj.ok() && (s.person(subj) || ownedWork[s.low(subj.head)]) {
		return -1, 0
	}
	if s.is(b-1, "which") && !(s.boundary(n.end) && s.failedBefore(b-1)) {
		return -1, 0 // "which is on the team's roadmap"
	}
	from := b
	switch {
	case s.is(b-1, "which"):
		from = b - 1 // the clause before is what is on them
	case subj.ok():
		from = subj.start
	}
	return from, n.end
}

// ownedWork are things a team owns rather than blame: "the fix is on the
// platform team".
var ownedWork = wordSet("fix fixes action actions item items task tasks work ticket tickets follow-up ownership project page pager rotation call shift review decision next")

// culpritPhrase reports whether a phrase names whoever is to answer for the
// incident: "those accountable for the failure", "the individual
// responsible".
func (s *sentence) culpritPhrase(n np) bool {
	for j := n.start; j < n.end+2 && j < len(s.toks); j++ {
		if s.is(j, "accountable", "responsible", "culpable", "at") && (s.low(j) != "at" || s.low(j+1) == "fault") {
			return s.is(n.start, "those", "whoever") || s.personish(n) || s.is(n.head, "those")
		}
	}
	return false
}

// beBefore returns the index of a form of "be" right before i, past
// adverbs and an article ("is the culprit", "was guilty"), or -1.
func (s *sentence) beBefore(i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if s.f(j)&fBe != 0 {
			return j
		}
		if !s.isAdverb(j) && !s.is(j, "the", "a", "one", "clearly", "obviously") {
			return -1
		}
	}
	return -1
}

// beAfter returns the index of a form of "be" after the phrase that ends at
// i ("the guilty one is", "the responsible of the incident is"), or -1.
func (s *sentence) beAfter(i int) int {
	for j := i + 1; j < len(s.toks) && j < i+7; j++ {
		if s.f(j)&fBe != 0 {
			return j
		}
		if s.boundary(j) {
			return -1
		}
	}
	return -1
}

// culprit flags a person named as the one to blame around the word at i:
// "he is the culprit", "the guilty one is the dba".
func (s *sentence) culprit(i int) (int, int) {
	if s.negatedBefore(i, 3) {
		return -1, 0
	}
	if b := s.beBefore(i); b >= 0 {
		if n := s.subjectOf(b); s.person(n) && !s.firstPerson(n) {
			return n.start, i + 1
		}
	}
	if j := s.beAfter(i); j > 0 {
		if n := s.npStartingAt(j + 1); s.person(n) && !s.firstPerson(n) {
			from := max(i-2, 0)
			for from < i && !s.is(from, "the", "a") {
				from++
			}
			return from, n.end
		}
	}
	return -1, 0
}

// chargedInPassive returns the person a passive charge at i falls on when
// what they are charged with follows within a few words: "maintenance crews
// were criticised internally for missing the crack", "the firm was blamed
// in the report for spilling fluid". It is not ok otherwise.
func (s *sentence) chargedInPassive(i, within int, preps ...string) np {
	n := s.subjectOf(i)
	who := s.person(n) || n.ok() && !n.implicit && s.agentBy(n)
	// a summary's passive without its "was": "IT support blamed for
	// disabling the retry service", "Management blamed for rushing"
	terse := n.ok() && !n.implicit && s.is(i+1, "for") && s.is(i, "blamed", "faulted", "criticised", "criticized")
	if !who || !(s.passive(i) || terse) || s.firstPerson(n) || s.negatedBefore(i, 3) {
		return noNP
	}
	for j := i + 1; j < len(s.toks) && j <= i+within && !s.boundary(j); j++ {
		if s.is(j, preps...) {
			return n
		}
	}
	return noNP
}

// failedBefore reports whether the words before i tell of something a
// person did not do or got wrong: "didn't think about the expiry date,
// which is on them".
func (s *sentence) failedBefore(i int) bool {
	for j := range i {
		if s.f(j)&(fNeg|fFail) != 0 {
			return true
		}
	}
	return false
}

// madeBy returns the person an error at i was made by, told with a
// copula: "the error was done by Ms. Haddad", "the mistake was from the
// groom", "the slip was committed by the night clerk".
func (s *sentence) madeBy(i int) np {
	k := i + 1
	if s.f(k)&fBe == 0 {
		return noNP
	}
	k++
	if s.is(k, "done", "made", "committed", "caused") {
		k++
	}
	if !s.is(k, "by", "from") {
		return noNP
	}
	if n := s.npStartingAt(k + 1); s.person(n) && !s.firstPerson(n) {
		return n
	}
	return noNP
}

// issuedTo returns the end of the person a sanction is issued to after i,
// or 0: "issued to groomer", "have been issued to both gate clerks".
func (s *sentence) issuedTo(i int) int {
	j := i
	for j < len(s.toks) && j < i+3 && (s.f(j)&(fBe|fHave|fModal) != 0 || s.is(j, "been", "now", "today")) {
		j++
	}
	if !s.is(j, "issued", "given", "handed", "sent", "served") || !s.is(j+1, "to") {
		return 0
	}
	n := s.npStartingAt(j + 2)
	if !s.person(n) || s.firstPerson(n) || s.is(n.head, servedPeople...) || businesses[s.low(n.head)] {
		return 0
	}
	return n.end
}
