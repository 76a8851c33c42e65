package debrief

import (
	"slices"
	"strings"
	"testing"
)

func TestFollowThroughFigures(t *testing.T) {
	today := day("2026-04-10")
	w := Window{From: day("2026-01-01"), To: day("2026-03-31")}
	pm := kin("PM-1", "2025-12-20", nil, []string{"payments"}, certKind)
	mk := func(id string, kind ActionKind, status ActionStatus, due, opened, done string) *ArchiveAction {
		a := &ArchiveAction{Item: item(id, "payments", kind, status, due), Incidents: []*Kin{pm}}
		if opened != "" {
			a.Opened = day(opened)
		}
		if done != "" {
			a.DoneOn = day(done)
		}
		return a
	}
	actions := []*ArchiveAction{
		mk("ACT-1", KindPrevent, ActionDone, "2026-01-15", "2026-01-01", "2026-01-11"), // on time, 10 days
		mk("ACT-2", KindPrevent, ActionDone, "2026-02-01", "2026-01-01", "2026-02-21"), // late, 51 days
		mk("ACT-3", KindDetect, ActionDone, "2026-03-01", "", ""),                      // arrived done: no date
		mk("ACT-4", KindDetect, ActionWontDo, "2026-03-10", "", ""),                    // dropped
		mk("ACT-5", "", ActionOpen, "2026-03-20", "", ""),                              // overdue 21 days
		mk("ACT-6", "", ActionInProgress, "2026-05-01", "", ""),                        // not due yet
		mk("ACT-7", KindPrevent, ActionOpen, "2025-12-01", "", ""),                     // overdue 130 days, before the window
	}
	other := &ArchiveAction{Item: item("ACT-8", "platform", KindPrevent, ActionDone, "2026-02-10"), DoneOn: day("2026-02-10"),
		Incidents: []*Kin{kin("PM-2", "2026-02-01", nil, []string{"platform"}, nil)}}
	rows := FollowThroughFigures(append(actions, other), ByTeam, w, today)
	if len(rows) != 3 || rows[0].Group != "all" || rows[1].Group != "payments" || rows[2].Group != "platform" {
		t.Fatalf("groups %+v", rows)
	}
	p := rows[1]
	want := []struct{ name, text string }{
		// Due in the window: ACT-1 to ACT-5; ACT-4 dropped; 3 of 4 done.
		{"completion rate", "75%"},
		// Days to done: 10 and 51; nearest rank: median the 1st, p90 the 2nd.
		{"median time to done", "10 days"},
		{"p90 time to done", "51 days"},
		// Of ACT-1, ACT-2 and ACT-5 (ACT-3 has no done date), ACT-1 was on time.
		{"done by the due date", "33%"},
		// ACT-5 (21 days past due) and ACT-7 (130 days).
		{"overdue", "2"},
		{"median days overdue", "21 days"},
		{"most days overdue", "130 days"},
	}
	for i, f := range p.Figures() {
		if f.Name != want[i].name || f.Text != want[i].text || !f.OK {
			t.Errorf("figure %d = %s %q (ok %v), want %s %q", i, f.Name, f.Text, f.OK, want[i].name, want[i].text)
		}
		if f.How == "" {
			t.Errorf("%s says nothing of how it is computed", f.Name)
		}
	}
	if p.Due != 5 {
		t.Errorf("due in the window = %d, want 5", p.Due)
	}
	for _, s := range []string{"items due from 2026-01-01 to 2026-03-31", "3 of 4 (1 dropped)"} {
		if !strings.Contains(p.Completion.How, s) {
			t.Errorf("completion says %q, want it to mention %q", p.Completion.How, s)
		}
	}
	if !strings.Contains(p.OnTime.How, "1 of 3 (1 dropped, 1 undated)") || !strings.Contains(p.MedianDaysToDone.How, "over the 2 done") {
		t.Errorf("descriptions: %q; %q", p.OnTime.How, p.MedianDaysToDone.How)
	}
	// The platform team has nothing overdue and nothing with an opening
	// date it can measure from: no incident date, no record.
	pl := rows[2]
	if pl.Completion.Text != "100%" || pl.OnTime.Text != "100%" || pl.Overdue.Text != "0" || pl.OverdueOldest.OK || pl.OverdueOldest.Text != "–" {
		t.Errorf("platform: %+v", pl)
	}
	if pl.MedianDaysToDone.Text != "9 days" {
		t.Errorf("platform time to done = %s, want 9 days from its incident", pl.MedianDaysToDone.Text)
	}
	if all := rows[0]; all.Due != 6 || all.Completion.Text != "80%" {
		t.Errorf("all: due %d, completion %s; want 6 and 4 of 5", all.Due, all.Completion.Text)
	}

	byKind := FollowThroughFigures(actions, ByKind, w, today)
	var kinds []string
	for _, r := range byKind {
		kinds = append(kinds, r.Group)
	}
	if !slices.Equal(kinds, []string{"all", NoGroup, "detect", "prevent"}) {
		t.Errorf("kinds %v", kinds)
	}
	byFamily := FollowThroughFigures(actions, ByFamily, w, today)
	if len(byFamily) != 2 || byFamily[1].Group != "cert-expiry" || byFamily[1].Due != 5 {
		t.Errorf("families %+v", byFamily)
	}
	empty := FollowThroughFigures(nil, ByTeam, w, today)
	if len(empty) != 1 || empty[0].Completion.OK || empty[0].Completion.Text != "–" {
		t.Errorf("no items: %+v", empty)
	}
}

func TestLastDays(t *testing.T) {
	w := LastDays(day("2026-03-10"), 90)
	if w.From != day("2025-12-11") || w.To != day("2026-03-10") || !w.Contains(day("2025-12-11")) || w.Contains(day("2025-12-10")) || w.Contains(day("2026-03-11")) {
		t.Errorf("LastDays = %s", w)
	}
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		xs   []float64
		p    float64
		want float64
	}{
		{[]float64{7}, 0.5, 7},
		{[]float64{1, 2, 3, 4}, 0.5, 2},
		{[]float64{5, 1, 4, 2, 3}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 0.9, 10},
		{[]float64{3, 1, 2}, 1, 3},
	}
	for _, tt := range tests {
		if got := percentile(tt.xs, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %g) = %g, want %g", tt.xs, tt.p, got, tt.want)
		}
	}
}
