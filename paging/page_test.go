package paging

import (
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 4, 5, 0, 0, time.UTC)
	ok := func() Page {
		return Page{Source: "csv", SourceID: "1", Team: " Logistics ", Alert: "A", Triggered: t0}
	}
	p := ok()
	if err := p.Check(); err != nil || p.Team != "logistics" || p.Urgency != High {
		t.Fatalf("Check = %v, page %+v", err, p)
	}
	tests := []struct {
		name   string
		change func(*Page)
		msg    string
	}{
		{"no id", func(p *Page) { p.SourceID = " " }, "source's id"},
		{"no team", func(p *Page) { p.Team = "" }, "no team"},
		{"no alert", func(p *Page) { p.Alert = "" }, "no alert name"},
		{"no trigger", func(p *Page) { p.Triggered = time.Time{} }, "no trigger time"},
		{"ack before trigger", func(p *Page) { p.Acknowledged = t0.Add(-time.Second) }, "before it triggered"},
		{"resolved before trigger", func(p *Page) { p.Resolved = t0.Add(-time.Second) }, "before it triggered"},
		{"resolved before ack", func(p *Page) { p.Acknowledged, p.Resolved = t0.Add(time.Hour), t0.Add(time.Minute) }, "before it was acknowledged"},
		{"urgency", func(p *Page) { p.Urgency = "urgent" }, "not high or low"},
		{"control characters", func(p *Page) { p.Alert = "A\x1b[31m" }, "not printable"},
		{"long alert", func(p *Page) { p.Alert = strings.Repeat("a", 201) }, "longer than 200"},
		{"far future", func(p *Page) { p.Resolved = time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC) }, "2200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok()
			tt.change(&p)
			if err := p.Check(); err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Check = %v, want %q", err, tt.msg)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 4, 5, 0, 0, time.UTC)
	stored := Page{Source: "pagerduty", SourceID: "P1", Team: "logistics", Alert: "A", Triggered: t0, Acknowledged: t0.Add(time.Minute), Noise: true}
	later := Page{Source: "pagerduty", SourceID: "P1", Team: "logistics", Alert: "A", Triggered: t0, Acknowledged: t0.Add(5 * time.Minute),
		Resolved: t0.Add(time.Hour), ResolvedBy: ByPerson}
	m := Merge(stored, later)
	if m.Acknowledged != t0.Add(time.Minute) || m.Resolved != t0.Add(time.Hour) || !m.Noise {
		t.Errorf("merged = %+v", m)
	}
	// A late notification without the resolution keeps it.
	if m2 := Merge(m, stored); m2.Resolved != t0.Add(time.Hour) || m2.ResolvedBy != ByPerson {
		t.Errorf("resolution lost: %+v", m2)
	}
}

func TestMappingTeam(t *testing.T) {
	m := Mapping{Teams: map[string]string{"logistics-pager": "Logistics", "PTEAM9": "platform"}, Team: "ops"}
	tests := []struct {
		direct     []string
		candidates []string
		want       string
	}{
		{[]string{"Payments"}, nil, "payments"},                          // a team name as it is
		{[]string{"Payments"}, []string{"LOGISTICS-PAGER"}, "logistics"}, // the mapping wins, in any case
		{nil, []string{"x", "PTEAM9"}, "platform"},
		{nil, []string{"x"}, "ops"}, // the default
		{[]string{" "}, nil, "ops"},
	}
	for _, tt := range tests {
		if got := m.team(tt.direct, tt.candidates...); got != tt.want {
			t.Errorf("team(%v, %v) = %q, want %q", tt.direct, tt.candidates, got, tt.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	h := func(k, v string) map[string][]string { return map[string][]string{k: {v}} }
	tests := []struct {
		header map[string][]string
		want   time.Duration
	}{
		{h("Ratelimit-Reset", "3"), 3 * time.Second},
		{h("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"), 30 * time.Second},
		{h("X-Ratelimit-Period-In-Sec", "60"), time.Minute},
		{h("Retry-After", "999999"), maxWait},
		{h("Retry-After", "soon"), 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.header, now); got != tt.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

var fixedTime = time.Date(2026, 2, 9, 4, 5, 0, 0, time.UTC)
