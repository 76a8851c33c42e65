package debrief

import (
	"testing"
	"time"
)

func TestRecurringKinds(t *testing.T) {
	edge, platform := []string{"edge-lb"}, []string{"platform"}
	configKind := []KindMatch{{ID: "config-push", Name: "Config push without staged rollout", Score: 1}}
	first := kin("PM-1", "2025-03-01", edge, platform, certKind,
		item("ACT-1", "platform", KindPrevent, ActionDone, "2025-04-01"),
		item("ACT-2", "platform", KindDetect, ActionDone, "2025-04-01")) // detection: not a fix
	second := kin("PM-2", "2025-09-01", edge, platform, certKind,
		item("ACT-5", "platform", KindPrevent, ActionDone, "2025-10-01"))
	third := kin("PM-3", "2025-11-01", edge, []string{"platform", "Payments"}, certKind,
		item("ACT-6", "platform", KindMitigate, ActionDone, "2025-12-01"), // done after the last incident: held so far
		item("ACT-7", "platform", KindPrevent, ActionOpen, "2026-02-01"))
	third.Summary.Restricted = true
	other := kin("PM-4", "2025-05-01", []string{"config-service"}, platform, configKind)
	before := kin("PM-0", "2024-06-01", edge, platform, certKind) // before the period

	ks, err := CompileKinds([]IncidentKind{
		{ID: "cert-expiry", Name: "Certificate expiry", Strong: []string{"x509"}},
		{ID: "config-push", Name: "Config push without staged rollout", Strong: []string{"canary"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	members := GroupKin([]*Kin{first, second, third, other, before}, ks)
	if len(members) != 2 || members[0].Kind.ID != "cert-expiry" || len(members[0].Kin) != 4 {
		t.Fatalf("GroupKin = %+v", members)
	}
	trends := RecurringKinds(members, nil, date("2025-01-01"), date("2025-12-31"), date("2026-01-15"))
	if len(trends) != 2 || trends[0].Kind != "cert-expiry" || trends[1].Kind != "config-push" {
		t.Fatalf("trends = %+v", trends)
	}
	c := trends[0]
	day := 24 * time.Hour
	if c.Incidents != 3 || !c.Recurring || len(c.Dates) != 3 {
		t.Errorf("incidents %d, recurring %v, dates %v", c.Incidents, c.Recurring, c.Dates)
	}
	// 184 and 61 days between them.
	if want := (Spread{Count: 2, Median: 245 * day / 2, P90: 184 * day, Max: 184 * day}); c.Gaps != want {
		t.Errorf("gaps = %+v, want %+v", c.Gaps, want)
	}
	if len(c.Teams) != 2 || c.Teams[0] != (TeamCount{"platform", 3}) || c.Teams[1] != (TeamCount{"payments", 1}) {
		t.Errorf("teams = %+v", c.Teams)
	}
	// ACT-1 failed (PM-2 and PM-3 came after it), ACT-5 failed (PM-3),
	// ACT-6 held; ACT-2 is a detection item, ACT-7 is open.
	if c.FixesDone != 3 || c.FixesFailed != 2 || c.FixesHeld != 1 {
		t.Errorf("fixes done %d, failed %d, held %d; want 3, 2, 1", c.FixesDone, c.FixesFailed, c.FixesHeld)
	}
	// PM-3 is restricted: its recurrences are counted, never named.
	if len(c.Recurrences) != 1 || c.Recurrences[0].Fix != "ACT-1" || c.Recurrences[0].Later.ID != "PM-2" || c.HiddenRecurrences != 2 {
		t.Errorf("recurrences = %+v, hidden %d", c.Recurrences, c.HiddenRecurrences)
	}
	for _, r := range c.Recurrences {
		if r.Earlier.ID == "PM-3" || r.Later.ID == "PM-3" {
			t.Errorf("the restricted PM-3 is named: %+v", r)
		}
	}
	if c.Open != 1 {
		t.Errorf("open = %d, want 1 (ACT-7)", c.Open)
	}
	if o := trends[1]; o.Incidents != 1 || o.Recurring || o.FixesDone != 0 {
		t.Errorf("config-push = %+v", o)
	}
}
