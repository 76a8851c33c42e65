package metrics

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func snapshot() *Snapshot {
	return &Snapshot{
		Postmortems: []Count{
			{Team: "logistics", Severity: "SEV2", Status: "published", N: 7},
			{Team: "logistics", Severity: "SEV2", Status: "published", N: 1}, // added up
			{Team: "identity", Severity: "SEV1", Status: "draft", N: 1},      // a restricted one counts
		},
		Incidents:       []Count{{Team: "logistics", Severity: "SEV2", N: 5}},
		CustomerFacing:  []Count{{Team: "logistics", Severity: "SEV2", N: 4}},
		Reactive:        map[string]bool{"logistics": true, "payments": false},
		Paging:          map[string]Paging{"logistics": {Pages: 52, Sleep: 17, NonActionable: 40, ShiftsOverLimit: 11}},
		KindIncidents:   map[string]int{"noisy-alert": 4},
		KindRecurrences: map[string]int{"noisy-alert": 2},
		ActionItems:     []Count{{Team: "platform", Status: "open", N: 3}},
	}
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := Register(reg, func(context.Context) (*Snapshot, error) { return snapshot(), nil })
	if err != nil {
		t.Fatal(err)
	}
	m.PagesReceived("logistics", 2)
	m.PagesReceived("logistics", 1)
	want := `
# HELP debrief_pages_recent Pages in the last seven days, by team.
# TYPE debrief_pages_recent gauge
debrief_pages_recent{team="logistics"} 52
# HELP debrief_pages_received_total Pages received from Alertmanager's webhook, by team.
# TYPE debrief_pages_received_total counter
debrief_pages_received_total{team="logistics"} 3
# HELP debrief_postmortems Postmortems in the archive, by team, severity and status.
# TYPE debrief_postmortems gauge
debrief_postmortems{severity="SEV1",status="draft",team="identity"} 1
debrief_postmortems{severity="SEV2",status="published",team="logistics"} 8
# HELP debrief_team_reactive 1 when the team is in reactive mode (docs/insights.md), 0 otherwise.
# TYPE debrief_team_reactive gauge
debrief_team_reactive{team="logistics"} 1
debrief_team_reactive{team="payments"} 0
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "debrief_pages_recent", "debrief_pages_received_total", "debrief_postmortems", "debrief_team_reactive"); err != nil {
		t.Error(err)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader("# HELP debrief_insights_up 1 when the last computation of the insights succeeded, 0 when it failed.\n# TYPE debrief_insights_up gauge\ndebrief_insights_up 1\n"), "debrief_insights_up"); err != nil {
		t.Error(err)
	}
	if n, err := testutil.GatherAndCount(reg); err != nil || n != 15 {
		t.Errorf("%d series, %v", n, err)
	}
}

// Every metric's labels are among team, severity, status and kind: never
// a person or an id.
func TestLabelsAreAllowed(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := Register(reg, func(context.Context) (*Snapshot, error) { return snapshot(), nil })
	if err != nil {
		t.Fatal(err)
	}
	m.PagesReceived("logistics", 1)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	if len(families) != 13 {
		t.Errorf("%d metric families", len(families))
	}
	for _, f := range families {
		if !strings.HasPrefix(f.GetName(), "debrief_") {
			t.Errorf("metric %s is not debrief's", f.GetName())
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if !slices.Contains(AllowedLabels, l.GetName()) {
					t.Errorf("%s has the label %q", f.GetName(), l.GetName())
				}
			}
		}
	}
}

func TestSourceFails(t *testing.T) {
	reg := prometheus.NewRegistry()
	if _, err := Register(reg, func(context.Context) (*Snapshot, error) { return nil, errors.New("database is locked") }); err != nil {
		t.Fatal(err)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader("# HELP debrief_insights_up 1 when the last computation of the insights succeeded, 0 when it failed.\n# TYPE debrief_insights_up gauge\ndebrief_insights_up 0\n"), "debrief_insights_up"); err != nil {
		t.Error(err)
	}
}
