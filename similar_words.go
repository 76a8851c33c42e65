package debrief

import (
	"slices"
	"strings"
)

// Terms are folded forms of words, made to compare two postmortems: a
// plural loses its s, so "mtls" becomes "mtl". Shown to a reader they
// should be the words as the postmortem writes them.

// SpellTerms returns, for each of terms that text uses, the word of text it
// was made from, lower case: "mtls" for the term "mtl".
func SpellTerms(text string, terms []string) map[string]string {
	want := make(map[string]bool, len(terms))
	for _, t := range terms {
		want[t] = true
	}
	out := map[string]string{}
	for _, tok := range Tokens(text) {
		if len(out) == len(want) {
			break
		}
		if t, ok := termOf(tok.Word); ok && want[t] {
			if _, seen := out[t]; !seen {
				out[t] = tok.Word
			}
		}
	}
	return out
}

// SpelledAs returns a copy of s whose reasons write the shared words as
// p spells them.
func (s *SimilarPostmortem) SpelledAs(p *Postmortem) *SimilarPostmortem {
	return SpellAll(p, []*SimilarPostmortem{s})[0]
}

// SpellAll is SpelledAs for several similar postmortems of p, reading p's
// text once.
func SpellAll(p *Postmortem, sims []*SimilarPostmortem) []*SimilarPostmortem {
	var terms []string
	for _, s := range sims {
		terms = append(terms, s.Terms...)
	}
	out := slices.Clone(sims)
	if len(terms) == 0 {
		return out
	}
	var text strings.Builder
	text.WriteString(p.Title + "\n" + p.Trigger + "\n")
	for _, f := range p.ContributingFactors {
		text.WriteString(f.Description + "\n")
	}
	text.WriteString(p.Body)
	spelled := SpellTerms(text.String(), terms)
	for i, s := range sims {
		if len(s.Terms) == 0 {
			continue
		}
		c := *s
		c.Terms = make([]string, len(s.Terms))
		for j, t := range s.Terms {
			c.Terms[j] = t
			if w, ok := spelled[t]; ok {
				c.Terms[j] = w
			}
		}
		c.Reasons = reasons(&c)
		c.Terms = s.Terms
		out[i] = &c
	}
	return out
}
