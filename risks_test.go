package debrief

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRiskRegister(t *testing.T) {
	today := day("2026-04-10")
	edge := []string{"edge-lb"}
	configPush := []KindMatch{{ID: "config-push", Name: "Config push without staged rollout", Score: 1}}
	pm1 := kin("PM-1", "2025-03-01", edge, nil, certKind)
	pm2 := kin("PM-2", "2025-09-01", []string{"partner-gw"}, nil, certKind)   // same kind, in the window
	pm3 := kin("PM-3", "2025-10-01", []string{"edge-lb", "ledger"}, nil, nil) // no kinds, same service
	pm4 := kin("PM-4", "2026-02-01", edge, nil, certKind)                     // after RISK-1's until
	pm5 := kin("PM-5", "2025-06-01", edge, nil, configPush)                   // another kind, same service
	pm6 := kin("PM-6", "2025-02-01", []string{"partner-gw"}, nil, certKind)   // before RISK-1 was accepted
	kins := []*Kin{pm1, pm2, pm3, pm4, pm5, pm6}
	risk1 := &ArchiveRisk{Risk: AcceptedRisk{ID: "RISK-1", Risk: "Vendor certificates renewed by hand", OwnerTeam: "platform",
		Until: day("2026-01-01"), ReviewBy: day("2026-03-01")}, Postmortems: []*Kin{pm1}}
	risk2 := &ArchiveRisk{Risk: AcceptedRisk{ID: "RISK-2", Risk: "Ledger replays by hand", OwnerTeam: "payments",
		ReviewBy: day("2026-06-01")}, Postmortems: []*Kin{pm3}}
	risk3 := &ArchiveRisk{Risk: AcceptedRisk{ID: "RISK-3", Risk: "One region", OwnerTeam: "platform",
		Until: day("2026-03-01"), ReviewBy: day("2026-05-01")}, Postmortems: []*Kin{pm5}, Accepted: day("2026-01-15")}
	reg := RiskRegister([]*ArchiveRisk{risk2, risk3, risk1}, kins, today)
	var order []string
	for _, e := range reg {
		order = append(order, e.Risk.ID)
	}
	if !slices.Equal(order, []string{"RISK-1", "RISK-3", "RISK-2"}) {
		t.Fatalf("order %v, want overdue review, then passed until, then by review date", order)
	}
	during := func(e *RiskEntry) []string {
		var out []string
		for _, i := range e.During {
			out = append(out, i.ID+" "+i.Because)
		}
		return out
	}
	r1 := reg[0]
	if !r1.ReviewOverdue || !r1.UntilPassed || r1.From != day("2025-03-01") || r1.To != day("2026-01-01") {
		t.Errorf("RISK-1: %+v", r1)
	}
	if got, want := during(r1), []string{"PM-2 same kind: Certificate expiry", "PM-3 same service: edge-lb"}; !slices.Equal(got, want) {
		t.Errorf("RISK-1 during %v, want %v", got, want)
	}
	if got := strings.Join(r1.Flags(), "; "); got != "review overdue since 2026-03-01; until date 2026-01-01 has passed; 2 incidents like it while accepted" {
		t.Errorf("flags %q", got)
	}
	// RISK-2's postmortem has no kinds: shared services decide.
	if got, want := during(reg[2]), []string{"PM-4 same service: edge-lb"}; !slices.Equal(got, want) || reg[2].ReviewOverdue || reg[2].UntilPassed {
		t.Errorf("RISK-2 during %v, want %v; %+v", got, want, reg[2])
	}
	// RISK-3 was recorded on 2026-01-15; PM-4 came in its window but is a
	// certificate expiry, and RISK-3's incident a config push.
	if len(reg[1].During) != 0 || !reg[1].UntilPassed || reg[1].From != day("2026-01-15") {
		t.Errorf("RISK-3: %+v", reg[1])
	}
	if len(reg[2].Flags()) != 1 || reg[2].Flags()[0] != "1 incident like it while accepted" {
		t.Errorf("RISK-2 flags %v", reg[2].Flags())
	}
}

func TestRiskReview(t *testing.T) {
	today := day("2026-04-10")
	at := time.Date(2026, 4, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		r    RiskReview
		ok   bool
	}{
		{"keep with a later date", RiskReview{RiskID: "RISK-1", Decision: RiskKeep, NextReview: day("2026-07-01")}, true},
		{"keep without a date", RiskReview{RiskID: "RISK-1", Decision: RiskKeep}, false},
		{"keep with today", RiskReview{RiskID: "RISK-1", Decision: RiskKeep, NextReview: today}, false},
		{"close with what was done", RiskReview{RiskID: "RISK-1", Decision: RiskClose, Outcome: "The inventory job renews them."}, true},
		{"close without it", RiskReview{RiskID: "RISK-1", Decision: RiskClose, Outcome: "  "}, false},
		{"another decision", RiskReview{RiskID: "RISK-1", Decision: "ignore"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.r.Validate(today); (err == nil) != tt.ok || (err != nil && ErrorCode(err) != EINVALID) {
				t.Errorf("Validate = %v, want ok %v", err, tt.ok)
			}
		})
	}
	risk := AcceptedRisk{ID: "RISK-1", ReviewBy: day("2026-04-01")}
	cs := RiskReview{RiskID: "RISK-1", Decision: RiskKeep, NextReview: day("2026-07-01"), Outcome: "still waiting for the job", By: "ana", At: at}.Apply(&risk)
	if risk.ReviewBy != day("2026-07-01") || len(cs) != 1 || cs[0].Field != "review_by" || cs[0].From != "2026-04-01" || cs[0].To != "2026-07-01" || cs[0].Note != "still waiting for the job" {
		t.Errorf("Apply: %+v, %+v", risk, cs)
	}
}

func TestChanges(t *testing.T) {
	old := ActionItem{ID: "ACT-1", Title: "T", OwnerTeam: "platform", EffortDays: 2, Value: 3, Due: day("2026-04-01")}
	new := old
	new.Status, new.Reason, new.Due, new.EffortDays = ActionWontDo, "waiting for the new load balancer", day("2026-05-01"), 2.5
	got := ActionChanges(old, new)
	var fields []string
	for _, c := range got {
		fields = append(fields, c.Field+": "+c.From+" → "+c.To)
		if c.Subject != SubjectAction || c.ID != "ACT-1" {
			t.Errorf("change %+v", c)
		}
	}
	want := []string{"effort_days: 2 → 2.5", "due: 2026-04-01 → 2026-05-01", "status: open → wont-do", "reason:  → waiting for the new load balancer"}
	if !slices.Equal(fields, want) {
		t.Errorf("changes %q, want %q", fields, want)
	}
	if cs := ActionChanges(old, old); len(cs) != 0 {
		t.Errorf("no change gave %+v", cs)
	}
	r := AcceptedRisk{ID: "RISK-1", Risk: "r", OwnerTeam: "platform", ReviewBy: day("2026-04-01")}
	r2 := r
	r2.Until = day("2026-09-01")
	if cs := RiskChanges(r, r2); len(cs) != 1 || cs[0].Field != "until" || cs[0].From != "" || cs[0].Subject != SubjectRisk {
		t.Errorf("risk changes %+v", cs)
	}

	c := got[2]
	c.Who, c.At, c.Source = "github", time.Now(), SourceTracker
	if err := c.Validate(); err != nil {
		t.Errorf("a full change is invalid: %v", err)
	}
	for _, bad := range []func(*Change){
		func(c *Change) { c.Source = "email" },
		func(c *Change) { c.Who = "" },
		func(c *Change) { c.At = time.Time{} },
		func(c *Change) { c.Subject = "postmortem" },
		func(c *Change) { c.Field = "" },
	} {
		b := c
		bad(&b)
		if err := b.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("Validate(%+v) = %v, want invalid", b, err)
		}
	}
}
