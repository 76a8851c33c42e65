package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzLint checks that Lint never panics and that every finding points
// inside the input: lines exist, columns are within their line (the end
// column may be one past the last character), and the end is not before the
// start.
func FuzzLint(f *testing.F) {
	seeds := []string{
		"", "---", "---\n", "---\n---\n", "---\nid: [\n---\nMarco forgot.", "`", "``x`", "[", "[a](", "![", "<!--",
		"<!-- debrief-disable", "> ", ">>> Marco forgot", "|", "| a |\n|-|", "\xff\xfe", "Marco forgot\r\n\r\nx",
		"# Root cause\n", "- [x]", "1) Had Elena checked", "\t\tcode", "&amp;", "“”‘’", "a\u00a0b", "http://",
		"Raj's\u2019s n't 's", "* * *\n---\n===", "~~~\n", "The root\ncause", "If Raj had", "ought to have",
	}
	files, _ := filepath.Glob("../examples/*.md")
	for i, p := range files {
		if i >= 8 {
			break
		}
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	if b, err := os.ReadFile("testdata/golden/draft.md"); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	l := mustLinter(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Split(src, []byte("\n"))
		width := func(line int) int { return utf8.RuneCount(lines[line-1]) }
		for _, fd := range l.Lint("f.md", src) {
			if fd.Line < 1 || fd.Line > len(lines) || fd.EndLine < fd.Line || fd.EndLine > len(lines) {
				t.Fatalf("%s: lines %d-%d outside 1-%d", fd.Rule, fd.Line, fd.EndLine, len(lines))
			}
			if fd.Column < 1 || fd.Column > width(fd.Line)+1 || fd.EndColumn < 1 || fd.EndColumn > width(fd.EndLine)+1 {
				t.Fatalf("%s: columns %d:%d-%d:%d outside the lines", fd.Rule, fd.Line, fd.Column, fd.EndLine, fd.EndColumn)
			}
			if fd.EndLine == fd.Line && fd.EndColumn < fd.Column {
				t.Fatalf("%s: ends before it starts: %d:%d-%d:%d", fd.Rule, fd.Line, fd.Column, fd.EndLine, fd.EndColumn)
			}
			if fd.Message == "" {
				t.Fatalf("%s: no message", fd.Rule)
			}
		}
	})
}
