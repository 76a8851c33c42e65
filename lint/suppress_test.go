package lint

import (
	"fmt"
	"strings"
	"testing"
)

func TestSuppression(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // rule@line
	}{
		{"none", "Marco forgot the flag.\n", []string{idOmission + "@1"}},
		{"next line by id", "<!-- debrief-disable-next-line blame.person-omission -->\nMarco forgot the flag.\n", nil},
		{"next line by category", "<!-- debrief-disable-next-line blame -->\nMarco forgot the flag.\n", nil},
		{"next line, all rules", "<!-- debrief-disable-next-line -->\nMarco forgot the flag. The root cause was X.\n", nil},
		{"next line, other rule", "<!-- debrief-disable-next-line root-cause -->\nMarco forgot the flag.\n", []string{idOmission + "@2"}},
		{"next line only", "<!-- debrief-disable-next-line -->\nMarco forgot the flag.\n\nMarco forgot the flag.\n", []string{idOmission + "@4"}},
		{"next line skips blanks", "<!-- debrief-disable-next-line -->\n\nMarco forgot the flag.\n", nil},
		{"two rules", "<!-- debrief-disable-next-line blame.person-omission, root-cause.single-cause -->\nMarco forgot. The root cause was X.\n", nil},
		{"range", "<!-- debrief-disable blame -->\nMarco forgot it.\n\nRaj forgot it.\n<!-- debrief-enable blame -->\nLena forgot it.\n", []string{idOmission + "@6"}},
		{"range without enable", "Before: Marco forgot it.\n<!-- debrief-disable -->\nRaj forgot it.\n", []string{idOmission + "@1"}},
		{"inline comment", "Marco forgot it. <!-- debrief-disable-next-line -->\nRaj forgot it.\n", []string{idOmission + "@1"}},
		{"not a directive", "<!-- note: Marco forgot -->\nRaj forgot it.\n", []string{idOmission + "@2"}},
	}
	l := mustLinter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range l.Lint("s.md", []byte(tt.src)) {
				got = append(got, fmt.Sprintf("%s@%d", f.Rule, f.Line))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSuppressFrontMatterFinding(t *testing.T) {
	src := strings.Replace(fullPM, "review_date: 2026-03-12\n", "", 1)
	src = strings.Replace(src, "# Checkout errors", "<!-- debrief-disable structure.no-review-date -->\n# Checkout errors", 1)
	if fs := structureFindings(t, src); len(fs) != 0 {
		t.Errorf("an unclosed debrief-disable must cover the front matter, got %v", fs)
	}
}
