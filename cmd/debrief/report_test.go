package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// demoArchive imports the example postmortems and their pages into a new
// archive and returns its --data flag.
func demoArchive(t *testing.T) string {
	t.Helper()
	data := "--data=" + t.TempDir()
	mustRun(t, 0, "import", "../../examples", data)
	r := mustRun(t, 0, "pages", "import", "--from", "csv", "--source", "demo", "../../examples/pages.csv", data)
	if !strings.Contains(r.stdout, "imported 1088 pages\n") {
		t.Fatalf("pages import: %s", r.stdout)
	}
	return data
}

// TestReportGolden checks every report of the example archive, in every
// format, against testdata/report (go test ./cmd/debrief -run
// TestReportGolden -update writes them again).
func TestReportGolden(t *testing.T) {
	data := demoArchive(t)
	for _, name := range []string{"load", "oncall", "kinds", "process"} {
		for _, format := range []string{"text", "json", "csv"} {
			t.Run(name+"."+format, func(t *testing.T) {
				args := []string{"report", name, "--format", format, "--as-of", "2026-12-04", "--time-zone", "Europe/Amsterdam", data}
				if name == "oncall" || name == "load" {
					args = append(args, "--from", "2026-02-02", "--to", "2026-03-29")
				}
				got := computed.ReplaceAllString(mustRun(t, 0, args...).stdout, "${1}COMPUTED")
				path := filepath.Join("testdata", "report", name+"."+format)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("debrief %s differs from %s (run with -update to accept):\n%s", strings.Join(args, " "), path, got)
				}
			})
		}
	}
}

// computed matches when a report was computed, which the tests cannot fix.
var computed = regexp.MustCompile(`(computed |"computed": )("?)\d{4}-\d\d-\d\d[ T][0-9:.]+(Z|[+-]\d\d:\d\d| UTC)"?`)

// TestReportDoneWhen: the figures a newcomer should find, from the command
// line as on the dashboards.
func TestReportDoneWhen(t *testing.T) {
	data := demoArchive(t)
	load := mustRun(t, 0, "report", "load", "--time-zone", "Europe/Amsterdam", data).stdout
	oncall := mustRun(t, 0, "report", "oncall", "--team", "Logistics", "--time-zone", "Europe/Amsterdam", data).stdout
	kinds := mustRun(t, 0, "report", "kinds", data).stdout
	for _, tt := range []struct{ report, text, want string }{
		{"load", load, "reactive 2026-W08 to 2026-W12 (5 weeks)"},
		{"oncall", oncall, "DispatchQueueLagHigh (dispatch): 308 pages, 93 in sleep hours"},
		{"kinds", kinds, "came back."},
	} {
		if !strings.Contains(tt.text, tt.want) {
			t.Errorf("report %s lacks %q:\n%s", tt.report, tt.want, tt.text)
		}
	}
	for _, leak := range []string{"PM-2026-018", "Credential-stuffing"} {
		if strings.Contains(load+oncall+kinds, leak) {
			t.Errorf("a report names the restricted postmortem: %q", leak)
		}
	}
}

func TestReportUsage(t *testing.T) {
	data := "--data=" + t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "load", "--format", "xml"}, `format "xml": use text, json or csv`},
		{[]string{"report", "load", "--from", "2026-01-01"}, "give --from and --to together"},
		{[]string{"report", "load", "--from", "2026-03-01", "--to", "2026-01-01"}, "the period ends on 2026-01-01, before it starts on 2026-03-01"},
		{[]string{"report", "load", "--from", "2026-02-30", "--to", "2026-03-01"}, `--from: "2026-02-30" is not a date`},
		{[]string{"report", "oncall", "--time-zone", "Mars/Olympus"}, `--time-zone "Mars/Olympus" is not an IANA zone`},
		{[]string{"pages", "import"}, "give the source with --from"},
		{[]string{"pages", "import", "--from", "splunk"}, `--from "splunk": choose pagerduty, opsgenie, oncall or csv`},
		{[]string{"pages", "import", "--from", "csv"}, "--from csv reads a FILE"},
		{[]string{"pages", "import", "--from", "opsgenie", "x.json"}, "--from opsgenie reads the API, not a file"},
	} {
		r := debriefCmd(t, "", append(tt.args, data)...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("debrief %s: exit %d, stderr %q; want 2 and %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
}

func TestPagesImportCSV(t *testing.T) {
	dir := t.TempDir()
	data := "--data=" + dir
	file := filepath.Join(dir, "pages.csv")
	csv := "Created At,Title,Team\n2026-02-09 05:02,DispatchQueueLagHigh,Logistics Ops\n2026-02-09 06:00,,Logistics Ops\nnot a time,X,Logistics Ops\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"pages", "import", "--from", "csv", file, "--column", "triggered=Created At", "--column", "alert=Title",
		"--team-map", "Logistics Ops=logistics", "--time-zone", "Europe/Amsterdam", data}
	r := mustRun(t, 1, args...)
	if !strings.Contains(r.stdout, "imported 1 pages, skipped 2") || !strings.Contains(r.stderr, "line 3: skipped:") || !strings.Contains(r.stderr, "line 4: skipped:") {
		t.Errorf("stdout %q\nstderr %q", r.stdout, r.stderr)
	}
	// Again: nothing new.
	mustRun(t, 1, args...)
	out := mustRun(t, 0, "report", "oncall", "--from", "2026-02-09", "--to", "2026-02-09", "--time-zone", "Europe/Amsterdam", data).stdout
	if !strings.Contains(out, "logistics, 2026-02-09 to 2026-02-16 (Europe/Amsterdam)") || !strings.Contains(out, "DispatchQueueLagHigh: 1 page, 1 in sleep hours") {
		t.Errorf("report after the import:\n%s", out)
	}
}
