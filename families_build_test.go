package debrief

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// buildFamilyPairwise is BuildFamily as first written: every incident
// compared with every earlier one. TestBuildFamilyMatchesPairwise holds the
// indexed version to it.
func buildFamilyPairwise(kind IncidentKind, kin []*Kin, dates DoneDates, today Date) *Family {
	f := &Family{Kind: kind}
	sorted := slices.Clone(kin)
	slices.SortStableFunc(sorted, func(a, b *Kin) int {
		if c := a.Date().Compare(b.Date()); c != 0 {
			return c
		}
		return strings.Compare(a.Summary.ID, b.Summary.ID)
	})
	seenOpen := map[string]bool{}
	var prev Date
	for i, k := range sorted {
		fi := &FamilyIncident{PostmortemSummary: k.Summary}
		for _, m := range k.Kinds {
			if m.ID == kind.ID {
				fi.Match = m
			}
		}
		seen := map[string]bool{}
		for _, e := range sorted[:i] {
			for _, a := range e.ActionItems {
				d, ok := doneBy(a, dates)
				if ok && !seen[a.ID] && !d.Before(prev) && d.Before(k.Date()) {
					seen[a.ID] = true
					fi.FixedBefore = append(fi.FixedBefore, a)
				}
			}
		}
		prev = k.Date()
		for _, e := range sorted[:i] {
			f.Recurrences = append(f.Recurrences, recurrences(e, k, dates, today)...)
		}
		for _, a := range k.ActionItems {
			if !a.Closed() && !seenOpen[a.ID] {
				seenOpen[a.ID] = true
				f.Open = append(f.Open, a)
			}
		}
		f.Incidents = append(f.Incidents, fi)
	}
	f.Recurrences = dedupeRecurrences(f.Recurrences)
	return f
}

// randomFamily returns n incidents of kind "cert-expiry" over three years,
// some without a date, on few services and teams, whose action items are
// often shared, done, prevent or mitigate or neither.
func randomFamily(r *rand.Rand, n int) []*Kin {
	start := DateOf(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	day := func() Date {
		if r.IntN(20) == 0 {
			return Date{}
		}
		return DateOf(start.Time().AddDate(0, 0, r.IntN(1000)))
	}
	pick := func(pool []string, max int) []string {
		var out []string
		for range 1 + r.IntN(max) {
			out = append(out, pool[r.IntN(len(pool))])
		}
		return out
	}
	services := []string{"edge-lb", "api-gateway", "Ledger", "ledger ", "webhooks"}
	teams := []string{"platform", "Payments", "payments", "edge"}
	statuses := []ActionStatus{ActionOpen, ActionDone, ActionDone, ActionWontDo, ActionInProgress}
	kinds := []ActionKind{"", KindPrevent, KindMitigate, KindDetect, KindProcess}
	items := map[string]ActionItem{}
	var kin []*Kin
	for i := range n {
		k := &Kin{
			Summary: &PostmortemSummary{ID: fmt.Sprintf("PM-2025-%03d", i), Date: day(), Services: pick(services, 2), Teams: pick(teams, 2)},
			Kinds:   []KindMatch{{ID: "cert-expiry", Name: "Certificate expiry", Score: 1}},
		}
		if r.IntN(4) == 0 {
			k.Kinds = append([]KindMatch{{ID: "config-push", Name: "Config push", Score: 0.6}}, k.Kinds...)
		}
		for range r.IntN(4) {
			id := fmt.Sprintf("ACT-%d", r.IntN(2*n))
			a, ok := items[id]
			if !ok {
				a = ActionItem{ID: id, Title: id, OwnerTeam: teams[r.IntN(len(teams))], Status: statuses[r.IntN(len(statuses))], Kind: kinds[r.IntN(len(kinds))], Due: day()}
				items[id] = a
			}
			k.ActionItems = append(k.ActionItems, a)
		}
		kin = append(kin, k)
	}
	return kin
}

func TestBuildFamilyMatchesPairwise(t *testing.T) {
	kind := IncidentKind{ID: "cert-expiry", Name: "Certificate expiry"}
	today := DateOf(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	recorded := func(id string) (Date, bool) {
		if strings.HasSuffix(id, "7") {
			return DateOf(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)), true
		}
		return Date{}, false
	}
	recurrences := 0
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		kin := randomFamily(r, 5+r.IntN(60))
		for _, dates := range []DoneDates{nil, recorded} {
			want := buildFamilyPairwise(kind, kin, dates, today)
			got := BuildFamily(kind, kin, dates, today)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d: the indexed family differs from the pairwise one:\ngot  %+v\nwant %+v", seed, got, want)
			}
			recurrences += len(got.Recurrences)
		}
	}
	if recurrences == 0 {
		t.Fatal("no random family had a recurrence: the comparison tested nothing")
	}
}

func BenchmarkBuildFamily(b *testing.B) {
	kind := IncidentKind{ID: "cert-expiry", Name: "Certificate expiry"}
	today := DateOf(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	kin := randomFamily(rand.New(rand.NewPCG(1, 7)), 3000)
	for b.Loop() {
		BuildFamily(kind, kin, nil, today)
	}
}
