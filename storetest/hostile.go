package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// hotBody is a body that repeats one word as often as the archive's file
// size allows: searching for that word once tied up the server for
// minutes (snippets and ranking over every occurrence).
func hotBody(word string) string {
	var b strings.Builder
	b.WriteString("# Hot\n\n## Summary\n")
	line := strings.Repeat(word+" ", 40) + "\n"
	for b.Len()+len(line) < debrief.MaxFileSize-4096 {
		b.WriteString(line)
	}
	return b.String()
}

// testSearchHotDocument stores a document that repeats one word a hundred
// thousand times and more, and searches for it: the search answers with
// the document and a short snippet, or, when it runs out of
// debrief.QueryTimeout (as it may under the race detector, which slows
// the SQLite engine a hundredfold), with a clear error that says so. A
// search whose time is up answers with that error rather than an internal
// one. Before the work was bounded, such a search ran for twenty minutes
// and more, past any deadline.
func testSearchHotDocument(t *testing.T, open Opener) {
	s := open(t)
	mustCreate(t, s,
		pm("PM-2025-001", "Hot", func(p *debrief.Postmortem) { p.Body = hotBody("h") }),
		pm("PM-2025-002", "Gateway errors after a deploy"))
	for _, q := range []string{"h", "h gateway", `"h h h"`, "^h", "h -gateway"} {
		f, err := debrief.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		// A deadline far beyond any ordinary search: it only keeps a
		// regression from hanging the test.
		c, cancel := context.WithTimeout(ctx, time.Minute)
		page, err := s.Find(c, anonymous, f)
		cancel()
		if err != nil {
			wantTooLong(t, err)
			continue
		}
		for _, it := range page.Items {
			if n := len(it.Snippet.String()); n > 1000 {
				t.Errorf("%q: the snippet of %s is %d bytes", q, it.ID, n)
			}
		}
		if q == "h" && (len(page.Items) != 1 || page.Items[0].ID != "PM-2025-001" || len(page.Items[0].Snippet) == 0) {
			t.Errorf("%q = %v, want PM-2025-001 with a snippet", q, ids(page))
		}
	}
	// A search whose time is already up says so.
	f, _ := debrief.ParseQuery("h")
	c, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
	defer cancel()
	_, err := s.Find(c, anonymous, f)
	wantTooLong(t, err)
}

// wantTooLong fails the test unless err says that a search took too long.
func wantTooLong(t *testing.T, err error) {
	t.Helper()
	wantCode(t, err, debrief.EUNAVAILABLE)
	if msg := debrief.ErrorMessage(err); !strings.Contains(msg, "took too long") {
		t.Errorf("a search out of time says %q, want that it took too long", msg)
	}
}
