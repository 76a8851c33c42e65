package lint

import (
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief/config"
)

func TestConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  config.Lint
		src  string
		want string // rule:severity of each finding
	}{
		{"default", config.Lint{}, "Marco forgot it.", idOmission + ":warning"},
		{"rule off", config.Lint{Rules: map[string]string{idOmission: "off"}}, "Marco forgot it.", ""},
		{"category off", config.Lint{Rules: map[string]string{"blame": "off"}}, "Marco forgot it. The root cause was X.", idSingleCause + ":warning"},
		{"re-level", config.Lint{Rules: map[string]string{idOmission: "error"}}, "Marco forgot it.", idOmission + ":error"},
		{"rule wins over category", config.Lint{Rules: map[string]string{"blame": "off", idOmission: "info"}}, "Marco forgot it. He was careless.", idOmission + ":info"},
		{"extra role", config.Lint{Roles: []string{"release captain"}}, "The captain ignored the page.", idOmission + ":warning"},
		{"extra role word", config.Lint{Roles: []string{"fletcher"}}, "The fletcher ignored the page.", idOmission + ":warning"},
		{"unknown role word", config.Lint{}, "The fletcher ignored the page.", ""},
		{"accepted name", config.Lint{Accept: []string{"Marco"}}, "Marco forgot it.", ""},
		{"accepted phrase", config.Lint{Accept: []string{"Careless Whisper"}}, "The Careless Whisper job ran.", ""},
		{"accepted word elsewhere", config.Lint{Accept: []string{"Marco"}}, "Raj forgot it.", idOmission + ":warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range l.Lint("c.md", []byte(tt.src)) {
				got = append(got, f.Rule+":"+f.Severity.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	for _, rules := range []map[string]string{
		{"blame.no-such-rule": "off"},
		{"blam": "warning"},
		{idOmission: "loud"},
	} {
		if _, err := New(config.Lint{Rules: rules}); err == nil {
			t.Errorf("%v: want an error", rules)
		}
	}
}

func TestRulesDocumented(t *testing.T) {
	if n := len(sentenceRules) + len(docRules) + 2; len(Rules()) != n { // and the models' rules
		t.Fatalf("Rules() lists %d rules, the engine has %d", len(Rules()), n)
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if r.Description == "" || r.Example == "" || r.Rewrite == "" || !strings.HasPrefix(r.ID, string(r.Category)+".") {
			t.Errorf("%s: incomplete documentation %+v", r.ID, r)
		}
	}
	// Every sentence rule flags its own example and not its rewrite.
	l := mustLinter(t)
	for _, r := range append(slices.Clone(sentenceRules), modelRule, causeModelRule) {
		found := false
		for _, f := range l.Lint("x.md", []byte(r.info.Example)) {
			found = found || f.Rule == r.info.ID
		}
		if !found {
			t.Errorf("%s does not flag its example %q", r.info.ID, r.info.Example)
		}
		if fs := l.Lint("x.md", []byte(r.info.Rewrite)); len(fs) > 0 {
			t.Errorf("%s: the rewrite %q is flagged: %v", r.info.ID, r.info.Rewrite, fs)
		}
	}
}
