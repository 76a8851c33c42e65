package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest"
)

// mustOpen opens a migrated archive in a new schema.
func mustOpen(t testing.TB) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), storetest.PostgresSchema(t), postgres.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.Run(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}

func TestOpenRefusesPendingMigrations(t *testing.T) {
	ctx := context.Background()
	u := storetest.PostgresSchema(t)
	_, err := postgres.Open(ctx, u, postgres.Options{})
	if debrief.ErrorCode(err) != debrief.EINVALID || !strings.Contains(debrief.ErrorMessage(err), "debrief migrate") {
		t.Fatalf("open without migrations = %v, want a message that says to run debrief migrate", err)
	}
	db, err := postgres.Open(ctx, u, postgres.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := db.Migrate(ctx)
	if err != nil || n != 0 {
		t.Errorf("second migrate applied %d, %v; want 0", n, err)
	}
	db.Close()
	db, err = postgres.Open(ctx, u, postgres.Options{})
	if err != nil {
		t.Fatalf("open after migrate: %v", err)
	}
	db.Close()
}
