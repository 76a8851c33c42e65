package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// archive is how a test names one kind of archive on the command line.
type archive struct {
	name  string
	flags func(t *testing.T) []string
}

// archives returns the embedded archive, and PostgreSQL when
// DEBRIEF_TEST_POSTGRES names a server.
func archives(t *testing.T) []archive {
	as := []archive{{"sqlite", func(t *testing.T) []string { return []string{"--db=", "--data", t.TempDir()} }}}
	if os.Getenv("DEBRIEF_TEST_POSTGRES") != "" || os.Getenv("DEBRIEF_REQUIRE_POSTGRES") != "" {
		as = append(as, archive{"postgres", func(t *testing.T) []string { return []string{"--db", postgresSchema(t)} }})
	}
	return as
}

// postgresSchema creates an empty schema for one test, dropped when it
// ends, and returns the connection string that uses it.
func postgresSchema(t *testing.T) string {
	t.Helper()
	u := os.Getenv("DEBRIEF_TEST_POSTGRES")
	if u == "" {
		t.Fatal("DEBRIEF_REQUIRE_POSTGRES is set but DEBRIEF_TEST_POSTGRES is not")
	}
	ctx := context.Background()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "debrief_cmd_test_" + hex.EncodeToString(b)
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
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := parsed.Query()
	q.Set("search_path", schema)
	parsed.RawQuery = q.Encode()
	return parsed.String()
}
