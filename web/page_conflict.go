package web

import (
	"net/http"

	"github.com/debrief/debrief"
)

// conflictView is the answer to saving a stale version: the author's text,
// kept and editable, the newer saved text, and the differences between
// them. The author chooses: save their text over the newer version, take
// it back to the editor, or drop it and edit the newer version.
type conflictView struct {
	Base
	ID           string
	Action       string
	Mine         string
	Theirs       string
	BaseVersion  int
	TheirVersion int
	// SavedBy names who saved TheirVersion; "" when this server does not
	// know.
	SavedBy string
	Diff    []diffLine
	Changes int
}

// conflictPage answers 409 with the conflict page for id, showing the
// version stored now, which it reads again: it may be newer still than the
// one that refused the save.
func (s *Server) conflictPage(w http.ResponseWriter, r *http.Request, id string, ed editorState) {
	u := userFrom(r.Context())
	theirs, err := s.cfg.Postmortems.FindByID(r.Context(), u.Viewer(), id)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := conflictView{
		Base: s.pages.base(r, "Changed while you edited: "+id),
		ID:   id, Action: "/postmortems/" + id + "/edit",
		Mine: ed.markdownFile(), Theirs: string(fileOf(theirs)),
		BaseVersion: ed.Version, TheirVersion: theirs.Version, SavedBy: s.pages.savedBy(id, theirs.Version),
	}
	lines := diffLines(v.Theirs, v.Mine)
	for _, l := range lines {
		if l.Op != ' ' {
			v.Changes++
		}
	}
	v.Diff = diffHunks(lines, 3)
	s.pages.render(w, r, statuses[debrief.ECONFLICT], "conflict", v)
}
