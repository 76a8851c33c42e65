package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/debrief/debrief"
)

// reviewPanel is the review beside a postmortem: who reviews it, who
// approved, and the comments, open ones first.
type reviewPanel struct {
	ID        string
	Version   int
	Status    debrief.Status
	Reviewers []reviewerView
	// CanApprove is true when the user is a reviewer who has not
	// approved yet.
	CanApprove bool
	Comments   []*debrief.Comment
	Open       int
	// Sections are the sections a comment can be anchored to.
	Sections []string
	// Enabled is false on a server that keeps no comments.
	Enabled bool
}

type reviewerView struct {
	Name     string
	Approved bool
	Date     debrief.Date
}

// reviewPanelOf builds the review panel of p for u.
func (s *Server) reviewPanelOf(r *http.Request, p *debrief.Postmortem, u *debrief.User) (reviewPanel, error) {
	rp := reviewPanel{ID: p.ID, Version: p.Version, Status: p.Status, Enabled: s.cfg.Reviews != nil}
	for _, name := range p.Reviewers {
		rv := reviewerView{Name: name}
		for _, a := range p.Approvals {
			if equalName(a.By, name) {
				rv.Approved, rv.Date = true, a.Date
			}
		}
		rp.Reviewers = append(rp.Reviewers, rv)
	}
	if name, ok := reviewerName(p, u); ok && !p.ApprovedBy(name) {
		rp.CanApprove = true
	}
	for _, sec := range debrief.Sections {
		rp.Sections = append(rp.Sections, sec.Title)
	}
	if s.cfg.Reviews == nil {
		return rp, nil
	}
	cs, err := s.cfg.Reviews.Comments(r.Context(), u.Viewer(), p.ID)
	if err != nil {
		return rp, err
	}
	for _, c := range cs {
		if !c.Resolved {
			rp.Comments = append(rp.Comments, c)
		}
	}
	rp.Open = len(rp.Comments)
	for _, c := range cs {
		if c.Resolved {
			rp.Comments = append(rp.Comments, c)
		}
	}
	return rp, nil
}

// commentOnPostmortem adds a review comment from the postmortem page.
func (s *Server) commentOnPostmortem(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Reviews == nil {
		s.pages.errorPage(w, r, reviewsOff)
		return
	}
	id := r.PathValue("id")
	u := userFrom(r.Context())
	c := &debrief.Comment{PostmortemID: id, Section: r.PostFormValue("section"), Quote: r.PostFormValue("quote"), Body: r.PostFormValue("body"), Author: u.Name}
	if err := s.cfg.Reviews.AddComment(r.Context(), u.Viewer(), c); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/postmortems/"+url.PathEscape(id)+"?commented=1#comment-"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
}

// resolveOnPage resolves a review comment from the postmortem page.
func (s *Server) resolveOnPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Reviews == nil {
		s.pages.errorPage(w, r, reviewsOff)
		return
	}
	id := r.PathValue("id")
	n, err := strconv.ParseInt(r.PathValue("comment"), 10, 64)
	if err != nil || n <= 0 {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "there is no comment %q", r.PathValue("comment")))
		return
	}
	u := userFrom(r.Context())
	if _, err := s.cfg.Reviews.ResolveComment(r.Context(), u.Viewer(), id, n); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/postmortems/"+url.PathEscape(id)+"?resolved=1#review-heading", http.StatusSeeOther)
}

// approveOnPage records the user's approval from the postmortem page, at
// the version the page showed.
func (s *Server) approveOnPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if version <= 0 {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.EINVALID, "the approval does not say which version was reviewed: reload the page and approve again"))
		return
	}
	if _, err := s.approve(r.Context(), userFrom(r.Context()), id, version); err != nil {
		if _, conflict := debrief.CurrentVersion(err); conflict {
			err = debrief.Errorf(debrief.ECONFLICT, "%s changed since you opened it: read the new version, then approve it", id)
		}
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/postmortems/"+url.PathEscape(id)+"?approved=1", http.StatusSeeOther)
}
