package lint

import (
	"os"
	"testing"
)

// TestFrontMatterProse checks that blame in the front matter's prose (title,
// trigger, factors, reasons, risks) is found at its place in the file, that
// plain, quoted and commented values are mapped right, and that plans and
// block scalars are left alone.
func TestFrontMatterProse(t *testing.T) {
	src, err := os.ReadFile("testdata/frontmatter.md")
	if err != nil {
		t.Fatal(err)
	}
	type at struct {
		line, col int
		rule      string
	}
	want := []at{
		{3, 29, "blame.human-error"},     // title, double-quoted
		{6, 10, "blame.person-omission"}, // trigger, plain, with a comment after it
		{9, 62, "blame.judgement"},       // factor description, single-quoted
	}
	var got []at
	for _, f := range mustLinter(t).Lint("fm.md", src) {
		if f.Category != Structure {
			got = append(got, at{f.Line, f.Column, f.Rule})
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

func TestValueSpan(t *testing.T) {
	tests := []struct {
		name, src string
		col       int
		want      string
		ok        bool
	}{
		{"plain", "trigger: The cert expired.\n", 10, "The cert expired.", true},
		{"comment", "trigger: The cert expired. # note\n", 10, "The cert expired.", true},
		{"double quoted", "title: \"A: b\"  \n", 8, "A: b", true},
		{"single quoted", "title: 'it''s'\n", 8, "it''s", true},
		{"block scalar", "reason: |\n  text\n", 9, "", false},
		{"flow list", "teams: [a]\n", 8, "", false},
		{"continued plain", "trigger: The cert\n  expired.\n", 10, "", false},
		{"next key", "trigger: The cert\n  next: x\n", 10, "The cert", true},
		{"unicode before", "trigger: Ünïcode fine\n", 10, "Ünïcode fine", true},
		{"past the end", "trigger:\n", 10, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := valueSpan([]byte(tt.src), 1, tt.col)
			if ok != tt.ok || (ok && tt.src[s.start:s.end] != tt.want) {
				t.Errorf("got %v %q, want %v %q", ok, tt.src[s.start:max(s.start, s.end)], tt.ok, tt.want)
			}
		})
	}
}
