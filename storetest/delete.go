package storetest

import (
	"slices"
	"testing"

	"github.com/debrief/debrief"
)

func testDelete(t *testing.T, open Opener) {
	s := open(t)
	item := func(id string) debrief.ActionItem {
		return debrief.ActionItem{ID: id, Title: "Renew in one job", OwnerTeam: "platform", Due: debrief.Date{Year: 2025, Month: 5, Day: 1}}
	}
	doomed := pm("PM-2025-001", "Certificate expired on the edge", summary("The edge certificate expired."), func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{item("ACT-1"), item("ACT-2")}
	})
	kept := pm("PM-2025-002", "Certificate expired again", summary("The certificate expired once more."), func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{item("ACT-2")}
	})
	mustCreate(t, s, doomed, kept)

	wantCode(t, s.Delete(ctx, platformMember, doomed.ID, 1), debrief.EFORBIDDEN)
	wantCode(t, s.Delete(ctx, admin, doomed.ID, 2), debrief.ECONFLICT)
	wantCode(t, s.Delete(ctx, admin, "PM-2025-404", 1), debrief.ENOTFOUND)
	if err := s.Delete(ctx, admin, doomed.ID, 1); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindByID(ctx, admin, doomed.ID)
	wantCode(t, err, debrief.ENOTFOUND)
	for _, q := range []string{"", "certificate", "edge"} {
		if got := ids(mustFind(t, s, admin, q)); slices.Contains(got, doomed.ID) {
			t.Errorf("%q still finds the deleted postmortem: %v", q, got)
		}
	}
	sims, err := s.Similar(ctx, admin, kept.ID, 5)
	if err != nil || slices.Contains(similarIDs(sims), doomed.ID) {
		t.Errorf("similar = %v, %v; want no deleted postmortem", similarIDs(sims), err)
	}
	// Its own item goes; the shared one stays with the other postmortem.
	refs, err := s.References(ctx, []string{"ACT-1", "ACT-2"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := refs.ActionItems["ACT-1"]; ok || !slices.Equal(refs.ActionItems["ACT-2"].Postmortems, []string{kept.ID}) {
		t.Errorf("after the delete: %+v", refs.ActionItems)
	}
	// Its id is never used again for something else.
	wantCode(t, s.Create(ctx, admin, pm(doomed.ID, "Another postmortem")), debrief.ECONFLICT)
	if id, err := s.NextID(ctx, admin, 2025); err != nil || id != "PM-2025-003" {
		t.Errorf("NextID = %s, %v; want PM-2025-003", id, err)
	}
	s2 := open(t)
	mustCreate(t, s2, pm("PM-2025-001", "A"), pm("PM-2025-002", "B"))
	if err := s2.Delete(ctx, admin, "PM-2025-002", 1); err != nil {
		t.Fatal(err)
	}
	if id, err := s2.NextID(ctx, payments, 2025); err != nil || id != "PM-2025-003" {
		t.Errorf("NextID after deleting the highest = %s, %v; want PM-2025-003", id, err)
	}
	// The operator may restore it from its file.
	if r, err := s.Import(ctx, doomed); err != nil || r != debrief.Created {
		t.Errorf("restore by import = %v, %v", r, err)
	}
}
