package insight

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/report"
)

// Rule is the reactive rule of the settings.
func (a *Archive) Rule() debrief.ReactiveRule { return a.src.Settings.ReactiveRule() }

// Options returns the rules of on-call health for a team.
func (a *Archive) Options(team string) oncall.Options { return a.src.Settings.OnCall(team) }

// Facts returns the load facts of every postmortem of the snapshot.
func (a *Archive) Facts() []debrief.IncidentFact {
	return slices.Clone(a.facts())
}

// facts returns the load facts of the snapshot, computed once: every
// figure of load starts from them.
func (a *Archive) facts() []debrief.IncidentFact {
	a.factsOnce.Do(func() {
		a.factsMemo = make([]debrief.IncidentFact, len(a.items))
		for i, p := range a.items {
			a.factsMemo[i] = debrief.FactOf(p.kin.Summary)
		}
	})
	return a.factsMemo
}

// Load computes the incident load per team over the period, with each
// team's paging per week (the weeks of the period, in its time zone) for
// the reactive rule and the charts.
func (a *Archive) Load(ctx context.Context, p Period) ([]debrief.TeamLoad, map[string][]oncall.Week, error) {
	rule := a.Rule()
	lead := max(debrief.RollingWeeks, rule.Window) - 1
	start := Period{p.First.Add(-lead), p.Last}
	from, to := start.Bounds(time.UTC)
	pages, err := a.pagesAround(ctx, "", from, to)
	if err != nil {
		return nil, nil, err
	}
	pagerWeeks := map[string][]debrief.PagerWeek{}
	weeks := map[string][]oncall.Week{}
	for team, ps := range byTeam(pages) {
		ws := oncall.Weekly(ps, start.First, start.Last, a.Options(team))
		pagerWeeks[team] = oncall.PagerWeeks(ws)
		weeks[team] = ws[lead:]
	}
	return debrief.Load(a.facts(), pagerWeeks, p.First, p.Last, rule), weeks, nil
}

// OnCall computes each team's on-call health over the period (in its time
// zone) beside the period of the same length before it; team "" is every
// team with pages in either.
func (a *Archive) OnCall(ctx context.Context, p Period, team string) ([]report.TeamOnCall, error) {
	team = strings.ToLower(strings.TrimSpace(team))
	from, to := p.Bounds(time.UTC)
	pages, err := a.pagesAround(ctx, team, from.Add(-to.Sub(from)), to)
	if err != nil {
		return nil, err
	}
	teams := byTeam(pages)
	var out []report.TeamOnCall
	for _, t := range slices.Sorted(maps.Keys(teams)) {
		o := a.Options(t)
		f, e := p.Bounds(o.Location)
		tr := oncall.Compare(teams[t], f, e, o)
		if tr.Current.Pages+tr.Previous.Pages == 0 {
			continue
		}
		out = append(out, report.TeamOnCall{Team: t, Trend: tr})
	}
	return out, nil
}

// Shifts returns a team's shifts over the period, for the shifts chart.
func (a *Archive) Shifts(ctx context.Context, p Period, team string) ([]oncall.Shift, error) {
	o := a.Options(team)
	from, to := p.Bounds(o.Location)
	pages, err := a.pagesAround(ctx, team, from, to)
	if err != nil {
		return nil, err
	}
	return oncall.Shifts(pages, from, to, o), nil
}

// Kinds computes the recurring kinds of the incidents of the period.
func (a *Archive) Kinds(p Period) []debrief.KindTrend {
	kin := make([]*debrief.Kin, len(a.items))
	for i, it := range a.items {
		kin[i] = it.kin
	}
	return debrief.RecurringKinds(debrief.GroupKin(kin, a.src.kinds()), nil, p.From(), p.To(), a.Today())
}

// Process computes the health of the postmortem process for the incidents
// of the period; the language figures cover every month of the snapshot.
func (a *Archive) Process(p Period) debrief.Process {
	facts := make([]debrief.ProcessFact, len(a.items))
	var lang []debrief.LanguageFact
	for i, it := range a.items {
		facts[i] = debrief.ProcessFactOf(it.p, debrief.Date{})
		facts[i].SystemFocusFilled, facts[i].SystemFocusAsked = it.focusFilled, it.focusAsked
		if a.src.Language != nil {
			lang = append(lang, debrief.LanguageFact{Date: it.p.IncidentDate(), Blame: it.blame, RootCause: it.rootCause})
		}
	}
	return debrief.ProcessHealth(facts, lang, p.From(), p.To(), a.Today())
}

// LoadReport is the load report of the period.
func (a *Archive) LoadReport(ctx context.Context, p Period) (*report.Load, error) {
	teams, _, err := a.Load(ctx, p)
	if err != nil {
		return nil, err
	}
	return report.NewLoad(teams, p.First, p.Last, a.Rule(), a.Computed), nil
}

// OnCallReport is the on-call report of the period.
func (a *Archive) OnCallReport(ctx context.Context, p Period, team string) (*report.OnCall, error) {
	teams, err := a.OnCall(ctx, p, team)
	if err != nil {
		return nil, err
	}
	return &report.OnCall{Computed: a.Computed, Teams: teams}, nil
}

// KindsReport is the recurring kinds report of the period.
func (a *Archive) KindsReport(p Period) *report.Kinds {
	return report.NewKinds(a.Kinds(p), p.From(), p.To(), a.Computed)
}

// ProcessReport is the process report of the period.
func (a *Archive) ProcessReport(p Period) *report.Process {
	return report.NewProcess(a.Process(p), a.Computed)
}
