package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/debrief/debrief"
)

// TestAuditOfQuickEdits checks that a quick edit of an action item, which
// saves a new version of its postmortem, is in the audit log.
func TestAuditOfQuickEdits(t *testing.T) {
	app := followApp(t)
	max := app.signedIn(t, "max")
	etag := max.api("GET", "/api/v1/action-items/ACT-231", "", "", false).header.Get("ETag")
	r := max.apiWith("PATCH", "/api/v1/action-items/ACT-231", "application/json", `{"status":"done"}`, map[string]string{"If-Match": etag})
	if r.status != http.StatusOK {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	events, _, err := app.db.AuditLog(context.Background(), debrief.AuditFilter{Action: debrief.AuditPostmortemEdit})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Actor != "max" || events[0].Target != "PM-2026-101" ||
		events[0].Detail != "version 1 → 2 (action items or accepted risks)" || events[0].Origin != "127.0.0.1" {
		for _, e := range events {
			t.Logf("%+v", e)
		}
		t.Errorf("want one edit of PM-2026-101 by max, version 1 → 2, from 127.0.0.1")
	}
}
