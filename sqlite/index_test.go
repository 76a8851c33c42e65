package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// segments counts the segments of the full-text index of documents.
func segments(t *testing.T, db *DB) int {
	t.Helper()
	var n int
	if err := db.write.QueryRow(`SELECT count(DISTINCT segid) FROM documents_fts_idx`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCloseOptimizes imports batches and checks that Close merges the
// full-text indexes into one segment, and that searches still find what
// they should.
func TestCloseOptimizes(t *testing.T) {
	defer func(c int) { closeOptimize = c }(closeOptimize)
	closeOptimize = 20
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	batch := func(size int) {
		var ps []*debrief.Postmortem
		for range size {
			n++
			ps = append(ps, &debrief.Postmortem{ID: fmt.Sprintf("PM-2025-%03d", n), Title: fmt.Sprintf("Certificate expired %d", n),
				Severity: debrief.SEV3, Status: debrief.StatusDraft, Started: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		}
		if _, errs, err := db.ImportBatch(ctx, ps); err != nil {
			t.Fatal(err)
		} else {
			for _, err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for range 3 {
		batch(10)
	}
	if got := segments(t, db); got < 2 {
		t.Errorf("after 3 batches: %d segments, want them not merged yet", got)
	}
	reopen := func() {
		t.Helper()
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if db, err = Open(ctx, dir); err != nil {
			t.Fatal(err)
		}
	}
	reopen()
	defer func() { db.Close() }()
	if got := segments(t, db); got != 1 {
		t.Errorf("after Close: %d segments, want 1", got)
	}
	batch(10)
	reopen()
	if got := segments(t, db); got != 2 {
		t.Errorf("after a batch of fewer than closeOptimize and Close: %d segments, want 2", got)
	}
	page, err := db.Find(ctx, debrief.Viewer{Admin: true}, debrief.PostmortemFilter{Text: debrief.TextQuery{Include: []string{"certificate"}}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != n {
		t.Errorf("a search finds %d postmortems, want %d", page.Total, n)
	}
}
