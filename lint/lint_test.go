package lint

import (
	"strings"
	"testing"

	"github.com/debrief/debrief/config"
)

// mustLinter returns a Linter with the default configuration.
func mustLinter(t testing.TB) *Linter {
	t.Helper()
	l, err := New(config.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// ruleCase is a sentence and the rule it must trigger, or "" when it must
// be clean of blame and root-cause findings.
type ruleCase struct {
	name, text, rule string
}

// runRuleCases lints each case on its own and checks the rules it found.
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	l := mustLinter(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := l.Lint("case.md", []byte(c.text))
			var got []string
			for _, f := range fs {
				if f.Category != Structure {
					got = append(got, f.Rule)
				}
			}
			if c.rule == "" {
				if len(got) > 0 {
					t.Errorf("%q: want no finding, got %v: %s", c.text, got, fs[0].Message)
				}
				return
			}
			for _, g := range got {
				if g == c.rule {
					return
				}
			}
			t.Errorf("%q: want %s, got %v", c.text, c.rule, got)
		})
	}
}

func TestFindingHasMessageAndSuggestion(t *testing.T) {
	l := mustLinter(t)
	for _, text := range []string{
		"Marco failed to notice the alert.",
		"Mia carelessly reused a query.",
		"The outage was human error.",
		"Luis should have tested it.",
		"The DBA is to blame.",
		"This was my fault.",
		"The root cause was a bad deploy.",
	} {
		fs := l.Lint("x.md", []byte(text))
		if len(fs) == 0 {
			t.Fatalf("%q: no finding", text)
		}
		for _, f := range fs {
			if f.Message == "" || f.Suggestion == "" || strings.Contains(f.Message, "\n") {
				t.Errorf("%q: %s: message %q, suggestion %q", text, f.Rule, f.Message, f.Suggestion)
			}
		}
	}
}

func configWithAccept(words ...string) config.Lint { return config.Lint{Accept: words} }

func TestText(t *testing.T) {
	fs := Text([]byte("The root cause was a bad deploy."))
	if len(fs) != 1 || fs[0].Rule != idSingleCause || fs[0].Path != "" {
		t.Errorf("got %v", fs)
	}
}

// TestConcurrentLint runs one Linter from many goroutines; with -race it
// checks that Lint shares no mutable state.
func TestConcurrentLint(t *testing.T) {
	l := mustLinter(t)
	src := []byte("Marco failed to notice the alert. The root cause was X.\n\n- 02:14 — Ana paged the team.\n")
	want := len(l.Lint("c.md", src))
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 50 {
				n = len(l.Lint("c.md", src))
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != want {
			t.Errorf("got %d findings, want %d", n, want)
		}
	}
}

func TestCount(t *testing.T) {
	fs := []Finding{{Category: Blame}, {Category: RootCause}, {Category: Structure}, {Category: Blame}}
	if got, want := Count(fs), (Counts{Blame: 2, RootCause: 1, Structure: 1}); got != want {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
}
