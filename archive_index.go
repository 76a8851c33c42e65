package debrief

import (
	"fmt"
	"hash/maphash"
	"slices"
)

// ArchiveIndex holds what the checks across a set of postmortems need of
// each one, and nothing else: its id, its audience, a fingerprint of each
// action item and accepted risk, and its related ids. validate and import
// read files one at a time into it and let each document go, so that
// checking a hundred thousand files costs memory for the index, a few
// hundred bytes a file, rather than for the documents.
type ArchiveIndex struct {
	entries []Indexed
}

// Indexed is what an ArchiveIndex keeps of one postmortem. IndexOf makes
// it; it may be made on any goroutine.
type Indexed struct {
	id       string
	audience Audience
	items    []fingerprint
	risks    []fingerprint
	related  []string
}

// fingerprint stands for an action item or accepted risk: its id and a
// hash of all its fields. Two items with the same id and different fields
// have the same hash with a chance of one in 2⁶⁴; the store checks shared
// items again when it writes them.
type fingerprint struct {
	id  string
	sum uint64
}

// fingerprintSeed seeds the hashes of one process; fingerprints are never
// stored.
var fingerprintSeed = maphash.MakeSeed()

func itemPrint(a ActionItem) fingerprint {
	return fingerprint{a.ID, maphash.Comparable(fingerprintSeed, a)}
}

func riskPrint(r AcceptedRisk) fingerprint {
	return fingerprint{r.ID, maphash.Comparable(fingerprintSeed, r)}
}

// IndexOf returns what an ArchiveIndex keeps of p.
func IndexOf(p *Postmortem) Indexed {
	e := Indexed{id: p.ID, audience: p.Audience(), related: slices.Clip(p.Related)}
	if len(p.ActionItems) > 0 {
		e.items = make([]fingerprint, len(p.ActionItems))
		for i, a := range p.ActionItems {
			e.items[i] = itemPrint(a)
		}
	}
	if len(p.AcceptedRisks) > 0 {
		e.risks = make([]fingerprint, len(p.AcceptedRisks))
		for i, r := range p.AcceptedRisks {
			e.risks[i] = riskPrint(r)
		}
	}
	return e
}

// ID returns the id of the postmortem indexed.
func (e *Indexed) ID() string { return e.id }

// Add appends a postmortem to the set and returns its index.
func (x *ArchiveIndex) Add(e Indexed) int {
	x.entries = append(x.entries, e)
	return len(x.entries) - 1
}

// Len returns how many postmortems the set holds.
func (x *ArchiveIndex) Len() int { return len(x.entries) }

// ItemIDs returns the ids of the action items and accepted risks that the
// set lists, sorted, each once: what References reads of the archive.
func (x *ArchiveIndex) ItemIDs() (actionIDs, riskIDs []string) {
	for _, e := range x.entries {
		for _, a := range e.items {
			actionIDs = append(actionIDs, a.id)
		}
		for _, r := range e.risks {
			riskIDs = append(riskIDs, r.id)
		}
	}
	slices.Sort(actionIDs)
	slices.Sort(riskIDs)
	return slices.Compact(actionIDs), slices.Compact(riskIDs)
}

// owner is the postmortem that lists an action item or accepted risk
// first: the one that the others must agree with. index is -1 for a
// postmortem of the archive.
type owner struct {
	index    int
	id       string
	audience Audience
	sum      uint64
}

// Check returns the problems that show only across the set, in the order
// CheckArchive gives them. held is what the archive already holds, as
// References reads it for the set's items and risks, or nil to check the
// set alone. The archive's postmortems that no postmortem of the set
// replaces take part as if they came before the set: a postmortem of the
// set that disagrees with one of them gets the problem.
func (x *ArchiveIndex) Check(held *References) []ArchiveError {
	var errs []ArchiveError
	add := func(i int, field, format string, args ...any) {
		errs = append(errs, ArchiveError{Index: i, First: -1, FieldError: FieldError{field, fmt.Sprintf(format, args...)}})
	}
	first := make(map[string]int, len(x.entries))
	for i, e := range x.entries {
		if e.id == "" {
			continue
		}
		if j, ok := first[e.id]; ok {
			add(i, "id", "duplicate postmortem id %s: also used by another file (number %d of those given)", e.id, j+1)
			errs[len(errs)-1].First = j
			continue
		}
		first[e.id] = i
	}
	stored := storedIDs(held)
	// archiveOwners returns, for each id of refs, the first stored
	// postmortem that lists it and that no postmortem of the set replaces.
	archiveOwners := func(refs map[string][]string, sums map[string]uint64) map[string]owner {
		owners := map[string]owner{}
		for id, pms := range refs {
			for _, pm := range pms {
				if _, replaced := first[pm]; !replaced {
					a := held.Audiences[pm]
					owners[id] = owner{-1, pm, NewAudience(a.Restricted, a.Teams), sums[id]}
					break
				}
			}
		}
		return owners
	}
	var items, risks map[string]owner
	if held != nil {
		refs, sums := map[string][]string{}, map[string]uint64{}
		for id, ref := range held.ActionItems {
			refs[id], sums[id] = ref.Postmortems, itemPrint(ref.Item).sum
		}
		items = archiveOwners(refs, sums)
		refs, sums = map[string][]string{}, map[string]uint64{}
		for id, ref := range held.AcceptedRisks {
			refs[id], sums[id] = ref.Postmortems, riskPrint(ref.Risk).sum
		}
		risks = archiveOwners(refs, sums)
	}
	shared := func(what, list string, owners map[string]owner, prints func(e *Indexed) []fingerprint, differ string) {
		if owners == nil {
			owners = map[string]owner{}
		}
		for i := range x.entries {
			e := &x.entries[i]
			for k, a := range prints(e) {
				if a.id == "" {
					continue
				}
				f, ok := owners[a.id]
				switch {
				case !ok:
					owners[a.id] = owner{i, e.id, e.audience, a.sum}
				case f.index == i:
				case !f.audience.Equal(e.audience):
					add(i, fmt.Sprintf("%s[%d].id", list, k), "%s", sharedAudienceMessage(what, a.id, e.audience, f.id, f.audience))
				case f.sum != a.sum:
					add(i, fmt.Sprintf("%s[%d].id", list, k), differ, a.id, f.id)
				}
			}
		}
	}
	shared("action item", "action_items", items, func(e *Indexed) []fingerprint { return e.items },
		"duplicate action item id %s: %s uses it for a different item; ids are unique across the archive, and an item shared by several postmortems must be identical in each")
	shared("accepted risk", "accepted_risks", risks, func(e *Indexed) []fingerprint { return e.risks },
		"duplicate accepted risk id %s: %s uses it for a different risk")
	exists := func(id string) bool {
		_, ok := first[id]
		return ok || stored(id)
	}
	for i := range x.entries {
		for k, r := range x.entries[i].related {
			if ValidPostmortemID(r) && !exists(r) {
				add(i, fmt.Sprintf("related[%d]", k), "related postmortem %s does not exist among the files given", r)
			}
		}
	}
	return errs
}

// storedIDs returns whether the archive held holds a postmortem.
func storedIDs(held *References) func(id string) bool {
	if held == nil {
		return func(string) bool { return false }
	}
	ids := held.IDs
	if !slices.IsSorted(ids) {
		ids = slices.Sorted(slices.Values(ids))
	}
	return func(id string) bool {
		_, ok := slices.BinarySearch(ids, id)
		return ok
	}
}

// Unlanded returns the problems of an import that show once the other
// problems are known: a postmortem that relates to one of the set that
// will not land, because it has problems, would land pointing at nothing,
// unless the archive holds an earlier version of that one. skipped
// reports whether postmortem i has problems already; held is what the
// archive holds, or nil. A postmortem skipped for this reason makes the
// ones that relate to it skipped too, and so on; each gets a problem for
// every related postmortem that was skipped before it.
func (x *ArchiveIndex) Unlanded(skipped func(i int) bool, held *References) []ArchiveError {
	stored := storedIDs(held)
	// level is 0 for a postmortem skipped for its own problems and n for
	// one skipped because it relates to one of level n-1; -1 for one that
	// lands. A related id stands for the first postmortem with that id:
	// the others with it are duplicates, skipped anyway.
	level := make([]int32, len(x.entries))
	first := make(map[string]int, len(x.entries))
	var queue []int
	for i, e := range x.entries {
		level[i] = -1
		if skipped(i) {
			level[i] = 0
			queue = append(queue, i)
		}
		if _, ok := first[e.id]; !ok && e.id != "" {
			first[e.id] = i
		}
	}
	if len(queue) == 0 {
		return nil
	}
	// relating lists, for each postmortem of the set, the ones that relate
	// to it and may be affected.
	relating := map[int][]int{}
	for i, e := range x.entries {
		for _, r := range e.related {
			if j, ok := first[r]; ok && !stored(r) && j != i {
				relating[j] = append(relating[j], i)
			}
		}
	}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		for _, i := range relating[j] {
			if level[i] < 0 {
				level[i] = level[j] + 1
				queue = append(queue, i)
			}
		}
	}
	var errs []ArchiveError
	for i, e := range x.entries {
		if level[i] <= 0 {
			continue
		}
		for k, r := range e.related {
			if j, ok := first[r]; ok && !stored(r) && level[j] >= 0 && level[j] < level[i] {
				errs = append(errs, ArchiveError{Index: i, First: -1, FieldError: FieldError{fmt.Sprintf("related[%d]", k),
					fmt.Sprintf("related postmortem %s is skipped because of its problems and is not in the archive yet: fix it, then import both", r)}})
			}
		}
	}
	return errs
}
