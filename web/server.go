package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/remind"
	"github.com/debrief/debrief/sso"
	"github.com/debrief/debrief/tracker"
)

// Config is what a Server needs.
type Config struct {
	Postmortems debrief.PostmortemService
	// Families groups the archive by incident kind; nil turns families
	// and recurrences off.
	Families debrief.FamilyService
	// SimilarLists keeps each postmortem's similar incidents, which its
	// page then reads instead of looking them up (similar_lists.go); nil
	// looks them up for each page.
	SimilarLists debrief.SimilarListService
	Users        debrief.UserService
	// Reviews keeps review comments; nil turns them off.
	Reviews debrief.ReviewService
	// Findings lints a document for POST /api/v1/lint and for the pages
	// (findings marked in place, counts in the archive, live lint in the
	// editor); nil turns linting off, and the lint API answers 501.
	Findings FindingsFunc
	Taxonomy debrief.Taxonomy
	// RequestLogLevel is the level requests are logged at: Info when 0;
	// the demo logs them at Debug, so that its sign-in line stays in
	// sight.
	RequestLogLevel slog.Level
	// FollowThrough keeps the records of the follow-through: with it the
	// server has action items, the risk register and the figures
	// (page_actions.go); nil turns them off.
	FollowThrough debrief.FollowThroughService
	// Weights are the score's weights; the defaults when zero.
	Weights debrief.ScoreWeights
	// Outbox, in demo mode, holds the reminders that would have gone to
	// Slack and by e-mail, and Preview renders a day's digests without
	// sending them; both nil outside the demo.
	// Trackers keeps items and their GitHub or Jira issues in step; nil
	// when none is set up. Webhooks are the trackers' signed webhook
	// handlers, served at /webhooks/{name} without a session.
	// Reminders keeps the reminder settings admins make on
	// /admin/reminders; ReminderTeams names the teams .debrief.yaml sends
	// digests to, which the page shows beside them.
	Reminders     debrief.ReminderService
	ReminderTeams []string
	Trackers      *tracker.Sync
	Webhooks      map[string]http.Handler
	Outbox        *remind.Outbox
	Preview       func(ctx context.Context, day debrief.Date) ([]*remind.Message, error)
	Log           *slog.Logger
	// MaxBody caps request bodies; DefaultMaxBody when 0.
	MaxBody int64
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header
	// names the client, for sign-in limits; from any other peer the header
	// is ignored, since a client can send anything.
	TrustedProxies []netip.Prefix
	// Insights computes the dashboards, the reactive banner, the
	// postmortems' paging figures and /metrics; nil turns them off.
	Insights *insight.Source
	// PagesToken is the bearer token of Alertmanager's webhook, POST
	// /api/v1/pages/alertmanager; the zero Secret turns the webhook off.
	PagesToken credential.Secret
	// SSO signs people in through an OpenID Connect provider; nil turns
	// single sign-on off (page_sso.go).
	SSO *sso.Provider
	// NoPasswords refuses sign-in with a name and password, so that
	// people sign in only through SSO; API tokens still work.
	NoPasswords bool
	// Changes returns the archive's count of changes, which any write to
	// a postmortem moves on, by any replica. With it a postmortem page
	// keeps the parts that are the same for every reader who may see the
	// same postmortems until the count moves (pageParts); nil renders
	// them for every request.
	Changes func(ctx context.Context) (int64, error)
	// Ping checks that the archive answers, for GET /readyz; nil leaves
	// the check out.
	Ping func(ctx context.Context) error
	// Drain is how long Serve goes on serving after its context ends,
	// with GET /readyz answering 503, so that a load balancer's health
	// checks take this replica out before it stops taking connections.
	Drain time.Duration
}

// DefaultMaxBody is the largest request body accepted: twice the largest
// postmortem file the archive stores, to leave room for JSON escaping.
const DefaultMaxBody = 2 * debrief.MaxFileSize

// Server is debrief's HTTP server.
type Server struct {
	cfg     Config
	handler http.Handler
	pages   *pages // the web app's state: templates, sessions, caches (pages.go)
	// audit and tokens are the archive's audit log and token service, nil
	// when it has none (audit.go).
	audit  debrief.AuditService
	tokens debrief.TokenService
	// draining is set once Serve's context ended (Config.Drain).
	draining atomic.Bool
	// lists keeps the stored similar lists up to date; nil without
	// Config.SimilarLists.
	lists *similarLists
}

// New returns a server for cfg with its routes in place.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Weights.Severity == nil {
		cfg.Weights = debrief.DefaultScoreWeights()
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	s := &Server{cfg: cfg}
	if cfg.SimilarLists != nil {
		s.lists = newSimilarLists(cfg.SimilarLists, cfg.Log)
	}
	s.audit, _ = cfg.Users.(debrief.AuditService)
	s.tokens, _ = cfg.Users.(debrief.TokenService)
	if s.audit != nil && cfg.Postmortems != nil {
		s.cfg.Postmortems = auditedPostmortems{PostmortemService: cfg.Postmortems, s: s}
	}
	if ft, ok := cfg.FollowThrough.(debrief.FollowThroughArchive); ok && s.audit != nil {
		s.cfg.FollowThrough = auditedFollowThrough{FollowThroughArchive: ft, s: s}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	for name, h := range cfg.Webhooks {
		mux.Handle("POST /webhooks/"+name, h)
	}
	s.apiRoutes(mux)
	s.pageRoutes(mux)
	s.insightRoutes(mux)
	s.handler = chain(s.crossOrigin(mux), recoverPanics(cfg.Log), accessLog(cfg.Log, cfg.RequestLogLevel), limitBody(cfg.MaxBody), s.withOrigin)
	return s
}

// ServeHTTP serves a request; a Server is an http.Handler for tests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.lists != nil {
		s.lists.seen()
	}
	s.handler.ServeHTTP(w, r)
}

// healthz answers while the process serves: a liveness check.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyzTimeout bounds readyz's check of the archive.
const readyzTimeout = 2 * time.Second

// readyz answers 200 when this replica should get requests: it is not
// stopping and the archive answers. A load balancer checks it.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "stopping"})
		return
	}
	if s.cfg.Ping != nil {
		ctx, cancel := context.WithTimeout(r.Context(), readyzTimeout)
		defer cancel()
		if err := s.cfg.Ping(ctx); err != nil {
			s.cfg.Log.WarnContext(r.Context(), "readyz: the archive does not answer", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "the archive does not answer"})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// Serve answers requests on l until ctx is done. Then it goes on for
// Config.Drain with GET /readyz answering 503, stops taking new
// connections, and waits up to shutdownGrace for the requests in flight.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	if s.lists != nil {
		go s.lists.run(ctx)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	if s.cfg.Drain > 0 {
		s.cfg.Log.Info("draining: /readyz answers 503", "for", s.cfg.Drain)
		select {
		case err := <-errc:
			return err
		case <-time.After(s.cfg.Drain):
		}
	}
	s.cfg.Log.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

const shutdownGrace = 15 * time.Second

// crossOrigin refuses state-changing requests that a browser sends from
// another site (http.CrossOriginProtection), for the pages and the API
// alike: the session cookie is SameSite=Lax too. Requests without a
// browser's Origin or Sec-Fetch-Site headers, such as API clients with a
// bearer token and trackers' webhooks, pass.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := debrief.Errorf(debrief.EFORBIDDEN, "this request came from another site, so it was refused: open debrief itself and do it there")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeError(w, r, err)
			return
		}
		s.pages.errorPage(w, r, err)
	}))
	return cop.Handler(next)
}
