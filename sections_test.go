package debrief

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// heading is where a top-level heading stands in a body, and its level.
type heading struct{ level, start, stop int }

// topHeadings returns the top-level headings that p finds in body.
func topHeadings(p parser.Parser, body string) []heading {
	doc := p.Parse(text.NewReader([]byte(body)))
	var out []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Lines().Len() > 0 {
			out = append(out, heading{h.Level, h.Lines().At(0).Start, h.Lines().At(h.Lines().Len() - 1).Stop})
		}
	}
	return out
}

// fullParser reads inline syntax too, as SplitSections did before it
// stopped.
var fullParser = goldmark.New().Parser()

func sectionBodies(t testing.TB) []string {
	paths, _ := filepath.Glob("examples/*.md")
	var bodies []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	if len(bodies) == 0 {
		t.Fatal("no example postmortems")
	}
	return bodies
}

// TestSectionsWithoutInlines checks that reading only the blocks finds the
// same headings, at the same lines, as the full parser on every example
// and on bodies whose inline syntax could be mistaken for block structure.
func TestSectionsWithoutInlines(t *testing.T) {
	bodies := append(sectionBodies(t),
		"# A `code # span`\n\ntext\n\n## B *emph*\nmore\n",
		"Intro.\n\nTitle\n=====\n\nText.\n",
		"[ref]: http://example.com\n\nSection\n-------\n\ntext\n",
		"```\n# not a heading\n```\n\n# Heading\n",
		"<div>\n# html block\n</div>\n\n## After\n",
		"- # in a list\n\n> # in a quote\n\n# top\n",
		"Line with <span\n# attr=\"x\">\n",
	)
	for _, b := range bodies {
		if got, want := topHeadings(sectionParser(), b), topHeadings(fullParser, b); !reflect.DeepEqual(got, want) {
			t.Errorf("headings %v, want %v in\n%s", got, want, b)
		}
	}
}

func FuzzSectionsWithoutInlines(f *testing.F) {
	for _, b := range sectionBodies(f) {
		f.Add(b)
	}
	f.Add("# A\n\n[x]: /y\nB\n=\n")
	f.Fuzz(func(t *testing.T, body string) {
		if got, want := topHeadings(sectionParser(), body), topHeadings(fullParser, body); !reflect.DeepEqual(got, want) {
			t.Errorf("headings %v, want %v in %q", got, want, body)
		}
	})
}

func BenchmarkSplitSections(b *testing.B) {
	bodies := sectionBodies(b)
	b.ResetTimer()
	for b.Loop() {
		for _, body := range bodies {
			SplitSections(body)
		}
	}
}
