package lint

import (
	"strings"
	"testing"
)

// fullPM is a complete, clean postmortem; tests break one thing at a time.
const fullPM = `---
id: PM-2026-014
title: Checkout errors after the certificate expired
severity: SEV2
status: published
review_date: 2026-03-12
contributing_factors:
  - category: automation
    description: Renewal ran only for internal certificates.
  - category: detection
    description: The expiry alert watched the origin certificate.
action_items:
  - id: ACT-231
    title: Renew every edge certificate through one job
    owner_team: platform
    effort_days: 5
    value: 5
    due: 2026-04-15
---

# Checkout errors after the certificate expired

## Summary

The certificate on the load balancer expired and checkout failed for 51 minutes.

## Timeline

- 02:14 — The certificate expires.
- 02:21 — The error-rate alert pages the on-call engineer.

## Contributing factors

- Renewal ran only for internal certificates.
- The expiry alert watched the origin certificate.

## What was missing

- An alert on the load balancer's certificate.

## What behaved unexpectedly

- The vendor certificate was not in the renewal job's list.

## Assumptions proven wrong

- Every certificate was renewed by the internal job.
`

// structureFindings returns the structure rules found in src, with positions.
func structureFindings(t *testing.T, src string) []Finding {
	t.Helper()
	var out []Finding
	for _, f := range mustLinter(t).Lint("pm.md", []byte(src)) {
		if f.Category == Structure {
			out = append(out, f)
		}
	}
	return out
}

func TestStructure(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		rule string
		line int
	}{
		{"complete postmortem", func(s string) string { return s }, "", 0},
		{"missing section", func(s string) string {
			return strings.Replace(s, "## Assumptions proven wrong\n\n- Every certificate was renewed by the internal job.\n", "", 1)
		}, idMissingSection, 21},
		{"empty section with template comment", func(s string) string {
			return strings.Replace(s, "- An alert on the load balancer's certificate.", "<!-- The tools, alerts, docs and safeguards -->", 1)
		}, idEmptySection, 37},
		{"empty section at the end", func(s string) string {
			return strings.Replace(s, "- Every certificate was renewed by the internal job.\n", "", 1)
		}, idEmptySection, 45},
		{"one factor without a reason", func(s string) string {
			s = strings.Replace(s, "  - category: detection\n    description: The expiry alert watched the origin certificate.\n", "", 1)
			return strings.Replace(s, "- The expiry alert watched the origin certificate.\n", "", 1)
		}, idFewFactors, 8},
		{"action item without effort and value", func(s string) string {
			return strings.Replace(s, "    effort_days: 5\n    value: 5\n", "", 1)
		}, idActionItem, 13},
		{"published without review date", func(s string) string {
			return strings.Replace(s, "review_date: 2026-03-12\n", "", 1)
		}, idNoReviewDate, 5},
		{"timeline without times", func(s string) string {
			return strings.NewReplacer("- 02:14 — ", "- ", "- 02:21 — ", "- ").Replace(s)
		}, idTimelineNoTimes, 27},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := structureFindings(t, tt.edit(fullPM))
			if tt.rule == "" {
				if len(fs) > 0 {
					t.Fatalf("want no structure finding, got %v", fs)
				}
				return
			}
			if len(fs) != 1 || fs[0].Rule != tt.rule || fs[0].Line != tt.line {
				t.Fatalf("want one %s on line %d, got %v", tt.rule, tt.line, fs)
			}
		})
	}
}

func TestFewFactorsReason(t *testing.T) {
	src := strings.Replace(fullPM, "  - category: detection\n    description: The expiry alert watched the origin certificate.\n", "", 1)
	src = strings.Replace(src, "- The expiry alert watched the origin certificate.\n", "Only one factor: the alert fired as designed, so detection is not one.\n", 1)
	if fs := structureFindings(t, src); len(fs) != 0 {
		t.Errorf("a stated reason must silence few-factors, got %v", fs)
	}
}

func TestStructureNeedsFrontMatter(t *testing.T) {
	if fs := structureFindings(t, "# Notes\n\n## Timeline\n\nNothing yet.\n"); len(fs) != 0 {
		t.Errorf("a file without front matter gets no structure checks, got %v", fs)
	}
}

func TestDraftWithoutReviewDate(t *testing.T) {
	src := strings.Replace(strings.Replace(fullPM, "status: published", "status: draft", 1), "review_date: 2026-03-12\n", "", 1)
	if fs := structureFindings(t, src); len(fs) != 0 {
		t.Errorf("a draft needs no review date, got %v", fs)
	}
}
