package config

import (
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

func TestInsightsSettings(t *testing.T) {
	c, err := Parse("c.yaml", []byte(`insights:
  time_zone: Europe/Amsterdam
  teams:
    Payments: {time_zone: Europe/London}
  reactive: {min_weeks: 2, pages_per_shift: 0}
  paging:
    teams: {logistics-pager: logistics}
    default_team: platform
`))
	if err != nil {
		t.Fatal(err)
	}
	in := c.Insights
	for team, want := range map[string]string{"payments": "Europe/London", " PAYMENTS ": "Europe/London", "logistics": "Europe/Amsterdam"} {
		if got := in.Location(team).String(); got != want {
			t.Errorf("zone of %q: %s, want %s", team, got, want)
		}
	}
	want := debrief.DefaultReactiveRule
	want.MinWeeks, want.PagesPerShift = 2, 0
	if got := in.ReactiveRule(); got != want {
		t.Errorf("rule %+v, want %+v", got, want)
	}
	if m := in.Mapping(); m.Team != "platform" || m.Teams["logistics-pager"] != "logistics" {
		t.Errorf("mapping %+v", m)
	}
	if got := in.OnCall("payments").Location.String(); got != "Europe/London" {
		t.Errorf("on-call zone %s", got)
	}

	empty, err := Parse("c.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Insights.Location("x").String() != "UTC" || empty.Insights.ReactiveRule() != debrief.DefaultReactiveRule {
		t.Errorf("defaults: %s %+v", empty.Insights.Location("x"), empty.Insights.ReactiveRule())
	}
}

func TestInsightsErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown zone", "insights:\n  time_zone: Europe/Amsterdm\n", `c.yaml: line 2, column 14: time zone "Europe/Amsterdm" is not an IANA zone`},
		{"local zone", "insights:\n  teams:\n    a: {time_zone: Local}\n", `line 3, column 20: time zone "Local"`},
		{"zone not a name", "insights:\n  time_zone: [x]\n", "line 2, column 14: a time zone is a name"},
		{"rule never holds", "insights:\n  reactive: {min_weeks: 5}\n", "line 2, column 13: reactive mode: min_weeks is 5; give 1 to the window's 4 weeks"},
		{"negative pages", "insights:\n  reactive:\n    pages_per_shift: -1\n", "line 3, column 5: reactive mode: pages_per_shift is -1"},
		{"unknown key", "insights:\n  reactive: {min_week: 2}\n", "field min_week not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}
