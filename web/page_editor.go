package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/debrief/debrief"
)

// editorView is the editor, for a new postmortem or a stored one.
type editorView struct {
	Base
	editorState
	// Action is where the form posts; ID is "" for a new postmortem.
	Action   string
	ID       string
	IsNew    bool
	Problems []problemView
	// Guide lists the sections with their guiding questions.
	Guide          []debrief.Section
	Categories     []string
	Severities     []debrief.Severity
	Statuses       []debrief.Status
	ActionKinds    []debrief.ActionKind
	ActionStatuses []debrief.ActionStatus
	// Lint says whether the server lints, for the live findings panel.
	Lint bool
	// Known are the team and service names in use, for suggestions.
	Known knownNames
	// Gate is set when the save stopped at the publish gate.
	Gate *gateView
}

func (s *Server) editorView(r *http.Request, title string, ed editorState) editorView {
	v := editorView{
		Base: s.pages.base(r, title), editorState: ed,
		Guide: debrief.Sections, Categories: s.cfg.Taxonomy.Categories(),
		Severities: debrief.Severities, Statuses: debrief.Statuses,
		ActionKinds: debrief.ActionKinds, ActionStatuses: debrief.ActionStatuses,
		Lint: s.cfg.Findings != nil,
	}
	if v.Mode == modeForm {
		v.Form.addBlankRows()
		var err error
		if v.Known, err = s.known(r.Context(), userFrom(r.Context()).Viewer()); err != nil {
			// Suggestions are a help: the editor works without them.
			s.pages.log.WarnContext(r.Context(), "read the known team and service names", "err", err)
		}
	}
	return v
}

// editPage shows the editor for a stored postmortem.
func (s *Server) editPage(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	pm, err := s.cfg.Postmortems.FindByID(r.Context(), u.Viewer(), r.PathValue("id"))
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	ed := editorState{Mode: modeMarkdown, File: string(fileOf(pm)), Version: pm.Version}
	if r.URL.Query().Get("mode") == modeForm {
		ed.Mode, ed.Form = modeForm, formOf(pm)
	}
	v := s.editorView(r, "Edit "+pm.ID, ed)
	v.Action, v.ID = "/postmortems/"+pm.ID+"/edit", pm.ID
	v.JSON = "/api/v1/postmortems/" + pm.ID
	v.Reactive = s.reactiveBanner(r, pm.Teams, pm.IncidentDate())
	s.pages.render(w, r, http.StatusOK, "editor", v)
}

// savePostmortem saves the editor's content over the version it was made
// on. A stale version answers the conflict page, which keeps the author's
// text; problems answer the editor again with them listed.
func (s *Server) savePostmortem(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ed := readEditor(r)
	v := s.editorView(r, "Edit "+id, ed)
	v.Action, v.ID = "/postmortems/"+id+"/edit", id
	if s.editorOp(w, r, &v) {
		return
	}
	pm, probs := v.postmortem(s.cfg.Taxonomy)
	if len(probs) == 0 && pm.ID != id {
		probs = append(probs, problemView{Field: "id", Line: idLine(v.editorState), Column: 1,
			Message: "the id is " + id + " and ids do not change: write " + id + " back, or start a new postmortem for a new id"})
	}
	if len(probs) > 0 {
		v.Problems = probs
		s.pages.render(w, r, http.StatusBadRequest, "editor", v)
		return
	}
	u := userFrom(r.Context())
	old, err := s.cfg.Postmortems.FindByID(r.Context(), u.Viewer(), id)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	if !s.passGate(w, r, &v, old.Status, pm) {
		return
	}
	err = s.cfg.Postmortems.Update(r.Context(), u.Viewer(), pm, v.Version)
	if _, conflict := debrief.CurrentVersion(err); conflict {
		s.conflictPage(w, r, id, v.editorState)
		return
	}
	if err != nil {
		if debrief.ErrorCode(err) == debrief.EINVALID {
			v.Problems = []problemView{v.refusalView(err)}
			s.pages.render(w, r, http.StatusBadRequest, "editor", v)
			return
		}
		s.pages.errorPage(w, r, err)
		return
	}
	s.pages.similar.bump()
	s.pages.saved(pm.ID, pm.Version, u.Name)
	http.Redirect(w, r, "/postmortems/"+pm.ID+"?saved=1", http.StatusSeeOther)
}

// editorOp handles the editor's buttons that do not save: switching modes
// and adding rows to the form. It reports whether it answered.
func (s *Server) editorOp(w http.ResponseWriter, r *http.Request, v *editorView) bool {
	op := r.PostFormValue("op")
	switch {
	case op == "switch-form" || op == "switch-markdown":
		v.Problems = v.switchMode(strings.TrimPrefix(op, "switch-"), s.cfg.Taxonomy)
	case op == "edit":
		v.Notice = "Your text is back in the editor, now on top of version " + strconv.Itoa(v.Version) + ": saving replaces that version with it."
	case strings.HasPrefix(op, "add-") && v.Mode == modeForm:
		f := &v.Form
		switch op {
		case "add-factor":
			f.Factors = append(f.Factors, factorJSON{})
		case "add-action":
			f.Actions = append(f.Actions, actionForm{})
		case "add-risk":
			f.Risks = append(f.Risks, riskJSON{})
		}
	default:
		return false
	}
	if v.Mode == modeForm {
		v.Form.addBlankRows()
	}
	s.pages.render(w, r, http.StatusOK, "editor", *v)
	return true
}

// idLine finds the line of the id in a Markdown file, for the problem.
func idLine(ed editorState) int {
	if ed.Mode != modeMarkdown {
		return 0
	}
	for i, l := range strings.Split(ed.File, "\n") {
		if strings.HasPrefix(l, "id:") {
			return i + 1
		}
	}
	return 1
}
