package debrief

import (
	"slices"
	"strings"
)

// A family is every postmortem of one incident kind: the incidents of that
// kind over time, the fixes made between them, and the work still open. A
// postmortem belongs to the family of each kind it has with at least
// MinFamilyShare of its evidence, and always to its strongest kind's.
// docs/kinds.md explains families and recurrences.

// MinFamilyShare is the share of a postmortem's evidence a kind needs for
// the postmortem to count in that kind's family.
const MinFamilyShare = 0.34

// FamilyKinds returns the ids of the kinds whose families a postmortem with
// these kinds belongs to.
func FamilyKinds(kinds []KindMatch) []string {
	var out []string
	for i, k := range kinds {
		if i == 0 || k.Confirmed || k.Score >= MinFamilyShare {
			out = append(out, k.ID)
		}
	}
	return out
}

// Kin is a postmortem as families and recurrences see it: its summary, its
// kinds, and its action items with their status.
type Kin struct {
	Summary     *PostmortemSummary
	Kinds       []KindMatch
	ActionItems []ActionItem
}

// Date returns the kin's incident date.
func (k *Kin) Date() Date { return k.Summary.Date }

// Recurrence says that an incident of a kind came after a fix for an
// earlier incident of the same kind was done: "recurred although ACT-107
// was done".
type Recurrence struct {
	// Kind is the kind both incidents have.
	Kind, KindName string
	// Earlier is the incident the fix was made for, Later the one that
	// came after it was done.
	Earlier, Later *PostmortemSummary
	// Fix is the action item that was done in between; DoneBy the date it
	// counts as done from.
	Fix    ActionItem
	DoneBy Date
}

// String says the recurrence in words, as the later incident's page shows
// it.
func (r Recurrence) String() string {
	return "recurred although " + r.Fix.ID + " was done (" + r.Earlier.ID + ", " + lowerFirst(r.KindName) + ")"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// DoneDates says when action items were marked done, as far as the archive
// recorded it.
type DoneDates func(itemID string) (Date, bool)

// doneBy returns the date an item counts as done from: when it was recorded
// done, or, for an item that arrived done (imported from files), its due
// date.
func doneBy(a ActionItem, dates DoneDates) (Date, bool) {
	if a.Status != ActionDone {
		return Date{}, false
	}
	if dates != nil {
		if d, ok := dates(a.ID); ok {
			return d, true
		}
	}
	return a.Due, !a.Due.IsZero()
}

// isFix reports whether an action item claims to stop the incident from
// happening again, or to make it smaller: prevent and mitigate items, and
// items of no stated kind. Detection and process items do not.
func isFix(a ActionItem) bool {
	return a.Kind == "" || a.Kind == KindPrevent || a.Kind == KindMitigate
}

// Recurrences finds, among kin, the recurrences that involve target: the
// fixes of earlier incidents of the same kind that were done before target
// happened, and the later incidents of the same kind that happened after
// target's own fixes were done. A fix counts when the later incident lists
// it too, or when the two incidents share a service and the fix's owner
// team is one of the later incident's teams: a fix made for other systems,
// by a team that was not involved again, never promised to prevent it. A
// fix counts against the first few incidents it did not prevent
// (FixRecurrences); after those it is known not to have held, and naming it
// again on every later incident would only grow with the archive. A target
// without a date (a new draft) is taken to happen today.
func Recurrences(target *Kin, kin []*Kin, dates DoneDates, today Date) []Recurrence {
	all := []*Kin{target}
	for _, k := range kin {
		if k.Summary.ID != target.Summary.ID {
			all = append(all, k)
		}
	}
	var out []Recurrence
	for _, r := range recurrencesAmong(all, dates, today, fixesNear(target, all, dates)) {
		if r.Earlier.ID == target.Summary.ID || r.Later.ID == target.Summary.ID {
			out = append(out, r)
		}
	}
	return out
}

// fixesNear returns the ids of the fixes among kin that may recur with
// target: its own, and those of other incidents that target lists or that
// were made for one of its services by one of its teams. A fix is counted
// against later incidents on its own (FixRecurrences), so the recurrences
// of these fixes alone are all of target's, and a page need not find the
// whole family's.
func fixesNear(target *Kin, kin []*Kin, dates DoneDates) map[string]bool {
	ids := map[string]bool{}
	listed := map[string]bool{}
	for _, a := range target.ActionItems {
		listed[a.ID] = true
	}
	services, teams := Keys(target.Summary.Services), Keys(target.Summary.Teams)
	for _, e := range kin {
		near := 0 // not known yet; 1 when e shares a service with target, -1 when not
		for i := range e.ActionItems {
			a := &e.ActionItems[i]
			if ids[a.ID] || !isFix(*a) {
				continue
			}
			if _, ok := doneBy(*a, dates); !ok {
				continue
			}
			if e == target || listed[a.ID] {
				ids[a.ID] = true
				continue
			}
			if near == 0 {
				near = -1
				if len(intersect(Keys(e.Summary.Services), services)) > 0 {
					near = 1
				}
			}
			if near > 0 && slices.Contains(teams, strings.ToLower(strings.TrimSpace(a.OwnerTeam))) {
				ids[a.ID] = true
			}
		}
	}
	return ids
}

// dedupeRecurrences sorts recurrences by the later incident, and keeps one
// per later incident and fix: a fix shared by several earlier incidents is
// named with the first of them.
func dedupeRecurrences(rs []Recurrence) []Recurrence {
	slices.SortStableFunc(rs, func(a, b Recurrence) int {
		if c := a.Later.Date.Compare(b.Later.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Later.ID, b.Later.ID); c != 0 {
			return c
		}
		if c := strings.Compare(a.Fix.ID, b.Fix.ID); c != 0 {
			return c
		}
		if c := a.Earlier.Date.Compare(b.Earlier.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Earlier.ID, b.Earlier.ID)
	})
	return slices.CompactFunc(rs, func(a, b Recurrence) bool { return a.Later.ID == b.Later.ID && a.Fix.ID == b.Fix.ID })
}

// recurrence returns the recurrence of later after earlier's item a, if a
// is a fix that later's incident came after: nil or one.
func recurrence(earlier, later *Kin, a ActionItem, dates DoneDates, today Date) []Recurrence {
	ed, ld := earlier.Date(), later.Date()
	if ld.IsZero() {
		ld = today
	}
	if ed.IsZero() || !ed.Before(ld) || !isFix(a) {
		return nil
	}
	listed := slices.ContainsFunc(later.ActionItems, func(b ActionItem) bool { return b.ID == a.ID })
	if !listed {
		near := len(intersect(Keys(earlier.Summary.Services), Keys(later.Summary.Services))) > 0
		owned := slices.Contains(Keys(later.Summary.Teams), strings.ToLower(strings.TrimSpace(a.OwnerTeam)))
		if !near || !owned {
			return nil
		}
	}
	d, ok := doneBy(a, dates)
	if !ok || !d.Before(ld) {
		return nil
	}
	kind, name := sharedFamily(earlier.Kinds, later.Kinds)
	if kind == "" {
		return nil
	}
	return []Recurrence{{Kind: kind, KindName: name, Earlier: earlier.Summary, Later: later.Summary, Fix: a, DoneBy: d}}
}

// sharedFamily returns the first kind whose family both kin belong to.
func sharedFamily(a, b []KindMatch) (id, name string) {
	fb := FamilyKinds(b)
	for _, k := range a {
		if slices.Contains(FamilyKinds(a), k.ID) && slices.Contains(fb, k.ID) {
			return k.ID, k.Name
		}
	}
	return "", ""
}

// Family is every visible postmortem of one incident kind.
type Family struct {
	Kind IncidentKind
	// Incidents are the family's postmortems, oldest first.
	Incidents []*FamilyIncident
	// Recurrences are the fixes that did not hold: an incident of the
	// family after a fix of an earlier one was done.
	Recurrences []Recurrence
	// Open lists the family's action items not done or dropped yet.
	Open []ActionItem
}

// FamilyIncident is one incident of a family.
type FamilyIncident struct {
	*PostmortemSummary
	// Match is the kind as inferred or confirmed for this postmortem.
	Match KindMatch
	// FixedBefore lists the family's fixes done between the previous
	// incident and this one.
	FixedBefore []ActionItem
}

// BuildFamily builds the family of kind from its kin, which must all
// belong to it. It looks fixes up by item id and by service and owner team
// rather than comparing every pair of incidents, so that a family of
// thousands builds in milliseconds.
func BuildFamily(kind IncidentKind, kin []*Kin, dates DoneDates, today Date) *Family {
	f := &Family{Kind: kind}
	sorted := slices.Clone(kin)
	slices.SortStableFunc(sorted, func(a, b *Kin) int {
		if c := a.Date().Compare(b.Date()); c != 0 {
			return c
		}
		return strings.Compare(a.Summary.ID, b.Summary.ID)
	})
	// Every done item of the family, by the date it counts as done from.
	var done []doneItem
	for j, e := range sorted {
		for p, a := range e.ActionItems {
			if d, ok := doneBy(a, dates); ok {
				done = append(done, doneItem{d: d, at: j, pos: p})
			}
		}
	}
	slices.SortStableFunc(done, func(a, b doneItem) int { return a.d.Compare(b.d) })
	item := func(it doneItem) ActionItem { return sorted[it.at].ActionItems[it.pos] }

	seenOpen := map[string]bool{}
	var prev Date
	for i, k := range sorted {
		fi := &FamilyIncident{PostmortemSummary: k.Summary}
		for _, m := range k.Kinds {
			if m.ID == kind.ID {
				fi.Match = m
			}
		}
		// The items of earlier incidents done between the previous
		// incident and this one, in the order of their incidents.
		var between []doneItem
		from, _ := slices.BinarySearchFunc(done, prev, func(it doneItem, d Date) int { return it.d.Compare(d) })
		for _, it := range done[from:] {
			if !it.d.Before(k.Date()) {
				break
			}
			if it.at < i {
				between = append(between, it)
			}
		}
		slices.SortFunc(between, doneItem.compare)
		seen := map[string]bool{}
		for _, it := range between {
			if a := item(it); !seen[a.ID] {
				seen[a.ID] = true
				fi.FixedBefore = append(fi.FixedBefore, a)
			}
		}
		prev = k.Date()
		for _, a := range k.ActionItems {
			if !a.Closed() && !seenOpen[a.ID] {
				seenOpen[a.ID] = true
				f.Open = append(f.Open, a)
			}
		}
		f.Incidents = append(f.Incidents, fi)
	}
	f.Recurrences = recurrencesAmong(sorted, dates, today, nil)
	return f
}

// FixRecurrences is how many later incidents one fix is named on: the
// first ones it did not prevent.
const FixRecurrences = 3

// recurrencesAmong returns the recurrences among kin. Each fix counts
// against the first FixRecurrences later incidents it did not prevent, in
// the order of the dates incidents count from (today for one without a
// date). Fixes
// are looked up by item id and by service and owner team, so that
// thousands of incidents need no comparison of every pair. With fixes
// set, only the fixes with those ids are looked at.
func recurrencesAmong(kin []*Kin, dates DoneDates, today Date, fixes map[string]bool) []Recurrence {
	sorted := slices.Clone(kin)
	slices.SortStableFunc(sorted, func(a, b *Kin) int {
		if c := effectiveDate(a, today).Compare(effectiveDate(b, today)); c != 0 {
			return c
		}
		return strings.Compare(a.Summary.ID, b.Summary.ID)
	})
	byID := map[string][]doneItem{}
	byPlace := map[[2]string][]doneItem{}
	for j, e := range sorted {
		services := Keys(e.Summary.Services)
		for p := range e.ActionItems {
			if fixes != nil && !fixes[e.ActionItems[p].ID] {
				continue
			}
			a := e.ActionItems[p]
			if _, ok := doneBy(a, dates); !ok || !isFix(a) {
				continue
			}
			it := doneItem{at: j, pos: p}
			byID[a.ID] = append(byID[a.ID], it)
			team := strings.ToLower(strings.TrimSpace(a.OwnerTeam))
			for _, s := range services {
				byPlace[[2]string{s, team}] = append(byPlace[[2]string{s, team}], it)
			}
		}
	}
	var out []Recurrence
	spent := map[string]int{} // later incidents each fix was named on
	for i, k := range sorted {
		var cands []doneItem
		for j := range k.ActionItems {
			cands = append(cands, byID[k.ActionItems[j].ID]...)
		}
		if len(byPlace) > 0 {
			for _, s := range Keys(k.Summary.Services) {
				for _, t := range Keys(k.Summary.Teams) {
					cands = append(cands, byPlace[[2]string{s, t}]...)
				}
			}
		}
		slices.SortFunc(cands, doneItem.compare)
		cands = slices.Compact(cands)
		n := len(out)
		for _, it := range cands {
			a := sorted[it.at].ActionItems[it.pos]
			if it.at < i && spent[a.ID] < FixRecurrences {
				out = append(out, recurrence(sorted[it.at], k, a, dates, today)...)
			}
		}
		if len(out) == n {
			continue
		}
		named := map[string]bool{}
		for _, r := range out[n:] {
			if !named[r.Fix.ID] {
				named[r.Fix.ID] = true
				spent[r.Fix.ID]++
			}
		}
	}
	return dedupeRecurrences(out)
}

// effectiveDate is the date an incident counts from: its own, or today for
// one without (a draft being written).
func effectiveDate(k *Kin, today Date) Date {
	if d := k.Date(); !d.IsZero() {
		return d
	}
	return today
}

// doneItem is a done action item of a family: the date it counts as done
// from, and where it is, as sorted[at].ActionItems[pos].
type doneItem struct {
	d       Date
	at, pos int
}

func (a doneItem) compare(b doneItem) int {
	if a.at != b.at {
		return a.at - b.at
	}
	return a.pos - b.pos
}

// RecurredIDs returns the ids of the family's incidents that came after a
// fix that was done.
func (f *Family) RecurredIDs() []string {
	var out []string
	for _, r := range f.Recurrences {
		if !slices.Contains(out, r.Later.ID) {
			out = append(out, r.Later.ID)
		}
	}
	return out
}
