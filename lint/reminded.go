package lint

import "strings"

// remindedOften flags people graded by how often they had been told: the
// count of reminders is the judgement, that they knew and did nothing.
//
//   - "We had reminded Devi three times in the channel that the quota was
//     shared", "we had warned the helpdesk twice";
//   - "the team was told in March, in May and in July", "was informed about
//     this risk in three different meetings";
//   - "we sent the notice to the integration team four times, still they
//     use the old URLs", "the deprecation email went to seller ops in March,
//     May, and July";
//   - "third reminder to the firmware team went unanswered";
//   - "how many times do we need to tell the claims team …?"
//
// A plain account of telling ("we told the customers twice that the window
// had moved", "the on-call engineer was paged three times") is left alone:
// the customers are no party to the incident, and paging is no reminder.
func (s *sentence) remindedOften() {
	if s.forward {
		return
	}
	for i := range s.toks {
		if s.question {
			if s.seq(i, "how", "many", "times") || s.seq(i, "how", "often") {
				for v := i + 2; v < len(s.toks) && v <= i+8; v++ {
					if tellBase[s.low(v)] {
						if n := s.recipientAt(v + 1); n.ok() {
							s.addToldOtherwise(i, n.end)
							return
						}
					}
				}
			}
			continue
		}
		if e := s.ordinalReminder(i); e > 0 {
			s.addToldOtherwise(i, e)
			return
		}
		if w := s.low(i); !remindVerbs[w] && !sendVerbs[w] && !tellingOthers[w] {
			continue
		}
		who := noNP
		from, after := i, i+1
		to, counted := 0, 0 // where "to" follows a message told, and the end of a counted one
		switch s.low(i) {
		case "flagged", "raised", "mentioned":
			to = s.toAfterObject(i)
		case "received", "got", "ignored", "dismissed", "had":
			counted = s.countedMessage(i + 1)
		}
		switch {
		case remindVerbs[s.low(i)] && i > 0 && s.is(i+1, "of", "about") && (s.lineStart(i-1) || s.linePrefix(i-1)) && s.f(i-1)&fRole != 0:
			// a summary's terse passive: "Operator reminded of procedure
			// at shift start, at 10:00 and again at 13:00"
			who, from = np{start: i - 1, head: i - 1, end: i, poss: -1}, i-1
		case remindVerbs[s.low(i)] && s.passive(i):
			n := s.subjectOf(i)
			if n.ok() && s.is(n.head, "who") {
				n = s.npEndingAt(n.head - 2) // "the team, who had been told"
			}
			if !(s.person(n) || s.agentBy(n)) || s.writer(n) {
				continue // "we were reminded twice" is the writer's own account
			}
			who, from = n, min(n.start, i)
		case remindVerbs[s.low(i)] || s.is(i, "said", "explained", "repeated", "mentioned", "stressed") && s.is(i+1, "to") || to > 0:
			k := i + 1
			switch {
			case to > 0:
				k = to + 1 // "we had flagged the SSL renewal to Ollie in …"
			case !remindVerbs[s.low(i)]:
				k++ // "we have said to Mr. Kowalczyk three times …"
			}
			n := s.recipientAt(k)
			if !n.ok() {
				continue
			}
			// Telling grades people only as a reminder or warning told in
			// the pluperfect or the present perfect, the background to
			// what went wrong ("we had reminded Devi three times"), when
			// they went on regardless ("still", "anyway"), when they were
			// asked again and again to do something ("asked Raúl three
			// times to pin the version"), or when a reminder is counted
			// out ("on Monday, on Wednesday and again on Thursday").
			if !s.tellingGrades(i, n.end) {
				continue
			}
			who, after = n, n.end
		case counted > 0:
			// "the infrastructure team, who received four separate
			// warnings", "how many reminders Daniela received"
			n := s.subjectOf(i)
			if n.ok() && s.is(n.head, "who") {
				n = s.npEndingAt(n.head - 2)
			}
			if !n.ok() || !(s.person(n) || s.agentBy(n)) || s.writer(n) || s.firstPerson(n) {
				continue
			}
			s.addToldOtherwise(min(n.start, i), counted)
			return
		case s.seq(i, "how", "many") && messageNouns[s.low(i+2)]:
			for v := i + 3; v < len(s.toks) && v <= i+6 && !s.boundary(v); v++ {
				if s.is(v, "received", "got", "ignored", "had", "dismissed") {
					if n := s.personStartingAt(i + 3); n.ok() && n.end == v && (s.person(n) || s.agentBy(n)) && !s.writer(n) && !s.firstPerson(n) {
						s.addToldOtherwise(i, v+1)
						return
					}
				}
			}
			continue
		case (sendVerbs[s.low(i)] || s.is(i, "issued")) && s.messageBefore(i):
			// "reminders to renew the certificate sent to the platform team
			// in March, April and May", "reminder to lock the config
			// issued three times"
			if s.is(i+1, "to") {
				if n := s.recipientAt(i + 2); n.ok() {
					who, after = n, n.end
				}
			}
			if who.ok() && s.countWord(0) && !s.is(who.head, servedPeople...) && s.f(who.head)&fNegQuant == 0 && !s.is(who.head, "nobody", "noone") {
				s.addToldOtherwise(0, after) // "Three reminders was sent to Hyun-woo"
				return
			}
			if !who.ok() {
				if e := s.toldHowOften(i + 1); e > 0 && s.hasAny("left", "not", "unanswered", "ignored", "unactioned", "still") {
					s.addToldOtherwise(0, e)
					return
				}
				continue
			}
		case sendVerbs[s.low(i)]:
			// "sent the notice … to the seller team", "went to seller ops"
			k := i + 1
			if !s.is(i, "went") {
				o := s.npStartingAt(k)
				if !o.ok() || !messageNouns[s.low(o.head)] {
					if o.ok() && s.person(o) {
						// "sent the vendor the freeze calendar"
						if o2 := s.npStartingAt(o.end); o2.ok() && messageNouns[s.low(o2.head)] {
							who, after = o, o2.end
						}
					}
					if !who.ok() {
						continue
					}
				} else {
					k = o.end
				}
			} else if n := s.npEndingAt(i - 1); !n.ok() || !messageNouns[s.low(n.head)] {
				continue
			}
			if !who.ok() {
				// past what the message was about: "the notice about
				// the new image CDN to the seller team"
				for k < len(s.toks) && k < i+10 && !s.is(k, "to") && !s.boundary(k) {
					k++
				}
				if !s.is(k, "to") {
					continue
				}
				n := s.recipientAt(k + 1)
				if !n.ok() {
					continue
				}
				who, after = n, n.end
			}
		default:
			continue
		}
		if s.is(who.head, servedPeople...) || s.is(who.head, "parents", "public", "members", "owners", "holders", "students", "families", "people") || s.negatedBefore(i, 3) {
			continue
		}
		if s.is(after, "by") && s.passive(i) {
			continue // "was told by the pager": a system telling
		}
		if e := s.countWithin(after, 10); e > 0 && !(s.is(e, "by") && s.passive(i)) {
			if s.is(i, "briefed", "informed", "notified", "advised", "updated", "told", "alerted") && s.timesCounted(after, e) == 2 {
				continue // "Leadership was briefed at 10:00 and again at 13:00": keeping people informed
			}
			s.addToldOtherwise(from, e)
			return
		}
	}
}

// tellingOthers are the other words a telling reading starts at.
var tellingOthers = wordSet("said explained repeated mentioned stressed received got ignored dismissed had how issued")

// remindVerbs tell people something; sendVerbs send them a message.
var (
	remindVerbs  = wordSet("reminded warned told informed notified asked nagged chased pinged alerted advised briefed")
	tellBase     = wordSet("tell remind warn ask inform explain say")
	sendVerbs    = wordSet("sent send posted forwarded emailed went")
	messageNouns = wordSet(`notice notices reminder reminders email emails mail warning warnings memo memos
		message messages calendar note notes announcement announcements deprecation advisory advisories letter
		letters request requests ticket tickets checklist checklists instructions guide runbook link`)
)

// messageBefore reports whether a reminder or warning is named before i
// as the subject of a terse passive: "Reminders to renew the certificate
// sent to …".
func (s *sentence) messageBefore(i int) bool {
	for k := 0; k < i; k++ {
		if s.is(k, "reminder", "reminders", "warning", "warnings", "notice", "notices") && (k == 0 || s.linePrefix(k) || (s.f(k-1)&fDet != 0 || s.countWord(k-1)) && k == 1) {
			return true
		}
	}
	return false
}

// recipientAt returns the people told at i: "Devi", "the edge team",
// "them", "seller ops", or no phrase.
func (s *sentence) recipientAt(i int) np {
	if s.is(i, "them", "him", "her") {
		return np{start: i, head: i, end: i + 1, poss: -1}
	}
	if h := s.handleAt(i); h.ok() && !strings.Contains(s.low(h.head), "bot") {
		return h // "told @pita"
	}
	if n := s.personStartingAt(i); s.person(n) && !s.writer(n) {
		return n
	}
	n := s.npStartingAt(i)
	if n.ok() && s.agentBy(n) && !s.writer(n) {
		return n
	}
	// A group a message went to is people: "seller ops", "the claims
	// desk".
	if n.ok() && s.toks[n.head].kind == tWord && s.f(n.head)&fRole != 0 && !machineLeaning[s.low(n.head)] {
		for j := n.start; j < n.head; j++ {
			if s.f(j)&fTech != 0 || machineLeaning[s.low(j)] {
				return noNP
			}
		}
		return n
	}
	return noNP
}

// countWithin returns the end of a count of tellings within k tokens of i,
// in the same clause: "three times", "twice", "in three different
// meetings" (toldHowOften), "in March, May and July", or 0.
func (s *sentence) countWithin(i, k int) int {
	for j := i; j < len(s.toks) && j <= i+k; j++ {
		if s.is(j, ".", ";", "?", "!") && j+1 < len(s.toks) && !s.is(j+1, "twice", "thrice") {
			return 0
		}
		if e := s.toldHowOften(j); e > 0 {
			return e
		}
		if s.is(j, "in", "on", "at") {
			if e := s.timesListed(j + 1); e > 0 {
				return e
			}
		}
	}
	return 0
}

// timesListed returns the end of a list of three or more months, days or
// meetings from i: "March, May, and July", "the March, April and May
// safety briefings", "Monday, Tuesday and this morning", or 0.
func (s *sentence) timesListed(i int) int {
	e, _ := s.timesListedN(i)
	return e
}

// timesListedN is timesListed with how many times are listed.
func (s *sentence) timesListedN(i int) (int, int) {
	if s.is(i, "the") {
		i++
	}
	n, end, again := 0, 0, false
	days := 0 // day numbers, which count once a month closes them: "1, 8 and 15 May"
	enough := func() (int, int) {
		if n >= 3 || n == 2 && again {
			return end, n
		}
		return 0, 0
	}
	for j := i; j < len(s.toks) && j < i+14; j++ {
		switch {
		case calendarWords[s.low(j)] || s.seq(j, "this", "morning"):
			if monthWords[s.low(j)] {
				n += days
			}
			days = 0
			n++
			end = j + 1
			if s.is(j, "this") {
				j++
				end++
			}
		case s.toks[j].kind == tNum && strings.Contains(s.low(j), ":"):
			n++ // "at 10:00 and again at 13:00"
			end = j + 1
		case s.toks[j].kind == tNum && len(s.low(j)) <= 2:
			days++
		case s.is(j, "and") && s.toks[j].upper:
			again = true // "on Monday AND Wednesday"
		case s.is(j, ",", "and", "in", "on", "at"):
		case s.is(j, "again", "also"):
			again = true
		default:
			return enough()
		}
	}
	return enough()
}

// tellingGrades reports whether telling at i, to people ending at e, grades
// them: see remindedOften.
func (s *sentence) tellingGrades(i, e int) bool {
	c := s.countWithin(e, 10)
	switch {
	case s.is(i, "reminded", "warned", "nagged", "chased", "pinged") && s.is(i-1, "had", "'d"):
		return true
	case s.is(i-1, "had", "'d", "have", "has") && c > 0:
		return true // "we had mentioned it to Pedro in the February, March and April reviews", "we have said to him three times"
	case s.hasAny("still", "anyway", "regardless", "nevertheless", "kept", "continued"):
		return true
	}
	if c == 0 {
		return false
	}
	if s.toInfinitive(c) || s.toInfinitive(e) {
		return true // "asked Raúl three times to pin the SDK version"
	}
	// a reminder counted out, time after time: "on Monday, on Wednesday
	// and again on Thursday", "at three consecutive standups"; not two
	// times, which may be a plain account
	n := s.timesCounted(e, c)
	return n >= 3 || n == 2 && s.individual(e) || s.is(i, "reminded", "warned", "told") && s.countsThree(e, c)
}

// individual reports whether the people told, ending at e, are one named
// person: "Marco", "@pita".
func (s *sentence) individual(e int) bool {
	return s.f(e-1)&(fName|fPlainName) != 0 || s.low(e-2) == "@"
}

// countsThree reports whether the count from e to c is three or more
// occasions: "at three consecutive standups", "in four meetings".
func (s *sentence) countsThree(e, c int) bool {
	for j := e; j < c; j++ {
		if s.is(j, "three", "four", "five", "six", "seven", "several", "multiple", "numerous", "3", "4", "5", "6") {
			return true
		}
	}
	return false
}

// toAfterObject returns where "to" stands after the object of the verb at
// i, so that the people told follow: "flagged the SSL renewal to Ollie",
// "mentioned the expiring certificates to Pedro", or 0.
func (s *sentence) toAfterObject(i int) int {
	o := s.npStartingAt(i + 1)
	if !o.ok() || s.person(o) {
		return 0
	}
	if s.is(o.end, "to") {
		return o.end
	}
	return 0
}

// toInfinitive reports whether a request to act opens at i: "to pin the
// version", not "to the team" or "to him".
func (s *sentence) toInfinitive(i int) bool {
	return s.is(i, "to") && i+1 < len(s.toks) && s.toks[i+1].kind == tWord && s.f(i+1)&(fDet|fPossessive|fPron|fThing|fName|fRole) == 0 && !s.toks[i+1].cap && !s.is(i+1, "all", "everyone", "everybody", "them", "us", "me")
}

// timesCounted returns how many times the count from e to c lists.
func (s *sentence) timesCounted(e, c int) int {
	for j := e; j < c; j++ {
		if s.is(j, "in", "on", "at") {
			if _, n := s.timesListedN(j + 1); n > 0 {
				return n
			}
		}
	}
	return 0
}

// countedMessage returns the end of a counted reminder or warning at i:
// "four separate warnings", "three reminders", or 0.
func (s *sentence) countedMessage(i int) int {
	if !s.countWord(i) || s.is(i, "many") {
		return 0
	}
	for j := i + 1; j < len(s.toks) && j <= i+3; j++ {
		if s.is(j, "reminder", "reminders", "warning", "warnings", "notice", "notices", "nudges") {
			return j + 1
		}
		if s.toks[j].kind != tWord {
			return 0
		}
	}
	return 0
}

// monthNames and the days make the calendar words a list of tellings is
// counted by.
const monthNames = `january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`

var (
	calendarWords = wordSet(monthNames + ` monday tuesday wednesday thursday friday saturday sunday yesterday today`)
	monthWords    = wordSet(monthNames)
)

// ordinalReminder returns the end of a reminder counted past the first and
// sent to people at i, or 0: "third reminder to the firmware team",
// "reminder #4 for the ledger team".
func (s *sentence) ordinalReminder(i int) int {
	r := -1
	switch {
	case s.is(i, "second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "6th", "nth", "umpteenth") && s.is(i+1, "reminder", "warning", "notice", "email", "request", "nudge", "ping"):
		r = i + 2
	case s.is(i, "reminder", "warning") && s.is(i+1, "#") && i+2 < len(s.toks) && s.toks[i+2].kind == tNum && s.low(i+2) != "1":
		r = i + 3
	default:
		return 0
	}
	for j := r; j < len(s.toks) && j <= r+7 && !s.boundary(j); j++ {
		if s.is(j, "to", "for") {
			if n := s.recipientAt(j + 1); n.ok() && !s.is(n.head, servedPeople...) {
				return n.end
			}
		}
	}
	return 0
}
