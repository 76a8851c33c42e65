package debrief

import (
	"fmt"
	"reflect"
)

// ArchiveError is a problem that shows only when several postmortems are
// checked together: Index says which one, Field where in it.
type ArchiveError struct {
	Index int
	FieldError
}

// CheckArchive checks what no single postmortem can check alone: that
// postmortem ids are unique, that an action item or accepted risk shared by
// several postmortems says the same thing in each and links only
// postmortems with the same audience (CheckShared), and that related ids
// exist.
func CheckArchive(pms []*Postmortem) []ArchiveError {
	var errs []ArchiveError
	add := func(i int, field, format string, args ...any) {
		errs = append(errs, ArchiveError{i, FieldError{field, fmt.Sprintf(format, args...)}})
	}
	firstPM := map[string]int{}
	for i, p := range pms {
		if p.ID == "" {
			continue
		}
		if j, ok := firstPM[p.ID]; ok {
			add(i, "id", "duplicate postmortem id %s: also used by another file (number %d of those given)", p.ID, j+1)
			continue
		}
		firstPM[p.ID] = i
	}
	type firstItem struct {
		index int
		item  ActionItem
	}
	items := map[string]firstItem{}
	for i, p := range pms {
		for k, a := range p.ActionItems {
			if a.ID == "" {
				continue
			}
			f, ok := items[a.ID]
			if !ok {
				items[a.ID] = firstItem{i, a}
				continue
			}
			if f.index != i && !pms[f.index].Audience().Equal(p.Audience()) {
				add(i, fmt.Sprintf("action_items[%d].id", k), "%s", sharedAudienceMessage("action item", a.ID, p, pms[f.index]))
			} else if f.index != i && !reflect.DeepEqual(f.item, a) {
				add(i, fmt.Sprintf("action_items[%d].id", k), "duplicate action item id %s: %s uses it for a different item; ids are unique across the archive, and an item shared by several postmortems must be identical in each", a.ID, pms[f.index].ID)
			}
		}
	}
	type firstRisk struct {
		index int
		risk  AcceptedRisk
	}
	risks := map[string]firstRisk{}
	for i, p := range pms {
		for k, r := range p.AcceptedRisks {
			if r.ID == "" {
				continue
			}
			f, ok := risks[r.ID]
			if !ok {
				risks[r.ID] = firstRisk{i, r}
				continue
			}
			if f.index != i && !pms[f.index].Audience().Equal(p.Audience()) {
				add(i, fmt.Sprintf("accepted_risks[%d].id", k), "%s", sharedAudienceMessage("accepted risk", r.ID, p, pms[f.index]))
			} else if f.index != i && f.risk != r {
				add(i, fmt.Sprintf("accepted_risks[%d].id", k), "duplicate accepted risk id %s: %s uses it for a different risk", r.ID, pms[f.index].ID)
			}
		}
	}
	for i, p := range pms {
		for k, r := range p.Related {
			if _, ok := firstPM[r]; !ok && ValidPostmortemID(r) {
				add(i, fmt.Sprintf("related[%d]", k), "related postmortem %s does not exist among the files given", r)
			}
		}
	}
	return errs
}
