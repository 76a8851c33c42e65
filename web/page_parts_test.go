package web

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// countedFinds counts the postmortems the pages read from the store.
type countedFinds struct {
	debrief.PostmortemService
	finds atomic.Int64
}

func (c *countedFinds) FindByID(ctx context.Context, v debrief.Viewer, id string) (*debrief.Postmortem, error) {
	c.finds.Add(1)
	return c.PostmortemService.FindByID(ctx, v, id)
}

// countedLists counts the stored similar lists the pages read.
type countedLists struct {
	debrief.SimilarListService
	reads atomic.Int64
}

func (c *countedLists) StoredSimilar(ctx context.Context, v debrief.Viewer, id string, limit int) ([]*debrief.SimilarPostmortem, bool, bool, error) {
	c.reads.Add(1)
	return c.SimilarListService.StoredSimilar(ctx, v, id, limit)
}

// purge empties the cache, as a busy server's other pages would.
func (c *lru[K, V]) purge() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ll.Init()
	clear(c.items)
	c.total = 0
}

// A third incident of the same kind on payments-api, open to everyone and
// owned by the identity team; restricted takes it away from outsiders.
const pageSibling = `---
id: PM-2026-103
title: Payments-api handshakes failed when its edge certificate lapsed
severity: SEV2
status: published
restricted: %s
teams: [identity]
services: [payments-api]
started: 2026-05-02T08:00:00Z
trigger: The edge certificate of payments-api expired at 08:00 and TLS handshakes failed.
contributing_factors:
  - category: automation
    description: Renewal of edge certificates was not automated.
---

# Payments-api handshakes failed when its edge certificate lapsed

## Summary
The payments-api edge certificate expired; every TLS handshake failed until it was renewed by hand.
`

func importSibling(t *testing.T, app *pageApp, restricted string) {
	t.Helper()
	doc, probs := markdown.Parse([]byte(strings.Replace(pageSibling, "%s", restricted, 1)))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := app.db.Import(context.Background(), doc.Postmortem); err != nil {
		t.Fatal(err)
	}
}

// TestPostmortemPageKeptParts: a page asked for again, with the archive
// unchanged, is answered from its kept parts without reading the
// postmortem again; each reader gets the parts of what they may see; a
// similar list stored again replaces the parts kept with the old one; and
// a write — here one that restricts a similar incident — moves the count
// of changes, so that no reader sees what they may no longer see.
func TestPostmortemPageKeptParts(t *testing.T) {
	base := newPageApp(t, false)
	importSibling(t, base, "false")
	counted := &countedFinds{PostmortemService: base.db}
	lists := &countedLists{SimilarListService: base.db}
	cfg := base.cfg
	cfg.Postmortems, cfg.SimilarLists = counted, lists
	app := startPageApp(t, cfg, base.db, base.clock)
	ivy, vic := app.signedIn(t, "ivy"), app.signedIn(t, "vic")

	page := func(c *client, who string) string {
		t.Helper()
		r := c.get("/postmortems/PM-2026-101?similar=wait")
		if r.status != 200 {
			t.Fatalf("%s: status %d", who, r.status)
		}
		r = c.get("/postmortems/PM-2026-101")
		if r.status != 200 || strings.Contains(r.body, "similar-pending") {
			t.Fatalf("%s: status %d, pending %v", who, r.status, strings.Contains(r.body, "similar-pending"))
		}
		return r.body
	}
	ivyPage, vicPage := page(ivy, "ivy"), page(vic, "vic")
	if !strings.Contains(ivyPage, "PM-2026-102") || !strings.Contains(ivyPage, "PM-2026-103") {
		t.Fatalf("ivy, of the identity team, misses a similar incident: 102 %v, 103 %v", strings.Contains(ivyPage, "PM-2026-102"), strings.Contains(ivyPage, "PM-2026-103"))
	}
	if strings.Contains(vicPage, "PM-2026-102") || !strings.Contains(vicPage, "PM-2026-103") {
		t.Fatalf("vic, outside it: sees restricted 102 %v, open 103 %v", strings.Contains(vicPage, "PM-2026-102"), strings.Contains(vicPage, "PM-2026-103"))
	}
	if app.srv.pages.kept.ll.Len() < 2 {
		t.Fatalf("%d pages kept after two readers", app.srv.pages.kept.ll.Len())
	}

	// Asked again with the archive unchanged: the kept parts, and the
	// reader's own parts rendered as before.
	before := counted.finds.Load()
	for _, c := range []struct {
		c    *client
		want string
	}{{ivy, ivyPage}, {vic, vicPage}} {
		r := c.c.get("/postmortems/PM-2026-101")
		if r.status != 200 || stripTokens(r.body) != stripTokens(c.want) {
			t.Errorf("a page from its kept parts differs from the page gathered anew (status %d)", r.status)
		}
	}
	if n := counted.finds.Load() - before; n != 0 {
		t.Errorf("pages from kept parts read %d postmortems", n)
	}

	// The rendered documents evicted, the parts still kept: the page
	// renders its document again from the postmortem and nothing else.
	app.srv.pages.docs.purge()
	before, listReads := counted.finds.Load(), lists.reads.Load()
	if r := ivy.get("/postmortems/PM-2026-101"); r.status != 200 || stripTokens(r.body) != stripTokens(ivyPage) {
		t.Errorf("a page from kept parts and a document rendered again differs from the page gathered anew (status %d)", r.status)
	}
	if n, m := counted.finds.Load()-before, lists.reads.Load()-listReads; n != 1 || m != 0 {
		t.Errorf("with its document evicted, a page read %d postmortems and %d similar lists, want 1 and 0", n, m)
	}

	// The page's similar list stored again by the worker: the parts kept
	// with the old one give way.
	app.srv.lists.take(listsCtx, "PM-2026-101")
	before = counted.finds.Load()
	if r := ivy.get("/postmortems/PM-2026-101"); r.status != 200 || counted.finds.Load() == before {
		t.Errorf("after its similar list was stored again: status %d, the page read its postmortem again: %v", r.status, counted.finds.Load() != before)
	}
	before = counted.finds.Load()

	// 103 restricted to its team: vic no longer sees it, ivy still does.
	importSibling(t, app, "true")
	if r := vic.get("/postmortems/PM-2026-101"); r.status != 200 || strings.Contains(r.body, "PM-2026-103") {
		t.Errorf("after 103 was restricted, vic: status %d, sees it %v", r.status, strings.Contains(r.body, "PM-2026-103"))
	}
	if r := ivy.get("/postmortems/PM-2026-101?similar=wait"); r.status != 200 || !strings.Contains(r.body, "PM-2026-103") {
		t.Errorf("after 103 was restricted, ivy of its team: status %d, sees it %v", r.status, strings.Contains(r.body, "PM-2026-103"))
	}
	if counted.finds.Load() == before {
		t.Error("a page after a write did not read its postmortem again")
	}
}

// stripTokens drops the CSRF tokens of a page's forms, which differ
// between renderings.
func stripTokens(body string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(body, "\n") {
		if !strings.Contains(line, "csrf") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestVisibility(t *testing.T) {
	for _, c := range []struct {
		a, b debrief.Viewer
		same bool
	}{
		{debrief.Viewer{Admin: true}, debrief.Viewer{Admin: true, Teams: []string{"x"}}, true},
		{debrief.Viewer{Teams: []string{"b", "a"}}, debrief.Viewer{Teams: []string{"a", "B", "a"}}, true},
		{debrief.Viewer{Teams: []string{"a"}}, debrief.Viewer{Teams: []string{"a", "b"}}, false},
		{debrief.Viewer{Teams: []string{"a"}}, debrief.Viewer{Admin: true}, false},
		{debrief.Viewer{Teams: []string{"ab"}}, debrief.Viewer{Teams: []string{"a", "b"}}, false},
	} {
		if got := visibility(c.a) == visibility(c.b); got != c.same {
			t.Errorf("%+v and %+v: same visibility %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
