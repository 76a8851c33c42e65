package lint

import (
	"strings"
	"testing"
)

// fullParser keeps no paragraph raw, so every sentence has its text.
var fullParser = newParser(false)

// sentences returns the prose sentences segment finds in src.
func sentences(src string) []string {
	d := segmentWith(fullParser, []byte(src), bodyStart([]byte(src)))
	var out []string
	for _, s := range d.sents {
		out = append(out, strings.ReplaceAll(string(d.text[s.start:s.end]), string(rune(placeholder)), "…"))
	}
	return out
}

// bodyStart returns where the body starts, after front matter if any.
func bodyStart(src []byte) int {
	if !hasFrontMatterStart(src) {
		return 0
	}
	lines := strings.SplitAfter(string(src), "\n")
	off := len(lines[0])
	for _, l := range lines[1:] {
		off += len(l)
		if strings.TrimRight(l, "\r\n ") == "---" {
			return off
		}
	}
	return 0
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"sentences", "Ana paged the team. The disk filled up! Why? Because e.g. logs grew.", []string{"Ana paged the team.", "The disk filled up!", "Why?", "Because e.g. logs grew."}},
		{"front matter skipped", "---\ntitle: Marco forgot\n---\nThe job ran.", []string{"The job ran."}},
		{"fenced code skipped", "Before.\n\n```\nMarco forgot to check.\n```\n\nAfter.", []string{"Before.", "After."}},
		{"tilde fence", "~~~sh\nrm -rf /\n~~~\nAfter.", []string{"After."}},
		{"indented code skipped", "Text.\n\n    the root cause was\n\nMore.", []string{"Text.", "More."}},
		{"inline code is a placeholder", "The `deploy` job failed.", []string{"The … job failed."}},
		{"link target dropped", "See [the runbook](https://wiki/root-cause) now.", []string{"See the runbook now."}},
		{"reference link", "See [the runbook][rb].\n\n[rb]: https://x/y", []string{"See the runbook."}},
		{"image", "Graph: ![latency](p99.png) rose.", []string{"Graph: … rose."}},
		{"bare URL", "Logs at https://logs.example.com/root-cause were empty.", []string{"Logs at … were empty."}},
		{"HTML comment", "<!-- the root cause was -->\nText.", []string{"Text."}},
		{"inline comment", "Text <!-- hidden --> more.", []string{"Text  more."}},
		{"multi-line comment", "<!--\nMarco forgot\n-->\nAfter.", []string{"After."}},
		{"raw HTML block", "<details>\nMarco forgot.\n</details>\n\nAfter.", []string{"After."}},
		{"inline HTML", "Press <kbd>Enter</kbd> twice.", []string{"Press Enter twice."}},
		{"heading", "## What was missing\nAn alert.", []string{"What was missing", "An alert."}},
		{"setext heading", "Timeline\n--------\n\n- 02:14 — Expiry.", []string{"Timeline", "02:14 — Expiry."}},
		{"list items", "- First item\n- Second item\n  continued", []string{"First item", "Second item continued"}},
		{"task list", "- [x] Done it", []string{"Done it"}},
		{"ordered list", "1. One.\n2) Two.", []string{"One.", "Two."}},
		{"table", "| when | what |\n|---|---|\n| 02:14 | Expiry |", []string{"when", "what", "02:14", "Expiry"}},
		{"block quote", "> 02:31 ana: I forgot the flag", []string{"02:31 ana: I forgot the flag"}},
		{"emphasis", "The **root cause** was _not_ found.", []string{"The root cause was not found."}},
		{"snake_case kept", "The max_connections value.", []string{"The max_connections value."}},
		{"escapes", `A \*literal\* star.`, []string{"A *literal* star."}},
		{"typographic quotes", "He said “I forgot” and ‘left’.", []string{`He said "I forgot" and 'left'.`}},
		{"entity", "Q&amp;A ran.", []string{"Q&A ran."}},
		{"timeline lines split", "02:14 Cert expires\n02:21 Alert fires", []string{"02:14 Cert expires", "02:21 Alert fires"}},
		{"decimals and versions", "Latency rose 2.5x after v1.2.3 shipped.", []string{"Latency rose 2.5x after v1.2.3 shipped."}},
		{"thematic break", "One.\n\n***\n\nTwo.", []string{"One.", "Two."}},
		{"autolink", "See <https://status.example.com> now.", []string{"See … now."}},
		{"strikethrough", "The ~~root cause~~ trigger.", []string{"The root cause trigger."}},
		{"hard line break", "First line  \nsecond line.", []string{"First line second line."}},
		{"lazy continuation", "> Ana paged\nthe team.", []string{"Ana paged the team."}},
		{"heading in a list", "- Intro\n  ## Inside\n", []string{"Intro", "Inside"}},
		{"closing hashes", "## Summary ##\nText.", []string{"Summary", "Text."}},
		{"code across lines", "Ran `kubectl\ndrain` twice.", []string{"Ran … twice."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.src)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestDefuse checks that the shapes that make the Markdown parser slow are
// blanked out without moving any byte, and that ordinary text is untouched.
func TestDefuse(t *testing.T) {
	plain := []byte("# T\n\n- [a](b) and [c](d)\n> > quoted\n")
	if got := defuse(plain); &got[0] != &plain[0] {
		t.Errorf("an ordinary document was copied")
	}
	for _, src := range []string{
		strings.Repeat("> ", 100) + "deep",
		strings.Repeat("1. ", 100) + "deep",
		strings.Repeat("[a](", 1000),
	} {
		got := defuse([]byte(src))
		if len(got) != len(src) {
			t.Errorf("%.20q: length %d, want %d", src, len(got), len(src))
		}
		if string(got) == src {
			t.Errorf("%.20q: not defused", src)
		}
	}
}

func TestPositions(t *testing.T) {
	l := mustLinter(t)
	tests := []struct {
		name      string
		src       string
		line, col int
		eline     int
		ecol      int
	}{
		{"plain", "Marco failed to check.", 1, 1, 1, 22},
		{"after front matter", "---\nid: PM-2026-001\ntitle: T\nseverity: SEV3\nstatus: draft\n---\n\nThen Marco forgot to check.", 8, 6, 8, 27},
		{"inside a list", "Intro.\n\n- 02:14 — Marco forgot the flag.", 3, 11, 3, 23},
		{"after inline code", "After `kubectl drain`, Marco forgot to check.", 1, 24, 1, 45},
		{"multi-byte characters", "Zoë’s shift: Björn forgot to check.", 1, 14, 1, 35},
		{"across a line break", "The root\ncause was a bug.", 1, 1, 2, 6},
		{"block quote", "> Marco forgot the flag.", 1, 3, 1, 15},
		{"table cell", "| a | Marco forgot it |\n|---|---|", 1, 7, 1, 19},
		{"CRLF", "Intro.\r\n\r\nMarco forgot it.", 3, 1, 3, 13},
		{"after a link", "See [the log](http://x/y), then Marco forgot to check.", 1, 33, 1, 54},
		{"escaped", "Per \\*policy\\*, Marco forgot to check.", 1, 17, 1, 38},
		{"entity", "Q&amp;A: Marco forgot to check.", 1, 10, 1, 31},
		{"nested quote in a list", "- > Marco forgot the flag.", 1, 5, 1, 17},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := l.Lint("p.md", []byte(tt.src))
			var f *Finding
			for i := range fs {
				if fs[i].Category != Structure {
					f = &fs[i]
					break
				}
			}
			if f == nil {
				t.Fatalf("no finding in %q", tt.src)
			}
			if f.Line != tt.line || f.Column != tt.col || f.EndLine != tt.eline || f.EndColumn != tt.ecol {
				t.Errorf("%s at %d:%d-%d:%d, want %d:%d-%d:%d", f.Rule, f.Line, f.Column, f.EndLine, f.EndColumn, tt.line, tt.col, tt.eline, tt.ecol)
			}
		})
	}
}

func TestQuotedTermIsAMention(t *testing.T) {
	l := mustLinter(t)
	for _, src := range []string{
		`We no longer write "root cause" in postmortems.`,
		`The template's "human error" checkbox was removed.`,
		`Reviewers ask authors to replace “RCA” with contributing factors.`,
	} {
		if fs := l.Lint("m.md", []byte(src)); len(fs) > 0 {
			t.Errorf("%q: a quoted term is a mention, got %v", src, fs)
		}
	}
}

// TestQuotedSpeech checks that chat logs in block quotes are reported at
// info, and that words in quotation marks inside a sentence, which the
// writer reports without adopting, are not reported at all.
func TestQuotedSpeech(t *testing.T) {
	l := mustLinter(t)
	fs := l.Lint("q.md", []byte("> 03:12 ana: sorry, I forgot to drain the node"))
	if len(fs) == 0 {
		t.Fatal("a block-quoted chat line must still be reported")
	}
	for _, f := range fs {
		if f.Severity != Info {
			t.Errorf("%s is %s, want info", f.Rule, f.Severity)
		}
	}
	for _, src := range []string{
		`The on-call wrote "Marco forgot to drain the node" in the channel.`,
		`A customer wrote "your staff are incompetent" in a support ticket.`,
		`The chat channel asked 'who forgot to renew the certificate?', which we discuss under lessons.`,
	} {
		if fs := l.Lint("q.md", []byte(src)); len(fs) > 0 {
			t.Errorf("%q: quoted speech is reported: %v", src, fs)
		}
	}
}

// TestQuoteInterruptsParagraph checks that a block quote right under a line
// of prose lowers the severity of the quote only, not of the prose above it.
func TestQuoteInterruptsParagraph(t *testing.T) {
	l := mustLinter(t)
	src := "Kim should have checked the replica lag.\n> 02:10 jo: my bad, I messed up the flag\nlazy continuation of the quote, my fault\n"
	want := map[int]Severity{1: Warning, 2: Info, 3: Info}
	fs := l.Lint("q.md", []byte(src))
	seen := map[int]bool{}
	for _, f := range fs {
		seen[f.Line] = true
		if w, ok := want[f.Line]; !ok || f.Severity != w {
			t.Errorf("line %d: %s is %s, want %v", f.Line, f.Rule, f.Severity, w)
		}
	}
	for line := range want {
		if !seen[line] {
			t.Errorf("line %d: no finding", line)
		}
	}
}
