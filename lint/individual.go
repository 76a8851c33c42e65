package lint

import "fmt"

// individualNouns after "individual" put the incident in one person's
// conduct: "individual compliance", "an individual performance gap".
var individualNouns = wordSet(`compliance performance choices choice judgement judgment conduct lapse
	lapses failing failings error errors decision decisions accountability behaviour behavior`)

// systemsCleared are what a statement says of the systems when it puts
// the incident in one person: "our systems remain world-class", "the
// systems performed as designed", "rather than any wider weakness".
var systemsCleared = []string{"sound", "world-class", "designed", "confidence", "confident", "robust",
	"rather", "isolated", "localised", "localized", "addressing", "addressed", "directly", "wider"}

// individualised flags a statement that puts the incident in one person's
// conduct while it clears the systems: "this was an isolated matter of
// individual compliance, and our systems remain world-class", "the
// deviation occurred at the level of the individual operator", "the
// conduct of one individual on the night shift". Individual choices that
// made sense at the time are the account a review wants.
func (s *sentence) individualised() {
	if !s.hasAny(systemsCleared...) || s.hasAny("sense", "reasonable", "understandable", "anyone", "avoid", "avoided", "avoiding", "obscure", "obscures", "questions", "question") {
		return
	}
	for i := range s.toks {
		from, end := -1, 0
		switch {
		case s.is(i, "individual", "individual's", "colleague's", "person's") && individualNouns[s.low(i+1)]:
			from, end = i, i+2
		case s.is(i, "individual", "colleague", "person") && s.is(i+1, "'s") && individualNouns[s.low(i+2)]:
			from, end = i, i+3
		case s.is(i, "conduct", "behaviour", "behavior", "choices", "judgement", "judgment") && s.is(i+1, "of") && s.is(i+2, "one", "a", "an", "the") && s.is(i+3, "individual", "single", "colleague", "person", "member"):
			from, end = i, i+4
		case s.seq(i, "level", "of", "the", "individual"):
			from, end = i, i+4
		case s.is(i, "lapse", "failing", "matter") && s.is(i-1, "localised", "localized", "isolated", "individual") && (s.personAround(i+1, min(i+6, len(s.toks))) || s.anyWithin(i+1, 3, "of", "in", "by")):
			from, end = i-1, i+1
		}
		if end == 0 || s.negatedBefore(from, 3) {
			continue
		}
		s.add(idJudgement, from, end,
			fmt.Sprintf("%q puts the incident in one person's conduct and clears the system around them; it ends the inquiry where it should begin", s.span(from, end)),
			"Describe what the person saw and did, and what the system offered or left out; if the systems held, say which part of them the person relied on.")
		return
	}
}
