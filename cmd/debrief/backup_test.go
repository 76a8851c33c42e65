package main

import (
	"bytes"
	"maps"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupAndRestore(t *testing.T) {
	data, restored := t.TempDir(), t.TempDir()
	mustRun(t, 0, "import", "../../examples", "--data", data)
	backup := filepath.Join(t.TempDir(), "debrief.backup")
	if r := mustRun(t, 0, "backup", backup, "--data", data); !strings.Contains(r.stderr, "backed up") {
		t.Errorf("backup says %q", r.stderr)
	}
	mustRun(t, 0, "restore", backup, "--data", restored)
	out1, out2 := t.TempDir(), t.TempDir()
	mustRun(t, 0, "export", out1, "--data", data)
	mustRun(t, 0, "export", out2, "--data", restored)
	want, got := readDir(t, out1), readDir(t, out2)
	if len(want) == 0 || !maps.EqualFunc(want, got, bytes.Equal) {
		t.Errorf("the restored archive exports %d files, the original %d, or they differ", len(got), len(want))
	}

	for _, tt := range []struct {
		name string
		args []string
		says string
	}{
		{"no file", []string{"backup", "--data", data}, "backup needs the file"},
		{"existing file", []string{"backup", backup, "--data", data}, "exists already"},
		{"no archive", []string{"backup", filepath.Join(t.TempDir(), "b"), "--data", t.TempDir()}, "there is no archive"},
		{"postgres", []string{"backup", filepath.Join(t.TempDir(), "b"), "--db", "postgres://nowhere/x"}, "pg_dump"},
		{"restore postgres", []string{"restore", backup, "--db", "postgres://nowhere/x"}, "pg_dump"},
		{"restore no file", []string{"restore", "--data", data}, "restore needs the backup file"},
		{"restore not a backup", []string{"restore", "../../examples/" + firstExample(t), "--data", t.TempDir()}, "is not a debrief backup"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, 2, tt.args...)
			if !strings.Contains(r.stderr, tt.says) {
				t.Errorf("stderr %q, want it to say %q", r.stderr, tt.says)
			}
		})
	}
}

func firstExample(t *testing.T) string {
	t.Helper()
	paths, err := filepath.Glob("../../examples/PM-*.md")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return filepath.Base(paths[0])
}
