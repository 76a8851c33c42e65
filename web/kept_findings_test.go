package web

import (
	"context"
	"html"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

// TestPageShowsKeptFindings checks that a postmortem's page shows the
// findings the archive kept with its version, without linting the file,
// and lints it when none were kept.
func TestPageShowsKeptFindings(t *testing.T) {
	app := newPageApp(t, false)
	ctx := context.Background()
	const id = "PM-2026-190"
	src := strings.Replace(pageOpen, "id: PM-2026-101", "id: "+id, 1) +
		"\nThe on-call engineer carelessly deleted the wrong certificate, which was the root cause.\n"
	f := markdown.CheckBytes(id+".md", []byte(src), debrief.DefaultTaxonomy())
	if !f.Valid() {
		t.Fatalf("fixture: %v", f.Problems)
	}
	if _, err := app.db.Import(ctx, f.Doc.Postmortem); err != nil {
		t.Fatal(err)
	}
	pm, err := app.db.FindByID(ctx, debrief.Viewer{Admin: true}, id)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := testFindings(t)(id+".md", pm.File)
	if c := lint.Count(want); c.Blame == 0 || c.RootCause == 0 {
		t.Fatalf("the fixture's findings %v: want blame and root cause to show", want)
	}
	var calls atomic.Int64
	counted := app.cfg
	counted.Findings = func(path string, src []byte) ([]lint.Finding, error) {
		calls.Add(1)
		return app.cfg.Findings(path, src)
	}
	page := func() string {
		t.Helper()
		// A new server each time: nothing rendered before is cached.
		r := startPageApp(t, counted, app.db, app.clock).signedIn(t, "ada").get("/postmortems/" + id)
		if r.status != 200 {
			t.Fatalf("page: %d: %s", r.status, r.body)
		}
		_, section, _ := strings.Cut(r.body, `id="lint-heading"`)
		section, _, _ = strings.Cut(section, "</section>")
		return section
	}
	shows := func(section string) {
		t.Helper()
		for _, f := range want {
			if !strings.Contains(section, html.EscapeString(f.Message)) {
				t.Errorf("the page's findings lack %q:\n%s", f.Message, section)
			}
		}
		if n := strings.Count(section, `class="finding `); n != len(want) {
			t.Errorf("the page lists %d findings, want %d", n, len(want))
		}
	}
	shows(page())
	if n := calls.Load(); n != 0 {
		t.Errorf("the page linted %d files, want the kept findings read instead", n)
	}
	if err := app.db.UseLinter(ctx, debrief.LintCounter{Fingerprint: "keeps nothing", Count: func(string, []byte) (debrief.LintCounts, []byte) {
		return debrief.LintCounts{}, nil
	}}); err != nil {
		t.Fatal(err)
	}
	shows(page())
	if n := calls.Load(); n != 1 {
		t.Errorf("with no findings kept, the page linted %d files, want 1", n)
	}
}
