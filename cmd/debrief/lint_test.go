package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const blamePM = `---
id: PM-2026-002
title: Orders stuck after the queue migration
severity: SEV2
status: draft
---

# Orders stuck after the queue migration

Marco failed to notice the lag alert.
`

func TestLint(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean/notes.md", "# Notes\n\nAna paged the storage team at 03:40.\n")
	blame := writeFile(t, dir, "blame/PM-2026-002.md", blamePM)
	quoted := writeFile(t, dir, "quoted/chat.md", "> 03:12 marco: I forgot to drain the node\n")
	writeFile(t, dir, "quiet/.debrief.yaml", "lint:\n  rules:\n    blame: off\n    structure: off\n")
	quiet := writeFile(t, dir, "quiet/PM-2026-002.md", blamePM)
	writeFile(t, dir, "broken/.debrief.yaml", "lint:\n  rules:\n    blame.nonsense: off\n")
	broken := writeFile(t, dir, "broken/x.md", "Text.\n")

	tests := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{name: "clean file", args: []string{"lint", clean}, code: 0},
		{name: "blame fails at warning", args: []string{"lint", blame}, code: 1, stdoutHas: blame + ":10:1: warning blame.person-omission: "},
		{name: "folder", args: []string{"lint", filepath.Join(dir, "blame")}, code: 1, stdoutHas: "blame.person-omission"},
		{name: "fail-on error", args: []string{"lint", "--fail-on", "error", blame}, code: 0, stdoutHas: "blame.person-omission"},
		{name: "info under fail-on warning", args: []string{"lint", quoted}, code: 0, stdoutHas: "info blame.person-omission"},
		{name: "info with fail-on info", args: []string{"lint", "--fail-on", "info", quoted}, code: 1},
		{name: "config switches rules off", args: []string{"lint", quiet}, code: 0},
		{name: "stdin", stdin: "The root cause was a bad deploy.\n", args: []string{"lint", "-"}, code: 1, stdoutHas: "<stdin>:1:1: warning root-cause.single-cause"},
		{name: "stdin name", stdin: "Marco forgot it.\n", args: []string{"lint", "--stdin-name", "drafts/x.md", "-"}, code: 1, stdoutHas: "drafts/x.md:1:1:"},
		{name: "clean stdin", stdin: "Ana paged the team.\n", args: []string{"lint", "-"}, code: 0},
		{name: "no paths", args: []string{"lint"}, code: 2, stderrHas: "needs at least one file"},
		{name: "missing file", args: []string{"lint", filepath.Join(dir, "nope.md")}, code: 2, stderrHas: "nope.md"},
		{name: "bad format", args: []string{"lint", "--format", "xml", clean}, code: 2, stderrHas: "--format"},
		{name: "bad fail-on", args: []string{"lint", "--fail-on", "loud", clean}, code: 2, stderrHas: "--fail-on"},
		{name: "bad config", args: []string{"lint", broken}, code: 2, stderrHas: "blame.nonsense"},
		{name: "unknown flag", args: []string{"lint", "--nope", clean}, code: 2},
		{name: "github format", args: []string{"lint", "--format", "github", blame}, code: 1, stdoutHas: "::warning file=" + blame + ",line=10,col=1,"},
		{name: "list rules", args: []string{"lint", "--list-rules"}, code: 0, stdoutHas: "blame.person-omission (blame, default warning)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := debriefCmd(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdoutHas) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdoutHas, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, r.stderr)
			}
			if r.code == 0 && tt.stdoutHas == "" && r.stdout != "" {
				t.Errorf("want no output, got %s", r.stdout)
			}
		})
	}
}

func TestLintJSON(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.md", "Ana paged the team.\n")
	blame := writeFile(t, dir, "PM-2026-002.md", blamePM)

	r := debriefCmd(t, "", "lint", "--format", "json", clean)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("clean JSON: exit %d, %q", r.code, r.stdout)
	}
	r = debriefCmd(t, "", "lint", "--format", "json", blame)
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || r.code != 1 || len(fs) == 0 {
		t.Fatalf("exit %d, %v: %s", r.code, err, r.stdout)
	}
	if fs[0]["path"] != blame || fs[0]["category"] == "" || fs[0]["end_column"] == nil {
		t.Errorf("finding %v", fs[0])
	}
}

func TestLintSARIF(t *testing.T) {
	dir := t.TempDir()
	blame := writeFile(t, dir, "PM-2026-002.md", blamePM)
	r := debriefCmd(t, "", "lint", "--format", "sarif", blame)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []any `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Errorf("exit %d, %v: %s", r.code, err, r.stdout)
	}
}

func TestLintListRulesJSON(t *testing.T) {
	r := debriefCmd(t, "", "lint", "--list-rules", "--format", "json")
	var rules []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil || r.code != 0 || len(rules) < 13 {
		t.Errorf("exit %d, %v, %d rules", r.code, err, len(rules))
	}
}
