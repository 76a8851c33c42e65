package debrief

import (
	"fmt"
	"slices"
	"testing"
)

func kin(id, day string, services, teams []string, kinds []KindMatch, items ...ActionItem) *Kin {
	d, err := ParseDate(day)
	if err != nil {
		panic(err)
	}
	return &Kin{Summary: &PostmortemSummary{ID: id, Title: id, Date: d, Services: services, Teams: teams}, Kinds: kinds, ActionItems: items}
}

func item(id, owner string, kind ActionKind, status ActionStatus, due string) ActionItem {
	d, _ := ParseDate(due)
	return ActionItem{ID: id, Title: id, OwnerTeam: owner, Kind: kind, Status: status, Due: d}
}

var certKind = []KindMatch{{ID: "cert-expiry", Name: "Certificate expiry", Score: 1}}

func TestRecurrencesRules(t *testing.T) {
	edge, platform := []string{"edge-lb"}, []string{"platform"}
	first := kin("PM-1", "2025-03-01", edge, platform, certKind,
		item("ACT-1", "platform", KindPrevent, ActionDone, "2025-04-01"),
		item("ACT-2", "platform", KindDetect, ActionDone, "2025-04-01"),        // detection: not a fix
		item("ACT-3", "platform", KindPrevent, ActionInProgress, "2025-04-01"), // not done
		item("ACT-4", "platform", KindPrevent, ActionDone, "2025-12-01"),       // done after the second
	)
	tests := []struct {
		name  string
		later *Kin
		want  []string
	}{
		{"same service and owner", kin("PM-2", "2025-09-01", edge, platform, certKind), []string{"ACT-1"}},
		{"another kind", kin("PM-2", "2025-09-01", edge, platform, []KindMatch{{ID: "config-push", Name: "Config push", Score: 1}}), nil},
		{"another service", kin("PM-2", "2025-09-01", []string{"ledger"}, platform, certKind), nil},
		{"owner not involved", kin("PM-2", "2025-09-01", edge, []string{"payments"}, certKind), nil},
		{"lists the fix", kin("PM-2", "2025-09-01", []string{"ledger"}, []string{"payments"}, certKind,
			item("ACT-1", "platform", KindPrevent, ActionDone, "2025-04-01")), []string{"ACT-1"}},
		{"before the fix was done", kin("PM-2", "2025-03-20", edge, platform, certKind), nil},
		{"a draft without a date happens today", kin("PM-9", "0001-01-01", edge, platform, certKind), []string{"ACT-1", "ACT-4"}},
	}
	today, _ := ParseDate("2026-01-15")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.later.Summary.ID == "PM-9" {
				tt.later.Summary.Date = Date{}
			}
			var got []string
			for _, r := range Recurrences(tt.later, []*Kin{first}, nil, today) {
				if r.Earlier.ID != "PM-1" || r.Later.ID != tt.later.Summary.ID {
					t.Errorf("recurrence %+v runs the wrong way", r)
				}
				got = append(got, r.Fix.ID)
			}
			if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] || len(got) > 1 && got[1] != tt.want[1] {
				t.Errorf("fixes that did not hold = %v, want %v", got, tt.want)
			}
		})
	}
	// Seen from the earlier incident, the same recurrence.
	second := kin("PM-2", "2025-09-01", edge, platform, certKind)
	if rs := Recurrences(first, []*Kin{second}, nil, today); len(rs) != 1 || rs[0].Later.ID != "PM-2" {
		t.Errorf("from the earlier incident: %+v", rs)
	}
	// A recorded done date wins over the due date.
	dates := func(id string) (Date, bool) {
		if id == "ACT-1" {
			d, _ := ParseDate("2025-10-01")
			return d, true
		}
		return Date{}, false
	}
	if rs := Recurrences(second, []*Kin{first}, dates, today); len(rs) != 0 {
		t.Errorf("a fix recorded done after the second incident counted: %+v", rs)
	}
}

func TestBuildFamily(t *testing.T) {
	edge, platform := []string{"edge-lb"}, []string{"platform"}
	shared := item("ACT-1", "platform", KindPrevent, ActionDone, "2025-04-01")
	a := kin("PM-1", "2025-03-01", edge, platform, certKind, shared, item("ACT-5", "platform", KindPrevent, ActionOpen, "2025-05-01"))
	b := kin("PM-2", "2025-09-01", edge, platform, certKind, shared)
	c := kin("PM-3", "2026-01-01", edge, platform, certKind, item("ACT-6", "platform", KindPrevent, ActionDone, "2025-10-01"))
	today, _ := ParseDate("2026-02-01")
	f := BuildFamily(IncidentKind{ID: "cert-expiry", Name: "Certificate expiry"}, []*Kin{c, a, b}, nil, today)
	if len(f.Incidents) != 3 || f.Incidents[0].ID != "PM-1" || f.Incidents[2].ID != "PM-3" {
		t.Fatalf("incidents not oldest first: %+v", f.Incidents)
	}
	if fb := f.Incidents[1].FixedBefore; len(fb) != 1 || fb[0].ID != "ACT-1" {
		t.Errorf("fixed before PM-2 = %+v", fb)
	}
	// ACT-1 did not hold for PM-2 or PM-3; listed by PM-1 and PM-2, it is
	// named once per later incident, with the first incident it was made for.
	var got []string
	for _, r := range f.Recurrences {
		got = append(got, r.Later.ID+"<"+r.Fix.ID+"@"+r.Earlier.ID)
	}
	if want := []string{"PM-2<ACT-1@PM-1", "PM-3<ACT-1@PM-1"}; !slices.Equal(got, want) {
		t.Errorf("recurrences = %v, want %v", got, want)
	}
	if len(f.Open) != 1 || f.Open[0].ID != "ACT-5" {
		t.Errorf("open items = %+v", f.Open)
	}
	if ids := f.RecurredIDs(); len(ids) != 2 {
		t.Errorf("recurred ids = %v", ids)
	}
}

func TestFamilyKinds(t *testing.T) {
	ks := []KindMatch{{ID: "a", Score: 0.5}, {ID: "b", Score: 0.35}, {ID: "c", Score: 0.15}}
	if got := FamilyKinds(ks); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("FamilyKinds = %v", got)
	}
	if got := FamilyKinds([]KindMatch{{ID: "weak", Score: 0.2}}); len(got) != 1 {
		t.Errorf("the strongest kind always counts: %v", got)
	}
}

func TestFixNamedOnItsFirstRecurrences(t *testing.T) {
	edge, platform := []string{"edge-lb"}, []string{"platform"}
	fix := item("ACT-1", "platform", KindPrevent, ActionDone, "2025-02-01")
	all := []*Kin{kin("PM-1", "2025-01-01", edge, platform, certKind, fix)}
	for m := 2; m <= 6; m++ {
		all = append(all, kin(fmt.Sprintf("PM-%d", m), fmt.Sprintf("2025-0%d-01", m+1), edge, platform, certKind))
	}
	today, _ := ParseDate("2026-01-01")
	f := BuildFamily(IncidentKind{ID: "cert-expiry", Name: "Certificate expiry"}, all, nil, today)
	if ids := f.RecurredIDs(); !slices.Equal(ids, []string{"PM-2", "PM-3", "PM-4"}) {
		t.Errorf("ACT-1 is named on %v, want the first %d incidents after it was done", ids, FixRecurrences)
	}
	if rs := Recurrences(all[5], all, nil, today); len(rs) != 0 {
		t.Errorf("the fifth incident after ACT-1 still names it: %v", rs)
	}
}
