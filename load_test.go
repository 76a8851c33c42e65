package debrief

import (
	"reflect"
	"testing"
)

// loadFacts is a hand-made set: logistics has 1, 2, 3, 1, 2 and 0
// incidents in 2026-W05 to W10, customer-facing 1, 2, 2, 1, 2, 0.
func loadFacts() []IncidentFact {
	f := func(day string, sev Severity, cf bool, teams ...string) IncidentFact {
		return IncidentFact{Date: date(day), Teams: teams, Severity: sev, CustomerFacing: cf}
	}
	return []IncidentFact{
		f("2026-01-28", SEV3, true, "logistics"),                             // W05
		f("2026-02-02", SEV2, true, "logistics"),                             // W06, a Monday
		f("2026-02-08", SEV2, true, "logistics"),                             // W06, a Sunday
		f("2026-02-09", SEV2, true, "logistics"),                             // W07
		f("2026-02-13", SEV2, true, "Logistics", "Platform "),                // W07, teams as keys
		f("2026-02-14", SEV4, false, "logistics"),                            // W07, not customer-facing
		f("2026-02-18", SEV3, true, "logistics"),                             // W08
		f("2026-02-24", SEV3, true, "logistics"),                             // W09
		f("2026-03-01", SEV1, true, "logistics"),                             // W09, a Sunday
		f("2025-06-01", SEV1, true, "logistics"),                             // long before the range
		{Teams: []string{"logistics"}, Severity: SEV1, CustomerFacing: true}, // no date
	}
}

func TestLoad(t *testing.T) {
	first, last := ISOWeek{2026, 7}, ISOWeek{2026, 10}
	teams := Load(loadFacts(), nil, first, last, DefaultReactiveRule)
	if len(teams) != 2 || teams[0].Team != "logistics" || teams[1].Team != "platform" {
		t.Fatalf("teams = %+v, want logistics and platform", teams)
	}
	lg := teams[0]
	type week struct {
		all, cf       int
		avgAll, avgCF float64
		hard          bool
		reactive      bool
	}
	want := []week{
		// W07: the average counts W04 to W07, before the range too: (0+1+2+3)/4.
		{3, 2, 1.5, 1.25, true, false},
		{1, 1, 1.75, 1.5, false, false},
		// W09: hard weeks W06, W07 and W09: three of the last four.
		{2, 2, 2, 1.75, true, true},
		{0, 0, 1.5, 1.25, false, false},
	}
	if len(lg.Weeks) != len(want) {
		t.Fatalf("%d weeks, want %d", len(lg.Weeks), len(want))
	}
	for i, w := range want {
		got := lg.Weeks[i]
		if got.Week != first.Add(i) || got.All != w.all || got.CustomerFacing != w.cf || got.AvgAll != w.avgAll ||
			got.AvgCustomerFacing != w.avgCF || (len(got.Hard) > 0) != w.hard || got.Reactive != w.reactive || got.Pages != -1 {
			t.Errorf("week %v = %+v, want %+v", first.Add(i), got, w)
		}
	}
	if got := lg.Weeks[0].BySeverity; !reflect.DeepEqual(got, map[Severity]int{SEV2: 2, SEV4: 1}) {
		t.Errorf("W07 by severity = %v", got)
	}
	if len(lg.Stretches) != 1 || lg.Stretches[0].String() != "2026-W09 (1 week)" || lg.Stretches[0].Incidents != 2 {
		t.Errorf("stretches = %+v, want W09 alone", lg.Stretches)
	}
	if lg.Reactive {
		t.Error("logistics is reactive in W10, want not: only W07 and W09 were hard among W07 to W10")
	}
	if pl := teams[1]; pl.Weeks[0].All != 1 || pl.Weeks[0].CustomerFacing != 1 || pl.Reactive {
		t.Errorf("platform = %+v", pl.Weeks[0])
	}
}

func TestLoadWithPaging(t *testing.T) {
	first, last := ISOWeek{2026, 7}, ISOWeek{2026, 10}
	paging := map[string][]PagerWeek{" ": {{ISOWeek{2026, 7}, 99}}, "logistics": {
		{ISOWeek{2026, 7}, 41}, // more than 2 pages per shift: 28 a week
		{ISOWeek{2026, 8}, 30},
		{ISOWeek{2026, 9}, 3},
		{ISOWeek{2026, 10}, 28}, // exactly at the limit: not over it
	}}
	lg := Load(loadFacts(), paging, first, last, DefaultReactiveRule)[0]
	var hard [][]Reason
	var reactive []bool
	for _, w := range lg.Weeks {
		hard = append(hard, w.Hard)
		reactive = append(reactive, w.Reactive)
	}
	wantHard := [][]Reason{{ReasonIncidents, ReasonPages}, {ReasonPages}, {ReasonIncidents}, nil}
	if !reflect.DeepEqual(hard, wantHard) {
		t.Errorf("hard weeks = %v, want %v", hard, wantHard)
	}
	if want := []bool{false, true, true, true}; !reflect.DeepEqual(reactive, want) {
		t.Errorf("reactive = %v, want %v (W06 to W09 hold three hard weeks from W08 on)", reactive, want)
	}
	if len(lg.Stretches) != 1 || lg.Stretches[0].String() != "2026-W08 to 2026-W10 (3 weeks)" || lg.Stretches[0].Pages != 61 {
		t.Errorf("stretches = %+v", lg.Stretches)
	}
	if !lg.Reactive {
		t.Error("logistics is not reactive in W10")
	}
	if lg.Weeks[0].Pages != 41 {
		t.Errorf("W07 pages = %d", lg.Weeks[0].Pages)
	}

	noPaging := DefaultReactiveRule
	noPaging.PagesPerShift = 0
	if lg := Load(loadFacts(), paging, first, last, noPaging)[0]; lg.Reactive || len(lg.Stretches) != 1 {
		t.Errorf("with paging left out of the rule: %+v", lg.Stretches)
	}
	all := DefaultReactiveRule
	all.AllIncidents, all.PagesPerShift = true, 0
	if lg := Load(loadFacts(), nil, first, last, all)[0]; !lg.Weeks[2].Reactive {
		t.Error("counting all incidents, W09 is not reactive")
	}
}
