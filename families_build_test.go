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

// recurrencesPairwise is the rule of recurrencesAmong told the slow way:
// every pair of incidents compared, then each fix kept only against the
// first FixRecurrences later incidents it did not prevent. TestRecurrencesMatchPairwise
// holds the indexed version to it.
func recurrencesPairwise(kin []*Kin, dates DoneDates, today Date) []Recurrence {
	sorted := slices.Clone(kin)
	slices.SortStableFunc(sorted, func(a, b *Kin) int {
		if c := effectiveDate(a, today).Compare(effectiveDate(b, today)); c != 0 {
			return c
		}
		return strings.Compare(a.Summary.ID, b.Summary.ID)
	})
	laters := map[string][]int{} // fix id → positions of the later incidents
	var all []Recurrence
	at := map[*PostmortemSummary]int{}
	for i, k := range sorted {
		at[k.Summary] = i
		for _, e := range sorted[:i] {
			for _, a := range e.ActionItems {
				for _, r := range recurrence(e, k, a, dates, today) {
					all = append(all, r)
					if !slices.Contains(laters[r.Fix.ID], i) {
						laters[r.Fix.ID] = append(laters[r.Fix.ID], i)
					}
				}
			}
		}
	}
	var out []Recurrence
	for _, r := range all {
		if ls := laters[r.Fix.ID]; slices.Contains(ls[:min(len(ls), FixRecurrences)], at[r.Later]) {
			out = append(out, r)
		}
	}
	return dedupeRecurrences(out)
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

func TestRecurrencesMatchPairwise(t *testing.T) {
	today := DateOf(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	recorded := func(id string) (Date, bool) {
		if strings.HasSuffix(id, "7") {
			return DateOf(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)), true
		}
		return Date{}, false
	}
	found, mentioned := 0, 0
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		kin := randomFamily(r, 5+r.IntN(60))
		for _, dates := range []DoneDates{nil, recorded} {
			want := recurrencesPairwise(kin, dates, today)
			got := recurrencesAmong(kin, dates, today, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d: the indexed recurrences differ from the pairwise ones:\ngot  %v\nwant %v", seed, got, want)
			}
			found += len(got)
			// Recurrences of each target are the family's that involve it,
			// though it looks only at the fixes near it.
			for _, target := range kin {
				var mine []Recurrence
				for _, x := range want {
					if x.Earlier.ID == target.Summary.ID || x.Later.ID == target.Summary.ID {
						mine = append(mine, x)
					}
				}
				if got := Recurrences(target, kin, dates, today); !reflect.DeepEqual(got, mine) {
					t.Fatalf("seed %d: Recurrences(%s) = %v, want %v", seed, target.Summary.ID, got, mine)
				}
				mentioned += len(mine)
			}
		}
	}
	if found == 0 || mentioned == 0 {
		t.Fatal("no random family had a recurrence: the comparison tested nothing")
	}
	t.Logf("%d recurrences compared, %d through their incidents", found, mentioned)
}

func BenchmarkBuildFamily(b *testing.B) {
	kind := IncidentKind{ID: "cert-expiry", Name: "Certificate expiry"}
	today := DateOf(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	kin := randomFamily(rand.New(rand.NewPCG(1, 7)), 3000)
	for b.Loop() {
		BuildFamily(kind, kin, nil, today)
	}
}

// BenchmarkRecurrencesOfOne is a page's share: the recurrences of one
// incident in a family of 3,000.
func BenchmarkRecurrencesOfOne(b *testing.B) {
	today := DateOf(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	kin := randomFamily(rand.New(rand.NewPCG(1, 7)), 3000)
	i := 0
	for b.Loop() {
		Recurrences(kin[i%len(kin)], kin, nil, today)
		i += 97
	}
}
