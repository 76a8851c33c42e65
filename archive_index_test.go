package debrief

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// checkInMemory is how the checks across files worked on parsed
// postmortems held in memory, the archive's postmortems first, with the
// problems of an import's files that relate to a skipped one found round
// after round. TestArchiveIndexAgreesWithDocuments holds ArchiveIndex to
// the same results.
func checkInMemory(files []*Postmortem, ownProblems []bool, held *References) []ArchiveError {
	inFiles := map[string]bool{}
	for _, p := range files {
		inFiles[p.ID] = true
	}
	var pms []*Postmortem
	stored := map[string]*Postmortem{}
	for _, id := range held.IDs {
		if !inFiles[id] {
			p := &Postmortem{ID: id}
			if a, ok := held.Audiences[id]; ok {
				p.Restricted, p.Teams = a.Restricted, a.Teams
			}
			stored[id] = p
			pms = append(pms, p)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(held.ActionItems)) {
		for _, pm := range held.ActionItems[id].Postmortems {
			if p := stored[pm]; p != nil {
				p.ActionItems = append(p.ActionItems, held.ActionItems[id].Item)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(held.AcceptedRisks)) {
		for _, pm := range held.AcceptedRisks[id].Postmortems {
			if p := stored[pm]; p != nil {
				p.AcceptedRisks = append(p.AcceptedRisks, held.AcceptedRisks[id].Risk)
			}
		}
	}
	off := len(pms)
	pms = append(pms, files...)

	var errs []ArchiveError
	add := func(i int, field, msg string) {
		if i >= off {
			errs = append(errs, ArchiveError{Index: i - off, First: -1, FieldError: FieldError{field, msg}})
		}
	}
	firstPM := map[string]int{}
	for i, p := range pms {
		if p.ID == "" {
			continue
		}
		if j, ok := firstPM[p.ID]; ok {
			add(i, "id", fmt.Sprintf("duplicate postmortem id %s: also used by another file (number %d of those given)", p.ID, j-off+1))
			if i >= off {
				errs[len(errs)-1].First = j - off
			}
			continue
		}
		firstPM[p.ID] = i
	}
	type firstItem struct {
		index int
		item  any
	}
	items, risks := map[string]firstItem{}, map[string]firstItem{}
	shared := func(seen map[string]firstItem, i int, field, what, id string, v any, differ string) {
		if id == "" {
			return
		}
		f, ok := seen[id]
		switch {
		case !ok:
			seen[id] = firstItem{i, v}
		case f.index == i:
		case !pms[f.index].Audience().Equal(pms[i].Audience()):
			add(i, field, sharedAudienceMessage(what, id, pms[i].Audience(), pms[f.index].ID, pms[f.index].Audience()))
		case !reflect.DeepEqual(f.item, v):
			add(i, field, fmt.Sprintf(differ, id, pms[f.index].ID))
		}
	}
	for i, p := range pms {
		for k, a := range p.ActionItems {
			shared(items, i, fmt.Sprintf("action_items[%d].id", k), "action item", a.ID, a,
				"duplicate action item id %s: %s uses it for a different item; ids are unique across the archive, and an item shared by several postmortems must be identical in each")
		}
	}
	for i, p := range pms {
		for k, r := range p.AcceptedRisks {
			shared(risks, i, fmt.Sprintf("accepted_risks[%d].id", k), "accepted risk", r.ID, r, "duplicate accepted risk id %s: %s uses it for a different risk")
		}
	}
	for i, p := range pms {
		for k, r := range p.Related {
			if _, ok := firstPM[r]; ValidPostmortemID(r) && !ok {
				add(i, fmt.Sprintf("related[%d]", k), fmt.Sprintf("related postmortem %s does not exist among the files given", r))
			}
		}
	}
	valid := make([]bool, len(files))
	for i := range files {
		valid[i] = !ownProblems[i]
	}
	for _, e := range errs {
		valid[e.Index] = false
	}
	isStored := map[string]bool{}
	for _, id := range held.IDs {
		isStored[id] = true
	}
	for changed := true; changed; {
		changed = false
		landing := map[string]bool{}
		for i, p := range files {
			if valid[i] {
				landing[p.ID] = true
			}
		}
		var dropped []int
		for i, p := range files {
			if !valid[i] {
				continue
			}
			for k, r := range p.Related {
				if inFiles[r] && !landing[r] && !isStored[r] {
					errs = append(errs, ArchiveError{Index: i, First: -1, FieldError: FieldError{fmt.Sprintf("related[%d]", k),
						fmt.Sprintf("related postmortem %s is skipped because of its problems and is not in the archive yet: fix it, then import both", r)}})
					dropped = append(dropped, i)
					changed = true
				}
			}
		}
		for _, i := range dropped {
			valid[i] = false
		}
	}
	return errs
}

// randomSet makes a small set of files and an archive that collide often:
// few ids, items that differ in one field, two audiences, related ids that
// come before or after or nowhere.
func randomSet(r *rand.Rand) (files []*Postmortem, ownProblems []bool, held *References) {
	id := func() string { return PostmortemID(2026, int64(1+r.IntN(8))) }
	item := func() ActionItem {
		return ActionItem{ID: fmt.Sprintf("ACT-%d", 1+r.IntN(3)), Title: []string{"rotate keys", "add an alert"}[r.IntN(2)], OwnerTeam: "search", Due: Date{2026, 5, 1 + r.IntN(2)}}
	}
	risk := func() AcceptedRisk {
		return AcceptedRisk{ID: fmt.Sprintf("RISK-%d", 1+r.IntN(2)), Risk: []string{"manual failover", "no alert"}[r.IntN(2)], OwnerTeam: "search"}
	}
	audience := func() (bool, []string) {
		switch r.IntN(4) {
		case 0:
			return true, []string{"Security"}
		case 1:
			return true, []string{"security", "search"}
		}
		return false, nil
	}
	for range 1 + r.IntN(10) {
		p := &Postmortem{ID: id()}
		if r.IntN(10) == 0 {
			p.ID = ""
		}
		p.Restricted, p.Teams = audience()
		for range r.IntN(3) {
			p.ActionItems = append(p.ActionItems, item())
		}
		for range r.IntN(2) {
			p.AcceptedRisks = append(p.AcceptedRisks, risk())
		}
		for range r.IntN(3) {
			rel := id()
			if r.IntN(6) == 0 {
				rel = "PM-2026-099"
			}
			p.Related = append(p.Related, rel)
		}
		files = append(files, p)
		ownProblems = append(ownProblems, r.IntN(5) == 0)
	}
	held = &References{ActionItems: map[string]ActionItemRef{}, AcceptedRisks: map[string]AcceptedRiskRef{}, Audiences: map[string]Audience{}}
	for n := 1; n <= 8; n++ {
		if r.IntN(3) == 0 {
			held.IDs = append(held.IDs, PostmortemID(2026, int64(n)))
		}
	}
	for _, pm := range held.IDs {
		restricted, teams := audience()
		a := NewAudience(restricted, teams)
		if r.IntN(2) == 0 {
			it := item()
			ref := held.ActionItems[it.ID]
			if len(ref.Postmortems) == 0 {
				ref.Item = it
			}
			ref.Postmortems = append(ref.Postmortems, pm)
			held.ActionItems[it.ID] = ref
			held.Audiences[pm] = a
		}
		if r.IntN(3) == 0 {
			rk := risk()
			ref := held.AcceptedRisks[rk.ID]
			if len(ref.Postmortems) == 0 {
				ref.Risk = rk
			}
			ref.Postmortems = append(ref.Postmortems, pm)
			held.AcceptedRisks[rk.ID] = ref
			held.Audiences[pm] = a
		}
	}
	return files, ownProblems, held
}

// TestArchiveIndexAgreesWithDocuments checks thousands of random sets on
// the index and on the parsed postmortems: the problems, their order for
// each file and their messages are the same.
func TestArchiveIndexAgreesWithDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2))
	kinds := map[string]int{}
	for n := range 5000 {
		files, own, held := randomSet(r)
		if n%3 == 0 {
			held = &References{} // validate: the files alone
		}
		want := checkInMemory(files, own, held)
		var x ArchiveIndex
		for _, p := range files {
			x.Add(IndexOf(p))
		}
		got := x.Check(held)
		skipped := make([]bool, len(files))
		for _, e := range got {
			skipped[e.Index] = true
		}
		got = append(got, x.Unlanded(func(i int) bool { return own[i] || skipped[i] }, held)...)
		if g, w := perFile(got), perFile(want); !reflect.DeepEqual(g, w) {
			t.Fatalf("set %d: the index finds\n%s\nthe documents\n%s\nfiles: %s\narchive: %+v", n, g, w, describe(files, own), held)
		}
		for _, e := range want {
			k := strings.Join(strings.SplitN(e.Message, " ", 3)[:2], " ")
			if strings.Contains(e.Message, "is skipped") {
				k += " skipped"
			}
			kinds[k]++
		}
	}
	// The sets reach every kind of problem, else the test proves little.
	for _, k := range []string{"duplicate postmortem", "duplicate action", "duplicate accepted", "action item", "accepted risk", "related postmortem", "related postmortem skipped"} {
		if kinds[k] < 50 {
			t.Errorf("only %d problems of kind %q in the random sets: %v", kinds[k], k, kinds)
		}
	}
}

// perFile lists the problems file by file, each file's in the order found.
func perFile(errs []ArchiveError) string {
	by := map[int][]string{}
	for _, e := range errs {
		by[e.Index] = append(by[e.Index], fmt.Sprintf("%s: %s (first %d)", e.Field, e.Message, e.First))
	}
	var b strings.Builder
	for _, i := range slices.Sorted(maps.Keys(by)) {
		fmt.Fprintf(&b, "  file %d:\n    %s\n", i, strings.Join(by[i], "\n    "))
	}
	return b.String()
}

func describe(files []*Postmortem, own []bool) string {
	var b strings.Builder
	for i, p := range files {
		fmt.Fprintf(&b, "\n  %d %s problems=%v audience=%v items=%v risks=%v related=%v", i, p.ID, own[i], p.Audience(), p.ActionItems, p.AcceptedRisks, p.Related)
	}
	return b.String()
}
