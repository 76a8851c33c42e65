package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/debrief/debrief"
)

// listComments answers GET /api/v1/postmortems/{id}/comments.
func (s *Server) listComments(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Reviews == nil {
		writeError(w, r, reviewsOff)
		return
	}
	cs, err := s.cfg.Reviews.Comments(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	items := []commentJSON{}
	for _, c := range cs {
		items = append(items, toCommentJSON(c))
	}
	writeJSON(w, http.StatusOK, listJSON{Items: items})
}

// addComment answers POST /api/v1/postmortems/{id}/comments: a JSON object
// with body, and section and quote for its anchor.
func (s *Server) addComment(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Reviews == nil {
		writeError(w, r, reviewsOff)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var in struct {
		Section string `json:"section"`
		Quote   string `json:"quote"`
		Body    string `json:"body"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		writeError(w, r, debrief.Errorf(debrief.EINVALID, "the body is not a JSON comment such as {\"section\": \"Summary\", \"body\": \"…\"}: %v", err))
		return
	}
	u := userFrom(r.Context())
	c := &debrief.Comment{PostmortemID: r.PathValue("id"), Section: in.Section, Quote: in.Quote, Body: in.Body, Author: u.Name}
	if err := s.cfg.Reviews.AddComment(r.Context(), u.Viewer(), c); err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, toCommentJSON(c))
}

// resolveComment answers POST /api/v1/postmortems/{id}/comments/{comment}/resolve.
func (s *Server) resolveComment(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Reviews == nil {
		writeError(w, r, reviewsOff)
		return
	}
	n, err := strconv.ParseInt(r.PathValue("comment"), 10, 64)
	if err != nil || n <= 0 {
		writeError(w, r, debrief.Errorf(debrief.ENOTFOUND, "there is no comment %q: comments have whole-number ids", r.PathValue("comment")))
		return
	}
	u := userFrom(r.Context())
	c, err := s.cfg.Reviews.ResolveComment(r.Context(), u.Viewer(), r.PathValue("id"), n)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, toCommentJSON(c))
}

// approvePostmortem answers POST /api/v1/postmortems/{id}/approvals: the
// caller, one of the reviewers, approves the postmortem at the version
// If-Match names, or at the current one without it.
func (s *Server) approvePostmortem(w http.ResponseWriter, r *http.Request) {
	id, version := r.PathValue("id"), 0
	if im := r.Header.Get("If-Match"); im != "" {
		cond, ok := parseIfMatch(im)
		if !ok {
			writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, fmt.Sprintf("If-Match %q is not * or a list of entity tags: send the ETag of the version you reviewed, such as \"v3\" with its quotes", im), 0)
			return
		}
		if version, ok = s.expectedVersion(w, r, id, cond); !ok {
			return
		}
	}
	p, err := s.approve(r.Context(), userFrom(r.Context()), id, version)
	if current, conflict := debrief.CurrentVersion(err); conflict {
		w.Header().Set("ETag", etag(current))
		writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT, debrief.ErrorMessage(err), current)
		return
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, http.StatusOK, toJSON(p))
}
