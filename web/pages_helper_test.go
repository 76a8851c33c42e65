package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/remind"
	"github.com/debrief/debrief/sqlite"
)

// Fixtures of the page tests: an open postmortem with a blaming sentence
// and raw HTML, and a restricted one of the identity team that is like it.
const pageOpen = `---
id: PM-2026-101
title: Checkout errors after the payments-api certificate expired
severity: SEV2
status: published
customer_facing: true
teams: [payments]
services: [payments-api, checkout-web]
tags: [tls]
started: 2026-03-03T02:14:00Z
detected: 2026-03-03T02:21:00Z
mitigated: 2026-03-03T03:05:00Z
resolved: 2026-03-03T04:40:00Z
trigger: The TLS certificate on the payments-api load balancer expired.
contributing_factors:
  - category: automation
    description: Renewal ran only for certificates of the internal CA.
  - category: detection
    description: The expiry alert watched the origin certificate.
action_items:
  - id: ACT-231
    title: Renew every edge certificate through one job
    owner_team: platform
    kind: prevent
    value: 5
    due: 2026-04-15
    status: in-progress
accepted_risks:
  - id: RISK-007
    risk: Vendor certificates are still renewed by hand.
    owner_team: platform
    review_by: 2026-04-01
---

# Checkout errors after the payments-api certificate expired

## Summary
The payments-api certificate expired at the load balancer and checkout failed for 51 minutes.
The on-call engineer failed to check the dashboard.

<script>alert("raw html")</script>

<img src=x onerror="alert(1)">

[click](javascript:alert(1))
`

const pageRestricted = `---
id: PM-2026-102
title: Leaked signing key for payments-api sessions, then its emergency certificate expired
severity: SEV1
status: published
restricted: true
teams: [identity]
services: [payments-api]
started: 2026-04-01T10:00:00Z
trigger: The short-lived emergency TLS certificate issued for payments-api after the key leak expired after 24 hours, and every handshake failed.
contributing_factors:
  - category: security
    description: The signing key was found in a public paste, so the old certificate was revoked at once.
  - category: automation
    description: Renewal of the emergency certificate was not scheduled; its expiry went unnoticed.
---

# Leaked signing key for payments-api sessions, then its emergency certificate expired

## Summary
After a signing key was found in a public paste, payments-api got a short-lived emergency certificate. Nobody renewed it: the certificate expired after 24 hours and TLS handshakes failed until a new one was issued.
`

// testClock is a clock the tests move forward.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// pageApp is a real server on a real temporary SQLite archive, with the
// real linter and users of every role who sign in with a password.
type pageApp struct {
	srv   *Server
	db    *sqlite.DB
	http  *httptest.Server
	clock *testClock
	// cfg is the server's configuration, for replicas of it (replica).
	cfg Config
	// offSite counts requests that reached the server as offSiteHost: the
	// browser test maps that name to this server, so that a redirect off
	// the site shows here.
	offSite atomic.Int64
}

const offSiteHost = "evil.example"

var testPasswords = map[string]string{
	"ada": "ada-password-1", // admin
	"eve": "eve-password-1", // editor, payments
	"max": "max-password-1", // editor, platform
	"ivy": "ivy-password-1", // viewer, identity
	"vic": "vic-password-1", // viewer, logistics
}

// Hashes are slow on purpose; the tests make each one once.
var (
	hashOnce sync.Once
	hashes   map[string]string
)

func passwordHashes(t testing.TB) map[string]string {
	hashOnce.Do(func() {
		hashes = map[string]string{}
		for name, pw := range testPasswords {
			h, err := auth.HashPassword(pw)
			if err != nil {
				t.Fatal(err)
			}
			hashes[name] = h
		}
	})
	return hashes
}

func testFindings(t testing.TB) FindingsFunc {
	t.Helper()
	l, err := lint.New(config.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	return func(path string, src []byte) ([]lint.Finding, error) { return l.Lint(path, src), nil }
}

// newPageApp starts the app with the two fixtures or, with examples, the
// example archive.
func newPageApp(t testing.TB, withExamples bool) *pageApp {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.UseLinter(ctx, LintCounter(testFindings(t), "test")); err != nil {
		t.Fatal(err)
	}
	users := []*debrief.User{
		{Name: "ada", Role: debrief.RoleAdmin},
		{Name: "eve", Role: debrief.RoleEditor, Teams: []string{"payments"}},
		{Name: "max", Role: debrief.RoleEditor, Teams: []string{"platform"}},
		{Name: "ivy", Role: debrief.RoleViewer, Teams: []string{"identity"}},
		{Name: "vic", Role: debrief.RoleViewer, Teams: []string{"logistics"}},
	}
	hs := passwordHashes(t)
	for _, u := range users {
		if err := db.CreateUser(ctx, u, hs[u.Name]); err != nil {
			t.Fatal(err)
		}
	}
	// The fixtures, or the example archive as a newcomer sees it.
	srcs := [][]byte{[]byte(pageOpen), []byte(pageRestricted)}
	if withExamples {
		srcs = nil
		paths, _ := filepath.Glob("../examples/PM-*.md")
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, b)
		}
	}
	for _, src := range srcs {
		f := markdown.CheckBytes("fixture.md", src, debrief.DefaultTaxonomy())
		if !f.Valid() {
			t.Logf("skipping a fixture with problems: %v", f.Problems)
			continue
		}
		if _, err := db.Import(ctx, f.Doc.Postmortem); err != nil {
			t.Fatal(err)
		}
	}
	clock := &testClock{t: time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	job := &remind.Job{Archive: db, Routes: []remind.Route{
		{Team: "payments", Email: []string{"payments-leads@example.com"}},
		{Team: "platform", Slack: credential.New("https://hooks.slack.example/platform")},
	}, Runner: &remind.Runner{}}
	cfg := Config{
		Postmortems: db, Families: db, Users: db, Reviews: db, FollowThrough: db, Reminders: db, Taxonomy: debrief.DefaultTaxonomy(),
		Outbox: &remind.Outbox{}, Preview: job.Preview,
		Findings: testFindings(t), Changes: db.Changes,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	return startPageApp(t, cfg, db, clock)
}

// startPageApp serves a new server of cfg over db on a real HTTP server.
func startPageApp(t testing.TB, cfg Config, db *sqlite.DB, clock *testClock) *pageApp {
	srv := New(cfg)
	srv.pages.now = clock.now
	app := &pageApp{srv: srv, db: db, clock: clock, cfg: cfg}
	app.http = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Host, offSiteHost) {
			app.offSite.Add(1)
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(app.http.Close)
	return app
}

// client is a browser: a cookie jar that does not follow redirects, so the
// tests see them.
type client struct {
	t   testing.TB
	app *pageApp
	c   *http.Client
}

func (a *pageApp) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, app: a, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signedIn returns a client signed in as name.
func (a *pageApp) signedIn(t testing.TB, name string) *client {
	t.Helper()
	c := a.client(t)
	if r := c.signIn(name, testPasswords[name]); r.status != http.StatusSeeOther {
		t.Fatalf("sign in as %s: status %d: %s", name, r.status, r.body)
	}
	r := c.get("/")
	if r.status != http.StatusOK {
		t.Fatalf("archive after signing in: %d", r.status)
	}
	return c
}

// signIn goes through the sign-in form.
func (c *client) signIn(name, password string) response {
	c.t.Helper()
	c.get("/signin")
	return c.post("/signin", url.Values{"name": {name}, "password": {password}, "next": {"/"}})
}

type response struct {
	status int
	body   string
	header http.Header
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, body: string(b), header: res.Header}
}

func (c *client) get(path string) response {
	req, _ := http.NewRequest("GET", c.app.http.URL+path, nil)
	return c.do(req)
}

// crossSite is the form field that makes client.post send the form as a
// browser does from another site.
const crossSite = "cross-site"

func (c *client) post(path string, form url.Values) response {
	other := form.Has(crossSite)
	if other {
		form = cloneValues(form)
		form.Del(crossSite)
	}
	req, _ := http.NewRequest("POST", c.app.http.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if other {
		req.Header.Set("Sec-Fetch-Site", "cross-site")
	}
	return c.do(req)
}

// api calls the API with the session cookie, as the pages' script does
// when sameSite is set, and as a page of another site would otherwise.
func (c *client) api(method, path, ctype, body string, sameSite bool) response {
	req, _ := http.NewRequest(method, c.app.http.URL+path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	site := "same-origin"
	if !sameSite {
		site = "cross-site"
	}
	req.Header.Set("Sec-Fetch-Site", site)
	return c.do(req)
}

// apiWith calls the API with the session cookie and header.
func (c *client) apiWith(method, path, ctype, body string, header map[string]string) response {
	req, _ := http.NewRequest(method, c.app.http.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return c.do(req)
}

func findCookie(h http.Header, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// sessionID returns the client's session cookie's value.
func sessionID(t testing.TB, c *client) string {
	t.Helper()
	u, _ := url.Parse(c.app.http.URL)
	for _, ck := range c.c.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			return ck.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
