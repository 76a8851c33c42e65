package report

import (
	"fmt"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/chart"
	"github.com/debrief/debrief/oncall"
)

// The dashboards' charts, from the same figures as the reports, each with
// the threshold its figure is held against.

// LoadChart draws a team's incidents per week: customer-facing and other
// incidents stacked, the 4-week average of the customer-facing ones, and
// the reactive rule's incidents a week.
func LoadChart(t debrief.TeamLoad, rule debrief.ReactiveRule, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "load-" + t.Team, Title: t.Team + ": incidents per week", YLabel: "incidents",
		Counted:  "Incidents per ISO week, customer-facing and other, with the 4-week average of customer-facing ones",
		Computed: computed,
	}
	cf, other, avg := chart.Series{Name: "customer-facing"}, chart.Series{Name: "other"}, chart.Series{Name: "4-week average, customer-facing", Line: true}
	for _, w := range t.Weeks {
		c.Labels = append(c.Labels, weekLabel(w.Week))
		cf.Values = append(cf.Values, float64(w.CustomerFacing))
		other.Values = append(other.Values, float64(w.All-w.CustomerFacing))
		avg.Values = append(avg.Values, w.AvgCustomerFacing)
	}
	c.Series = []chart.Series{cf, other, avg}
	c.Window = window(t.Weeks)
	c.Thresholds = []chart.Threshold{{Value: float64(rule.MinIncidents), Label: fmt.Sprintf("reactive: %d customer-facing a week", rule.MinIncidents)}}
	return c
}

// PagingChart draws a team's pages per week by hour band, against the
// SRE book's two pages per 12-hour shift (28 a week).
func PagingChart(team string, weeks []oncall.Week, o oncall.Options, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "pages-" + team, Title: team + ": pages per week by hour band", YLabel: "pages",
		Counted:  fmt.Sprintf("Pages per ISO week in %s: business hours 08–19, off-hours 19–23, sleep hours 23–08", zoneName(o)),
		Computed: computed,
	}
	var bands [3]chart.Series
	for i, b := range oncall.Bands {
		bands[i].Name = b.String()
	}
	for _, w := range weeks {
		c.Labels = append(c.Labels, weekLabel(w.Week))
		for i, b := range oncall.Bands {
			bands[i].Values = append(bands[i].Values, float64(w.Bands.Of(b)))
		}
	}
	if len(weeks) > 0 {
		c.Window = weeks[0].Week.String() + " to " + weeks[len(weeks)-1].Week.String()
	}
	c.Series = bands[:]
	limit := o.PagesPerShift * debrief.ShiftsPerWeek
	c.Thresholds = []chart.Threshold{{Value: float64(limit), Label: fmt.Sprintf("%d pages per 12-hour shift (%d a week)", o.PagesPerShift, limit)}}
	return c
}

// ShiftsChart draws the pages of each shift, against the limit of two.
func ShiftsChart(team string, shifts []oncall.Shift, o oncall.Options, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "shifts-" + team, Title: team + ": pages per 12-hour shift", YLabel: "pages",
		Counted:  fmt.Sprintf("Pages per on-call shift (08–20 and 20–08 in %s)", zoneName(o)),
		Computed: computed,
	}
	day, night := chart.Series{Name: "day shift"}, chart.Series{Name: "night shift"}
	for _, s := range shifts {
		local := s.Start.In(zone(o))
		label := local.Format("Mon 2 Jan")
		if s.Night {
			label += " night"
		}
		c.Labels = append(c.Labels, label)
		d, n := float64(s.Pages), 0.0
		if s.Night {
			d, n = 0, float64(s.Pages)
		}
		day.Values, night.Values = append(day.Values, d), append(night.Values, n)
	}
	if len(shifts) > 0 {
		c.Window = shifts[0].Start.In(zone(o)).Format("2006-01-02 15:04") + " to " + shifts[len(shifts)-1].End.In(zone(o)).Format("2006-01-02 15:04")
	}
	c.Series = []chart.Series{day, night}
	c.Thresholds = []chart.Threshold{{Value: float64(o.PagesPerShift), Label: fmt.Sprintf("limit: %d pages a shift (SRE book)", o.PagesPerShift)}}
	return c
}

// NoisiestChart draws the noisiest alerts' pages, those in sleep hours
// apart.
func NoisiestChart(team string, h oncall.Health, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "noisiest-" + team, Title: team + ": noisiest alerts", YLabel: "pages",
		Counted:  "Pages per alert, in sleep hours (23–08) and at other hours",
		Window:   h.From.Format("2006-01-02") + " to " + h.To.Format("2006-01-02"),
		Computed: computed,
	}
	sleep, other := chart.Series{Name: "sleep hours"}, chart.Series{Name: "other hours"}
	for _, a := range h.Noisiest {
		c.Labels = append(c.Labels, a.Alert)
		sleep.Values = append(sleep.Values, float64(a.Sleep))
		other.Values = append(other.Values, float64(a.Pages-a.Sleep))
	}
	c.Series = []chart.Series{sleep, other}
	return c
}

// LanguageChart draws the linter's blame and root-cause findings per
// month.
func LanguageChart(p debrief.Process, computed time.Time) *chart.Chart {
	c := &chart.Chart{
		ID: "language", Title: "Blame and root-cause findings per month", YLabel: "findings",
		Counted:  "The linter's blame and root-cause findings in the postmortems of each month's incidents",
		Computed: computed,
	}
	blame, root := chart.Series{Name: "blame", Line: true}, chart.Series{Name: "root cause", Line: true}
	for _, m := range p.Language {
		c.Labels = append(c.Labels, m.Month)
		blame.Values = append(blame.Values, float64(m.Blame))
		root.Values = append(root.Values, float64(m.RootCause))
	}
	if len(p.Language) > 0 {
		c.Window = p.Language[0].Month + " to " + p.Language[len(p.Language)-1].Month
	}
	c.Series = []chart.Series{blame, root}
	return c
}

func weekLabel(w debrief.ISOWeek) string { return fmt.Sprintf("W%02d", w.Week) }

func window(ws []debrief.WeekLoad) string {
	if len(ws) == 0 {
		return ""
	}
	return ws[0].Week.String() + " to " + ws[len(ws)-1].Week.String()
}

func zone(o oncall.Options) *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func zoneName(o oncall.Options) string { return zone(o).String() }
