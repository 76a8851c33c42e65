package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// trackerNames are the trackers an item's issue can be created in.
func (s *Server) trackerNames() []string {
	if s.cfg.Trackers == nil {
		return nil
	}
	var out []string
	for _, t := range s.cfg.Trackers.Trackers {
		out = append(out, t.Name())
	}
	return out
}

// createIssue opens the request's item's issue in the tracker the request
// names, and returns its link.
func (s *Server) createIssue(r *http.Request, name, ifMatch string) (string, error) {
	if s.cfg.Trackers == nil {
		return "", debrief.Errorf(debrief.ENOTFOUND, "no issue tracker is set up: add GitHub or Jira under trackers: in .debrief.yaml")
	}
	return s.cfg.Trackers.Create(r.Context(), userFrom(r.Context()).Viewer(), strings.TrimSpace(name), r.PathValue("id"), ifMatch)
}

// pushStatus moves the issue of an item whose status changed in debrief;
// a tracker that fails is logged, and its next poll brings the two back in
// step.
func (s *Server) pushStatus(ctx context.Context, item debrief.ActionItem) {
	if s.cfg.Trackers == nil || item.Link == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := s.cfg.Trackers.Push(ctx, item); err != nil {
		s.cfg.Log.Warn("moving the issue of an action item", "item", item.ID, "error", err)
	}
}

func (s *Server) createIssuePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.createIssue(r, r.PostForm.Get("tracker"), r.PostForm.Get("etag")); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice("/action-items/"+url.PathEscape(id), "/action-items", "saved", id), http.StatusSeeOther)
}

// issueBody is the body of POST /api/v1/action-items/{id}/issue.
type issueBody struct {
	Tracker string `json:"tracker"`
}

func (s *Server) createIssueAPI(w http.ResponseWriter, r *http.Request) {
	im := strings.TrimSpace(r.Header.Get("If-Match"))
	if im == "" {
		writeErrorStatus(w, http.StatusPreconditionRequired, "precondition_required", "send If-Match with the item's ETag", 0)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var b issueBody
	if err := decodeStrict(body, &b); err != nil {
		writeError(w, r, err)
		return
	}
	if _, err := s.createIssue(r, b.Tracker, im); err != nil {
		if debrief.ErrorCode(err) == debrief.ECONFLICT {
			writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT, debrief.ErrorMessage(err), 0)
			return
		}
		writeError(w, r, err)
		return
	}
	s.getActionItem(w, r)
}
