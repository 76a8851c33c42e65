package web

import (
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

func TestRenderMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		findings func(file string) []lint.Finding
		has      []string
		lacks    []string
	}{
		{
			name:  "the title heading is left out, sections get prefixed ids",
			body:  "\n# T\n\n## Summary\nText.\n",
			has:   []string{`<h2 id="s-summary">Summary</h2>`, "<p>Text.</p>"},
			lacks: []string{"<h1"},
		},
		{
			name:  "another top-level heading is a section heading: the page has one h1",
			body:  "\n# Something else\n\n## Summary\nText.\n",
			has:   []string{`<h2 id="s-something-else">Something else</h2>`},
			lacks: []string{"<h1"},
		},
		{
			name:  "raw HTML is never rendered",
			body:  "\n<script>alert(1)</script>\n\nHi <b onclick=x>there</b>.\n\n<div>\n<iframe src=x></iframe>\n</div>\n",
			has:   []string{"raw HTML omitted", "there"},
			lacks: []string{"<script", "<b ", "onclick", "<iframe", "<div>"},
		},
		{
			name:  "dangerous links are dropped",
			body:  "\n[a](javascript:alert(1)) [b](https://example.com/x)\n",
			has:   []string{`href="https://example.com/x"`},
			lacks: []string{"javascript:"},
		},
		{
			name: "tables and task lists",
			body: "\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n",
			has:  []string{"<table>", "<td>1</td>", `type="checkbox"`},
		},
		{
			name: "a finding is marked in place, with a link to it",
			body: "\n## Summary\nThe on-call engineer failed to check the dashboard.\n",
			findings: func(file string) []lint.Finding {
				return []lint.Finding{findingAt(file, "The on-call engineer failed to check", "blame", "makes a person the cause")}
			},
			has: []string{`The <mark class="lint lint-blame sev-warning" data-finding="1" title="makes a person the cause" id="finding-1">on-call engineer failed to check</mark><a class="lint-ref" href="#lint-1"`, " the dashboard."},
		},
		{
			name: "a finding across emphasis is marked in pieces, anchored once",
			body: "\nThe engineer *should have* known.\n",
			findings: func(file string) []lint.Finding {
				return []lint.Finding{findingAt(file, "engineer *should have* known", "blame", "hindsight")}
			},
			has: []string{`<mark class="lint lint-blame sev-warning" data-finding="1" title="hindsight" id="finding-1">ngineer </mark><em><mark class="lint lint-blame sev-warning" data-finding="1" title="hindsight">should have</mark></em>`},
		},
		{
			name: "columns count characters, not bytes",
			body: "\nDas Team für Zahlungen: the engineer forgot the flag.\n",
			findings: func(file string) []lint.Finding {
				return []lint.Finding{findingAt(file, "engineer forgot", "blame", "m")}
			},
			has: []string{`>engineer forgot</mark>`},
		},
		{
			name: "findings in code are not marked",
			body: "\n`the engineer forgot`\n",
			findings: func(file string) []lint.Finding {
				return []lint.Finding{findingAt(file, "engineer forgot", "blame", "m")}
			},
			lacks: []string{"<mark"},
		},
		{
			name: "a message cannot inject markup",
			body: "\nroot cause\n",
			findings: func(file string) []lint.Finding {
				return []lint.Finding{findingAt(file, "root cause", "root-cause\"><script>", `"><script>alert(1)</script>`)}
			},
			has:   []string{`class="lint lint-root-causescript`, `title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`},
			lacks: []string{"<script>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: tt.body}
			file := markdown.Write(pm)
			var fs []lint.Finding
			if tt.findings != nil {
				fs = tt.findings(string(file))
			}
			got := string(renderMarkdown(pm, file, fs, defaultRenderLimits).HTML)
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("lacks %q in:\n%s", s, got)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(got, s) {
					t.Errorf("has %q in:\n%s", s, got)
				}
			}
		})
	}
}

// findingAt makes a finding over the first occurrence of text in file, with
// columns in characters as the linter counts them; the text starts one
// character later when it begins with "The " (as a linter might flag the
// subject only).
func findingAt(file, text, category, msg string) lint.Finding {
	i := strings.Index(file, text)
	if strings.HasPrefix(text, "The ") {
		i += len("The ")
	} else if strings.HasPrefix(text, "engineer *") {
		i++
	}
	end := strings.Index(file, text) + len(text)
	pos := func(off int) (int, int) {
		line := strings.Count(file[:off], "\n") + 1
		start := strings.LastIndex(file[:off], "\n") + 1
		return line, len([]rune(file[start:off])) + 1
	}
	l, c := pos(i)
	el, ec := pos(end)
	return lint.Finding{Line: l, Column: c, EndLine: el, EndColumn: ec, Category: lint.Category(category), Severity: lint.Warning, Message: msg}
}

func TestDiffLines(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       string
	}{
		{"same", "a\nb\n", "a\nb\n", " a| b"},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", " a|-b|+B| c"},
		{"added at end", "a\n", "a\nb\n", " a|+b"},
		{"removed at start", "a\nb\n", "b\n", "-a| b"},
		{"interleaved", "a\nb\nc\nd\n", "a\nc\nx\nd\n", " a|-b| c|+x| d"},
		{"empty to text", "", "a\n", "+a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for _, l := range diffLines(tt.a, tt.b) {
				parts = append(parts, string(l.Op)+l.Text)
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// Line numbers and hunks.
	lines := diffLines("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n")
	h := diffHunks(lines, 1)
	if len(h) != 6 || h[0].Op != 0 || h[1].Text != "5" || h[2].Old != 6 || h[3].New != 6 || h[4].Text != "7" || h[5].Op != 0 {
		t.Errorf("hunks: %+v", h)
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[string]string{"20s": "under a minute", "51m": "51 min", "2h": "2 h", "2h26m": "2 h 26 min", "50h": "2 d 2 h", "72h": "3 d"} {
		dd, _ := time.ParseDuration(d)
		if got := formatDuration(dd); got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
}
