package web

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/tracker"
)

// pageSecretItems is a restricted postmortem with an action item and an
// accepted risk of its own.
const pageSecretItems = `---
id: PM-2026-103
title: Session tokens logged in plain text
severity: SEV2
status: published
restricted: true
teams: [identity]
services: [auth-service]
started: 2026-04-20T10:00:00Z
trigger: A debug flag logged session tokens.
contributing_factors:
  - category: change
    description: The flag shipped enabled.
action_items:
  - id: ACT-777
    title: Strip tokens from every log line
    owner_team: identity
    kind: prevent
    value: 4
    effort_days: 2
    due: 2026-05-01
    status: open
accepted_risks:
  - id: RISK-077
    risk: Old log archives keep tokens until they expire.
    owner_team: identity
    review_by: 2026-05-15
---

# Session tokens logged in plain text

## Summary
Session tokens reached the log archive for a day.
`

func followApp(t *testing.T) *pageApp {
	t.Helper()
	app := newPageApp(t, false)
	doc, probs := markdown.Parse([]byte(pageSecretItems))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := app.db.Import(context.Background(), doc.Postmortem); err != nil {
		t.Fatal(err)
	}
	return app
}

func TestFollowThroughAPI(t *testing.T) {
	app := followApp(t)
	eve, ivy, vic := app.signedIn(t, "eve"), app.signedIn(t, "ivy"), app.signedIn(t, "vic")
	max := app.signedIn(t, "max")

	tests := []struct {
		name   string
		c      *client
		method string
		path   string
		body   string
		header map[string]string
		status int
		has    []string
		hasNot []string
	}{
		{name: "list hides restricted items", c: vic, method: "GET", path: "/api/v1/action-items", status: 200,
			has: []string{`"ACT-231"`, `"unscored":"no effort"`}, hasNot: []string{"ACT-777", "Strip tokens"}},
		{name: "list shows them to members", c: ivy, method: "GET", path: "/api/v1/action-items", status: 200,
			has: []string{`"ACT-777"`, `"rank":1`, `value 4/5 × harm`, `÷ 2 days = `}},
		{name: "bad filter", c: ivy, method: "GET", path: "/api/v1/action-items?status=finished", status: 400, has: []string{"status=finished"}},
		{name: "bad date filter", c: ivy, method: "GET", path: "/api/v1/action-items?due_before=soon", status: 400, has: []string{"YYYY-MM-DD"}},
		{name: "filter by team", c: ivy, method: "GET", path: "/api/v1/action-items?team=platform", status: 200, has: []string{"ACT-231"}, hasNot: []string{"ACT-777"}},
		{name: "item of a restricted postmortem", c: vic, method: "GET", path: "/api/v1/action-items/ACT-777", status: 404, hasNot: []string{"Strip"}},
		{name: "risk register hides restricted risks", c: vic, method: "GET", path: "/api/v1/risks", status: 200, has: []string{"RISK-007"}, hasNot: []string{"RISK-077"}},
		{name: "risk register flags overdue reviews", c: ivy, method: "GET", path: "/api/v1/risks?team=identity", status: 200,
			has: []string{"RISK-077", `"review_overdue":true`}, hasNot: []string{"RISK-007"}},
		{name: "patch needs If-Match", c: max, method: "PATCH", path: "/api/v1/action-items/ACT-231", body: `{"status":"done"}`, status: 428},
		{name: "patch with a stale ETag", c: max, method: "PATCH", path: "/api/v1/action-items/ACT-231", body: `{"status":"done"}`,
			header: map[string]string{"If-Match": `"0123"`}, status: 412, has: []string{"changed since"}},
		{name: "patch with unknown fields", c: max, method: "PATCH", path: "/api/v1/action-items/ACT-231", body: `{"state":"done"}`,
			header: map[string]string{"If-Match": `"0123"`}, status: 400, has: []string{"unknown field"}},
		{name: "viewers do not patch", c: vic, method: "PATCH", path: "/api/v1/action-items/ACT-231", body: `{"status":"done"}`,
			header: map[string]string{"If-Match": `"0123"`}, status: 403},
		{name: "figures by team", c: vic, method: "GET", path: "/api/v1/follow-through?by=team&days=365", status: 200,
			has: []string{`"group":"all"`, `"completion rate"`, `"how":`}, hasNot: []string{"identity"}},
		{name: "figures by nonsense", c: vic, method: "GET", path: "/api/v1/follow-through?by=mood", status: 400, has: []string{"by=mood"}},
		{name: "review needs a decision", c: max, method: "POST", path: "/api/v1/risks/RISK-007/review", body: `{"outcome":"x"}`, status: 400, has: []string{"not one of keep, close"}},
		{name: "pin by another team", c: eve, method: "PUT", path: "/api/v1/action-items/ACT-231/pin", body: `{"team":"payments","direction":"above","reason":"r"}`, status: 400, has: []string{"owner team"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{}
			for k, v := range tt.header {
				h[k] = v
			}
			r := tt.c.apiWith(tt.method, tt.path, "application/json", tt.body, h)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			for _, s := range tt.has {
				if !strings.Contains(r.body, s) {
					t.Errorf("body lacks %q: %s", s, r.body)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(r.body, s) {
					t.Errorf("body has %q: %s", s, r.body)
				}
			}
		})
	}

	// A quick edit with the item's ETag saves it and records it.
	r := max.api("GET", "/api/v1/action-items/ACT-231", "", "", false)
	etag := r.header.Get("ETag")
	r = max.apiWith("PATCH", "/api/v1/action-items/ACT-231", "application/json", `{"status":"done","link":"https://github.com/larkspur/ops/issues/9"}`, map[string]string{"If-Match": etag})
	if r.status != 200 {
		t.Fatalf("patch: %d %s", r.status, r.body)
	}
	var got struct {
		Status  string       `json:"status"`
		History []changeJSON `json:"history"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != "done" || len(got.History) != 2 || got.History[0].Source != "api" || got.History[0].Who != "max" {
		t.Errorf("after the patch: %+v", got)
	}
	p, err := app.db.FindByID(context.Background(), debrief.Operator, "PM-2026-101")
	if err != nil || p.Version != 2 || p.ActionItems[0].Status != debrief.ActionDone {
		t.Errorf("the postmortem after the patch: version %d, %+v (%v)", p.Version, p.ActionItems, err)
	}
	// The old ETag is stale now.
	r = max.apiWith("PATCH", "/api/v1/action-items/ACT-231", "application/json", `{"status":"open"}`, map[string]string{"If-Match": etag})
	if r.status != http.StatusPreconditionFailed {
		t.Errorf("a second patch with the old ETag: %d", r.status)
	}
}

func TestFollowThroughPages(t *testing.T) {
	app := followApp(t)
	max, vic := app.signedIn(t, "max"), app.signedIn(t, "vic")
	for _, path := range []string{"/action-items", "/action-items?all=1", "/risks", "/follow-through?by=kind", "/outbox"} {
		r := vic.get(path)
		if r.status != 200 || strings.Contains(r.body, "ACT-777") || strings.Contains(r.body, "RISK-077") || strings.Contains(r.body, "Strip tokens") {
			t.Errorf("%s as vic: %d, or it shows a restricted item", path, r.status)
		}
	}
	r := max.get("/action-items")
	if r.status != 200 || !strings.Contains(r.body, "ACT-231") || !strings.Contains(r.body, "unscored: no effort") {
		t.Fatalf("list as max: %d\n%s", r.status, r.body)
	}
	etag := regexpFind(t, r.body, `name="etag" value="([^"]+)"`)
	// Wont-do without a reason is refused with what to do.
	r = max.post("/action-items/ACT-231", url.Values{"etag": {etag}, "status": {"wont-do"}, "back": {"/action-items"}})
	if r.status != 400 || !strings.Contains(r.body, "needs a reason") {
		t.Errorf("wont-do without a reason: %d", r.status)
	}
	r = max.post("/action-items/ACT-231", url.Values{"etag": {etag}, "status": {"wont-do"},
		"reason": {"the new edge proxy renews certificates itself"}, "accept_risk": {"Edge certificates stay manual until the proxy lands"},
		"review_by": {"2026-09-01"}, "back": {"/action-items?team=platform"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/action-items?") || !strings.Contains(r.header.Get("Location"), "saved=ACT-231") {
		t.Fatalf("quick edit: %d %s %s", r.status, r.header.Get("Location"), r.body)
	}
	r = max.get("/action-items/ACT-231")
	if !strings.Contains(r.body, "wont-do") || !strings.Contains(r.body, "the new edge proxy") || !strings.Contains(r.body, "<td>status") {
		t.Errorf("item page after the edit lacks the history:\n%s", r.body)
	}
	// The risk it leaves is in the register; reviewing it keeps it with a new date.
	r = max.get("/risks")
	if !strings.Contains(r.body, "Edge certificates stay manual") {
		t.Fatalf("the register lacks the new risk")
	}
	r = max.post("/risks/RISK-007/review", url.Values{"decision": {"keep"}, "next_review": {"2026-09-01"},
		"outcome": {"the proxy slipped"}, "back": {"/risks"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("review: %d %s", r.status, r.body)
	}
	r = max.get("/risks?reviewed=RISK-007")
	if !strings.Contains(r.body, "Recorded the review of RISK-007") || !strings.Contains(r.body, "review: keep: the proxy slipped") {
		t.Errorf("register after the review lacks the notice or the history")
	}
	// Viewers cannot change anything.
	if r := vic.post("/risks/RISK-007/review", url.Values{"decision": {"close"}, "outcome": {"x"}}); r.status != 403 {
		t.Errorf("a viewer's review: %d", r.status)
	}
	// The outbox shows tomorrow's digests.
	r = max.get("/outbox")
	if r.status != 200 || !strings.Contains(r.body, "Tomorrow") {
		t.Errorf("outbox: %d", r.status)
	}
}

func regexpFind(t *testing.T, body, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s in the page", pattern)
	}
	return html.UnescapeString(m[1])
}

// TestWebhooksAreServed checks that a tracker's webhook is served without
// a session, and that its signature is what lets a delivery in.
func TestWebhooksAreServed(t *testing.T) {
	app := newPageApp(t, false)
	secret := credential.New("webhook-secret")
	var applied int
	h := tracker.GitHubWebhook(secret, app.db, func(context.Context, *tracker.Event) error { applied++; return nil })
	h.Logger = discardLogger()
	srv := New(Config{Postmortems: app.db, Users: app.db, FollowThrough: app.db, Taxonomy: debrief.DefaultTaxonomy(), Log: discardLogger(),
		Webhooks: map[string]http.Handler{"github": h}})
	body := `{"zen":"Design for failure.","hook_id":1}`
	for _, tc := range []struct {
		sig  string
		want int
	}{{"sha256=00", 401}, {tracker.Sign(secret, []byte(body)), 200}} {
		r := httptest.NewRequest("POST", "/webhooks/github", strings.NewReader(body))
		r.Header.Set("X-GitHub-Event", "ping")
		r.Header.Set("X-GitHub-Delivery", "d-1")
		r.Header.Set("X-Hub-Signature-256", tc.sig)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("signature %q: %d %s, want %d", tc.sig, w.Code, w.Body, tc.want)
		}
	}
	if applied != 0 {
		t.Errorf("a ping applied %d updates", applied)
	}
}

func TestAdminReminders(t *testing.T) {
	app := newPageApp(t, false)
	ada, eve := app.signedIn(t, "ada"), app.signedIn(t, "eve")
	if r := eve.get("/admin/reminders"); r.status != 403 {
		t.Errorf("an editor opened the reminders' settings: %d", r.status)
	}
	r := ada.post("/admin/reminders", url.Values{"team": {"payments"}, "email": {"leads@example.com, oncall@example.com"}, "slack": {"SLACK_WEBHOOK_PAYMENTS"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("set: %d %s", r.status, r.body)
	}
	if r := ada.post("/admin/reminders", url.Values{"team": {"search"}, "slack": {"not a variable"}}); r.status != 400 || !strings.Contains(r.body, "not the name of an environment variable") {
		t.Errorf("a bad variable: %d", r.status)
	}
	r = ada.get("/admin/reminders?saved=payments")
	if !strings.Contains(r.body, "Saved the reminders of payments") || !strings.Contains(r.body, `value="leads@example.com, oncall@example.com"`) || !strings.Contains(r.body, `value="SLACK_WEBHOOK_PAYMENTS"`) {
		t.Errorf("the page after saving:\n%s", r.body)
	}
	ss, err := app.db.ReminderSettings(context.Background())
	if err != nil || len(ss) != 1 || ss[0].By != "ada" || len(ss[0].Email) != 2 {
		t.Errorf("stored %+v, %v", ss, err)
	}
	ada.post("/admin/reminders", url.Values{"team": {"payments"}, "op": {"remove"}})
	if ss, _ := app.db.ReminderSettings(context.Background()); len(ss) != 0 {
		t.Errorf("after removing: %+v", ss)
	}
}
