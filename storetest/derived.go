package storetest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// countBlame is a linter for the tests: a blame finding for every "fault"
// in the file, and its fingerprint. It keeps its findings as the
// fingerprint, the id and their count.
func countBlame(fingerprint string) debrief.LintCounter {
	return debrief.LintCounter{Fingerprint: fingerprint, Count: func(id string, file []byte) (debrief.LintCounts, []byte) {
		n := bytes.Count(file, []byte("fault"))
		return debrief.LintCounts{Blame: n, Structure: 1}, fmt.Appendf(nil, "%s:%s:%d", fingerprint, id, n)
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
	if err := s.UseLinter(ctx, debrief.LintCounter{Fingerprint: "two", Count: func(string, []byte) (debrief.LintCounts, []byte) {
		return debrief.LintCounts{RootCause: 3}, nil
	}}); err != nil {
		t.Fatal(err)
	}
	if sum := summary(); sum.Lint == nil || *sum.Lint != (debrief.LintCounts{RootCause: 3}) {
		t.Errorf("counts after another linter = %+v, want them counted again", sum.Lint)
	}
}

// testKeptFindings checks the findings the store keeps with each version,
// so that a page shows them without linting: those of the version asked
// for and of the linter in use, never a restricted postmortem's to an
// outsider, and again when the linter changes.
func testKeptFindings(t *testing.T, open Opener) {
	s := open(t)
	p := pm("PM-2025-001", "Gateway errors", restricted, func(p *debrief.Postmortem) {
		p.Teams = []string{"Security"}
		p.Body += "\nIt was the operator's fault.\n"
	})
	mustCreate(t, s, p)
	kept := func(v debrief.Viewer, version int) string {
		t.Helper()
		b, err := s.KeptFindings(ctx, v, p.ID, version)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := kept(admin, 1); got != "" {
		t.Errorf("kept findings without a linter = %q, want none", got)
	}
	if err := s.UseLinter(ctx, countBlame("one")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		v       debrief.Viewer
		version int
		want    string
	}{
		{"admin", admin, 1, "one:PM-2025-001:1"},
		{"member", securityMember, 1, "one:PM-2025-001:1"},
		{"outsider", payments, 1, ""},
		{"another version", admin, 2, ""},
	} {
		if got := kept(c.v, c.version); got != c.want {
			t.Errorf("%s: kept findings = %q, want %q", c.name, got, c.want)
		}
	}
	p.Body = strings.Replace(p.Body, "operator's fault", "fault of the operator, a fault", 1)
	if err := s.Update(ctx, admin, p, 1); err != nil {
		t.Fatal(err)
	}
	if got, want := kept(admin, 2), "one:PM-2025-001:2"; got != want {
		t.Errorf("after an update, kept findings = %q, want %q", got, want)
	}
	if got := kept(admin, 1); got != "" {
		t.Errorf("after an update, the first version's findings = %q, want none", got)
	}
	if err := s.UseLinter(ctx, countBlame("two")); err != nil {
		t.Fatal(err)
	}
	if got, want := kept(admin, 2), "two:PM-2025-001:2"; got != want {
		t.Errorf("after another linter, kept findings = %q, want %q", got, want)
	}
	if err := s.UseLinter(ctx, debrief.LintCounter{Fingerprint: "three", Count: func(string, []byte) (debrief.LintCounts, []byte) {
		return debrief.LintCounts{}, nil
	}}); err != nil {
		t.Fatal(err)
	}
	if got := kept(admin, 2); got != "" {
		t.Errorf("a linter that keeps nothing: kept findings = %q, want none", got)
	}
}
