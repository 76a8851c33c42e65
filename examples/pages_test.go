package examples_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the demo's zone, wherever the tests run

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/examples"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
)

var update = flag.Bool("update", false, "write pages.csv again")

func amsterdam(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(examples.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestDemoPages checks that pages.csv is what the generator writes.
func TestDemoPages(t *testing.T) {
	var buf bytes.Buffer
	if err := paging.WriteCSV(&buf, demoPages(amsterdam(t))); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("pages.csv", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(buf.Bytes(), examples.Pages) {
		t.Fatal("pages.csv is not what the generator writes: run go test ./examples -run TestDemoPages -update")
	}
}

func readDemo(t *testing.T) []paging.Page {
	t.Helper()
	b, err := (&paging.CSV{Source: "demo"}).Read(bytes.NewReader(examples.Pages))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Skipped) > 0 {
		t.Fatalf("pages.csv has lines the importer skips: %+v", b.Skipped[0])
	}
	return b.Pages
}

func week(n int) debrief.ISOWeek { return debrief.ISOWeek{Year: 2026, Week: n} }

// TestDemoStory checks that the demo tells what the postmortems tell, with
// the same numbers.
func TestDemoStory(t *testing.T) {
	loc := amsterdam(t)
	o := oncall.DefaultOptions(loc)
	pages := readDemo(t)
	logistics := oncall.ForTeam(pages, "logistics")
	dqlh := func(ps []paging.Page) []paging.Page {
		var out []paging.Page
		for _, p := range ps {
			if p.Alert == "DispatchQueueLagHigh" {
				out = append(out, p)
			}
		}
		return out
	}
	bands := func(ps []paging.Page, from, to time.Time) oncall.BandCounts {
		return oncall.Compute(ps, from, to, o).Bands
	}
	// PM-2025-016: 31 pages in 41 hours: 12, 10 and 9.
	storm := bands(dqlh(logistics), time.Date(2025, 12, 3, 16, 5, 0, 0, time.UTC), time.Date(2025, 12, 5, 9, 5, 0, 0, time.UTC))
	if storm != (oncall.BandCounts{Business: 12, OffHours: 10, Sleep: 9}) {
		t.Errorf("the December storm = %+v", storm)
	}
	// PM-2026-005: that week, 41 pages of the alert, 9 in sleep hours.
	from, to := oncall.WeekBounds(week(7), loc)
	if b := bands(dqlh(logistics), from, to); b.Business+b.OffHours+b.Sleep != 41 || b.Sleep != 9 {
		t.Errorf("the Hamburg stall's week = %+v", b)
	}
	// PM-2026-010: 52 pages, 24, 11 and 17.
	from, to = oncall.WeekBounds(week(10), loc)
	if b := bands(dqlh(logistics), from, to); b != (oncall.BandCounts{Business: 24, OffHours: 11, Sleep: 17}) {
		t.Errorf("the week the threshold was lowered = %+v", b)
	}
	// Retired on 11 March.
	if last := dqlh(logistics); last[len(last)-1].Triggered.After(time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("DispatchQueueLagHigh pages after its retirement: %v", last[len(last)-1].Triggered)
	}

	// Over the six months, DispatchQueueLagHigh is the noisiest alert of
	// the company, most of its pages needed nobody, and it flapped.
	h := oncall.Compute(pages, time.Date(2025, 11, 1, 0, 0, 0, 0, loc), time.Date(2026, 5, 1, 0, 0, 0, 0, loc), o)
	top := h.Noisiest[0]
	if top.Alert != "DispatchQueueLagHigh" || top.Pages < 2*h.Noisiest[1].Pages || top.Sleep < top.Pages/4 || top.NonActionable < top.Pages/2 {
		t.Errorf("noisiest = %+v", h.Noisiest[:3])
	}
	if len(h.Flapping) == 0 || h.Flapping[0].Alert != "DispatchQueueLagHigh" {
		t.Errorf("flapping = %+v", h.Flapping)
	}
	t.Logf("six months: %d pages; %s: %d pages, %d in sleep hours, %d needed nobody", h.Pages, top.Alert, top.Pages, top.Sleep, top.NonActionable)

	// Logistics was in reactive mode through its stretch, and only then;
	// no other team ever was.
	facts := exampleFacts(t)
	first, last := debrief.ISOWeek{Year: 2025, Week: 45}, week(17)
	pagerWeeks := map[string][]debrief.PagerWeek{}
	for _, team := range []string{"checkout", "data", "identity", "logistics", "mobile", "payments", "platform", "storefront"} {
		pagerWeeks[team] = oncall.PagerWeeks(oncall.Weekly(oncall.ForTeam(pages, team), first.Add(-3), last, o))
	}
	for _, tl := range debrief.Load(facts, pagerWeeks, first, last, debrief.DefaultReactiveRule) {
		var got []string
		for _, s := range tl.Stretches {
			got = append(got, s.String())
		}
		want := ""
		if tl.Team == "logistics" {
			want = "2026-W08 to 2026-W12 (5 weeks)"
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("%s reactive: %v, want %q", tl.Team, got, want)
		}
	}
	// The incidents alone never reach the default rule: logistics had two
	// customer-facing incidents in 2026-W07 and W10 and one in the other
	// weeks of the stretch. Its paging is what makes the stretch show.
	noPaging := debrief.DefaultReactiveRule
	noPaging.PagesPerShift = 0
	for _, tl := range debrief.Load(facts, nil, first, last, noPaging) {
		if len(tl.Stretches) > 0 {
			t.Errorf("%s is reactive by its incidents alone: %v", tl.Team, tl.Stretches)
		}
	}
}

// exampleFacts reads the example postmortems as the load figures count
// them.
func exampleFacts(t *testing.T) []debrief.IncidentFact {
	t.Helper()
	var facts []debrief.IncidentFact
	err := fs.WalkDir(examples.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := examples.Files.ReadFile(path)
		if err != nil {
			return err
		}
		doc, probs := markdown.Parse(src)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", path, probs)
		}
		facts = append(facts, debrief.FactOf(doc.Postmortem.Summary()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return facts
}

// TestDemoKinds checks that the kinds report of the example archive shows
// the families that keep coming back, and never names the restricted
// PM-2026-018.
func TestDemoKinds(t *testing.T) {
	ks := debrief.DefaultKinds()
	var kin []*debrief.Kin
	err := fs.WalkDir(examples.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, _ := examples.Files.ReadFile(path)
		doc, _ := markdown.Parse(src)
		p := doc.Postmortem
		kin = append(kin, &debrief.Kin{Summary: p.Summary(), Kinds: ks.Infer(p), ActionItems: p.ActionItems})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	from, to := debrief.Date{Year: 2025, Month: 1, Day: 1}, debrief.Date{Year: 2026, Month: 12, Day: 31}
	trends := debrief.RecurringKinds(debrief.GroupKin(kin, ks), nil, from, to, debrief.Date{Year: 2026, Month: 12, Day: 4})
	byKind := map[string]debrief.KindTrend{}
	for _, tr := range trends {
		byKind[tr.Kind] = tr
		for _, r := range tr.Recurrences {
			if r.Earlier.ID == "PM-2026-018" || r.Later.ID == "PM-2026-018" {
				t.Errorf("the restricted PM-2026-018 is named in %s", tr.Kind)
			}
		}
	}
	for _, kind := range []string{"cert-expiry", "noisy-alert", "config-push"} {
		if tr := byKind[kind]; tr.Incidents < 3 || !tr.Recurring {
			t.Errorf("%s: %d incidents, want at least 3", kind, tr.Incidents)
		}
	}
	// The certificate family came back although ACT-107 was done.
	found := false
	for _, r := range byKind["cert-expiry"].Recurrences {
		found = found || r.Fix == "ACT-107"
	}
	if !found || byKind["cert-expiry"].FixesFailed == 0 {
		t.Errorf("cert-expiry recurrences = %+v", byKind["cert-expiry"].Recurrences)
	}
	for _, tr := range trends[:min(5, len(trends))] {
		t.Logf("%s: %d incidents, teams %v, fixes done %d, held %d, failed %d", tr.Kind, tr.Incidents, tr.Teams, tr.FixesDone, tr.FixesHeld, tr.FixesFailed)
	}
}
