package web

import (
	"html/template"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/report"
)

// Sample data of the insights' pages for TestEveryPageRenders.

var sampleWeek = debrief.ISOWeek{Year: 2026, Week: 10}

func sampleStretch() debrief.Stretch {
	return debrief.Stretch{First: sampleWeek.Add(-2), Last: sampleWeek, Incidents: 4, Pages: 90}
}

func sampleHealth() oncall.Health {
	return oncall.Health{Pages: 52, Bands: oncall.BandCounts{Business: 24, OffHours: 11, Sleep: 17},
		Shifts:        oncall.ShiftLoad{Shifts: 14, OverLimit: 9, Limit: 2, Max: 7},
		NonActionable: oncall.NonActionableCount{Pages: 30, Share: 0.58},
		Noisiest:      []oncall.AlertCount{{Alert: "DispatchQueueLagHigh", Service: "dispatch", Pages: 52, Sleep: 17, NonActionable: 30}},
		Flapping:      []oncall.Flap{{Alert: "DispatchQueueLagHigh", Refires: 12, Worst: 5}}}
}

func sampleKind() debrief.KindTrend {
	return debrief.KindTrend{Kind: "noisy-alert", Name: "Noisy alert", Incidents: 3, Recurring: true,
		Teams: []debrief.TeamCount{{Team: "logistics", Incidents: 3}}, FixesDone: 2, FixesFailed: 2, Open: 1,
		Gaps: debrief.Spread{Count: 2, Median: 45 * 24 * time.Hour}}
}

func sampleInsightsView(b Base) insightsView {
	b.Reactive = []insight.Reactive{{Team: "logistics", Now: true, Then: true, Week: sampleWeek}, {Team: "platform", Then: true, Week: sampleWeek}}
	h := sampleHealth()
	week := debrief.WeekLoad{Week: sampleWeek, All: 3, CustomerFacing: 2, Pages: 52, Reactive: true}
	tl := debrief.TeamLoad{Team: "logistics", Weeks: []debrief.WeekLoad{week}, Stretches: []debrief.Stretch{sampleStretch()}, Reactive: true}
	computed := time.Date(2026, 3, 9, 8, 0, 0, 0, time.UTC)
	p := debrief.Process{Postmortems: 5, Published: 3, TimeToPublish: debrief.Spread{Count: 3, Median: 9 * 24 * time.Hour, P90: 16 * 24 * time.Hour},
		PastReview: []*debrief.Ref{{ID: "PM-2026-013", Title: "Held orders"}}, PastReviewHidden: 1, SystemFocusFilled: 8, SystemFocusAsked: 9,
		Language: []debrief.LanguageMonth{{Month: "2026-03", Postmortems: 2, Blame: 3}}}
	return insightsView{Base: b, Period: insight.Period{First: sampleWeek.Add(-3), Last: sampleWeek}, Computed: computed, Rule: debrief.DefaultReactiveRule.String(),
		Stretches:  []teamStretches{{Team: "logistics", Now: true, Stretches: []debrief.Stretch{sampleStretch()}}},
		Teams:      []loadRow{{Team: "logistics", Incidents: 3, CustomerFacing: 2, ReactiveWeeks: 1, Now: true, Pages: 52}},
		LoadCharts: []template.HTML{report.LoadChart(tl, debrief.DefaultReactiveRule, computed).HTML()},
		OnCall:     []oncallRow{{Team: "logistics", Health: h, Trend: []oncall.Change{{Figure: "pages", Now: 52, Before: 25}}, Share: "58 %", Hours: "12.5"}},
		Noisiest:   []noisyAlert{{"logistics", h.Noisiest[0]}}, Flapping: []flappingAlert{{"logistics", h.Flapping[0]}},
		PagingCharts: nil, Kinds: []debrief.KindTrend{sampleKind()}, OnceKinds: 2, Process: p,
		Language: report.LanguageChart(p, computed).HTML(),
	}
}

func sampleTeamView(b Base) teamView {
	h := sampleHealth()
	tr := report.TeamOnCall{Team: "logistics", Trend: oncall.Trend{Current: h, Changes: []oncall.Change{{Figure: "pages", Now: 52, Before: 25}}}}
	t := &insight.Team{Team: "logistics",
		Load:   debrief.TeamLoad{Team: "logistics", Stretches: []debrief.Stretch{sampleStretch()}},
		OnCall: &tr,
		Open: []insight.OpenItem{{Item: debrief.ActionItem{ID: "ACT-154", Title: "Page on lag per zone", OwnerTeam: "logistics", Status: debrief.ActionOpen,
			Due: debrief.Date{Year: 2026, Month: 3, Day: 1}}, From: []*debrief.Ref{{ID: "PM-2026-005", Title: "t"}}, Hidden: 1, Overdue: true}},
		Kinds: []debrief.KindTrend{sampleKind()}}
	return teamView{Base: b, Period: insight.Period{First: sampleWeek, Last: sampleWeek}, Rule: "r", T: t, Today: debrief.Date{Year: 2026, Month: 3, Day: 9}}
}
