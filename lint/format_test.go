package lint

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n%s", name, got)
	}
}

func goldenFindings(t *testing.T) []Finding {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "golden", "draft.md"))
	if err != nil {
		t.Fatal(err)
	}
	fs := mustLinter(t).Lint("testdata/golden/draft.md", src)
	if len(fs) < 8 {
		t.Fatalf("the golden draft should have many findings, got %d", len(fs))
	}
	return fs
}

func TestGoldenFormats(t *testing.T) {
	fs := goldenFindings(t)
	for _, tt := range []struct {
		format, file string
		color        bool
	}{
		{"text", "draft.text", false},
		{"text", "draft.color.text", true},
		{"json", "draft.json", false},
		{"sarif", "draft.sarif", false},
		{"github", "draft.github", false},
	} {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFindings(&buf, tt.format, fs, tt.color, nil); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, buf.Bytes())
		})
	}
}

func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("clean JSON output is %q, want []", buf.String())
	}
}

func TestJSONFields(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, goldenFindings(t)[:1]); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "suggestion"} {
		if _, ok := got[0][k]; !ok {
			t.Errorf("JSON finding lacks %q: %v", k, got[0])
		}
	}
}

func TestSARIFStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, goldenFindings(t), Rules(), "1.0.0"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID                   string         `json:"id"`
						ShortDescription     map[string]any `json:"shortDescription"`
						Help                 map[string]any `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "debrief" || len(run.Tool.Driver.Rules) != len(Rules()) {
		t.Errorf("driver %q with %d rules", run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "" || r.ShortDescription["text"] == "" || r.Help["text"] == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule metadata incomplete: %+v", r)
		}
	}
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	levels := map[string]bool{"error": true, "warning": true, "note": true}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID || !levels[r.Level] || r.Message.Text == "" || len(r.Locations) != 1 {
			t.Errorf("bad result %+v", r)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "testdata/golden/draft.md" || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 ||
			loc.Region.EndLine < loc.Region.StartLine || loc.Region.EndLine == loc.Region.StartLine && loc.Region.EndColumn < loc.Region.StartColumn {
			t.Errorf("bad location %+v", loc)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	f := Finding{Path: "a,b:c%.md", Line: 2, Column: 3, EndLine: 2, EndColumn: 9, Rule: idOmission, Severity: Warning,
		Message: "100% \"Marco forgot\"\nsecond line", Suggestion: "Say what\r\nhe saw."}
	if err := WriteGitHub(&buf, []Finding{f, {Path: "x.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: idSingleCause, Severity: Info, Message: "m"}}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=9,title=blame.person-omission::100%25 \"Marco forgot\"%0Asecond line%0ASay what%0D%0Ahe saw.\n" +
		"::notice file=x.md,line=1,col=1,endLine=1,endColumn=2,title=root-cause.single-cause::m\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestTextFormat(t *testing.T) {
	var buf bytes.Buffer
	f := Finding{Path: "p.md", Line: 3, Column: 7, Rule: idOmission, Severity: Warning, Message: "why", Suggestion: "what instead"}
	if err := WriteText(&buf, []Finding{f}, false); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "p.md:3:7: warning blame.person-omission: why\n    suggestion: what instead\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	buf.Reset()
	if err := WriteText(&buf, []Finding{f}, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\x1b[") {
		t.Error("colour output has no escape codes")
	}
}
