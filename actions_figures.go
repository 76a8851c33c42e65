package debrief

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// FollowThroughBy says how follow-through figures are grouped.
type FollowThroughBy string

// Groupings of follow-through figures.
const (
	// ByTeam groups items by their owner team.
	ByTeam FollowThroughBy = "team"
	// ByKind groups items by their action item kind (detect, mitigate,
	// prevent, process).
	ByKind FollowThroughBy = "kind"
	// ByFamily groups items by the incident kinds of their incidents; an
	// item whose incidents belong to several families counts in each.
	ByFamily FollowThroughBy = "family"
)

// NoGroup names the group of items without a kind or a family.
const NoGroup = "(none)"

// Window is the span of due dates follow-through figures look at: items
// due on or after From and on or before To.
type Window struct {
	From, To Date
}

// DefaultFollowThroughDays is the window follow-through figures look at
// unless asked otherwise: the items due in the last 90 days.
const DefaultFollowThroughDays = 90

// LastDays returns the window of the n days that end today: items due from
// n−1 days ago up to and including today.
func LastDays(today Date, n int) Window {
	return Window{From: DateOf(today.Time().AddDate(0, 0, -(n - 1))), To: today}
}

// Contains reports whether d falls in the window.
func (w Window) Contains(d Date) bool {
	return !d.IsZero() && !d.Before(w.From) && !w.To.Before(d)
}

// String says the window as the figures' descriptions do: "items due from
// 2025-09-12 to 2026-03-10".
func (w Window) String() string { return "items due from " + w.From.String() + " to " + w.To.String() }

// Figure is one follow-through number with what it means.
type Figure struct {
	Name  string
	Value float64
	// OK is false when there was nothing to compute the figure from; Text
	// then says "–".
	OK   bool
	Text string
	// How says how the figure is computed and over which items, with the
	// counts behind it.
	How string
}

// FollowThrough is the follow-through of one group of items.
type FollowThrough struct {
	// Group is the team, kind or family; "all" for the row over every item.
	Group  string
	Window Window
	// Due counts the group's items due in the window.
	Due int
	// Completion is the share of items due in the window that are done,
	// of those not dropped (wont-do).
	Completion Figure
	// MedianDaysToDone and P90DaysToDone are the days from an item's
	// opening to the day it was recorded done.
	MedianDaysToDone, P90DaysToDone Figure
	// OnTime is the share of items due in the window done by their due
	// date.
	OnTime Figure
	// Overdue counts the items open past their due date today, whatever
	// the window; OverdueMedianAge and OverdueOldest say by how many days.
	Overdue, OverdueMedianAge, OverdueOldest Figure
}

// Figures returns the figures in the order reports show them.
func (f *FollowThrough) Figures() []Figure {
	return []Figure{f.Completion, f.MedianDaysToDone, f.P90DaysToDone, f.OnTime, f.Overdue, f.OverdueMedianAge, f.OverdueOldest}
}

// FollowThroughFigures measures how the given items were followed through,
// as of today: one row for all of them, then one per group, by name.
func FollowThroughFigures(actions []*ArchiveAction, by FollowThroughBy, w Window, today Date) []FollowThrough {
	groups := map[string][]*ArchiveAction{}
	for _, a := range actions {
		for _, g := range groupsOf(a, by) {
			groups[g] = append(groups[g], a)
		}
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	slices.Sort(names)
	out := []FollowThrough{followThrough("all", actions, w, today)}
	for _, g := range names {
		out = append(out, followThrough(g, groups[g], w, today))
	}
	return out
}

func groupsOf(a *ArchiveAction, by FollowThroughBy) []string {
	switch by {
	case ByKind:
		if a.Item.Kind == "" {
			return []string{NoGroup}
		}
		return []string{string(a.Item.Kind)}
	case ByFamily:
		if f := a.Families(); len(f) > 0 {
			return f
		}
		return []string{NoGroup}
	}
	return []string{keyOf(a.Item.OwnerTeam)}
}

func followThrough(group string, actions []*ArchiveAction, w Window, today Date) FollowThrough {
	ft := FollowThrough{Group: group, Window: w}
	var considered, done, dropped, undated, onTime int
	var toDone, overdueAges []float64
	for _, a := range actions {
		it := &a.Item
		if it.Overdue(today) {
			overdueAges = append(overdueAges, daysBetween(it.Due, today))
		}
		if !w.Contains(it.Due) {
			continue
		}
		ft.Due++
		switch {
		case it.Status == ActionWontDo:
			dropped++
			continue
		case it.Status == ActionDone && a.DoneOn.IsZero():
			undated++
		case it.Status == ActionDone:
			if !it.Due.Before(a.DoneOn) {
				onTime++
			}
			if o := a.OpenedOn(); !o.IsZero() {
				toDone = append(toDone, max(0, daysBetween(o, a.DoneOn)))
			}
		}
		considered++
		if it.Status == ActionDone {
			done++
		}
	}
	ft.Completion = Figure{Name: "completion rate"}
	ft.Completion.How = fmt.Sprintf("%s that are done, of those not dropped as wont-do: %d of %d (%d dropped)", w, done, considered, dropped)
	if considered > 0 {
		ft.Completion.setShare(float64(done) / float64(considered))
	}
	how := fmt.Sprintf("days from the day each item was first recorded (or, failing that, its earliest incident) to the day it was recorded done, over the %d done %s with a recorded done date (%d arrived done without one); nearest rank", len(toDone), w, undated)
	ft.MedianDaysToDone = Figure{Name: "median time to done", How: "the middle value of the " + how}
	ft.P90DaysToDone = Figure{Name: "p90 time to done", How: "the value 90% of items stay at or under, of the " + how}
	if len(toDone) > 0 {
		ft.MedianDaysToDone.setDays(percentile(toDone, 0.5))
		ft.P90DaysToDone.setDays(percentile(toDone, 0.9))
	}
	ft.OnTime = Figure{Name: "done by the due date"}
	ft.OnTime.How = fmt.Sprintf("%s recorded done on or before their due date, of those not dropped as wont-do and not done without a recorded date: %d of %d (%d dropped, %d undated)", w, onTime, considered-undated, dropped, undated)
	if considered-undated > 0 {
		ft.OnTime.setShare(float64(onTime) / float64(considered-undated))
	}
	ft.Overdue = Figure{Name: "overdue", OK: true, Value: float64(len(overdueAges)), Text: strconv.Itoa(len(overdueAges)),
		How: fmt.Sprintf("items open or in progress past their due date on %s, whatever their due date", today)}
	ageHow := fmt.Sprintf("days past the due date of the %d items overdue on %s, whatever their due date", len(overdueAges), today)
	ft.OverdueMedianAge = Figure{Name: "median days overdue", How: "the middle value (nearest rank) of the " + ageHow}
	ft.OverdueOldest = Figure{Name: "most days overdue", How: "the largest of the " + ageHow}
	if len(overdueAges) > 0 {
		ft.OverdueMedianAge.setDays(percentile(overdueAges, 0.5))
		ft.OverdueOldest.setDays(percentile(overdueAges, 1))
	}
	for _, f := range []*Figure{&ft.Completion, &ft.MedianDaysToDone, &ft.P90DaysToDone, &ft.OnTime, &ft.OverdueMedianAge, &ft.OverdueOldest} {
		if !f.OK {
			f.Text = "–"
		}
	}
	return ft
}

func (f *Figure) setShare(x float64) {
	f.OK, f.Value, f.Text = true, x, strconv.Itoa(int(math.Round(x*100)))+"%"
}

func (f *Figure) setDays(x float64) {
	f.OK, f.Value, f.Text = true, x, Days(x)
}

// daysBetween returns the whole days from a to b.
func daysBetween(a, b Date) float64 {
	return math.Round(float64(b.Time().Sub(a.Time())) / float64(24*time.Hour))
}

// percentile returns the nearest-rank p-quantile of xs (0 < p ≤ 1): the
// smallest value with at least p of the values at or below it.
func percentile(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[min(max(i, 0), len(s)-1)]
}
