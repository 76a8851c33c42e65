package web

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/chart"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/report"
)

// insightsView is the dashboards: incident load and reactive mode, on-call
// health, recurring kinds and process health, over one period.
type insightsView struct {
	Base
	Period   insight.Period
	Computed time.Time
	Rule     string
	// Stretches are the teams in reactive mode at some time in the period.
	Stretches []teamStretches
	Teams     []loadRow
	// LoadCharts are the load and paging charts of the teams in Stretches.
	LoadCharts []template.HTML
	OnCall     []oncallRow
	Noisiest   []noisyAlert
	Flapping   []flappingAlert
	// PagingCharts are the charts of the team paged most: its noisiest
	// alerts, and its pages per week unless the load section shows them.
	PagingCharts []template.HTML
	Kinds        []debrief.KindTrend
	OnceKinds    int
	KindsChart   template.HTML
	Process      debrief.Process
	Language     template.HTML
}

// teamStretches is a team's stretches in reactive mode.
type teamStretches struct {
	Team      string
	Now       bool
	Stretches []debrief.Stretch
}

// loadRow sums up one team's load over the period.
type loadRow struct {
	Team                      string
	Incidents, CustomerFacing int
	ReactiveWeeks             int
	Now                       bool
	Pages                     int
}

// oncallRow sums up one team's on-call health over the period.
type oncallRow struct {
	Team   string
	Health oncall.Health
	Trend  []oncall.Change
	// Share and Hours are the non-actionable share and the hours
	// responding, written for the page.
	Share, Hours string
}

type noisyAlert struct {
	Team string
	oncall.AlertCount
}

type flappingAlert struct {
	Team string
	oncall.Flap
}

func (s *Server) insightsPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Insights == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this server computes no insights"))
		return
	}
	ctx := r.Context()
	a, err := s.cfg.Insights.Read(ctx, userFrom(ctx).Viewer())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	p, err := period(r, a)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := insightsView{Base: s.pages.base(r, "Insights"), Period: p, Computed: a.Computed, Rule: a.Rule().String()}
	v.Nav, v.JSON = "insights", "/api/v1/insights/load"
	loads, weeks, err := a.Load(ctx, p)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	shown := map[string]bool{} // teams whose paging chart is in the load section
	for _, tl := range loads {
		row := loadRow{Team: tl.Team, Now: tl.Reactive}
		for _, wk := range tl.Weeks {
			row.Incidents += wk.All
			row.CustomerFacing += wk.CustomerFacing
			row.Pages += max(wk.Pages, 0)
			if wk.Reactive {
				row.ReactiveWeeks++
			}
		}
		v.Teams = append(v.Teams, row)
		if len(tl.Stretches) > 0 {
			v.Stretches = append(v.Stretches, teamStretches{tl.Team, tl.Reactive, tl.Stretches})
			v.LoadCharts = append(v.LoadCharts, report.LoadChart(tl, a.Rule(), a.Computed).HTML())
			if len(weeks[tl.Team]) > 0 {
				v.LoadCharts = append(v.LoadCharts, report.PagingChart(tl.Team, weeks[tl.Team], a.Options(tl.Team), a.Computed).HTML())
				shown[tl.Team] = true
			}
		}
	}
	teams, err := a.OnCall(ctx, p, "")
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	busiest := ""
	most := 0
	for _, t := range teams {
		h := t.Trend.Current
		v.OnCall = append(v.OnCall, oncallRow{Team: t.Team, Health: h, Trend: t.Trend.Changes,
			Share: fmt.Sprintf("%.0f %%", 100*h.NonActionable.Share), Hours: fmt.Sprintf("%.1f", h.ResponseHours)})
		for _, n := range h.Noisiest {
			v.Noisiest = append(v.Noisiest, noisyAlert{t.Team, n})
		}
		for _, f := range h.Flapping {
			v.Flapping = append(v.Flapping, flappingAlert{t.Team, f})
		}
		if h.Pages > most {
			busiest, most = t.Team, h.Pages
		}
	}
	slices.SortStableFunc(v.Noisiest, func(x, y noisyAlert) int { return y.Pages - x.Pages })
	v.Noisiest = v.Noisiest[:min(len(v.Noisiest), 10)]
	slices.SortStableFunc(v.Flapping, func(x, y flappingAlert) int { return y.Refires - x.Refires })
	if busiest != "" {
		if !shown[busiest] {
			v.PagingCharts = append(v.PagingCharts, report.PagingChart(busiest, weeks[busiest], a.Options(busiest), a.Computed).HTML())
		}
		for _, t := range teams {
			if t.Team == busiest {
				v.PagingCharts = append(v.PagingCharts, report.NoisiestChart(busiest, t.Trend.Current, a.Computed).HTML())
			}
		}
	}
	for _, k := range a.Kinds(p) {
		if k.Recurring {
			v.Kinds = append(v.Kinds, k)
		} else {
			v.OnceKinds++
		}
	}
	if len(v.Kinds) > 0 {
		v.KindsChart = kindsChart(v.Kinds, p, a.Computed).HTML()
	}
	v.Process = a.Process(p)
	if len(v.Process.Language) > 0 {
		v.Language = report.LanguageChart(v.Process, a.Computed).HTML()
	}
	s.pages.render(w, r, http.StatusOK, "insights", v)
}

// kindsChart draws the kinds that came back: their incidents, and the
// fixes made between them that did not hold.
func kindsChart(kinds []debrief.KindTrend, p insight.Period, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "kinds", Title: "Kinds of incident that came back", YLabel: "incidents",
		Counted:  "Incidents per kind of incident with at least two in the period, and fixes done that did not hold",
		Window:   fmt.Sprintf("%s to %s", p.From(), p.To()),
		Computed: computed,
	}
	inc, failed := chart.Series{Name: "incidents"}, chart.Series{Name: "fixes that did not hold", Line: true}
	for _, k := range kinds {
		c.Labels = append(c.Labels, k.Kind)
		inc.Values = append(inc.Values, float64(k.Incidents))
		failed.Values = append(failed.Values, float64(k.FixesFailed))
	}
	c.Series = []chart.Series{inc, failed}
	return c
}
