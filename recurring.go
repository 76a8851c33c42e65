package debrief

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// KindTrend is one kind of incident over a period: how often it happened
// and came back, to which teams, and whether the fixes made between its
// incidents held. Restricted postmortems count in every number but are
// never named: they have no Ref.
type KindTrend struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	// Incidents counts the family's incidents in the period; Recurring is
	// true when there were at least two, so the kind came back.
	Incidents int  `json:"incidents"`
	Recurring bool `json:"recurring"`
	// Dates are the incidents' dates, oldest first, for charts that count
	// them by month; reports never write them, since a restricted
	// postmortem's date is not shown (docs/access.md). Gaps spreads the
	// time between one incident and the next.
	Dates []Date `json:"-"`
	Gaps  Spread `json:"gaps"`
	// Teams counts the incidents per team, most first.
	Teams []TeamCount `json:"teams"`
	// FixesDone counts the family's fixes (prevent, mitigate or unstated
	// action items) done by the end of the period; FixesFailed the ones an
	// incident of the kind came back after (see Recurrences), and
	// FixesHeld the others: no incident of the kind has come back after
	// them so far.
	FixesDone   int `json:"fixes_done"`
	FixesHeld   int `json:"fixes_held"`
	FixesFailed int `json:"fixes_failed"`
	// Recurrences lists the fixes that did not hold, where both incidents
	// may be named; HiddenRecurrences counts the others.
	Recurrences       []RecurrenceRef `json:"recurrences,omitempty"`
	HiddenRecurrences int             `json:"hidden_recurrences,omitempty"`
	// Open counts the family's action items not done or dropped yet.
	Open int `json:"open"`
}

// TeamCount is a number of incidents for one team.
type TeamCount struct {
	Team      string `json:"team"`
	Incidents int    `json:"incidents"`
}

// RecurrenceRef is a Recurrence as a report names it: the fix by its id,
// the two incidents by their Refs.
type RecurrenceRef struct {
	Fix     string `json:"fix"`
	DoneBy  Date   `json:"done_by"`
	Earlier *Ref   `json:"earlier"`
	Later   *Ref   `json:"later"`
}

// KindMembers is every postmortem of one kind's family, as GroupKin finds
// them.
type KindMembers struct {
	Kind IncidentKind
	Kin  []*Kin
}

// GroupKin sorts kin into the families of the kinds of ks: a postmortem
// belongs to the family of each kind FamilyKinds gives it. Kinds without
// members are left out; the others keep the set's order.
func GroupKin(kin []*Kin, ks *KindSet) []KindMembers {
	byKind := map[string][]*Kin{}
	for _, k := range kin {
		for _, id := range FamilyKinds(k.Kinds) {
			byKind[id] = append(byKind[id], k)
		}
	}
	var out []KindMembers
	for _, kind := range ks.Kinds() {
		if len(byKind[kind.ID]) > 0 {
			out = append(out, KindMembers{kind, byKind[kind.ID]})
		}
	}
	return out
}

// RecurringKinds summarises each kind's family over the incidents from
// from to to, both included, with fixes counted as done by to (dates says
// when items were recorded done, as for Recurrences). It returns the kinds
// with at least one incident in the period, the ones that came back most
// often first. Give it every postmortem, restricted ones included: they
// count, and RefOf keeps them from being named.
func RecurringKinds(members []KindMembers, dates DoneDates, from, to, today Date) []KindTrend {
	var out []KindTrend
	for _, m := range members {
		f := BuildFamily(m.Kind, m.Kin, dates, today)
		t := KindTrend{Kind: f.Kind.ID, Name: f.Kind.Name, Open: len(f.Open)}
		teams := map[string]int{}
		fixes := map[string]bool{} // fixes done by the end of the period, by id
		for _, k := range m.Kin {
			for _, a := range k.ActionItems {
				if d, ok := doneBy(a, dates); ok && isFix(a) && !to.Before(d) {
					fixes[a.ID] = true
				}
			}
		}
		for _, fi := range f.Incidents {
			if fi.Date.IsZero() || fi.Date.Before(from) || to.Before(fi.Date) {
				continue
			}
			t.Incidents++
			t.Dates = append(t.Dates, fi.Date)
			for _, team := range Keys(fi.Teams) {
				teams[team]++
			}
		}
		if t.Incidents == 0 {
			continue
		}
		t.Recurring = t.Incidents >= 2
		var gaps []time.Duration
		for i := 1; i < len(t.Dates); i++ {
			gaps = append(gaps, t.Dates[i].Time().Sub(t.Dates[i-1].Time()))
		}
		t.Gaps = SpreadOf(gaps)
		for _, team := range slices.Sorted(maps.Keys(teams)) {
			t.Teams = append(t.Teams, TeamCount{team, teams[team]})
		}
		slices.SortStableFunc(t.Teams, func(a, b TeamCount) int { return b.Incidents - a.Incidents })
		failed := map[string]bool{}
		for _, r := range f.Recurrences {
			if r.Later.Date.Before(from) || to.Before(r.Later.Date) {
				continue
			}
			failed[r.Fix.ID] = true
			fixes[r.Fix.ID] = true
			earlier, later := RefOf(r.Earlier), RefOf(r.Later)
			if earlier == nil || later == nil {
				t.HiddenRecurrences++
				continue
			}
			t.Recurrences = append(t.Recurrences, RecurrenceRef{Fix: r.Fix.ID, DoneBy: r.DoneBy, Earlier: earlier, Later: later})
		}
		t.FixesDone, t.FixesFailed = len(fixes), len(failed)
		t.FixesHeld = t.FixesDone - t.FixesFailed
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b KindTrend) int {
		if a.Incidents != b.Incidents {
			return b.Incidents - a.Incidents
		}
		if a.FixesFailed != b.FixesFailed {
			return b.FixesFailed - a.FixesFailed
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return out
}
