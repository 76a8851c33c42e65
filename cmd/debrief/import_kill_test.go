package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sqlite"
)

// TestMain lets a test run the debrief command line as a process of its
// own: the test binary, started again with DEBRIEF_TEST_MAIN=1, is debrief.
func TestMain(m *testing.M) {
	if os.Getenv("DEBRIEF_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestImportKilled kills an import process with SIGKILL once some batches
// have landed: the archive passes SQLite's integrity check, everything in
// it exports and validates, and importing again stores the rest and
// changes nothing of what had landed.
func TestImportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 1,600 files in a process")
	}
	in, data := t.TempDir(), t.TempDir()
	const n = 1600
	writeGenerated(t, in, n)
	cmd := exec.Command(os.Args[0], "import", "--db=", "--data", data, in)
	cmd.Env = append(os.Environ(), "DEBRIEF_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var exited atomic.Bool
	go func() { _ = cmd.Wait(); exited.Store(true) }()
	landed := 0
	for deadline := time.Now().Add(2 * time.Minute); landed < debrief.ImportBatchSize; time.Sleep(2 * time.Millisecond) {
		if exited.Load() || time.Now().After(deadline) {
			t.Fatalf("the import ended or hung before it could be killed; stderr: %s", stderr.String())
		}
		// The archive may be busy or not yet created: try again.
		if n, err := countRows(data); err == nil {
			landed = n
		}
	}
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err) // a process that already finished is logged below
	}
	for !exited.Load() {
		time.Sleep(10 * time.Millisecond)
	}
	if strings.Contains(stderr.String(), "imported ") {
		t.Logf("the import finished before it was killed: %s", stderr.String())
	}

	raw, err := sql.Open("sqlite", filepath.Join(data, "debrief.db"))
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	raw.Close()
	before := storedCount(t, data)
	if before < landed || before%debrief.ImportBatchSize != 0 {
		t.Errorf("%d postmortems stored after the kill, %d seen before it: want whole batches", before, landed)
	}
	out := t.TempDir()
	mustRun(t, 0, "export", "--db=", "--data", data, out)
	mustRun(t, 0, "validate", out)
	r := mustRun(t, 0, "import", "--db=", "--data", data, in)
	if want := fmt.Sprintf("imported %d postmortems: %d created, 0 updated, %d unchanged\n", n, n-before, before); r.stderr != want {
		t.Errorf("import after the kill said %q, want %q", r.stderr, want)
	}
}

// storedCount returns how many postmortems the archive in data holds.
func storedCount(t *testing.T, data string) int {
	t.Helper()
	n, err := countStored(data)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// countRows counts the stored postmortems with one read-only query, cheap
// enough to poll an import that lands a batch every few milliseconds.
func countRows(data string) (int, error) {
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(data, "debrief.db")+"?mode=ro&_pragma=busy_timeout(50)")
	if err != nil {
		return 0, err
	}
	defer raw.Close()
	var n int
	err = raw.QueryRow(`SELECT count(*) FROM postmortems`).Scan(&n)
	return n, err
}

func countStored(data string) (int, error) {
	db, err := sqlite.Open(context.Background(), data)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	page, err := db.Find(context.Background(), debrief.Operator, debrief.PostmortemFilter{})
	if err != nil {
		return 0, err
	}
	return page.Total, nil
}
