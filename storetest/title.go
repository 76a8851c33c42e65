package storetest

import (
	"slices"
	"testing"

	"github.com/debrief/debrief"
)

// testSameTitle: postmortems whose titles read the same whatever their
// case, spacing and punctuation are found newest first, a restricted one
// only by its team, and a changed title leaves the group.
func testSameTitle(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s,
		kindPM("PM-2024-301", "Checkout: 502s from the edge", "The edge answered 502.", "The edge answered 502.", "2024-03-01"),
		kindPM("PM-2025-302", "checkout — 502s FROM  the edge!", "The edge answered 502.", "The edge answered 502.", "2025-03-01"),
		kindPM("PM-2026-303", "Checkout 502s from the edge", "The edge answered 502.", "The edge answered 502.", "2026-03-01", teams("security"), restricted),
		kindPM("PM-2026-304", "Checkout 502s from the edge proxy", "The proxy answered 502.", "The proxy answered 502.", "2026-04-01"),
	)
	key := debrief.TitleKey("CHECKOUT 502s from the edge.")
	ids := func(v debrief.Viewer, limit int) []string {
		t.Helper()
		got, err := s.SameTitle(ctx, v, key, limit)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range got {
			out = append(out, p.ID)
		}
		return out
	}
	if got, want := ids(anonymous, 10), []string{"PM-2025-302", "PM-2024-301"}; !slices.Equal(got, want) {
		t.Errorf("same title, as an outsider = %v, want %v", got, want)
	}
	if got, want := ids(securityMember, 10), []string{"PM-2026-303", "PM-2025-302", "PM-2024-301"}; !slices.Equal(got, want) {
		t.Errorf("same title, as the security team = %v, want %v", got, want)
	}
	if got, want := ids(admin, 1), []string{"PM-2026-303"}; !slices.Equal(got, want) {
		t.Errorf("same title, one at most = %v, want %v", got, want)
	}
	if got, err := s.SameTitle(ctx, admin, debrief.TitleKey("— !"), 10); err != nil || len(got) != 0 {
		t.Errorf("a title without words matches %v, %v; want nothing", got, err)
	}
	p, err := s.FindByID(ctx, admin, "PM-2025-302")
	if err != nil {
		t.Fatal(err)
	}
	p.Title = "Checkout 502s from the edge, again"
	if err := s.Update(ctx, admin, p, p.Version); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(anonymous, 10), []string{"PM-2024-301"}; !slices.Equal(got, want) {
		t.Errorf("same title after a rename = %v, want %v", got, want)
	}
}
