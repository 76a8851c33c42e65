package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
)

// newAppWith starts the app on an archive that holds srcs, with the users
// of newPageApp.
func newAppWith(t *testing.T, srcs ...string) *pageApp {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	hs := passwordHashes(t)
	for _, u := range []*debrief.User{
		{Name: "ada", Role: debrief.RoleAdmin},
		{Name: "eve", Role: debrief.RoleEditor, Teams: []string{"payments"}},
	} {
		if err := db.CreateUser(ctx, u, hs[u.Name]); err != nil {
			t.Fatal(err)
		}
	}
	for _, src := range srcs {
		doc, probs := markdown.Parse([]byte(src))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if _, err := db.Import(ctx, doc.Postmortem); err != nil {
			t.Fatal(err)
		}
	}
	clock := &testClock{t: time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv := New(Config{Postmortems: db, Users: db, Taxonomy: debrief.DefaultTaxonomy(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv.pages.now = clock.now
	app := &pageApp{srv: srv, db: db, clock: clock}
	app.http = httptest.NewServer(srv)
	t.Cleanup(app.http.Close)
	return app
}

var suggestedID = regexp.MustCompile(`name="id" value="(PM-\d{4}-\d+)"`)

// suggestion opens /new as c and returns the id it suggests.
func suggestion(t *testing.T, c *client) string {
	t.Helper()
	r := c.get("/new?title=Cart+errors")
	m := suggestedID.FindStringSubmatch(r.body)
	if r.status != 200 || m == nil {
		t.Fatalf("/new: status %d, no id:\n%s", r.status, r.body)
	}
	return m[1]
}

// TestNewSuggestsNothingAboutRestricted compares two archives that an
// editor of another team cannot tell apart: in one, a restricted
// postmortem holds PM-2026-102; in the other, an admin was handed
// PM-2026-102 by /new and never saved it. The editor's suggestion is the
// same in both, so it says nothing about restricted postmortems.
func TestNewSuggestsNothingAboutRestricted(t *testing.T) {
	restricted := newAppWith(t, pageOpen, pageRestricted)
	abandoned := newAppWith(t, pageOpen)
	if got := suggestion(t, abandoned.signedIn(t, "ada")); got != "PM-2026-102" {
		t.Fatalf("the admin's suggestion = %s, want PM-2026-102", got)
	}
	a, b := suggestion(t, restricted.signedIn(t, "eve")), suggestion(t, abandoned.signedIn(t, "eve"))
	if a != b {
		t.Errorf("beside a restricted postmortem /new suggests %s, beside an abandoned suggestion %s: the suggestion tells them apart", a, b)
	}
}
