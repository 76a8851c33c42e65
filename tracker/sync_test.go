package tracker

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
)

// TestSyncWithTheArchive runs the sync against a real archive and the
// replayed GitHub API: creating the issue stores its link, a signed
// webhook marks the item done once however often it is delivered, the
// poll catches a reopening no webhook brought, and a change in debrief
// moves the issue. Every change lands in the item's history.
func TestSyncWithTheArchive(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p := syncPostmortem(t, "PM-2026-014", "Checkout errors after the payments-api certificate expired")
	p.ActionItems = []debrief.ActionItem{item231}
	secret := syncPostmortem(t, "PM-2026-015", "Leaked key")
	secret.Restricted, secret.Teams = true, []string{"identity"}
	secret.ActionItems = []debrief.ActionItem{{ID: "ACT-9", Title: "Rotate the leaked key", OwnerTeam: "identity", Due: item231.Due, Status: debrief.ActionOpen}}
	for _, q := range []*debrief.Postmortem{p, secret} {
		if err := db.Create(ctx, debrief.Operator, q); err != nil {
			t.Fatal(err)
		}
	}
	f := newFakeGitHub(t)
	s := &Sync{Archive: db, Trackers: []Tracker{f.client()}, Base: "https://debrief.example.com"}
	platform := debrief.Viewer{User: "pia", Teams: []string{"platform"}}

	// Create.
	if _, err := s.Create(ctx, platform, "github", "ACT-231", `"stale"`); debrief.ErrorCode(err) != debrief.ECONFLICT {
		t.Errorf("create with a stale ETag: %v", err)
	}
	link, err := s.Create(ctx, platform, "github", "ACT-231", debrief.ActionETag(item231))
	if err != nil || link != "https://github.com/debrief/ops/issues/151" {
		t.Fatalf("Create = %q, %v", link, err)
	}
	if body := f.issues[151]["body"].(string); !strings.Contains(body, "(https://debrief.example.com/postmortems/PM-2026-014)") {
		t.Errorf("the issue does not link back:\n%s", body)
	}
	item := func() debrief.ActionItem {
		t.Helper()
		got, err := db.FindByID(ctx, debrief.Operator, "PM-2026-014")
		if err != nil {
			t.Fatal(err)
		}
		return got.ActionItems[0]
	}
	if item().Link != link {
		t.Fatalf("the item's link is %q", item().Link)
	}
	if _, err := s.Create(ctx, platform, "github", "ACT-231", debrief.ActionETag(item())); err == nil || !strings.Contains(err.Error(), "already links") {
		t.Errorf("a second issue: %v", err)
	}
	admin := debrief.Viewer{User: "ada", Admin: true}
	if _, err := s.Create(ctx, admin, "github", "ACT-9", debrief.ActionETag(secret.ActionItems[0])); err == nil || !strings.Contains(err.Error(), "restricted") {
		t.Errorf("an item of a restricted postmortem went to the tracker: %v", err)
	}
	if _, err := s.Create(ctx, platform, "github", "ACT-9", `"x"`); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("an item the viewer may not see: %v", err)
	}
	if _, err := s.Create(ctx, platform, "jira", "ACT-231", `"x"`); err == nil {
		t.Error("a tracker that is not set up")
	}

	// Incoming: a signed webhook, delivered twice.
	key := credential.New("webhook-secret")
	h := GitHubWebhook(key, db, s.ApplyEvent)
	h.Logger = slog.New(slog.DiscardHandler)
	closed := strings.ReplaceAll(ghClosed, "issues/42", "issues/151")
	headers := map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-1", "X-Hub-Signature-256": Sign(key, []byte(closed)), "Content-Type": "application/json"}
	for range 2 {
		if code, reply := post(t, h, closed, headers); code != 200 {
			t.Fatalf("webhook: %d %s", code, reply)
		}
	}
	if item().Status != debrief.ActionDone {
		t.Fatalf("after the webhook the item is %s", item().Status)
	}
	bad := map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-2", "X-Hub-Signature-256": Sign(credential.New("wrong"), []byte(closed))}
	if code, _ := post(t, h, closed, bad); code != 401 {
		t.Errorf("a bad signature: %d", code)
	}

	// The poll catches a reopening.
	f.issues[151]["state"], f.issues[151]["state_reason"] = "open", "reopened"
	n, err := s.Poll(ctx)
	if err != nil || n != 1 || item().Status != debrief.ActionOpen {
		t.Fatalf("poll: %d, %v; item %s", n, err, item().Status)
	}

	// Outgoing: dropped in debrief, closed as not planned in GitHub.
	reason := "the new edge proxy renews certificates itself"
	wont := debrief.ActionWontDo
	saved, err := debrief.EditAction(ctx, db, platform, debrief.ActionEdit{ID: "ACT-231", IfMatch: debrief.ActionETag(item()), Status: &wont, Reason: &reason})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Push(ctx, saved); err != nil || f.issues[151]["state"] != "closed" || f.issues[151]["state_reason"] != "not_planned" {
		t.Errorf("push: %v; issue %v %v", err, f.issues[151]["state"], f.issues[151]["state_reason"])
	}

	h2, err := db.History(ctx, platform, debrief.SubjectAction, "ACT-231")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, c := range h2 {
		lines = append(lines, c.Field+" "+c.From+"→"+c.To+" by "+c.Who+" via "+string(c.Source)+" "+c.Note)
	}
	want := []string{
		"link →" + link + " by pia via import ",
		"status open→done by github via tracker delivery d-1",
		"status done→open by github via tracker poll",
		"status open→wont-do by pia via import ",
		"reason →" + reason + " by pia via import ",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// syncPostmortem returns a valid postmortem with the id and title.
func syncPostmortem(t *testing.T, id, title string) *debrief.Postmortem {
	t.Helper()
	src := "---\nid: " + id + "\ntitle: " + title + "\nseverity: SEV2\nstatus: published\nteams: [platform]\nservices: [payments-api]\n" +
		"started: 2026-03-03T02:14:00Z\ntrigger: The certificate expired.\ncontributing_factors:\n  - category: automation\n    description: Renewal skipped it.\n---\n\n# " + title + "\n\n## Summary\nCheckout failed.\n"
	d, probs := markdown.Parse([]byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return d.Postmortem
}
