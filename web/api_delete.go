package web

import (
	"fmt"
	"net/http"

	"github.com/debrief/debrief"
)

// deletePostmortem deletes a postmortem as an admin, at the version of
// If-Match (the store refuses anyone else), and logs who did.
func (s *Server) deletePostmortem(w http.ResponseWriter, r *http.Request) {
	u, id := userFrom(r.Context()), r.PathValue("id")
	if u.Role != debrief.RoleAdmin {
		writeErrorStatus(w, http.StatusForbidden, debrief.EFORBIDDEN, "only admins may delete a postmortem", 0)
		return
	}
	im := r.Header.Get("If-Match")
	if im == "" {
		writeErrorStatus(w, http.StatusPreconditionRequired, "precondition_required", "send If-Match with the ETag of the version you mean to delete, so that no newer edit is deleted unseen", 0)
		return
	}
	cond, ok := parseIfMatch(im)
	if !ok {
		writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, fmt.Sprintf("If-Match %q is not * or a list of entity tags, such as \"v3\" with its quotes", im), 0)
		return
	}
	version, ok := s.expectedVersion(w, r, id, cond)
	if !ok {
		return
	}
	err := s.cfg.Postmortems.Delete(r.Context(), u.Viewer(), id, version)
	if current, conflict := debrief.CurrentVersion(err); conflict {
		w.Header().Set("ETag", etag(current))
		writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT, debrief.ErrorMessage(err), current)
		return
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	s.cfg.Log.InfoContext(r.Context(), "deleted a postmortem", "id", id, "version", version, "by", u.Name)
	w.WriteHeader(http.StatusNoContent)
}
