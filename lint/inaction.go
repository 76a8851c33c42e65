package lint

import "fmt"

// noActionTaken flags people who had the signal and did nothing with it,
// told as the failing: "Night shift acknowledged low-air alarm on points
// machine, took no further action", "the monitoring team received the alert
// at 02:10 but did nothing until the morning". What the signal looked like
// among the others, and what asked for action, is the account a review
// needs.
func (s *sentence) noActionTaken() {
	for i := range s.toks {
		e := 0
		switch {
		case s.is(i, "took", "taken") && s.is(i+1, "no") && (s.is(i+2, "action") || s.is(i+2, "further") && s.is(i+3, "action")):
			e = i + 3
			if s.is(i+2, "further") {
				e++
			}
		case s.is(i, "did") && s.is(i+1, "nothing") && (s.is(i+2, "until", "for", "about") || s.boundary(i+2) || i+2 == len(s.toks)):
			e = i + 2
		case s.is(i, "no") && (s.seq(i+1, "further", "action", "taken") || s.seq(i+1, "action", "taken")):
			// "alert acknowledged by on-call engineer at 02:14; no further
			// action taken until 05:30"
			e = i + 3
			if s.is(i+1, "further") {
				e++
			}
		default:
			continue
		}
		// the signal, received before: "acknowledged the alarm, took no
		// further action"
		sig := -1
		for k := i - 1; k >= 0 && k >= i-12; k-- {
			if s.is(k, "acknowledged", "received", "saw", "got", "read", "noticed", "opened", "viewed", "seen", "heard") {
				sig = k
				break
			}
		}
		if sig < 0 {
			continue
		}
		n := s.subjectOf(sig)
		if s.is(sig+1, "by") {
			n = s.npStartingAt(sig + 2) // "alert acknowledged by on-call engineer"
		}
		if !n.ok() || !(s.person(n) || s.agentBy(n)) || s.writer(n) || s.firstPerson(n) || s.is(n.head, servedPeople...) {
			continue
		}
		from := n.start
		if n.implicit {
			from = sig
		}
		s.add(idOmission, from, e,
			fmt.Sprintf("%q grades people by an action they did not take once they had the signal; it does not say what the signal looked like to them", s.span(from, e)),
			fmt.Sprintf("Say what %s saw and what else competed for attention then: how the alarm looked among the others, and what the process asked them to do with it.", s.who(n)))
		return
	}
}

// declinedAdvice flags a person who declined what was recommended or
// requested, told beside the outage that came of it: "Operations lead
// declined recommended capacity upgrade in Q2. Outage in Q4.", "storage
// admin declining volume expansion request in August".
func (s *sentence) declinedAdvice() {
	for i := range s.toks {
		if !s.is(i, "declined", "declining", "rejected", "rejecting", "vetoed", "deprioritised", "deprioritized", "refused", "refusing") {
			continue
		}
		o := s.npStartingAt(i + 1)
		if !o.ok() {
			continue
		}
		advised := false
		for k := o.start; k < o.end; k++ {
			if s.is(k, "recommended", "requested", "proposed", "suggested", "request", "recommendation", "requests", "proposal", "upgrade", "expansion", "fix", "patch") {
				advised = true
			}
		}
		if !advised || s.hasWithin(o.end, 4, "because", "since", "as", "until", "pending") {
			continue // a decision told with its reason is the account, not a grade
		}
		if s.is(i-1, "by") {
			continue
		}
		var n np
		if s.is(s.groupStart(i)-1, "by") {
			n = s.npStartingAt(s.groupStart(i))
		} else {
			n = s.subjectOf(i)
		}
		if !n.ok() {
			// "caused entirely by storage admin declining …"
			n = s.npEndingAt(i - 1)
		}
		if !n.ok() || !(s.personish(n) || s.agentBy(n)) || s.writer(n) || s.firstPerson(n) || businesses[s.low(n.head)] {
			continue
		}
		from := min(n.start, i)
		s.add(idWithout, from, o.end,
			fmt.Sprintf("%q grades a person's decision by the outage that came later; it does not say what the decision weighed at the time", s.span(from, o.end)),
			fmt.Sprintf("Say what %s was weighing then: the cost, the risk as it was known, the other work asked for, and who else took part in the decision.", s.who(n)))
		return
	}
}

// sameCulprit flags a group or person singled out as involved again: "the
// fourth one-off payroll issue from the same shift", "second similar event
// this year involving the same maintenance gang", "why the same shift has
// been involved in four payroll incidents".
func (s *sentence) sameCulprit() {
	for i := range s.toks {
		if !s.is(i, "same") || !s.is(i-1, "the") {
			continue
		}
		n := s.npStartingAt(i - 1)
		if !n.ok() || !s.person(n) || s.f(n.head)&fRole == 0 || s.hasAny("because", "due", "since", "rota", "different") {
			continue // "the same person held two incidents because the rota had one person on"
		}
		counted := false
		for k := range s.toks {
			if s.is(k, "second", "third", "fourth", "fifth", "again", "repeat", "repeated") || s.countWord(k) && s.hasWithin(k+1, 3, "incidents", "events", "issues", "outages", "times") {
				counted = true
			}
		}
		// "renamed by the same person in the same way that broke us last
		// spring", "this is the same person who called canaries \"a waste
		// of time\" in the last retro"
		pinned := (s.is(n.start-1, "by") || s.is(n.end, "who") && s.is(n.end+1, "called", "said", "argued", "insisted", "claimed", "broke", "caused", "renamed", "deleted", "dropped", "pushed", "deployed", "ignored", "muted", "skipped", "dismissed", "forgot", "missed") && s.hasAny("last", "previous", "before", "earlier", "again")) && (counted || s.hasAny("last", "previous", "before", "earlier", "broke"))
		if !pinned && (!counted || !s.hasAny("incident", "incidents", "event", "events", "issue", "issues", "outage", "outages", "involved", "involving", "problem", "problems")) {
			continue
		}
		s.add(idAccountability, n.start, n.end,
			fmt.Sprintf("%q singles out who was there again; it looks for someone to blame instead of what the incidents share", s.span(n.start, n.end)),
			"Say what the incidents have in common in the work: the task, the tools, the time of day, the handover, and what made them likely for whoever did the work.")
		return
	}
}

// rhetoricalWho flags a question that asks who would act without a step,
// answering itself: "Who approves a schema migration on the chart database
// without looking at the row count?"
func (s *sentence) rhetoricalWho() {
	if !s.question {
		return
	}
	w := -1
	for k := 0; k < len(s.toks) && k < 6; k++ {
		if s.is(k, "who") {
			w = k
			break
		}
	}
	if w < 0 || !s.is(w+1, "approves", "deploys", "pushes", "runs", "ships", "merges", "decides", "sends", "deletes", "restarts", "launches", "releases", "signs", "changes") {
		return
	}
	for k := w + 2; k < len(s.toks); k++ {
		if s.is(k, "without") {
			e := min(k+3, len(s.toks))
			s.add(idWithout, w, e,
				fmt.Sprintf("%q asks a question it answers: it grades whoever acted without the step", s.span(w, e)),
				"Ask what the approval screen or the process showed at that moment, and whether anything asked for the step.")
			return
		}
	}
}

// selfApproved flags a change approved by the one who made it, told as the
// failing: "our lead has approved his own change", "approval given by the
// same engineer who authored it", "self-approved".
func (s *sentence) selfApproved() {
	for i := range s.toks {
		e := 0
		switch {
		case s.is(i, "approved", "approves", "approving", "reviewed", "signed") && s.is(i+1, "his", "her", "their") && s.is(i+2, "own"):
			e = i + 3
		case s.is(i, "self-approved", "self-reviewed", "self-merged"):
			e = i + 1
		case s.is(i, "approved", "reviewed", "signed") && s.is(i+1, "by") && s.is(i+2, "its", "their", "his", "her") && s.is(i+3, "own") && s.is(i+4, "author", "authors", "requester", "submitter", "owner"):
			e = i + 5 // "change ticket approved by its own author"
		case s.is(i, "same") && s.is(i+1, "engineer", "person", "developer", "analyst", "author", "operator") && s.is(i+2, "who") && s.is(i+3, "authored", "wrote", "made", "built", "raised", "submitted"):
			e = i + 4
		}
		if e == 0 || s.forward || s.negatedBefore(i, 3) || s.hasAny("allowed", "allows", "because", "let", "permitted", "permits") {
			continue // "…, which the change system allowed because …": the account is there
		}
		from := i
		if n := s.subjectOf(i); n.ok() && !n.implicit && n.start < i {
			from = n.start
		}
		s.add(idWithout, from, e,
			fmt.Sprintf("%q grades a person for approving their own work; it does not say what let one person be both", s.span(from, e)),
			"Say what the approval tool allowed and asked for: could the author approve, was a second approver available at that hour, what did the process require?")
		return
	}
}
