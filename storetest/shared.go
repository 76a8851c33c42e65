package storetest

import (
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// The sharing rule (docs/access.md): an action item or accepted risk that
// several postmortems list links only postmortems with the same audience
// (all visible to everyone, or all restricted to the same teams), and only
// someone who may see every one of them may save a postmortem that lists
// it. Anything else is refused with a message that names nothing the saver
// may not see.

func secretItem() debrief.ActionItem {
	return debrief.ActionItem{ID: "ACT-9001", Title: "Rotate the leaked signing keys", OwnerTeam: "security",
		Due: debrief.Date{Year: 2025, Month: 7, Day: 1}, Status: debrief.ActionOpen}
}

func secretRisk() debrief.AcceptedRisk {
	return debrief.AcceptedRisk{ID: "RISK-9001", Risk: "Old signing keys stay valid until the rotation", OwnerTeam: "security",
		ReviewBy: debrief.Date{Year: 2025, Month: 8, Day: 1}}
}

// secretWithItems is the restricted postmortem of the sharing tests, with
// an action item and an accepted risk.
func secretWithItems() *debrief.Postmortem {
	return pm("PM-2025-090", "Signing keys leaked through a build log", restricted, teams("security"), func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{secretItem()}
		p.AcceptedRisks = []debrief.AcceptedRisk{secretRisk()}
	})
}

// wantNothingNamed fails the test unless err is an EINVALID error whose
// message names none of the secrets.
func wantNothingNamed(t *testing.T, err error, secrets ...string) {
	t.Helper()
	wantCode(t, err, debrief.EINVALID)
	msg := debrief.ErrorMessage(err)
	for _, s := range secrets {
		if strings.Contains(strings.ToLower(msg), strings.ToLower(s)) {
			t.Errorf("the refusal %q names %q", msg, s)
		}
	}
}

// wantUnchanged fails the test unless the postmortem id is stored as want,
// at version 1.
func wantUnchanged(t *testing.T, s debrief.Store, want *debrief.Postmortem) {
	t.Helper()
	got, err := s.FindByID(ctx, admin, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 {
		t.Errorf("%s is at version %d, want 1: a refused save changed it", want.ID, got.Version)
	}
	q := *want
	q.Version = got.Version
	sameFile(t, got, &q)
}

func testSharedOutsiderCannotLink(t *testing.T, open Opener) {
	secrets := []string{"PM-2025-090", "signing", "security", "leaked"}
	outsider := func(p *debrief.Postmortem) {
		p.Teams = []string{"payments"}
		p.ActionItems = []debrief.ActionItem{{ID: "ACT-9001", Title: "Add a retry budget", OwnerTeam: "payments",
			Due: debrief.Date{Year: 2025, Month: 9, Day: 1}, Status: debrief.ActionDone}}
	}
	outsiderRisk := func(p *debrief.Postmortem) {
		p.Teams = []string{"payments"}
		p.AcceptedRisks = []debrief.AcceptedRisk{{ID: "RISK-9001", Risk: "Retries stay manual", OwnerTeam: "payments",
			ReviewBy: debrief.Date{Year: 2025, Month: 9, Day: 1}}}
	}
	tests := []struct {
		name string
		save func(s debrief.Store) error
	}{
		{"create with the item", func(s debrief.Store) error {
			return s.Create(ctx, payments, pm("PM-2025-091", "Checkout retries", outsider))
		}},
		{"create with the same item, word for word", func(s debrief.Store) error {
			return s.Create(ctx, payments, pm("PM-2025-091", "Checkout retries", func(p *debrief.Postmortem) {
				p.ActionItems = []debrief.ActionItem{secretItem()}
			}))
		}},
		{"create with the risk", func(s debrief.Store) error {
			return s.Create(ctx, payments, pm("PM-2025-091", "Checkout retries", outsiderRisk))
		}},
		{"update to add the item", func(s debrief.Store) error {
			p := pm("PM-2025-092", "Checkout latency", teams("payments"))
			mustCreate(t, s, p)
			outsider(p)
			return s.Update(ctx, payments, p, 1)
		}},
		{"update to add the risk", func(s debrief.Store) error {
			p := pm("PM-2025-092", "Checkout latency", teams("payments"))
			mustCreate(t, s, p)
			outsiderRisk(p)
			return s.Update(ctx, payments, p, 1)
		}},
		{"an admin's public postmortem", func(s debrief.Store) error {
			return s.Create(ctx, admin, pm("PM-2025-091", "Checkout retries", outsider))
		}},
		{"import", func(s debrief.Store) error {
			_, err := s.Import(ctx, pm("PM-2025-091", "Checkout retries", outsider))
			return err
		}},
		{"import batch", func(s debrief.Store) error {
			_, errs, err := s.ImportBatch(ctx, []*debrief.Postmortem{pm("PM-2025-093", "Other"), pm("PM-2025-091", "Checkout retries", outsider)})
			if err != nil || errs[0] != nil {
				t.Fatalf("import batch: %v %v", err, errs)
			}
			return errs[1]
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			secret := secretWithItems()
			mustCreate(t, s, secret)
			err := tt.save(s)
			if tt.name == "an admin's public postmortem" || strings.HasPrefix(tt.name, "import") {
				// Whoever may see both is told which postmortem.
				wantCode(t, err, debrief.EINVALID)
			} else {
				wantNothingNamed(t, err, secrets...)
			}
			wantUnchanged(t, s, secretWithItems())
			if p, err := s.FindByID(ctx, admin, "PM-2025-091"); err == nil {
				t.Errorf("the refused postmortem was stored: %s", p.Title)
			}
		})
	}
}

func testSharedAudienceMustMatch(t *testing.T, open Opener) {
	item := func(title string) func(*debrief.Postmortem) {
		return func(p *debrief.Postmortem) {
			p.ActionItems = []debrief.ActionItem{{ID: "ACT-12", Title: title, OwnerTeam: "platform",
				Due: debrief.Date{Year: 2025, Month: 5, Day: 1}}}
		}
	}
	t.Run("a member links a public item into a restricted postmortem", func(t *testing.T) {
		s := open(t)
		public := pm("PM-2025-001", "Certificate expired", item("Renew certificates in one job"))
		mustCreate(t, s, public)
		err := s.Create(ctx, securityMember, pm("PM-2025-002", "Certificate stolen", restricted, teams("security"), item("Renew certificates in one job, and revoke")))
		wantCode(t, err, debrief.EINVALID)
		if msg := debrief.ErrorMessage(err); !strings.Contains(msg, "ACT-12") || !strings.Contains(msg, "PM-2025-001") {
			t.Errorf("the refusal %q does not say which item and which postmortem, which the saver may see", msg)
		}
		wantUnchanged(t, s, public)
	})
	t.Run("a postmortem that shares an item becomes restricted", func(t *testing.T) {
		s := open(t)
		a := pm("PM-2025-001", "Certificate expired", item("Renew certificates in one job"))
		b := pm("PM-2025-002", "Certificate expired again", item("Renew certificates in one job"))
		mustCreate(t, s, a, b)
		b.Restricted, b.Teams = true, []string{"security"}
		wantCode(t, s.Update(ctx, admin, b, 1), debrief.EINVALID)
		wantUnchanged(t, s, a)
	})
	t.Run("restricted to other teams", func(t *testing.T) {
		s := open(t)
		a := pm("PM-2025-001", "Certificate stolen", restricted, teams("security", "platform"), item("Revoke"))
		mustCreate(t, s, a)
		err := s.Create(ctx, admin, pm("PM-2025-002", "Certificate stolen again", restricted, teams("security"), item("Revoke")))
		wantCode(t, err, debrief.EINVALID)
		wantUnchanged(t, s, a)
	})
	t.Run("restricted to the same teams shares", func(t *testing.T) {
		s := open(t)
		a := pm("PM-2025-001", "Certificate stolen", restricted, teams("security", "platform"), item("Revoke"))
		b := pm("PM-2025-002", "Certificate stolen again", restricted, teams("Platform", "SECURITY"), item("Revoke"))
		mustCreate(t, s, a)
		if err := s.Create(ctx, platformMember, b); err != nil {
			t.Fatalf("a member shares an item between postmortems of the same teams: %v", err)
		}
		b.ActionItems[0].Status = debrief.ActionDone
		if err := s.Update(ctx, securityMember, b, 1); err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindByID(ctx, admin, a.ID)
		if got.ActionItems[0].Status != debrief.ActionDone || got.Version != 2 {
			t.Errorf("the shared item in %s = %+v at version %d, want done at version 2", a.ID, got.ActionItems[0], got.Version)
		}
	})
	t.Run("a member changes the item; an outsider's copy never sees it", func(t *testing.T) {
		// The attack: an outsider links a restricted item, then reads
		// what the team writes into it. The link is refused, so the
		// team's later change stays in its own postmortem.
		s := open(t)
		secret := secretWithItems()
		mustCreate(t, s, secret)
		mine := pm("PM-2025-091", "Checkout retries", teams("payments"), func(p *debrief.Postmortem) {
			p.ActionItems = []debrief.ActionItem{secretItem()}
		})
		wantCode(t, s.Create(ctx, payments, mine), debrief.EINVALID)
		mine.ActionItems[0].ID = "ACT-9002"
		if err := s.Create(ctx, payments, mine); err != nil {
			t.Fatalf("with an id of its own: %v", err)
		}
		secret.ActionItems[0].Title = "Rotate the leaked signing keys of the vault"
		if err := s.Update(ctx, securityMember, secret, 1); err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindByID(ctx, payments, mine.ID)
		if got.ActionItems[0].Title != secretItem().Title || got.Version != 1 {
			t.Errorf("the outsider's postmortem changed with the secret one: %+v at version %d", got.ActionItems[0], got.Version)
		}
	})
}
