package storetest

import (
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// wantRefusal checks that err refuses a save with an EINVALID error that
// names field and says want.
func wantRefusal(t *testing.T, err error, field, want string) {
	t.Helper()
	wantCode(t, err, debrief.EINVALID)
	fe, ok := debrief.ErrorField(err)
	if !ok || fe.Field != field {
		t.Errorf("the refusal %v names %q, want the field %s", err, fe.Field, field)
	}
	if msg := debrief.ErrorMessage(err); !strings.Contains(msg, want) {
		t.Errorf("the refusal %q does not say %q", msg, want)
	}
}

// testRelatedMustExist checks the rule of debrief.CheckSave that related
// ids name stored postmortems, on every write that a person makes; an
// import's files are checked as a set before they reach the store.
func testRelatedMustExist(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s, pm("PM-2025-001", "Gateway errors"))
	related := func(ids ...string) func(*debrief.Postmortem) {
		return func(p *debrief.Postmortem) { p.Related = ids }
	}
	err := s.Create(ctx, admin, pm("PM-2025-002", "Gateway errors again", related("PM-2025-001", "PM-2099-999")))
	wantRefusal(t, err, "related[1]", "PM-2099-999")
	if _, err := s.FindByID(ctx, admin, "PM-2025-002"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("the refused postmortem was stored: %v", err)
	}
	p := pm("PM-2025-003", "Gateway latency", related("PM-2025-001"))
	mustCreate(t, s, p)
	related("PM-2099-999")(p)
	wantRefusal(t, s.Update(ctx, admin, p, 1), "related[0]", "PM-2099-999")
	got, err := s.FindByID(ctx, admin, "PM-2025-003")
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Related) != 1 || got.Related[0] != "PM-2025-001" {
		t.Errorf("after the refused update: version %d, related %v; want it unchanged", got.Version, got.Related)
	}
	// A deleted postmortem is no longer there to relate to.
	mustCreate(t, s, pm("PM-2025-004", "Gone"))
	if err := s.Delete(ctx, admin, "PM-2025-004", 1); err != nil {
		t.Fatal(err)
	}
	err = s.Create(ctx, admin, pm("PM-2025-005", "After the deleted one", related("PM-2025-004")))
	wantRefusal(t, err, "related[0]", "PM-2025-004")
	// An import may relate to files that land after it.
	if _, err := s.Import(ctx, pm("PM-2025-006", "Imported first", related("PM-2025-007"))); err != nil {
		t.Errorf("import relating to a file that lands later: %v", err)
	}
}

// testSharedRefusalNamesTheField checks that the sharing rule of
// debrief.CheckSave says where in the postmortem it was broken.
func testSharedRefusalNamesTheField(t *testing.T, open Opener) {
	s := open(t)
	item := func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{
			{ID: "ACT-11", Title: "Alert on expiry", OwnerTeam: "platform", Due: debrief.Date{Year: 2025, Month: 5, Day: 1}},
			{ID: "ACT-12", Title: "Renew certificates in one job", OwnerTeam: "platform", Due: debrief.Date{Year: 2025, Month: 5, Day: 1}},
		}
	}
	mustCreate(t, s, pm("PM-2025-001", "Certificate expired", item))
	err := s.Create(ctx, admin, pm("PM-2025-002", "Certificate stolen", restricted, teams("security"), item))
	wantRefusal(t, err, "action_items[0].id", "PM-2025-001")
}
