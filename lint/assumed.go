package lint

import "fmt"

// Assumptions told as the whole story: "logistics just assumed the truck
// had a working reefer unit", "the operator blindly assumed the valve was
// shut", "Logistics assumed the cooler had been charged." A person or a
// group assumed, and the sentence gives nothing they saw that made the
// assumption reasonable. With what they saw ("assumed the run had
// finished because the badge was green"), of a thing ("the runbook
// assumed one region"), of each other ("each assumed the other owned
// it"), or told by the writer of themselves, it is the account a review
// wants.

// assumeGrades before "assumed" say the assumption was careless.
var assumeGrades = wordSet(`just simply blindly naively wrongly incorrectly lazily conveniently happily
	casually merely`)

// assumeReasons in a sentence give what made the assumption reasonable.
var assumeReasons = wordSet(`because since as given based so from after when per following showed
	shown said says read reported indicated displayed green documented listed told`)

// assumedOutright flags a person's or a group's assumption told without
// what made it reasonable.
func (s *sentence) assumedOutright() {
	for i := range s.toks {
		if !s.is(i, "assumed", "presumed") || s.toks[i].quote {
			continue
		}
		v := i
		graded := assumeGrades[s.low(i-1)]
		if graded {
			v = i - 1
		}
		if s.f(v-1)&(fBe|fHave|fModal|fNeg) != 0 && !s.is(v-1, "had", "has", "have") || s.negatedBefore(v, 3) {
			return // "it was assumed", "could have assumed", "never assumed"
		}
		n := s.subjectOf(i)
		if !n.ok() || s.writer(n) || s.firstPerson(n) || s.is(n.start, "each", "both", "everyone", "everybody", "nobody", "no", "several", "all") || s.is(n.head, "each", "both", "everyone", "everybody", "nobody", "other", "others") {
			return
		}
		if !s.personish(n) && !s.organisation(n) && !deptWords[s.low(n.head)] {
			return
		}
		if s.is(i+1, "that") && s.is(i+2, "each", "the") && s.is(i+3, "other") || s.is(i+1, "the", "each") && s.is(i+2, "other") {
			return // "each team assumed the other was testing"
		}
		for j := range s.toks {
			if j != i && (assumeReasons[s.low(j)] && !(graded && s.is(j, "as") && s.is(j+1, "usual", "always", "ever"))) {
				if !graded || s.is(j, "because", "since", "given", "based") {
					return
				}
			}
		}
		if !graded && s.hasAny(",", ";", ":", "and", "but") {
			return // a bare assumption with more said: "release crew assumed integration tests ran, the CI badge was green"
		}
		from := n.start
		s.add(idJudgement, from, i+1,
			fmt.Sprintf("%q tells an assumption as the whole story; it leaves out what made it reasonable to assume", s.span(from, i+1)),
			"Say what the people saw that made the assumption reasonable (a status, a label, a habit of the system) and what would have shown them otherwise.")
		return
	}
}

// deptWords name parts of an organisation that act as one: "finance just
// assumed", "logistics assumed".
var deptWords = wordSet(`finance logistics purchasing procurement transport planning dispatch stores
	warehouse accounts payroll marketing sales legal hr it security operations ops engineering
	maintenance facilities compliance support nights`)
