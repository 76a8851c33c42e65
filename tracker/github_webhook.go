package tracker

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
)

// ParseGitHubEvent reads a verified delivery of GitHub's webhook: the
// X-GitHub-Event header, the Content-Type (JSON, or a form with the JSON in
// its payload field) and the body. Only issue events that open, close or
// reopen an issue change a status; ping and every other event are ignored.
func ParseGitHubEvent(event, contentType string, body []byte) (*Event, error) {
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(body))
		if err != nil || form.Get("payload") == "" {
			return nil, errors.New("the form-encoded delivery has no payload field")
		}
		body = []byte(form.Get("payload"))
	}
	switch event {
	case "ping":
		return &Event{Ignored: "ping"}, nil
	case "issues":
	default:
		return &Event{Ignored: fmt.Sprintf("the %q event changes no status", cut(event, 40))}, nil
	}
	var p struct {
		Action string       `json:"action"`
		Issue  *githubIssue `json:"issue"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("the issues event is not JSON debrief can read: %v", err)
	}
	if p.Issue == nil || p.Issue.HTMLURL == "" || !strings.HasPrefix(p.Issue.HTMLURL, "https://") && !strings.HasPrefix(p.Issue.HTMLURL, "http://") {
		return nil, errors.New("the issues event has no issue.html_url")
	}
	switch p.Action {
	case "closed", "reopened", "opened":
	default:
		return &Event{Link: p.Issue.HTMLURL, Ignored: fmt.Sprintf("issue %s: status unchanged", cut(p.Action, 40))}, nil
	}
	if p.Issue.State != "open" && p.Issue.State != "closed" {
		return nil, fmt.Errorf("the issue's state %q is neither open nor closed", cut(p.Issue.State, 40))
	}
	return &Event{Link: p.Issue.HTMLURL, Remote: p.Issue.remote()}, nil
}
