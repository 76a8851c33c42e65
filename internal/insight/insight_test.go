package insight_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/internal/demo"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/report"
	"github.com/debrief/debrief/sqlite"
)

var ctx = context.Background()

// demoSource is the example archive with its pages in a real SQLite file,
// read on 4 December 2026.
func demoSource(t *testing.T) *insight.Source {
	t.Helper()
	src, _ := demoStore(t)
	return src
}

// demoStore is demoSource with its store.
func demoStore(t *testing.T) (*insight.Source, *sqlite.DB) {
	t.Helper()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, _, err := demo.Load(ctx, db, db); err != nil {
		t.Fatal(err)
	}
	return demoSourceOf(db), db
}

// demoSourceOf is a source of the example archive in db.
func demoSourceOf(db *sqlite.DB) *insight.Source {
	var settings config.Insights
	settings.TimeZone.Location = demo.Location()
	return &insight.Source{
		Postmortems: db, Pages: db, Settings: settings,
		Now: func() time.Time { return time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC) },
	}
}

// readDefault reads the archive as the operator sees it, with its default
// period.
func readDefault(t *testing.T, src *insight.Source) (*insight.Archive, insight.Period) {
	t.Helper()
	a, err := src.Read(ctx, debrief.Operator)
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.DefaultPeriod(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return a, p
}

func week(y, n int) debrief.ISOWeek { return debrief.ISOWeek{Year: y, Week: n} }

func TestDemoFigures(t *testing.T) {
	src := demoSource(t)
	a, p := readDefault(t, src)
	// The last incident of the demo starts on 27 October 2026.
	if want := (insight.Period{First: week(2025, 45), Last: week(2026, 44)}); p != want {
		t.Errorf("default period %s, want %s", p, want)
	}
	loads, weeks, err := a.Load(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	var reactive []string
	for _, l := range loads {
		for _, s := range l.Stretches {
			reactive = append(reactive, l.Team+" "+s.String())
		}
	}
	if got, want := strings.Join(reactive, "; "), "logistics 2026-W08 to 2026-W12 (5 weeks)"; got != want {
		t.Errorf("reactive stretches %q, want %q", got, want)
	}
	if len(weeks["logistics"]) != p.Weeks() {
		t.Errorf("logistics has %d weeks of paging, want %d", len(weeks["logistics"]), p.Weeks())
	}

	oc, err := a.OnCall(ctx, p, "logistics")
	if err != nil {
		t.Fatal(err)
	}
	if len(oc) != 1 {
		t.Fatalf("on-call for logistics: %d teams", len(oc))
	}
	top := oc[0].Trend.Current.Noisiest[0]
	if top.Alert != "DispatchQueueLagHigh" || top.Sleep == 0 || top.Sleep >= top.Pages {
		t.Errorf("noisiest %+v", top)
	}

	kinds := a.Kinds(p)
	recurring := 0
	for _, k := range kinds {
		if k.Recurring {
			recurring++
		}
	}
	if recurring < 3 {
		t.Errorf("%d recurring kinds in the demo, want several", recurring)
	}
}

// TestRestrictedNeverNamed: the operator's figures count PM-2026-018, a
// restricted postmortem, and no report names it; a viewer outside its
// team does not count it.
func TestRestrictedNeverNamed(t *testing.T) {
	src := demoSource(t)
	const title = "Credential-stuffing"
	p := insight.Period{First: week(2025, 1), Last: week(2026, 52)}
	count := func(v debrief.Viewer) int {
		a, err := src.Read(ctx, v)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		load, err := a.LoadReport(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range []report.Report{load, a.KindsReport(p), a.ProcessReport(p)} {
			for _, f := range []report.Format{report.Text, report.JSON, report.CSV} {
				if err := report.Write(&buf, f, r); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, leak := range []string{title, "PM-2026-018"} {
			if strings.Contains(buf.String(), leak) {
				t.Errorf("a report for %s names the restricted postmortem: %q", v.User, leak)
			}
		}
		return a.Process(p).Postmortems
	}
	all, outsider, member := count(debrief.Operator), count(debrief.Viewer{User: "v"}), count(debrief.Viewer{User: "m", Teams: []string{"Identity"}})
	if all != outsider+1 || member != all {
		t.Errorf("postmortems counted: operator %d, outsider %d, identity %d", all, outsider, member)
	}
}

func TestReactiveBanner(t *testing.T) {
	src := demoSource(t)
	a, err := src.Read(ctx, debrief.Operator)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		teams    []string
		incident debrief.Date
		want     string
	}{
		{"in the stretch", []string{"Logistics", "platform"}, debrief.Date{Year: 2026, Month: 3, Day: 4}, "logistics then 2026-W10"},
		{"before it", []string{"logistics"}, debrief.Date{Year: 2026, Month: 1, Day: 7}, ""},
		{"another team", []string{"payments"}, debrief.Date{Year: 2026, Month: 3, Day: 4}, ""},
		{"no teams", nil, debrief.Date{Year: 2026, Month: 3, Day: 4}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := a.Reactive(ctx, tt.teams, tt.incident)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rs {
				s := r.Team
				if r.Now {
					s += " now"
				}
				if r.Then {
					s += " then " + r.Week.String()
				}
				got = append(got, s)
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIncidentPaging(t *testing.T) {
	src := demoSource(t)
	ps, _, err := demo.Postmortems()
	if err != nil {
		t.Fatal(err)
	}
	var pm *debrief.Postmortem
	for _, p := range ps {
		if p.ID == "PM-2026-010" {
			pm = p
		}
	}
	ip, err := src.IncidentPaging(ctx, pm)
	if err != nil {
		t.Fatal(err)
	}
	if len(ip) == 0 || ip[0].Team != "logistics" {
		t.Fatalf("paging of PM-2026-010: %+v", ip)
	}
	w := ip[0]
	// PM-2026-010: 52 pages of DispatchQueueLagHigh that week, 17 in sleep hours.
	if w.Noisiest[0].Alert != "DispatchQueueLagHigh" || w.Noisiest[0].Pages != 52 || w.Noisiest[0].Sleep != 17 {
		t.Errorf("noisiest that week %+v", w.Noisiest)
	}
	if w.Week.Pages < 52 || w.Week.Bands.Sleep < 17 || w.Zone != "Europe/Amsterdam" {
		t.Errorf("week %+v in %s", w.Week, w.Zone)
	}
	if !strings.HasPrefix(w.Week.String(), "pages that week: ") {
		t.Errorf("line %q", w.Week.String())
	}
}

func TestSnapshot(t *testing.T) {
	src := demoSource(t)
	s, err := src.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range s.Postmortems {
		n += c.N
	}
	if n < 47 || len(s.KindIncidents) == 0 || len(s.ActionItems) == 0 {
		t.Errorf("snapshot: %d postmortem-team counts, %d kinds, %d items", n, len(s.KindIncidents), len(s.ActionItems))
	}
	// December 2026 is quiet: the demo's data stops in April.
	if len(s.Paging) != 0 || s.Reactive["logistics"] {
		t.Errorf("paging %v, reactive %v", s.Paging, s.Reactive)
	}
}

func TestPeriodOf(t *testing.T) {
	d := func(s string) debrief.Date {
		v, err := debrief.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	p, err := insight.PeriodOf(d("2026-01-01"), d("2026-03-15"))
	if err != nil || p.String() != "2026-W01 to 2026-W11" || p.From() != d("2025-12-29") || p.To() != d("2026-03-15") {
		t.Errorf("got %v %v %v, %v", p, p.From(), p.To(), err)
	}
	if _, err := insight.PeriodOf(d("2026-03-15"), d("2026-01-01")); debrief.ErrorCode(err) != debrief.EINVALID {
		t.Errorf("a period that ends before it starts: %v", err)
	}
}

// TestRecentNeverWaitsForAStaleSnapshot reads the example archive, lets
// the snapshot grow old, and checks that Recent answers at once with the
// old one while it reads a new one in the background, which a later call
// then gets; and that Read waits for a fresh one.
func TestRecentNeverWaitsForAStaleSnapshot(t *testing.T) {
	src := demoSource(t)
	var mu sync.Mutex
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	src.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	src.MaxAge = time.Minute
	first, ok := src.Recent(ctx, debrief.Operator, time.Minute)
	if !ok || !first.Computed.Equal(now) {
		t.Fatalf("first reading: %v, ready %t", first, ok)
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	later := now
	mu.Unlock()
	if a, ok := src.Recent(ctx, debrief.Operator, 0); !ok || a != first {
		t.Fatalf("a stale snapshot: got %v, ready %t; want the old one at once", a, ok)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		a, ok := src.Recent(ctx, debrief.Operator, 0)
		if ok && a.Computed.Equal(later) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the snapshot was never read again")
		}
		time.Sleep(10 * time.Millisecond)
	}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	a, err := src.Read(ctx, debrief.Operator)
	if err != nil || !a.Computed.Equal(later.Add(2*time.Minute)) {
		t.Errorf("Read of a stale snapshot = %v, %v; want a new one", a, err)
	}
}

// TestStoredFactsGiveTheSameFigures reads the example archive twice, once
// inferring every postmortem's kinds and linting every file, and once
// taking the kinds and lint counts the archive stored, and checks that the
// recurring kinds and the language figures agree.
func TestStoredFactsGiveTheSameFigures(t *testing.T) {
	derived, db := demoStore(t)
	l, err := lint.New(config.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	language := func(path string, file []byte) (blame, rootCause int) {
		c := lint.Count(l.Lint(path, file))
		return c.Blame, c.RootCause
	}
	if err := db.UseLinter(ctx, debrief.LintCounter{Fingerprint: "test", Count: func(id string, file []byte) (debrief.LintCounts, []byte) {
		b, r := language(id+".md", file)
		return debrief.LintCounts{Blame: b, RootCause: r}, nil
	}}); err != nil {
		t.Fatal(err)
	}
	derived.Language = language
	stored := demoSourceOf(db)
	stored.Language = func(string, []byte) (int, int) {
		t.Error("a file was linted although its counts were stored")
		return 0, 0
	}
	stored.StoredKinds, stored.StoredLint = db.FamilyKindsByID, db.LintCountsByID
	type figures struct {
		Kinds   []debrief.KindTrend
		Process debrief.Process
	}
	read := func(src *insight.Source) figures {
		t.Helper()
		a, p := readDefault(t, src)
		return figures{a.Kinds(p), a.Process(p)}
	}
	want, got := read(derived), read(stored)
	if len(want.Kinds) == 0 {
		t.Fatal("the example archive has no recurring kinds")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figures from what the archive stored:\n%+v\nwant, as derived:\n%+v", got, want)
	}
}

// TestQuietArchiveServesPastMaxAge: a snapshot of an archive nobody
// changed serves past MaxAge, until QuietMaxAge; a change to a postmortem
// makes the next reading new.
func TestQuietArchiveServesPastMaxAge(t *testing.T) {
	src, db := demoStore(t)
	var mu sync.Mutex
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	src.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	src.MaxAge, src.QuietMaxAge, src.Changes = time.Minute, 10*time.Minute, db.Changes
	read := func() *insight.Archive {
		t.Helper()
		a, err := src.Read(ctx, debrief.Operator)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := read()
	advance(3 * time.Minute)
	if a := read(); a != first {
		t.Errorf("an unchanged archive was read again after 3 minutes (MaxAge 1, QuietMaxAge 10)")
	}
	p, err := db.FindByID(ctx, debrief.Operator, "PM-2026-001")
	if err != nil {
		t.Fatal(err)
	}
	p.Title += ", again"
	if err := db.Update(ctx, debrief.Operator, p, p.Version); err != nil {
		t.Fatal(err)
	}
	advance(2 * time.Second)
	second := read()
	if second == first {
		t.Fatal("a changed archive was not read again")
	}
	advance(11 * time.Minute)
	if a := read(); a == second {
		t.Errorf("a snapshot served past QuietMaxAge")
	}
}

// TestProcessReadsTheBodies: a snapshot keeps its postmortems without their
// bodies, and its process figures still count the system-focus sections
// those bodies fill in, as the figures of the whole files do.
func TestProcessReadsTheBodies(t *testing.T) {
	src, db := demoStore(t)
	a, p := readDefault(t, src)
	var facts []debrief.ProcessFact
	err := db.Export(ctx, debrief.Operator, func(id string, file []byte) error {
		doc, probs := markdown.Parse(file)
		if len(probs) > 0 {
			return fmt.Errorf("%s: %v", id, probs)
		}
		facts = append(facts, debrief.ProcessFactOf(doc.Postmortem, debrief.Date{}))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := debrief.ProcessHealth(facts, nil, p.From(), p.To(), a.Today())
	got := a.Process(p)
	if want.SystemFocusFilled == 0 {
		t.Fatal("the example archive fills no system-focus section")
	}
	if got.SystemFocusFilled != want.SystemFocusFilled || got.SystemFocusAsked != want.SystemFocusAsked {
		t.Errorf("system focus %d of %d, want %d of %d", got.SystemFocusFilled, got.SystemFocusAsked, want.SystemFocusFilled, want.SystemFocusAsked)
	}
	for _, pm := range a.Postmortems() {
		if pm.Body != "" || pm.File != nil {
			t.Fatalf("the snapshot keeps the body of %s", pm.ID)
		}
	}
}
