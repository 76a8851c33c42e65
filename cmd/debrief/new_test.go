package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewGolden(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "PM-2026-007-old.md", strings.Replace(validPM, "PM-2026-001", "PM-2026-007", 1))
	writeFile(t, dir, "PM-2025-031-older.md", strings.Replace(validPM, "PM-2026-001", "PM-2025-031", 1))
	args := []string{"new", "Checkout errors: TLS certificate expired", "--dir", dir, "--team", "payments,platform", "--service", "payments-api", "--severity", "sev2", "--started", "2026-11-24T08:30:00Z"}
	r := debriefCmd(t, "", args...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	path := strings.TrimSpace(r.stdout)
	if want := filepath.Join(dir, "PM-2026-008-checkout-errors-tls-certificate-expired.md"); path != want {
		t.Fatalf("wrote %q, want %q", path, want)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "new.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("new wrote:\n%s\nwant (go test -update to accept):\n%s", got, want)
	}
	if r := debriefCmd(t, "", "validate", dir); r.code != 0 {
		t.Errorf("new's output does not validate: %s%s", r.stdout, r.stderr)
	}

	// The same title again gets the next id, never the same file.
	r = debriefCmd(t, "", args...)
	if r.code != 0 || !strings.Contains(r.stdout, "PM-2026-009-") {
		t.Errorf("second new: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "PM-2026-001-outage.md")
	if err := os.WriteFile(name, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The file name itself takes id 001, so new moves on to 002.
	r := debriefCmd(t, "", "new", "Outage", "--dir", dir, "--started", "2026-01-01T00:00:00Z")
	if r.code != 0 || !strings.HasSuffix(strings.TrimSpace(r.stdout), "PM-2026-002-outage.md") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if b, _ := os.ReadFile(name); string(b) != "keep me" {
		t.Errorf("existing file changed: %q", b)
	}
}

func TestNewUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no title", []string{"new"}, "needs one title"},
		{"blank title", []string{"new", "  "}, "needs one title"},
		{"bad severity", []string{"new", "T", "--severity", "SEV0"}, `--severity "SEV0"`},
		{"bad start", []string{"new", "T", "--started", "today"}, `--started "today"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := debriefCmd(t, "", tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestNewCreatesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "postmortems", "2026")
	r := debriefCmd(t, "", "new", "Outage", "--dir", dir, "--started", "2026-01-01T00:00:00Z")
	want := filepath.Join(dir, "PM-2026-001-outage.md")
	if r.code != 0 || strings.TrimSpace(r.stdout) != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want %s", r.code, r.stdout, r.stderr, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
	blocked := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := debriefCmd(t, "", "new", "Outage", "--dir", filepath.Join(blocked, "sub")); r.code != 2 || !strings.Contains(r.stderr, "create the folder") {
		t.Errorf("a folder under a file: exit %d, stderr %q", r.code, r.stderr)
	}
}
