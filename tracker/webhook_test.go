package tracker

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// memDeliveries is the simplest Deliveries: a set under a lock.
type memDeliveries struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (m *memDeliveries) Seen(_ context.Context, tracker, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.seen[tracker+"/"+id], nil
}

func (m *memDeliveries) Record(_ context.Context, tracker, id string, _ time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	m.seen[tracker+"/"+id] = true
	return nil
}

// archive is the few action items a webhook test updates, by link.
type archive struct {
	mu      sync.Mutex
	items   map[string]*debrief.ActionItem
	updates []Update
	fail    error
}

func (a *archive) apply(_ context.Context, e *Event) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fail != nil {
		return a.fail
	}
	it, ok := a.items[e.Link]
	if !ok {
		return nil // an issue no item links to
	}
	if u, ok := updateFor(*it, e.Remote, e.Tracker, e.Delivery); ok {
		a.updates = append(a.updates, u)
		it.Status = u.To
		if u.Reason != "" {
			it.Reason = u.Reason
		}
	}
	return nil
}

// A delivery of GitHub's issues event as GitHub sends it, cut to the
// fields that matter and a few that do not.
const ghClosed = `{"action":"closed","issue":{"url":"https://api.github.com/repos/debrief/ops/issues/42","repository_url":"https://api.github.com/repos/debrief/ops","html_url":"https://github.com/debrief/ops/issues/42","id":2001,"node_id":"I_kwDOA","number":42,"title":"ACT-231: Inventory every certificate","user":{"login":"octocat","id":1,"type":"User"},"labels":[{"id":1,"name":"debrief"}],"state":"closed","locked":false,"assignee":null,"comments":2,"created_at":"2026-03-01T10:00:00Z","updated_at":"2026-03-09T16:20:00Z","closed_at":"2026-03-09T16:20:00Z","author_association":"MEMBER","body":"Action item **ACT-231**","state_reason":"completed"},"repository":{"id":1300192,"name":"ops","full_name":"debrief/ops","private":true},"sender":{"login":"octocat","id":1,"type":"User"}}`

const jiraUpdated = `{"timestamp":1773072000000,"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_generic","user":{"accountId":"5b10ac8d82e05b22cc7d4ef5","displayName":"Ana"},"issue":{"id":"10005","self":"https://example.atlassian.net/rest/api/2/issue/10005","key":"PLAT-5","fields":{"summary":"ACT-231: Inventory every certificate","status":{"self":"https://example.atlassian.net/rest/api/2/status/10003","description":"","iconUrl":"https://example.atlassian.net/","name":"Won't Do","id":"10003","statusCategory":{"self":"https://example.atlassian.net/rest/api/2/statuscategory/3","id":3,"key":"done","colorName":"green","name":"Done"}},"resolution":{"self":"https://example.atlassian.net/rest/api/2/resolution/10001","id":"10001","description":"","name":"Won't Do"}}},"changelog":{"id":"10301","items":[{"field":"status","fieldtype":"jira","from":"10000","fromString":"To Do","to":"10003","toString":"Won't Do"},{"field":"resolution","fieldtype":"jira","from":null,"fromString":null,"to":"10001","toString":"Won't Do"}]}}`

func post(t *testing.T, h http.Handler, body string, headers map[string]string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/x", strings.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, strings.TrimSpace(string(b))
}

func TestGitHubWebhook(t *testing.T) {
	secret := credential.New("It's a Secret to Everybody")
	link := "https://github.com/debrief/ops/issues/42"
	a := &archive{items: map[string]*debrief.ActionItem{link: {ID: "ACT-231", Status: debrief.ActionInProgress, Link: link}}}
	h := GitHubWebhook(secret, &memDeliveries{}, a.apply)
	h.Logger = slog.New(slog.DiscardHandler)
	headers := func(event, delivery, body string) map[string]string {
		return map[string]string{"X-GitHub-Event": event, "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": Sign(secret, []byte(body)),
			"Content-Type": "application/json", "User-Agent": "GitHub-Hookshot/044aadd"}
	}
	reopened := strings.Replace(strings.Replace(ghClosed, `"action":"closed"`, `"action":"reopened"`, 1), `"state":"closed"`, `"state":"open"`, 1)
	reopened = strings.Replace(reopened, `"state_reason":"completed"`, `"state_reason":"reopened"`, 1)
	notPlanned := strings.Replace(ghClosed, `"state_reason":"completed"`, `"state_reason":"not_planned"`, 1)
	edited := strings.Replace(ghClosed, `"action":"closed"`, `"action":"edited"`, 1)
	steps := []struct {
		name    string
		body    string
		headers map[string]string
		code    int
		reply   string
		status  debrief.ActionStatus
	}{
		{"closed as completed", ghClosed, headers("issues", "d-1", ghClosed), 200, "applied: " + link + " is done", debrief.ActionDone},
		{"the same delivery again", ghClosed, headers("issues", "d-1", ghClosed), 200, "duplicate delivery d-1: applied before", debrief.ActionDone},
		{"bad signature", reopened, headers("issues", "d-2", ghClosed), 401, "bad signature", debrief.ActionDone},
		{"no signature", reopened, map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-2"}, 401, "bad signature", debrief.ActionDone},
		{"signed with sha1", reopened, map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-2", "X-Hub-Signature-256": "sha1=" + strings.TrimPrefix(Sign(secret, []byte(reopened)), "sha256=")}, 401, "bad signature", debrief.ActionDone},
		{"no delivery id", reopened, headers("issues", "", reopened), 400, "no X-GitHub-Delivery", debrief.ActionDone},
		{"reopened", reopened, headers("issues", "d-2", reopened), 200, "applied: " + link + " is open", debrief.ActionOpen},
		{"edited", edited, headers("issues", "d-3", edited), 200, "ignored: issue edited: status unchanged", debrief.ActionOpen},
		{"ping", `{"zen":"Keep it logically awesome.","hook_id":1}`, headers("ping", "d-4", `{"zen":"Keep it logically awesome.","hook_id":1}`), 200, "ignored: ping", debrief.ActionOpen},
		{"not JSON", "{", headers("issues", "d-5", "{"), 400, "not JSON", debrief.ActionOpen},
		{"closed as not planned, form-encoded", "payload=" + url.QueryEscape(notPlanned),
			map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-6", "X-Hub-Signature-256": Sign(secret, []byte("payload="+url.QueryEscape(notPlanned))), "Content-Type": "application/x-www-form-urlencoded"},
			200, "applied: " + link + " is wont-do", debrief.ActionWontDo},
	}
	for _, s := range steps {
		code, reply := post(t, h, s.body, s.headers)
		if code != s.code || !strings.Contains(reply, s.reply) || a.items[link].Status != s.status {
			t.Errorf("%s: %d %q, item %s; want %d %q, %s", s.name, code, reply, a.items[link].Status, s.code, s.reply, s.status)
		}
	}
	if len(a.updates) != 3 || a.updates[0].Delivery != "d-1" || a.items[link].Reason != "closed as not planned in "+link {
		t.Errorf("updates %+v, reason %q", a.updates, a.items[link].Reason)
	}
	c := a.updates[0].Change(time.Date(2026, 3, 9, 16, 20, 0, 0, time.UTC))
	if c.Source != debrief.SourceTracker || c.Who != "github" || c.From != "in-progress" || c.To != "done" || c.Note != "delivery d-1" || c.Validate() != nil {
		t.Errorf("history entry %+v", c)
	}
}

func TestWebhookApplyFailsThenRedelivered(t *testing.T) {
	secret := credential.New("s")
	link := "https://github.com/debrief/ops/issues/42"
	a := &archive{items: map[string]*debrief.ActionItem{link: {ID: "ACT-231", Status: debrief.ActionOpen, Link: link}}, fail: errors.New("database is locked")}
	h := GitHubWebhook(secret, &memDeliveries{}, a.apply)
	h.Logger = slog.New(slog.DiscardHandler)
	hdr := map[string]string{"X-GitHub-Event": "issues", "X-GitHub-Delivery": "d-1", "X-Hub-Signature-256": Sign(secret, []byte(ghClosed))}
	if code, reply := post(t, h, ghClosed, hdr); code != 500 || strings.Contains(reply, "locked") {
		t.Fatalf("a failed apply: %d %q", code, reply)
	}
	a.fail = nil
	// GitHub's redelivery keeps the delivery id: it must still apply.
	if code, _ := post(t, h, ghClosed, hdr); code != 200 || a.items[link].Status != debrief.ActionDone {
		t.Errorf("the redelivery: %d, item %s", code, a.items[link].Status)
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", rec.Code)
	}
	big := strings.Repeat("x", MaxWebhookBody+1)
	if code, _ := post(t, h, big, hdr); code != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized delivery: %d", code)
	}
}

func TestJiraWebhook(t *testing.T) {
	secret := credential.New("jira-webhook-secret")
	j := &Jira{Site: "https://example.atlassian.net"}
	link := j.Link("PLAT-5")
	a := &archive{items: map[string]*debrief.ActionItem{link: {ID: "ACT-231", Status: debrief.ActionOpen, Link: link}}}
	h := JiraWebhook(j, secret, &memDeliveries{}, a.apply)
	h.Logger = slog.New(slog.DiscardHandler)
	hdr := func(id, body string) map[string]string {
		return map[string]string{"X-Atlassian-Webhook-Identifier": id, "X-Hub-Signature": Sign(secret, []byte(body)), "Content-Type": "application/json; charset=utf-8"}
	}
	inProgress := strings.Replace(strings.Replace(jiraUpdated, `"key":"done"`, `"key":"indeterminate"`, 1), `"resolution":{`, `"x":{`, 1)
	deleted := strings.Replace(jiraUpdated, "jira:issue_updated", "jira:issue_deleted", 1)
	steps := []struct {
		name   string
		body   string
		hdr    map[string]string
		code   int
		reply  string
		status debrief.ActionStatus
	}{
		{"in progress", inProgress, hdr("j-1", inProgress), 200, "is in-progress", debrief.ActionInProgress},
		{"bad signature", jiraUpdated, hdr("j-2", inProgress), 401, "bad signature", debrief.ActionInProgress},
		{"won't do", jiraUpdated, hdr("j-2", jiraUpdated), 200, "is wont-do", debrief.ActionWontDo},
		{"duplicate", jiraUpdated, hdr("j-2", jiraUpdated), 200, "duplicate delivery j-2", debrief.ActionWontDo},
		{"deleted", deleted, hdr("j-3", deleted), 200, "ignored", debrief.ActionWontDo},
		{"no identifier", jiraUpdated, hdr("", jiraUpdated), 400, "X-Atlassian-Webhook-Identifier", debrief.ActionWontDo},
	}
	for _, s := range steps {
		code, reply := post(t, h, s.body, s.hdr)
		if code != s.code || !strings.Contains(reply, s.reply) || a.items[link].Status != s.status {
			t.Errorf("%s: %d %q, item %s; want %d %q, %s", s.name, code, reply, a.items[link].Status, s.code, s.reply, s.status)
		}
	}
	if a.items[link].Reason != "resolved as Won't Do in "+link {
		t.Errorf("reason %q", a.items[link].Reason)
	}
}

func TestVerifySignature(t *testing.T) {
	secret := credential.New("It's a Secret to Everybody")
	// GitHub's documented example: this secret and payload give this signature.
	body := []byte("Hello, World!")
	const sig = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
	if Sign(secret, body) != sig || VerifySignature(secret, body, sig) != nil {
		t.Fatalf("Sign = %s", Sign(secret, body))
	}
	for _, bad := range []string{"", "sha256=", "sha256=zz", "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18", "sha512=757107ea"} {
		if VerifySignature(secret, body, bad) == nil {
			t.Errorf("%q verified", bad)
		}
	}
	if VerifySignature(credential.Secret{}, body, Sign(credential.Secret{}, body)) == nil {
		t.Error("an empty secret verifies anything")
	}
}
