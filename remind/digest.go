package remind

import (
	"slices"
	"strings"

	"github.com/debrief/debrief"
)

// DueSoonDays is how far ahead a digest looks for items coming due.
const DueSoonDays = 7

// Input is what the archive holds, as Build needs it.
type Input struct {
	// Actions are the archive's action items with the postmortems that
	// list them.
	Actions []debrief.ActionItemRef
	// Risks are the archive's accepted risks with their postmortems.
	Risks []debrief.AcceptedRiskRef
	// Postmortems are the postmortems with a review date.
	Postmortems []Postmortem
	// Audiences says who may see each postmortem, by id. A team's digest
	// shows an item, a risk or a postmortem only when the team may see
	// every postmortem behind it; one missing here is treated as visible
	// to admins only, so it is left out.
	Audiences map[string]debrief.Audience
}

// Postmortem is a postmortem as the digest sees it.
type Postmortem struct {
	ID, Title  string
	Teams      []string
	Status     debrief.Status
	ReviewDate debrief.Date
}

// Digest is one team's reminders for one day.
type Digest struct {
	Team string
	Day  debrief.Date
	// Overdue are the team's open items past their due date, oldest due
	// first; DueSoon the ones due from today to DueSoonDays ahead.
	Overdue, DueSoon []Action
	// RisksDue are the team's accepted risks whose review date has come.
	RisksDue []Risk
	// ReviewsPast are the team's postmortems still a draft or in review
	// after their review date.
	ReviewsPast []Postmortem
}

// Action is an action item in a digest.
type Action struct {
	debrief.ActionItem
	Postmortems []string
	// Days is how many days overdue the item is, or how many are left.
	Days int
}

// Risk is an accepted risk in a digest.
type Risk struct {
	debrief.AcceptedRisk
	Postmortems []string
}

// Empty reports whether the digest has nothing to say; an empty digest is
// never sent.
func (d *Digest) Empty() bool {
	return len(d.Overdue)+len(d.DueSoon)+len(d.RisksDue)+len(d.ReviewsPast) == 0
}

// Build returns the digests of the given teams for day, one per team with
// something to say, in the order of teams. A team's items and risks are
// those it owns; its postmortems are those that name it among their teams.
func Build(day debrief.Date, teams []string, in Input) []*Digest {
	soon := debrief.DateOf(day.Time().AddDate(0, 0, DueSoonDays))
	var out []*Digest
	for _, team := range teams {
		d := &Digest{Team: team, Day: day}
		v := debrief.Viewer{User: "digest:" + team, Teams: []string{team}}
		for _, ref := range in.Actions {
			a := ref.Item
			if a.Closed() || !sameTeam(a.OwnerTeam, team) || !visible(v, ref.Postmortems, in.Audiences) || a.Due.IsZero() {
				continue
			}
			switch {
			case a.Overdue(day):
				d.Overdue = append(d.Overdue, Action{ActionItem: a, Postmortems: ref.Postmortems, Days: days(a.Due, day)})
			case !soon.Before(a.Due):
				d.DueSoon = append(d.DueSoon, Action{ActionItem: a, Postmortems: ref.Postmortems, Days: days(day, a.Due)})
			}
		}
		for _, ref := range in.Risks {
			r := ref.Risk
			if sameTeam(r.OwnerTeam, team) && !r.ReviewBy.IsZero() && !day.Before(r.ReviewBy) && visible(v, ref.Postmortems, in.Audiences) {
				d.RisksDue = append(d.RisksDue, Risk{AcceptedRisk: r, Postmortems: ref.Postmortems})
			}
		}
		for _, p := range in.Postmortems {
			if p.Status != debrief.StatusPublished && !p.ReviewDate.IsZero() && p.ReviewDate.Before(day) &&
				slices.ContainsFunc(p.Teams, func(t string) bool { return sameTeam(t, team) }) && visible(v, []string{p.ID}, in.Audiences) {
				d.ReviewsPast = append(d.ReviewsPast, p)
			}
		}
		byDue := func(a, b Action) int {
			if c := a.Due.Compare(b.Due); c != 0 {
				return c
			}
			return debrief.CompareActionIDs(a.ID, b.ID)
		}
		slices.SortStableFunc(d.Overdue, byDue)
		slices.SortStableFunc(d.DueSoon, byDue)
		slices.SortStableFunc(d.RisksDue, func(a, b Risk) int {
			if c := a.ReviewBy.Compare(b.ReviewBy); c != 0 {
				return c
			}
			return debrief.CompareActionIDs(a.ID, b.ID)
		})
		slices.SortStableFunc(d.ReviewsPast, func(a, b Postmortem) int {
			if c := a.ReviewDate.Compare(b.ReviewDate); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		if !d.Empty() {
			out = append(out, d)
		}
	}
	return out
}

// visible reports whether v may see every one of the postmortems ids.
func visible(v debrief.Viewer, ids []string, audiences map[string]debrief.Audience) bool {
	if len(ids) == 0 {
		return false
	}
	for _, id := range ids {
		a, ok := audiences[id]
		if !ok {
			a = debrief.Audience{Restricted: true}
		}
		if !v.CanSeeAudience(a) {
			return false
		}
	}
	return true
}

func sameTeam(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

func days(from, to debrief.Date) int {
	return int(to.Time().Sub(from.Time()).Hours()/24 + 0.5)
}
