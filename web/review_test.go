package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/debrief/debrief/lint"
)

// The review workflow over HTTP: a reviewer comments on a sentence,
// resolves it, approves from the page; someone who is not a reviewer
// cannot approve; the review pack lists the open questions, findings,
// similar incidents and overdue items of related postmortems.
func TestReviewWorkflow(t *testing.T) {
	app := newPageApp(t, false)
	eve, max := app.signedIn(t, "eve"), app.signedIn(t, "max")
	file := strings.NewReplacer("PM-2026-101", "PM-2026-103", "status: published", "status: draft",
		"tags: [tls]", "tags: [tls]\nrelated: [PM-2026-101]\nreviewers: [Max]").Replace(pageOpen)
	if r := eve.post("/new", editForm(file, 0)); r.status != 303 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}

	quote := "The on-call engineer failed to check the dashboard."
	r := max.api("POST", "/api/v1/postmortems/PM-2026-103/comments", "application/json",
		`{"section":"Summary","quote":"`+quote+`","body":"What did the dashboard show at 02:14?"}`, true)
	var c commentJSON
	if err := json.Unmarshal([]byte(r.body), &c); err != nil || r.status != 201 || c.ID == 0 || c.Author != "max" || c.Quote != quote {
		t.Fatalf("comment: %d %v %s", r.status, err, r.body)
	}
	for _, tc := range []struct {
		name, method, path, body string
		user                     *client
		status                   int
		has                      string
	}{
		{"empty comment", "POST", "/api/v1/postmortems/PM-2026-103/comments", `{"body":"  "}`, max, 400, "the comment is empty"},
		{"not JSON", "POST", "/api/v1/postmortems/PM-2026-103/comments", `body=x`, max, 400, "not a JSON comment"},
		{"unknown postmortem", "POST", "/api/v1/postmortems/PM-2026-999/comments", `{"body":"x"}`, max, 404, "not found"},
		{"restricted to outsiders", "GET", "/api/v1/postmortems/PM-2026-102/comments", "", max, 404, "not found"},
		{"a comment id that is no number", "POST", "/api/v1/postmortems/PM-2026-103/comments/x/resolve", "", max, 404, "whole-number ids"},
		{"list", "GET", "/api/v1/postmortems/PM-2026-103/comments", "", eve, 200, `"section":"Summary"`},
		{"not a reviewer", "POST", "/api/v1/postmortems/PM-2026-103/approvals", "", eve, 403, "eve is not among the reviewers"},
		{"the pack", "GET", "/api/v1/postmortems/PM-2026-103/review-pack", "", eve, 200, `"open_comments":[{"id":`},
	} {
		r := tc.user.api(tc.method, tc.path, "application/json", tc.body, true)
		if r.status != tc.status || !strings.Contains(r.body, tc.has) {
			t.Errorf("%s: %d %s, want %d with %q", tc.name, r.status, r.body, tc.status, tc.has)
		}
	}
	var pack struct {
		Findings []lint.Finding `json:"findings"`
		Overdue  []struct {
			PostmortemID string `json:"postmortem_id"`
			ID           string `json:"id"`
		} `json:"overdue_action_items"`
	}
	r = eve.api("GET", "/api/v1/postmortems/PM-2026-103/review-pack", "", "", false)
	if err := json.Unmarshal([]byte(r.body), &pack); err != nil {
		t.Fatal(err)
	}
	// The clock is at 2026-06-01: ACT-231 of the related PM-2026-101 was due on 2026-04-15, and this
	// draft lists it too, so it is this postmortem's own item and not repeated.
	if len(pack.Findings) == 0 || len(pack.Overdue) != 0 {
		t.Errorf("pack findings %d, overdue %+v", len(pack.Findings), pack.Overdue)
	}

	page := max.get("/postmortems/PM-2026-103")
	for _, want := range []string{`id="comment-`, "§ Summary", "<q>" + quote + "</q>", "Approve version 1", "Max: <span class=\"pending\">not approved yet"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if r := max.post("/postmortems/PM-2026-103/comments/"+itoa(c.ID)+"/resolve", url.Values{}); r.status != 303 {
		t.Fatalf("resolve: %d %s", r.status, r.body)
	}
	if r := max.post("/postmortems/PM-2026-103/approve", url.Values{"version": {"1"}}); r.status != 303 {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	page = max.get("/postmortems/PM-2026-103?approved=1")
	for _, want := range []string{"Approved version 2.", "approved <time", "resolved by max"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("after approving, the page lacks %q", want)
		}
	}
	if strings.Contains(page.body, "Approve version") {
		t.Errorf("the approve button stays after approving")
	}
	md := eve.api("GET", "/api/v1/postmortems/PM-2026-103", "", "", false)
	if !strings.Contains(md.body, `"approvals":[{"by":"Max","date":"2026-06-01"}]`) {
		t.Errorf("the approval is not in the front matter: %s", md.body)
	}
	if r := max.post("/postmortems/PM-2026-103/approve", url.Values{"version": {"1"}}); r.status != 303 {
		t.Errorf("approving again: %d, want nothing changed and back to the page", r.status)
	}
	pk := eve.get("/postmortems/PM-2026-103/review")
	for _, want := range []string{"Review pack: Checkout errors", "Open questions", "Findings", "failed to check", "Similar incidents", "Overdue action items"} {
		if !strings.Contains(pk.body, want) {
			t.Errorf("the review pack lacks %q", want)
		}
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
