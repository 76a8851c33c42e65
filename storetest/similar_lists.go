package storetest

import (
	"slices"
	"testing"

	"github.com/debrief/debrief"
)

// testSimilarLists: a stored list answers what a look-up would, for an
// admin and for a viewer, until a save makes it out of date.
func testSimilarLists(t *testing.T, open Opener) {
	s := open(t)
	similarArchive(t, s)
	unlisted, err := s.Unlisted(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	if want := ids(mustFind(t, s, admin, "")); !slices.Equal(unlisted, want) {
		t.Fatalf("unlisted %v, want all nine in the archive's order %v", unlisted, want)
	}
	if _, _, ok, err := s.StoredSimilar(ctx, admin, "PM-2024-001", 5); ok || err != nil {
		t.Fatalf("StoredSimilar before any list: ok %v, %v", ok, err)
	}
	for _, id := range unlisted {
		if err := s.StoreSimilar(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if unlisted, err = s.Unlisted(ctx, 100); err != nil || len(unlisted) != 0 {
		t.Fatalf("unlisted after storing every list: %v, %v", unlisted, err)
	}
	for _, v := range []debrief.Viewer{admin, anonymous} {
		for _, fam := range families {
			id := fam[0]
			got, current, ok, err := s.StoredSimilar(ctx, v, id, 5)
			if err != nil || !ok || !current {
				t.Fatalf("StoredSimilar(%s, %s): ok %v, current %v, %v", v.User, id, ok, current, err)
			}
			live, err := s.Similar(ctx, v, id, 5)
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.FindByID(ctx, admin, id)
			if err != nil {
				t.Fatal(err)
			}
			live = debrief.SpellAll(p, live)
			if !slices.Equal(similarIDs(got), similarIDs(live)) {
				t.Errorf("%s, %s: stored %v, looked up %v", v.User, id, similarIDs(got), similarIDs(live))
			}
			for i := range min(len(got), len(live)) {
				if got[i].Reason() != live[i].Reason() || got[i].Title != live[i].Title || got[i].Actions != live[i].Actions {
					t.Errorf("%s, %s: stored %q (%q), looked up %q (%q)", v.User, id, got[i].Reason(), got[i].Title, live[i].Reason(), live[i].Title)
				}
			}
			if !slices.Contains(similarIDs(got), fam[1]) {
				t.Errorf("%s: stored list %v lacks %s", id, similarIDs(got), fam[1])
			}
		}
	}
	p, err := s.FindByID(ctx, admin, "PM-2024-002")
	if err != nil {
		t.Fatal(err)
	}
	p.Title = "Partner API down after its certificate expired"
	if err := s.Update(ctx, admin, p, p.Version); err != nil {
		t.Fatal(err)
	}
	if unlisted, err = s.Unlisted(ctx, 100); err != nil || !slices.Equal(unlisted, []string{"PM-2024-002"}) {
		t.Errorf("unlisted after a save: %v, %v; want the saved one", unlisted, err)
	}
	if _, _, ok, err := s.StoredSimilar(ctx, admin, "PM-2024-002", 5); ok || err != nil {
		t.Errorf("the list of a saved postmortem: ok %v, %v; want none", ok, err)
	}
	got, current, ok, err := s.StoredSimilar(ctx, admin, "PM-2024-001", 5)
	if err != nil || !ok || current {
		t.Errorf("the list of another after a save: ok %v, current %v, %v; want it, out of date", ok, current, err)
	}
	if len(got) > 5 {
		t.Errorf("%d stored similar incidents, asked for 5", len(got))
	}
}

// testSimilarListsRestricted: a stored list, found as an admin sees the
// archive, shows each viewer only what they may see now, including a
// postmortem restricted after the list was stored.
func testSimilarListsRestricted(t *testing.T, open Opener) {
	s := open(t)
	restrictedArchive(t, s)
	for _, id := range []string{"PM-2025-021", secret} {
		if err := s.StoreSimilar(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range canSee {
		t.Run(c.name, func(t *testing.T) {
			got, _, ok, err := s.StoredSimilar(ctx, c.v, "PM-2025-021", 5)
			if err != nil || !ok {
				t.Fatalf("StoredSimilar: ok %v, %v", ok, err)
			}
			if shown := slices.Contains(similarIDs(got), secret); shown != c.sees {
				t.Errorf("the stored list shows the restricted postmortem: %v, want %v (%v)", shown, c.sees, similarIDs(got))
			}
			_, _, _, err = s.StoredSimilar(ctx, c.v, secret, 5)
			if c.sees && err != nil {
				t.Errorf("the restricted postmortem's own list: %v", err)
			}
			if !c.sees {
				wantCode(t, err, debrief.ENOTFOUND)
			}
		})
	}
	// Asked for fewer, each viewer gets the first of the same ones: the
	// list is read only as far as it takes, past what they may not see.
	for _, c := range canSee {
		five, _, _, err := s.StoredSimilar(ctx, c.v, "PM-2025-021", 5)
		if err != nil {
			t.Fatal(err)
		}
		for n := 1; n < 5; n++ {
			some, _, ok, err := s.StoredSimilar(ctx, c.v, "PM-2025-021", n)
			if err != nil || !ok {
				t.Fatalf("%s, %d of the stored list: ok %v, %v", c.name, n, ok, err)
			}
			if want := similarIDs(five)[:min(n, len(five))]; !slices.Equal(similarIDs(some), want) {
				t.Errorf("%s, %d of the stored list: %v, want %v", c.name, n, similarIDs(some), want)
			}
		}
	}
	got, _, _, err := s.StoredSimilar(ctx, platformMember, secret, 5)
	if err != nil || !slices.Contains(similarIDs(got), "PM-2025-021") {
		t.Fatalf("the restricted postmortem's list %v, %v; want PM-2025-021 in it", similarIDs(got), err)
	}
	p, err := s.FindByID(ctx, admin, "PM-2025-021")
	if err != nil {
		t.Fatal(err)
	}
	p.Restricted, p.Teams = true, []string{"security"}
	if err := s.Update(ctx, admin, p, p.Version); err != nil {
		t.Fatal(err)
	}
	got, current, _, err := s.StoredSimilar(ctx, platformMember, secret, 5)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(similarIDs(got), "PM-2025-021") {
		t.Errorf("a postmortem restricted after the list was stored still shows to someone outside its team: %v", similarIDs(got))
	}
	if current {
		t.Error("the list is current after a postmortem in it changed")
	}
	if got, _, _, _ = s.StoredSimilar(ctx, securityMember, secret, 5); !slices.Contains(similarIDs(got), "PM-2025-021") {
		t.Errorf("its team no longer sees it in the list: %v", similarIDs(got))
	}
}
