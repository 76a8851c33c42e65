package web

import (
	"net/http"
	"net/url"

	"github.com/debrief/debrief"
)

// risksView is the accepted-risk register.
type risksView struct {
	Base
	Entries []*debrief.RiskEntry
	History map[string][]debrief.Change
	Team    string
	CanEdit bool
	Today   debrief.Date
	// NextReview suggests a new review date for a kept risk: in 90 days.
	NextReview debrief.Date
}

func (s *Server) risksPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.followData(r.Context())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	today := s.today()
	teams := values(r.URL.Query(), "team")
	v := risksView{Base: s.pages.base(r, "Accepted risks"), Entries: registerFor(d.Register(today), teams),
		CanEdit: userFrom(r.Context()).CanWrite(), Today: today, NextReview: debrief.DateOf(today.Time().AddDate(0, 0, 90)),
		History: map[string][]debrief.Change{}}
	if len(teams) > 0 {
		v.Team = teams[0]
	}
	for _, e := range v.Entries {
		h, err := s.cfg.FollowThrough.History(r.Context(), userFrom(r.Context()).Viewer(), debrief.SubjectRisk, e.Risk.ID)
		if err != nil {
			s.pages.errorPage(w, r, err)
			return
		}
		v.History[e.Risk.ID] = h
	}
	v.Nav, v.JSON = "risks", "/api/v1/risks"
	if r.URL.RawQuery != "" {
		v.JSON += "?" + r.URL.RawQuery
	}
	v.Notice = noticeOf(r.URL.Query())
	s.pages.render(w, r, http.StatusOK, "risks", v)
}

// reviewRiskPage records a risk's review in one step: keep with a new
// review date, or close with what was done.
func (s *Server) reviewRiskPage(w http.ResponseWriter, r *http.Request) {
	b := reviewBody{Decision: r.PostForm.Get("decision"), NextReview: r.PostForm.Get("next_review"), Outcome: r.PostForm.Get("outcome")}
	if err := s.doReview(r, b); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice(r.PostForm.Get("back"), "/risks", "reviewed", r.PathValue("id")), http.StatusSeeOther)
}

// figuresView is the page of follow-through figures.
type figuresView struct {
	Base
	By   string
	Days string
	Rows []debrief.FollowThrough
	// Window says which items the figures look at.
	Window string
}

func (s *Server) figuresPage(w http.ResponseWriter, r *http.Request) {
	out, rows, err := s.figures(r)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := figuresView{Base: s.pages.base(r, "Follow-through"), By: out.By, Days: r.URL.Query().Get("days"), Rows: rows, Window: out.Window}
	v.Nav, v.JSON = "figures", "/api/v1/follow-through?"+url.Values{"by": {out.By}}.Encode()
	s.pages.render(w, r, http.StatusOK, "figures", v)
}
