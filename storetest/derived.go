package storetest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// countBlame is a linter for the tests: a blame finding for every "fault"
// in the file, and its fingerprint.
func countBlame(fingerprint string) debrief.LintCounter {
	return debrief.LintCounter{Fingerprint: fingerprint, Count: func(_ string, file []byte) debrief.LintCounts {
		return debrief.LintCounts{Blame: bytes.Count(file, []byte("fault")), Structure: 1}
	}}
}

// testReadOnce checks what the store derives when it writes, so that reads
// need not: FindByID returns the stored file, and lists carry the time
// to resolve and the linter's counts, made again when the linter changes.
func testReadOnce(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors", func(p *debrief.Postmortem) {
		p.Resolved = p.Started.Add(90 * time.Minute)
		p.Body += "\nIt was the operator's fault.\n"
	})
	mustCreate(t, s, p)
	got, err := s.FindByID(ctx, admin, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := markdown.Write(p); !bytes.Equal(got.File, want) {
		t.Errorf("FindByID's file:\n%s\nwant the canonical file:\n%s", got.File, want)
	}
	summary := func() *debrief.PostmortemSummary {
		t.Helper()
		page, err := s.Find(ctx, admin, debrief.PostmortemFilter{})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("list: %v, %v", page, err)
		}
		return page.Items[0]
	}
	sum := summary()
	if ttr, ok := sum.TimeToResolve(); !ok || ttr != 90*time.Minute {
		t.Errorf("the list's time to resolve = %v, %v; want 1h30m", ttr, ok)
	}
	if sum.Lint != nil {
		t.Errorf("counts %+v without a linter", *sum.Lint)
	}
	if err := s.UseLinter(ctx, countBlame("one")); err != nil {
		t.Fatal(err)
	}
	if sum := summary(); sum.Lint == nil || *sum.Lint != (debrief.LintCounts{Blame: 1, Structure: 1}) {
		t.Errorf("counts after UseLinter = %+v, want the stored postmortem counted", sum.Lint)
	}
	p.Body = strings.Replace(p.Body, "operator's fault", "fault of the operator, a fault", 1)
	if err := s.Update(ctx, admin, p, 1); err != nil {
		t.Fatal(err)
	}
	if sum := summary(); sum.Lint == nil || sum.Lint.Blame != 2 {
		t.Errorf("counts after an update = %+v, want them counted at the write", sum.Lint)
	}
	if err := s.UseLinter(ctx, debrief.LintCounter{Fingerprint: "two", Count: func(string, []byte) debrief.LintCounts {
		return debrief.LintCounts{RootCause: 3}
	}}); err != nil {
		t.Fatal(err)
	}
	if sum := summary(); sum.Lint == nil || *sum.Lint != (debrief.LintCounts{RootCause: 3}) {
		t.Errorf("counts after another linter = %+v, want them counted again", sum.Lint)
	}
}
