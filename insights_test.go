package debrief

import (
	"testing"
	"time"
)

func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestISOWeek(t *testing.T) {
	tests := []struct {
		day    string
		want   ISOWeek
		monday string
	}{
		{"2026-01-01", ISOWeek{2026, 1}, "2025-12-29"},  // a Thursday: week 1 of its own year
		{"2024-12-30", ISOWeek{2025, 1}, "2024-12-30"},  // a Monday that belongs to the next year
		{"2027-01-01", ISOWeek{2026, 53}, "2026-12-28"}, // 2026 has 53 weeks
		{"2026-02-09", ISOWeek{2026, 7}, "2026-02-09"},
		{"2026-02-15", ISOWeek{2026, 7}, "2026-02-09"}, // Sunday ends the week
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			w := WeekOf(date(tt.day))
			if w != tt.want {
				t.Fatalf("WeekOf(%s) = %v, want %v", tt.day, w, tt.want)
			}
			if got := w.Monday().String(); got != tt.monday {
				t.Errorf("Monday of %v = %s, want %s", w, got, tt.monday)
			}
		})
	}
	if got := (ISOWeek{2026, 53}).Add(1); got != (ISOWeek{2027, 1}) {
		t.Errorf("the week after 2026-W53 = %v", got)
	}
	if got := (ISOWeek{2026, 1}).Add(-1); got != (ISOWeek{2025, 52}) {
		t.Errorf("the week before 2026-W01 = %v", got)
	}
	if got := len(Weeks(ISOWeek{2025, 50}, ISOWeek{2026, 2})); got != 5 {
		t.Errorf("2025-W50 to 2026-W02 has %d weeks, want 5", got)
	}
}

func TestSpreadOf(t *testing.T) {
	days := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*24*time.Hour)
		}
		return out
	}
	tests := []struct {
		name             string
		in               []time.Duration
		median, p90, max int // days
	}{
		{"empty", nil, 0, 0, 0},
		{"one", days(5), 5, 5, 5},
		{"odd", days(9, 1, 5), 5, 9, 9},
		{"even averages the middle two", days(1, 2, 4, 10), 3, 10, 10},
		// Ten values: the 90th percentile is the ninth smallest.
		{"ten", days(1, 2, 3, 4, 5, 5, 7, 8, 9, 100), 5, 9, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SpreadOf(tt.in)
			day := 24 * time.Hour
			if s.Count != len(tt.in) || s.Median != time.Duration(tt.median)*day ||
				s.P90 != time.Duration(tt.p90)*day || s.Max != time.Duration(tt.max)*day {
				t.Errorf("SpreadOf = %+v, want median %d, p90 %d, max %d days", s, tt.median, tt.p90, tt.max)
			}
		})
	}
	if s := SpreadOf(days(1, 2)); s.Median != 36*time.Hour {
		t.Errorf("median of 1 and 2 days = %v, want 36h", s.Median)
	}
}

func TestRefOfHidesRestricted(t *testing.T) {
	if r := RefOf(&PostmortemSummary{ID: "PM-2026-018", Title: "Credential stuffing", Restricted: true}); r != nil {
		t.Errorf("RefOf(restricted) = %+v, want nil", r)
	}
	if r := RefOf(&PostmortemSummary{ID: "PM-1", Title: "T"}); r == nil || r.ID != "PM-1" || r.Title != "T" {
		t.Errorf("RefOf = %+v", r)
	}
}

func TestReactiveRuleValidate(t *testing.T) {
	tests := []struct {
		name string
		rule ReactiveRule
		ok   bool
	}{
		{"default", DefaultReactiveRule, true},
		{"no incidents", ReactiveRule{MinIncidents: 0, MinWeeks: 3, Window: 4}, false},
		{"more weeks than the window", ReactiveRule{MinIncidents: 2, MinWeeks: 5, Window: 4}, false},
		{"negative pages", ReactiveRule{MinIncidents: 2, MinWeeks: 3, Window: 4, PagesPerShift: -1}, false},
		{"a year", ReactiveRule{MinIncidents: 1, MinWeeks: 1, Window: 52}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.rule.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
	want := "at least 2 customer-facing incidents a week, or more than 2 pages per 12-hour shift, in at least 3 of the last 4 weeks"
	if got := DefaultReactiveRule.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestSystemFocusFilled(t *testing.T) {
	body := "# T\n\n## What was missing\n\n- An alert on queue depth.\n\n## What behaved unexpectedly\n\n<!-- the template's question -->\n\n" +
		"## Assumptions proven wrong\n\n```\n## not a heading\n```\n"
	filled, asked := SystemFocusFilled(body)
	if filled != 2 || asked != 3 {
		t.Errorf("SystemFocusFilled = %d of %d, want 2 of 3 (a comment is not substance; a code block is)", filled, asked)
	}
	if filled, asked := SystemFocusFilled(""); filled != 0 || asked != 3 {
		t.Errorf("empty body: %d of %d", filled, asked)
	}
}

func TestISOWeekText(t *testing.T) {
	for _, s := range []string{"2026-W07", "2026-W53", "2025-W01"} {
		var w ISOWeek
		if err := w.UnmarshalText([]byte(s)); err != nil {
			t.Errorf("%s: %v", s, err)
		} else if b, _ := w.MarshalText(); string(b) != s {
			t.Errorf("%s read back as %s", s, b)
		}
	}
	for _, s := range []string{"2025-W53", "2026-W00", "W07", "2026-07"} {
		var w ISOWeek
		if err := w.UnmarshalText([]byte(s)); err == nil {
			t.Errorf("%s: no error", s)
		}
	}
}
