package web

import (
	"cmp"
	"slices"
)

// Finding is one lint finding as the pages show it: the JSON of
// `debrief lint --format json`. Positions are 1-based; columns count
// characters, and EndColumn is the column just after the flagged text.
type Finding struct {
	Path       string `json:"path"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"end_line"`
	EndColumn  int    `json:"end_column"`
	Rule       string `json:"rule"`
	Category   string `json:"category"` // blame, root-cause or structure
	Severity   string `json:"severity"` // error, warning or info
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// FindingsFunc lints one postmortem file. It must be safe for concurrent
// use.
type FindingsFunc func(path string, src []byte) ([]Finding, error)

// lintCounts sums findings by category for the archive's lint status.
type lintCounts struct {
	Checked   bool // false when the server has no linter
	Blame     int
	RootCause int
	Structure int
}

// Clean reports whether the linter found nothing about blame or root cause.
func (c lintCounts) Clean() bool { return c.Blame == 0 && c.RootCause == 0 }

func countFindings(fs []Finding) lintCounts {
	c := lintCounts{Checked: true}
	for _, f := range fs {
		switch f.Category {
		case "blame":
			c.Blame++
		case "root-cause":
			c.RootCause++
		default:
			c.Structure++
		}
	}
	return c
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}
