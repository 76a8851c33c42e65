package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// newView is the first step of a new postmortem: a title and a few facts,
// from which the editor starts with the template.
type newView struct {
	Base
	Severities []debrief.Severity
	Guide      []debrief.Section
}

// newPage starts a new postmortem. Without a title it asks for one; with a
// title it opens the editor on the template, with the next free id of the
// year and the guiding questions: in the guided form, or as Markdown when
// asked (mode=markdown). Nothing is stored until the author saves.
func (s *Server) newPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	title := strings.TrimSpace(q.Get("title"))
	if title == "" {
		v := newView{Base: s.pages.base(r, "New postmortem"), Severities: debrief.Severities, Guide: debrief.Sections}
		v.Nav = "new"
		s.pages.render(w, r, http.StatusOK, "new", v)
		return
	}
	id, err := s.nextID(r.Context())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	sev := debrief.Severity(q.Get("severity"))
	if sev == "" {
		sev = debrief.SEV3
	}
	pm := &debrief.Postmortem{
		ID: id, Title: title, Severity: sev, Status: debrief.StatusDraft,
		Teams: splitList(q.Get("teams")), Services: splitList(q.Get("services")),
	}
	if u := userFrom(r.Context()); u != nil {
		pm.Authors = []string{u.Name}
	}
	file := markdown.Template(pm)
	ed := editorState{Mode: modeMarkdown, File: string(file)}
	if q.Get("mode") != modeMarkdown {
		doc, _ := markdown.Parse(file)
		ed.Mode, ed.Form = modeForm, formOf(doc.Postmortem)
	}
	v := s.newEditorView(r, ed)
	teams := pm.Teams
	if len(teams) == 0 && userFrom(r.Context()) != nil {
		teams = userFrom(r.Context()).Teams
	}
	v.Reactive = s.reactiveBanner(r, teams, debrief.Date{})
	s.pages.render(w, r, http.StatusOK, "editor", v)
}

func (s *Server) newEditorView(r *http.Request, ed editorState) editorView {
	v := s.editorView(r, "New postmortem", ed)
	v.Action, v.IsNew, v.Nav = "/new", true, "new"
	v.JSON = "/api/v1/postmortems"
	return v
}

// createFromEditor stores the editor's new postmortem.
func (s *Server) createFromEditor(w http.ResponseWriter, r *http.Request) {
	ed := readEditor(r)
	ed.Version = 0
	v := s.newEditorView(r, ed)
	if s.editorOp(w, r, &v) {
		return
	}
	pm, probs := v.postmortem(s.cfg.Taxonomy)
	if len(probs) > 0 {
		v.Problems = probs
		s.pages.render(w, r, http.StatusBadRequest, "editor", v)
		return
	}
	if !s.passGate(w, r, &v, "", pm) {
		return
	}
	err := s.cfg.Postmortems.Create(r.Context(), userFrom(r.Context()).Viewer(), pm)
	if err != nil {
		switch debrief.ErrorCode(err) {
		case debrief.ECONFLICT:
			msg := debrief.ErrorMessage(err)
			if next, err := s.nextID(r.Context()); err == nil {
				msg += "; the next free id is " + next
			}
			v.Problems = []problemView{{Field: "id", Line: idLine(v.editorState), Column: 1, Message: msg}}
		case debrief.EINVALID:
			v.Problems = []problemView{v.refusalView(err)}
		default:
			s.pages.errorPage(w, r, err)
			return
		}
		s.pages.render(w, r, statuses[debrief.ErrorCode(err)], "editor", v)
		return
	}
	s.pages.similar.bump()
	s.pages.saved(pm.ID, pm.Version, userFrom(r.Context()).Name)
	http.Redirect(w, r, "/postmortems/"+pm.ID+"?created=1", http.StatusSeeOther)
}

// nextID hands out a postmortem id of the current year: the archive's
// allocator says nothing about postmortems the author may not see.
func (s *Server) nextID(ctx context.Context) (string, error) {
	return s.cfg.Postmortems.NextID(ctx, userFrom(ctx).Viewer(), s.pages.now().UTC().Year())
}
