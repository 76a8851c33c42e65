package web

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/debrief/debrief"
)

// Config is what a Server needs.
type Config struct {
	Postmortems debrief.PostmortemService
	// Families groups the archive by incident kind; nil turns families
	// and recurrences off.
	Families debrief.FamilyService
	Users    debrief.UserService
	// Reviews keeps review comments; nil turns them off.
	Reviews debrief.ReviewService
	// Findings lints a document for POST /api/v1/lint and for the pages
	// (findings marked in place, counts in the archive, live lint in the
	// editor); nil turns linting off, and the lint API answers 501.
	Findings FindingsFunc
	Taxonomy debrief.Taxonomy
	Log      *slog.Logger
	// RequestLogLevel is the level requests are logged at: Info when 0;
	// the demo logs them at Debug, so that its sign-in line stays in
	// sight.
	RequestLogLevel slog.Level
	// MaxBody caps request bodies; DefaultMaxBody when 0.
	MaxBody int64
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header
	// names the client, for sign-in limits; from any other peer the header
	// is ignored, since a client can send anything.
	TrustedProxies []netip.Prefix
}

// DefaultMaxBody is the largest request body accepted: twice the largest
// postmortem file the archive stores, to leave room for JSON escaping.
const DefaultMaxBody = 2 * debrief.MaxFileSize

// Server is debrief's HTTP server.
type Server struct {
	cfg     Config
	handler http.Handler
	pages   *pages // the web app's state: templates, sessions, caches (pages.go)
}

// New returns a server for cfg with its routes in place.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	s := &Server{cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	s.apiRoutes(mux)
	s.pageRoutes(mux)
	s.handler = chain(mux, recoverPanics(cfg.Log), accessLog(cfg.Log, cfg.RequestLogLevel), limitBody(cfg.MaxBody))
	return s
}

// ServeHTTP serves a request; a Server is an http.Handler for tests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Serve answers requests on l until ctx is done, then stops taking new
// connections and waits up to shutdownGrace for those in flight.
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
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
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
