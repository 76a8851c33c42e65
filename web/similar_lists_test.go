package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

var listsCtx = context.Background()

// listsApp is the page app with a store that keeps similar lists.
func listsApp(t *testing.T) *pageApp {
	t.Helper()
	base := newPageApp(t, false)
	cfg := base.cfg
	cfg.SimilarLists = base.db
	return startPageApp(t, cfg, base.db, base.clock)
}

// TestPostmortemPageStoredSimilar: the first view of a page finds and
// stores its similar list; later views read it, even with every look-up
// slot busy, and show each viewer only what they may see.
func TestPostmortemPageStoredSimilar(t *testing.T) {
	app := listsApp(t)
	ivy, vic := app.signedIn(t, "ivy"), app.signedIn(t, "vic")
	if _, _, ok, err := app.db.StoredSimilar(listsCtx, debrief.Operator, "PM-2026-101", similarLimit); ok || err != nil {
		t.Fatalf("a stored list before any page: ok %v, %v", ok, err)
	}
	r := ivy.get("/postmortems/PM-2026-101?similar=wait")
	if r.status != 200 || !strings.Contains(r.body, "PM-2026-102") {
		t.Fatalf("the first view, waiting: %d, restricted neighbour shown to its team: %v", r.status, strings.Contains(r.body, "PM-2026-102"))
	}
	if _, _, ok, err := app.db.StoredSimilar(listsCtx, debrief.Operator, "PM-2026-101", similarLimit); !ok || err != nil {
		t.Fatalf("no stored list after the first view: ok %v, %v", ok, err)
	}
	// Every look-up slot busy: only the stored list can fill the panel.
	for slots := app.srv.pages.similar.slots; len(slots) < cap(slots); {
		slots <- struct{}{}
	}
	app.srv.pages.similar.bump()
	for _, c := range []struct {
		name  string
		c     *client
		sees  bool
		lacks []string
	}{
		{"its team", ivy, true, nil},
		{"someone outside its team", vic, false, []string{"PM-2026-102", "Leaked"}},
	} {
		r := c.c.get("/postmortems/PM-2026-101")
		if r.status != 200 || strings.Contains(r.body, "similar-pending") {
			t.Errorf("%s: status %d, the panel waits for a look-up: %v", c.name, r.status, strings.Contains(r.body, "similar-pending"))
		}
		if got := strings.Contains(r.body, "PM-2026-102"); got != c.sees {
			t.Errorf("%s sees the restricted neighbour: %v, want %v", c.name, got, c.sees)
		}
		for _, s := range c.lacks {
			if strings.Contains(r.body, s) {
				t.Errorf("%s: the page shows %q", c.name, s)
			}
		}
	}
}

// TestSimilarListsFillWhenIdle: the worker finds the missing lists of a
// server that takes no requests, and those a page asked for.
func TestSimilarListsFillWhenIdle(t *testing.T) {
	app := listsApp(t)
	missing, err := app.db.Unlisted(listsCtx, 10)
	if err != nil || len(missing) != 2 {
		t.Fatalf("unlisted %v, %v; want both", missing, err)
	}
	run, stop := context.WithCancel(listsCtx)
	done := make(chan struct{})
	go func() { app.srv.lists.run(run); close(done) }()
	defer func() { stop(); <-done }()
	for deadline := time.Now().Add(30 * time.Second); len(missing) > 0; {
		if time.Now().After(deadline) {
			t.Fatalf("still unlisted after 30 s: %v", missing)
		}
		time.Sleep(10 * time.Millisecond)
		if missing, err = app.db.Unlisted(listsCtx, 10); err != nil {
			t.Fatal(err)
		}
	}
	// A busy server finds only the lists asked for.
	p, err := app.db.FindByID(listsCtx, debrief.Operator, "PM-2026-101")
	if err != nil {
		t.Fatal(err)
	}
	p.Title += ", again"
	if err := app.db.Update(listsCtx, debrief.Operator, p, p.Version); err != nil {
		t.Fatal(err)
	}
	app.srv.lists.want("PM-2026-101")
	for deadline := time.Now().Add(30 * time.Second); ; {
		app.srv.lists.seen()
		if _, current, ok, _ := app.db.StoredSimilar(listsCtx, debrief.Operator, "PM-2026-101", similarLimit); ok && current {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the list asked for was not found within 30 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
