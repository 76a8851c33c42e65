package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest"
	"github.com/jackc/pgx/v5"
)

// testURL returns the server the tests use, and skips the test when there
// is none, unless DEBRIEF_REQUIRE_POSTGRES is set, as .ci/run sets it: then
// the suite can never be skipped.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DEBRIEF_TEST_POSTGRES")
	if u == "" && os.Getenv("DEBRIEF_REQUIRE_POSTGRES") != "" {
		t.Fatal("DEBRIEF_REQUIRE_POSTGRES is set but DEBRIEF_TEST_POSTGRES is not: the PostgreSQL tests cannot run")
	}
	if u == "" {
		t.Skip("DEBRIEF_TEST_POSTGRES is not set: set it to a PostgreSQL URL such as postgres://postgres@127.0.0.1:5432/test?sslmode=disable to run the PostgreSQL store's tests")
	}
	return u
}

// withSearchPath returns the connection string u that uses schema.
func withSearchPath(t testing.TB, u, schema string) string {
	t.Helper()
	if strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://") {
		parsed, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		q := parsed.Query()
		q.Set("search_path", schema)
		parsed.RawQuery = q.Encode()
		return parsed.String()
	}
	return u + " search_path=" + schema
}

// newSchema creates a schema of its own for one test and drops it when the
// test ends, so that tests never see each other's data.
func newSchema(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	u := testURL(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "debrief_test_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatalf("connect to DEBRIEF_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	return withSearchPath(t, u, schema)
}

// mustOpen opens a migrated archive in a new schema.
func mustOpen(t testing.TB) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), newSchema(t), postgres.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestContract(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}

func TestOpenRefusesPendingMigrations(t *testing.T) {
	ctx := context.Background()
	u := newSchema(t)
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
