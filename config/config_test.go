package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFinderFindsNearestUpward(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "taxonomy:\n  categories: [compliance]\n")
	write(t, filepath.Join(root, "team", "sub", FileName), "lint:\n  roles: [release captain]\n")
	write(t, filepath.Join(root, "team", "sub", "deeper", "pm.md"), "")
	write(t, filepath.Join(root, "other", "pm.md"), "")

	var f Finder
	c, err := f.For(filepath.Join(root, "team", "sub", "deeper", "pm.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(c.Path, filepath.Join("team", "sub", FileName)) || len(c.Lint.Roles) != 1 {
		t.Errorf("nearest config: got %q %+v", c.Path, c.Lint)
	}
	// The nearest file wins whole: settings are not merged with the ones above.
	if c.CategoryTaxonomy().Has("compliance") {
		t.Error("a nearer file should replace the one above, not merge with it")
	}
	c, err = f.For(filepath.Join(root, "other", "pm.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.CategoryTaxonomy().Has("compliance") || !c.CategoryTaxonomy().Has("change") {
		t.Errorf("root config: taxonomy lacks compliance or the defaults: %v", c.CategoryTaxonomy().Categories())
	}
	c, err = f.For(filepath.Join(root, "other"))
	if err != nil || c.Path != filepath.Join(root, FileName) {
		t.Errorf("folder path: %q, %v", c.Path, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "taxonomy:\n  categorie: [x]\n", "line 2: field categorie not found"},
		{"bad level", "lint:\n  rules: {blame: loud}\n", `rule level "loud" is not one of off, error, warning, info`},
		{"not yaml", "lint: [\n", "c.yaml: yaml:"},
		{"new kind without a name", "kinds:\n  - id: payroll-cutoff\n    signals: [payroll]\n", `a new kind "payroll-cutoff" needs a name and a definition`},
		{"bad kind id", "kinds:\n  - id: Payroll Cutoff\n    name: P\n    definition: D\n", `kind id "Payroll Cutoff"`},
		{"bad signal", "kinds:\n  - id: cert-expiry\n    strong: [\"x*\"]\n", `prefix "x*" is too short`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if c, err := Parse("empty.yaml", nil); err != nil || c.Path != "empty.yaml" {
		t.Errorf("empty file: %+v, %v", c, err)
	}
}

func TestFinderReportsBrokenFile(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "lint: {rules: {x: loud}}\n")
	var f Finder
	if _, err := f.For(filepath.Join(root, "pm.md")); err == nil || !strings.Contains(err.Error(), FileName) {
		t.Errorf("broken config: %v, want an error naming the file", err)
	}
}

func TestKindsExtendTheDefaults(t *testing.T) {
	src := `kinds:
  - id: payroll-cutoff
    name: Payroll cut-off missed
    definition: A payroll file reached the bank after the day's cut-off.
    strong: ["payroll cutoff|cut", "bacs window"]
  - id: cert-expiry
    signals: [keychain]
`
	c, err := Parse("k.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ks := c.KindSet()
	if !ks.Has("payroll-cutoff") || !ks.Has("cert-expiry") || len(ks.Kinds()) != len(debrief.DefaultKinds().Kinds())+1 {
		t.Fatalf("kinds = %v", ks.IDs())
	}
	p := &debrief.Postmortem{Title: "Salaries late after the payroll cut-off was missed", Trigger: "The BACS window closed before the payroll file was sent."}
	if got := ks.Infer(p); len(got) == 0 || got[0].ID != "payroll-cutoff" {
		t.Errorf("inferred %+v, want payroll-cutoff", got)
	}
	if !c.CategoryTaxonomy().HasKind("payroll-cutoff") || debrief.DefaultTaxonomy().HasKind("payroll-cutoff") {
		t.Error("the taxonomy does not carry the file's kinds")
	}
}

func TestFollowThroughSettings(t *testing.T) {
	src := `score: {recurred: 2, severity: {SEV1: 20}}
reminders:
  base_url: https://debrief.example.com
  teams:
    - team: payments
      email: [payments-leads@example.com]
trackers:
  github: {owner: larkspur, repo: ops, token: {env: GITHUB_TOKEN}}
`
	c, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	w, err := c.Weights()
	if err != nil || w.Recurred != 2 || w.Severity[debrief.SEV1] != 20 || w.Severity[debrief.SEV2] != 6 || w.HalfLifeDays != 180 {
		t.Errorf("weights %+v, %v", w, err)
	}
	if c.Reminders == nil || len(c.Reminders.Teams) != 1 || c.Trackers == nil || c.Trackers.GitHub.Owner != "larkspur" {
		t.Errorf("reminders %+v, trackers %+v", c.Reminders, c.Trackers)
	}
	for _, bad := range []string{"score: {recurred: 0.5}\n", "score: {severity: {SEV9: 1}}\n", "reminders: {teams: [{team: x, slack: y}]}\n"} {
		if _, err := Parse("f.yaml", []byte(bad)); err == nil {
			t.Errorf("Parse(%q) took it", bad)
		}
	}
}
