package oncall

import (
	"slices"
	"time"

	"github.com/debrief/debrief/paging"
)

// Shift is one 12-hour on-call shift and the pages it took.
type Shift struct {
	Start time.Time `json:"start"`
	// End is the next shift's start: twelve hours later by the wall clock,
	// so 11 or 13 hours on the nights the clocks change.
	End   time.Time `json:"end"`
	Night bool      `json:"night"`
	Pages int       `json:"pages"`
}

// Shifts returns the shifts that start from from to to (excluded) in the
// team's zone, with the pages that triggered during each: a shift belongs
// to the period it starts in, and counts every page of its twelve hours.
func Shifts(pages []paging.Page, from, to time.Time, o Options) []Shift {
	loc := o.loc()
	triggers := make([]time.Time, len(pages))
	for i, p := range pages {
		triggers[i] = p.Triggered
	}
	slices.SortFunc(triggers, time.Time.Compare)
	var out []Shift
	y, m, d := from.In(loc).AddDate(0, 0, -1).Date()
	for day := time.Date(y, m, d, 0, 0, 0, 0, loc); day.Before(to); day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		for night := range 2 {
			start := time.Date(y, m, d, o.ShiftStart+12*night, 0, 0, 0, loc)
			end := time.Date(y, m, d+night, o.ShiftStart+12*(1-night), 0, 0, 0, loc)
			if start.Before(from) || !start.Before(to) {
				continue
			}
			lo, _ := slices.BinarySearchFunc(triggers, start, time.Time.Compare)
			hi, _ := slices.BinarySearchFunc(triggers, end, time.Time.Compare)
			out = append(out, Shift{Start: start, End: end, Night: night == 1, Pages: hi - lo})
		}
	}
	return out
}

// ShiftLoad sums up shifts against the limit.
type ShiftLoad struct {
	Shifts int `json:"shifts"`
	// WithPages counts the shifts with at least one page, OverLimit those
	// with more than Limit.
	WithPages int     `json:"with_pages"`
	OverLimit int     `json:"over_limit"`
	Limit     int     `json:"limit"`
	Max       int     `json:"max"`
	Mean      float64 `json:"mean"`
}

// LoadOf sums up shifts against the limit of o.
func LoadOf(shifts []Shift, o Options) ShiftLoad {
	l := ShiftLoad{Shifts: len(shifts), Limit: o.PagesPerShift}
	total := 0
	for _, s := range shifts {
		total += s.Pages
		l.Max = max(l.Max, s.Pages)
		if s.Pages > 0 {
			l.WithPages++
		}
		if s.Pages > o.PagesPerShift {
			l.OverLimit++
		}
	}
	if len(shifts) > 0 {
		l.Mean = float64(total) / float64(len(shifts))
	}
	return l
}
