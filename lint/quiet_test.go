package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestQuietParagraphs checks that keeping quiet paragraphs raw changes
// nothing: the prose, its map to the source, the sentences and the headings
// are those of a full parse, on every example and on some hard cases.
func TestQuietParagraphs(t *testing.T) {
	full := newParser(false)
	srcs := map[string][]byte{
		"lines":    []byte("First line  \nsecond line\n   third, indented\n02:14 Cert expires\n02:21 Alert fires\n"),
		"lists":    []byte("- one\n  two\n- three\n\n1. four\n\n   five\n"),
		"quotes":   []byte("> quoted\nlazy\n\n> # heading\n> text\n"),
		"tabs":     []byte("Tab\there and trailing   \nnext\r\nline\r\n"),
		"setext":   []byte("Title\n=====\n\nText\n---\n"),
		"triggers": []byte("Marco forgot the flag.\nIt was fine.\n\nNothing here.\n"),
	}
	paths, _ := filepath.Glob("../examples/*.md")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(p)] = b
	}
	for name, src := range srcs {
		body := bodyStart(src)
		a, b := segmentWith(full, src, body), segment(src, body)
		for k := range b.sents {
			b.sents[k].flags &^= sQuiet
		}
		if !bytes.Equal(a.text, b.text) || !reflect.DeepEqual(a.runs, b.runs) || !reflect.DeepEqual(a.sents, b.sents) || !reflect.DeepEqual(a.heads, b.heads) || !reflect.DeepEqual(a.dirs, b.dirs) {
			t.Errorf("%s: the quiet parse differs from the full parse\nfull:  %q\nquiet: %q", name, a.text, b.text)
		}
	}
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
