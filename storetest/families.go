package storetest

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// kindPM returns a postmortem whose whole text tells one kind of incident.
func kindPM(id, title, trigger, summary string, day string, opts ...func(*debrief.Postmortem)) *debrief.Postmortem {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	p := &debrief.Postmortem{
		ID: id, Title: title, Severity: debrief.SEV2, Status: debrief.StatusPublished,
		Teams: []string{"platform"}, Services: []string{"edge-lb"}, Started: t.Add(7 * time.Hour), Trigger: trigger,
		ContributingFactors: []debrief.ContributingFactor{{Category: "automation", Description: summary}},
		Body:                "# " + title + "\n\n## Summary\n" + summary + "\n",
	}
	for _, o := range opts {
		o(p)
	}
	return p
}

func fix(id string, status debrief.ActionStatus, due string) func(*debrief.Postmortem) {
	return func(p *debrief.Postmortem) {
		d, err := debrief.ParseDate(due)
		if err != nil {
			panic(err)
		}
		p.ActionItems = append(p.ActionItems, debrief.ActionItem{ID: id, Title: "Renew every edge certificate through one job",
			OwnerTeam: "platform", Kind: debrief.KindPrevent, Due: d, Status: status})
	}
}

// familyArchive stores two certificate expiries a year apart, the first
// with a fix done in between, a config push in the same place, and a
// restricted certificate expiry of the security team.
func familyArchive(t *testing.T, s debrief.Store) {
	t.Helper()
	mustCreate(t, s,
		kindPM("PM-2025-101", "Checkout down after the edge certificate expired", "The TLS certificate on edge-lb expired at 07:12.",
			"The certificate expired because renewal was manual; browsers refused the handshake.", "2025-06-01",
			fix("ACT-501", debrief.ActionDone, "2025-07-01")),
		kindPM("PM-2026-102", "Webhooks failing after the listener cert lapsed", "x509: certificate has expired on the webhook listener.",
			"The listener's cert lapsed; the notAfter date passed without a renewal.", "2026-01-10", services("edge-lb", "webhooks")),
		kindPM("PM-2026-103", "Every edge node dropped traffic after a config push", "A config push reached every edge-lb node at once with no canary stage.",
			"The configuration change went to all regions at the same time; there was no staged rollout.", "2026-02-01"),
		kindPM("PM-2026-104", "Internal mTLS failed after a certificate expired", "The mTLS certificate of the token service expired.",
			"The certificate expired and every handshake failed.", "2026-03-01", teams("security"), restricted),
	)
}

func testFamilies(t *testing.T, open Opener) {
	s := open(t)
	familyArchive(t, s)
	fams, err := s.Families(ctx, anonymous)
	if err != nil {
		t.Fatal(err)
	}
	count := func(fs []debrief.FamilySummary, kind string) int {
		for _, f := range fs {
			if f.Kind.ID == kind {
				return f.Incidents
			}
		}
		return 0
	}
	if got := count(fams, "cert-expiry"); got != 2 {
		t.Errorf("an outsider sees %d certificate expiries, want 2 (the restricted one hidden): %+v", got, fams)
	}
	if got := count(fams, "config-push"); got != 1 {
		t.Errorf("config pushes = %d, want 1", got)
	}
	fams, err = s.Families(ctx, securityMember)
	if err != nil {
		t.Fatal(err)
	}
	if got := count(fams, "cert-expiry"); got != 3 {
		t.Errorf("the security team sees %d certificate expiries, want 3", got)
	}

	f, err := s.Family(ctx, anonymous, "cert-expiry")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range f.Incidents {
		got = append(got, in.ID)
	}
	if !slices.Equal(got, []string{"PM-2025-101", "PM-2026-102"}) {
		t.Fatalf("family incidents = %v, want the two visible certificate expiries, oldest first", got)
	}
	if len(f.Incidents[1].FixedBefore) != 1 || f.Incidents[1].FixedBefore[0].ID != "ACT-501" {
		t.Errorf("fixes before the second = %+v, want ACT-501", f.Incidents[1].FixedBefore)
	}
	if len(f.Recurrences) != 1 || f.Recurrences[0].Later.ID != "PM-2026-102" || f.Recurrences[0].Fix.ID != "ACT-501" {
		t.Errorf("recurrences = %+v, want PM-2026-102 after ACT-501", f.Recurrences)
	} else if r := f.Recurrences[0].String(); !strings.HasPrefix(r, "recurred although ACT-501 was done") {
		t.Errorf("recurrence reads %q", r)
	}
	_, err = s.Family(ctx, anonymous, "no-such-kind")
	wantCode(t, err, debrief.ENOTFOUND)
}

func testRecurrences(t *testing.T, open Opener) {
	s := open(t)
	familyArchive(t, s)
	for _, id := range []string{"PM-2025-101", "PM-2026-102"} {
		p, err := s.FindByID(ctx, anonymous, id)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Recurrences(ctx, anonymous, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].Earlier.ID != "PM-2025-101" || rs[0].Later.ID != "PM-2026-102" || rs[0].Fix.ID != "ACT-501" {
			t.Errorf("recurrences of %s = %+v, want PM-2026-102 after ACT-501 of PM-2025-101", id, rs)
		}
	}
	// A new draft of the same kind, with no date yet, happens today.
	draft := kindPM("PM-2026-900", "Partner API rejected after the gateway certificate lapsed", "The gateway's TLS certificate expired.",
		"The certificate expired; renewal had been manual.", "2026-05-01")
	draft.Started = time.Time{}
	rs, err := s.Recurrences(ctx, anonymous, draft)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rs, func(r debrief.Recurrence) bool { return r.Later.ID == "PM-2026-900" && r.Fix.ID == "ACT-501" }) {
		t.Errorf("a draft of the same kind does not see that ACT-501 did not hold: %+v", rs)
	}
	// The restricted expiry, on the same load balancer, recurred after
	// ACT-501 too: its team sees that, an outsider never learns of it.
	p, err := s.FindByID(ctx, admin, "PM-2026-104")
	if err != nil {
		t.Fatal(err)
	}
	p.Teams = []string{"security", "platform"}
	p.Version = 1
	if err := s.Update(ctx, admin, p, 1); err != nil {
		t.Fatal(err)
	}
	first, _ := s.FindByID(ctx, admin, "PM-2025-101")
	rs, err = s.Recurrences(ctx, anonymous, first)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Later.ID == "PM-2026-104" {
			t.Errorf("an outsider learns of the restricted recurrence: %+v", r)
		}
	}
	rs, err = s.Recurrences(ctx, securityMember, first)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rs, func(r debrief.Recurrence) bool { return r.Later.ID == "PM-2026-104" }) {
		t.Errorf("the security team does not see its incident recur after ACT-501: %+v", rs)
	}
	// What the recurrences read of the other incidents is kept only until
	// the archive changes: ACT-501 reopened, it no longer counts as a fix
	// that did not hold, on the next page as on the first.
	later, err := s.FindByID(ctx, admin, "PM-2026-102")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if rs, err = s.Recurrences(ctx, admin, later); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.ContainsFunc(rs, func(r debrief.Recurrence) bool { return r.Fix.ID == "ACT-501" }) {
		t.Fatalf("recurrences of PM-2026-102 before ACT-501 reopened = %+v, want ACT-501", rs)
	}
	first, err = s.FindByID(ctx, admin, "PM-2025-101")
	if err != nil {
		t.Fatal(err)
	}
	for i := range first.ActionItems {
		if first.ActionItems[i].ID == "ACT-501" {
			first.ActionItems[i].Status = debrief.ActionOpen
		}
	}
	if err := s.Update(ctx, admin, first, first.Version); err != nil {
		t.Fatal(err)
	}
	if later, err = s.FindByID(ctx, admin, "PM-2026-102"); err != nil {
		t.Fatal(err)
	}
	if rs, err = s.Recurrences(ctx, admin, later); err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(rs, func(r debrief.Recurrence) bool { return r.Fix.ID == "ACT-501" }) {
		t.Errorf("ACT-501 reopened still counts as a fix that did not hold: %+v", rs)
	}
	// Pages ask at once, and share what was kept.
	var wg sync.WaitGroup
	for _, v := range []debrief.Viewer{admin, anonymous, securityMember, admin} {
		wg.Go(func() {
			for _, id := range []string{"PM-2025-101", "PM-2026-102", "PM-2026-104"} {
				p, err := s.FindByID(ctx, admin, id)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Recurrences(ctx, v, p); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

func testConfirmedKinds(t *testing.T, open Opener) {
	s := open(t)
	familyArchive(t, s)
	p, err := s.FindByID(ctx, admin, "PM-2026-103")
	if err != nil {
		t.Fatal(err)
	}
	p.Kinds = []string{"cert-expiry"}
	if err := s.Update(ctx, admin, p, p.Version); err != nil {
		t.Fatal(err)
	}
	f, err := s.Family(ctx, anonymous, "cert-expiry")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(f.Incidents, func(in *debrief.FamilyIncident) bool { return in.ID == "PM-2026-103" && in.Match.Confirmed }) {
		t.Errorf("a kind confirmed in the front matter does not put the postmortem in its family")
	}
	got, err := s.FindByID(ctx, anonymous, "PM-2026-103")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Kinds, []string{"cert-expiry"}) {
		t.Errorf("kinds after a round trip = %v", got.Kinds)
	}
}

// testRecurrencesThroughItem checks that an incident of the same kind on
// another service recurs after a fix it names itself, and that one of
// another kind that names the same fix does not: the action item links
// them, not the service, within a family.
func testRecurrencesThroughItem(t *testing.T, open Opener) {
	s := open(t)
	familyArchive(t, s)
	mustCreate(t, s,
		kindPM("PM-2026-201", "Billing API down after its certificate expired", "The billing API's TLS certificate expired at 03:10.",
			"The certificate expired; the renewal job ACT-501 promised had not reached billing.", "2026-04-01",
			services("billing-api"), fix("ACT-501", debrief.ActionDone, "2025-07-01")),
		kindPM("PM-2026-202", "Ledger nodes dropped traffic after a config push", "A config push reached every ledger node at once with no canary stage.",
			"The configuration change went to all regions at the same time; there was no staged rollout.", "2026-04-20",
			services("ledger-sync"), fix("ACT-501", debrief.ActionDone, "2025-07-01")),
	)
	first, err := s.FindByID(ctx, admin, "PM-2025-101")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []debrief.Viewer{anonymous, admin} {
		rs, err := s.Recurrences(ctx, v, first)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rs {
			if r.Fix.ID == "ACT-501" {
				ids = append(ids, r.Later.ID)
			}
		}
		if !slices.Contains(ids, "PM-2026-201") || slices.Contains(ids, "PM-2026-202") {
			t.Errorf("recurrences after ACT-501 = %v, want PM-2026-201 (same kind, another service) and not PM-2026-202 (a config push)", ids)
		}
	}
}
