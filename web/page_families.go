package web

import (
	"net/http"

	"github.com/debrief/debrief"
)

// familiesView is the list of families: one kind of incident each, with
// how often it happened.
type familiesView struct {
	Base
	Families []debrief.FamilySummary
	// Single counts the kinds seen only once: not (yet) a family.
	Single int
}

func (s *Server) familiesPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Families == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this server does not group families"))
		return
	}
	fams, err := s.cfg.Families.Families(r.Context(), userFrom(r.Context()).Viewer())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := familiesView{Base: s.pages.base(r, "Families of incidents")}
	v.Nav, v.JSON = "families", "/api/v1/families"
	for _, f := range fams {
		if f.Incidents > 1 {
			v.Families = append(v.Families, f)
		} else {
			v.Single++
		}
	}
	s.pages.render(w, r, http.StatusOK, "families", v)
}

// familyView is one family's page.
type familyView struct {
	Base
	F *debrief.Family
	// Recurred maps an incident id to the fixes done before it that did
	// not hold.
	Recurred map[string][]debrief.Recurrence
	Today    debrief.Date
}

func (s *Server) familyPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Families == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this server does not group families"))
		return
	}
	f, err := s.cfg.Families.Family(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("kind"))
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := familyView{Base: s.pages.base(r, f.Kind.Name), F: f, Recurred: map[string][]debrief.Recurrence{},
		Today: debrief.DateOf(s.pages.now().UTC())}
	v.Nav, v.JSON = "families", "/api/v1/families/"+f.Kind.ID
	for _, rc := range f.Recurrences {
		v.Recurred[rc.Later.ID] = append(v.Recurred[rc.Later.ID], rc)
	}
	s.pages.render(w, r, http.StatusOK, "family", v)
}
