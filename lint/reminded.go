package lint

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
		who := noNP
		from, after := i, i+1
		switch {
		case remindVerbs[s.low(i)] && s.passive(i):
			n := s.subjectOf(i)
			if n.ok() && s.is(n.head, "who") {
				n = s.npEndingAt(n.head - 2) // "the team, who had been told"
			}
			if !(s.person(n) || s.agentBy(n)) || s.writer(n) {
				continue // "we were reminded twice" is the writer's own account
			}
			who, from = n, min(n.start, i)
		case remindVerbs[s.low(i)]:
			n := s.recipientAt(i + 1)
			if !n.ok() {
				continue
			}
			// Telling grades people only as a reminder or warning told in
			// the pluperfect, the background to what went wrong ("we had
			// reminded Devi three times"), or when they went on regardless
			// ("still", "anyway").
			if !(s.is(i, "reminded", "warned", "nagged", "chased", "pinged") && s.is(i-1, "had", "'d")) && !s.hasAny("still", "anyway", "regardless", "nevertheless", "kept", "continued") {
				continue
			}
			who, after = n, n.end
		case (sendVerbs[s.low(i)] || s.is(i, "issued")) && s.messageBefore(i):
			// "reminders to renew the certificate sent to the platform team
			// in March, April and May", "reminder to lock the config
			// issued three times"
			if s.is(i+1, "to") {
				if n := s.recipientAt(i + 2); n.ok() {
					who, after = n, n.end
				}
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
			s.addToldOtherwise(from, e)
			return
		}
	}
}

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
		if s.is(k, "reminder", "reminders", "warning", "warnings", "notice", "notices") && (k == 0 || s.linePrefix(k) || s.f(k-1)&fDet != 0 && k == 1) {
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
	if s.is(i, "the") {
		i++
	}
	n, end, again := 0, 0, false
	for j := i; j < len(s.toks) && j < i+14; j++ {
		switch {
		case calendarWords[s.low(j)] || s.seq(j, "this", "morning"):
			n++
			end = j + 1
			if s.is(j, "this") {
				j++
				end++
			}
		case s.is(j, ",", "and", "in", "on"):
		case s.is(j, "again"):
			again = true
		default:
			if n >= 3 || n == 2 && again {
				return end
			}
			return 0
		}
	}
	if n >= 3 || n == 2 && again {
		return end
	}
	return 0
}

var calendarWords = wordSet(`january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
	yesterday today`)

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
