package main

import (
	"os"
	"testing"

	"github.com/debrief/debrief/storetest"
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
		as = append(as, archive{"postgres", func(t *testing.T) []string { return []string{"--db", storetest.PostgresSchema(t)} }})
	}
	return as
}
