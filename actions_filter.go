package debrief

import (
	"slices"
	"strings"
)

// ActionFilter selects action items across the archive, as the action-item
// list, `GET /api/v1/action-items` and `debrief actions` do. Every field
// that is set narrows the result; several values of one field match any
// of them. Teams, services and kinds compare as Keys compares them.
type ActionFilter struct {
	// Teams match the item's owner team.
	Teams    []string
	Statuses []ActionStatus
	// Kinds are action item kinds (detect, mitigate, prevent, process).
	Kinds []ActionKind
	// Overdue keeps only items still open after their due date.
	Overdue bool
	// DueBefore keeps only items due strictly before the date.
	DueBefore Date
	// Postmortems keeps items listed by one of these postmortems.
	Postmortems []string
	// Services keeps items whose incidents affected one of these services.
	Services []string
	// IncidentKinds keeps items whose incidents belong to the family of one
	// of these incident kinds.
	IncidentKinds []string
}

// OpenActions is the filter of the items still to do: open and in
// progress.
func OpenActions() ActionFilter {
	return ActionFilter{Statuses: []ActionStatus{ActionOpen, ActionInProgress}}
}

// Matches reports whether a passes every condition of the filter, as of
// today.
func (f ActionFilter) Matches(a *ArchiveAction, today Date) bool {
	it := &a.Item
	if len(f.Teams) > 0 && !slices.Contains(Keys(f.Teams), keyOf(it.OwnerTeam)) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, statusOf(it)) {
		return false
	}
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, it.Kind) {
		return false
	}
	if f.Overdue && !it.Overdue(today) {
		return false
	}
	if !f.DueBefore.IsZero() && (it.Due.IsZero() || !it.Due.Before(f.DueBefore)) {
		return false
	}
	if len(f.Postmortems) > 0 && !slices.ContainsFunc(a.PostmortemIDs(), func(id string) bool {
		return slices.ContainsFunc(f.Postmortems, func(p string) bool { return strings.EqualFold(strings.TrimSpace(p), id) })
	}) {
		return false
	}
	if len(f.Services) > 0 {
		want := Keys(f.Services)
		if !slices.ContainsFunc(a.Incidents, func(k *Kin) bool { return len(intersect(want, Keys(k.Summary.Services))) > 0 }) {
			return false
		}
	}
	if len(f.IncidentKinds) > 0 && len(intersect(Keys(f.IncidentKinds), Keys(a.Families()))) == 0 {
		return false
	}
	return true
}

// Filter returns the actions that match f, in their order.
func (f ActionFilter) Filter(actions []*ArchiveAction, today Date) []*ArchiveAction {
	var out []*ArchiveAction
	for _, a := range actions {
		if f.Matches(a, today) {
			out = append(out, a)
		}
	}
	return out
}

// statusOf returns the item's status, open when it has none.
func statusOf(a *ActionItem) ActionStatus {
	if a.Status == "" {
		return ActionOpen
	}
	return a.Status
}

func keyOf(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
