package tracker

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Tracker is an issue tracker that action items link to.
type Tracker interface {
	// Name names the tracker in history entries: "github" or "jira".
	Name() string
	// Owns reports whether a link points at one of this tracker's issues.
	Owns(link string) bool
	// Create opens the issue for an action item listed by postmortem pm,
	// and returns its link, to store in the item's link.
	Create(ctx context.Context, item debrief.ActionItem, pm Backlink) (link string, err error)
	// SetStatus moves the issue to match an item's status: closed as
	// completed for done, as not planned for wont-do, open otherwise.
	SetStatus(ctx context.Context, link string, status debrief.ActionStatus) error
	// Fetch returns the state of the issues behind links, by link. An
	// issue that no longer exists is left out.
	Fetch(ctx context.Context, links []string) (map[string]Remote, error)
}

// Backlink is the postmortem an issue links back to.
type Backlink struct {
	ID, Title string
	// URL is the postmortem's page in the web app; "" when debrief has no
	// public address.
	URL string
}

// Remote is an issue's state, as an action item's status.
type Remote struct {
	// Status is open, in-progress, done or wont-do.
	Status debrief.ActionStatus
	// Precise is false when the tracker cannot tell open from in progress
	// (GitHub): an open issue then leaves an open or in-progress item as it
	// is, and only reopens a closed one.
	Precise bool
	// Reason is a wont-do's reason as the tracker says it: "closed as not
	// planned in https://…".
	Reason string
}

// Update is a status change that an issue brings to an action item.
type Update struct {
	ItemID, Link string
	From, To     debrief.ActionStatus
	// Reason is the wont-do reason to record when the item has none.
	Reason string
	// Tracker is the tracker's name; Delivery the webhook delivery id, or
	// "" for the poll.
	Tracker, Delivery string
}

// Change returns the history entry of the update.
func (u Update) Change(at time.Time) debrief.Change {
	note := "poll"
	if u.Delivery != "" {
		note = "delivery " + u.Delivery
	}
	return debrief.Change{Subject: debrief.SubjectAction, ID: u.ItemID, Field: "status", From: string(u.From), To: string(u.To),
		Who: u.Tracker, At: at, Source: debrief.SourceTracker, Note: note}
}

// Incoming returns the status an item takes from its issue's state, and
// false when the issue asks for no change.
func Incoming(item debrief.ActionItem, r Remote) (debrief.ActionStatus, bool) {
	cur := item.Status
	if cur == "" {
		cur = debrief.ActionOpen
	}
	switch r.Status {
	case debrief.ActionDone, debrief.ActionWontDo:
		return r.Status, cur != r.Status
	case debrief.ActionOpen, debrief.ActionInProgress:
		if !r.Precise {
			return debrief.ActionOpen, item.Closed()
		}
		return r.Status, cur != r.Status
	}
	return cur, false
}

// updateFor returns the update an issue's state brings to an item, if any.
func updateFor(item debrief.ActionItem, r Remote, tracker, delivery string) (Update, bool) {
	to, ok := Incoming(item, r)
	if !ok {
		return Update{}, false
	}
	from := item.Status
	if from == "" {
		from = debrief.ActionOpen
	}
	u := Update{ItemID: item.ID, Link: item.Link, From: from, To: to, Tracker: tracker, Delivery: delivery}
	if to == debrief.ActionWontDo && strings.TrimSpace(item.Reason) == "" {
		u.Reason = r.Reason
	}
	return u, true
}

// Poll fetches the issues that items link to from the trackers that own
// them, and returns the updates the issues bring: the periodic catch-up
// for webhook deliveries that never arrived. A tracker that fails adds its
// error; the updates from the others are still returned.
func Poll(ctx context.Context, trackers []Tracker, items []debrief.ActionItem) ([]Update, error) {
	var out []Update
	var errs []error
	for _, t := range trackers {
		var mine []debrief.ActionItem
		var links []string
		for _, it := range items {
			if it.Link != "" && t.Owns(it.Link) {
				mine = append(mine, it)
				links = append(links, it.Link)
			}
		}
		if len(links) == 0 {
			continue
		}
		remote, err := t.Fetch(ctx, links)
		if err != nil {
			errs = append(errs, fmt.Errorf("polling %s: %w", t.Name(), err))
			continue
		}
		for _, it := range mine {
			if r, ok := remote[it.Link]; ok {
				if u, ok := updateFor(it, r, t.Name(), ""); ok {
					out = append(out, u)
				}
			}
		}
	}
	return out, errors.Join(errs...)
}

// For returns the tracker among trackers that owns link.
func For(trackers []Tracker, link string) (Tracker, bool) {
	for _, t := range trackers {
		if t.Owns(link) {
			return t, true
		}
	}
	return nil, false
}
