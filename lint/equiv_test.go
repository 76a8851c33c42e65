package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief/markdown"
)

// equivSplits are the corpus splits the equivalence tests read: the tuning
// and development ones, never the validation or held-out splits.
var equivSplits = []string{"dev", "team", "public", "tune-a", "tune-b", "tune-c"}

// equivInputs returns the files the equivalence tests lint: every example
// postmortem and test draft, the benchmark corpus, and a long document made
// of the tuning splits' sentences, one paragraph each under a heading every
// forty.
func equivInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{}
	paths, _ := filepath.Glob("../examples/*.md")
	paths = append(paths, "testdata/golden/draft.md", "testdata/frontmatter.md")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		in[p] = src
	}
	in["bench corpus"] = benchCorpus(&testing.B{})
	var doc bytes.Buffer
	n := 0
	for _, split := range equivSplits {
		for _, c := range readCorpus(t, "testdata/corpus-"+split+".tsv") {
			if n%40 == 0 {
				fmt.Fprintf(&doc, "## Part %d\n\n", n/40+1)
			}
			n++
			doc.WriteString(c.text)
			doc.WriteString("\n\n")
		}
	}
	in["corpus sentences"] = doc.Bytes()
	return in
}

// lintBody returns where Lint starts reading src as Markdown, and the
// front matter values it reads as prose.
func lintBody(src []byte) (int, []seg) {
	if !hasFrontMatterStart(src) {
		return 0, nil
	}
	md, _ := markdown.ParseFrontMatter(src)
	if !md.HasFrontMatter || md.BodyLine <= 1 {
		return 0, nil
	}
	return lineOffset(src, md.BodyLine), frontMatterProse(src, md)
}

// TestPiecesParseAsOne checks that parsing a body in many pieces, as Lint
// does, gives the prose of a parse in one piece, with and without quiet
// paragraphs.
func TestPiecesParseAsOne(t *testing.T) {
	cut := 0
	for name, src := range equivInputs(t) {
		body, extra := lintBody(src)
		for _, quiet := range []bool{true, false} {
			p := newParser(quiet)
			one := segmentWithParts(p, 1, src, body, extra...)
			pieces := segmentWith(p, src, body, extra...)
			if !bytes.Equal(one.text, pieces.text) || !reflect.DeepEqual(one.runs, pieces.runs) || !reflect.DeepEqual(one.sents, pieces.sents) ||
				!reflect.DeepEqual(one.heads, pieces.heads) || !reflect.DeepEqual(one.dirs, pieces.dirs) {
				t.Errorf("%s (quiet %v): the parse in pieces differs from the parse in one piece", name, quiet)
			}
		}
		if len(splitBody(src[body:], max(1, (len(src)-body)/pieceSize))) > 3 {
			cut++
		}
	}
	if cut < 2 {
		t.Errorf("only %d inputs were cut in more than two pieces", cut)
	}
}

// TestFrontMatterOnly checks that the linter's reading of the front matter,
// which skips the body, finds what a full parse finds.
func TestFrontMatterOnly(t *testing.T) {
	for name, src := range equivInputs(t) {
		full, fullProbs := markdown.Parse(src)
		front, frontProbs := markdown.ParseFrontMatter(src)
		if front.Postmortem.Body != "" {
			t.Errorf("%s: the body was copied", name)
		}
		pm := *full.Postmortem
		pm.Body = ""
		if !reflect.DeepEqual(&pm, front.Postmortem) || !reflect.DeepEqual(fullProbs, frontProbs) ||
			full.HasFrontMatter != front.HasFrontMatter || full.BodyLine != front.BodyLine {
			t.Errorf("%s: the front matter read alone differs", name)
		}
		if full.HasFrontMatter && !reflect.DeepEqual(frontMatterProse(src, full), frontMatterProse(src, front)) {
			t.Errorf("%s: the front matter prose differs", name)
		}
	}
}

// whyByNames is linearModel.why as it was: every feature named from the
// model's own list of names.
func whyByNames(m *linearModel, s *sentence) []contribution {
	names := m.names()
	var top []contribution
	features(s, func(f feat) {
		h := f.hash()
		if w := m.table.weight(h); w > 0 {
			top = append(top, contribution{names[h], w})
		}
	}, nil)
	slices.SortStableFunc(top, func(a, b contribution) int {
		if c := cmp.Compare(b.weight, a.weight); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	return top
}

// TestModelNames checks that the features that explain a score are named
// as the model's list of names has them, on every sentence of the examples
// and of the tuning splits, and that no two of the model's names share a
// hash, which naming a feature by its own name relies on.
func TestModelNames(t *testing.T) {
	m := defaultModel()
	seen := map[uint64]string{}
	if err := eachModelLine(m.text, func(name string, _ float64) {
		h := hashName(name)
		if other, ok := seen[h]; ok && other != name {
			t.Errorf("%q and %q share a hash", other, name)
		}
		seen[h] = name
	}); err != nil {
		t.Fatal(err)
	}
	l := mustLinter(t)
	a := analyzer{lex: l.lex, model: m}
	checked, explained := 0, 0
	for name, src := range equivInputs(t) {
		if name == "bench corpus" {
			continue // the examples again
		}
		body, extra := lintBody(src)
		d := segment(src, body, extra...)
		for _, sn := range d.sents {
			s := a.analyze(d.text[sn.start:sn.end], ^group(0), sn.flags, false)
			got, want := m.why(s), whyByNames(m, s)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q: named %v, the model's names give %v", name, d.text[sn.start:sn.end], got, want)
			}
			checked++
			if len(got) > 0 {
				explained++
			}
		}
	}
	if explained == 0 {
		t.Errorf("none of %d sentences has a feature that raised its score", checked)
	}
	t.Logf("%d sentences, %d with features that raised their score", checked, explained)
}
