package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// editForm is the editor's markdown-mode form for file at version.
func editForm(file string, version int) url.Values {
	return url.Values{"mode": {"markdown"}, "version": {fmt.Sprint(version)}, "file": {file}, "op": {"save"}}
}

// fromAnotherSite marks a form as posted from another site (client.post).
func fromAnotherSite(form url.Values) url.Values {
	form.Set(crossSite, "1")
	return form
}

// TestPageScenarios runs requests against a real app in order, each as a
// user (or nobody), and checks the status, the content and the redirect.
func TestPageScenarios(t *testing.T) {
	app := newPageApp(t, false)
	as := map[string]*client{"": app.client(t)}
	for name := range testPasswords {
		as[name] = app.signedIn(t, name)
	}
	edited := strings.Replace(pageOpen, "failed for 51 minutes", "failed for 52 minutes", 1)
	newFile := strings.NewReplacer("PM-2026-101", "PM-2026-103", "Checkout errors", "Cart errors", "status: published", "status: draft").Replace(pageOpen)
	publish := strings.Replace(newFile, "status: draft", "status: published", 1)
	override := func(reason string) url.Values {
		f := editForm(publish, 1)
		f.Set("op", "override")
		f.Set("override_reason", reason)
		return f
	}

	tests := []struct {
		name     string
		as       string
		method   string
		path     string
		form     url.Values
		status   int
		has      []string
		lacks    []string
		location string
		setup    func()
	}{
		// Access.
		{name: "archive needs sign-in", as: "", method: "GET", path: "/", status: 303, location: "/signin?next=%2F"},
		{name: "postmortem needs sign-in", as: "", method: "GET", path: "/postmortems/PM-2026-101", status: 303, location: "/signin?next=%2Fpostmortems%2FPM-2026-101"},
		{name: "editor needs sign-in", as: "", method: "GET", path: "/postmortems/PM-2026-101/edit", status: 303},
		{name: "sign-in page", as: "", method: "GET", path: "/signin", status: 200, has: []string{"Sign in to debrief", `autocomplete="current-password"`}},
		{name: "stylesheet", as: "", method: "GET", path: "/static/style.css", status: 200, has: []string{"@media print"}},
		{name: "unknown static file", as: "", method: "GET", path: "/static/nothing.css", status: 404},
		{name: "anonymous save is refused", as: "", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(edited, 1), status: 401, has: []string{"Please sign in", "unauthorized"}},
		{name: "unknown page", as: "vic", method: "GET", path: "/nothing/here", status: 404, has: []string{"Not found", "not_found", "HTTP 404"}},

		// Archive.
		{name: "archive lists what the viewer may see", as: "vic", method: "GET", path: "/", status: 200,
			has: []string{"PM-2026-101", "Checkout errors after the payments-api certificate expired", "1 postmortem,", "SEV2", "resolved in 2 h 26 min", "1 blame finding"}, lacks: []string{"PM-2026-102", "Leaked"}},
		{name: "archive shows restricted to its team", as: "ivy", method: "GET", path: "/", status: 200, has: []string{"PM-2026-101", "PM-2026-102", "2 postmortems", "restricted"}},
		{name: "search hides restricted", as: "vic", method: "GET", path: "/?q=signing+key", status: 200, has: []string{"0 postmortems", "Nothing matches"}, lacks: []string{"PM-2026-102", "Leaked"}},
		{name: "search finds restricted for its team", as: "ivy", method: "GET", path: "/?q=signing+key", status: 200, has: []string{"PM-2026-102", "<mark>"}},
		{name: "search highlights", as: "vic", method: "GET", path: "/?q=certificate", status: 200, has: []string{"<mark>certificate</mark>", "best match first"}},
		{name: "filters", as: "ada", method: "GET", path: "/?severity=SEV1&customer_facing=false", status: 200, has: []string{"PM-2026-102", "1 postmortem,"}, lacks: []string{"PM-2026-101"}},
		{name: "query syntax filter", as: "ada", method: "GET", path: "/?q=team:payments", status: 200, has: []string{"PM-2026-101"}, lacks: []string{"PM-2026-102"}},
		{name: "bad query says why", as: "vic", method: "GET", path: "/?q=sev:SEV9", status: 400, has: []string{"is not a severity", `aria-invalid="true"`}},
		{name: "bad cursor says why", as: "vic", method: "GET", path: "/?cursor=garbage", status: 400, has: []string{"cursor"}},

		// Postmortem page.
		{name: "postmortem page", as: "vic", method: "GET", path: "/postmortems/PM-2026-101?similar=wait", status: 200,
			has: []string{"<h1 id=\"pm-title\">Checkout errors after the payments-api certificate expired</h1>", "Time to detect", "7 min", "Time to resolve", "2 h 26 min",
				"The TLS certificate on the payments-api load balancer expired.", "automation", "Renewal ran only", "ACT-231", "overdue", "RISK-007", "review overdue",
				`<mark class="lint lint-blame`, "makes a person the cause", "Similar incidents", `rel="alternate" type="application/json" href="/api/v1/postmortems/PM-2026-101"`},
			lacks: []string{"PM-2026-102", "Leaked", "<script>alert", "onerror", "javascript:", `<a class="button" href="/postmortems/PM-2026-101/edit"`}},
		{name: "the similar panel shows restricted only to its team", as: "ivy", method: "GET", path: "/postmortems/PM-2026-101?similar=wait", status: 200, has: []string{"This kind of incident happened again since", "PM-2026-102"}},
		{name: "similar incidents found late are filled in by the page's script", as: "eve", method: "GET", path: "/postmortems/PM-2026-101", status: 200,
			setup: func() { // every look-up slot busy, as under a burst of page views
				app.srv.pages.similar.bump()
				for slots := app.srv.pages.similar.slots; len(slots) < cap(slots); {
					slots <- struct{}{}
				}
			},
			has: []string{`id="similar-pending" data-id="PM-2026-101" data-date="2026-03-03"`, "Looking for similar incidents", `href="?similar=wait#similar-heading"`, "app.js"}},
		{name: "the wait link waits", as: "ivy", method: "GET", path: "/postmortems/PM-2026-101?similar=wait", status: 200,
			setup: func() { // the slots still busy: the page looks up itself
				app.srv.pages.similar.bump()
			},
			has: []string{"This kind of incident happened", "PM-2026-102"}, lacks: []string{"similar-pending"}},
		{name: "similar incidents found in time", as: "ivy", method: "GET", path: "/postmortems/PM-2026-101", status: 200,
			setup: func() {
				for slots := app.srv.pages.similar.slots; len(slots) > 0; {
					<-slots
				}
				app.srv.pages.similarWait = 10 * time.Second
			},
			has: []string{"This kind of incident happened", "PM-2026-102"}, lacks: []string{"similar-pending"}},
		{name: "restricted postmortem is not found for others", as: "vic", method: "GET", path: "/postmortems/PM-2026-102", status: 404, has: []string{"Not found"}, lacks: []string{"Leaked"}},
		{name: "restricted postmortem for its team", as: "ivy", method: "GET", path: "/postmortems/PM-2026-102", status: 200, has: []string{"Leaked signing key", "restricted"}},
		{name: "restricted postmortem for admins", as: "ada", method: "GET", path: "/postmortems/PM-2026-102", status: 200, has: []string{"Leaked signing key"}},
		{name: "editors see the edit button", as: "eve", method: "GET", path: "/postmortems/PM-2026-101", status: 200, has: []string{`href="/postmortems/PM-2026-101/edit"`}},

		// Editor: access and requests from other sites.
		{name: "viewers cannot edit", as: "vic", method: "GET", path: "/postmortems/PM-2026-101/edit", status: 403, has: []string{"Not allowed", "forbidden"}},
		{name: "viewers cannot save", as: "vic", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(edited, 1), status: 403},
		{name: "editors cannot edit what they cannot see", as: "eve", method: "GET", path: "/postmortems/PM-2026-102/edit", status: 404},
		{name: "editor page", as: "eve", method: "GET", path: "/postmortems/PM-2026-101/edit", status: 200,
			has: []string{`<textarea id="file"`, "id: PM-2026-101", `name="version" value="1"`, "What each section asks", "editor.js"}},
		{name: "a save from another site is refused", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: fromAnotherSite(editForm(edited, 1)), status: 403, has: []string{"another site"}},
		{name: "save with problems shows them by line", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(strings.Replace(edited, "SEV2", "SEV9", 1), 1), status: 400,
			has: []string{"1 problem to fix", "line 4, column 11", "SEV9", "failed for 52 minutes"}},
		{name: "save related to nothing shows it by line", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(strings.Replace(edited, "tags: [tls]\n", "tags: [tls]\nrelated: [PM-2099-999]\n", 1), 1), status: 400,
			has: []string{"line 10, column 11", "PM-2099-999 does not exist", "failed for 52 minutes"}},
		{name: "save cannot change the id", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(newFile, 1), status: 400, has: []string{"ids do not change"}},
		{name: "save", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: editForm(edited, 1), status: 303, location: "/postmortems/PM-2026-101?saved=1"},
		{name: "saved", as: "vic", method: "GET", path: "/postmortems/PM-2026-101?saved=1", status: 200, has: []string{"Saved version 2.", "failed for 52 minutes"}},
		{name: "a stale save gets the conflict page with both texts", as: "max", method: "POST", path: "/postmortems/PM-2026-101/edit",
			form: editForm(strings.Replace(pageOpen, "failed for 51 minutes", "failed for 49 minutes", 1), 1), status: 409,
			has: []string{"changed while you were editing", "You started from version 1; eve saved version 2", "failed for 49 minutes", "failed for 52 minutes",
				`class="line del"`, `class="line ins"`, `name="version" value="2"`, "Save my text as the new version"}},
		{name: "the stale save changed nothing", as: "vic", method: "GET", path: "/postmortems/PM-2026-101", status: 200, has: []string{"failed for 52 minutes"}, lacks: []string{"49 minutes"}},
		{name: "choosing to keep editing reopens the editor with my text", as: "max", method: "POST", path: "/postmortems/PM-2026-101/edit",
			form: func() url.Values {
				f := editForm(strings.Replace(pageOpen, "failed for 51 minutes", "failed for 49 minutes", 1), 2)
				f.Set("op", "edit")
				return f
			}(), status: 200, has: []string{"Your text is back in the editor", "failed for 49 minutes", `name="version" value="2"`}},

		// Editor: the form mode.
		{name: "form mode", as: "eve", method: "GET", path: "/postmortems/PM-2026-101/edit?mode=form", status: 200,
			has: []string{`name="factor.0.category"`, `value="Renewal ran only for certificates of the internal CA."`, `name="action.0.id" value="ACT-231"`, `name="factor_rows" value="3"`, `<textarea id="body"`}},
		{name: "switch to the form keeps the text", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit",
			form: func() url.Values {
				f := editForm(strings.Replace(edited, "Checkout errors after", "Checkout failures after", 1), 2)
				f.Set("op", "switch-form")
				return f
			}(), status: 200, has: []string{`value="Checkout failures after the payments-api certificate expired"`, `name="mode" value="form"`}},
		{name: "save from the form", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: url.Values{
			"mode": {"form"}, "version": {"2"}, "op": {"save"},
			"id": {"PM-2026-101"}, "title": {"Checkout errors after the payments-api certificate expired"}, "severity": {"SEV2"}, "status": {"in-review"},
			"customer_facing": {"true"}, "teams": {"payments, platform"}, "services": {"payments-api"}, "started": {"2026-03-03T02:14:00Z"},
			"trigger": {"The certificate expired."}, "factor_rows": {"2"}, "factor.0.category": {"vendor"}, "factor.0.description": {"The vendor's CA sent no reminder."},
			"action_rows": {"1"}, "risk_rows": {"0"}, "action.0.id": {"ACT-232"}, "action.0.title": {"Alert 21 days before expiry"}, "action.0.owner_team": {"platform"},
			"action.0.due": {"2026-07-01"}, "action.0.value": {"4"},
			"body": {"\n# Checkout errors\n\n## Summary\nSaved from the form.\n"},
		}, status: 303, location: "/postmortems/PM-2026-101?saved=1"},
		{name: "the form saved the same document", as: "vic", method: "GET", path: "/postmortems/PM-2026-101", status: 200,
			has: []string{"in review", "payments, platform", "The vendor&#39;s CA sent no reminder.", "ACT-232", "Saved from the form."}, lacks: []string{"ACT-231", "RISK-007"}},
		{name: "form problems by field", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: url.Values{
			"mode": {"form"}, "version": {"3"}, "op": {"save"}, "id": {"PM-2026-101"}, "title": {""}, "severity": {"SEV2"}, "status": {"draft"},
			"started": {"yesterday"}, "action_rows": {"1"}, "action.0.id": {"ACT-1"}, "action.0.due": {"soon"},
		}, status: 400, has: []string{"started", "is not an RFC 3339 time", "action_items[0].due"}},
		{name: "add a row", as: "eve", method: "POST", path: "/postmortems/PM-2026-101/edit", form: url.Values{
			"mode": {"form"}, "version": {"3"}, "op": {"add-factor"}, "id": {"PM-2026-101"}, "factor_rows": {"1"}, "factor.0.category": {"data"},
		}, status: 200, has: []string{`name="factor.1.category"`, `name="factor.2.category"`}},

		{name: "a team filter naming a service hints at it", as: "eve", method: "GET", path: "/?q=team:payments-api", status: 200,
			has: []string{"“payments-api” is a service, not a team.", `<a href="/?q=service%3Apayments-api">Search service:payments-api</a>`}, lacks: []string{`id="site-q"`}},
		{name: "an unknown team names the teams", as: "eve", method: "GET", path: "/?team=nobody", status: 200, has: []string{"No postmortem names the team “nobody”. The teams are: "}},
		{name: "other pages have the header search", as: "eve", method: "GET", path: "/families", status: 200, has: []string{`id="site-q"`, `aria-label="Search from any page"`}},
		// New postmortem.
		{name: "viewers cannot start a postmortem", as: "vic", method: "GET", path: "/new", status: 403},
		{name: "new asks for a title", as: "eve", method: "GET", path: "/new", status: 200, has: []string{"Start writing", "The questions a postmortem answers", "What was missing"}},
		{name: "new opens the template", as: "eve", method: "GET", path: "/new?title=Cart+errors&severity=SEV2&teams=payments&mode=markdown", status: 200,
			has: []string{"id: PM-2026-103", "title: Cart errors", "severity: SEV2", "teams: [payments]", "authors: [eve]", "## What was missing", "The tools, alerts, docs and safeguards", `action="/new"`}},
		{name: "new opens the guided form", as: "eve", method: "GET", path: "/new?title=Cart+errors", status: 200, has: []string{`name="id" value="PM-2026-104"`, `name="mode" value="form"`, "When did users first feel it?", `<datalist id="known-teams">`, "<option value=\"payments\">"}},
		{name: "create related to nothing shows it by line", as: "eve", method: "POST", path: "/new", form: editForm(strings.Replace(newFile, "tags: [tls]\n", "tags: [tls]\nrelated: [PM-2099-999]\n", 1), 0), status: 400,
			has: []string{"line 10, column 11", "PM-2099-999 does not exist"}},
		{name: "create", as: "eve", method: "POST", path: "/new", form: editForm(newFile, 0), status: 303, location: "/postmortems/PM-2026-103?created=1"},
		{name: "created", as: "eve", method: "GET", path: "/postmortems/PM-2026-103?created=1", status: 200, has: []string{"Created PM-2026-103.", "Cart errors"}},
		{name: "create a taken id", as: "eve", method: "POST", path: "/new", form: editForm(newFile, 0), status: 409, has: []string{"PM-2026-103 is not available: choose another id; the next free id is PM-2026-105"}},
		{name: "create from another site", as: "eve", method: "POST", path: "/new", form: fromAnotherSite(editForm(newFile, 0)), status: 403},
		{name: "publishing with blame stops at the gate", as: "eve", method: "POST", path: "/postmortems/PM-2026-103/edit", form: editForm(publish, 1), status: 422,
			has: []string{"Before this goes out as published: 1 finding about blame or root cause", "failed to check", `data-target="file"`, "Go on and record why"}},
		{name: "an override needs a reason", as: "eve", method: "POST", path: "/postmortems/PM-2026-103/edit", form: override("ok"), status: 422, has: []string{"say in a sentence why the findings stay"}},
		{name: "an override with a reason publishes", as: "eve", method: "POST", path: "/postmortems/PM-2026-103/edit", form: override("The sentence quotes the customer's ticket."), status: 303, location: "/postmortems/PM-2026-103?saved=1"},
		{name: "the override is recorded", as: "eve", method: "GET", path: "/api/v1/postmortems/PM-2026-103", status: 200,
			has: []string{`"status":"published"`, `"publish_override":{"by":"eve","date":"2026-06-01","reason":"The sentence quotes the customer's ticket.","findings":1}`}},

		// The API with a session cookie.
		{name: "API reads with the session", as: "vic", method: "GET", path: "/api/v1/postmortems", status: 200, has: []string{`"PM-2026-101"`}, lacks: []string{"PM-2026-102"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup()
			}
			c := as[tt.as]
			var r response
			if tt.method == "GET" {
				r = c.get(tt.path)
			} else {
				form := url.Values{}
				for k, v := range tt.form {
					form[k] = v
				}
				r = c.post(tt.path, form)
			}
			if r.status != tt.status {
				t.Fatalf("status %d, want %d; body:\n%s", r.status, tt.status, r.body)
			}
			body := html.UnescapeString(r.body)
			for _, s := range tt.has {
				if !strings.Contains(r.body, s) && !strings.Contains(body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(r.body, s) {
					t.Errorf("page has %q", s)
				}
			}
			if tt.location != "" {
				if got := r.header.Get("Location"); got != tt.location {
					t.Errorf("Location %q, want %q", got, tt.location)
				}
			}
			if r.status != 303 && tt.method == "GET" && !strings.HasPrefix(tt.path, "/static/") && !strings.HasPrefix(tt.path, "/api/") {
				if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
				if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
					t.Errorf("Content-Security-Policy %q", csp)
				}
			}
		})
	}
}

// TestAPIWithSessionRefusesOtherSites checks that the API's state-changing
// calls made with a session cookie are refused when a browser sends them
// from another site.
func TestAPIWithSessionRefusesOtherSites(t *testing.T) {
	app := newPageApp(t, false)
	eve := app.signedIn(t, "eve")
	tests := []struct {
		name     string
		method   string
		path     string
		ctype    string
		body     string
		sameSite bool
		status   int
		has      string
	}{
		{"lint from another site", "POST", "/api/v1/lint", "text/markdown", "The engineer failed to check.", false, 403, "another site"},
		{"lint from the same site", "POST", "/api/v1/lint", "text/markdown", "The on-call engineer failed to check the dashboard.\n", true, 200, `"category":"blame"`},
		{"similar to a draft from another site", "POST", "/api/v1/similar", "text/markdown", pageOpen, false, 403, "forbidden"},
		{"similar to a draft", "POST", "/api/v1/similar", "text/markdown", strings.Replace(pageOpen, "PM-2026-101", "PM-2026-150", 1), true, 200, `"PM-2026-101"`},
		{"similar to a thin draft is empty", "POST", "/api/v1/similar", "text/markdown", "## Summary\nIt broke.\n", true, 200, `"items":[]`},
		// A draft just like the restricted postmortem, under another id, so
		// that only the viewer's visibility can keep PM-2026-102 out.
		{"similar hides restricted", "POST", "/api/v1/similar", "text/markdown", strings.Replace(pageRestricted, "PM-2026-102", "PM-2026-152", 1), true, 200, `"items":`},
		{"create from another site", "POST", "/api/v1/postmortems", "text/markdown", strings.Replace(pageOpen, "PM-2026-101", "PM-2026-151", 1), false, 403, "forbidden"},
		{"create from the same site", "POST", "/api/v1/postmortems", "text/markdown", strings.Replace(pageOpen, "PM-2026-101", "PM-2026-151", 1), true, 201, `"PM-2026-151"`},
		{"reads from another site", "GET", "/api/v1/postmortems/PM-2026-101", "", "", false, 200, `"PM-2026-101"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := eve.api(tt.method, tt.path, tt.ctype, tt.body, tt.sameSite)
			if r.status != tt.status || !strings.Contains(r.body, tt.has) {
				t.Fatalf("status %d (want %d), body lacks %q: %s", r.status, tt.status, tt.has, r.body)
			}
			if strings.Contains(r.body, "PM-2026-102") {
				t.Errorf("a restricted postmortem leaked: %s", r.body)
			}
		})
	}
}

// TestSessions covers the cookie, sign-out, expiry, role changes and the
// sign-in form's protections.
func TestSessions(t *testing.T) {
	app := newPageApp(t, false)

	t.Run("cookie attributes", func(t *testing.T) {
		c := app.client(t)
		c.get("/signin")
		r := c.post("/signin", url.Values{"name": {"vic"}, "password": {testPasswords["vic"]}})
		cookie := findCookie(r.header, sessionCookie)
		if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure || cookie.Path != "/" {
			t.Fatalf("session cookie %+v", cookie)
		}
	})
	t.Run("secure cookie behind TLS", func(t *testing.T) {
		w := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/signin", nil)
		req.Header.Set("X-Forwarded-Proto", "https")
		app.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Fatalf("sign-in page over TLS: %d", w.Code)
		}
	})
	t.Run("wrong password", func(t *testing.T) {
		r := app.client(t).signIn("vic", "not-the-password")
		if r.status != 401 || !strings.Contains(r.body, "do not match") || findCookie(r.header, sessionCookie) != nil {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
	})
	t.Run("unknown user looks like a wrong password", func(t *testing.T) {
		r := app.client(t).signIn("nobody", "whatever-password")
		if r.status != 401 || !strings.Contains(r.body, "do not match") {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
	})
	t.Run("sign-in form from another site", func(t *testing.T) {
		r := app.client(t).post("/signin", fromAnotherSite(url.Values{"name": {"vic"}, "password": {testPasswords["vic"]}}))
		if r.status != 403 {
			t.Fatalf("status %d", r.status)
		}
	})
	t.Run("no open redirect", func(t *testing.T) {
		for _, next := range []string{"//evil.example/", "/\t/evil.example/", "/\x0b/evil.example/", "/\x00/evil.example/", "/\\evil.example/", "https://evil.example/"} {
			c := app.client(t)
			page := c.get("/signin?next=" + url.QueryEscape(next))
			if strings.Contains(page.body, "evil.example") {
				t.Errorf("the sign-in form for next=%q carries it", next)
			}
			r := c.post("/signin", url.Values{"name": {"vic"}, "password": {testPasswords["vic"]}, "next": {next}})
			if loc := r.header.Get("Location"); loc != "/" {
				t.Errorf("next=%q: Location %q", next, loc)
			}
		}
	})
	t.Run("back where you were", func(t *testing.T) {
		c := app.client(t)
		r := c.get("/postmortems/PM-2026-101")
		next, _ := url.Parse(r.header.Get("Location"))
		c.get(next.String())
		r = c.post("/signin", url.Values{"name": {"vic"}, "password": {testPasswords["vic"]}, "next": {next.Query().Get("next")}})
		if loc := r.header.Get("Location"); loc != "/postmortems/PM-2026-101" {
			t.Fatalf("Location %q", loc)
		}
	})
	t.Run("sign out", func(t *testing.T) {
		c := app.signedIn(t, "vic")
		if r := c.post("/signout", fromAnotherSite(url.Values{})); r.status != 403 {
			t.Fatalf("sign out from another site: %d", r.status)
		}
		if r := c.post("/signout", url.Values{}); r.status != 303 || r.header.Get("Location") != "/signin" {
			t.Fatalf("sign out: %d", r.status)
		}
		if r := c.get("/"); r.status != 303 {
			t.Fatalf("after sign-out: %d", r.status)
		}
		if r := c.api("GET", "/api/v1/postmortems", "", "", false); r.status != 401 {
			t.Fatalf("API after sign-out: %d", r.status)
		}
	})
	t.Run("idle expiry", func(t *testing.T) {
		c := app.signedIn(t, "vic")
		app.clock.advance(sessionIdle - time.Minute)
		if r := c.get("/"); r.status != 200 {
			t.Fatalf("before the idle timeout: %d", r.status)
		}
		app.clock.advance(sessionIdle - time.Minute) // used a minute ago: still alive
		if r := c.get("/"); r.status != 200 {
			t.Fatalf("used within the idle timeout: %d", r.status)
		}
		app.clock.advance(sessionIdle)
		if r := c.get("/"); r.status != 303 {
			t.Fatalf("after the idle timeout: %d", r.status)
		}
		form := editForm(pageOpen, 1)
		if r := c.post("/postmortems/PM-2026-101/edit", form); r.status != 401 || !strings.Contains(r.body, "session has ended") {
			t.Fatalf("saving after expiry: %d", r.status)
		}
	})
	t.Run("absolute expiry", func(t *testing.T) {
		c := app.signedIn(t, "vic")
		for elapsed := time.Duration(0); elapsed < sessionMaxAge-sessionIdle; elapsed += sessionIdle / 2 {
			app.clock.advance(sessionIdle / 2)
			if r := c.get("/"); r.status != 200 {
				t.Fatalf("active session ended after %v", elapsed)
			}
		}
		app.clock.advance(sessionIdle)
		if r := c.get("/"); r.status != 303 {
			t.Fatalf("session outlived its maximum age: %d", r.status)
		}
	})
	t.Run("a user removed from the archive is signed out", func(t *testing.T) {
		if err := app.db.CreateUser(context.Background(), &debrief.User{Name: "gus", Role: debrief.RoleViewer}, passwordHashes(t)["vic"]); err != nil {
			t.Fatal(err)
		}
		c := app.client(t)
		if r := c.signIn("gus", testPasswords["vic"]); r.status != 303 {
			t.Fatalf("sign in: %d", r.status)
		}
		if r := c.get("/"); r.status != 200 {
			t.Fatalf("signed in: %d", r.status)
		}
		if err := app.db.DeleteUser(context.Background(), "gus"); err != nil {
			t.Fatal(err)
		}
		app.clock.advance(userRecheck)
		if r := c.get("/"); r.status != 303 {
			t.Fatalf("session of a removed user: %d", r.status)
		}
	})
}

// TestTooLargeForm checks that a page form over the body limit is answered
// 413 with the limit, not taken for a form without its security token.
func TestTooLargeForm(t *testing.T) {
	app := newPageApp(t, false)
	eve := app.signedIn(t, "eve")
	big := pageOpen + strings.Repeat("The certificate expired again. ", DefaultMaxBody/30)
	for _, path := range []string{"/postmortems/PM-2026-101/edit", "/new"} {
		r := eve.post(path, editForm(big, 1))
		if r.status != http.StatusRequestEntityTooLarge {
			t.Fatalf("%s: status %d, want 413: %s", path, r.status, r.body)
		}
		for _, s := range []string{"Too large", "1 MiB", "512 KiB", "was not saved"} {
			if !strings.Contains(html.UnescapeString(r.body), s) {
				t.Errorf("%s: the page lacks %q", path, s)
			}
		}
		if strings.Contains(r.body, "security token") {
			t.Errorf("%s: the page blames the security token", path)
		}
	}
	c := app.client(t)
	c.get("/signin")
	r := c.post("/signin", url.Values{"name": {"eve"}, "password": {strings.Repeat("x", DefaultMaxBody)}})
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("sign-in: status %d, want 413", r.status)
	}
}
