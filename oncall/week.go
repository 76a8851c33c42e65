package oncall

import (
	"fmt"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/paging"
)

// Week is a team's paging in one ISO week of its time zone, Monday 00:00
// to Monday 00:00 by its wall clock.
type Week struct {
	Week     debrief.ISOWeek `json:"week"`
	From     time.Time       `json:"from"`
	To       time.Time       `json:"to"`
	Pages    int             `json:"pages"`
	Bands    BandCounts      `json:"bands"`
	NonAct   int             `json:"non_actionable"`
	PerShift float64         `json:"per_shift"`
}

// WeekBounds returns when an ISO week starts and ends in loc.
func WeekBounds(w debrief.ISOWeek, loc *time.Location) (from, to time.Time) {
	m := w.Monday()
	from = time.Date(m.Year, m.Month, m.Day, 0, 0, 0, 0, loc)
	return from, from.AddDate(0, 0, 7)
}

// Weekly counts pages per ISO week from first to last, both included,
// weeks without pages too. PerShift is the week's pages over its 14
// shifts, as the reactive rule reads it.
func Weekly(pages []paging.Page, first, last debrief.ISOWeek, o Options) []Week {
	var out []Week
	for _, w := range debrief.Weeks(first, last) {
		from, to := WeekBounds(w, o.loc())
		wk := Week{Week: w, From: from, To: to}
		for _, p := range within(pages, from, to) {
			wk.Pages++
			wk.Bands.add(BandOf(p.Triggered, o.loc()))
			if o.NonActionable(p) != "" {
				wk.NonAct++
			}
		}
		wk.PerShift = float64(wk.Pages) / debrief.ShiftsPerWeek
		out = append(out, wk)
	}
	return out
}

// PagerWeeks returns weeks as the reactive rule takes them.
func PagerWeeks(weeks []Week) []debrief.PagerWeek {
	out := make([]debrief.PagerWeek, len(weeks))
	for i, w := range weeks {
		out[i] = debrief.PagerWeek{Week: w.Week, Pages: w.Pages}
	}
	return out
}

// IncidentWeek returns the paging of the ISO week (in the team's zone)
// that holds the moment t an incident started: what a postmortem's "On-call
// and paging" section shows.
func IncidentWeek(pages []paging.Page, t time.Time, o Options) Week {
	local := t.In(o.loc())
	w := debrief.WeekOf(debrief.DateOf(local))
	return Weekly(pages, w, w, o)[0]
}

// String says the week's paging in a line: "pages that week: 23, 9 in
// sleep hours".
func (w Week) String() string {
	return fmt.Sprintf("pages that week: %d, %d in sleep hours", w.Pages, w.Bands.Sleep)
}
