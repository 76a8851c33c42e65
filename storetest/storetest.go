// Package storetest is the contract that every debrief.Store keeps: one
// suite of tests that the sqlite and postgres packages each run against
// their own store, so that both behave the same.
//
// A store package calls Run from a test with a function that opens a new,
// empty, migrated store for one test and closes it when the test ends:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
//	}
package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// Opener returns a new, empty, migrated store and closes it when t ends.
type Opener func(t *testing.T) debrief.Store

// Run runs the whole contract against the stores that open returns. Each
// test gets its own store.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"CreateAndFind", testCreateAndFind},
		{"CreateRefusesTakenID", testCreateRefusesTakenID},
		{"CreateTakenIDNamesNothing", testCreateTakenIDNamesNothing},
		{"NextID", testNextID},
		{"CreateRefusesInvalid", testCreateRefusesInvalid},
		{"Update", testUpdate},
		{"UpdateConflict", testUpdateConflict},
		{"UpdateConcurrent", testUpdateConcurrent},
		{"UpdateIdenticalKeepsVersion", testUpdateIdenticalKeepsVersion},
		{"Import", testImport},
		{"ImportBatch", testImportBatch},
		{"ImportPrepared", testImportPrepared},
		{"SharedActionItems", testSharedActionItems},
		{"OrphanItemsGo", testOrphanItemsGo},
		{"SharedOutsiderCannotLink", testSharedOutsiderCannotLink},
		{"SharedAudienceMustMatch", testSharedAudienceMustMatch},
		{"References", testReferences},
		{"RelatedMustExist", testRelatedMustExist},
		{"ReadOnce", testReadOnce},
		{"KeptFindings", testKeptFindings},
		{"SharedRefusalNamesTheField", testSharedRefusalNamesTheField},
		{"Delete", testDelete},
		{"Export", testExport},
		{"ListOrder", testListOrder},
		{"Pagination", testPagination},
		{"BadCursor", testBadCursor},
		{"Filters", testFilters},
		{"SearchRanking", testSearchRanking},
		{"SearchPhrase", testSearchPhrase},
		{"SearchExclusion", testSearchExclusion},
		{"SearchSnippet", testSearchSnippet},
		{"SearchHostileText", testSearchHostileText},
		{"SearchHotDocument", testSearchHotDocument},
		{"SearchFollowsUpdates", testSearchFollowsUpdates},
		{"RestrictedGet", testRestrictedGet},
		{"RestrictedLists", testRestrictedLists},
		{"RestrictedSimilar", testRestrictedSimilar},
		{"RestrictedUpdate", testRestrictedUpdate},
		{"RestrictedExport", testRestrictedExport},
		{"RestrictedRanking", testRestrictedRanking},
		{"Similar", testSimilar},
		{"SimilarToDraft", testSimilarToDraft},
		{"SimilarActionProgress", testSimilarActionProgress},
		{"SimilarLists", testSimilarLists},
		{"SimilarListsRestricted", testSimilarListsRestricted},
		{"ExamplesRoundTrip", testExamplesRoundTrip},
		{"ExamplesFamilies", testExamplesFamilies},
		{"ExamplesFamiliesUnlinked", testExamplesFamiliesUnlinked},
		{"ExamplesCounts", testExamplesCounts},
		{"Families", testFamilies},
		{"Recurrences", testRecurrences},
		{"RecurrencesThroughItem", testRecurrencesThroughItem},
		{"ConfirmedKinds", testConfirmedKinds},
		{"SameTitle", testSameTitle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

// RunSearch runs the part of the contract that searches and lists: for a
// store whose searches change their way of working with the archive's
// size, run with the thresholds lowered.
func RunSearch(t *testing.T, open Opener) {
	for _, tt := range []struct {
		name string
		fn   func(t *testing.T, open Opener)
	}{
		{"ListOrder", testListOrder},
		{"Pagination", testPagination},
		{"Filters", testFilters},
		{"SearchRanking", testSearchRanking},
		{"SearchPhrase", testSearchPhrase},
		{"SearchExclusion", testSearchExclusion},
		{"SearchSnippet", testSearchSnippet},
		{"SearchHostileText", testSearchHostileText},
		{"SearchHotDocument", testSearchHotDocument},
		{"SearchFollowsUpdates", testSearchFollowsUpdates},
		{"RestrictedLists", testRestrictedLists},
		{"RestrictedRanking", testRestrictedRanking},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open) })
	}
}

var ctx = context.Background()

// Viewers used across the tests.
var (
	anonymous      = debrief.Viewer{User: "anon"}
	admin          = debrief.Viewer{User: "admin", Admin: true}
	securityMember = debrief.Viewer{User: "sam", Teams: []string{"Security"}}
	payments       = debrief.Viewer{User: "pat", Teams: []string{"payments"}}
)

// body is a complete, valid postmortem body around a summary.
func body(title, summary string) string {
	return fmt.Sprintf(`# %s

## Summary
%s

## Impact
Requests failed for forty minutes.

## Timeline
- 02:14 — The first alert fires.
- 02:40 — The responders roll back.

## Contributing factors
See the front matter.

## What was missing
An alert on the right signal.

## What behaved unexpectedly
The status page took a minute to update.

## Assumptions proven wrong
That the fallback was tested.

## On-call and paging
One page, answered in two minutes.

## What went well
The rollback was quick.

## Lessons
Test the fallback.
`, title, summary)
}

// pm returns a valid postmortem with the given id and title; options change
// it further.
func pm(id, title string, opts ...func(*debrief.Postmortem)) *debrief.Postmortem {
	p := &debrief.Postmortem{
		ID:       id,
		Title:    title,
		Severity: debrief.SEV3,
		Status:   debrief.StatusPublished,
		Teams:    []string{"platform"},
		Services: []string{"api-gateway"},
		Started:  time.Date(2025, 3, 3, 2, 14, 0, 0, time.UTC),
		Trigger:  "A deploy changed the gateway configuration.",
		ContributingFactors: []debrief.ContributingFactor{
			{Category: "change", Description: "The deploy pipeline applied the change to every region at once."},
		},
	}
	p.Body = body(title, "The gateway returned errors after a deploy.")
	for _, o := range opts {
		o(p)
	}
	return p
}

func started(s string) func(*debrief.Postmortem) {
	return func(p *debrief.Postmortem) {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		p.Started = t
	}
}

func summary(s string) func(*debrief.Postmortem) {
	return func(p *debrief.Postmortem) { p.Body = body(p.Title, s) }
}

func teams(ts ...string) func(*debrief.Postmortem) {
	return func(p *debrief.Postmortem) { p.Teams = ts }
}

func services(ss ...string) func(*debrief.Postmortem) {
	return func(p *debrief.Postmortem) { p.Services = ss }
}

func restricted(p *debrief.Postmortem) { p.Restricted = true }

// mustCreate stores postmortems and fails the test on any error.
func mustCreate(t *testing.T, s debrief.Store, pms ...*debrief.Postmortem) {
	t.Helper()
	for _, p := range pms {
		if err := s.Create(ctx, admin, p); err != nil {
			t.Fatalf("create %s: %v", p.ID, err)
		}
	}
}

// mustFind runs a search box query as v and fails the test on any error.
func mustFind(t *testing.T, s debrief.Store, v debrief.Viewer, query string) *debrief.PostmortemPage {
	t.Helper()
	f, err := debrief.ParseQuery(query)
	if err != nil {
		t.Fatalf("parse %q: %v", query, err)
	}
	f.Limit = debrief.MaxLimit
	page, err := s.Find(ctx, v, f)
	if err != nil {
		t.Fatalf("find %q: %v", query, err)
	}
	return page
}

func ids(page *debrief.PostmortemPage) []string {
	out := []string{}
	for _, s := range page.Items {
		out = append(out, s.ID)
	}
	return out
}

func similarIDs(sims []*debrief.SimilarPostmortem) []string {
	out := []string{}
	for _, s := range sims {
		out = append(out, s.ID)
	}
	return out
}

// wantCode fails the test unless err has the application error code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := debrief.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// sameFile fails the test unless two postmortems have the same canonical
// file.
func sameFile(t *testing.T, got, want *debrief.Postmortem) {
	t.Helper()
	g, w := markdown.Write(got), markdown.Write(want)
	if string(g) != string(w) {
		t.Fatalf("stored postmortem differs:\n--- got\n%s\n--- want\n%s", g, w)
	}
}
