package config

import (
	"testing"

	"github.com/debrief/debrief"
)

// FuzzParse reads hostile .debrief.yaml files, which come with the
// repository a postmortem is in: nothing may panic, and a file that reads
// has only known rule levels and a taxonomy that the default extends.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"taxonomy:\n  categories: [compliance]\nlint:\n  rules: {blame.counterfactual: info, structure: off}\n  roles: [release captain]\n  accept: [Blameless Bot]\n",
		"lint:\n  rules:\n    blame: loud\n",
		"lintt: {}\n",
		"a: &a [*a, *a]\n",
		"taxonomy: {categories: [\"\", \"  \", \"x\\u0000\"]}\n",
		"---\n...\n---\nlint: {}\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(".debrief.yaml", data)
		if err != nil {
			if c != nil {
				t.Fatalf("an error (%v) with a configuration", err)
			}
			return
		}
		for rule, level := range c.Lint.Rules {
			switch level {
			case "off", "error", "warning", "info":
			default:
				t.Fatalf("rule %q has level %q", rule, level)
			}
		}
		tax := c.CategoryTaxonomy()
		for _, cat := range debrief.DefaultTaxonomy().Categories() {
			if !tax.Has(cat) {
				t.Fatalf("the taxonomy lost the default category %q", cat)
			}
		}
	})
}
