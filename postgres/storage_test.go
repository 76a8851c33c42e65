package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest"
)

// TestReadOnlyDatabase opens an archive on a connection that takes no
// writes, as a standby does: every write says the archive is read-only,
// and an import says it once for the batch.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	u := storetest.PostgresSchema(t)
	db, err := postgres.Open(ctx, u, postgres.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	ro, err := postgres.Open(ctx, u+sep+"default_transaction_read_only=on", postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	pm := func(id string) *debrief.Postmortem {
		return &debrief.Postmortem{ID: id, Title: "Gateway errors", Severity: debrief.SEV3, Status: debrief.StatusDraft,
			Started: time.Date(2025, 3, 3, 2, 14, 0, 0, time.UTC), Body: "# Gateway errors\n"}
	}
	_, errs, importErr := ro.ImportBatch(ctx, []*debrief.Postmortem{pm("PM-2025-001"), pm("PM-2025-002")})
	if errs != nil {
		t.Errorf("import reported the refusal file by file: %v", errs)
	}
	_, nextErr := ro.NextID(ctx, debrief.Operator, 2025)
	for what, err := range map[string]error{
		"create": ro.Create(ctx, debrief.Operator, pm("PM-2025-003")),
		"user":   ro.CreateUser(ctx, &debrief.User{Name: "ana", Role: debrief.RoleViewer}, ""),
		"import": importErr,
		"nextID": nextErr,
	} {
		var e *debrief.Error
		if debrief.ErrorCode(err) != debrief.EUNAVAILABLE || !strings.Contains(debrief.ErrorMessage(err), "the archive is read-only") ||
			!errors.As(err, &e) || e.Err == nil {
			t.Errorf("%s: %v, want that the archive is read-only, with the cause for the log", what, err)
		}
	}
}
