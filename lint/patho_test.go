package lint

import (
	"strings"
	"testing"
	"time"
)

// TestPathologicalInputs guards against super-linear time on hostile input:
// each 200 kB input must lint in well under a second.
func TestPathologicalInputs(t *testing.T) {
	l := mustLinter(t)
	for name, unit := range map[string]string{
		"backticks":      "`a ",
		"brackets":       "[a ",
		"parens":         "[a](b ",
		"angles":         "<a ",
		"stars":          "* ",
		"comments":       "<!-- ",
		"one long line":  "Marco had forgot and the root cause had ",
		"pipes":          "| a ",
		"quotes":         "> ",
		"headings":       "# a\n",
		"list":           "- had\n",
		"no spaces":      "a",
		"commas":         "Marco, ",
		"relative":       "who that which ",
		"failure chains": "failed to forgot to ignored ",
		"open links":     "[a](",
		"open images":    "![a](",
		"empty links":    "[](",
		"nested lists":   "1. ",
		"quoted lists":   "> - ",
	} {
		src := []byte(strings.Repeat(unit, 200_000/len(unit)))
		start := time.Now()
		l.Lint("p.md", src)
		if d := time.Since(start); d > 2*time.Second*raceSlowdown {
			t.Errorf("%s: %v for 200 kB", name, d)
		} else {
			t.Logf("%-15s %v", name, d)
		}
	}
}
