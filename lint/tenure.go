package lint

import (
	"fmt"
	"strconv"
)

// tenureOrWear flags a person's short tenure or worn state told beside what
// they did, so that it reads as the explanation: "a developer who joined
// only last week", "technician, two weeks in role, unplugged the gateway",
// "engineer three weeks into role", "had been working their fourth
// consecutive night shift", "after eighteen hours awake". The conditions
// are worth telling; told of the person, they grade the person. A lesson or
// a plan ("new hires now shadow for a month") and a good outcome ("on her
// second day, Priya found the bug") are not flagged.
func (s *sentence) tenureOrWear() {
	if s.forward || s.question || s.lesson {
		return
	}
	for i := range s.toks {
		e := s.tenureAt(i)
		if e == 0 {
			e = s.wearAt(i)
		}
		if e == 0 {
			continue
		}
		// The conditions told beside it explain it already: "because we
		// have no tiered access", "why the schedule let anyone operate".
		if s.explainedSince(i) || !s.seq(i, "fresh", "out", "of") && s.hasAny("found", "fixed", "spotted", "caught", "noticed", "identified", "flagged", "saved", "helped", "shadowed", "shadowing", "paired", "pairs", "mentor", "mentored",
			"onboarding", "onboarded", "welcome", "welcomed", "thanks", "thank", "praise", "kudos", "because", "policy", "rule", "let", "allowed", "schedule", "rota", "rostered",
			"blame", "fault", "fair", "concluded", "appropriate", "same", "moved", "disconnected", "interviewed", "peaked", "customers", "partners", "approvals", "process", "smoothly", "confidently", "calmly", "correctly", "book", "matter", "mattered", "restored", "recovered", "followed", "paged", "escalated", "well") {
			return
		}
		appositive := s.low(e) == "," && e+1 < len(s.toks) && s.toks[e+1].kind == tWord && pastForm(&s.toks[e+1]) && s.low(i-1) == ","
		if !appositive && !s.hasAny("alone", "unaided", "unsupervised", "unreviewed", "reviewing", "results", "expect", "established", "access", "garbled", "approved", "surprised", "explains", "history", "went", "wrong", "still", "untrained", "know", "knew", "understand", "understood", "expired", "calibrated", "shows", "showed", "slowly", "reactions", "asleep") && !s.changeActNear(i, e) {
			continue
		}
		if !s.personAround(max(i-10, 0), min(e+10, len(s.toks))) && !s.hasAny("he", "she", "they", "i") {
			continue
		}
		s.add(idPersonState, i, e,
			fmt.Sprintf("%q tells the person's tenure or wear as the explanation of what they did; it says nothing of what put them there alone", s.span(i, e)),
			"Say what the rota, the onboarding or the tooling asked of someone in that position, and what support was there: who could be called, what the tools checked.")
		return
	}
}

// tenureAt returns the end of a short tenure at i, or 0: "two weeks in
// role", "three weeks into role", "with two weeks' tenure", "in first
// week", "who joined only last week", "newly promoted", a new hire given
// access or left alone, "had no training on … yet, alone".
func (s *sentence) tenureAt(i int) int {
	switch {
	case s.countWord(i) || s.is(i, "a", "one", "two"):
		if !s.is(i+1, "days", "weeks", "months", "day", "week", "month") {
			return 0
		}
		k := i + 2
		if s.is(k, "'", "’", "'s") {
			k++
		}
		switch {
		case s.is(k, "tenure"):
			return k + 1
		case s.is(k, "in", "into", "at") && s.is(k+1, "role", "post", "job"):
			return k + 2
		case s.is(k, "in", "into", "at") && s.f(k+1)&(fDet|fPossessive) != 0 && s.is(k+2, tenurePlaces...):
			return k + 3
		case s.seq(k, "on", "the", "team") || s.seq(k, "on", "the", "job"):
			return k + 3
		}
	case s.seq(i, "on", "the", "team") && (s.countWord(i+3) || s.is(i+3, "a", "one", "two")) && s.is(i+4, "days", "weeks", "months", "day", "week", "month"):
		return i + 5 // "had been on the team six weeks"
	case s.is(i, "in") && s.is(i+1, "first") && s.is(i+2, "week", "day", "month"):
		return i + 3
	case s.is(i, "in") && s.f(i+1)&fPossessive != 0 && s.is(i+2, "first") && s.is(i+3, "week", "day", "month", "days", "weeks"):
		return i + 4 // "still in his first month"
	case s.is(i, "newest", "brand-new") && s.is(i+1, "hire", "intern", "joiner", "starter", "recruit", "engineer", "analyst", "member", "colleague", "trainee") && s.changeActNear(i, i+2):
		return i + 2 // "our newest hire merged the schema change"
	case s.is(i, "new") && s.is(i+1, "to") && s.is(i+2, "the", "our", "his", "her", "their") && s.hasWithin(i+3, 3, tenurePlaces...):
		for k := i + 3; k < len(s.toks) && k < i+6; k++ {
			if s.is(k, tenurePlaces...) {
				return k + 1 // "New to the analyzer team, Priyanka calibrated …"
			}
		}
	case s.is(i, "new") && s.is(i+1, "tech", "technician", "engineer", "operator", "analyst", "dispatcher", "hire", "guy", "girl", "person", "admin", "developer", "dev", "nurse", "driver", "clerk") && s.clauseStart(i) && (s.hasAny("didn't", "know", "knew", "untrained") || s.changeActNear(i, i+2)):
		return i + 2 // "new tech on bench 3 didn't know the centrifuge needs balancing"
	case s.is(i, "with") && (s.countWord(i+1) || s.is(i+1, "a", "one", "two")) && s.is(i+2, "days", "weeks", "day", "week") && s.is(i+3, "of") && s.hasWithin(i+4, 2, "induction", "training", "onboarding", "experience"):
		return i + 5 // "a contractor with two days of site induction"
	case s.is(i, "since") && (s.hasWithin(max(i-4, 0), 4, tenurePlaces...) || s.is(i-1, "new")):
		// "is in the company since only two weeks", as second-language
		// writers put it
		k := i + 1
		if s.is(k, "only", "just") {
			k++
		}
		if (s.countWord(k) || s.is(k, "a", "one", "two")) && s.is(k+1, "days", "weeks", "months", "day", "week", "month") {
			return k + 2
		}
	case s.is(i, "only", "just") && s.speaksOfPerson():
		// "only his second week, so of course he didn't know", "he is only
		// two weeks here", "only a fortnight into the job", "is only since
		// Monday", as second-language writers put it
		k := i + 1
		if s.is(k, "in", "into") && s.f(k+1)&fPossessive != 0 {
			k++ // "being only in her second week with us"
		}
		if s.f(k)&fPossessive != 0 {
			k++
		}
		switch {
		case s.is(k, "since") && s.hasAny("new"):
			return k + 2
		case s.is(k, "a", "one", "two") || s.countWord(k) || s.is(k, "first", "second", "third"):
			if !s.is(k+1, "days", "weeks", "months", "day", "week", "month", "fortnight") {
				return 0
			}
			e := k + 2
			switch {
			case s.is(e, "ago", "later", "after", "before", "old", "late", "early", "left", "away", "of", "to", "from", "for") || s.is(i-1, "for", "changed", "run", "ran", "lasted", "took", "within", "in"):
				return 0 // "the system was changed only three weeks ago", "ran for only two weeks"
			case s.is(e, "here"):
				e++
			case s.is(e, "in") && (s.is(e+1, ",", ";", ")") || e+1 == len(s.toks)):
				e++ // "our weighbridge clerk, only two weeks in, waved the load through"
			case s.is(e, "in", "into", "on") && s.is(e+1, "the") && s.is(e+2, "job", "role", "team", "post"):
				e += 3
			case s.is(e, "in", "into", "on") && s.is(e+1, "job", "role", "post"):
				e += 2
			}
			return e
		}
	case s.seq(i, "for", "the", "first", "time") && s.anyWithin(max(i-5, 0), 5, "own", "alone", "solo", "unsupervised") && s.hasAny("know", "knew", "understand", "understood"):
		return i + 4 // "was on her own for the first time and didn't know she had to phone"
	case s.seq(i, "been", "here", "longer", "than") && s.hasAny("still"):
		return i + 4 // "who has been here longer than the DMS itself, somehow still didn't know"
	case s.seq(i, "been", "here") && s.countWord(i+2) && s.is(i+3, "years") && s.hasAny("still"):
		return i + 4 // long tenure held against a person: "has been here ten years and still can't …"
	case s.is(i, "joined") && s.is(i-1, "who", "had", "only", "just"):
		for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
			if s.is(k, "week", "yesterday", "ago", "month") {
				return k + 1
			}
		}
	case s.is(i, "newly", "recently", "freshly", "just") && s.is(i+1, "promoted", "hired", "appointed", "onboarded"):
		return i + 2
	case s.is(i, "second", "third", "first") && s.is(i+1, "week", "day", "shift", "month") && s.is(i+2, "on", "in", "at") && s.hasWithin(i+3, 2, "shift", "job", "role", "team", "post", "company", "duty"):
		return i + 4 // "Junior operator, second week on shift, overrode …"
	case s.seq(i, "fresh", "out", "of") && s.is(i+3, "onboarding", "training", "university", "college", "school", "bootcamp", "induction"):
		return i + 4 // "our newest hire, fresh out of onboarding, was handed the production keys"
	case s.is(i, "trainee", "intern", "apprentice") && s.is(i+1, "alone", "unsupervised", "unaided"):
		return i + 2 // "run by the trainee alone at 8 o'clock"
	case s.is(i, "new") && (s.is(i+1, "hire", "joiner", "starter", "recruit") || s.is(i+1, "technician", "tech") && !s.clauseStart(i)):
		// with something put in their hands and what came of it: "given
		// production access on day two, and the deletion came on day three"
		if s.hasAny("alone", "unaided", "unsupervised", "access", "rights", "unreviewed") && s.hasAny("day", "week") || s.hasAny("alone") && s.hasAny("supervision", "unsupervised", "training") {
			return i + 2 // "new starter alone on the compounding bench, no supervision"
		}
	case s.is(i, "no") && s.is(i+1, "training", "experience") && s.is(i-1, "had", "with") && s.hasAny("alone", "unaided", "yet"):
		return i + 2
	}
	return 0
}

// wearAt returns the end of a worn state at i, or 0: "their fourth
// consecutive night shift", "after eighteen hours awake", "on the floor for
// almost a week straight".
func (s *sentence) wearAt(i int) int {
	switch {
	case s.is(i, "third", "fourth", "fifth", "sixth", "seventh", "3rd", "4th", "5th", "6th", "7th") && s.is(i+1, "consecutive", "straight") && s.hasWithin(i+2, 2, "shift", "shifts", "night", "nights", "weekend"):
		return i + 4
	case (s.countWord(i) || s.is(i, "eighteen", "sixteen", "twenty", "fourteen", "nineteen", "seventeen", "fifteen", "thirteen")) && s.is(i+1, "hours") && s.is(i+2, "awake", "straight", "without", "on"):
		return i + 3
	case (s.countWord(i) || s.is(i, "three", "four", "five", "six", "seven")) && s.is(i+1, "nights", "shifts", "lates", "earlies", "doubles") && (s.is(i+2, "straight", "running") || s.seq(i+2, "in", "a", "row")) && s.is(i-1, "worked", "working", "done", "pulled", "on"):
		// "had worked four nights straight"
		if s.is(i+2, "in") {
			return i + 5
		}
		return i + 3
	case s.is(i, "week", "weekend", "days") && s.is(i+1, "straight") && s.hasWithin(i-5, 5, "for"):
		return i + 2
	case s.is(i, "after") && (s.countWord(i+1) || s.is(i+1, "three", "four", "five")) && s.hasWithin(i+2, 2, "shifts", "nights") && s.hasWithin(i+2, 2, "night", "nights", "consecutive", "double"):
		return i + 4 // "approved the price file after four night shifts"
	case s.is(i, "double", "triple") && s.is(i+1, "shift", "shifts"):
		return i + 2 // "by technician at end of double shift"
	case s.seq(i, "going", "off", "shift") || s.seq(i, "leaving", "for") && s.is(i+2, "holiday", "holidays", "vacation", "leave") || s.seq(i, "before", "going", "on") && s.is(i+3, "holiday", "vacation", "leave"):
		return i + 3 // "shortly before going off shift", "by engineer leaving for holiday at 17:00"
	case s.is(i, "since") && s.is(i-1, wornSince...) && s.hasWithin(i+1, 5, "yesterday", "morning", "dawn", "night"):
		return i + 2 // "on shift since 6am yesterday", "working since 8 of the morning"
	case s.seq(i, "on", "shift", "for") || s.seq(i, "on", "duty", "for") || s.seq(i, "awake", "for"):
		// "had been on shift for 19 hours"
		k := i + 3
		if s.is(i, "awake") {
			k = i + 2
		}
		// "for more than twenty hours", "for nearly 30 hours"
		if s.is(k, "over", "nearly", "almost", "about", "around", "roughly") {
			k++
		} else if s.seq(k, "more", "than") || s.seq(k, "close", "to") || s.seq(k, "well", "over") {
			k += 2
		}
		if k+1 < len(s.toks) && s.is(k+1, "hours", "hrs", "h") && longHours(s.low(k)) {
			return k + 2
		}
	}
	return 0
}

// longHours reports whether a count of hours, in digits or words, is a
// long time to be at work or awake: twelve hours or more.
func longHours(w string) bool {
	if n, err := strconv.Atoi(w); err == nil {
		return n >= 12 && n <= 99
	}
	switch w {
	case "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "twenty-two", "twenty-four", "thirty", "thirty-six", "forty", "forty-eight":
		return true
	}
	return false
}

// explainedSince reports whether a "since" other than the one of a worn
// state at i gives the reason: "since the second slot was unfilled".
func (s *sentence) explainedSince(i int) bool {
	for k := range s.toks {
		if s.is(k, "since") && k != i && !s.is(k-1, wornSince...) && !s.is(k-1, "only", "just") {
			return true
		}
	}
	return false
}

// wornSince are what a worn state's "since" follows: "on shift since 6am".
var wornSince = []string{"shift", "working", "awake", "duty", "up"}

// tenurePlaces are where a tenure is counted: "two weeks in the company".
var tenurePlaces = []string{"role", "post", "job", "company", "team", "firm", "organisation", "organization", "org", "department", "business"}

// changeActNear reports whether a change a person made is told within the
// clause around i to e: "unplugged gateway", "overwritten by".
func (s *sentence) changeActNear(i, e int) bool {
	for k := max(i-12, 0); k < len(s.toks) && k < e+10; k++ {
		if changeVerbs[s.low(k)] || slipProne[s.low(k)] && s.finite(k) || s.is(k, "made", "make") && s.is(k+1, "by") || s.is(k, "unplugged", "handled", "placed", "overwrote", "overwritten", "runs", "doing", "did", "performed", "flashed", "gave", "restore", "restored", "merges", "deletes", "pushes") {
			return true
		}
	}
	return false
}

// speaksOfPerson reports whether the sentence speaks of a person:
// a name, a role or a third-person pronoun.
func (s *sentence) speaksOfPerson() bool {
	return mayBlame(s) || s.hasAny("he", "she", "they", "him", "her")
}
