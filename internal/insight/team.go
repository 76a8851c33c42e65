package insight

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
	"github.com/debrief/debrief/report"
)

// Team is what a team's page shows: its load, its paging, its open
// follow-through and the kinds of incident that hit it.
type Team struct {
	Team   string
	Load   debrief.TeamLoad
	Paging []oncall.Week
	OnCall *report.TeamOnCall
	// Open are the open action items the team owns, most overdue first.
	Open []OpenItem
	// Kinds are the kinds of the team's incidents in the period, with the
	// team's own count.
	Kinds []debrief.KindTrend
}

// OpenItem is an open action item with the postmortems that list it;
// restricted ones are counted in Hidden, never named.
type OpenItem struct {
	Item    debrief.ActionItem
	From    []*debrief.Ref
	Hidden  int
	Overdue bool
}

// Team computes a team's page over the period; a team the snapshot knows
// nothing of has empty figures.
func (a *Archive) Team(ctx context.Context, p Period, team string) (*Team, error) {
	team = strings.ToLower(strings.TrimSpace(team))
	t := &Team{Team: team, Load: debrief.TeamLoad{Team: team}}
	loads, weeks, err := a.Load(ctx, p)
	if err != nil {
		return nil, err
	}
	for _, l := range loads {
		if l.Team == team {
			t.Load = l
		}
	}
	t.Paging = weeks[team]
	oc, err := a.OnCall(ctx, p, team)
	if err != nil {
		return nil, err
	}
	if len(oc) > 0 {
		t.OnCall = &oc[0]
	}
	t.Open = a.openItems(team)
	for _, k := range a.Kinds(p) {
		for _, tc := range k.Teams {
			if tc.Team == team {
				t.Kinds = append(t.Kinds, k)
			}
		}
	}
	return t, nil
}

func (a *Archive) openItems(team string) []OpenItem {
	byID := map[string]*OpenItem{}
	var out []*OpenItem
	today := a.Today()
	for _, it := range a.items {
		for _, ai := range it.p.ActionItems {
			if ai.Closed() || !strings.EqualFold(strings.TrimSpace(ai.OwnerTeam), team) {
				continue
			}
			o := byID[ai.ID]
			if o == nil {
				o = &OpenItem{Item: ai, Overdue: ai.Overdue(today)}
				byID[ai.ID] = o
				out = append(out, o)
			}
			if ref := debrief.RefOf(it.kin.Summary); ref != nil {
				o.From = append(o.From, ref)
			} else {
				o.Hidden++
			}
		}
	}
	slices.SortStableFunc(out, func(x, y *OpenItem) int {
		if x.Overdue != y.Overdue {
			if x.Overdue {
				return -1
			}
			return 1
		}
		if c := x.Item.Due.Compare(y.Item.Due); c != 0 && !x.Item.Due.IsZero() && !y.Item.Due.IsZero() {
			return c
		}
		return debrief.CompareActionIDs(x.Item.ID, y.Item.ID)
	})
	res := make([]OpenItem, len(out))
	for i, o := range out {
		slices.SortFunc(o.From, func(x, y *debrief.Ref) int { return strings.Compare(x.ID, y.ID) })
		res[i] = *o
	}
	return res
}

// Reactive says that a team is or was in reactive mode.
type Reactive struct {
	Team string
	// Now is true when the team is in reactive mode this week; Then when
	// it was in the week of the incident.
	Now, Then bool
	Week      debrief.ISOWeek
}

// Reactive returns the teams, of the given ones, that are in reactive
// mode this week or were in the week of incident (zero for none), for the
// banner "deal with the incidents first".
// The snapshot keeps the answers: every postmortem page asks, and each
// answer reads the whole snapshot.
func (a *Archive) Reactive(ctx context.Context, teams []string, incident debrief.Date) ([]Reactive, error) {
	keys := debrief.Keys(teams)
	if len(keys) == 0 {
		return nil, nil
	}
	memo := fmt.Sprint(keys, incident)
	a.mu.Lock()
	rs, ok := a.reactive[memo]
	a.mu.Unlock()
	if ok {
		return rs, nil
	}
	rs, err := a.reactiveOf(ctx, keys, incident)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	if a.reactive == nil {
		a.reactive = map[string][]Reactive{}
	}
	if len(a.reactive) < maxReactiveMemo {
		a.reactive[memo] = rs
	}
	a.mu.Unlock()
	return rs, nil
}

// maxReactiveMemo bounds the answers a snapshot keeps.
const maxReactiveMemo = 4096

// weekLoad returns the load of the week w, computed once per snapshot: the
// pages of the whole archive ask for the weeks of their incidents, and each
// reading goes over every postmortem.
func (a *Archive) weekLoad(ctx context.Context, w debrief.ISOWeek) ([]debrief.TeamLoad, error) {
	a.mu.Lock()
	loads, ok := a.weeks[w]
	a.mu.Unlock()
	if ok {
		return loads, nil
	}
	loads, _, err := a.Load(ctx, Period{w, w})
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	if a.weeks == nil || len(a.weeks) >= maxReactiveMemo {
		a.weeks = map[debrief.ISOWeek][]debrief.TeamLoad{}
	}
	a.weeks[w] = loads
	a.mu.Unlock()
	return loads, nil
}

func (a *Archive) reactiveOf(ctx context.Context, keys []string, incident debrief.Date) ([]Reactive, error) {
	this := debrief.WeekOf(a.Today())
	state := map[string]*Reactive{}
	check := func(w debrief.ISOWeek, now bool) error {
		loads, err := a.weekLoad(ctx, w)
		if err != nil {
			return err
		}
		for _, l := range loads {
			if !l.Reactive || !slices.Contains(keys, l.Team) {
				continue
			}
			r := state[l.Team]
			if r == nil {
				r = &Reactive{Team: l.Team, Week: w}
				state[l.Team] = r
			}
			if now {
				r.Now = true
			} else {
				r.Then = true
			}
		}
		return nil
	}
	if err := check(this, true); err != nil {
		return nil, err
	}
	if !incident.IsZero() && debrief.WeekOf(incident) != this {
		if err := check(debrief.WeekOf(incident), false); err != nil {
			return nil, err
		}
	}
	var out []Reactive
	for _, k := range keys {
		if r := state[k]; r != nil {
			if !incident.IsZero() {
				r.Week = debrief.WeekOf(incident)
			}
			out = append(out, *r)
		}
	}
	return out, nil
}

// IncidentPaging is a team's paging around one incident, for the
// postmortem's "On-call and paging" section.
type IncidentPaging struct {
	Team string
	Zone string
	// Week is the paging of the ISO week the incident started in, in the
	// team's zone.
	Week oncall.Week
	// During counts the pages from the incident's start to its resolution
	// (or mitigation); -1 when the postmortem does not give both.
	During int
	// Noisiest are the alerts that paged most that week.
	Noisiest []oncall.AlertCount
}

// IncidentPaging returns the paging of each of p's teams in the week its
// incident started; nothing without paging data or a date.
func (s *Source) IncidentPaging(ctx context.Context, p *debrief.Postmortem) ([]IncidentPaging, error) {
	if s.Pages == nil {
		return nil, nil
	}
	start := p.Started
	if start.IsZero() {
		d := p.IncidentDate()
		if d.IsZero() {
			return nil, nil
		}
		start = d.Time().Add(12 * time.Hour)
	}
	end := p.Resolved
	if end.IsZero() {
		end = p.Mitigated
	}
	var out []IncidentPaging
	for _, team := range debrief.Keys(p.Teams) {
		o := s.Settings.OnCall(team)
		w := debrief.WeekOf(debrief.DateOf(start.In(o.Location)))
		from, to := oncall.WeekBounds(w, o.Location)
		pages, err := s.Pages.Pages(ctx, paging.Filter{Team: team, From: earliest(from, start), To: latest(to, end)})
		if err != nil {
			return nil, err
		}
		ip := IncidentPaging{Team: team, Zone: o.Location.String(), Week: oncall.IncidentWeek(pages, start, o), During: -1}
		if !p.Started.IsZero() && !end.IsZero() && end.After(start) {
			ip.During = 0
			for _, pg := range pages {
				if !pg.Triggered.Before(start) && !pg.Triggered.After(end) {
					ip.During++
				}
			}
		}
		week := oncall.Compute(pages, from, to, o)
		ip.Noisiest = week.Noisiest[:min(3, len(week.Noisiest))]
		if ip.Week.Pages > 0 || ip.During > 0 {
			out = append(out, ip)
		}
	}
	return out, nil
}

func earliest(a, b time.Time) time.Time {
	if !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
