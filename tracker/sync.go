package tracker

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/debrief/debrief"
)

// Sync keeps the archive's action items and their issues in step: it
// creates an item's issue, applies what webhooks and the poll bring, and
// moves an issue when its item's status changes in debrief. Every change it
// saves is a new version of the postmortems that list the item, recorded
// in the item's history with the source tracker.
type Sync struct {
	Archive  debrief.FollowThroughArchive
	Trackers []Tracker
	// Base is the web app's address, for the issues' links back; "" for
	// none.
	Base string
}

// linked returns the item that links to the issue link, as the operator
// sees the archive.
func (s *Sync) linked(ctx context.Context, link string) (*debrief.ArchiveAction, bool, error) {
	d, err := s.Archive.FollowThrough(ctx, debrief.Operator)
	if err != nil {
		return nil, false, err
	}
	for _, a := range d.Actions(debrief.Date{}) {
		if a.Item.Link != "" && a.Item.Link == link {
			return a, true, nil
		}
	}
	return nil, false, nil
}

// ApplyEvent applies a webhook's event to the item that links to its
// issue; an issue no item links to changes nothing.
func (s *Sync) ApplyEvent(ctx context.Context, e *Event) error {
	a, ok, err := s.linked(ctx, e.Link)
	if err != nil || !ok {
		return err
	}
	u, ok := updateFor(a.Item, e.Remote, e.Tracker, e.Delivery)
	if !ok {
		return nil
	}
	return s.Apply(ctx, u, a.Item)
}

// Apply saves an update on item, as the tracker.
func (s *Sync) Apply(ctx context.Context, u Update, item debrief.ActionItem) error {
	note := "poll"
	if u.Delivery != "" {
		note = "delivery " + u.Delivery
	}
	ctx = debrief.WithOrigin(ctx, debrief.Origin{Source: debrief.SourceTracker, Who: u.Tracker, Note: note})
	to := u.To
	e := debrief.ActionEdit{ID: u.ItemID, IfMatch: debrief.ActionETag(item), Status: &to}
	if u.Reason != "" {
		e.Reason = &u.Reason
	}
	_, err := debrief.EditAction(ctx, s.Archive, debrief.Operator, e)
	return err
}

// Poll fetches the issues that items link to and applies what changed:
// the catch-up for webhook deliveries that never arrived. It returns how
// many items it changed.
func (s *Sync) Poll(ctx context.Context) (int, error) {
	d, err := s.Archive.FollowThrough(ctx, debrief.Operator)
	if err != nil {
		return 0, err
	}
	byID := map[string]debrief.ActionItem{}
	var items []debrief.ActionItem
	for _, a := range d.Actions(debrief.Date{}) {
		if a.Item.Link != "" {
			items = append(items, a.Item)
			byID[a.Item.ID] = a.Item
		}
	}
	updates, perr := Poll(ctx, s.Trackers, items)
	n := 0
	var errs []error
	for _, u := range updates {
		if err := s.Apply(ctx, u, byID[u.ItemID]); err != nil {
			errs = append(errs, fmt.Errorf("%s from %s: %w", u.ItemID, u.Link, err))
			continue
		}
		n++
	}
	return n, errors.Join(append(errs, perr)...)
}

// Create opens the issue of the item id in the tracker named name ("github"
// or "jira"), as v, and stores its address in the item's link. An item of
// a restricted postmortem is refused: the tracker's readers may not be
// those who may see it.
func (s *Sync) Create(ctx context.Context, v debrief.Viewer, name, id, ifMatch string) (string, error) {
	var t Tracker
	for _, c := range s.Trackers {
		if c.Name() == name {
			t = c
		}
	}
	if t == nil {
		return "", debrief.Errorf(debrief.EINVALID, "there is no %q tracker: set it up under trackers: in .debrief.yaml", name)
	}
	d, err := s.Archive.FollowThrough(ctx, v)
	if err != nil {
		return "", err
	}
	a, ok := d.Action(id, debrief.Date{})
	if !ok {
		return "", debrief.Errorf(debrief.ENOTFOUND, "action item %s not found", id)
	}
	if debrief.ActionETag(a.Item) != strings.TrimPrefix(strings.TrimSpace(ifMatch), "W/") {
		return "", debrief.Errorf(debrief.ECONFLICT, "action item %s changed since you loaded it: reload it first", id)
	}
	if a.Item.Link != "" {
		return "", debrief.Errorf(debrief.EINVALID, "action item %s already links to %s", id, a.Item.Link)
	}
	for _, k := range a.Incidents {
		if k.Summary.Restricted {
			return "", debrief.Errorf(debrief.EINVALID, "action item %s belongs to a restricted postmortem: debrief does not copy it into a tracker whose readers may not be allowed to see it", id)
		}
	}
	pm := a.Incidents[0].Summary
	back := Backlink{ID: pm.ID, Title: pm.Title}
	if s.Base != "" {
		back.URL = strings.TrimRight(s.Base, "/") + "/postmortems/" + url.PathEscape(pm.ID)
	}
	link, err := t.Create(ctx, a.Item, back)
	if err != nil {
		return "", fmt.Errorf("create the issue of %s in %s: %w", id, t.Name(), err)
	}
	_, err = debrief.EditAction(ctx, s.Archive, v, debrief.ActionEdit{ID: id, IfMatch: debrief.ActionETag(a.Item), Link: &link})
	if err != nil {
		return link, fmt.Errorf("the issue %s was created, but saving its link in %s failed: %w", link, id, err)
	}
	return link, nil
}

// Push moves the issue of item to its status, when a tracker owns its
// link; an item without one changes nothing.
func (s *Sync) Push(ctx context.Context, item debrief.ActionItem) error {
	if item.Link == "" {
		return nil
	}
	t, ok := For(s.Trackers, item.Link)
	if !ok {
		return nil
	}
	st := item.Status
	if st == "" {
		st = debrief.ActionOpen
	}
	return t.SetStatus(ctx, item.Link, st)
}
