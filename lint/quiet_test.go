package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
)

// TestQuietParagraphs checks that keeping quiet paragraphs raw changes
// nothing: the prose, its map to the source and the sentences are those of
// a full parse, on the examples and on some hard cases.
func TestQuietParagraphs(t *testing.T) {
	full := newParser(false)
	quiet := newParser(true)
	srcs := quietCases(t)
	for name, src := range srcs {
		body := bodyStart(src)
		a, b := segmentWith(full, src, body), segmentWith(quiet, src, body)
		fa, fb := lintWithParser(t, full, src), lintWithParser(t, quiet, src)
		if !reflect.DeepEqual(fa, fb) {
			t.Errorf("%s: the findings differ from those of a full parse\nfull:  %v\nquiet: %v", name, fa, fb)
		}
		for k := range b.sents {
			b.sents[k].flags &^= sQuiet
		}
		if !bytes.Equal(a.text, b.text) || !reflect.DeepEqual(a.runs, b.runs) || !reflect.DeepEqual(a.sents, b.sents) {
			t.Errorf("%s: the quiet parse differs from the full parse\nfull:  %q\nquiet: %q", name, a.text, b.text)
		}
		if !reflect.DeepEqual(a.heads, b.heads) || !reflect.DeepEqual(a.dirs, b.dirs) {
			t.Errorf("%s: the headings or directives differ from those of a full parse", name)
		}
	}
}

func quietCases(t *testing.T) map[string][]byte {
	srcs := map[string][]byte{
		"lines":    []byte("First line  \nsecond line\n   third, indented\n02:14 Cert expires\n02:21 Alert fires\n"),
		"lists":    []byte("- one\n  two\n- three\n\n1. four\n\n   five\n"),
		"quotes":   []byte("> quoted\nlazy\n\n> # heading\n> text\n"),
		"tabs":     []byte("Tab\there and trailing   \nnext\r\nline\r\n"),
		"setext":   []byte("Title\n=====\n\nText\n---\n"),
		"triggers": []byte("Marco forgot the flag.\nIt was fine.\n\nNothing here.\n"),
		"hidden":   []byte("## Summary\n\nMarco **forgot** to drain it, and she *fail*ed to check. Ana didn’t check.\n\n<!-- debrief-disable-next-line -->\nThe `x` was fine.\n"),
		"sections": []byte("---\nid: PM-2026-001\ntitle: T\nseverity: SEV3\nstatus: draft\n---\n\n## Timeline\n\n- `02:14` **Cert** expires\n\n### Day 2\n\n- *02:20* page\n\n## Contributing factors\n\n- **Reason:** only one factor.\n"),
	}
	paths, _ := filepath.Glob("../examples/*.md")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(p)] = b
	}
	if b, err := os.ReadFile("testdata/golden/draft.md"); err == nil {
		srcs["draft"] = b
	}
	return srcs
}

func lintWithParser(t *testing.T, p parser.Parser, src []byte) []Finding {
	t.Helper()
	l := mustLinter(t)
	l.parser = p
	return l.Lint("q.md", src)
}

// TestSplitParse checks that parsing the body in parts, in parallel, gives
// what one parse gives.
func TestSplitParse(t *testing.T) {
	src := benchCorpus(&testing.B{})
	a := segmentWith(newParser(true), src, 0)
	b := segmentWithParts(newParser(true), 1, src, 0)
	if !bytes.Equal(a.text, b.text) || !reflect.DeepEqual(a.runs, b.runs) || !reflect.DeepEqual(a.sents, b.sents) || !reflect.DeepEqual(a.heads, b.heads) || !reflect.DeepEqual(a.dirs, b.dirs) {
		t.Errorf("the parse in parts differs from the parse in one piece")
	}
	if cuts := splitBody(src, 4); len(cuts) < 3 {
		t.Errorf("the benchmark corpus was not cut: %v", cuts)
	}
	for _, body := range []string{
		"```\n\n# not a heading\n```\n",
		"<pre>\n\n# not a heading\n</pre>\n",
		"<!--\n\n# not a heading\n-->\n",
		"[ref]: https://example.com\n\n# Heading\n",
	} {
		big := []byte(strings.Repeat("Text.\n\n", minSplit/7+1) + body + strings.Repeat("More.\n\n", minSplit/7+1))
		for _, c := range splitBody(big, 2)[1:] {
			if c < len(big) && bytes.HasPrefix(big[c:], []byte("# not")) || strings.HasPrefix(body, "[ref]") && c < len(big) {
				t.Errorf("%q: cut at %d", body, c)
			}
		}
	}
}

// TestDenseParagraph checks that a paragraph with more inline syntax than
// any real one is read raw, not parsed, and that its trigger words still
// send it to the rules: "*a_ " repeated over a megabyte would keep
// goldmark's emphasis pass busy for hours.
func TestDenseParagraph(t *testing.T) {
	src := []byte(strings.Repeat("*a_ ", maxInlineMarks) + "Marco forgot the flag.\n")
	d := segmentWith(newParser(true), src, 0)
	if len(d.sents) == 0 {
		t.Fatal("no sentences")
	}
	for _, sn := range d.sents {
		if sn.flags&sQuiet != 0 {
			t.Fatalf("a dense paragraph's sentence is marked quiet: the rules would skip its trigger words")
		}
	}
	if !bytes.Contains(d.text, []byte("*a_ *a_")) {
		t.Errorf("the dense paragraph was not read raw: %q", d.text[:min(len(d.text), 40)])
	}
	found := false
	for _, f := range mustLinter(t).Lint("dense.md", src) {
		if f.Rule == idOmission {
			found = true
			if want := 4*maxInlineMarks + 1; f.Line != 1 || f.Column != want {
				t.Errorf("finding at %d:%d, want 1:%d", f.Line, f.Column, want)
			}
		}
	}
	if !found {
		t.Error("the omission in the dense paragraph was not found")
	}
}
