package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
)

// testApp is a real server on a real temporary SQLite archive, with users of
// every role and a token for each.
type testApp struct {
	srv    *Server
	db     *sqlite.DB
	tokens map[string]string // user name → bearer token
}

const pmOpen = `---
id: PM-2026-101
title: Checkout errors after certificate expiry
severity: SEV2
status: published
customer_facing: true
teams: [payments]
services: [payments-api]
started: 2026-03-03T02:14:00Z
detected: 2026-03-03T02:21:00Z
trigger: The certificate on the load balancer expired.
contributing_factors:
  - category: automation
    description: Renewal skipped vendor certificates.
  - category: detection
    description: The expiry alert watched the wrong certificate.
---

# Checkout errors after certificate expiry

## Summary
The payments-api certificate expired and checkout failed for 50 minutes.
`

const pmRestricted = `---
id: PM-2026-102
title: Leaked signing key rotated
severity: SEV1
status: published
restricted: true
teams: [identity]
services: [auth-service]
started: 2026-04-01T10:00:00Z
---

# Leaked signing key rotated

## Summary
A signing key for sessions was found in a public paste; the certificate was rotated.
`

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	app := &testApp{db: db, tokens: map[string]string{}}
	users := []*debrief.User{
		{Name: "ada", Role: debrief.RoleAdmin},
		{Name: "eve", Role: debrief.RoleEditor, Teams: []string{"payments"}},
		{Name: "ivy", Role: debrief.RoleViewer, Teams: []string{"identity"}},
		{Name: "vic", Role: debrief.RoleViewer, Teams: []string{"logistics"}},
	}
	for _, u := range users {
		if err := db.CreateUser(ctx, u, ""); err != nil {
			t.Fatal(err)
		}
		tok, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CreateToken(ctx, u.Name, hash); err != nil {
			t.Fatal(err)
		}
		app.tokens[u.Name] = tok
	}
	for _, src := range []string{pmOpen, pmRestricted} {
		doc, probs := markdown.Parse([]byte(src))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if _, err := db.Import(ctx, doc.Postmortem); err != nil {
			t.Fatal(err)
		}
	}
	app.srv = New(Config{
		Postmortems: db, Families: db, Users: db, Reviews: db, FollowThrough: db, Taxonomy: debrief.DefaultTaxonomy(),
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Findings: func(path string, src []byte) ([]lint.Finding, error) { return nil, nil },
	})
	return app
}

// do sends one request as user ("" for none) and returns the response.
func (a *testApp) do(t *testing.T, user, method, path, contentType, body string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if user != "" {
		tok, ok := a.tokens[user]
		if !ok {
			tok = "dbt_not-a-token"
		}
		r.Header.Set("Authorization", "Bearer "+tok)
	}
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	a.srv.ServeHTTP(w, r)
	return w
}

func TestAPIScenarios(t *testing.T) {
	updated := strings.Replace(pmOpen, "checkout failed for 50 minutes", "checkout failed for 52 minutes", 1)
	created := strings.Replace(strings.Replace(pmOpen, "PM-2026-101", "PM-2026-150", 1), "Checkout errors", "Cart errors", 2)
	relatedToNothing := strings.Replace(strings.Replace(created, "PM-2026-150", "PM-2026-153", 1), "teams: [payments]\n", "teams: [payments]\nrelated: [PM-2026-101, PM-2099-999]\n", 1)
	updatedToNothing := strings.Replace(updated, "teams: [payments]\n", "teams: [payments]\nrelated: [PM-2099-999]\n", 1)
	tests := []struct {
		name        string
		user        string
		method      string
		path        string
		ctype, body string
		header      map[string]string
		status      int
		has         []string
		lacks       []string
		wantHeader  map[string]string
	}{
		{name: "healthz needs no auth", method: "GET", path: "/healthz", status: 200, has: []string{`"ok"`}},
		{name: "list needs auth", method: "GET", path: "/api/v1/postmortems", status: 401, has: []string{"unauthorized"}, wantHeader: map[string]string{"WWW-Authenticate": `Bearer realm="debrief"`}},
		{name: "bad token", user: "nobody", method: "GET", path: "/api/v1/postmortems", status: 401, has: []string{"not valid"}},
		{name: "openapi", user: "vic", method: "GET", path: "/api/v1/openapi.yaml", status: 200, has: []string{"openapi: 3.1.0"}},
		{name: "list hides restricted from outsiders", user: "vic", method: "GET", path: "/api/v1/postmortems", status: 200, has: []string{"PM-2026-101", `"next":""`, `"total":1`}, lacks: []string{"PM-2026-102"}},
		{name: "list shows restricted to its team", user: "ivy", method: "GET", path: "/api/v1/postmortems", status: 200, has: []string{"PM-2026-101", "PM-2026-102", `"total":2`}},
		{name: "list shows restricted to admins", user: "ada", method: "GET", path: "/api/v1/postmortems", status: 200, has: []string{"PM-2026-102"}},
		{name: "search hides restricted", user: "vic", method: "GET", path: "/api/v1/postmortems?q=certificate", status: 200, has: []string{"PM-2026-101"}, lacks: []string{"PM-2026-102"}},
		{name: "search highlights", user: "vic", method: "GET", path: "/api/v1/postmortems?q=certificate", status: 200, has: []string{`\u003cmark\u003ecertificate`}},
		{name: "search shows restricted to its team", user: "ivy", method: "GET", path: "/api/v1/postmortems?q=rotated", status: 200, has: []string{"PM-2026-102"}},
		{name: "filter by team", user: "ada", method: "GET", path: "/api/v1/postmortems?team=identity", status: 200, has: []string{"PM-2026-102"}, lacks: []string{"PM-2026-101"}},
		{name: "filter by severity in q", user: "ada", method: "GET", path: "/api/v1/postmortems?q=sev:SEV2", status: 200, has: []string{"PM-2026-101"}, lacks: []string{"PM-2026-102"}},
		{name: "bad filter", user: "ada", method: "GET", path: "/api/v1/postmortems?severity=SEV9", status: 400, has: []string{"invalid"}},
		{name: "bad limit", user: "ada", method: "GET", path: "/api/v1/postmortems?limit=0", status: 400, has: []string{"limit"}},
		{name: "get", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101", status: 200, has: []string{`"version":1`, `"time_to_detect_seconds"`, "Renewal skipped"}, wantHeader: map[string]string{"ETag": `"v1"`}},
		{name: "get as markdown", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101", header: map[string]string{"Accept": "text/markdown"}, status: 200, has: []string{"---\nid: PM-2026-101\n"}},
		{name: "get restricted as outsider is not found", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-102", status: 404, lacks: []string{"Leaked"}},
		{name: "get restricted as member", user: "ivy", method: "GET", path: "/api/v1/postmortems/PM-2026-102", status: 200, has: []string{"Leaked"}},
		{name: "get missing", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-999", status: 404},
		{name: "similar hides restricted", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101/similar", status: 200, has: []string{`"items":`, `"next":""`}, lacks: []string{"PM-2026-102"}},
		{name: "similar of restricted is not found for outsiders", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-102/similar", status: 404},
		{name: "viewer cannot create", user: "vic", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: created, status: 403},
		{name: "editor creates from markdown", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: created, status: 201, has: []string{`"version":1`, "Cart errors"}, wantHeader: map[string]string{"Location": "/api/v1/postmortems/PM-2026-150", "ETag": `"v1"`}},
		{name: "create taken id conflicts", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: pmOpen, status: 409},
		{name: "create invalid markdown gives positions", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: strings.Replace(created, "SEV2", "SEV9", 1), status: 400, has: []string{`"line":4`, `"column":11`, "SEV9"}},
		{name: "create invalid json gives position", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/json", body: "{\n  \"id\": 5\n}", status: 400, has: []string{"line 2"}},
		{name: "create json with unknown field", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/json", body: `{"id":"PM-2026-151","root_cause":"x"}`, status: 400, has: []string{"root_cause"}},
		{name: "create json with invalid fields", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/json", body: `{"id":"PM-2026-151","title":"t","severity":"SEV3","status":"draft","action_items":[{"id":"ACT-1","title":"x"}]}`, status: 400, has: []string{`"field":"action_items[0]"`, "owner_team"}},
		{name: "create json", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/json", body: `{"id":"PM-2026-152","title":"DNS errors","severity":"SEV3","status":"draft","teams":["platform"],"body":"\n# DNS errors\n"}`, status: 201, has: []string{`"id":"PM-2026-152"`}},
		{name: "create related to nothing gives its position", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: relatedToNothing, status: 400, has: []string{`"field":"related[1]"`, `"line":8`, "PM-2099-999"}},
		{name: "create json related to nothing gives its field", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/json", body: `{"id":"PM-2026-154","title":"DNS errors","severity":"SEV3","status":"draft","related":["PM-2099-999"],"body":"\n# DNS errors\n"}`, status: 400, has: []string{`"field":"related[0]"`, "PM-2099-999"}},
		{name: "the refused postmortem was not stored", user: "ada", method: "GET", path: "/api/v1/postmortems/PM-2026-154", status: 404},
		{name: "unsupported content type", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "application/xml", body: "<x/>", status: 415},
		{name: "too large", user: "eve", method: "POST", path: "/api/v1/postmortems", ctype: "text/markdown", body: strings.Repeat("x", int(DefaultMaxBody)+1), status: 413},
		{name: "update without If-Match", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: updated, status: 428},
		{name: "update with bad If-Match", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: updated, header: map[string]string{"If-Match": "yesterday"}, status: 400},
		{name: "viewer cannot update", user: "vic", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: updated, header: map[string]string{"If-Match": `"v1"`}, status: 403},
		{name: "update id mismatch", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-150", ctype: "text/markdown", body: updated, header: map[string]string{"If-Match": `"v1"`}, status: 400},
		{name: "update related to nothing gives its position", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: updatedToNothing, header: map[string]string{"If-Match": `"v1"`}, status: 400, has: []string{`"field":"related[0]"`, `"line":8`, "PM-2099-999"}},
		{name: "update", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: updated, header: map[string]string{"If-Match": `"v1"`}, status: 200, has: []string{`"version":2`, "52 minutes"}, wantHeader: map[string]string{"ETag": `"v2"`}},
		{name: "stale update is refused with the current version", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-101", ctype: "text/markdown", body: pmOpen, header: map[string]string{"If-Match": `"v1"`}, status: 412, has: []string{`"version":2`, "conflict"}, wantHeader: map[string]string{"ETag": `"v2"`}},
		{name: "the stale update changed nothing", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101", status: 200, has: []string{"52 minutes", `"version":2`}},
		{name: "update restricted as outsider is not found", user: "eve", method: "PUT", path: "/api/v1/postmortems/PM-2026-102", ctype: "text/markdown", body: pmRestricted, header: map[string]string{"If-Match": `"v1"`}, status: 404},
		{name: "lint", user: "vic", method: "POST", path: "/api/v1/lint", ctype: "text/markdown", body: "# x\n", status: 200, has: []string{"[]"}},
		{name: "unknown API route", user: "vic", method: "GET", path: "/api/v1/nothing", status: 404, has: []string{"openapi.yaml"}},
		{name: "wrong method", user: "vic", method: "PATCH", path: "/api/v1/postmortems/PM-2026-101", status: 405, wantHeader: map[string]string{"Allow": "GET, PUT, DELETE"}},
	}
	app := newTestApp(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := app.do(t, tt.user, tt.method, tt.path, tt.ctype, tt.body, tt.header)
			body := w.Body.String()
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d; body: %s", w.Code, tt.status, body)
			}
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q: %s", s, body)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(body, s) {
					t.Errorf("body has %q: %s", s, body)
				}
			}
			for k, v := range tt.wantHeader {
				if got := w.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

// TestOpenAPIMatchesRoutes checks that every path and method in the OpenAPI
// description is served, and that every route served is described.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var spec struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := yamlToJSON(openAPISpec, &spec); err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t)
	described := map[string]bool{}
	for path, ops := range spec.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			m := strings.ToUpper(method)
			concrete := strings.ReplaceAll(path, "{id}", "PM-2026-101")
			described[m+" "+path] = true
			ctype, body := "", ""
			if m == "POST" || m == "PUT" {
				ctype, body = "text/markdown", "not a postmortem"
			}
			w := app.do(t, "ada", m, concrete, ctype, body, nil)
			if w.Code == http.StatusNotFound && strings.Contains(w.Body.String(), "no such API route") || w.Code == http.StatusMethodNotAllowed {
				t.Errorf("%s %s is described but not served (%d)", m, path, w.Code)
			}
		}
	}
	routes := []string{"GET /healthz", "GET /readyz"}
	for _, r := range app.srv.apiRouteList() {
		routes = append(routes, r.pattern)
	}
	for _, route := range routes {
		if !described[route] {
			t.Errorf("route %s is served but not described in openapi.yaml", route)
		}
	}
}

func decodeJSON(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
}

func TestAPIPagination(t *testing.T) {
	app := newTestApp(t)
	seen := map[string]bool{}
	path := "/api/v1/postmortems?limit=1"
	for pages := 0; ; pages++ {
		if pages > 3 {
			t.Fatal("pagination does not end")
		}
		w := app.do(t, "ada", "GET", path, "", "", nil)
		if w.Code != 200 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
		var page struct {
			Items []summaryJSON `json:"items"`
			Next  string        `json:"next"`
		}
		decodeJSON(t, w.Body.Bytes(), &page)
		if len(page.Items) != 1 && page.Next != "" {
			t.Fatalf("page of %d items with a next cursor", len(page.Items))
		}
		for _, it := range page.Items {
			if seen[it.ID] {
				t.Fatalf("%s on two pages", it.ID)
			}
			seen[it.ID] = true
		}
		if page.Next == "" {
			break
		}
		path = "/api/v1/postmortems?limit=1&cursor=" + url.QueryEscape(page.Next)
	}
	if len(seen) != 2 {
		t.Errorf("saw %d postmortems over all pages, want 2", len(seen))
	}
	if w := app.do(t, "ada", "GET", "/api/v1/postmortems?cursor=garbage", "", "", nil); w.Code != 400 {
		t.Errorf("bad cursor: status %d, want 400", w.Code)
	}
}
