package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/internal/demo"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/paging"
)

const testPagesToken = "pages-token-0123456789"

// newInsightsApp is the example archive with the demo's pages, served
// with the insights on, Amsterdam's clock and a pages token.
func newInsightsApp(t testing.TB) *pageApp {
	t.Helper()
	base := newPageApp(t, true)
	pages, err := demo.Pages()
	if err != nil {
		t.Fatal(err)
	}
	if err := base.db.SavePages(context.Background(), pages); err != nil {
		t.Fatal(err)
	}
	var settings config.Insights
	settings.TimeZone.Location = demo.Location()
	src := &insight.Source{Postmortems: base.db, Pages: base.db, Settings: settings, Now: base.clock.now}
	srv := New(Config{
		Postmortems: base.db, Families: base.db, Users: base.db, Taxonomy: debrief.DefaultTaxonomy(),
		Findings: testFindings(t), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Insights: src, PagesToken: credential.New(testPagesToken),
	})
	srv.pages.now = base.clock.now
	app := &pageApp{srv: srv, db: base.db, clock: base.clock}
	app.http = httptest.NewServer(srv)
	t.Cleanup(app.http.Close)
	return app
}

func TestInsightsPages(t *testing.T) {
	app := newInsightsApp(t)
	ivy := app.signedIn(t, "ivy") // a viewer of identity: a newcomer
	for _, tt := range []struct {
		name, path string
		want       []string
		not        []string
	}{
		{"dashboards", "/insights", []string{
			`<strong>logistics</strong></a> was in reactive mode 2026-W08 to 2026-W12 (5 weeks): <strong>deal with the incidents first</strong>`,
			`<figure class="chart" id="load-logistics">`, `id="noisiest-table"`, `<th scope="row">DispatchQueueLagHigh`,
			`id="kinds-table"`, `<a href="/families/noisy-alert">`, `id="process-heading"`, "pages per 12-hour shift (28 a week)", "computed 1 Jun 2026",
		}, []string{"PM-2026-018"}},
		{"a period", "/insights?from=2026-02-02&to=2026-03-29", []string{"2026-W06 to 2026-W13", "was in reactive mode 2026-W08 to 2026-W12"}, nil},
		{"team", "/teams/Logistics", []string{"Team logistics", `id="open-table"`, `<figure class="chart" id="pages-logistics">`, "deal with the incidents first"}, nil},
		{"postmortem in the stretch", "/postmortems/PM-2026-010", []string{"Deal with the incidents first.", `<a href="/teams/logistics">logistics</a> was in reactive mode in 2026-W10`,
			"On-call and paging", "pages that week: ", "DispatchQueueLagHigh: 52 pages, 17 in sleep hours"}, nil},
		{"postmortem before it", "/postmortems/PM-2025-007", nil, []string{"Deal with the incidents first."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ivy.get(tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("status %d", r.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("%s lacks %q", tt.path, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(r.body, n) {
					t.Errorf("%s has %q", tt.path, n)
				}
			}
		})
	}
	if r := ivy.get("/insights?from=2026-03-01"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "ive from and to together") {
		t.Errorf("a half period: %d", r.status)
	}
	// The editor shows the banner too, to someone who may edit.
	eve := app.signedIn(t, "eve")
	if r := eve.get("/postmortems/PM-2026-010/edit"); !strings.Contains(r.body, "Deal with the incidents first.") {
		t.Errorf("the editor lacks the banner")
	}
}

// TestInsightsRestricted: the restricted PM-2026-018 is counted for those
// who may see it and named nowhere.
func TestInsightsRestricted(t *testing.T) {
	app := newInsightsApp(t)
	process := func(name string) int {
		c := app.signedIn(t, name)
		for _, path := range []string{"/insights", "/teams/identity", "/api/v1/insights/process", "/api/v1/insights/kinds", "/api/v1/insights/load"} {
			r := c.get(path)
			if r.status != http.StatusOK {
				t.Fatalf("%s as %s: %d", path, name, r.status)
			}
			for _, leak := range []string{"PM-2026-018", "Credential-stuffing"} {
				if strings.Contains(r.body, leak) {
					t.Errorf("%s as %s names the restricted postmortem: %q", path, name, leak)
				}
			}
		}
		var p struct {
			Health struct {
				Postmortems int `json:"postmortems"`
			} `json:"health"`
		}
		decodeJSON(t, []byte(c.get("/api/v1/insights/process?from=2026-01-01&to=2026-12-31").body), &p)
		return p.Health.Postmortems
	}
	if member, outsider := process("ivy"), process("vic"); member != outsider+1 {
		t.Errorf("postmortems counted: identity's viewer %d, logistics' %d", member, outsider)
	}
}

const amFiring = `{"version":"4","status":"firing","receiver":"logistics-pager","commonLabels":{"team":"logistics"},
"alerts":[{"status":"firing","labels":{"alertname":"DispatchQueueLagHigh","service":"dispatch"},"startsAt":"2026-05-31T23:30:00Z","fingerprint":"f00d"}]}`

const amResolved = `{"version":"4","status":"resolved","receiver":"logistics-pager","commonLabels":{"team":"logistics"},
"alerts":[{"status":"resolved","labels":{"alertname":"DispatchQueueLagHigh","service":"dispatch"},"startsAt":"2026-05-31T23:30:00Z","endsAt":"2026-05-31T23:50:00Z","fingerprint":"f00d"}]}`

func TestAlertmanagerWebhook(t *testing.T) {
	app := newInsightsApp(t)
	c := app.client(t)
	post := func(token, body string) response {
		req, _ := http.NewRequest("POST", app.http.URL+"/api/v1/pages/alertmanager", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return c.do(req)
	}
	stored := func() int {
		ps, err := app.db.Pages(context.Background(), pagingFilterFrom("2026-05-31T00:00:00Z"))
		if err != nil {
			t.Fatal(err)
		}
		return len(ps)
	}
	for _, tt := range []struct {
		name, token, body string
		status            int
		want              string
		pages             int
	}{
		{"no token", "", amFiring, 401, "pages token", 0},
		{"a user's token is not it", "x" + testPagesToken, amFiring, 401, "pages token", 0},
		{"firing", testPagesToken, amFiring, 200, `"pages":1`, 1},
		{"again", testPagesToken, amFiring, 200, `"pages":1`, 1},
		{"resolved", testPagesToken, amResolved, 200, `"pages":1`, 1},
		{"version 3", testPagesToken, strings.Replace(amFiring, `"4"`, `"3"`, 1), 400, "debrief reads version 4", 1},
		{"not JSON", testPagesToken, `{"version":`, 400, "1:12: the JSON ends before it is complete", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := post(tt.token, tt.body)
			if r.status != tt.status || !strings.Contains(r.body, tt.want) {
				t.Errorf("status %d, body %s; want %d and %q", r.status, r.body, tt.status, tt.want)
			}
			if n := stored(); n != tt.pages {
				t.Errorf("%d pages stored, want %d", n, tt.pages)
			}
		})
	}
	ps, _ := app.db.Pages(context.Background(), pagingFilterFrom("2026-05-31T00:00:00Z"))
	if len(ps) != 1 || ps[0].Resolved.IsZero() || ps[0].Team != "logistics" {
		t.Errorf("stored %+v, want one resolved page of logistics", ps)
	}

	m := c.get("/metrics")
	if m.status != 200 {
		t.Fatalf("/metrics: %d %s", m.status, m.body)
	}
	for _, want := range []string{`debrief_pages_received_total{team="logistics"} 3`, `debrief_insights_up 1`, `debrief_team_reactive{team="logistics"}`,
		`debrief_pages_recent{team="logistics"} 1`, `debrief_kind_incidents{kind="noisy-alert"} 4`} {
		if !strings.Contains(m.body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(m.body, "PM-") {
		t.Error("/metrics names a postmortem")
	}
}

// TestIncidentPagingKept: a postmortem page shows the paging of its week
// as read within the last minute; pages saved by another process show
// once the minute is up, and those this server took from Alertmanager at
// once.
func TestIncidentPagingKept(t *testing.T) {
	app := newInsightsApp(t)
	ivy := app.signedIn(t, "ivy")
	week := func() string {
		t.Helper()
		r := ivy.get("/postmortems/PM-2026-010")
		i := strings.Index(r.body, "DispatchQueueLagHigh: ")
		if r.status != 200 || i < 0 {
			t.Fatalf("status %d, no paging on the page", r.status)
		}
		return r.body[i : i+len("DispatchQueueLagHigh: 52 pages")]
	}
	if got := week(); got != "DispatchQueueLagHigh: 52 pages" {
		t.Fatalf("first view: %q", got)
	}
	page := paging.Page{Source: "csv", SourceID: "kept-1", Team: "logistics", Alert: "DispatchQueueLagHigh", Urgency: paging.High,
		Triggered: time.Date(2026, 3, 4, 2, 0, 0, 0, time.UTC)}
	if err := app.db.SavePages(context.Background(), []paging.Page{page}); err != nil {
		t.Fatal(err)
	}
	if got := week(); got != "DispatchQueueLagHigh: 52 pages" {
		t.Errorf("within the minute, a page saved elsewhere shows already: %q", got)
	}
	app.clock.advance(2 * time.Minute)
	if got := week(); got != "DispatchQueueLagHigh: 53 pages" {
		t.Errorf("after the minute: %q, want 53 pages", got)
	}
	body := strings.NewReplacer("2026-05-31T23:30:00Z", "2026-03-04T03:00:00Z", "f00d", "beef").Replace(amFiring)
	req, _ := http.NewRequest("POST", app.http.URL+"/api/v1/pages/alertmanager", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testPagesToken)
	if r := ivy.do(req); r.status != 200 {
		t.Fatalf("webhook: %d %s", r.status, r.body)
	}
	if got := week(); got != "DispatchQueueLagHigh: 54 pages" {
		t.Errorf("after a webhook delivery to this server: %q, want 54 pages at once", got)
	}
}

func TestInsightsAPI(t *testing.T) {
	app := newInsightsApp(t)
	c := app.signedIn(t, "vic")
	for _, tt := range []struct {
		path   string
		status int
		want   string
	}{
		{"/api/v1/insights/load?from=2026-02-02&to=2026-03-29", 200, `"report": "load"`},
		{"/api/v1/insights/oncall?team=logistics", 200, `"alert": "DispatchQueueLagHigh"`},
		{"/api/v1/insights/kinds", 200, `"kind": "noisy-alert"`},
		{"/api/v1/insights/process", 200, `"time_to_publish"`},
		{"/api/v1/insights/mttr", 404, "ask for load, oncall, kinds or process"},
		{"/api/v1/insights/load?from=2026-13-01&to=2026-12-31", 400, "from: "},
		{"/api/v1/insights/load?from=2026-03-01&to=2026-01-01", 400, "before it starts"},
	} {
		r := c.get(tt.path)
		if r.status != tt.status || !strings.Contains(r.body, tt.want) {
			t.Errorf("%s: %d, want %d and %q:\n%.300s", tt.path, r.status, tt.status, tt.want, r.body)
		}
	}
	var load struct {
		Teams []struct {
			Team      string `json:"team"`
			Stretches []struct {
				First string `json:"first"`
				Last  string `json:"last"`
			} `json:"stretches"`
		} `json:"teams"`
	}
	if err := json.Unmarshal([]byte(c.get("/api/v1/insights/load").body), &load); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tl := range load.Teams {
		if tl.Team == "logistics" && len(tl.Stretches) == 1 && tl.Stretches[0].First == "2026-W08" && tl.Stretches[0].Last == "2026-W12" {
			found = true
		}
	}
	if !found {
		t.Errorf("the load has no stretch of logistics from 2026-W08 to 2026-W12: %+v", load.Teams)
	}
}

func pagingFilterFrom(s string) paging.Filter {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return paging.Filter{From: t}
}
