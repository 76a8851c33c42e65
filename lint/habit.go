package lint

import (
	"fmt"
	"strings"
)

// habitLapse flags people told as having not done their work for a while,
// as a habit: "Maintenance is skipping the weekly greasing since two
// months", "our audiologists kept dismissing the update prompt for over a
// month", "the valuation team has under-declared freight costs for the
// second month running", "they are not writing temperatures in the log
// since three days". A habit told of people grades them; what made the
// work easy to drop (no reminder, no check, no time) is the account. A
// habit the sentence explains by the system ("because the form no longer
// asked") is not flagged.
func (s *sentence) habitLapse() {
	if s.question || s.forward || s.lesson || s.hasMatch(Blame) {
		return
	}
	for i := range s.toks {
		v, e := s.habitAt(i)
		if v < 0 {
			continue
		}
		n := s.subjectOf(v)
		if !n.ok() || !(s.personish(n) || s.organisation(n) || teamish(s.low(n.head)) || departmentWords[s.low(n.head)]) || s.firstPersonPlural(n) && !s.hasAny("lazy", "sloppy") {
			continue
		}
		if s.anyWithin(e, len(s.toks)-e, "because", "since") && !s.habitSince(e) || s.hasAny("tool", "form", "system", "screen", "software", "app", "prompt") && s.hasAny("because", "as") {
			continue
		}
		from := min(n.start, v)
		s.add(idOmission, from, e,
			fmt.Sprintf("%q tells a habit of leaving the work undone as the people's failing; it says nothing of what made the work easy to drop", s.span(from, e)),
			"Say what the work asked of them, what reminded or checked it, and what competed for their time; ask what made dropping it look reasonable.")
		return
	}
}

// habitAt returns the verb and the end of a habit told at i ("kept
// dismissing", "has not been completing", "are not writing … since three
// days", "had stopped checking"), or -1, 0.
func (s *sentence) habitAt(i int) (int, int) {
	switch s.low(i) {
	case "kept", "keep", "keeps":
		// "kept dismissing the prompt for over a month"
		if s.is(i+1, lapseVerbs...) && s.f(i-1)&fNeg == 0 && s.habitMarked(i+2) {
			return i, i + 2
		}
	case "stopped":
		// "had stopped checking ID"
		if s.is(i-1, "had", "have", "has") && i+1 < len(s.toks) && len(s.low(i+1)) > 4 && strings.HasSuffix(s.low(i+1), "ing") && s.f(i+1)&fThing == 0 {
			return i - 1, i + 2
		}
	case "not":
		switch {
		case s.is(i-1, "have", "has", "had") && s.is(i+1, "been") && i+2 < len(s.toks) && len(s.low(i+2)) > 4 && strings.HasSuffix(s.low(i+2), "ing") && s.f(i+2)&fThing == 0:
			return i - 1, i + 3 // "have not been completing"
		case s.is(i-1, "is", "are", "was", "were", "been") && s.is(i+1, dutyDoing...) && s.habitMarked(i+2):
			return i - 1, i + 2 // "are not writing temperatures since three days"
		}
	case "is", "are", "was", "were":
		// "Maintenance is skipping the greasing since two months"
		if s.is(i+1, "skipping", "ignoring", "dismissing", "bypassing", "forgetting", "neglecting", "missing") && s.habitMarked(i+2) {
			return i, i + 2
		}
	case "has", "have":
		// "has under-declared freight costs for the second month running"
		if s.is(i+1, "under-declared", "underdeclared", "misdeclared", "skipped", "ignored", "missed", "neglected", "forgotten", "misreported", "misfiled") && s.habitMarked(i+2) {
			return i, i + 2
		}
	}
	return -1, 0
}

// lapseVerbs, after "kept", tell work dropped or done the wrong way again
// and again: "kept dismissing the prompt", "kept parking outside the bays".
var lapseVerbs = []string{"using", "dismissing", "ignoring", "skipping", "bypassing", "overriding", "forgetting", "missing",
	"leaving", "parking", "putting", "sending", "marking", "signing", "snoozing", "silencing", "muting", "postponing", "deferring",
	"booking", "loading", "printing", "closing", "approving", "releasing", "clicking", "copying", "reusing"}

// dutyDoing are the work a habit leaves undone: "are not writing the
// temperatures", "was not doing the checks".
var dutyDoing = []string{"writing", "recording", "checking", "logging", "completing", "doing", "following", "reading",
	"signing", "cleaning", "changing", "greasing", "testing", "measuring", "weighing", "labelling", "labeling", "counting",
	"updating", "filling", "wearing", "calibrating", "inspecting", "verifying", "reporting", "sealing", "locking"}

// habitMarked reports whether the words from k on tell a span of time or a
// repeat: "since two months", "for over a month", "for some time", "for
// the second month running", "again", "even though".
func (s *sentence) habitMarked(k int) bool {
	for j := k; j < len(s.toks) && j < k+14; j++ {
		switch {
		case s.is(j, "since") && (s.countWord(j+1) || s.is(j+1, "two", "three", "a", "weeks", "months", "days", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "last")),
			s.is(j, "for") && (s.is(j+1, "over", "more", "months", "weeks", "some", "two", "three", "several", "ages", "years") || s.countWord(j+1)),
			s.is(j, "running", "again", "always", "repeatedly", "regularly", "routinely", "habitually"),
			s.seq(j, "even", "though"), s.seq(j, "by", "now"), s.seq(j, "all", "month"), s.seq(j, "all", "week"), s.seq(j, "all", "year"):
			return true
		}
	}
	return false
}

// habitSince reports whether a "since" after e counts time ("since two
// months") rather than giving a reason.
func (s *sentence) habitSince(e int) bool {
	for j := e; j < len(s.toks); j++ {
		if s.is(j, "since") {
			return s.countWord(j+1) || s.is(j+1, "two", "three", "a", "last", "weeks", "months", "days")
		}
	}
	return false
}
