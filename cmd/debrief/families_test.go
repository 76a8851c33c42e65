package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestFamiliesOfTheExamples(t *testing.T) {
	data := "--data=" + t.TempDir()
	mustRun(t, 0, "import", "../../examples", data)

	text := mustRun(t, 0, "families", data).stdout
	for _, want := range []string{
		"Certificate expiry (cert-expiry): 3 incidents, 2025-06-10 to 2026-04-28",
		"PM-2026-016  Card payments needing 3-D Secure",
		"recurred although ACT-107 was done (PM-2025-003: ",
		"Config push without staged rollout (config-push)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("families lacks %q:\n%s", want, text)
		}
	}

	var out struct {
		Families []familyJSON `json:"families"`
	}
	r := mustRun(t, 0, "families", "cert-expiry", "--format", "json", data)
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Families) != 1 || len(out.Families[0].Incidents) != 3 {
		t.Fatalf("json = %s", r.stdout)
	}
	f := out.Families[0]
	if f.Incidents[0].ID != "PM-2025-003" || len(f.Incidents[0].Evidence) == 0 {
		t.Errorf("first incident = %+v", f.Incidents[0])
	}
	later := map[string]bool{}
	for _, rec := range f.Recurrences {
		if rec.Fix == "ACT-107" {
			later[rec.Later] = true
		}
	}
	if !later["PM-2025-014"] || !later["PM-2026-016"] {
		t.Errorf("recurrences = %+v, want both later certificate expiries after ACT-107", f.Recurrences)
	}

	rows, err := csv.NewReader(strings.NewReader(mustRun(t, 0, "families", "cert-expiry", "--format", "csv", data).stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "kind" || rows[3][3] != "PM-2026-016" || !strings.Contains(rows[3][8], "ACT-107") {
		t.Errorf("csv = %q", rows)
	}

	if r := mustRun(t, 2, "families", "no-such-kind", data); !strings.Contains(r.stderr, `no incident kind "no-such-kind"`) {
		t.Errorf("unknown kind said %q", r.stderr)
	}
	mustRun(t, 2, "families", "--format", "yaml", data)
}
