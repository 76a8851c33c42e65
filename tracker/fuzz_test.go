package tracker

import (
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// checkEvent holds what every parsed event promises: an applied event
// names an issue and a status debrief knows.
func checkEvent(t *testing.T, e *Event) {
	t.Helper()
	if e.Ignored != "" {
		return
	}
	if e.Link == "" || !slices.Contains(debrief.ActionStatuses, e.Remote.Status) {
		t.Fatalf("an applied event without a link or a known status: %+v", e)
	}
}

func FuzzParseGitHubEvent(f *testing.F) {
	f.Add("issues", "application/json", []byte(ghClosed))
	f.Add("issues", "application/x-www-form-urlencoded", []byte("payload=%7B%22action%22%3A%22closed%22%7D"))
	f.Add("ping", "application/json", []byte(`{"zen":"Design for failure."}`))
	f.Add("issues", "application/json", []byte(`{"action":"reopened","issue":{"html_url":"https://github.com/o/r/issues/1","state":"open"}}`))
	f.Add("issues", "", []byte(`{"action":"closed","issue":null}`))
	f.Fuzz(func(t *testing.T, event, contentType string, body []byte) {
		e, err := ParseGitHubEvent(event, contentType, body)
		if err == nil {
			checkEvent(t, e)
		}
	})
}

func FuzzParseJiraEvent(f *testing.F) {
	j := &Jira{Site: "https://example.atlassian.net"}
	f.Add([]byte(jiraUpdated))
	f.Add([]byte(`{"webhookEvent":"jira:issue_created","issue":{"key":"PLAT-1","fields":{"status":{"statusCategory":{"key":"new"}}}}}`))
	f.Add([]byte(`{"webhookEvent":"jira:issue_updated","issue":{"key":"plat-1 OR 1=1"}}`))
	f.Add([]byte(`{"webhookEvent":"comment_created"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, err := j.ParseEvent(body)
		if err == nil {
			checkEvent(t, e)
			if e.Ignored == "" && !j.Owns(e.Link) {
				t.Fatalf("the event's link %q is not one of the site's issues", e.Link)
			}
		}
	})
}

func FuzzVerifySignature(f *testing.F) {
	secret := credential.New("It's a Secret to Everybody")
	f.Add([]byte("Hello, World!"), "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
	f.Add([]byte(""), "sha256=")
	f.Add([]byte("{}"), "sha1=abc")
	f.Fuzz(func(t *testing.T, body []byte, header string) {
		err := VerifySignature(secret, body, header)
		if h := strings.TrimSpace(header); err == nil && !equalFoldHex(h, Sign(secret, body)) {
			t.Fatalf("%q verified a body it does not sign", header)
		}
	})
}

// equalFoldHex allows the same signature in other letter case, which
// hex decoding accepts.
func equalFoldHex(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
