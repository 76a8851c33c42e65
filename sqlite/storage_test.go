package sqlite

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// storagePM is a valid postmortem for the storage tests.
func storagePM(id string) *debrief.Postmortem {
	return &debrief.Postmortem{ID: id, Title: "Gateway errors", Severity: debrief.SEV3, Status: debrief.StatusDraft,
		Started: time.Date(2025, 3, 3, 2, 14, 0, 0, time.UTC), Body: "# Gateway errors\n\nThe gateway returned errors.\n"}
}

// TestStorageRefusals makes SQLite refuse writes the way a full disk and a
// read-only file do, and checks that every write says so, without the
// file's path, and that an import reports it once for the batch instead
// of once for every file.
func TestStorageRefusals(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		pragma func(db *DB) string
		says   string
	}{
		{"read-only", func(*DB) string { return "PRAGMA query_only = 1" }, "the archive is read-only"},
		{"full", func(db *DB) string {
			var pages int
			if err := db.write.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
				t.Fatal(err)
			}
			return "PRAGMA max_page_count = " + itoa(pages)
		}, "the data folder is full"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Create(ctx, debrief.Operator, storagePM("PM-2025-001")); err != nil {
				t.Fatal(err)
			}
			if _, err := db.write.Exec(tt.pragma(db)); err != nil {
				t.Fatal(err)
			}
			big := storagePM("PM-2025-002")
			big.Body += strings.Repeat("A line of the timeline, written out at length.\n", 2000)
			checks := map[string]error{
				"create": db.Create(ctx, debrief.Operator, big),
				"user":   db.CreateUser(ctx, &debrief.User{Name: "ana", Role: debrief.RoleViewer, Teams: []string{strings.Repeat("team", 2000)}}, ""),
			}
			_, errs, err := db.ImportBatch(ctx, []*debrief.Postmortem{storagePM("PM-2025-003"), big, storagePM("PM-2025-004")})
			if errs != nil {
				t.Errorf("import reported the storage's refusal file by file: %v", errs)
			}
			checks["import"] = err
			for what, err := range checks {
				if debrief.ErrorCode(err) != debrief.EUNAVAILABLE {
					t.Errorf("%s: %v, want an unavailable error", what, err)
					continue
				}
				msg := debrief.ErrorMessage(err)
				if !strings.Contains(msg, tt.says) || strings.Contains(msg, dir) {
					t.Errorf("%s says %q, want %q without the path", what, msg, tt.says)
				}
				var e *debrief.Error
				if !errors.As(err, &e) || e.Err == nil {
					t.Errorf("%s: the error %q lost its cause, which the log needs", what, err)
				}
			}
			// What was stored is still there.
			if _, err := db.FindByID(ctx, debrief.Operator, "PM-2025-001"); err != nil {
				t.Errorf("the stored postmortem: %v", err)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
