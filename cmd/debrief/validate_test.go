package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const validPM = `---
id: PM-2026-001
title: Search latency after index rebuild
severity: SEV3
status: draft
---

# Search latency after index rebuild
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good/PM-2026-001.md", validPM)
	writeFile(t, dir, "good/README.md", "# Not a postmortem\n")
	bad := writeFile(t, dir, "bad/PM-2026-002.md", strings.Replace(strings.Replace(validPM, "SEV3", "SEV9", 1), "001", "002", 1))
	dup := writeFile(t, dir, "dup/PM-2026-001.md", validPM)
	plain := writeFile(t, dir, "plain.md", "# Notes\n")
	// The archive's limits: validate refuses what import would.
	large := writeFile(t, dir, "large/PM-2026-003.md", strings.Replace(validPM, "001", "003", 1)+strings.Repeat("A line of a pasted log that goes on.\n", 20_000))
	headings := writeFile(t, dir, "headings/PM-2026-004.md", strings.Replace(validPM, "001", "004", 1)+strings.Repeat("## h\n", 500))
	deep := writeFile(t, dir, "deep/PM-2026-005.md", strings.Replace(validPM, "001", "005", 1)+"\n"+strings.Repeat("> ", 20)+"deep\n")

	tests := []struct {
		name       string
		args       []string
		code       int
		stdoutHas  string
		stderrHas  string
		stdoutNone bool
	}{
		{name: "valid folder skips plain Markdown", args: []string{"validate", filepath.Join(dir, "good")}, code: 0, stdoutNone: true},
		{name: "bad severity on line 4", args: []string{"validate", bad}, code: 1, stdoutHas: bad + ":4:11: severity \"SEV9\" is not one of SEV1, SEV2, SEV3, SEV4"},
		{name: "duplicate ids across files", args: []string{"validate", good, dup}, code: 1, stdoutHas: dup + ":2:5: duplicate postmortem id PM-2026-001: " + good + " uses it too"},
		{name: "plain Markdown named explicitly", args: []string{"validate", plain}, code: 1, stdoutHas: plain + ":1:1: no front matter"},
		{name: "missing path", args: []string{"validate", filepath.Join(dir, "nope")}, code: 2, stderrHas: "no such file or directory"},
		{name: "no arguments", args: []string{"validate"}, code: 2, stderrHas: "at least one file or folder"},
		{name: "unknown flag", args: []string{"validate", "--frobnicate", good}, code: 2, stderrHas: "unknown flag"},
		{name: "examples are valid", args: []string{"validate", "../../examples"}, code: 0, stdoutNone: true},
		{name: "larger than the archive takes", args: []string{"validate", large}, code: 1, stdoutHas: large + ":14175:1: the file is 723 KiB; the archive takes files of at most 512 KiB"},
		{name: "too many headings", args: []string{"validate", headings}, code: 1, stdoutHas: headings + ":408:1: the body has more than 400 headings"},
		{name: "nested too deep", args: []string{"validate", deep}, code: 1, stdoutHas: deep + ":10:33: block quotes and lists nest 20 deep here; the limit is 16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := debriefCmd(t, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if tt.stdoutHas != "" && !strings.Contains(r.stdout, tt.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdoutHas, r.stdout)
			}
			if tt.stderrHas != "" && !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, r.stderr)
			}
			if tt.stdoutNone && r.stdout != "" {
				t.Errorf("want no output, got:\n%s", r.stdout)
			}
			if strings.Contains(r.stderr, "goroutine") {
				t.Errorf("stack trace on stderr:\n%s", r.stderr)
			}
		})
	}
}
