package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// FuzzParse feeds arbitrary bytes to the parser and checker: they must never
// panic, every problem must point inside the file, and whatever parses without
// problems must survive the canonical round trip.
func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	f.Add([]byte("---\nid: [\n---\n"))
	f.Add([]byte("---\na: &x [*x]\n---\n"))
	f.Add([]byte("---\r\nid: PM-2026-001\r\n...\r\n"))
	f.Add([]byte(strings.Replace(valid, "review_date: 2026-03-12\n", reviewed, 1)))
	f.Add([]byte("---\npublish_override: [x]\napprovals: {by: a}\n---\n"))
	paths, _ := filepath.Glob("../examples/*.md")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file := CheckBytes("f.md", src, debrief.DefaultTaxonomy())
		// Lines as editors and YAML count them: a lone carriage return
		// ends a line too.
		lines := 1
		for i, c := range src {
			if c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				lines++
			}
		}
		for _, p := range file.Problems {
			if p.Line < 1 || p.Line > lines+1 || p.Col < 1 {
				t.Fatalf("problem outside the file (%d lines): %v", lines, p)
			}
		}
		if !file.Valid() || !file.Doc.HasFrontMatter {
			return
		}
		out := Write(file.Doc.Postmortem)
		again := CheckBytes("f.md", out, debrief.DefaultTaxonomy())
		if !again.Valid() {
			t.Fatalf("canonical form of a valid file is invalid: %v\n%s", again.Problems, out)
		}
		if string(Write(again.Doc.Postmortem)) != string(out) {
			t.Fatalf("canonical form not stable:\n%s", out)
		}
	})
}
