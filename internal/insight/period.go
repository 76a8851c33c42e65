package insight

import (
	"context"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
)

// Period is a run of ISO weeks, both included: the window of a dashboard
// or a report.
type Period struct {
	First, Last debrief.ISOWeek
}

// DefaultWeeks is the length of the period the dashboards and reports
// show unless asked for another: a year.
const DefaultWeeks = 52

// From is the period's first day, a Monday.
func (p Period) From() debrief.Date { return p.First.Monday() }

// To is the period's last day, a Sunday.
func (p Period) To() debrief.Date { return debrief.DateOf(p.Last.Monday().Time().AddDate(0, 0, 6)) }

// Weeks is the period's length in weeks.
func (p Period) Weeks() int { return len(debrief.Weeks(p.First, p.Last)) }

// Bounds returns when the period starts and ends in a time zone.
func (p Period) Bounds(loc *time.Location) (from, to time.Time) {
	from, _ = oncall.WeekBounds(p.First, loc)
	_, to = oncall.WeekBounds(p.Last, loc)
	return from, to
}

// String writes the period: "2025-W45 to 2026-W17".
func (p Period) String() string { return p.First.String() + " to " + p.Last.String() }

// PeriodOf returns the period of the weeks that hold from and to.
func PeriodOf(from, to debrief.Date) (Period, error) {
	p := Period{debrief.WeekOf(from), debrief.WeekOf(to)}
	if p.Last.Compare(p.First) < 0 {
		return Period{}, debrief.Errorf(debrief.EINVALID, "the period ends on %s, before it starts on %s: give --from before --to", to, from)
	}
	if p.Weeks() > 520 {
		return Period{}, debrief.Errorf(debrief.EINVALID, "the period from %s to %s is longer than ten years: give a shorter one", from, to)
	}
	return p, nil
}

// DefaultPeriod returns the DefaultWeeks weeks that end with the week of
// the latest data, an incident or a page, or with this week when there is
// none or it lies ahead: an archive whose data stops in spring shows that
// spring rather than empty weeks.
func (a *Archive) DefaultPeriod(ctx context.Context) (Period, error) {
	today := a.Today()
	var last debrief.Date
	for _, p := range a.items {
		if d := p.p.IncidentDate(); !d.IsZero() && last.Before(d) && !today.Before(d) {
			last = d
		}
	}
	if a.src.Pages != nil {
		pages, err := a.src.Pages.Pages(ctx, paging.Filter{From: last.Time(), To: a.Computed})
		if err != nil {
			return Period{}, err
		}
		if n := len(pages); n > 0 {
			if d := debrief.DateOf(pages[n-1].Triggered.UTC()); last.Before(d) {
				last = d
			}
		}
	}
	if last.IsZero() {
		last = today
	}
	end := debrief.WeekOf(last)
	return Period{end.Add(-(DefaultWeeks - 1)), end}, nil
}

// pagesAround reads the pages of every team from a day before from to a
// day after to, enough for any team's time zone; nil without paging data.
func (a *Archive) pagesAround(ctx context.Context, team string, from, to time.Time) ([]paging.Page, error) {
	if a.src.Pages == nil {
		return nil, nil
	}
	return a.src.Pages.Pages(ctx, paging.Filter{Team: team, From: from.Add(-26 * time.Hour), To: to.Add(26 * time.Hour)})
}

// byTeam splits pages by team.
func byTeam(pages []paging.Page) map[string][]paging.Page {
	out := map[string][]paging.Page{}
	for _, p := range pages {
		out[p.Team] = append(out[p.Team], p)
	}
	return out
}
