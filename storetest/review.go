package storetest

import (
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// ReviewStore is a store that keeps review comments too.
type ReviewStore interface {
	debrief.Store
	debrief.ReviewService
}

// ReviewOpener returns a new, empty, migrated store with review comments,
// and closes it when t ends.
type ReviewOpener func(t *testing.T) ReviewStore

// RunReviews runs the review comments' contract against the stores that
// open returns.
func RunReviews(t *testing.T, open ReviewOpener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s ReviewStore)
	}{
		{"AddListResolve", testCommentsAddListResolve},
		{"Refused", testCommentsRefused},
		{"Restricted", testCommentsRestricted},
		{"SurviveUpdateGoWithDelete", testCommentsLifetime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

func testCommentsAddListResolve(t *testing.T, s ReviewStore) {
	mustCreate(t, s, pm("PM-2025-001", "Gateway errors after a deploy"), pm("PM-2025-002", "Queue lag"))
	first := &debrief.Comment{PostmortemID: "PM-2025-001", Section: "Summary", Quote: "The gateway returned errors after a deploy.", Body: "  Which deploy? Link it.  ", Author: "priya"}
	if err := s.AddComment(ctx, payments, first); err != nil {
		t.Fatal(err)
	}
	if first.ID == 0 || first.Created.IsZero() || first.Body != "Which deploy? Link it." {
		t.Fatalf("added %+v: want an id, a time and the text trimmed", first)
	}
	second := &debrief.Comment{PostmortemID: "PM-2025-001", Body: "Looks good overall.", Author: "lena"}
	other := &debrief.Comment{PostmortemID: "PM-2025-002", Body: "Another document.", Author: "lena"}
	for _, c := range []*debrief.Comment{second, other} {
		if err := s.AddComment(ctx, anonymous, c); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := s.Comments(ctx, anonymous, "PM-2025-001")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].ID != first.ID || cs[1].ID != second.ID {
		t.Fatalf("comments = %+v, want the two of PM-2025-001 oldest first", cs)
	}
	got := cs[0]
	if got.PostmortemID != "PM-2025-001" || got.Section != "Summary" || got.Quote != first.Quote || got.Body != first.Body ||
		got.Author != "priya" || !got.Created.Equal(first.Created) || got.Resolved {
		t.Errorf("read back %+v, stored %+v", got, first)
	}
	r, err := s.ResolveComment(ctx, debrief.Viewer{User: "dana"}, "PM-2025-001", first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Resolved || r.ResolvedBy != "dana" || r.ResolvedAt.IsZero() {
		t.Errorf("resolved %+v", r)
	}
	again, err := s.ResolveComment(ctx, debrief.Viewer{User: "sam"}, "PM-2025-001", first.ID)
	if err != nil || again.ResolvedBy != "dana" || !again.ResolvedAt.Equal(r.ResolvedAt) {
		t.Errorf("resolving twice: %+v %v, want the first resolution kept", again, err)
	}
	cs, _ = s.Comments(ctx, anonymous, "PM-2025-001")
	if len(cs) != 2 || !cs[0].Resolved || cs[1].Resolved {
		t.Errorf("after resolving: %+v", cs)
	}
}

func testCommentsRefused(t *testing.T, s ReviewStore) {
	mustCreate(t, s, pm("PM-2025-001", "Gateway errors after a deploy"))
	tests := []struct {
		name string
		c    debrief.Comment
		code string
		has  string
	}{
		{"empty", debrief.Comment{PostmortemID: "PM-2025-001", Body: "  \n ", Author: "a"}, debrief.EINVALID, "empty"},
		{"too long", debrief.Comment{PostmortemID: "PM-2025-001", Body: strings.Repeat("é", debrief.MaxCommentBody+1), Author: "a"}, debrief.EINVALID, "more than 4000"},
		{"no author", debrief.Comment{PostmortemID: "PM-2025-001", Body: "Hm."}, debrief.EINVALID, "no author"},
		{"unknown postmortem", debrief.Comment{PostmortemID: "PM-2025-404", Body: "Hm.", Author: "a"}, debrief.ENOTFOUND, "PM-2025-404"},
	}
	for _, tc := range tests {
		c := tc.c
		err := s.AddComment(ctx, admin, &c)
		if debrief.ErrorCode(err) != tc.code || !strings.Contains(debrief.ErrorMessage(err), tc.has) {
			t.Errorf("%s: %v (%s), want %s with %q", tc.name, err, debrief.ErrorCode(err), tc.code, tc.has)
		}
	}
	if _, err := s.ResolveComment(ctx, admin, "PM-2025-001", 999); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("resolving a comment that does not exist: %v", err)
	}
	if cs, err := s.Comments(ctx, admin, "PM-2025-001"); err != nil || len(cs) != 0 {
		t.Errorf("refused comments were stored: %+v %v", cs, err)
	}
}

func testCommentsRestricted(t *testing.T, s ReviewStore) {
	mustCreate(t, s, pm("PM-2025-001", "Leaked key", restricted, teams("security")))
	c := &debrief.Comment{PostmortemID: "PM-2025-001", Body: "Rotate the others too?", Author: "sam"}
	if err := s.AddComment(ctx, securityMember, c); err != nil {
		t.Fatal(err)
	}
	if err := s.AddComment(ctx, payments, &debrief.Comment{PostmortemID: "PM-2025-001", Body: "Hm.", Author: "pat"}); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("an outsider commented on a restricted postmortem: %v", err)
	}
	if cs, err := s.Comments(ctx, payments, "PM-2025-001"); debrief.ErrorCode(err) != debrief.ENOTFOUND || len(cs) != 0 {
		t.Errorf("an outsider read the comments of a restricted postmortem: %+v %v", cs, err)
	}
	if _, err := s.ResolveComment(ctx, payments, "PM-2025-001", c.ID); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("an outsider resolved a comment of a restricted postmortem: %v", err)
	}
	if cs, _ := s.Comments(ctx, securityMember, "PM-2025-001"); len(cs) != 1 || cs[0].Resolved {
		t.Errorf("the member's view: %+v", cs)
	}
}

func testCommentsLifetime(t *testing.T, s ReviewStore) {
	p := pm("PM-2025-001", "Gateway errors after a deploy")
	mustCreate(t, s, p)
	if err := s.AddComment(ctx, admin, &debrief.Comment{PostmortemID: p.ID, Body: "Which deploy?", Author: "priya"}); err != nil {
		t.Fatal(err)
	}
	p.Title = "Gateway errors after the 2.14 deploy"
	if err := s.Update(ctx, admin, p, p.Version); err != nil {
		t.Fatal(err)
	}
	if cs, err := s.Comments(ctx, admin, p.ID); err != nil || len(cs) != 1 {
		t.Fatalf("after an update: %+v %v, want the comment kept", cs, err)
	}
	if err := s.Delete(ctx, admin, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Comments(ctx, admin, p.ID); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("comments of a deleted postmortem: %v", err)
	}
}
