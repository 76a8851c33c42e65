package lint

import (
	"fmt"
	"strings"
)

// Sanctions are the punishment side of blame.accountability: a person taken
// off the rota, retrained, stripped of access, warned or let go because of
// the incident. A review that ends in a sanction tells everyone who reads
// it what telling the truth costs.

// sanctionVerbs, said of a person in the passive, punish: "was stood
// down", "has been reassigned", "will be retrained".
var sanctionVerbs = wordSet(`retrained reassigned demoted sidelined benched relieved barred banned
	escorted stood moved taken put placed docked suspended removed spoken talked disciplined
	warned reprimanded cautioned counselled counseled admonished pulled dismissed`)

// sanctionPlaces after "taken off", "moved off", "removed from" are roles.
var sanctionPlans = wordSet(`plan probation leave notice warning review`)

// accessWords name what can be taken from a person.
var accessWords = wordSet(`access rights permissions permission badge privileges credentials bonus
	pay keys key clearance account card licence license`)

// revokeWords take it.
var revokeWords = wordSet(`revoked suspended removed withdrawn pulled docked cut cancelled canceled
	disabled`)

// sanctions flags punishment of a person in s; checkAccountability calls it.
// talkedToAbout returns the end of the person spoken with at i when the
// talk is about them, directly: "Keiko directly about her decision", "him
// directly", or 0. Talking with someone about the timeline is no sanction.
func (s *sentence) talkedToAbout(i int) int {
	n := s.npStartingAt(i)
	if s.is(i, "him", "her", "them") {
		n = np{start: i, head: i, end: i + 1, poss: -1}
	}
	if !n.ok() || !(s.person(n) || s.is(n.head, "him", "her", "them")) || s.firstPerson(n) || businesses[s.low(n.head)] || s.is(n.head, servedPeople...) {
		return 0
	}
	k := n.end
	if !s.is(k, "directly", "personally", "privately", "individually") {
		return 0
	}
	if s.is(k+1, "about") && s.f(k+2)&fPossessive != 0 && s.f(k+2)&(fFirstSg|fFirstPl) == 0 {
		return k + 4
	}
	return k + 1
}

func (s *sentence) sanctions() {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		from, end := -1, 0
		talked := 0 // the end of a talk about the person, directly
		restricted := s.restrictedUntilRemedied(i)
		if s.is(i, "spoken", "spoke", "talked", "speak", "talk", "addressed") && s.is(i+1, "with", "to") {
			talked = s.talkedToAbout(i + 2)
		}
		switch {
		case t.low == "heads" && (s.is(i+1, "rolled") || s.is(i+1, "will", "should", "must", "would", "gonna") && s.is(i+2, "roll")):
			// "heads will roll for this one"
			from, end = i, i+2
			if s.is(i+1, "will", "should", "must", "would", "gonna") {
				end = i + 3
			}
			if s.negatedBefore(i, 3) || s.f(end)&fNeg != 0 {
				end = 0 // "no heads will roll"
			}
		case s.is(i, "conduct", "behaviour", "behavior") && s.low(i+1) == "of" && s.is(i-1, "the") && s.is(i-2, "review", "reviewing", "investigate", "investigating", "assess", "assessing", "examine", "examining", "evaluate"):
			// "asked HR to review the conduct of the engineers involved"
			if n := s.npStartingAt(i + 2); s.person(n) && !s.firstPerson(n) {
				from, end = i-2, n.end
			}
		case s.is(i, "reflect", "reflecting", "reflected") && s.low(i+1) == "on" && s.is(i+2, "how", "his", "her", "their", "what") && s.hasAny("actions", "action", "conduct", "behaviour", "behavior", "role", "mistake", "mistakes"):
			// "I've asked Dario to reflect on how his actions contributed"
			if a := s.askedWhom(i - 1); s.low(i-1) == "to" && s.person(a) && !s.firstPerson(a) {
				from, end = a.start, i+2
			}
		case talked > 0:
			// "I have spoken with Keiko directly about her decision to
			// deploy during the freeze", "this will be addressed with him
			// directly"
			from, end = i, talked
		case s.is(i, "punish", "punished", "sanctioned", "disciplined") && s.is(i-1, "be") && s.is(i-2, "should", "must", "will", "needs", "need", "to") && !s.negatedBefore(i, 4):
			// "this engineer should be punish, he has make two outages"
			if n := s.subjectOf(i - 2); s.person(n) && !s.firstPerson(n) {
				from, end = n.start, i+1
			}
		case s.is(i, "held") && s.seq(i+1, "to", "account") && !s.negatedBefore(i, 4):
			// "those who skipped the peer review will be held to account"
			from, end = i, i+3
		case s.is(i, "explain") && s.low(i-1) == "to" && s.seq(i+1, "to", "me") && s.hasWithin(i+3, 2, "why"):
			// "I have asked Mr Demir to explain to me personally why …"
			if a := s.askedWhom(i - 1); s.person(a) && !s.firstPerson(a) {
				from, end = a.start, i+3
			}
		case s.is(i, "explain") && s.low(i-1) == "to" && s.is(i+1, "why", "himself", "herself", "themselves"):
			// "I have asked the team lead to explain why basic checks were
			// not performed"
			if a := s.askedWhom(i - 1); s.person(a) && !s.firstPerson(a) && (s.low(i+1) != "why" || s.negatedClause(len(s.toks)-1) || s.hasAny("failed", "skipped", "missed", "ignored")) {
				from, end = a.start, i+2
			}
		case s.is(i, "replace", "remove") && s.low(i-1) == "to" && s.is(i+1, "the", "this", "that") && s.is(i+2, "engineer", "technician", "person", "operator", "employee", "contractor", "individual", "staff", "agent"):
			// "we have asked the contractor to replace the engineer who
			// carried out the faulty installation"
			from, end = i, i+3
		case s.is(i, "disciplined", "fired", "sacked", "punished", "reprimanded", "suspended", "demoted") && s.causedSanction(i) >= 0:
			// "can we get the night crew disciplined for this", "they want
			// him fired"
			from, end = s.causedSanction(i), i+1
		case sanctionVerbs[t.low] && (s.passive(i) || s.compressedPassive(i)):
			n := s.subjectOf(i)
			if !s.person(n) || s.firstPerson(n) && s.toks[n.head].f&(fFirstSg|fFirstPl) != 0 {
				break
			}
			if e := s.sanctionEnd(i); e > 0 {
				from, end = n.start, e
			}
		case s.is(i, "step", "steps", "stepped", "stepping") && s.is(i+1, "back", "down", "aside") && s.is(i+2, "from") && s.dutyAfter(i+3) > 0:
			// "the team lead has stepped back from that role", "asked the
			// maintainer to step back from merge duties"
			n := s.subjectOf(i)
			if s.low(i-1) == "to" {
				n = s.askedWhom(i - 1)
			}
			if s.person(n) && !s.firstPerson(n) {
				from, end = min(n.start, i), s.dutyAfter(i+3)
			}
		case s.is(i, "go", "goes", "going", "went", "do", "does", "doing", "did", "take", "takes", "taking", "took", "sit", "sits") &&
			(s.retraining(i+1) > 0 || s.is(i+1, "through") && s.retraining(i+2) > 0) && s.low(i-1) == "to":
			// "asked the engineers involved to go through additional
			// change-management training"
			if n := s.askedWhom(i - 1); s.person(n) && !s.firstPerson(n) {
				from, end = n.start, max(s.retraining(i+1), s.retraining(i+2))
			}
		case s.is(i, "undergo", "undergoes", "complete", "completes", "attend", "attends", "repeat", "repeats", "retake", "retakes", "redo") && s.retraining(i+1) > 0 && !s.hasAny("onboarding", "induction"):
			// "will undergo mandatory security retraining", "required to
			// repeat competency assessment"
			if n := s.subjectOf(i); s.person(n) && !s.firstPerson(n) {
				from, end = n.start, s.retraining(i+1)
			} else if s.low(i-1) == "to" && s.is(i-2, "required", "ordered", "told", "asked", "made") {
				if n := s.subjectOf(i - 2); s.person(n) {
					from, end = n.start, s.retraining(i+1)
				}
			}
		case s.is(i, "pending") && s.is(i+1, "retraining", "re-training", "reassessment", "re-assessment", "recertification", "disciplinary") && s.personAround(0, i) && s.hasAny("moved", "removed", "stood", "taken", "reassigned", "benched", "transferred", "suspended"):
			// "We have moved the shift supervisor to day duties pending
			// retraining"
			from, end = i, i+2
		case s.is(i, "resignation") && s.is(i-1, "the", "his", "her", "their") && s.is(i-2, "accepted", "accept", "accepting", "requested", "asked"):
			// "We have accepted the resignation of the front office manager
			// following this incident"
			from, end = i-2, i+1
		case s.is(i, "conversation", "conversations", "discussion", "chat", "talk") && s.talkHadWith(i) > 0:
			// "a conversation has been had with the stage manager", "we've
			// had a conversation with Chiara about following the schedule"
			from, end = i, s.talkHadWith(i)
		case s.is(i, "written") && s.is(i+1, "up") && !s.negatedBefore(i, 3) && (s.passive(i) || s.compressedPassive(i)):
			// "two press minders written up following the misprint"
			if n := s.subjectOf(i); s.person(n) && !s.firstPerson(n) {
				from, end = n.start, i+2
			}
		case s.is(i, "word") && s.is(i-1, "a") && s.is(i-2, "have", "having", "had") && s.is(i+1, "with") && (s.handleAt(i+2).ok() || s.person(s.npStartingAt(i+2)) && !s.firstPerson(s.npStartingAt(i+2))):
			// "hr is gonna have a word with @jamie about the overtime field"
			from, end = i-2, i+3
		case s.is(i, "off") && s.is(i+1, "the") && s.anyWithin(i+2, 3, "rota", "rotation", "roster") && (s.handleAround() || s.personAround(0, i)) && !s.negatedBefore(i, 3) && s.anyWithin(i, len(s.toks)-i, "til", "till", "until", "pending") && !s.hasAny("suggested", "proposed", "agree", "agreed", "asked", "considered"):
			// "@jo is off the release rota til she redoes the change training"
			from, end = i, i+3
		case s.is(i, "need", "needs") && s.trainingNeeded(i+1) > 0 && s.oneNamed(s.subjectOf(i)):
			// "sam needs retraining on the pedestal tool asap", "this person
			// need more training before he can touch again the tool"
			from, end = s.subjectOf(i).start, s.trainingNeeded(i+1)
		case s.is(i, "work", "touch", "deploy", "approve", "operate") && (s.is(i+1, "anymore", "again") && s.f(i-1)&fNeg != 0 || s.seq(i-2, "no", "longer")) && s.anyWithin(max(i-4, 0), 4, "should", "will", "must", "may", "can", "shall") && s.oneNamed(s.subjectOf(i)):
			// "this person should not work anymore on interlocking systems",
			// "the engineer involved will no longer work on our network"
			from, end = s.subjectOf(i).start, i+2
		case s.is(i, "need", "needs", "want", "wants", "get", "getting") && !s.negatedBefore(i, 3) && s.sanctionedAfter(i+1) > 0:
			// "We need Dmitri retrained on the crane override procedure",
			// "get the night crew disciplined"
			from, end = i, s.sanctionedAfter(i+1)
		case s.is(i, "retrain", "retraining") && s.is(i+1, "for") && (s.handleAt(i+2).ok() || s.person(s.npStartingAt(i+2)) && !s.firstPerson(s.npStartingAt(i+2))):
			// "gonna need a retrain for @bex"
			from, end = i, i+3
		case s.is(i, "fired", "sacked", "dismissed", "suspended", "demoted", "disciplined", "reprimanded", "retrained", "retrain", "retraining", "reassigned", "benched", "docked") && !s.passive(i) && !s.notGoingTo(i):
			// "the CTO fired the two SREs", "ordered the utility to retrain
			// all control-room operators", "docked the engineer's bonus"
			n := s.npStartingAt(i + 1)
			switch {
			case s.person(n) && n.poss < 0:
				from, end = i, n.end
			case n.ok() && n.poss >= 0 && accessWords[s.low(n.head)]:
				from, end = i, n.end
			}
		case accessWords[t.low] && s.revokedAfter(i) > 0:
			// "the engineer's admin rights were revoked", "their deploy
			// permissions revoked", "his badge revoked"
			if o := s.accessOwner(i); o >= 0 {
				from, end = o, s.revokedAfter(i)
			}
		case t.low == "longer" && s.is(i-1, "no") && (s.is(i+1, "has", "have", "had") && s.is(i+2, "access") || s.is(i+1, "with", "works", "employed", "at")):
			// "The individual concerned no longer has access", "is no
			// longer with the company"
			g := i - 1
			if s.f(g-1)&fBe != 0 {
				g--
			}
			if n := s.subjectOf(g); s.person(n) && !s.firstPerson(n) {
				from, end = n.start, min(i+3, len(s.toks))
			}
		case s.is(i, "review", "appraisal", "evaluation", "rating") && (s.is(i-1, "performance") || t.low == "appraisal") && s.reflectsAfter(i) > 0:
			// "the performance review of the on-call engineer will reflect
			// the delayed response"
			from, end = i, s.reflectsAfter(i)
			if s.is(i-1, "performance") {
				from = i - 1
			}
		case t.low == "hearing" && s.is(i-1, "conduct", "disciplinary", "misconduct"):
			from, end = i-1, i+1
		case restricted > 0:
			// "asked Kenji to step back from sign-off until he completes a
			// refresher", "grounded pending review", "a note has been
			// placed on his file"
			from, end = i, restricted
			if s.is(i, "no") {
				from = i - 1 // "will no longer handle": the denial is the sanction
			}
		case accessWords[t.low] && s.accessRevokedFrom(i) > 0:
			// "access to the billing database has been revoked for the
			// analyst", "the access of lab technician to LIMS is revoked"
			from, end = i, s.accessRevokedFrom(i)
		case s.supervisedFrom(i) > 0:
			// "we've asked Beatriz to shadow a senior analyst", "from now on
			// Ayo needs a senior to countersign every change he makes"
			from, end = i, s.supervisedFrom(i)
		case s.watchedFrom(i) > 0:
			// "closer supervision of new technicians", "the manager will
			// supervise Dmitri", "Zainab will no longer approve transfers
			// without a second signature"
			from, end = i, s.watchedFrom(i)
			if n := s.subjectOf(i); s.is(i, "no") && s.oneOf(n) {
				from = n.start
			}
		case s.measureOn(i) > 0:
			// "taking jaroslav off nights", "has limited Marco's write
			// permissions", "is no longer permitted on our turbines"
			from, end = i, s.measureOn(i)
			if n := s.subjectOf(i); s.is(i, "no", "not") && s.person(n) {
				from = n.start
			}
		case s.untilRedone(i) > 0:
			// "Piotr will not have the access on the OMS admin until he
			// makes the training again", "pls take yusuf's prod creds off
			// him until he does the training"
			from, end = i, s.untilRedone(i)
		case s.hrProcess(i) > 0:
			// "we've agreed on a performance plan", "will be noted as a
			// development area", "raised with his line manager", "fit for
			// duty", "Jordan – below expectations"
			from, end = i, s.hrProcess(i)
		default:
			from, end = s.sanctionPhrase(i)
		}
		if end == 0 {
			continue
		}
		from = max(from, 0)
		s.add(idAccountability, from, end,
			fmt.Sprintf("%q punishes a person for the incident; people who see that stop telling what they saw", s.span(from, end)),
			"Name the conditions that let the incident happen and the action items that change them; owners of action items are teams, and no one is on trial.")
		i = end - 1
	}
}

// causedSanction returns the start of "get the night crew" before a
// sanction's participle at i, or -1: someone asks for a person to be
// punished.
func (s *sentence) causedSanction(i int) int {
	n := s.npEndingAt(i - 1)
	if !s.person(n) || s.firstPerson(n) || s.toks[n.head].f&fNegQuant != 0 || s.is(n.start, "no", "anyone", "anybody", "nobody") {
		return -1
	}
	v := n.start - 1
	if !s.is(v, "get", "got", "getting", "want", "wants", "wanted", "see", "have", "having") || s.negatedBefore(v, 3) {
		return -1
	}
	return v
}

// sanctionEnd returns the end of a sanction whose passive verb is at i, or
// 0: "stood down", "taken off the rota", "put on a performance plan",
// "reassigned", "escorted off site".
func (s *sentence) sanctionEnd(i int) int {
	switch s.low(i) {
	case "retrained", "reassigned", "demoted", "sidelined", "benched", "suspended", "disciplined", "reprimanded", "admonished":
		return i + 1
	case "spoken", "talked":
		// "the individuals involved have been spoken to"
		if s.low(i+1) == "to" && (i+2 == len(s.toks) || s.toks[i+2].kind == tPunct || s.is(i+2, "about", "by", "and", "regarding")) {
			return i + 2
		}
	case "warned", "cautioned", "counselled", "counseled":
		// "the engineer was formally warned", but not "was warned of the
		// outage", "was warned by the alert" nor "had been warned that"
		if i+1 == len(s.toks) || s.toks[i+1].kind == tPunct || s.is(i+1, "formally", "verbally", "informally") || s.seq(i+1, "in", "writing") {
			return i + 1
		}
		if s.is(i+1, "and") && s.is(i+2, "re-certified", "recertified", "retrained", "re-trained", "reassigned", "suspended", "warned") {
			return i + 3 // "staff member counselled and re-certified"
		}
	case "stood":
		if s.is(i+1, "down", "aside") {
			return i + 2
		}
	case "escorted":
		if s.is(i+1, "off", "out", "from") {
			return i + 2
		}
	case "dismissed":
		// "Employee dismissed following the investigation", not "the alert
		// was dismissed as noise"
		if i+1 == len(s.toks) || s.toks[i+1].kind == tPunct || s.is(i+1, "following", "after", "for", "over", "yesterday", "today", "immediately", "summarily") {
			return i + 1
		}
	case "moved":
		// "have been moved to day duties while we review their conduct"
		if s.is(i+1, "to") && s.roleAfter(i+2) && s.hasAny("conduct", "investigation", "retraining", "retrained", "disciplinary", "behaviour", "behavior", "performance") {
			return min(i+5, len(s.toks))
		}
		fallthrough
	case "removed", "taken", "relieved", "barred", "banned", "pulled":
		if s.is(i+1, "off", "from", "of") && s.roleAfter(i+2) {
			return min(i+4, len(s.toks))
		}
		if s.is(i+1, "out") && s.is(i+2, "of") && s.roleAfter(i+3) {
			return min(i+5, len(s.toks)) // "moved out of the release manager role"
		}
	case "put", "placed":
		if s.is(i+1, "on") {
			for j := i + 2; j < len(s.toks) && j < i+7; j++ {
				if sanctionPlans[s.low(j)] || s.is(j, "leave") {
					return j + 1
				}
			}
		}
	}
	return 0
}

// retraining returns the end of "(mandatory) (security) retraining" or
// "competency assessment" at i, or 0.
func (s *sentence) retraining(i int) int {
	for j := i; j < len(s.toks) && j < i+5; j++ {
		if s.is(j, "retraining", "re-training", "training", "assessment", "assessments", "reassessment", "re-assessment", "course", "certification", "recertification") {
			if s.is(j, "training") && !s.is(i, "mandatory", "additional", "further", "remedial", "refresher", "compulsory", "corrective") && j == i {
				return 0
			}
			return j + 1
		}
		if !s.nominal(j) {
			return 0
		}
	}
	return 0
}

// revokedAfter returns the end of "(were|has been) revoked" after an access
// word at i, or 0.
func (s *sentence) revokedAfter(i int) int {
	for j := i + 1; j < len(s.toks) && j < i+5; j++ {
		if revokeWords[s.low(j)] {
			return j + 1
		}
		if s.f(j)&(fBe|fHave) == 0 && !s.isAdverb(j) {
			return 0
		}
	}
	return 0
}

// accessOwner returns where the person who owns an access word at i is
// named ("the engineer's admin rights", "his badge", "their deploy
// permissions"), or -1.
func (s *sentence) accessOwner(i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch {
		case s.low(j) == "'s":
			if n := s.npEndingAt(j - 1); s.person(n) && !s.firstPerson(n) {
				return n.start
			}
			return -1
		case s.is(j, "his", "her"):
			return j
		case s.is(j, "their"):
			if !s.thingsBefore(j) {
				return j
			}
			return -1
		case !s.nominal(j):
			return -1
		}
	}
	return -1
}

// dutyAfter returns the end of a duty, role or rota at i ("merge duties",
// "that role", "the on-call rota"), or 0.
func (s *sentence) dutyAfter(i int) int {
	for j := i; j < len(s.toks) && j < i+5; j++ {
		if s.is(j, "duty", "duties", "role", "roles", "rota", "rotation", "on-call", "oncall", "position", "responsibilities", "post") {
			return j + 1
		}
		if !s.nominal(j) {
			return 0
		}
	}
	return 0
}

// askedWhom returns the person told or asked to do something, before "to"
// at i: "we've asked the maintainer who merged the PR to …", "Dana was told
// to …".
func (s *sentence) askedWhom(i int) np {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if s.is(j, "asked", "ask", "asks", "told", "tell", "required", "require", "requires", "ordered", "instructed", "expected", "want", "wants", "wanted") {
			if s.f(j-1)&fBe != 0 || s.is(j-1, "been") {
				return s.subjectOf(j) // "Dana was told to …"
			}
			if s.is(j+1, "to") && j+2 < i {
				return s.npStartingAt(j + 2) // "we asked to the night operator to …", as second-language writers put it
			}
			return s.npStartingAt(j + 1)
		}
		if s.boundary(j) {
			break
		}
	}
	return noNP
}

// reflectsAfter returns the end of "… will reflect" after a performance
// review at i, when the review belongs to a person, or 0.
func (s *sentence) reflectsAfter(i int) int {
	person := false
	for j := i + 1; j < len(s.toks) && j < i+10; j++ {
		if s.toks[j].kind == tWord && s.f(j)&(fRole|fName|fPlainName) != 0 {
			person = true
		}
		if s.is(j, "reflect", "reflects", "note", "notes", "mention", "record", "include") && person && !s.negatedBefore(j, 3) {
			return j + 1
		}
		if s.boundary(j) {
			return 0
		}
	}
	return 0
}

// sanctionPhrases punish whoever they name: a performance plan, a
// talking-to, a conduct review. personalSanctions punish only when a person
// is their subject: "Miguel will not be on call next month", not "the
// node was removed from rotation".
var (
	sanctionPhrases = [][]string{
		{"performance", "improvement", "plan"}, {"performance", "conversation"}, {"performance", "conversations"},
		{"performance", "matter"}, {"disciplinary", "matter"},
		{"conduct", "review"}, {"talking", "-", "to"}, {"talking-to"}, {"stern", "look"}, {"stern", "word"},
		{"appropriate", "steps", "have", "been", "taken"}, {"appropriate", "action", "has", "been", "taken"},
		{"non-production", "role"}, {"non", "-", "production", "role"},
	}
	personalSanctions = [][]string{
		{"removed", "from", "primary", "rotation"}, {"removed", "from", "the", "rotation"}, {"removed", "from", "rotation"},
		{"off", "the", "deploy", "rota"}, {"off", "the", "on-call", "rota"}, {"off", "the", "rota"}, {"off", "the", "rotation"},
		{"not", "be", "on-call"}, {"not", "be", "on", "call"}, {"excluded", "from"},
		{"remain", "on", "the", "rota"}, {"remain", "on", "the", "rotation"}, {"remain", "on", "call"}, {"stay", "on", "the", "rota"},
		{"remain", "in", "the", "role"}, {"remain", "in", "his", "role"}, {"remain", "in", "her", "role"}, {"remain", "in", "their", "role"},
		{"no", "longer", "have", "production", "access"}, {"no", "longer", "have", "access"}, {"lose", "production", "access"}, {"loses", "production", "access"},
		{"no", "longer", "be", "permitted", "to"}, {"no", "longer", "be", "allowed", "to"}, {"not", "be", "rebooked"}, {"not", "be", "rehired"},
		{"not", "be", "re-engaged"}, {"not", "be", "booked", "again"}, {"not", "be", "used", "again"},
	}
)

// sanctionPhrase matches the phrases above at i.
func (s *sentence) sanctionPhrase(i int) (int, int) {
	for _, ph := range sanctionPhrases {
		if s.seq(i, ph...) && !s.negatedBefore(i, 3) {
			return i, i + len(ph)
		}
	}
	for _, ph := range personalSanctions {
		if !s.seq(i, ph...) {
			continue
		}
		g := i
		for g > 0 && (s.f(g-1)&(fBe|fModal|fHave|fNeg) != 0 || s.isAdverb(g-1) || s.is(g-1, "taken", "be", "been", "was", "is")) {
			g--
		}
		if n := s.subjectOf(g); s.person(n) && !s.firstPerson(n) {
			return n.start, i + len(ph)
		}
		if n := s.npEndingAt(g - 1); n.ok() && s.person(n) && !s.firstPerson(n) {
			return n.start, i + len(ph)
		}
	}
	return -1, 0
}

// compressedPassive reports whether the verb at i, right after the name
// that opens a terse line, is a passive without its auxiliary: "tpark
// removed from primary rotation pending review".
func (s *sentence) compressedPassive(i int) bool {
	if s.is(i, "moved", "put", "placed", "stood", "spoken", "talked") {
		return false
	}
	// "Driver retrained after reversing into showroom glass", "Staff
	// member disciplined following unauthorised refund"
	punished := s.is(i, "retrained", "disciplined", "reprimanded", "suspended", "demoted", "warned", "cautioned", "admonished", "dismissed", "counselled", "counseled") &&
		(s.is(i+1, "after", "following", "for", "over", "and", ";", ".") || i+1 == len(s.toks)) ||
		s.is(i, "reassigned", "transferred") && s.is(i+1, "to") && s.dutyAfter(i+2) > 0 // "Gate clerk reassigned to non-transactional duties"
	if !s.is(i+1, "from", "off") && !punished {
		return false
	}
	n := s.subjectOf(i)
	return n.ok() && n.end == i && s.lineStart(n.start) && s.toks[n.head].f&(fRole|fName|fPlainName) != 0
}

// hrPhrases are the steps of a performance process.
var hrPhrases = [][]string{
	{"performance", "plan"}, {"performance", "improvement", "plan"}, {"improvement", "plan"},
	{"performance", "reviews"}, {"performance", "review"}, {"performance", "concerns"},
	{"development", "area"}, {"line", "manager"}, {"fit", "for", "duty"}, {"conduct", "process"}, {"conduct", "investigation"},
	{"appropriate", "action"}, {"disciplinary", "action"}, {"disciplinary", "process"},
	{"below", "expectations"}, {"needs", "improvement"}, {"poor", "mark"},
	{"individual", "performance", "issues"}, {"individual", "performance", "problems"},
	{"individual", "performance", "failings"}, {"personal", "performance", "issues"},
	{"individual", "reviews", "will"}, {"annual", "appraisal"}, {"serious", "conversation", "with"}, {"written", "up", "for"},
	{"warning", "letter"}, {"written", "warning"}, {"receive", "a", "sanction"}, {"receive", "sanctions"}, {"performance", "ratings"},
	{"review", "his", "performance"}, {"review", "her", "performance"}, {"review", "their", "performance"},
}

// namedSanctions are the performance-process phrases that name a sanction
// or a grade of people on their own, with no person needed elsewhere in
// the sentence: "Individual performance issues within the dispatch team
// contributed", "individual reviews will follow".
var namedSanctions = map[string]bool{
	"individual performance issues": true, "individual performance problems": true,
	"individual performance failings": true, "personal performance issues": true, "individual reviews will": true,
	"serious conversation with": true, "written up for": true, "warning letter": true, "written warning": true,
	"receive a sanction": true, "receive sanctions": true, "review his performance": true, "review her performance": true,
	"review their performance": true,
}

// hrProcess returns the end of a performance-process phrase at i that is
// applied to someone, or 0. It needs a person other than the writer in the
// sentence and no denial before it: "this review will not feed into anyone's
// performance review" assures, and "a performance review of the query
// planner" is about software.
func (s *sentence) hrProcess(i int) int {
	for _, ph := range hrPhrases {
		if !s.seq(i, ph...) {
			continue
		}
		end := i + len(ph)
		if (ph[0] == "warning" || ph[1] == "warning") && !s.hasAny("receive", "receives", "received", "issue", "issued", "give", "given", "get", "gets", "got", "deserves") {
			return 0 // "the regulator's warning letter says …"
		}
		if s.is(i-1, "our") && (ph[0] == "improvement" || ph[1] == "improvement") {
			return 0 // "accepted our improvement plan": the organisation's
		}
		if ph[0] == "serious" {
			if n := s.npStartingAt(end); !n.ok() || !s.personish(n) || businesses[s.low(n.head)] || organisations[s.low(n.head)] || s.is(n.head, "vendor", "vendors", "supplier", "suppliers", "provider", "providers", "partner", "partners") {
				return 0 // "a serious conversation with the vendor about their release notes"
			}
		}
		if namedSanctions[strings.Join(ph, " ")] || ph[0] == "performance" && ph[1] == "ratings" && s.hasAny("reflect", "reflected", "will") {
			if s.negatedBefore(i, 8) || s.is(i-1, "no", "without") {
				return 0
			}
			return end // "Individual performance issues within the dispatch team contributed"
		}
		if s.negatedBefore(i, 8) || s.is(i-1, "no", "without") || s.is(end, "of", "for") && !s.person(s.npStartingAt(end+1)) {
			return 0
		}
		people := false
		for j := range s.toks {
			if shape(s, j) == personShape && s.toks[j].f&(fFirstSg|fFirstPl) == 0 {
				people = true
			}
		}
		if !people {
			return 0
		}
		switch ph[0] {
		case "line":
			// "raised with his line manager"; not "the line manager joined
			// the bridge"
			if !s.is(i-1, "his", "her", "their") || !s.hasAny("raised", "reported", "escalated", "concerns", "discuss", "discussed") {
				return 0
			}
		case "appropriate", "disciplinary":
			if !s.hasAny("take", "taking", "taken", "took", "face", "faces", "facing", "start", "started", "begin", "begun", "initiate", "initiated", "open", "opened") {
				return 0
			}
		case "performance":
			if ph[1] == "review" || ph[1] == "reviews" {
				// "will be reflected in their performance reviews", "for
				// the performance review cycle, Dana's handling"
				if !s.is(i-1, "his", "her", "their", "your") && s.low(i-1) != "'s" && !s.hasAny("handling", "reflected", "reflect", "noted", "rated", "rating") {
					return 0
				}
			}
		}
		return end
	}
	return 0
}

// talkTopics, after "a conversation with X about", make the talk a
// reprimand: "about following the schedule", "about his responsibilities".
var talkTopics = wordSet(`following discipline expectations standards importance compliance procedure
	procedures responsibilities responsibility duties conduct behaviour behavior attitude performance
	professionalism`)

// talkHadWith returns the end of a talk had with a person at i, or 0: a
// talk in the passive, which a report uses for a reprimand ("a
// conversation has been had with the dispatch lead"), or one about what
// the person owes ("we had a conversation with our cellar team about their
// responsibilities"). A conversation with a vendor about the timeline is
// no sanction.
func (s *sentence) talkHadWith(i int) int {
	k := i + 1
	passive := false
	if s.is(k, "has", "have", "was", "were", "had") {
		if s.is(k+1, "been") {
			k++
		}
		if !s.is(k+1, "had", "held") {
			return 0
		}
		passive, k = true, k+2
	}
	if !s.is(k, "with") || s.negatedBefore(i, 4) {
		return 0
	}
	n := s.npStartingAt(k + 1)
	if !s.person(n) || s.firstPerson(n) || businesses[s.low(n.head)] || s.is(n.head, servedPeople...) {
		return 0
	}
	if passive {
		return n.end
	}
	if !s.is(i-1, "a") || !s.is(i-2, "had", "have", "having") || !s.is(n.end, "about", "regarding", "on") {
		return 0
	}
	a := n.end + 1
	if s.f(a)&fPossessive != 0 && s.f(a)&(fFirstSg|fFirstPl) == 0 || s.is(a, "the") {
		a++
	}
	if talkTopics[s.low(a)] {
		return a + 1
	}
	return 0
}

// remedialWords make a restriction of a person a sanction: it lasts until
// they are retrained or reassessed.
var remedialWords = []string{"refresher", "retraining", "re-training", "re-certified", "recertified",
	"re-certification", "recertification", "module", "competency", "reassessment", "re-assessment",
	"re-assessed", "reassessed", "review", "regulator"}

// restrictedUntilRemedied returns the end of a restriction at i put on a
// person until they are retrained or reviewed, or 0: "step back from
// pre-flight sign-off until he completes a refresher", "grounded pending
// review", "will no longer handle comp tickets until he has been through the
// module again", "to repeat the module before returning", "a note has been
// placed on his file", "a capability meeting", "transitioning out of her
// responsibilities".
func (s *sentence) restrictedUntilRemedied(i int) int {
	switch {
	case s.is(i, "note") && s.anyWithin(i+1, 6, "file") && s.anyWithin(i+1, 6, "his", "her", "their"):
		return min(i+1, len(s.toks))
	case s.is(i, "capability") && s.is(i+1, "meeting", "hearing", "review", "process", "conversation"):
		return i + 2
	case s.is(i, "transitioning", "transition", "moving") && s.is(i+1, "out") && s.is(i+2, "of") && s.is(i+3, "his", "her", "their") && s.anyWithin(i+4, 4, "responsibilities", "duties", "role"):
		return i + 4
	}
	restrict := 0
	switch {
	case s.is(i, "step", "steps", "stepped", "stepping") && s.is(i+1, "back", "down", "away"):
		restrict = i + 2
	case s.is(i, "no") && s.is(i+1, "longer") && s.is(i+2, "handle", "hold", "sign", "work", "run", "do", "have", "lead", "cover", "drive", "fly", "approve"):
		restrict = i + 3
	case s.is(i, "grounded", "suspended", "stood", "benched"):
		restrict = i + 1
	case s.is(i, "taken", "took", "take", "removed", "pulled") && s.is(i+1, "off", "from"):
		restrict = i + 2
	case s.is(i, "off") && s.is(i-2, "taken", "took", "take") && s.nominal(i-1):
		restrict = i + 1 // "taken Darnell off the school routes"

	case s.is(i, "repeat", "retake", "redo") && s.anyWithin(i+1, 5, "module", "course", "training", "assessment") && s.anyWithin(i+1, 10, "before"):
		restrict = i + 1
	case s.is(i, "re-certified", "recertified", "reassessed", "re-assessed") && s.anyWithin(i+1, 3, "before") && s.anyWithin(i+1, 5, "resuming", "returning", "return", "duties"):
		restrict = i + 1
	}
	if restrict == 0 || s.negatedBefore(i, 3) {
		return 0
	}
	remedied := false
	for k := i + 1; k < len(s.toks) && k < i+16; k++ {
		if s.is(k, "until", "till", "pending", "while", "before") && s.anyWithin(k+1, 10, remedialWords...) || s.is(k, remedialWords...) && s.is(k-1, ";", ",", "pending") {
			remedied = true
			break
		}
	}
	if !remedied && !s.is(i, "repeat", "retake", "redo", "re-certified", "recertified", "reassessed", "re-assessed") {
		return 0
	}
	if !s.personAround(0, len(s.toks)) && !s.anyWithin(0, len(s.toks), "he", "she", "him", "her") {
		return 0
	}
	return restrict
}

// removalVerbs take a person off work or limit what they may do, told in
// the active voice: "taking jaroslav off nights", "the vendor has taken
// their engineer off our contract", "we've moved the dispatcher into a role
// with no shipping responsibilities", "management has limited Marco's write
// permissions".
var removalVerbs = wordSet(`take takes taking took taken move moves moving moved pull pulls pulling
	pulled remove removes removing removed limit limits limiting limited restrict restricts
	restricting restricted revoke revokes revoking revoked suspend suspends suspending suspended
	ground grounds grounding grounded bar bars barring barred ban bans banning banned`)

// workPlaces after "off" or "from" are the work a person is taken off:
// "off nights", "off our contract", "from the crane".
var workPlaces = wordSet(`nights night days shift shifts contract contracts account accounts site
	sites project projects rota rotation roster duty duties crane cranes line lines floor desk
	console consoles turbines turbine vessel vessels route routes team squad crew pager queue`)

// measureOn returns the end of a measure aimed at one person at i, or 0:
// a removal told in the active voice with the person as its object, or a
// person no longer allowed to work somewhere. Not "we moved the on-call
// engineer to the new paging tool": only work or a role is taken away.
func (s *sentence) measureOn(i int) int {
	switch {
	case removalVerbs[s.low(i)] && !s.passive(i) && !s.negatedBefore(i, 3):
		if s.is(i, "limit", "limits", "limiting", "limited", "restrict", "restricts", "restricting", "restricted", "revoke", "revokes", "revoking", "revoked", "suspend", "suspended", "removed", "pulled") {
			for j := i + 1; j < len(s.toks) && j <= i+5; j++ {
				if !accessWords[s.low(j)] {
					continue
				}
				for k := j - 1; k > i && k >= j-3; k-- {
					if s.is(k, "his", "her") || s.is(k, "their") && s.personAround(0, k) && !s.thingsBefore(k) || s.low(k) == "'s" && s.person(s.npEndingAt(k-1)) && !s.firstPerson(s.npEndingAt(k-1)) {
						return j + 1 // "has limited Marco's write permissions"
					}
				}
			}
		}
		n := s.npStartingAt(i + 1)
		if !n.ok() && s.is(i+1, "that", "this") {
			n = s.npStartingAt(i + 2) // "remove that driver from our contract"
			n.start = i + 1
		}
		if !n.ok() || s.firstPerson(n) {
			return 0
		}
		if s.is(n.head, "customer", "customers", "user", "users", "client", "clients", "guests", "passengers", "visitors", "public") {
			return 0
		}
		if e := s.takenFromPerson(i, n); e > 0 {
			return e
		}
		if !s.person(n) || accessWords[s.low(n.head)] {
			return 0
		}
		k := n.end
		switch {
		case s.is(k, "from", "off") && s.untilRemedied(k+1) > 0:
			return s.untilRemedied(k + 1) // "removed the designer from production publishing until a competency review"
		case s.is(k, "off", "from") && workPlaces[s.low(k+1)]:
			return k + 2
		case s.is(k, "off", "from") && s.f(k+1)&(fDet|fPossessive) != 0 && workPlaces[s.low(k+2)]:
			return k + 3
		case s.is(k, "off", "from") && s.f(k+1)&(fDet|fPossessive) != 0 && s.dutyAfter(k+2) > 0:
			return s.dutyAfter(k + 2)
		case s.is(k, "into", "to") && s.is(k+1, "a", "another") && s.is(k+2, "role", "position", "job") && s.hasWithin(k+3, 3, "no", "without", "less", "fewer", "non"):
			return min(k+3, len(s.toks)) // "into a role with no shipping responsibilities"
		}
	case s.seq(i, "will", "not", "have") && s.anyWithin(i+3, 3, "access", "rights", "permissions"):
		// "going forward, Tomasz will not have production access to the
		// model scheduler"
		if n := s.subjectOf(i); s.oneOf(n) {
			for j := i + 3; j < len(s.toks) && j <= i+5; j++ {
				if s.is(j, "access", "rights", "permissions") {
					return j + 1
				}
			}
		}
	case s.is(i, "no") && s.is(i+1, "longer") && s.is(i+2, "allowed", "permitted", "authorised", "authorized", "welcome", "trusted", "cleared"),
		s.is(i, "not") && s.is(i+1, "more", "anymore") && s.is(i+2, "allowed", "permitted", "authorised", "authorized", "welcome", "trusted", "cleared"):
		// "the contractor's rope-access lead is no longer permitted on our
		// turbines", "colleague from the vendor is not more allowed to
		// connect"
		g := i
		if s.f(g-1)&fBe != 0 {
			g--
		}
		if n := s.subjectOf(g); s.person(n) && !s.firstPerson(n) && !s.is(n.head, "customer", "customers", "user", "users", "visitors", "guests", "public") {
			return i + 3
		}
	}
	return 0
}

// accessRevokedFrom returns the end of a revocation of the access at i
// whose owner is named after it, or 0: "access to the billing database has
// been revoked for the analyst", "the access of lab technician to the
// module is revoked from today".
func (s *sentence) accessRevokedFrom(i int) int {
	owner := s.is(i+1, "of") && s.person(s.npStartingAt(i+2)) && !s.firstPerson(s.npStartingAt(i+2)) || s.accessOwner(i) >= 0 // "kenji's write access to the billing db is revoked"
	for j := i + 1; j < len(s.toks) && j < i+12 && !s.boundary(j); j++ {
		if !revokeWords[s.low(j)] || s.f(j-1)&(fBe|fHave) == 0 && !s.is(j-1, "been") || s.negatedBefore(j, 3) {
			continue
		}
		if owner {
			return j + 1
		}
		if s.is(j+1, "for", "from") {
			if n := s.npStartingAt(j + 2); s.person(n) && !s.firstPerson(n) && !s.is(n.head, "customer", "customers", "user", "users", "client", "clients", "guests", "visitors") {
				return n.end
			}
		}
		return 0
	}
	return 0
}

// seniorWords name someone put over a person after an incident.
var seniorWords = wordSet(`senior seniors mentor supervisor lead colleague experienced buddy manager
	second`)

// oneOf reports whether a phrase names one person, not a group or a class
// of people a process covers ("new hires", "all drivers").
func (s *sentence) oneOf(n np) bool {
	if !s.person(n) || s.firstPerson(n) || n.implicit {
		return false
	}
	h := s.low(n.head)
	if s.toks[n.head].f&(fName|fPlainName) != 0 || s.is(n.head, "he", "she", "him", "her") {
		return true
	}
	return s.is(n.start, "the", "this", "that", "our") && !strings.HasSuffix(h, "s") && !s.hasWithin(n.start, n.head-n.start, "new", "all", "every", "each", "any")
}

// supervisedFrom returns the end of a measure that puts one person under
// someone else's eye at i, or 0: "asked Beatriz to shadow a senior
// analyst", "Ayo needs a senior to countersign every change", "the planner
// will be sent again to the TOS training", "the pharmacist gets a coaching
// session with the director".
func (s *sentence) supervisedFrom(i int) int {
	switch {
	case s.is(i, "shadowed", "supervised", "accompanied", "chaperoned") && s.passive(i) && s.is(i+1, "by") && s.hasWithin(i+2, 3, seniorList...):
		// "the night controller will be shadowed by a senior controller"
		if n := s.subjectOf(i); s.oneOf(n) {
			return min(i+4, len(s.toks))
		}
	case s.is(i, "shadow", "shadows", "shadowing") && s.hasWithin(i+1, 4, seniorList...):
		n := s.subjectOf(i)
		if s.low(i-1) == "to" {
			n = s.askedWhom(i - 1)
		}
		if s.oneOf(n) {
			return min(i+3, len(s.toks))
		}
	case s.is(i, "needs", "need", "needed", "requires", "require") && s.is(i+1, "a", "an") && seniorWords[s.low(i+2)] && s.hasWithin(i+3, 3, "countersign", "co-sign", "cosign", "approve", "check", "sign", "review", "supervise", "watch"):
		if n := s.subjectOf(i); s.oneOf(n) {
			return min(i+5, len(s.toks))
		}
	case s.is(i, "sent") && s.hasWithin(i+1, 2, "to") && s.hasWithin(i+1, 5, "training", "retraining", "course", "refresher", "induction"):
		if n := s.subjectOf(i); s.passive(i) && s.oneOf(n) {
			for j := i + 1; j < len(s.toks) && j <= i+6; j++ {
				if s.is(j, "training", "retraining", "course", "refresher", "induction") {
					return j + 1
				}
			}
		}
	case s.is(i, "coaching", "mentoring") && s.is(i+1, "session", "sessions", "plan", "conversation") && !s.negatedBefore(i, 3):
		if g := s.verbBefore(i); g >= 0 && s.is(g, "gets", "get", "getting", "got", "receives", "receive", "received", "given", "booked", "scheduled") && s.oneOf(s.subjectOf(g)) {
			return i + 2
		}
	}
	return 0
}

// seniorList are the words that name who a person is put under, as
// hasWithin takes them: "shadow a senior analyst", "shadowed by an
// experienced colleague".
var seniorList = []string{"senior", "seniors", "mentor", "supervisor", "lead", "colleague", "experienced", "buddy"}

// takenFromPerson returns the end of a thing a person may use taken away
// from them at verb i with object n, or 0: "take publish rights off Anouk",
// "take the bulk-delete button away from the cataloguers". Moving a load
// off a server is no sanction: what is taken must come from a person.
func (s *sentence) takenFromPerson(i int, n np) int {
	if !s.is(i, "take", "takes", "taking", "took", "taken", "pull", "pulls", "pulling", "pulled", "remove", "removes", "removing", "removed") || s.person(n) {
		return 0
	}
	if s.is(n.head, "away") && n.head > n.start {
		n.head, n.end = n.head-1, n.head // the phrase took "away" for its noun
	}
	k := n.end
	if s.is(k, "away") {
		k++
	}
	if !s.is(k, "off", "from") {
		return 0
	}
	p := s.npStartingAt(k + 1)
	if !s.person(p) || s.firstPerson(p) || s.is(p.head, servedPeople...) || businesses[s.low(p.head)] || organisations[s.low(p.head)] {
		return 0
	}
	if !accessWords[s.low(n.head)] && !s.is(n.head, "button", "buttons", "rights", "role", "roles", "keys", "controls", "switch", "lever", "console", "pager", "phone", "duties", "duty") {
		return 0
	}
	return p.end
}

// remedyWords, after "until" or "pending", are what a person must pass to
// be let back: "until a full competency review is complete".
var remedyWords = wordSet(`review reviews assessment reassessment re-assessment competency retraining
	re-training recertification re-certification refresher training evaluation investigation
	sign-off signoff`)

// untilRedone returns the end of a condition at i that one person must
// meet by doing training or a module (again) before something is given
// back, or 0: "until he makes the training again", "until he redoes the
// change-control module", "till she does the refresher". Not a group's
// rule for newcomers ("until they complete onboarding") nor a thing's
// ("until the vendor does a review").
func (s *sentence) untilRedone(i int) int {
	if !s.is(i, "until", "till", "til") || i+1 >= len(s.toks) || !(s.is(i+1, "he", "she") || shape(s, i+1) == personShape && s.toks[i+1].f&fPron == 0) {
		return 0
	}
	if s.hasAny("onboarding", "induction", "new", "newcomers", "joiners", "starters", "hires") {
		return 0
	}
	for j := i + 2; j < len(s.toks) && j <= i+4; j++ {
		if !s.is(j, "does", "do", "did", "redoes", "redo", "makes", "make", "completes", "complete", "takes", "take", "passes", "pass", "finishes", "finish", "repeats", "repeat", "retakes", "retake", "sits", "has", "goes") {
			continue
		}
		for k := j + 1; k < len(s.toks) && k <= j+5; k++ {
			if remedyWords[s.low(k)] || s.is(k, "module", "course", "refresher", "certification", "test", "exam") {
				return k + 1
			}
		}
		return 0
	}
	return 0
}

// untilRemedied returns the end of a remedy a person must pass after i,
// within the clause, or 0: "from production publishing until a full
// competency review is complete".
func (s *sentence) untilRemedied(i int) int {
	for j := i; j < len(s.toks) && j < i+6 && !s.boundary(j); j++ {
		if !s.is(j, "until", "till", "til", "pending") {
			continue
		}
		for k := j + 1; k < len(s.toks) && k <= j+5; k++ {
			if remedyWords[s.low(k)] {
				return k + 1
			}
		}
		return 0
	}
	return 0
}

// watchWords put a person's work under someone's eye.
var watchWords = wordSet(`supervision oversight monitoring scrutiny checks`)

// secondCheck returns whether a second person's check follows i within a
// few words: "without a second signature", "unsupervised", "alone".
func (s *sentence) secondCheck(i int) bool {
	for j := i; j < len(s.toks) && j <= i+8; j++ {
		switch {
		case s.is(j, "without") && (s.is(j+1, "a", "an") && s.is(j+2, "second", "supervisor", "supervisor's", "senior", "countersignature", "co-signature", "witness") || s.is(j+1, "supervision", "sign-off", "signoff", "oversight")):
			return true
		case s.is(j, "unsupervised", "alone", "unaccompanied", "solo"):
			return true
		}
	}
	return false
}

// watchedFrom returns the end of a measure that watches one person's or a
// class of people's work more closely after an incident at i, or 0:
// "closer supervision of new pharmacy technicians", "the manager will
// supervise Dmitri for all the refund batches", "where he can be watched
// more closely", "Leon will pair with a senior engineer on every deploy",
// "Zainab will no longer approve transfers without a second signature",
// "asked Siobhan to stop approving licence changes without a second
// signature". A plan to supervise a process, or closer monitoring of a
// queue, is no such measure.
func (s *sentence) watchedFrom(i int) int {
	switch {
	case watchWords[s.low(i)] && s.is(i-1, "closer", "tighter", "extra", "additional", "increased", "direct", "stricter", "more", "enhanced") && s.is(i+1, "of", "on", "over"):
		n := s.npStartingAt(i + 2)
		if s.person(n) && !s.firstPerson(n) && !s.is(n.head, servedPeople...) && !businesses[s.low(n.head)] && !organisations[s.low(n.head)] && !s.negatedBefore(i-1, 4) {
			return n.end
		}
	case s.is(i, "supervise", "monitor", "oversee") && s.is(i-1, "will", "to", "must", "shall") && !s.negatedBefore(i, 3):
		if n := s.npStartingAt(i + 1); s.oneOf(n) && n.poss < 0 {
			return n.end
		}
	case s.is(i, "watched", "monitored", "supervised", "observed") && s.passive(i) && (s.is(i+1, "closely") || s.is(i+1, "more", "very") && s.is(i+2, "closely")):
		if n := s.subjectOf(i); s.oneOf(n) || s.is(n.head, "he", "she", "they") {
			return min(i+3, len(s.toks))
		}
	case s.is(i, "pair", "partner") && s.is(i-1, "will", "must", "shall", "to", "should") && s.is(i+1, "with", "up") && s.hasWithin(i+1, 4, seniorList...) && s.hasWithin(i+2, 8, "every", "all", "each", "any"):
		// a measure to come; "Kim paired with a senior engineer during
		// every step of the failover" tells what happened
		n := s.subjectOf(i)
		if s.low(i-1) == "to" {
			n = s.askedWhom(i - 1)
		}
		if s.oneOf(n) {
			return min(i+5, len(s.toks))
		}
	case s.is(i, "no") && s.is(i+1, "longer") && s.f(i+2)&fBe == 0 && s.secondCheck(i+2):
		if n := s.subjectOf(i); s.oneOf(n) {
			return i + 3
		}
	case s.is(i, "stop") && s.is(i-1, "to") && s.secondCheck(i+1):
		if n := s.askedWhom(i - 1); s.oneOf(n) {
			return i + 2
		}
	}
	return 0
}

// notGoingTo reports whether the verb at i is denied as a plan: "we are not
// going to retrain individuals", "we will not be retraining anyone".
func (s *sentence) notGoingTo(i int) bool {
	return s.seq(i-3, "not", "going", "to") || s.seq(i-3, "won't", "be") || s.seq(i-4, "will", "not", "be") || s.seq(i-2, "not", "to") || s.negatedBefore(i, 2)
}

// sanctionedAfter returns the end of "Dmitri retrained", "the night crew
// disciplined": a person, not the writers, and then a sanction's past
// participle, from token i on; 0 when there is none.
func (s *sentence) sanctionedAfter(i int) int {
	n := s.npStartingAt(i)
	if !(s.handleAt(i).ok() || s.person(n) && !s.firstPerson(n)) || !n.ok() || forAll[s.low(n.start)] {
		return 0 // "we need everyone retrained on the new console": a measure for all
	}
	if s.is(n.end, "retrained", "re-trained", "disciplined", "reprimanded", "suspended", "fired", "sacked", "removed", "replaced", "benched", "warned", "coached", "recertified", "re-certified") {
		return n.end + 1
	}
	if s.is(n.end, "off") && s.is(n.end+1, "deploys", "deployments", "nights", "releases", "prod", "production", "on-call", "call", "shift", "shifts", "duty") {
		return n.end + 2 // "can we get dave off deploys until he learns the checklist"
	}
	return 0
}

// oneNamed reports whether n is one person other than the writers: a
// name, "this person", "the engineer involved"; not a class of people
// ("new hires need more training") nor everyone.
func (s *sentence) oneNamed(n np) bool {
	if !n.ok() || !s.person(n) || s.firstPerson(n) || forAll[s.low(n.start)] || s.is(n.start, "our") {
		return false
	}
	h := s.low(n.head)
	return !strings.HasSuffix(h, "s") || s.f(n.head)&(fName|fPlainName) != 0 || s.is(n.head, "his", "he", "she", "her")
}

// forAll open a phrase for a class of people or everyone, whom a measure
// asked for does not single out: "everyone", "all operators", "new hires".
var forAll = wordSet(`everyone everybody all every each anyone new`)

// trainingNeeded returns the end of the training a person is said to need
// from token i on, "retraining", "more training", or 0.
func (s *sentence) trainingNeeded(i int) int {
	switch {
	case s.is(i, "retraining", "re-training", "disciplining", "supervising"):
		return i + 1
	case s.is(i, "more", "additional", "extra", "further") && s.is(i+1, "training", "coaching", "supervision"):
		return i + 2
	}
	return 0
}
