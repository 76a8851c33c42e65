package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// RunFollowThrough runs the follow-through's part of the contract: item
// edits that save new versions of every postmortem that lists the item
// and record their history, risk reviews, pins, access rules, the
// reminders' ledger, tracker deliveries and leases.
func RunFollowThrough(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"EditSharedItem", testEditSharedItem},
		{"EditStaleETag", testEditStaleETag},
		{"EditWontDoAcceptsRisk", testEditWontDoAcceptsRisk},
		{"ImportRecordsHistory", testImportRecordsHistory},
		{"ReviewRisk", testReviewRisk},
		{"Pins", testPins},
		{"FollowThroughRestricted", testFollowThroughRestricted},
		{"LedgerDeliveriesLease", testLedgerDeliveriesLease},
		{"Leases", testLeases},
		{"ReminderSettings", testReminderSettings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

func sharedFix() debrief.ActionItem {
	return debrief.ActionItem{ID: "ACT-501", Title: "Alert on certificate expiry 30 days ahead", OwnerTeam: "platform",
		Kind: debrief.KindDetect, EffortDays: 2, Value: 4, Due: debrief.Date{Year: 2025, Month: 6, Day: 1}, Status: debrief.ActionOpen}
}

func vendorRisk() debrief.AcceptedRisk {
	return debrief.AcceptedRisk{ID: "RISK-501", Risk: "Vendor certificates are renewed by hand", WaitingFor: "the vendor's ACME support",
		Until: debrief.Date{Year: 2025, Month: 9, Day: 1}, Meanwhile: "a calendar reminder", OwnerTeam: "platform",
		ReviewBy: debrief.Date{Year: 2025, Month: 7, Day: 1}}
}

// twoWithSharedFix stores two postmortems that list the same item and
// risk.
func twoWithSharedFix(t *testing.T, s debrief.Store) {
	t.Helper()
	with := func(p *debrief.Postmortem) {
		p.ActionItems = []debrief.ActionItem{sharedFix()}
		p.AcceptedRisks = []debrief.AcceptedRisk{vendorRisk()}
	}
	mustCreate(t, s,
		pm("PM-2025-501", "Certificate expiry on the edge", with),
		pm("PM-2025-502", "Certificate expiry on the ledger", started("2025-04-02T10:00:00Z"), with))
}

var platform = debrief.Viewer{User: "pia", Teams: []string{"Platform"}}

func status(s debrief.ActionStatus) *debrief.ActionStatus { return &s }

func testEditSharedItem(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	web := debrief.WithOrigin(ctx, debrief.Origin{Source: debrief.SourceWeb})
	got, err := debrief.EditAction(web, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: debrief.ActionETag(sharedFix()), Status: status(debrief.ActionDone)})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != debrief.ActionDone {
		t.Errorf("edit returned %+v", got)
	}
	// Both files say done, each at its next version.
	for _, id := range []string{"PM-2025-501", "PM-2025-502"} {
		p, err := s.FindByID(ctx, admin, id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version != 2 || p.ActionItems[0].Status != debrief.ActionDone {
			t.Errorf("%s at version %d says %s, want version 2 and done", id, p.Version, p.ActionItems[0].Status)
		}
	}
	h, err := s.History(ctx, platform, debrief.SubjectAction, "ACT-501")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Field != "status" || h[0].From != "open" || h[0].To != "done" || h[0].Who != "pia" ||
		h[0].Source != debrief.SourceWeb || h[0].At.IsZero() || h[0].Postmortem == "" {
		t.Fatalf("history %+v, want one change open → done by pia from the web", h)
	}
	d, err := s.FollowThrough(ctx, platform)
	if err != nil {
		t.Fatal(err)
	}
	today := debrief.DateOf(time.Now().UTC())
	a, ok := d.Action("ACT-501", today)
	if !ok || len(a.Incidents) != 2 || a.DoneOn.IsZero() || today.Before(a.DoneOn) {
		t.Errorf("follow-through of ACT-501: %+v (found %v), want two incidents and a done date", a, ok)
	}
	// Back to open: the done date goes.
	if _, err := debrief.EditAction(web, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: debrief.ActionETag(got), Status: status(debrief.ActionOpen)}); err != nil {
		t.Fatal(err)
	}
	d, _ = s.FollowThrough(ctx, platform)
	if _, done := d.Dates().Done("ACT-501"); done {
		t.Error("an item reopened keeps its done date")
	}
	if h, _ := s.History(ctx, platform, debrief.SubjectAction, "ACT-501"); len(h) != 2 {
		t.Errorf("history has %d entries after two changes", len(h))
	}
}

func testEditStaleETag(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	stale := debrief.ActionETag(sharedFix())
	due := debrief.Date{Year: 2025, Month: 7, Day: 1}
	if _, err := debrief.EditAction(ctx, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: stale, Due: &due}); err != nil {
		t.Fatal(err)
	}
	_, err := debrief.EditAction(ctx, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: stale, Status: status(debrief.ActionDone)})
	wantCode(t, err, debrief.ECONFLICT)
	p, _ := s.FindByID(ctx, admin, "PM-2025-501")
	if p.ActionItems[0].Status != debrief.ActionOpen || p.ActionItems[0].Due != due {
		t.Errorf("a stale edit changed the item: %+v", p.ActionItems[0])
	}
	_, err = debrief.EditAction(ctx, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: debrief.ActionETag(p.ActionItems[0]), Status: status(debrief.ActionWontDo)})
	wantCode(t, err, debrief.EINVALID)
	_, err = debrief.EditAction(ctx, s, platform, debrief.ActionEdit{ID: "ACT-404", IfMatch: stale, Status: status(debrief.ActionDone)})
	wantCode(t, err, debrief.ENOTFOUND)
}

func testEditWontDoAcceptsRisk(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	reason := "the vendor's ACME support lands in Q3 and replaces it"
	_, err := debrief.EditAction(ctx, s, platform, debrief.ActionEdit{ID: "ACT-501", IfMatch: debrief.ActionETag(sharedFix()),
		Status: status(debrief.ActionWontDo), Reason: &reason,
		Accept: &debrief.AcceptedRisk{Risk: "Expiry is caught by hand until then", ReviewBy: debrief.Date{Year: 2025, Month: 8, Day: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.FollowThrough(ctx, platform)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Risk("RISK-502", debrief.DateOf(time.Now().UTC())); !ok {
		t.Errorf("the risk the item leaves is not in the register: %d risks", len(d.Risks))
	}
}

func testImportRecordsHistory(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	p, _ := s.FindByID(ctx, admin, "PM-2025-501")
	p.ActionItems[0].Link = "https://github.com/larkspur/ops/issues/7"
	p.AcceptedRisks[0].ReviewBy = debrief.Date{Year: 2025, Month: 12, Day: 1}
	if _, err := s.Import(ctx, p); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(ctx, admin, debrief.SubjectAction, "ACT-501")
	if len(h) != 1 || h[0].Field != "link" || h[0].Source != debrief.SourceImport || h[0].Who != "operator" {
		t.Errorf("history of an imported change: %+v", h)
	}
	h, _ = s.History(ctx, admin, debrief.SubjectRisk, "RISK-501")
	if len(h) != 1 || h[0].Field != "review_by" || h[0].To != "2025-12-01" {
		t.Errorf("risk history of an imported change: %+v", h)
	}
	// The other postmortem says the same.
	q, _ := s.FindByID(ctx, admin, "PM-2025-502")
	if q.ActionItems[0].Link != p.ActionItems[0].Link || q.Version != 2 {
		t.Errorf("the other postmortem: version %d, link %q", q.Version, q.ActionItems[0].Link)
	}
}

func testReviewRisk(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	today := debrief.DateOf(time.Now().UTC())
	next := debrief.DateOf(time.Now().UTC().AddDate(0, 2, 0))
	err := debrief.ReviewRisk(ctx, s, platform, debrief.RiskReview{RiskID: "RISK-501", Decision: debrief.RiskKeep, NextReview: next,
		Outcome: "ACME support slipped to Q4", By: "pia", At: time.Now()}, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"PM-2025-501", "PM-2025-502"} {
		p, _ := s.FindByID(ctx, admin, id)
		if p.AcceptedRisks[0].ReviewBy != next {
			t.Errorf("%s: review_by %s, want %s", id, p.AcceptedRisks[0].ReviewBy, next)
		}
	}
	err = debrief.ReviewRisk(ctx, s, platform, debrief.RiskReview{RiskID: "RISK-501", Decision: debrief.RiskKeep, NextReview: today}, today)
	wantCode(t, err, debrief.EINVALID)
	err = debrief.ReviewRisk(ctx, s, platform, debrief.RiskReview{RiskID: "RISK-501", Decision: debrief.RiskClose,
		Outcome: "ACME renewal is live for every vendor", By: "pia", At: time.Now()}, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"PM-2025-501", "PM-2025-502"} {
		p, _ := s.FindByID(ctx, admin, id)
		if len(p.AcceptedRisks) != 0 {
			t.Errorf("%s still lists the closed risk", id)
		}
	}
	d, _ := s.FollowThrough(ctx, platform)
	if len(d.Risks) != 0 {
		t.Errorf("register after closing: %d risks", len(d.Risks))
	}
	h, err := s.History(ctx, platform, debrief.SubjectRisk, "RISK-501")
	if err != nil {
		t.Fatal(err)
	}
	fields := []string{}
	for _, c := range h {
		fields = append(fields, c.Field+":"+c.To)
	}
	if len(h) != 2 || h[0].Field != "review_by" || h[0].Note != "review: keep: ACME support slipped to Q4" ||
		h[1].Field != "status" || h[1].To != "closed" || h[1].Note != "review: close: ACME renewal is live for every vendor" {
		t.Errorf("risk history %v (%+v)", fields, h)
	}
	err = debrief.ReviewRisk(ctx, s, platform, debrief.RiskReview{RiskID: "RISK-501", Decision: debrief.RiskClose, Outcome: "again"}, today)
	wantCode(t, err, debrief.ENOTFOUND)
}

func testPins(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	pin := debrief.Pin{ItemID: "ACT-501", Team: "platform", Direction: debrief.PinBelow, Reason: "waiting for the new load balancer in Q3"}
	wantCode(t, s.SetPin(ctx, payments, pin), debrief.EFORBIDDEN)
	other := pin
	other.Team = "payments"
	wantCode(t, s.SetPin(ctx, payments, other), debrief.EINVALID)
	noReason := pin
	noReason.Reason = " "
	wantCode(t, s.SetPin(ctx, platform, noReason), debrief.EINVALID)
	if err := s.SetPin(ctx, platform, pin); err != nil {
		t.Fatal(err)
	}
	d, err := s.FollowThrough(ctx, anonymous)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Pins) != 1 || d.Pins[0].By != "pia" || d.Pins[0].Direction != debrief.PinBelow || d.Pins[0].At.IsZero() {
		t.Fatalf("pins %+v", d.Pins)
	}
	r := d.Rank(debrief.OpenActions(), debrief.DefaultScoreWeights(), debrief.DateOf(time.Now().UTC()))
	if len(r.Ranked) != 1 || r.Ranked[0].Pin == nil {
		t.Errorf("ranking does not carry the pin: %+v", r.Ranked)
	}
	wantCode(t, s.Unpin(ctx, payments, "ACT-501"), debrief.EFORBIDDEN)
	if err := s.Unpin(ctx, platform, "ACT-501"); err != nil {
		t.Fatal(err)
	}
	d, _ = s.FollowThrough(ctx, anonymous)
	if len(d.Pins) != 0 {
		t.Errorf("pins after unpinning: %+v", d.Pins)
	}
	h, _ := s.History(ctx, anonymous, debrief.SubjectAction, "ACT-501")
	if len(h) != 2 || h[0].Field != "pin" || h[0].To == "" || h[1].To != "" {
		t.Errorf("pin history %+v", h)
	}
	wantCode(t, s.SetPin(ctx, platform, debrief.Pin{ItemID: "ACT-404", Team: "platform", Direction: debrief.PinAbove, Reason: "x"}), debrief.ENOTFOUND)
}

func testFollowThroughRestricted(t *testing.T, open Opener) {
	s := open(t)
	twoWithSharedFix(t, s)
	mustCreate(t, s, secretWithItems())
	secretRef := secretItem()
	if _, err := debrief.EditAction(ctx, s, securityMember, debrief.ActionEdit{ID: "ACT-9001", IfMatch: debrief.ActionETag(secretRef), Status: status(debrief.ActionInProgress)}); err != nil {
		t.Fatal(err)
	}
	today := debrief.DateOf(time.Now().UTC())
	for _, tc := range []struct {
		name string
		v    debrief.Viewer
		see  bool
	}{{"outsider", payments, false}, {"anonymous", anonymous, false}, {"member", securityMember, true}, {"admin", admin, true}} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := s.FollowThrough(ctx, tc.v)
			if err != nil {
				t.Fatal(err)
			}
			_, item := d.Action("ACT-9001", today)
			_, risk := d.Risk("RISK-9001", today)
			reviews := slices.ContainsFunc(d.Kin, func(k *debrief.Kin) bool { return k.Summary.ID == "PM-2025-090" })
			h, err := s.History(ctx, tc.v, debrief.SubjectAction, "ACT-9001")
			if err != nil {
				t.Fatal(err)
			}
			if item != tc.see || risk != tc.see || reviews != tc.see || (len(h) > 0) != tc.see {
				t.Errorf("sees item %v, risk %v, postmortem %v, %d history entries; want all %v", item, risk, reviews, len(h), tc.see)
			}
			if _, ok := d.Action("ACT-501", today); !ok {
				t.Error("the public item is missing")
			}
			if !tc.see {
				_, err := debrief.EditAction(ctx, s, tc.v, debrief.ActionEdit{ID: "ACT-9001", IfMatch: `"x"`, Status: status(debrief.ActionDone)})
				wantCode(t, err, debrief.ENOTFOUND)
				err = debrief.ReviewRisk(ctx, s, tc.v, debrief.RiskReview{RiskID: "RISK-9001", Decision: debrief.RiskClose, Outcome: "x"}, today)
				wantCode(t, err, debrief.ENOTFOUND)
				wantCode(t, s.SetPin(ctx, tc.v, debrief.Pin{ItemID: "ACT-9001", Team: "security", Direction: debrief.PinAbove, Reason: "x"}), debrief.ENOTFOUND)
			}
		})
	}
}

func testLedgerDeliveriesLease(t *testing.T, open Opener) {
	s := open(t)
	now := time.Now()
	key := "digest/platform/2025-06-01/slack"
	if ok, err := s.Claim(ctx, key, now); !ok || err != nil {
		t.Fatalf("first claim = %v, %v", ok, err)
	}
	if ok, err := s.Claim(ctx, key, now); ok || err != nil {
		t.Fatalf("second claim = %v, %v, want false", ok, err)
	}
	if err := s.Release(ctx, key); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.Claim(ctx, key, now); !ok {
		t.Error("a released key cannot be claimed again")
	}
	if seen, err := s.Seen(ctx, "github", "d-1"); seen || err != nil {
		t.Fatalf("seen before = %v, %v", seen, err)
	}
	if err := s.Record(ctx, "github", "d-1", now); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(ctx, "github", "d-1", now); err != nil {
		t.Fatalf("recording a delivery twice: %v", err)
	}
	if seen, _ := s.Seen(ctx, "github", "d-1"); !seen {
		t.Error("a recorded delivery is not seen")
	}
	if seen, _ := s.Seen(ctx, "jira", "d-1"); seen {
		t.Error("a delivery id of one tracker is seen for another")
	}
	for _, step := range []struct {
		holder string
		at     time.Time
		want   bool
	}{
		{"a", now, true},
		{"b", now.Add(time.Minute), false},
		{"a", now.Add(2 * time.Minute), true},
		{"b", now.Add(8 * time.Minute), false},
		{"b", now.Add(13 * time.Minute), true},
		{"a", now.Add(14 * time.Minute), false},
	} {
		got, err := s.Lease(ctx, "reminders", step.holder, step.at, 10*time.Minute)
		if err != nil || got != step.want {
			t.Errorf("lease for %s at +%s = %v, %v; want %v", step.holder, step.at.Sub(now), got, err, step.want)
		}
	}
}

// Postmortem returns a valid postmortem with the given id and title, for
// tests outside this package that need one in a store.
func Postmortem(id, title string) *debrief.Postmortem { return pm(id, title) }

func testReminderSettings(t *testing.T, open Opener) {
	s := open(t)
	set := debrief.ReminderSetting{Team: " Payments ", Email: []string{"payments-leads@example.com"}, SlackEnv: "SLACK_WEBHOOK_PAYMENTS"}
	wantCode(t, s.SetReminderSetting(ctx, payments, set), debrief.EFORBIDDEN)
	for _, bad := range []debrief.ReminderSetting{
		{Team: "payments"},
		{Team: "payments", Email: []string{"not an address"}},
		{Team: "payments", SlackEnv: "X", SlackFile: "/run/x"},
		{Team: "payments", SlackEnv: "$(rm -rf)"},
		{Team: "payments", SlackFile: "relative/path"},
	} {
		wantCode(t, s.SetReminderSetting(ctx, admin, bad), debrief.EINVALID)
	}
	if err := s.SetReminderSetting(ctx, admin, set); err != nil {
		t.Fatal(err)
	}
	set.Email, set.SlackEnv, set.SlackFile = nil, "", "/run/secrets/payments-webhook"
	if err := s.SetReminderSetting(ctx, admin, set); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReminderSetting(ctx, admin, debrief.ReminderSetting{Team: "logistics", Email: []string{"a@example.com", "b@example.com"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ReminderSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Team != "logistics" || len(got[0].Email) != 2 || got[1].Team != "payments" ||
		got[1].SlackFile != "/run/secrets/payments-webhook" || len(got[1].Email) != 0 || got[1].By != "admin" || got[1].At.IsZero() {
		t.Fatalf("settings %+v", got)
	}
	wantCode(t, s.DeleteReminderSetting(ctx, payments, "logistics"), debrief.EFORBIDDEN)
	if err := s.DeleteReminderSetting(ctx, admin, "Logistics"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReminderSettings(ctx); len(got) != 1 {
		t.Errorf("after deleting: %+v", got)
	}
}
