package web

import (
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/report"
)

// teamView is a team's page: its load and reactive mode, its paging, its
// open follow-through and the kinds of incident that hit it.
type teamView struct {
	Base
	Period   insight.Period
	Computed time.Time
	Rule     string
	T        *insight.Team
	Today    debrief.Date
	Charts   []template.HTML
}

func (s *Server) teamPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Insights == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this server computes no insights"))
		return
	}
	ctx := r.Context()
	team := strings.ToLower(strings.TrimSpace(r.PathValue("team")))
	if team == "" || len(team) > 200 {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.EINVALID, "give a team's name, such as /teams/payments"))
		return
	}
	a, err := s.cfg.Insights.Read(ctx, userFrom(ctx).Viewer())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	p, err := period(r, a)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	t, err := a.Team(ctx, p, team)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := teamView{Base: s.pages.base(r, "Team "+team), Period: p, Computed: a.Computed, Rule: a.Rule().String(), T: t, Today: a.Today()}
	v.Nav = "insights"
	if len(t.Load.Weeks) > 0 {
		v.Charts = append(v.Charts, report.LoadChart(t.Load, a.Rule(), a.Computed).HTML())
	}
	if len(t.Paging) > 0 {
		v.Charts = append(v.Charts, report.PagingChart(team, t.Paging, a.Options(team), a.Computed).HTML())
	}
	if t.OnCall != nil && len(t.OnCall.Trend.Current.Noisiest) > 0 {
		v.Charts = append(v.Charts, report.NoisiestChart(team, t.OnCall.Trend.Current, a.Computed).HTML())
	}
	s.pages.render(w, r, http.StatusOK, "team", v)
}
