package tracker

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ParseEvent reads a verified delivery of a Jira Cloud webhook. Issue
// created and updated events carry the issue's status; the event changes
// an item's status when its status category maps to another one. Issue
// deletions and every other event are ignored.
func (j *Jira) ParseEvent(body []byte) (*Event, error) {
	var p struct {
		WebhookEvent string     `json:"webhookEvent"`
		Issue        *jiraIssue `json:"issue"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("the Jira event is not JSON debrief can read: %v", err)
	}
	switch p.WebhookEvent {
	case "jira:issue_updated", "jira:issue_created":
	default:
		return &Event{Ignored: fmt.Sprintf("the %q event changes no status", cut(p.WebhookEvent, 40))}, nil
	}
	if p.Issue == nil || !jiraKey().MatchString(p.Issue.Key) {
		return nil, errors.New("the Jira event has no issue key")
	}
	r, ok := j.remote(p.Issue)
	if !ok {
		return &Event{Link: j.Link(p.Issue.Key), Ignored: "the issue's status has no known category"}, nil
	}
	return &Event{Link: j.Link(p.Issue.Key), Remote: r}, nil
}
