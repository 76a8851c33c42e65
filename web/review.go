package web

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// The review workflow: the author names reviewers and moves the postmortem
// to in-review (through the publish gate); reviewers comment on a section
// or a sentence, the comments are resolved as they are answered, and each
// reviewer approves. Reviewers and approvals are in the front matter;
// comments are in the archive (Config.Reviews).

// reviewerName returns the name as the postmortem's reviewers list writes
// it, and false when u is not one of them.
func reviewerName(p *debrief.Postmortem, u *debrief.User) (string, bool) {
	i := slices.IndexFunc(p.Reviewers, func(r string) bool { return equalName(r, u.Name) })
	if i < 0 {
		return "", false
	}
	return p.Reviewers[i], true
}

// approve records u's approval of the postmortem id at version (its
// current version when 0). Approving twice changes nothing.
func (s *Server) approve(ctx context.Context, u *debrief.User, id string, version int) (*debrief.Postmortem, error) {
	p, err := s.cfg.Postmortems.FindByID(ctx, u.Viewer(), id)
	if err != nil {
		return nil, err
	}
	name, ok := reviewerName(p, u)
	if !ok {
		return nil, debrief.Errorf(debrief.EFORBIDDEN, "%s is not among the reviewers of %s: ask its author to add you under reviewers", u.Name, id)
	}
	if p.ApprovedBy(name) {
		return p, nil
	}
	if version == 0 {
		version = p.Version
	}
	p.Approvals = append(p.Approvals, debrief.Approval{By: name, Date: debrief.DateOf(s.pages.now().UTC())})
	if err := s.cfg.Postmortems.Update(ctx, u.Viewer(), p, version); err != nil {
		return nil, err
	}
	s.pages.similar.bump()
	s.pages.saved(p.ID, p.Version, u.Name)
	return p, nil
}

// commentJSON is a review comment in the API.
type commentJSON struct {
	ID           int64      `json:"id"`
	PostmortemID string     `json:"postmortem_id"`
	Section      string     `json:"section"`
	Quote        string     `json:"quote"`
	Body         string     `json:"body"`
	Author       string     `json:"author"`
	Created      time.Time  `json:"created"`
	Resolved     bool       `json:"resolved"`
	ResolvedBy   string     `json:"resolved_by,omitempty"`
	ResolvedAt   *time.Time `json:"resolved_at,omitempty"`
}

func toCommentJSON(c *debrief.Comment) commentJSON {
	return commentJSON{ID: c.ID, PostmortemID: c.PostmortemID, Section: c.Section, Quote: c.Quote, Body: c.Body,
		Author: c.Author, Created: c.Created, Resolved: c.Resolved, ResolvedBy: c.ResolvedBy, ResolvedAt: timePtr(c.ResolvedAt)}
}

// reviewsOff is the error of the review routes on a server without a
// review store.
var reviewsOff = debrief.Errorf(debrief.ENOTFOUND, "review comments are not kept on this server")

// equalName reports whether two names of people are the same name.
func equalName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
