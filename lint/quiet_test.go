package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
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
		if !bytes.Equal(a.text, b.text) || !reflect.DeepEqual(a.runs, b.runs) || !reflect.DeepEqual(a.sents, b.sents) || !reflect.DeepEqual(a.heads, b.heads) || !reflect.DeepEqual(a.dirs, b.dirs) {
			t.Errorf("%s: the quiet parse differs from the full parse\nfull:  %q\nquiet: %q", name, a.text, b.text)
		}
	}
}
