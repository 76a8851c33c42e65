package web

import (
	"context"
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/metrics"
	"github.com/debrief/debrief/paging"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// The insights (docs/insights.md) in the web app: the dashboards
// (page_insights.go), the team pages (page_team.go), the reactive banner
// and the postmortem's paging figures, the insights API, Alertmanager's
// webhook and /metrics. Config.Insights turns them on.

// insightRoutes adds the routes of the insights that are not API routes of
// a signed-in user: the pages, the webhook and /metrics.
func (s *Server) insightRoutes(mux *http.ServeMux) {
	p := s.pages
	signedIn := func(h http.HandlerFunc) http.Handler {
		return chain(withOrigin(debrief.SourceWeb, p.requireSignIn(p.requireForm(h))), securityHeaders, p.withSession)
	}
	mux.Handle("GET /insights", signedIn(s.insightsPage))
	mux.Handle("GET /teams/{team}", signedIn(s.teamPage))

	var m *metrics.Metrics
	metricsHandler := http.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeErrorStatus(w, http.StatusNotFound, debrief.ENOTFOUND, "this server computes no insights, so it serves no metrics", 0)
	}))
	if s.cfg.Insights != nil {
		reg := prometheus.NewRegistry()
		var err error
		if m, err = metrics.Register(reg, s.cfg.Insights.Snapshot); err != nil {
			panic(err) // a fresh registry: only a programming error can fail
		}
		metricsHandler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorLog: nil, Timeout: metrics.ScrapeTimeout + time.Second})
	}
	mux.Handle("GET /metrics", metricsHandler)
	mux.Handle("POST /api/v1/pages/alertmanager", apiHeaders(s.alertmanagerWebhook(m)))
}

// alertmanagerWebhook takes Alertmanager's notifications, with the bearer
// token of Config.PagesToken, into the archive's pages.
func (s *Server) alertmanagerWebhook(m *metrics.Metrics) http.Handler {
	if s.cfg.Insights == nil || s.cfg.Insights.Pages == nil || s.cfg.PagesToken.IsZero() {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "this server takes no Alertmanager notifications: start it with a pages token (docs/insights.md)", 0)
		})
	}
	sink := countingSink{Store: s.cfg.Insights.Pages, m: m, saved: func() { s.pages.pagingGen.Add(1) }}
	h := paging.AlertmanagerHandler(sink, s.cfg.Insights.Settings.Mapping())
	want := []byte(s.cfg.PagesToken.Reveal())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="debrief pages"`)
			writeErrorStatus(w, http.StatusUnauthorized, debrief.EUNAUTHORIZED, "send the pages token as Authorization: Bearer TOKEN (Alertmanager: http_config.authorization.credentials)", 0)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// countingSink counts the pages it saves for debrief_pages_received_total.
type countingSink struct {
	paging.Store
	m *metrics.Metrics
	// saved is told of every delivery saved.
	saved func()
}

func (c countingSink) SavePages(ctx context.Context, pages []paging.Page) error {
	if err := c.Store.SavePages(ctx, pages); err != nil {
		return err
	}
	c.saved()
	if c.m != nil {
		n := map[string]int{}
		for _, p := range pages {
			n[p.Team]++
		}
		for team, k := range n {
			c.m.PagesReceived(team, k)
		}
	}
	return nil
}

// period reads a page's or request's ?from=&to= (days), or the default
// period of the snapshot.
func period(r *http.Request, a *insight.Archive) (insight.Period, error) {
	q := r.URL.Query()
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if from == "" && to == "" {
		return a.DefaultPeriod(r.Context())
	}
	if from == "" || to == "" {
		return insight.Period{}, debrief.Errorf(debrief.EINVALID, "give from and to together (YYYY-MM-DD), or neither for the last %d weeks", insight.DefaultWeeks)
	}
	fd, err := debrief.ParseDate(from)
	if err != nil {
		return insight.Period{}, debrief.Errorf(debrief.EINVALID, "from: %v", err)
	}
	td, err := debrief.ParseDate(to)
	if err != nil {
		return insight.Period{}, debrief.Errorf(debrief.EINVALID, "to: %v", err)
	}
	return insight.PeriodOf(fd, td)
}

// reactiveBanner returns the teams of a postmortem, or of a new one's
// author, that are or were in reactive mode, for the banner "deal with the
// incidents first"; nothing when the insights are off or cannot be read.
func (s *Server) reactiveBanner(r *http.Request, teams []string, incident debrief.Date) []insight.Reactive {
	if s.cfg.Insights == nil || len(teams) == 0 {
		return nil
	}
	// The banner waits for a first reading of the archive only briefly:
	// on a large archive that takes longer than a page may, and the page
	// goes without it until the reading is done.
	a, ok := s.cfg.Insights.Recent(r.Context(), userFrom(r.Context()).Viewer(), reactiveWait)
	if !ok {
		return nil
	}
	rs, err := a.Reactive(r.Context(), teams, incident)
	if err != nil {
		s.pages.log.WarnContext(r.Context(), "the reactive banner", "err", err)
		return nil
	}
	return rs
}

// reactiveWait is how long a postmortem page waits for the insights'
// first reading of the archive (insight.Source.Recent).
const reactiveWait = 100 * time.Millisecond

// incidentPaging returns the paging figures of a postmortem's week, as
// read at most pagingTTL before.
func (s *Server) incidentPaging(r *http.Request, pm *debrief.Postmortem) []insight.IncidentPaging {
	if s.cfg.Insights == nil {
		return nil
	}
	key, now, gen := pm.ID+"@"+strconv.Itoa(pm.Version), s.pages.now(), s.pages.pagingGen.Load()
	if e, ok := s.pages.paging.get(key); ok && e.gen == gen && now.Sub(e.at) < pagingTTL && !now.Before(e.at) {
		return e.ip
	}
	ip, err := s.cfg.Insights.IncidentPaging(r.Context(), pm)
	if err != nil {
		s.pages.log.WarnContext(r.Context(), "the paging of an incident", "id", pm.ID, "err", err)
		return nil
	}
	s.pages.paging.put(key, pagingEntry{at: now, gen: gen, ip: ip})
	return ip
}

// pagingTTL is how long a postmortem page shows the paging of its week as
// read before. Pages arrive from pollers and webhooks on any replica, and
// the dashboards read them again every ten minutes; a postmortem page
// reads them again after a minute, or at once after this server took
// pages from a webhook.
const pagingTTL = time.Minute

// pagingEntry is the paging of a postmortem's week, read at at, when the
// server's count of webhook deliveries was gen.
type pagingEntry struct {
	at  time.Time
	gen uint64
	ip  []insight.IncidentPaging
}
