// Package metrics serves the insights as Prometheus metrics, on a registry
// of their own (never the global one), for /metrics. Labels are only team,
// severity, status and kind: never a person, a postmortem's id or anything
// with as many values as there are incidents, so that a metric neither
// names anyone nor grows without bound.
//
// The figures come from a Snapshot the caller computes from the archive
// and the paging data (debrief.Load, oncall.Compute and the like) and the
// collector reads at every scrape; the counters count what happens between
// scrapes, such as the pages the Alertmanager webhook receives.
package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// AllowedLabels are the only label names a debrief metric has.
var AllowedLabels = []string{"team", "severity", "status", "kind"}

// Snapshot is the archive's figures at one moment.
type Snapshot struct {
	// Postmortems counts postmortems by team, severity and status.
	Postmortems []Count
	// Incidents and CustomerFacing count the incidents of the last four
	// ISO weeks by team and severity.
	Incidents      []Count
	CustomerFacing []Count
	// Reactive lists the teams and whether each is in reactive mode now.
	Reactive map[string]bool
	// Paging is each team's paging over the last seven days.
	Paging map[string]Paging
	// KindIncidents and KindRecurrences count incidents and recurrences
	// (a fix done, and the incident came back) by kind.
	KindIncidents   map[string]int
	KindRecurrences map[string]int
	// ActionItems counts action items by owner team and status.
	ActionItems []Count
}

// Count is a number with its labels; labels that do not apply are "".
type Count struct {
	Team, Severity, Status string
	N                      int
}

// Paging is one team's paging figures.
type Paging struct {
	Pages, Sleep, NonActionable, ShiftsOverLimit int
}

// Source computes a snapshot; the collector calls it at every scrape,
// with a deadline.
type Source func(ctx context.Context) (*Snapshot, error)

// ScrapeTimeout bounds one computation of the snapshot.
const ScrapeTimeout = 10 * time.Second

// Metrics holds the counters the app increments.
type Metrics struct {
	pagesReceived *prometheus.CounterVec
}

// Register registers debrief's collector and counters on reg.
func Register(reg *prometheus.Registry, src Source) (*Metrics, error) {
	m := &Metrics{pagesReceived: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "debrief_pages_received_total",
		Help: "Pages received from Alertmanager's webhook, by team.",
	}, []string{"team"})}
	for _, c := range []prometheus.Collector{m.pagesReceived, newCollector(src)} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// PagesReceived counts n pages received for team.
func (m *Metrics) PagesReceived(team string, n int) {
	m.pagesReceived.WithLabelValues(team).Add(float64(n))
}
