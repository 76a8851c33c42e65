package web

import (
	"bytes"
	"net/http"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/report"
)

// insightsReport answers GET /api/v1/insights/{report}: the load, oncall,
// kinds or process report of the dashboards as JSON, over ?from=&to= (or
// the default period), for what the user may see.
func (s *Server) insightsReport(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("report")
	switch name {
	case "load", "oncall", "kinds", "process":
	default:
		writeError(w, r, debrief.Errorf(debrief.ENOTFOUND, "there is no insights report %q: ask for load, oncall, kinds or process", name))
		return
	}
	if s.cfg.Insights == nil {
		writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "this server computes no insights", 0)
		return
	}
	ctx := r.Context()
	a, err := s.cfg.Insights.Read(ctx, userFrom(ctx).Viewer())
	if err != nil {
		writeError(w, r, err)
		return
	}
	p, err := period(r, a)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var rep report.Report
	switch name {
	case "load":
		rep, err = a.LoadReport(ctx, p)
	case "oncall":
		rep, err = a.OnCallReport(ctx, p, r.URL.Query().Get("team"))
	case "kinds":
		rep = a.KindsReport(p)
	case "process":
		rep = a.ProcessReport(p)
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, report.JSON, rep); err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
