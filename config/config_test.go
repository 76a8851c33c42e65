package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
