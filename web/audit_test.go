package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
)

type auditPage struct {
	Items []auditEventJSON `json:"items"`
	Next  string           `json:"next"`
}

func auditLines(events []auditEventJSON) string {
	var out []string
	for _, e := range events {
		out = append(out, e.Actor+" "+e.Action+" "+e.Target+" ("+e.Detail+") from "+e.Origin)
	}
	return strings.Join(out, "\n")
}

// TestAuditOfPostmortemsThroughTheAPI creates, edits and restricts a
// postmortem through the API, and reads the audit log as an admin.
func TestAuditOfPostmortemsThroughTheAPI(t *testing.T) {
	a := newTestApp(t)
	doc := strings.Replace(pmOpen, "PM-2026-101", "PM-2026-150", 1)
	if w := a.do(t, "eve", "POST", "/api/v1/postmortems", "text/markdown", doc, nil); w.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	edited := strings.Replace(doc, "status: published", "status: published\nrestricted: true", 1)
	if w := a.do(t, "eve", "PUT", "/api/v1/postmortems/PM-2026-150", "text/markdown", edited, map[string]string{"If-Match": `"v1"`}); w.Code != http.StatusOK {
		t.Fatalf("update: %d %s", w.Code, w.Body)
	}
	// The same content again changes nothing, and records nothing.
	if w := a.do(t, "eve", "PUT", "/api/v1/postmortems/PM-2026-150", "text/markdown", edited, map[string]string{"If-Match": `"v2"`}); w.Code != http.StatusOK {
		t.Fatalf("identical update: %d %s", w.Code, w.Body)
	}
	// A stale save is refused, and records nothing.
	if w := a.do(t, "eve", "PUT", "/api/v1/postmortems/PM-2026-150", "text/markdown", doc, map[string]string{"If-Match": `"v1"`}); w.Code != http.StatusPreconditionFailed {
		t.Fatalf("stale update: %d %s", w.Code, w.Body)
	}
	if w := a.do(t, "ada", "DELETE", "/api/v1/postmortems/PM-2026-150", "", "", map[string]string{"If-Match": `"v2"`}); w.Code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", w.Code, w.Body)
	}

	w := a.do(t, "ada", "GET", "/api/v1/audit", "", "", nil)
	if w.Code != http.StatusOK {
		t.Fatalf("audit log: %d %s", w.Code, w.Body)
	}
	var page auditPage
	decodeJSON(t, w.Body.Bytes(), &page)
	want := strings.Join([]string{
		"ada postmortem.delete PM-2026-150 (version 2) from 192.0.2.1",
		"eve postmortem.restriction PM-2026-150 (visible to everyone → teams payments) from 192.0.2.1",
		"eve postmortem.edit PM-2026-150 (version 1 → 2) from 192.0.2.1",
		"eve postmortem.create PM-2026-150 (version 1) from 192.0.2.1",
	}, "\n")
	if got := auditLines(page.Items); got != want {
		t.Errorf("audit log:\n%s\nwant\n%s", got, want)
	}
	for _, e := range page.Items {
		if time.Since(e.At) > time.Hour || e.ID == 0 {
			t.Errorf("event %+v: want an id and the time it happened", e)
		}
	}

	tests := []struct {
		name, user, query string
		status            int
		want              string
	}{
		{"editor", "eve", "", http.StatusForbidden, "only admins"},
		{"viewer", "vic", "", http.StatusForbidden, "only admins"},
		{"nobody", "", "", http.StatusUnauthorized, ""},
		{"by action", "ada", "?action=postmortem.edit", http.StatusOK, "version 1 → 2"},
		{"by actor", "ada", "?actor=ADA", http.StatusOK, "postmortem.delete"},
		{"by target", "ada", "?target=pm-2026-150&limit=1", http.StatusOK, `"next":"`},
		{"bad limit", "ada", "?limit=0", http.StatusBadRequest, "limit"},
		{"bad before", "ada", "?before=yesterday", http.StatusBadRequest, "before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := a.do(t, tt.user, "GET", "/api/v1/audit"+tt.query, "", "", nil)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
				t.Errorf("status %d, body %s; want %d with %q", w.Code, w.Body, tt.status, tt.want)
			}
		})
	}
}

// TestTokenExpiryAndRevocationInTheAPI signs requests in with tokens that
// expired, were revoked or work, and checks that the last use is kept.
func TestTokenExpiryAndRevocationInTheAPI(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	issue := func(expires time.Time) (string, string) {
		t.Helper()
		tok, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.db.CreateTokenExpiring(ctx, "eve", hash, expires); err != nil {
			t.Fatal(err)
		}
		return tok, debrief.TokenID(hash)
	}
	live, liveID := issue(time.Now().Add(time.Hour))
	expired, _ := issue(time.Now().Add(-time.Minute))
	revoked, revokedID := issue(time.Time{})
	if _, err := a.db.RevokeToken(ctx, revokedID); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, token string
		status      int
		says        string
	}{
		{"live", live, http.StatusOK, ""},
		{"expired", expired, http.StatusUnauthorized, "the token expired"},
		{"revoked", revoked, http.StatusUnauthorized, "the token is not valid"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a.tokens["tester"] = tt.token
			w := a.do(t, "tester", "GET", "/api/v1/postmortems", "", "", nil)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.says) {
				t.Errorf("status %d, body %s; want %d saying %q", w.Code, w.Body, tt.status, tt.says)
			}
		})
	}
	list, err := a.db.Tokens(ctx, "eve")
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range list {
		if used := !tok.LastUsed.IsZero(); used != (tok.ID == liveID) {
			t.Errorf("token %s: last used %v; only the live token was used", tok.ID, tok.LastUsed)
		}
	}
}

// TestAuditOfSignInsAndUsers signs in with a wrong password and a right
// one, changes a role on the admin page, and reads the audit log's page.
func TestAuditOfSignInsAndUsers(t *testing.T) {
	app := newPageApp(t, false)
	if r := app.client(t).signIn("ada", "wrong-password"); r.status != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", r.status)
	}
	ada := app.signedIn(t, "ada")
	form := url.Values{"op": {"set"}, "role": {"admin"}, "teams": {"payments, search"}}
	if r := ada.post("/admin/users/eve", form); r.status != http.StatusSeeOther {
		t.Fatalf("change eve's role: %d %s", r.status, r.body)
	}
	events, _, err := app.db.AuditLog(context.Background(), debrief.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Actor+" "+e.Action+" "+e.Target+" ("+e.Detail+") from "+e.Origin)
	}
	want := []string{
		"ada user.role eve (role editor → admin, teams payments → payments, search) from 127.0.0.1",
		"ada signin ada (password) from 127.0.0.1",
		"ada signin.failed ada (wrong name or password) from 127.0.0.1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	page := ada.get("/admin/audit?action=user.role")
	if page.status != http.StatusOK || !strings.Contains(page.body, "role editor → admin") || strings.Contains(page.body, "wrong name or password") {
		t.Errorf("audit page: %d\n%s", page.status, page.body)
	}
	if r := ada.get("/admin/audit?limit=1"); !strings.Contains(r.body, "Older events") {
		t.Errorf("a page of one event has no link to older ones:\n%s", r.body)
	}
	if r := app.signedIn(t, "max").get("/admin/audit"); r.status != http.StatusForbidden {
		t.Errorf("an editor reads the audit page: %d", r.status)
	}
}

func TestAuditEventJSONNames(t *testing.T) {
	b, err := json.Marshal(auditEventJSON{ID: 1, Actor: "a"})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"id"`, `"at"`, `"actor"`, `"action"`, `"target"`, `"detail"`, `"origin"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("%s lacks %s, which openapi.yaml promises", b, k)
		}
	}
}
