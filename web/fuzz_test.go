package web

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

// The fuzz targets of the web app feed hostile input to each parser of what
// a request carries or a store holds: the body renderer, the editor's form
// and its mode switch, the API's body, If-Match, search snippets and the
// conflict page's diff. Nothing may panic, and each keeps its promises.

// exampleFiles returns a few of the example postmortems, as seeds.
func exampleFiles(f *testing.F, every int) [][]byte {
	f.Helper()
	paths, _ := filepath.Glob("../examples/PM-*.md")
	var out [][]byte
	for i, p := range paths {
		if i%every == 0 {
			src, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, src)
		}
	}
	return out
}

// FuzzRender renders hostile bodies with findings at hostile positions
// (each 4 bytes of marks: line, column, end line, end column). The HTML
// never carries a script or a javascript: link, it stays within a bound in
// proportion to the body (marks, quotes and table cells cost the most per
// byte), and the time budget stops a render that runs long.
func FuzzRender(f *testing.F) {
	for _, src := range exampleFiles(f, 12) {
		// The start of a real body is seed enough, and keeps each run fast.
		doc, _ := markdown.Parse(src)
		body := doc.Postmortem.Body
		f.Add(body[:min(len(body), 1500)], []byte{3, 1, 3, 20, 5, 2, 6, 9})
	}
	for _, s := range []string{
		"# h\n# h\n# h 2\n## h\n", "> > > > deep\n", "*a_ *a_ [a](<b [c](d \"e", "|a|b|\n|-|-|\nx\ny\n",
		"[a]: b\n[c]: d\n\n[a] [c]", "<script>alert(1)</script>\n[x](javascript:alert(1))\n<img onerror=x>",
		"The engineer *failed* to **check** the `dashboard`.\n\n- [x] done\n- [ ] not", "www.example.com ~~gone~~ &amp; &#0;",
	} {
		f.Add(s, []byte{1, 1, 1, 200, 2, 5, 9, 1, 1, 3, 1, 4})
	}
	f.Fuzz(func(t *testing.T, body string, marks []byte) {
		pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: body}
		file := markdown.Write(pm)
		bodyLine := bytes.Count(file[:len(file)-len(body)], []byte("\n")) // the body's first line, less one
		var fs []lint.Finding
		for i := 0; i+3 < len(marks) && len(fs) < 8; i += 4 {
			fs = append(fs, lint.Finding{Line: bodyLine + int(marks[i]), Column: int(marks[i+1]), EndLine: bodyLine + int(marks[i+2]), EndColumn: int(marks[i+3]),
				Category: lint.Blame, Severity: lint.Warning, Message: "m"})
		}
		sortFindings(fs)
		start := time.Now()
		got := renderMarkdown(pm, file, fs, defaultRenderLimits)
		if took := time.Since(start); took > defaultRenderLimits.Time+10*time.Second {
			t.Fatalf("a render took %v: the budget of %v did not stop it", took, defaultRenderLimits.Time)
		}
		if got.TooLarge != "" {
			if got.HTML != "" {
				t.Fatalf("a body too large to render (%s) has HTML", got.TooLarge)
			}
			return
		}
		out := strings.ToLower(string(got.HTML))
		if strings.Contains(out, "<script") || strings.Contains(out, `href="javascript:`) {
			t.Fatalf("the HTML runs script:\n%s", got.HTML)
		}
		if limit := 256*len(body) + 16*maxTableCells + 4096; len(got.HTML) > limit {
			t.Fatalf("%d bytes of HTML for %d of Markdown, over %d", len(got.HTML), len(body), limit)
		}
	})
}

// postForm makes a request posting the form body as a browser would.
func postForm(body string) *http.Request {
	r := httptest.NewRequest("POST", "/new", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

// FuzzEditorForm reads hostile editor forms and switches their mode back
// and forth: a form whose facts are sound makes a Markdown file that reads
// without problems, and a file the form can show comes back from the form
// as a file that reads without problems too.
func FuzzEditorForm(f *testing.F) {
	for _, src := range exampleFiles(f, 24) {
		f.Add("mode=markdown&version=3&file=" + strings.ReplaceAll(string(src), "&", "%26"))
	}
	f.Add("mode=form&version=2&id=PM-2026-101&title=T&severity=SEV2&status=draft&teams=a,+b&started=2026-03-03T02:14:00Z" +
		"&factor_rows=2&factor.0.category=vendor&factor.0.description=x&action_rows=1&action.0.id=ACT-1&action.0.title=t&action.0.owner_team=p" +
		"&action.0.due=2026-07-01&action.0.value=4&action.0.effort_days=1.5&risk_rows=1&risk.0.id=RISK-1&risk.0.risk=r&risk.0.owner_team=p&risk.0.review_by=2026-08-01&body=%0A%23+T%0A")
	f.Add("mode=form&action_rows=999999999999&factor_rows=-5&risk_rows=x&action.0.value=9e99&started=yesterday")
	f.Add("mode=markdown&file=---%0Aid:+[%0A---%0A")
	tax := debrief.DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, form string) {
		r := postForm(form)
		if err := r.ParseForm(); err != nil {
			return
		}
		ed := readEditor(r)
		if ed.Mode != modeMarkdown && ed.Mode != modeForm {
			t.Fatalf("mode %q", ed.Mode)
		}
		if len(ed.Form.Factors) > maxRows || len(ed.Form.Actions) > maxRows || len(ed.Form.Risks) > maxRows {
			t.Fatalf("more than %d rows", maxRows)
		}
		p, probs := ed.postmortem(tax)
		_ = ed.markdownFile()
		other := modeForm
		if ed.Mode == modeForm {
			other = modeMarkdown
		}
		wasForm := ed.Mode == modeForm
		if moved := ed.switchMode(other, tax); moved != nil {
			return // the file's front matter does not read: it stays
		}
		if wasForm {
			if _, syntax := ed.Form.postmortem(); len(syntax) == 0 && len(probs) == 0 {
				if doc, bad := markdown.Parse([]byte(ed.File)); len(bad) > 0 || doc.Postmortem.ID != p.ID {
					t.Fatalf("a sound form made a file that does not read back: %v\n%s", bad, ed.File)
				}
			}
			return
		}
		// Back from the form to Markdown.
		if ed.switchMode(modeMarkdown, tax) != nil {
			t.Fatal("switching the form back to Markdown failed")
		}
		if _, bad := markdown.Parse([]byte(ed.File)); len(bad) > 0 {
			t.Fatalf("a file the form could show came back unreadable: %v\n%s", bad, ed.File)
		}
	})
}

// FuzzAPIBody posts hostile bodies to the API's reader of postmortems, as
// JSON or Markdown: the answer is a postmortem that validates, or 400 or
// 415; and what it takes survives the API's JSON both ways unchanged.
func FuzzAPIBody(f *testing.F) {
	for _, src := range exampleFiles(f, 24) {
		f.Add(src, false)
		doc, _ := markdown.Parse(src)
		if j, err := json.Marshal(toJSON(doc.Postmortem)); err == nil {
			f.Add(j, true)
		}
	}
	f.Add([]byte(`{"id":"PM-2026-152","title":"DNS","severity":"SEV3","status":"draft","teams":["platform"],"action_items":[{"id":"ACT-1","title":"x","owner_team":"p","due":"2026-13-01"}],"body":"\n# DNS\n"}`), true)
	f.Add([]byte(`{"id": 5}`), true)
	f.Add([]byte("{\n\"id\":\"x\",\n\"root_cause\":1}"), true)
	f.Add([]byte(`{"started":"2026-03-03T02:14:00+99:00"}`), true)
	f.Add([]byte("---\nid: PM-2026-001\ntitle: \"0\"\nseverity: SEV1\nstatus: published\n---\n\xff\n"), false)
	s := &Server{cfg: Config{Taxonomy: debrief.DefaultTaxonomy()}}
	tax := debrief.DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, body []byte, asJSON bool) {
		r := httptest.NewRequest("POST", "/api/v1/postmortems", bytes.NewReader(body))
		r.Header.Set("Content-Type", "text/markdown")
		if asJSON {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		p, _, ok := s.readPostmortem(w, r)
		if !ok {
			if w.Code != http.StatusBadRequest || !json.Valid(w.Body.Bytes()) {
				t.Fatalf("refused with %d: %s", w.Code, w.Body)
			}
			return
		}
		if errs := p.Validate(tax); len(errs) > 0 {
			t.Fatalf("took a postmortem that does not validate: %v", errs)
		}
		j, err := json.Marshal(toJSON(p))
		if err != nil {
			t.Fatal(err)
		}
		var back postmortemJSON
		if err := json.Unmarshal(j, &back); err != nil {
			t.Fatal(err)
		}
		again, probs := fromJSON(&back)
		// JSON strings hold only UTF-8: other bytes come back as U+FFFD.
		if file := markdown.Write(p); utf8.Valid(file) && (len(probs) > 0 || !bytes.Equal(markdown.Write(again), file)) {
			t.Fatalf("the API's JSON changed the postmortem: %v\n%s\n---\n%s", probs, markdown.Write(p), markdown.Write(again))
		}
	})
}

// FuzzIfMatch reads hostile If-Match headers: a version it finds is named
// by a strong entity tag of this API's shape in the header, and every ETag
// the API writes reads back as its version.
func FuzzIfMatch(f *testing.F) {
	for _, s := range []string{`"v3"`, `*`, `"v1", "v3"`, `W/"v3"`, `"abc"`, `v3`, `"a,b", "v2"`, `"v3`, `,,"v1",,`, "\"v\x00\""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, h string, version int) {
		m, ok := parseIfMatch(h)
		if !ok && (m.any || len(m.versions) > 0) {
			t.Fatalf("%q does not read, yet gave %+v", h, m)
		}
		for _, v := range m.versions {
			if v <= 0 || !strings.Contains(h, etag(v)) || strings.Contains(h, "W/"+etag(v)) && strings.Count(h, etag(v)) == 1 {
				t.Fatalf("%q gave version %d", h, v)
			}
		}
		if version > 0 {
			if m, ok := parseIfMatch(etag(version)); !ok || m.any || len(m.versions) != 1 || m.versions[0] != version {
				t.Fatalf("ETag %s reads as %+v, %v", etag(version), m, ok)
			}
		}
	})
}

// FuzzSnippet parses hostile snippets, as a store with hostile text in it
// may make them: the parts hold the text without the markers, and the HTML
// escapes all of it and marks only the matches.
func FuzzSnippet(f *testing.F) {
	for _, s := range []string{
		"the " + debrief.MatchStart + "certificate" + debrief.MatchEnd + " expired",
		debrief.MatchEnd + "x" + debrief.MatchStart + debrief.MatchStart + "<b>&amp;" + debrief.MatchEnd,
		"<script>" + debrief.MatchStart, "\xff\xfe" + debrief.MatchStart[:1],
	} {
		f.Add(s)
	}
	strip := strings.NewReplacer(debrief.MatchStart, "", debrief.MatchEnd, "")
	f.Fuzz(func(t *testing.T, s string) {
		sn := debrief.ParseSnippet(s)
		if got, want := sn.String(), strip.Replace(s); got != want {
			t.Fatalf("text %q, want %q", got, want)
		}
		out := snippetHTML(sn)
		tags := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(tags, "<>") {
			t.Fatalf("HTML %q has markup besides the marks", out)
		}
		if got, want := html.UnescapeString(tags), plainSnippet(sn).String(); got != want {
			t.Fatalf("HTML %q reads %q, want %q", out, got, want)
		}
	})
}

// FuzzDiff diffs hostile texts, as the conflict page does with the author's
// text and the saved one: the lines kept and removed make the first, the
// lines kept and added make the second, numbered in order, and the hunks
// keep every change.
func FuzzDiff(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n")
	f.Add("", "x")
	f.Add("a\r\nb", "a\nb\n\n")
	f.Add("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\nthree\n4\n5\n6\n7\neight\n9\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		lines := diffLines(a, b)
		var x, y []string
		oldN, newN, changes := 0, 0, 0
		for _, l := range lines {
			if l.Op != '+' {
				x = append(x, l.Text)
				if oldN++; l.Old != oldN {
					t.Fatalf("line %q numbered %d in the first text, want %d", l.Text, l.Old, oldN)
				}
			}
			if l.Op != '-' {
				y = append(y, l.Text)
				if newN++; l.New != newN {
					t.Fatalf("line %q numbered %d in the second text, want %d", l.Text, l.New, newN)
				}
			}
			if l.Op != ' ' {
				changes++
			}
		}
		if got, want := strings.Join(x, "\n"), strings.Join(splitLines(a), "\n"); got != want {
			t.Fatalf("the diff's first text is %q, want %q", got, want)
		}
		if got, want := strings.Join(y, "\n"), strings.Join(splitLines(b), "\n"); got != want {
			t.Fatalf("the diff's second text is %q, want %q", got, want)
		}
		kept := 0
		for _, l := range diffHunks(lines, 3) {
			if l.Op == '+' || l.Op == '-' {
				kept++
			}
		}
		if kept != changes {
			t.Fatalf("the hunks hold %d of %d changes", kept, changes)
		}
	})
}
