package web

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
)

func TestAdminPage(t *testing.T) {
	app := newPageApp(t, false)
	ada, eve := app.signedIn(t, "ada"), app.signedIn(t, "eve")
	ctx := context.Background()
	post := func(c *client, path string, form url.Values) response {
		t.Helper()
		return c.post(path, form)
	}
	if r := eve.get("/admin"); r.status != 403 {
		t.Errorf("an editor gets the admin page: %d", r.status)
	}
	if r := post(eve, "/admin/users/vic", url.Values{"op": {"remove"}}); r.status != 403 {
		t.Errorf("an editor removes a user: %d", r.status)
	}
	r := ada.get("/admin")
	if r.status != 200 || !strings.Contains(r.body, "Remove vic") || !strings.Contains(r.body, `href="/admin" aria-current="page"`) {
		t.Fatalf("the admin page: %d\n%s", r.status, r.body)
	}
	steps := []struct {
		name   string
		path   string
		form   url.Values
		status int
		has    string
	}{
		{"from another site", "/admin/users/vic", url.Values{"op": {"remove"}, crossSite: {"1"}}, 403, ""},
		{"set role and teams", "/admin/users/eve", url.Values{"op": {"set"}, "role": {"viewer"}, "teams": {"Search, payments"}}, 303, ""},
		{"a bad role", "/admin/users/eve", url.Values{"op": {"set"}, "role": {"owner"}}, 400, "is not one of viewer, editor, admin"},
		{"demote the last admin", "/admin/users/ada", url.Values{"op": {"set"}, "role": {"editor"}}, 409, "ada is the only admin"},
		{"a short password", "/admin/users/ivy", url.Values{"op": {"passwd"}, "password": {"short"}}, 400, "at least 8 characters"},
		{"reset a password", "/admin/users/ivy", url.Values{"op": {"passwd"}, "password": {"a-new-passphrase"}}, 303, ""},
		{"remove", "/admin/users/vic", url.Values{"op": {"remove"}}, 303, ""},
		{"remove a missing user", "/admin/users/vic", url.Values{"op": {"remove"}}, 404, "no user named vic"},
		{"add", "/admin/users", url.Values{"name": {"zoe"}, "role": {"editor"}, "teams": {"identity"}, "password": {"zoe-passphrase"}}, 303, ""},
		{"add a taken name", "/admin/users", url.Values{"name": {"ZOE"}, "role": {"viewer"}}, 409, "exists already"},
		{"delete at an old version", "/admin/postmortems/delete", url.Values{"id": {"PM-2026-101"}, "version": {"7"}}, 409, "it is at version 1"},
		{"delete without a version", "/admin/postmortems/delete", url.Values{"id": {"PM-2026-101"}}, 400, "give the version"},
		{"delete", "/admin/postmortems/delete", url.Values{"id": {"PM-2026-101"}, "version": {"1"}}, 303, ""},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			r := ada.post(st.path, st.form)
			if r.status != st.status || !strings.Contains(strings.ToLower(html.UnescapeString(r.body)), st.has) {
				t.Errorf("status %d (want %d), body lacks %q:\n%s", r.status, st.status, st.has, r.body)
			}
			if r.status == 303 && !strings.HasPrefix(r.header.Get("Location"), "/admin?done=") {
				t.Errorf("Location %q", r.header.Get("Location"))
			}
		})
	}
	if u, _, err := app.db.UserByName(ctx, "eve"); err != nil || u.Role != debrief.RoleViewer || strings.Join(u.Teams, ",") != "payments,search" {
		t.Errorf("eve = %+v, %v", u, err)
	}
	if _, hash, _ := app.db.UserByName(ctx, "ivy"); !auth.CheckPassword(hash, "a-new-passphrase") {
		t.Errorf("ivy's password was not reset")
	}
	if _, _, err := app.db.UserByName(ctx, "vic"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("vic was not removed: %v", err)
	}
	if _, err := app.db.FindByID(ctx, debrief.Operator, "PM-2026-101"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("PM-2026-101 was not deleted: %v", err)
	}
	if r := ada.get("/admin?done=deleted&name=PM-2026-101"); !strings.Contains(r.body, "Deleted PM-2026-101. The deletion is on record") {
		t.Errorf("no confirmation:\n%s", r.body)
	}
}

func TestAPIDelete(t *testing.T) {
	app := newTestApp(t)
	path := "/api/v1/postmortems/PM-2026-101"
	for _, c := range []struct {
		user   string
		header map[string]string
		status int
	}{
		{"eve", map[string]string{"If-Match": `"v1"`}, 403},
		{"ada", nil, 428},
		{"ada", map[string]string{"If-Match": "soon"}, 400},
		{"ada", map[string]string{"If-Match": `"v2"`}, 412},
		{"ada", map[string]string{"If-Match": `"v1"`}, 204},
		{"ada", map[string]string{"If-Match": `"v1"`}, 404},
	} {
		if w := app.do(t, c.user, "DELETE", path, "", "", c.header); w.Code != c.status {
			t.Errorf("DELETE as %s with %v: %d, want %d: %s", c.user, c.header, w.Code, c.status, w.Body)
		}
	}
	if w := app.do(t, "ada", "GET", path, "", "", nil); w.Code != 404 {
		t.Errorf("GET after the delete: %d", w.Code)
	}
}
