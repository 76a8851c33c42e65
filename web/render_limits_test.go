package web

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestSectionIDsLinear checks that giving 16,000 headings of the same text
// their ids takes work in proportion to their number: each id is found
// with a probe or two, not by trying every number taken before it.
func TestSectionIDsLinear(t *testing.T) {
	const n = 16_000
	ids := &sectionIDs{used: map[string]bool{}, next: map[string]int{}}
	seen := map[string]bool{}
	for i := range n {
		id := string(ids.Generate([]byte("h"), ast.KindHeading))
		want := "s-h"
		if i > 0 {
			want = fmt.Sprintf("s-h-%d", i+1)
		}
		if id != want || seen[id] {
			t.Fatalf("heading %d: id %q, want %q", i+1, id, want)
		}
		seen[id] = true
	}
	if ids.probes > 2*n {
		t.Fatalf("%d headings took %d probes for a free id; want at most %d", n, ids.probes, 2*n)
	}
}

// TestRenderRepeatedHeadings renders 16,000 headings of the same text (the
// body that took 18.8 s before ids were found in linear time) and checks
// the work and the size are in proportion to the body.
func TestRenderRepeatedHeadings(t *testing.T) {
	const n = 16_000
	pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: strings.Repeat("# h\n", n)}
	got := renderMarkdown(pm, markdown.Write(pm), nil, defaultRenderLimits)
	if got.TooLarge != "" {
		t.Fatalf("too large: %s", got.TooLarge)
	}
	if got.idProbes > 2*n {
		t.Errorf("%d headings took %d probes for their ids; want at most %d", n, got.idProbes, 2*n)
	}
	if size := len(got.HTML); size > 10*len(pm.Body) {
		t.Errorf("%d bytes of HTML for %d of Markdown", size, len(pm.Body))
	}
	if !strings.Contains(string(got.HTML), `<h2 id="s-h-16000">h</h2>`) {
		t.Errorf("the last heading lacks its id")
	}
}

// TestRenderLimits checks each limit of a render on a body made to reach
// it: the render stops and says why.
func TestRenderLimits(t *testing.T) {
	para := func(s string, n int) string { return strings.Repeat(s, n) + "\n" }
	tests := []struct {
		name   string
		body   string
		limits renderLimits
		why    string
	}{
		{"time", para("word ", 1000), renderLimits{Time: -time.Second, Output: 1 << 20}, "longer than"},
		{"output", para("word ", 1000), renderLimits{Time: time.Minute, Output: 1000}, "HTML would be more than 1000 bytes"},
		{"emphasis marks", para("*a_ ", maxDelimiters+1), defaultRenderLimits, "emphasis or link marks"},
		{"links that never close, one a line", para("[a](\n", maxDelimiters/2+1), defaultRenderLimits, "emphasis or link marks"},
		{"links that never close on a long line", para("[a](", 4000) + para("a", 256<<10), defaultRenderLimits, "links would take too long"},
		{"nested quotes", para("> ", maxNesting+1), defaultRenderLimits, "nest more than"},
		{"nested lists", func() string {
			var b strings.Builder
			for i := range maxNesting + 1 {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return b.String()
		}(), defaultRenderLimits, "nest more than"},
		{"link definitions", para("[a]: b\n", maxLinkDefinitions+1), defaultRenderLimits, "link definitions"},
		{"a wide, long table", "|" + para("a|", 1000) + "|" + para("-|", 1000) + para("x\n", maxTableCells/1000+1), defaultRenderLimits, "cells"},
		{"a wide table over many short rows", "|" + para("a|", 1000) + "|" + para("-|", 1000) + para("x\n", 10_000), defaultRenderLimits, "cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: tt.body}
			got := renderMarkdown(pm, markdown.Write(pm), nil, tt.limits)
			if !strings.Contains(got.TooLarge, tt.why) || got.HTML != "" {
				t.Errorf("TooLarge %q (want %q), %d bytes of HTML", got.TooLarge, tt.why, len(got.HTML))
			}
		})
	}
	t.Run("just within", func(t *testing.T) {
		for _, body := range []string{
			para("*a_ ", maxDelimiters/2-10),
			para("> ", maxNesting) + "quoted",
			para("[a]: b\n", maxLinkDefinitions-1) + "\n[x][a]\n",
			"|" + para("a|", 10) + "|" + para("-|", 10) + para("x\n", 100),
		} {
			pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: body}
			if got := renderMarkdown(pm, markdown.Write(pm), nil, defaultRenderLimits); got.TooLarge != "" {
				t.Errorf("%.20q…: too large: %s", body, got.TooLarge)
			}
		}
	})
}

// adversarialBodies are bodies of the largest size the archive stores,
// shaped to make rendering slow or its HTML large; the sizes are of the
// body alone.
func adversarialBodies() map[string]string {
	const size = debrief.MaxFileSize - 1024
	fill := func(s string) string { return strings.Repeat(s, size/len(s)) }
	return map[string]string{
		"repeated headings":   fill("# h\n"),
		"blaming sentences":   fill("The engineer failed to check the dashboard. "),
		"blaming lines":       fill("The engineer failed to check the dashboard.\n"),
		"root cause":          fill("human error root cause. "),
		"open brackets":       fill("[")[:size/2] + fill("]")[:size/2],
		"links never closed":  fill("[a]("),
		"links":               fill("[a](b) "),
		"emphasis":            fill("*a "),
		"mixed emphasis":      fill("*a_ "),
		"backticks":           fill("`a "),
		"quotes":              fill("> "),
		"lists":               fill("- "),
		"link definitions":    fill("[a]: b\n"),
		"images never closed": fill("![a"),
		"autolinks":           fill("www.a.com "),
		"table":               "|a|b|\n|-|-|\n" + fill("|x|y|\n"),
		"angle brackets":      fill("<a "),
	}
}

// TestRenderAdversarial renders every adversarial body with its real lint
// findings: each renders within the output limit or stops, saying why. It
// logs how long each took; BenchmarkRender measures them.
func TestRenderAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 8 MB of Markdown: run it without -short")
	}
	lintFile := testFindings(t)
	for name, body := range adversarialBodies() {
		t.Run(name, func(t *testing.T) {
			pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: body}
			file := markdown.Write(pm)
			fs, _ := lintFile("x.md", file)
			sortFindings(fs)
			start := time.Now()
			got := renderMarkdown(pm, file, fs, defaultRenderLimits)
			t.Logf("%s: %d KiB, %d findings: %v, %d KiB of HTML, %d marked; too large: %q", name, len(body)>>10, len(fs), time.Since(start).Round(time.Millisecond), len(got.HTML)>>10, len(got.marked), got.TooLarge)
			if len(got.HTML) > defaultRenderLimits.Output {
				t.Errorf("%d bytes of HTML, over the limit of %d", len(got.HTML), defaultRenderLimits.Output)
			}
			if len(got.marked) > maxMarkedFindings || strings.Count(string(got.HTML), "<mark ") > maxMarkPieces {
				t.Errorf("%d findings marked in %d pieces", len(got.marked), strings.Count(string(got.HTML), "<mark "))
			}
		})
	}
}

// TestGuardsChangeNothing checks that the guards of a render leave what it
// makes as it was: the example archive renders as goldmark renders it
// without them, and the guards answer to no character that no parser of
// md answers to, which would split text differently.
func TestGuardsChangeNothing(t *testing.T) {
	plain := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Linkify),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	paths, _ := filepath.Glob("../examples/PM-*.md")
	if len(paths) == 0 {
		t.Fatal("no examples")
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := markdown.Parse(src)
		pm := doc.Postmortem
		pm.Title = "not the first heading" // keep the first heading, as plain does
		got := renderMarkdown(pm, markdown.Write(pm), nil, defaultRenderLimits)
		var want bytes.Buffer
		ctx := parser.NewContext(parser.WithIDs(&sectionIDs{used: map[string]bool{}, next: map[string]int{}}))
		if err := plain.Convert([]byte(pm.Body), &want, parser.WithContext(ctx)); err != nil {
			t.Fatal(err)
		}
		// The page's title is its only h1: the body's top-level headings
		// are section headings.
		demoted := strings.NewReplacer("<h1 ", "<h2 ", "</h1>", "</h2>").Replace(want.String())
		if string(got.HTML) != demoted || got.TooLarge != "" {
			t.Errorf("%s renders differently with the guards (too large: %q)", filepath.Base(p), got.TooLarge)
		}
	}

	var inline []byte
	for _, p := range append(parser.DefaultInlineParsers(), util.Prioritized(extension.NewStrikethroughParser(), 0),
		util.Prioritized(extension.NewLinkifyParser(), 0), util.Prioritized(extension.NewTaskCheckBoxParser(), 0)) {
		inline = append(inline, p.Value.(parser.InlineParser).Trigger()...)
	}
	for _, c := range inlineTriggers {
		if !bytes.ContainsRune(inline, rune(c)) {
			t.Errorf("markGuard answers to %q, which no inline parser does", c)
		}
	}
	for _, c := range inline {
		if !bytes.ContainsRune(inlineTriggers, rune(c)) {
			t.Errorf("markGuard does not answer to %q, an inline parser's trigger", c)
		}
	}
	var blocks []byte
	for _, p := range parser.DefaultBlockParsers() {
		blocks = append(blocks, p.Value.(parser.BlockParser).Trigger()...)
	}
	for _, c := range (nestingGuard{}).Trigger() {
		if !bytes.ContainsRune(blocks, rune(c)) {
			t.Errorf("nestingGuard answers to %q, which no block parser does", c)
		}
	}
}

// TestTooLargePage checks the page of a postmortem too large to render in
// full: it says so and links to the Markdown file, which reads as text.
func TestTooLargePage(t *testing.T) {
	app := newPageApp(t, false)
	eve, vic := app.signedIn(t, "eve"), app.signedIn(t, "vic")
	// The archive refuses nesting deep enough to stop the renderer, so a
	// paragraph of more emphasis marks than it renders stands in.
	deep := strings.Replace(strings.NewReplacer("PM-2026-101", "PM-2026-104", "Checkout errors", "Deeply quoted errors").Replace(pageOpen),
		"## Summary\n", "## Summary\n"+strings.Repeat("*a* ", maxDelimiters+1)+"deep\n\n", 1)
	if r := eve.api("POST", "/api/v1/postmortems", "text/markdown", deep, true); r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	r := vic.get("/postmortems/PM-2026-104")
	if r.status != 200 {
		t.Fatalf("page: %d", r.status)
	}
	for _, s := range []string{"too large to show here in full", "more than 10000 emphasis or link marks", `href="/postmortems/PM-2026-104/markdown"`, "Deeply quoted errors", "Trigger"} {
		if !strings.Contains(r.body, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
	f := vic.get("/postmortems/PM-2026-104/markdown")
	if f.status != 200 || f.body != deep && !strings.Contains(f.body, "*a* *a* deep") || !strings.HasPrefix(f.header.Get("Content-Type"), "text/plain") ||
		f.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the Markdown file: %d %q %q", f.status, f.header.Get("Content-Type"), f.body[:min(len(f.body), 80)])
	}
	if r := vic.get("/postmortems/PM-2026-102/markdown"); r.status != 404 || strings.Contains(r.body, "Leaked") {
		t.Errorf("a restricted postmortem's file for an outsider: %d", r.status)
	}
	if r := app.client(t).get("/postmortems/PM-2026-101/markdown"); r.status != 303 {
		t.Errorf("the file without signing in: %d", r.status)
	}
}

// TestManyFindings checks that a postmortem with hundreds of findings
// marks only the first of them in the text and lists only the first of
// them beside it, saying how many more there are.
func TestManyFindings(t *testing.T) {
	app := newPageApp(t, false)
	eve := app.signedIn(t, "eve")
	blaming := strings.Replace(strings.NewReplacer("PM-2026-101", "PM-2026-105", "Checkout errors", "Blamed errors").Replace(pageOpen),
		"## Summary\n", "## Summary\n"+strings.Repeat("The on-call engineer failed to check the dashboard.\n\n", 300), 1)
	if r := eve.api("POST", "/api/v1/postmortems", "text/markdown", blaming, true); r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	r := eve.get("/postmortems/PM-2026-105")
	if r.status != 200 {
		t.Fatalf("page: %d", r.status)
	}
	marked := map[string]bool{}
	for _, m := range regexp.MustCompile(`<mark class="lint[^"]*" data-finding="(\d+)"`).FindAllStringSubmatch(r.body, -1) {
		marked[m[1]] = true
	}
	listed := strings.Count(r.body, `<li id="lint-`)
	// The first 100 findings in the body, less any on text the page leaves
	// out (the title's heading).
	if len(marked) > maxMarkedFindings || len(marked) < maxMarkedFindings-2 || listed != maxListedFindings {
		t.Errorf("%d findings marked, %d listed; want %d and %d", len(marked), listed, maxMarkedFindings, maxListedFindings)
	}
	for _, s := range []string{"The first 100 are marked in the text.", "more findings, not listed here"} {
		if !strings.Contains(r.body, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
}
