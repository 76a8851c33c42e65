package web

import (
	"cmp"
	"slices"

	"github.com/debrief/debrief/lint"
)

// FindingsFunc lints one postmortem file. It must be safe for concurrent
// use.
type FindingsFunc func(path string, src []byte) ([]lint.Finding, error)

// lintCounts sums findings by category for the archive's lint status.
type lintCounts struct {
	Checked   bool // false when the server has no linter
	Blame     int
	RootCause int
	Structure int
}

// Clean reports whether the linter found nothing about blame or root cause.
func (c lintCounts) Clean() bool { return c.Blame == 0 && c.RootCause == 0 }

func countFindings(fs []lint.Finding) lintCounts {
	c := lint.Count(fs)
	return lintCounts{Checked: true, Blame: c.Blame, RootCause: c.RootCause, Structure: c.Structure}
}

func sortFindings(fs []lint.Finding) {
	slices.SortStableFunc(fs, func(a, b lint.Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}
