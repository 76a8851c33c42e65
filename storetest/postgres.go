package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresURL returns the PostgreSQL server the tests use, named by
// DEBRIEF_TEST_POSTGRES, and skips the test when there is none, unless
// DEBRIEF_REQUIRE_POSTGRES is set, as .ci/run sets it: then the test fails
// instead, so that the PostgreSQL tests can never be skipped in CI.
func PostgresURL(t testing.TB) string {
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

// WithSearchPath returns the connection string u that uses schema.
func WithSearchPath(t testing.TB, u, schema string) string {
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

// PostgresSchema creates a schema of its own for one test on the server of
// PostgresURL, drops it when the test ends, so that tests never see each
// other's data, and returns the connection string that uses it.
func PostgresSchema(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	u := PostgresURL(t)
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
	return WithSearchPath(t, u, schema)
}
