package oncall

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/paging"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

var seq int

// page is a page of team logistics; resolvedAfter 0 leaves it open.
func page(alert, trigger string, ackAfter, resolvedAfter time.Duration, by paging.Resolver) paging.Page {
	seq++
	t := utc(trigger)
	p := paging.Page{Source: "test", SourceID: fmt.Sprint(seq), Team: "logistics", Service: "dispatch", Alert: alert,
		Urgency: paging.High, Triggered: t, AckTracked: true, ResolvedBy: by}
	if ackAfter > 0 {
		p.Acknowledged = t.Add(ackAfter)
	}
	if resolvedAfter > 0 {
		p.Resolved = t.Add(resolvedAfter)
	}
	return p
}

// The bands follow the team's wall clock: the same UTC time falls in
// another band once the clocks change, and the hours of the change are
// sleep hours whichever way they go.
func TestBandOfAcrossDST(t *testing.T) {
	ams := zone(t, "Europe/Amsterdam")
	ny := zone(t, "America/New_York")
	tests := []struct {
		at   string
		loc  *time.Location
		want Band
	}{
		{"2026-03-28 06:59", ams, Sleep},    // 07:59 CET, the day before summer time
		{"2026-03-29 06:59", ams, Business}, // 08:59 CEST
		{"2026-03-28 07:00", ams, Business}, // 08:00 CET
		{"2026-03-28 17:59", ams, Business}, // 18:59 CET
		{"2026-03-29 17:30", ams, OffHours}, // 19:30 CEST
		{"2026-03-29 00:59", ams, Sleep},    // 01:59 CET, just before the jump
		{"2026-03-29 01:00", ams, Sleep},    // 03:00 CEST, just after it
		{"2026-10-25 00:30", ams, Sleep},    // 02:30 CEST, the first of the two
		{"2026-10-25 01:30", ams, Sleep},    // 02:30 CET, the second
		{"2026-10-24 21:00", ams, Sleep},    // 23:00 CEST
		{"2026-10-25 21:00", ams, OffHours}, // 22:00 CET
		{"2026-03-08 12:30", ny, Business},  // 08:30 EDT on the day New York changes
		{"2026-03-07 12:30", ny, Sleep},     // 07:30 EST, the day before
		{"2026-01-10 22:59", time.UTC, OffHours},
		{"2026-01-10 23:00", nil, Sleep},
	}
	for _, tt := range tests {
		if got := BandOf(utc(tt.at), tt.loc); got != tt.want {
			t.Errorf("BandOf(%s UTC in %v) = %v, want %v", tt.at, tt.loc, got, tt.want)
		}
	}
}

// Shifts run twelve hours by the wall clock: the night the clocks go
// forward is 11 hours long, the night they go back 13.
func TestShiftsAcrossDST(t *testing.T) {
	ams := zone(t, "Europe/Amsterdam")
	o := DefaultOptions(ams)
	from := time.Date(2026, 3, 28, 0, 0, 0, 0, ams)
	pages := []paging.Page{
		page("A", "2026-03-28 19:30", 0, 0, ""), // 20:30 CET: the night shift of the 28th
		page("A", "2026-03-29 05:59", 0, 0, ""), // 07:59 CEST: still that night
		page("A", "2026-03-29 06:00", 0, 0, ""), // 08:00 CEST: the day shift
	}
	shifts := Shifts(pages, from, from.AddDate(0, 0, 2), o)
	if len(shifts) != 4 {
		t.Fatalf("%d shifts in two days, want 4", len(shifts))
	}
	night := shifts[1]
	if !night.Night || night.End.Sub(night.Start) != 11*time.Hour || night.Pages != 2 {
		t.Errorf("the short night = %+v (%v long)", night, night.End.Sub(night.Start))
	}
	if shifts[2].Pages != 1 || shifts[2].Night {
		t.Errorf("the day after = %+v", shifts[2])
	}
	autumn := Shifts(nil, time.Date(2026, 10, 24, 12, 0, 0, 0, ams), time.Date(2026, 10, 25, 12, 0, 0, 0, ams), o)
	if len(autumn) != 2 || autumn[0].End.Sub(autumn[0].Start) != 13*time.Hour {
		t.Errorf("the long night = %+v", autumn)
	}
	// A week holds 14 shifts, whatever the clocks do.
	wf, wt := WeekBounds(debrief.ISOWeek{Year: 2026, Week: 13}, ams)
	if n := len(Shifts(nil, wf, wt, o)); n != 14 {
		t.Errorf("the week the clocks change has %d shifts", n)
	}
}

// healthPages is a hand-made week of logistics' pages in Amsterdam
// (2026-W07, winter time, UTC+1).
func healthPages() []paging.Page {
	m := time.Minute
	return []paging.Page{
		// Monday night: five pages of a flapping alert, each resolved by
		// the monitoring within 4 minutes, re-firing 10 minutes later.
		page("DispatchQueueLagHigh", "2026-02-09 00:00", 0, 4*m, paging.BySystem),
		page("DispatchQueueLagHigh", "2026-02-09 00:14", 0, 4*m, paging.BySystem),
		page("DispatchQueueLagHigh", "2026-02-09 00:28", 0, 4*m, paging.BySystem),
		page("DispatchQueueLagHigh", "2026-02-09 00:42", 0, 4*m, paging.BySystem),
		page("DispatchQueueLagHigh", "2026-02-09 04:05", 2*m, 40*m, paging.ByPerson), // 05:05: a real one
		// Tuesday: business hours, acknowledged and worked on.
		page("RoutingEngineOOM", "2026-02-10 09:00", 5*m, 2*time.Hour, paging.ByPerson), // 10:00
		page("RoutingEngineOOM", "2026-02-10 10:00", 1*m, 30*m, paging.ByPerson),        // overlaps the one before
		// Wednesday evening: off-hours, resolved with nobody acknowledging.
		page("CourierAppErrors", "2026-02-11 18:30", 0, 50*m, paging.BySystem), // 19:30
		// Thursday: marked as noise by a person.
		func() paging.Page {
			p := page("CourierAppErrors", "2026-02-12 12:00", m, 20*m, paging.ByPerson)
			p.Noise = true
			return p
		}(),
		// Sunday late: open, acknowledged 15 minutes before the week ends.
		page("DispatchQueueLagHigh", "2026-02-15 22:40", 5*m, 0, ""), // 23:40
		// The week after: not counted.
		page("DispatchQueueLagHigh", "2026-02-16 08:00", m, 10*m, paging.ByPerson),
	}
}

func TestCompute(t *testing.T) {
	ams := zone(t, "Europe/Amsterdam")
	o := DefaultOptions(ams)
	from, to := WeekBounds(debrief.ISOWeek{Year: 2026, Week: 7}, ams)
	h := Compute(healthPages(), from, to, o)
	if h.Pages != 10 || h.High != 10 {
		t.Errorf("pages %d, high %d; want 10", h.Pages, h.High)
	}
	if want := (BandCounts{Business: 3, OffHours: 1, Sleep: 6}); h.Bands != want {
		t.Errorf("bands = %+v, want %+v", h.Bands, want)
	}
	// Monday's pages before 08:00 belong to the night shift that started
	// on Sunday at 20:00, in the week before: a shift counts in the period
	// it starts in. The busiest shift of the week is Tuesday's day shift,
	// with two: at the limit, not over it.
	if h.Shifts.Shifts != 14 || h.Shifts.OverLimit != 0 || h.Shifts.Max != 2 {
		t.Errorf("shifts = %+v", h.Shifts)
	}
	// Non-actionable: four auto-resolved flaps, one resolved without an
	// acknowledgement, one marked noise.
	if want := (NonActionableCount{Pages: 6, Share: 0.6, Noise: 1, AutoResolved: 4, NoAck: 1}); h.NonActionable != want {
		t.Errorf("non-actionable = %+v, want %+v", h.NonActionable, want)
	}
	if len(h.Noisiest) != 3 || h.Noisiest[0] != (AlertCount{"DispatchQueueLagHigh", "dispatch", 6, 6, 4}) {
		t.Errorf("noisiest = %+v", h.Noisiest)
	}
	if len(h.Flapping) != 1 || h.Flapping[0].Alert != "DispatchQueueLagHigh" || h.Flapping[0].Refires != 3 || h.Flapping[0].Worst != 3 {
		t.Errorf("flapping = %+v", h.Flapping)
	}
	// 38 min (05:07–05:45) + 1h55 and 29 min overlapping into 1h55 + 0 for
	// the no-ack page + 19 min of the noise page + 15 min of the open page
	// until the week ends: 38 + 115 + 19 + 15 = 187 minutes.
	if got := h.ResponseHours * 60; got < 186.99 || got > 187.01 {
		t.Errorf("response = %.2f minutes, want 187", got)
	}
}

func TestShiftsOverLimit(t *testing.T) {
	o := DefaultOptions(time.UTC)
	var pages []paging.Page
	for i := range 5 {
		pages = append(pages, page("A", fmt.Sprintf("2026-02-09 0%d:00", i), 0, 0, "")) // night shift of the 8th: 5 pages
	}
	pages = append(pages, page("A", "2026-02-09 09:00", 0, 0, ""), page("A", "2026-02-09 10:00", 0, 0, "")) // 2: at the limit
	from := utc("2026-02-08 00:00")
	l := LoadOf(Shifts(pages, from, from.AddDate(0, 0, 2), o), o)
	if want := (ShiftLoad{Shifts: 4, WithPages: 2, OverLimit: 1, Limit: 2, Max: 5, Mean: 7.0 / 4}); l != want {
		t.Errorf("load = %+v, want %+v", l, want)
	}
}

func TestWeeklyAndIncidentWeek(t *testing.T) {
	ams := zone(t, "Europe/Amsterdam")
	o := DefaultOptions(ams)
	weeks := Weekly(healthPages(), debrief.ISOWeek{Year: 2026, Week: 6}, debrief.ISOWeek{Year: 2026, Week: 8}, o)
	var counts []int
	for _, w := range weeks {
		counts = append(counts, w.Pages)
	}
	if !reflect.DeepEqual(counts, []int{0, 10, 1}) {
		t.Errorf("weekly = %v", counts)
	}
	// Sunday 23:40 in Amsterdam is 22:40 UTC: still W07 there.
	w := IncidentWeek(healthPages(), utc("2026-02-15 22:40"), o)
	if w.Week != (debrief.ISOWeek{Year: 2026, Week: 7}) || w.String() != "pages that week: 10, 6 in sleep hours" {
		t.Errorf("incident week = %v: %s", w.Week, w)
	}
	// 23:30 UTC on Sunday is already Monday in Amsterdam: W08.
	if w := IncidentWeek(healthPages(), utc("2026-02-15 23:30"), o); w.Week.Week != 8 || w.Pages != 1 {
		t.Errorf("the Monday = %v, %d pages", w.Week, w.Pages)
	}
	pw := PagerWeeks(weeks)
	if pw[1] != (debrief.PagerWeek{Week: debrief.ISOWeek{Year: 2026, Week: 7}, Pages: 10}) {
		t.Errorf("pager weeks = %+v", pw)
	}
}

func TestCompare(t *testing.T) {
	o := DefaultOptions(time.UTC)
	pages := []paging.Page{
		page("A", "2026-02-02 01:00", 0, 0, ""),
		page("A", "2026-02-09 01:00", 0, 0, ""),
		page("A", "2026-02-09 02:00", 0, 0, ""),
		page("A", "2026-02-10 12:00", 0, 0, ""),
	}
	tr := Compare(pages, utc("2026-02-09 00:00"), utc("2026-02-16 00:00"), o)
	if tr.Current.Pages != 3 || tr.Previous.Pages != 1 {
		t.Fatalf("now %d, before %d", tr.Current.Pages, tr.Previous.Pages)
	}
	if got := tr.Changes[0].String(); got != "pages 3 (+2 from 1, +200 %)" {
		t.Errorf("change = %q", got)
	}
	if got := tr.Changes[1].String(); got != "sleep-hour pages 2 (+1 from 1, +100 %)" {
		t.Errorf("change = %q", got)
	}
	if got := (Change{Figure: "non-actionable %", Now: 60, Before: 50, Share: true}).String(); got != "non-actionable % 60 (+10 from 50)" {
		t.Errorf("change = %q", got)
	}
	if got := (Change{Figure: "x"}).String(); got != "x 0 (+0 from 0)" {
		t.Errorf("change = %q", got)
	}
}

func TestNonActionableRules(t *testing.T) {
	o := DefaultOptions(time.UTC)
	m := time.Minute
	tests := []struct {
		name string
		p    paging.Page
		want Reason
	}{
		{"open", page("A", "2026-02-09 01:00", 0, 0, ""), ""},
		{"acknowledged and resolved", page("A", "2026-02-09 01:00", m, 30*m, paging.ByPerson), ""},
		{"auto-resolved in 5 minutes", page("A", "2026-02-09 01:00", 0, 5*m, paging.BySystem), QuickResolved},
		{"auto-resolved in 6 minutes, no ack", page("A", "2026-02-09 01:00", 0, 6*m, paging.BySystem), NoAck},
		{"resolved quickly by a person who acknowledged", page("A", "2026-02-09 01:00", m, 2*m, paging.ByPerson), ""},
		{"resolved by someone unknown, quickly", page("A", "2026-02-09 01:00", m, 3*m, ""), QuickResolved},
		{"no ack, but the source knows none", func() paging.Page {
			p := page("A", "2026-02-09 01:00", 0, 30*m, paging.BySystem)
			p.AckTracked = false
			return p
		}(), ""},
	}
	for _, tt := range tests {
		if got := o.NonActionable(tt.p); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Pages of one alert that trigger while the one before is still open are
// duplicates of an incident, not flaps.
func TestFlappingIgnoresDuplicates(t *testing.T) {
	o := DefaultOptions(time.UTC)
	var burst, flaps []paging.Page
	for i := range 5 {
		burst = append(burst, page("A", fmt.Sprintf("2026-02-09 10:%02d", 10*i), time.Minute, time.Hour, paging.ByPerson))
		flaps = append(flaps, page("B", fmt.Sprintf("2026-02-09 14:%02d", 12*i), 0, 2*time.Minute, paging.BySystem))
	}
	got := Flapping(append(burst, flaps...), o)
	if len(got) != 1 || got[0].Alert != "B" || got[0].Refires != 4 {
		t.Errorf("flapping = %+v, want B alone", got)
	}
}

// Weeks follow the team's wall clock across the clock changes: the week
// of the spring change is an hour short, the autumn one an hour long, and
// a page belongs to the week of its local time.
func TestWeeksAcrossDST(t *testing.T) {
	ams := zone(t, "Europe/Amsterdam")
	o := DefaultOptions(ams)
	spring, autumn := debrief.ISOWeek{Year: 2026, Week: 13}, debrief.ISOWeek{Year: 2026, Week: 43}
	if from, to := WeekBounds(spring, ams); to.Sub(from) != 167*time.Hour {
		t.Errorf("the spring week lasts %v", to.Sub(from))
	}
	if from, to := WeekBounds(autumn, ams); to.Sub(from) != 169*time.Hour {
		t.Errorf("the autumn week lasts %v", to.Sub(from))
	}
	pages := []paging.Page{
		page("A", "2026-03-29 21:59", 0, 0, ""), // 23:59 CEST on Sunday: W13
		page("A", "2026-03-29 22:00", 0, 0, ""), // 00:00 CEST on Monday: W14
		page("A", "2026-10-25 22:59", 0, 0, ""), // 23:59 CET on Sunday: W43
		page("A", "2026-10-25 23:00", 0, 0, ""), // 00:00 CET on Monday: W44
	}
	var got []int
	for _, w := range Weekly(pages, spring, spring.Add(1), o) {
		got = append(got, w.Pages)
	}
	for _, w := range Weekly(pages, autumn, autumn.Add(1), o) {
		got = append(got, w.Pages)
	}
	if !reflect.DeepEqual(got, []int{1, 1, 1, 1}) {
		t.Errorf("pages per week = %v, want one in each", got)
	}
	if w := IncidentWeek(pages, utc("2026-03-29 22:00"), o); w.Week != spring.Add(1) {
		t.Errorf("an incident at 00:00 CEST on Monday is in %v", w.Week)
	}
}
