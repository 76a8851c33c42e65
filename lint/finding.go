package lint

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
)

// Severity ranks a finding. The zero value is Info.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return Info, fmt.Errorf("severity %q is not one of error, warning, info", s)
}

// MarshalText writes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Category groups rules by what they look for.
type Category string

// The categories of rules.
const (
	Blame     Category = "blame"
	RootCause Category = "root-cause"
	Structure Category = "structure"
)

// Categories lists the rule categories.
var Categories = []Category{Blame, RootCause, Structure}

// Counts are findings counted by category.
type Counts struct {
	Blame, RootCause, Structure int
}

// Count counts findings by category; any category other than blame and
// root cause counts as structure.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Category {
		case Blame:
			c.Blame++
		case RootCause:
			c.RootCause++
		default:
			c.Structure++
		}
	}
	return c
}

// Finding is one problem in a file. Positions are 1-based; columns count
// characters, not bytes, and EndColumn is the column just after the last
// character of the flagged text, as in SARIF.
type Finding struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Rule      string   `json:"rule"`
	Category  Category `json:"category"`
	Severity  Severity `json:"severity"`
	// Message says in one line what is wrong and why it hurts learning.
	Message string `json:"message"`
	// Suggestion is a concrete rewrite or next step; it may be empty.
	Suggestion string `json:"suggestion"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s: %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message)
}

// RuleInfo documents one rule for --list-rules, SARIF and the web app.
type RuleInfo struct {
	ID       string   `json:"id"`
	Category Category `json:"category"`
	// Severity is the default severity; .debrief.yaml can change it.
	Severity    Severity `json:"severity"`
	Description string   `json:"description"`
	// Example is a sentence (or for structure rules a situation) the rule
	// flags, and Rewrite what to write instead.
	Example string `json:"example"`
	Rewrite string `json:"rewrite"`
}

// MaxSeverity returns the highest severity among the findings, and false
// when there are none.
func MaxSeverity(fs []Finding) (Severity, bool) {
	if len(fs) == 0 {
		return Info, false
	}
	m := Info
	for _, f := range fs {
		m = max(m, f.Severity)
	}
	return m, true
}

// sortFindings orders findings by position, then rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
		)
	})
}

var _ json.Marshaler = (*jsonFindings)(nil)

// jsonFindings marshals as an array, never null.
type jsonFindings []Finding

func (j jsonFindings) MarshalJSON() ([]byte, error) {
	if j == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Finding(j))
}
