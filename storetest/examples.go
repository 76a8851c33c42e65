package storetest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/markdown"
)

// ExamplesDir returns the repository's examples/ folder.
func ExamplesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "examples")
}

// example is one postmortem of examples/.
type example struct {
	path string
	src  []byte
	p    *debrief.Postmortem
}

// readExamples reads and validates every postmortem of examples/.
func readExamples(t *testing.T) []example {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(ExamplesDir(), "PM-*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skip("examples/ holds no postmortems yet")
	}
	var out []example
	var files []*markdown.File
	var finder config.Finder
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := finder.For(path)
		if err != nil {
			t.Fatal(err)
		}
		f := markdown.CheckBytes(path, src, cfg.CategoryTaxonomy())
		files = append(files, f)
		out = append(out, example{path, src, f.Doc.Postmortem})
	}
	markdown.CheckSet(files)
	for _, f := range files {
		for _, p := range f.Problems {
			t.Errorf("%s:%d:%d: %s", f.Path, p.Line, p.Col, p.Message)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// importExamples imports the examples into s.
func importExamples(t *testing.T, s debrief.Store, exs []example) {
	t.Helper()
	for _, e := range exs {
		if r, err := s.Import(ctx, e.p); err != nil || r != debrief.Created {
			t.Fatalf("import %s = %v, %v", e.path, r, err)
		}
	}
}

// export returns every file s exports, by id.
func export(t *testing.T, s debrief.Store) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if err := s.Export(ctx, admin, func(id string, file []byte) error {
		out[id] = bytes.Clone(file)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func testExamplesRoundTrip(t *testing.T, open Opener) {
	exs := readExamples(t)
	first := open(t)
	importExamples(t, first, exs)
	exported := export(t, first)
	if len(exported) != len(exs) {
		t.Fatalf("exported %d postmortems, want %d", len(exported), len(exs))
	}
	for _, e := range exs {
		if !bytes.Equal(exported[e.p.ID], markdown.Write(e.p)) {
			t.Errorf("%s: the export is not the canonical file", e.path)
		}
	}
	// Import the export into an empty store, and export again.
	second := open(t)
	for id, file := range exported {
		doc, probs := markdown.Parse(file)
		if len(probs) > 0 {
			t.Fatalf("exported %s does not parse: %v", id, probs)
		}
		if _, err := second.Import(ctx, doc.Postmortem); err != nil {
			t.Fatal(err)
		}
	}
	again := export(t, second)
	for id, file := range exported {
		if !bytes.Equal(again[id], file) {
			t.Errorf("%s: export → import → export is not byte-identical:\n--- first\n%s\n--- second\n%s", id, file, again[id])
		}
	}
	// Importing the originals again changes nothing.
	for _, e := range exs {
		if r, err := first.Import(ctx, e.p); err != nil || r != debrief.Unchanged {
			t.Errorf("re-import %s = %v, %v; want unchanged", e.path, r, err)
		}
	}
}

// testExamplesCounts checks the totals of filters over the examples against
// counts made here from the files, for a viewer who sees only unrestricted
// postmortems and for an admin.
func testExamplesCounts(t *testing.T, open Opener) {
	exs := readExamples(t)
	s := open(t)
	importExamples(t, s, exs)
	count := func(v debrief.Viewer, match func(p *debrief.Postmortem) bool) int {
		n := 0
		for _, e := range exs {
			if v.CanSee(e.p) && match(e.p) {
				n++
			}
		}
		return n
	}
	has := func(vs []string, want string) bool {
		return slices.ContainsFunc(vs, func(v string) bool { return strings.EqualFold(v, want) })
	}
	type check struct {
		query string
		match func(p *debrief.Postmortem) bool
	}
	checks := []check{{"", func(*debrief.Postmortem) bool { return true }}}
	seen := map[string]bool{}
	for _, e := range exs {
		for _, tm := range e.p.Teams {
			if q := "team:" + strings.ToLower(tm); !seen[q] {
				seen[q] = true
				checks = append(checks, check{q, func(p *debrief.Postmortem) bool { return has(p.Teams, tm) }})
			}
		}
		for _, sv := range e.p.Services {
			if q := "service:" + strings.ToLower(sv); !seen[q] {
				seen[q] = true
				checks = append(checks, check{q, func(p *debrief.Postmortem) bool { return has(p.Services, sv) }})
			}
		}
	}
	for _, sev := range debrief.Severities {
		checks = append(checks, check{"sev:" + string(sev), func(p *debrief.Postmortem) bool { return p.Severity == sev }})
	}
	for _, st := range debrief.Statuses {
		checks = append(checks, check{"status:" + string(st), func(p *debrief.Postmortem) bool { return p.Status == st }})
	}
	checks = append(checks, check{"customer:yes", func(p *debrief.Postmortem) bool { return p.CustomerFacing }})
	slices.SortFunc(checks, func(a, b check) int { return strings.Compare(a.query, b.query) })
	restricted := 0
	for _, e := range exs {
		if e.p.Restricted {
			restricted++
		}
	}
	if restricted == 0 {
		t.Log("no example is restricted: the counts for viewers equal those for admins")
	}
	for _, v := range []debrief.Viewer{anonymous, admin} {
		for _, c := range checks {
			page := mustFind(t, s, v, c.query)
			if want := count(v, c.match); page.Total != want || len(page.Items) != min(want, debrief.MaxLimit) {
				t.Errorf("%s: %q counts %d (%d shown), want %d", v.User, c.query, page.Total, len(page.Items), want)
			}
		}
	}
}

// ExampleFamilies are the recurring incident families of examples/, as
// examples/README.md describes them: each member must find the others among
// its five most similar postmortems.
var ExampleFamilies = [][]string{
	{"PM-2025-003", "PM-2025-014", "PM-2026-016"},                // TLS certificate expiry
	{"PM-2025-007", "PM-2025-016", "PM-2026-005", "PM-2026-010"}, // noisy DispatchQueueLagHigh
	{"PM-2025-005", "PM-2025-011", "PM-2026-009", "PM-2026-015"}, // config push to all regions
	{"PM-2025-001", "PM-2025-015", "PM-2026-012", "PM-2026-026"}, // order-events without backpressure
}

func testExamplesFamilies(t *testing.T, open Opener) {
	checkFamilies(t, open, false)
}

// testExamplesFamiliesUnlinked drops what the authors linked by hand
// (related ids, shared action items): the families must still be found by
// their words, services and factors alone, as they are for a new draft.
func testExamplesFamiliesUnlinked(t *testing.T, open Opener) {
	checkFamilies(t, open, true)
}

func checkFamilies(t *testing.T, open Opener, unlink bool) {
	exs := readExamples(t)
	s := open(t)
	for _, e := range exs {
		p := *e.p
		if unlink {
			p.Related, p.ActionItems, p.AcceptedRisks = nil, nil, nil
		}
		if _, err := s.Import(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, family := range ExampleFamilies {
		for _, id := range family {
			sims, err := s.Similar(ctx, admin, id, 5)
			if err != nil {
				t.Fatal(err)
			}
			got := similarIDs(sims)
			for _, other := range family {
				if other != id && !slices.Contains(got, other) {
					t.Errorf("similar to %s = %v, want %s of its family %v among them", id, reasons(sims), other, family)
				}
			}
		}
	}
}

func reasons(sims []*debrief.SimilarPostmortem) []string {
	var out []string
	for _, s := range sims {
		out = append(out, s.ID+" ("+s.Reason()+")")
	}
	return out
}
