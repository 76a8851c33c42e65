package debrief

import (
	"slices"
	"strconv"
	"strings"
)

// Follow-through: action items across the archive, ranked by the return for
// the work (actions_score.go, actions_rank.go), filtered (actions_filter.go)
// and measured (actions_figures.go); the accepted-risk register (risks.go);
// and the history of every change (history.go). docs/actions.md explains
// the score and the figures. Everything here is pure: the stores gather the
// inputs, and the web app and the CLI show the results.

// ArchiveAction is one action item as the whole archive sees it: the item,
// every postmortem that lists it, and the recurrences around those
// incidents. An item shared by a family is one ArchiveAction with several
// incidents.
type ArchiveAction struct {
	Item ActionItem
	// Incidents are the postmortems that list the item, oldest first.
	Incidents []*Kin
	// Recurrences are the recurrences that involve one of Incidents, other
	// than the item's own: an incident of the same family that came after a
	// fix was done, before or after one of them.
	Recurrences []Recurrence
	// Opened is the day the archive first recorded the item; zero when
	// it does not know, and the earliest incident's date counts instead.
	Opened Date
	// DoneOn is the day the archive recorded the item done; zero when the
	// item is not done or arrived done in a file.
	DoneOn Date
}

// OpenedOn returns the day the item counts as opened from: the day the
// archive recorded it, or else the date of its earliest incident.
func (a *ArchiveAction) OpenedOn() Date {
	if !a.Opened.IsZero() {
		return a.Opened
	}
	for _, k := range a.Incidents {
		if !k.Date().IsZero() {
			return k.Date()
		}
	}
	return Date{}
}

// PostmortemIDs returns the ids of the postmortems that list the item.
func (a *ArchiveAction) PostmortemIDs() []string {
	ids := make([]string, len(a.Incidents))
	for i, k := range a.Incidents {
		ids[i] = k.Summary.ID
	}
	return ids
}

// Families returns the ids of the incident kinds whose families the item's
// incidents belong to, without duplicates, in the order first met.
func (a *ArchiveAction) Families() []string {
	var out []string
	for _, k := range a.Incidents {
		for _, f := range FamilyKinds(k.Kinds) {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// ActionDates says what the archive recorded about action items' lives:
// when each was first recorded, and when it was recorded done. Either may
// be nil.
type ActionDates struct {
	Opened, Done DoneDates
}

// CollectActions gathers the action items of kin, the postmortems a viewer
// may see with their kinds and items, into one ArchiveAction per item id,
// in id order. Recurrences come from the families the kin form, as
// BuildFamily finds them.
func CollectActions(kin []*Kin, dates ActionDates, today Date) []*ArchiveAction {
	byID := map[string]*ArchiveAction{}
	var out []*ArchiveAction
	for _, k := range kin {
		for _, it := range k.ActionItems {
			a := byID[it.ID]
			if a == nil {
				a = &ArchiveAction{Item: it}
				byID[it.ID] = a
				out = append(out, a)
			}
			if !slices.Contains(a.Incidents, k) {
				a.Incidents = append(a.Incidents, k)
			}
		}
	}
	byIncident := familyRecurrences(kin, dates.Done, today)
	for _, a := range out {
		slices.SortStableFunc(a.Incidents, func(x, y *Kin) int {
			if c := x.Date().Compare(y.Date()); c != 0 {
				return c
			}
			return strings.Compare(x.Summary.ID, y.Summary.ID)
		})
		seen := map[string]bool{}
		for _, k := range a.Incidents {
			for _, r := range byIncident[k.Summary.ID] {
				key := r.Kind + " " + r.Earlier.ID + " " + r.Later.ID + " " + r.Fix.ID
				if r.Fix.ID != a.Item.ID && !seen[key] {
					seen[key] = true
					a.Recurrences = append(a.Recurrences, r)
				}
			}
		}
		if dates.Opened != nil {
			if d, ok := dates.Opened(a.Item.ID); ok {
				a.Opened = d
			}
		}
		if dates.Done != nil && a.Item.Status == ActionDone {
			if d, ok := dates.Done(a.Item.ID); ok {
				a.DoneOn = d
			}
		}
	}
	slices.SortFunc(out, func(x, y *ArchiveAction) int { return CompareActionIDs(x.Item.ID, y.Item.ID) })
	return out
}

// familyRecurrences builds every family of kin and returns its recurrences
// by the ids of the incidents they involve, earlier or later.
func familyRecurrences(kin []*Kin, dates DoneDates, today Date) map[string][]Recurrence {
	members := map[string][]*Kin{}
	names := map[string]string{}
	var order []string
	for _, k := range kin {
		fam := FamilyKinds(k.Kinds)
		for _, m := range k.Kinds {
			if !slices.Contains(fam, m.ID) {
				continue
			}
			if _, ok := members[m.ID]; !ok {
				order = append(order, m.ID)
				names[m.ID] = m.Name
			}
			members[m.ID] = append(members[m.ID], k)
		}
	}
	out := map[string][]Recurrence{}
	for _, id := range order {
		if len(members[id]) < 2 {
			continue
		}
		f := BuildFamily(IncidentKind{ID: id, Name: names[id]}, members[id], dates, today)
		for _, r := range f.Recurrences {
			out[r.Earlier.ID] = append(out[r.Earlier.ID], r)
			if r.Later.ID != r.Earlier.ID {
				out[r.Later.ID] = append(out[r.Later.ID], r)
			}
		}
	}
	return out
}

// CompareActionIDs orders ids such as ACT-9 and ACT-231 by their prefix,
// then by their number, and ids of any other shape as strings.
func CompareActionIDs(a, b string) int {
	pa, na, oka := idNumber(a)
	pb, nb, okb := idNumber(b)
	if oka && okb && pa == pb && na != nb {
		if na < nb {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

func idNumber(id string) (prefix string, n int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(id[i+1:])
	return id[:i], n, err == nil
}
