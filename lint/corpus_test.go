package lint

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/debrief/debrief/config"
)

// showMisses prints the development split's misclassified sentences. The
// held-out split never prints sentences, only its figures: it is the check
// that the rules were not tuned to the sentences they are measured on.
var showMisses = flag.Bool("corpus.show", false, "print misclassified sentences of the dev corpus")

// Thresholds from the issue.
const (
	minBlameRecall     = 0.95
	minRootCauseRecall = 0.95
	maxCleanFPRate     = 0.03
)

type corpusLine struct {
	label, text string
	line        int
}

func readCorpus(t *testing.T, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: want label<TAB>sentence", path, n)
		}
		switch label {
		case "blame", "root-cause", "clean":
		default:
			t.Fatalf("%s:%d: unknown label %q", path, n, label)
		}
		out = append(out, corpusLine{label, text, n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// classify lints one sentence as a Markdown file: root-cause if any finding
// is of that category (the corpus convention when both apply), blame if any
// is blame, clean otherwise.
func classify(l *Linter, text string) string {
	label := "clean"
	for _, f := range l.Lint("corpus.md", []byte(text)) {
		switch f.Category {
		case RootCause:
			return "root-cause"
		case Blame:
			label = "blame"
		}
	}
	return label
}

type classStats struct{ tp, fp, fn, n int }

func (c classStats) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c classStats) recall() float64 {
	if c.n == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.n)
}

func TestCorpus(t *testing.T) {
	l, err := New(config.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []struct {
		name, path string
		show       bool
	}{
		{"dev", "testdata/corpus-dev.tsv", true},
		{"holdout", "testdata/corpus-holdout.tsv", false},
	} {
		t.Run(split.name, func(t *testing.T) {
			lines := readCorpus(t, split.path)
			stats := map[string]*classStats{"blame": {}, "root-cause": {}, "clean": {}}
			cleanFP := 0
			for _, c := range lines {
				got := classify(l, c.text)
				stats[c.label].n++
				if got == c.label {
					stats[got].tp++
				} else {
					stats[got].fp++
					stats[c.label].fn++
					if c.label == "clean" {
						cleanFP++
					}
					if split.show && *showMisses {
						t.Logf("line %d: want %s, got %s: %s", c.line, c.label, got, c.text)
					}
				}
			}
			for _, label := range []string{"blame", "root-cause", "clean"} {
				s := stats[label]
				t.Logf("%-10s n=%3d precision=%.3f recall=%.3f", label, s.n, s.precision(), s.recall())
			}
			fpRate := 0.0
			if n := stats["clean"].n; n > 0 {
				fpRate = float64(cleanFP) / float64(n)
			}
			t.Logf("clean false-positive rate=%.3f (%d of %d)", fpRate, cleanFP, stats["clean"].n)
			if r := stats["blame"].recall(); r < minBlameRecall {
				t.Errorf("blame recall %.3f < %.2f", r, minBlameRecall)
			}
			if r := stats["root-cause"].recall(); r < minRootCauseRecall {
				t.Errorf("root-cause recall %.3f < %.2f", r, minRootCauseRecall)
			}
			if fpRate > maxCleanFPRate {
				t.Errorf("clean false-positive rate %.3f > %.2f", fpRate, maxCleanFPRate)
			}
		})
	}
}

// TestVariants checks sentences written while building the rules, beyond the
// corpus: every one must be classified as labelled.
func TestVariants(t *testing.T) {
	l := mustLinter(t)
	for _, c := range readCorpus(t, "testdata/variants.tsv") {
		if got := classify(l, c.text); got != c.label {
			t.Errorf("line %d: want %s, got %s: %s", c.line, c.label, got, c.text)
		}
	}
}
