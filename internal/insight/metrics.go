package insight

import (
	"context"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/metrics"
	"github.com/debrief/debrief/oncall"
)

// Snapshot computes the figures of /metrics. It reads as the operator:
// metrics count every postmortem, restricted ones too, and their labels
// (team, severity, status, kind) name none.
func (s *Source) Snapshot(ctx context.Context) (*metrics.Snapshot, error) {
	a, err := s.Read(ctx, debrief.Operator)
	if err != nil {
		return nil, err
	}
	snap := &metrics.Snapshot{Reactive: map[string]bool{}, Paging: map[string]metrics.Paging{},
		KindIncidents: map[string]int{}, KindRecurrences: map[string]int{}}
	this := debrief.WeekOf(a.Today())
	recent := Period{this.Add(-(debrief.RollingWeeks - 1)), this}
	items := map[string]bool{}
	for _, it := range a.items {
		p := it.p
		teams := debrief.Keys(p.Teams)
		if len(teams) == 0 {
			teams = []string{""}
		}
		d := p.IncidentDate()
		inRecent := !d.IsZero() && !d.Before(recent.From()) && !recent.To().Before(d)
		for _, t := range teams {
			snap.Postmortems = append(snap.Postmortems, metrics.Count{Team: t, Severity: string(p.Severity), Status: string(p.Status), N: 1})
			if inRecent {
				snap.Incidents = append(snap.Incidents, metrics.Count{Team: t, Severity: string(p.Severity), N: 1})
				if p.CustomerFacing {
					snap.CustomerFacing = append(snap.CustomerFacing, metrics.Count{Team: t, Severity: string(p.Severity), N: 1})
				}
			}
		}
		for _, ai := range p.ActionItems {
			if items[ai.ID] {
				continue
			}
			items[ai.ID] = true
			snap.ActionItems = append(snap.ActionItems, metrics.Count{Team: strings.ToLower(strings.TrimSpace(ai.OwnerTeam)), Status: string(ai.Status), N: 1})
		}
	}
	loads, _, err := a.Load(ctx, Period{this, this})
	if err != nil {
		return nil, err
	}
	for _, l := range loads {
		snap.Reactive[l.Team] = l.Reactive
	}
	to := a.Computed
	from := to.Add(-7 * 24 * time.Hour)
	pages, err := a.pagesAround(ctx, "", from, to)
	if err != nil {
		return nil, err
	}
	for team, ps := range byTeam(pages) {
		h := oncall.Compute(ps, from, to, s.Settings.OnCall(team))
		if h.Pages == 0 {
			continue
		}
		snap.Paging[team] = metrics.Paging{Pages: h.Pages, Sleep: h.Bands.Sleep, NonActionable: h.NonActionable.Pages, ShiftsOverLimit: h.Shifts.OverLimit}
	}
	all := Period{debrief.ISOWeek{Year: 1970, Week: 1}, this}
	for _, k := range a.Kinds(all) {
		snap.KindIncidents[k.Kind] = k.Incidents
		snap.KindRecurrences[k.Kind] = len(k.Recurrences) + k.HiddenRecurrences
	}
	return snap, nil
}
