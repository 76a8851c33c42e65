package metrics

import (
	"context"
	"maps"
	"slices"

	"github.com/prometheus/client_golang/prometheus"
)

// collector turns a snapshot into gauges at every scrape, so no gauge
// outlives the figure it shows.
type collector struct {
	src Source
	up  *prometheus.Desc

	postmortems, incidents, customerFacing, reactive *prometheus.Desc
	pages, sleep, nonActionable, overLimit           *prometheus.Desc
	kindIncidents, kindRecurrences, actionItems      *prometheus.Desc
}

func newCollector(src Source) *collector {
	d := func(name, help string, labels ...string) *prometheus.Desc {
		return prometheus.NewDesc(name, help, labels, nil)
	}
	return &collector{
		src:             src,
		up:              d("debrief_insights_up", "1 when the last computation of the insights succeeded, 0 when it failed."),
		postmortems:     d("debrief_postmortems", "Postmortems in the archive, by team, severity and status.", "team", "severity", "status"),
		incidents:       d("debrief_incidents_recent", "Incidents in the last four ISO weeks, by team and severity.", "team", "severity"),
		customerFacing:  d("debrief_customer_facing_incidents_recent", "Customer-facing incidents in the last four ISO weeks, by team and severity.", "team", "severity"),
		reactive:        d("debrief_team_reactive", "1 when the team is in reactive mode (docs/insights.md), 0 otherwise.", "team"),
		pages:           d("debrief_pages_recent", "Pages in the last seven days, by team.", "team"),
		sleep:           d("debrief_sleep_pages_recent", "Pages in sleep hours (23–08, the team's time zone) in the last seven days, by team.", "team"),
		nonActionable:   d("debrief_non_actionable_pages_recent", "Pages in the last seven days that needed nobody, by team.", "team"),
		overLimit:       d("debrief_shifts_over_limit_recent", "12-hour shifts in the last seven days with more than two pages, by team.", "team"),
		kindIncidents:   d("debrief_kind_incidents", "Incidents of each kind in the archive.", "kind"),
		kindRecurrences: d("debrief_kind_recurrences", "Incidents of each kind that came back after a fix was done.", "kind"),
		actionItems:     d("debrief_action_items", "Action items by owner team and status.", "team", "status"),
	}
}

func (c *collector) descs() []*prometheus.Desc {
	return []*prometheus.Desc{c.up, c.postmortems, c.incidents, c.customerFacing, c.reactive, c.pages, c.sleep,
		c.nonActionable, c.overLimit, c.kindIncidents, c.kindRecurrences, c.actionItems}
}

// Describe sends every metric's description.
func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs() {
		ch <- d
	}
}

// Collect computes a snapshot and sends its gauges; when the computation
// fails, only debrief_insights_up, at 0.
func (c *collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), ScrapeTimeout)
	defer cancel()
	s, err := c.src(ctx)
	if err != nil || s == nil {
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1)
	gauge := func(d *prometheus.Desc, v int, labels ...string) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(v), labels...)
	}
	for _, p := range sum(s.Postmortems) {
		gauge(c.postmortems, p.N, p.Team, p.Severity, p.Status)
	}
	for _, p := range sum(s.Incidents) {
		gauge(c.incidents, p.N, p.Team, p.Severity)
	}
	for _, p := range sum(s.CustomerFacing) {
		gauge(c.customerFacing, p.N, p.Team, p.Severity)
	}
	for _, team := range slices.Sorted(maps.Keys(s.Reactive)) {
		v := 0
		if s.Reactive[team] {
			v = 1
		}
		gauge(c.reactive, v, team)
	}
	for _, team := range slices.Sorted(maps.Keys(s.Paging)) {
		p := s.Paging[team]
		gauge(c.pages, p.Pages, team)
		gauge(c.sleep, p.Sleep, team)
		gauge(c.nonActionable, p.NonActionable, team)
		gauge(c.overLimit, p.ShiftsOverLimit, team)
	}
	for _, kind := range slices.Sorted(maps.Keys(s.KindIncidents)) {
		gauge(c.kindIncidents, s.KindIncidents[kind], kind)
	}
	for _, kind := range slices.Sorted(maps.Keys(s.KindRecurrences)) {
		gauge(c.kindRecurrences, s.KindRecurrences[kind], kind)
	}
	for _, a := range sum(s.ActionItems) {
		gauge(c.actionItems, a.N, a.Team, a.Status)
	}
}

// sum adds up counts with the same labels (a metric may not repeat a
// label set), in a stable order.
func sum(cs []Count) []Count {
	type key struct{ team, sev, status string }
	byKey := map[key]int{}
	var order []key
	for _, c := range cs {
		k := key{c.Team, c.Severity, c.Status}
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] += c.N
	}
	out := make([]Count, len(order))
	for i, k := range order {
		out[i] = Count{k.team, k.sev, k.status, byKey[k]}
	}
	return out
}
