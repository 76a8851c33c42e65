package tracker

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

func TestIncoming(t *testing.T) {
	open, wip, done, wont := debrief.ActionOpen, debrief.ActionInProgress, debrief.ActionDone, debrief.ActionWontDo
	tests := []struct {
		item    debrief.ActionStatus
		remote  Remote
		want    debrief.ActionStatus
		changed bool
	}{
		{open, Remote{Status: done, Precise: true}, done, true},
		{done, Remote{Status: done, Precise: true}, done, false},
		{wip, Remote{Status: wont, Precise: true}, wont, true},
		{wont, Remote{Status: wont, Precise: true}, wont, false},
		// GitHub's open says nothing of progress: it only reopens.
		{wip, Remote{Status: open}, open, false},
		{"", Remote{Status: open}, open, false},
		{done, Remote{Status: open}, open, true},
		{wont, Remote{Status: open}, open, true},
		// Jira's categories are precise.
		{open, Remote{Status: wip, Precise: true}, wip, true},
		{wip, Remote{Status: open, Precise: true}, open, true},
		{done, Remote{Status: wip, Precise: true}, wip, true},
		{"", Remote{Status: open, Precise: true}, open, false},
	}
	for _, tt := range tests {
		got, changed := Incoming(debrief.ActionItem{Status: tt.item}, tt.remote)
		if changed != tt.changed || changed && got != tt.want {
			t.Errorf("Incoming(%q, %+v) = %s, %v; want %s, %v", tt.item, tt.remote, got, changed, tt.want, tt.changed)
		}
	}
}

func TestPoll(t *testing.T) {
	gh := newFakeGitHub(t)
	gh.issues[3]["state"], gh.issues[3]["state_reason"] = "closed", "completed"
	gh.issues[4]["state"], gh.issues[4]["state_reason"] = "closed", "not_planned"
	jf := newFakeJira(t)
	jf.issues["PLAT-1"].status = "In Progress"
	jf.issues["PLAT-2"].status, jf.issues["PLAT-2"].resolution = "Won't Do", "Won't Do"
	g, j := gh.client(), jf.client()
	ghLink := func(n int) string { return fmt.Sprintf("https://github.com/debrief/ops/issues/%d", n) }
	items := []debrief.ActionItem{
		{ID: "ACT-1", Status: debrief.ActionInProgress, Link: ghLink(3)},                   // closed: done
		{ID: "ACT-2", Status: debrief.ActionOpen, Link: ghLink(4), Reason: "we said so"},   // not planned, keeps its reason
		{ID: "ACT-3", Status: debrief.ActionDone, Link: ghLink(5)},                         // reopened
		{ID: "ACT-4", Status: debrief.ActionInProgress, Link: ghLink(6)},                   // open: no change
		{ID: "ACT-5", Status: debrief.ActionOpen, Link: j.Link("PLAT-1")},                  // in progress
		{ID: "ACT-6", Status: debrief.ActionOpen, Link: j.Link("PLAT-2")},                  // won't do
		{ID: "ACT-7", Status: debrief.ActionOpen, Link: "https://tracker.example.com/X-1"}, // nobody's
		{ID: "ACT-8", Status: debrief.ActionOpen},
	}
	got, err := Poll(context.Background(), []Tracker{g, j}, items)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, u := range got {
		lines = append(lines, fmt.Sprintf("%s %s→%s %s %q", u.ItemID, u.From, u.To, u.Tracker, u.Reason))
	}
	want := []string{
		`ACT-1 in-progress→done github ""`,
		`ACT-2 open→wont-do github ""`,
		`ACT-3 done→open github ""`,
		`ACT-5 open→in-progress jira ""`,
		`ACT-6 open→wont-do jira "resolved as Won't Do in ` + j.Link("PLAT-2") + `"`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("updates\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if c := got[0].Change(time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)); c.Note != "poll" || c.Who != "github" {
		t.Errorf("history entry %+v", c)
	}

	// A tracker that fails does not stop the other.
	g.Token = credential.New("expired")
	got, err = Poll(context.Background(), []Tracker{g, j}, items)
	if err == nil || !strings.Contains(err.Error(), "polling github: github: GET") || len(got) != 2 {
		t.Errorf("Poll with GitHub failing: %d updates, %v", len(got), err)
	}
	if tr, ok := For([]Tracker{g, j}, j.Link("PLAT-9")); !ok || tr.Name() != "jira" {
		t.Error("For did not find Jira")
	}
}
