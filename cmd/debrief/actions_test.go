package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFollowThroughCommands(t *testing.T) {
	data := "--data=" + t.TempDir()
	mustRun(t, 0, "import", "../../examples", data)

	text := mustRun(t, 0, "actions", data).stdout
	for _, want := range []string{"Ranked by return for the work", "  1. ", "× recurred 1.5", "Unscored: no value or no effort"} {
		if !strings.Contains(text, want) {
			t.Errorf("actions lacks %q:\n%s", want, text)
		}
	}
	var out struct {
		Ranked []struct {
			Rank       int      `json:"rank"`
			ID         string   `json:"id"`
			OwnerTeam  string   `json:"owner_team"`
			Arithmetic string   `json:"arithmetic"`
			Score      *float64 `json:"score"`
		} `json:"ranked"`
	}
	r := mustRun(t, 0, "actions", "--team", "platform", "--format", "json", data)
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Ranked) == 0 || out.Ranked[0].Rank != 1 || out.Ranked[0].Score == nil {
		t.Fatalf("json = %s", r.stdout)
	}
	for _, a := range out.Ranked {
		if a.OwnerTeam != "platform" || !strings.HasPrefix(a.Arithmetic, "value ") {
			t.Errorf("filtered by team: %+v", a)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, 0, "actions", "--overdue", "--format", "csv", data).stdout)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "rank" || rows[1][6] != "true" {
		t.Errorf("csv = %q (%v)", rows, err)
	}

	risks := mustRun(t, 0, "risks", data).stdout
	if !strings.Contains(risks, "RISK-001") || !strings.Contains(risks, "! review overdue since") {
		t.Errorf("risks:\n%s", risks)
	}
	rep := mustRun(t, 0, "report", "actions", "--by", "kind", "--days", "365", data).stdout
	if !strings.Contains(rep, "Follow-through of action items by kind") || !strings.Contains(rep, "How each figure is computed") {
		t.Errorf("report:\n%s", rep)
	}
	rows, err = csv.NewReader(strings.NewReader(mustRun(t, 0, "report", "actions", "--format", "csv", data).stdout)).ReadAll()
	if err != nil || len(rows) < 8 || rows[0][2] != "figure" {
		t.Errorf("report csv = %q (%v)", rows, err)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"actions", "--status", "finished"}, `--status "finished" is not one of`},
		{[]string{"actions", "--due-before", "soon"}, "YYYY-MM-DD"},
		{[]string{"actions", "--format", "xml"}, `--format "xml"`},
		{[]string{"report", "actions", "--by", "mood"}, `--by "mood"`},
		{[]string{"remind", "--dry-run"}, "no team gets reminders"},
		{[]string{"remind", "--day", "tomorrow"}, "--day"},
	} {
		if r := mustRun(t, 2, append(tc.args, data)...); !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v said %q, want %q", tc.args, r.stderr, tc.want)
		}
	}

	// In a folder whose .debrief.yaml lists teams, --dry-run prints their
	// digests and sends nothing.
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/.debrief.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".debrief.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(strings.TrimPrefix(data, "--data="))
	t.Chdir(dir)
	dry := mustRun(t, 0, "remind", "--dry-run", "--day", "2026-06-01", "--data="+abs).stdout
	for _, want := range []string{"== platform by slack (digest/platform/2026-06-01/slack)", "== platform by email", "== logistics by email", "Overdue\n- "} {
		if !strings.Contains(dry, want) {
			t.Errorf("remind --dry-run lacks %q:\n%s", want, dry)
		}
	}
	// Without the webhook's variable a real run says which is missing.
	t.Setenv("SLACK_WEBHOOK_PLATFORM", "")
	if r := mustRun(t, 2, "remind", "--data="+abs); !strings.Contains(r.stderr, "SLACK_WEBHOOK_PLATFORM") {
		t.Errorf("remind without the webhook said %q", r.stderr)
	}
}
