package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/examples"
	"github.com/debrief/debrief/lease"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
	"github.com/debrief/debrief/web"
	"github.com/spf13/cobra"
)

// demoUser is the admin that --demo creates.
const demoUser = "demo"

func newServeCmd(g *globals) *cobra.Command {
	var (
		o       storeOptions
		addr    string
		demo    bool
		proxies []string
		so      ssoOptions
		drain   time.Duration
		prof    string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web app and the API",
		Long: `Serve the web app (archive, postmortem pages, editor with live lint) and
the JSON API on --addr, until SIGINT or SIGTERM, then finish the requests in
flight (for up to 15 seconds) and stop. With --drain, it first goes on
serving for that long with GET /readyz answering 503, so that a load
balancer that checks /readyz stops sending it requests before it stops
taking connections. GET /healthz answers 200 as long as it serves.

Several replicas can serve one PostgreSQL archive: browser sessions live
in the archive, and the periodic jobs (reminders, the trackers' poll) run
on one replica at a time, the holder of a lease in the archive.

Serving on an address other than loopback needs an admin in the archive
(debrief user add NAME --role admin --password-stdin), so that no archive is
ever open to a network without someone who can manage it.

With --demo, debrief serves a fresh temporary archive with the example
postmortems imported and a demo admin, and prints the URL and the password.
The archive is removed when the server stops.

Behind a reverse proxy, name it with --trusted-proxy (an address or a CIDR
range; repeat the flag or separate them with commas), so that sign-in limits
count each client by the address the proxy puts in X-Forwarded-For. From any
other peer that header is ignored, since a client can send anything; without
the flag, everyone behind the proxy shares its address.

Single sign-on through an OpenID Connect provider needs --oidc-issuer,
--oidc-client-id, --oidc-redirect-url and the client secret in
DEBRIEF_OIDC_CLIENT_SECRET. A person's first sign-in creates their user;
--oidc-role and --oidc-team-prefix map the values of one claim
(--oidc-claim, groups by default) to a role and teams, and every sign-in
brings them up to date. --no-password-signin then leaves single sign-on as
the only way into the web app.

The linter uses the .debrief.yaml of the current folder, if there is one,
and so do the insights (teams' time zones, the reactive rule). With
DEBRIEF_PAGES_TOKEN (or a file named by DEBRIEF_PAGES_TOKEN_FILE) set,
POST /api/v1/pages/alertmanager takes Prometheus Alertmanager's webhook
with that bearer token, at least 16 characters; /metrics serves Prometheus
metrics; --demo also imports six months of the example company's pages.`,

		Example: `  debrief serve --demo
  debrief serve --addr 127.0.0.1:8080 --data /var/lib/debrief
  debrief serve --addr 0.0.0.0:8080 --db "$DEBRIEF_DB" --migrate
  debrief serve --addr 10.0.1.5:8080 --trusted-proxy 10.0.0.0/24
  debrief serve --oidc-issuer https://id.example.com --oidc-client-id debrief \
    --oidc-redirect-url https://debrief.example.com/signin/sso/callback \
    --oidc-role debrief-admins=admin --oidc-role engineering=editor --oidc-team-prefix team:`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if demo && g.db != "" {
				return usageErrorf("--demo serves its own temporary archive: leave out --db")
			}
			trusted, err := parseTrustedProxies(proxies)
			if err != nil {
				return err
			}
			signin, err := so.auth()
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if drain < 0 {
				return usageErrorf("--drain %s is negative", drain)
			}
			if prof != "" {
				if err := startProfiling(ctx, g.log, prof); err != nil {
					return err
				}
			}
			return serve(ctx, g, o, addr, demo, trusted, signin, drain)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "HOST:PORT to listen on")
	f.StringSliceVar(&proxies, "trusted-proxy", nil, "reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client")
	f.BoolVar(&demo, "demo", false, "serve a temporary archive of the example postmortems, with a demo admin")
	f.DurationVar(&drain, "drain", 0, "after SIGTERM, go on serving this long with /readyz answering 503, such as 10s")
	f.StringVar(&prof, "pprof", "", "HOST:PORT, on loopback, to serve Go's profiles on (net/http/pprof), to see where a loaded server spends its time")
	addStoreFlags(cmd, &o)
	addSSOFlags(cmd, &so)
	return cmd
}

// serve serves the web app on addr until ctx is done. It sets no soft
// memory limit of its own (GOMEMLIMIT still sets one). A limit below the live heap makes the collector run back to back:
// on the 100,000-postmortem archive the insights' snapshot alone keeps
// some 200 MB live, and a limit of 128 MiB had garbage collection take
// about half of the CPU under load. With the default GOGC the heap grows
// to about twice what is live before each collection, which costs the
// collector in proportion to what the requests allocate.
func serve(ctx context.Context, g *globals, o storeOptions, addr string, demo bool, trusted []netip.Prefix, signin serveAuth, drain time.Duration) error {
	cfg, err := (&config.Finder{}).For(".")
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	linter, err := lint.New(cfg.Lint)
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	var store debrief.Store
	var password string
	if demo {
		dir, err := os.MkdirTemp("", "debrief-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		db, err := sqlite.Open(ctx, dir)
		if err != nil {
			return storeOpenError(err)
		}
		store = db
		if password, err = seedDemo(ctx, g, db); err != nil {
			db.Close()
			return err
		}
		if err := seedDemoPages(ctx, g, db, cfg); err != nil {
			db.Close()
			return err
		}
	} else if store, err = openStore(ctx, g, o); err != nil {
		return err
	}
	defer store.Close()
	findings := lintFindings(linter)
	// The archive list shows the counts the archive keeps with each file;
	// a new linter or configuration counts them all again.
	if err := store.UseLinter(ctx, web.LintCounter(findings, lintFingerprint(cfg.Lint))); err != nil {
		return storeOpenError(err)
	}

	if !loopback(addr) {
		n, err := store.CountAdmins(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return usageErrorf("the archive has no admin, so it may only be served on a loopback address such as 127.0.0.1:8080; add one first with:\n  debrief user add NAME --role admin --password-stdin")
		}
	}
	insights, pagesToken, err := serveInsights(g, store, cfg, linter)
	if err != nil {
		return err
	}
	weights, err := cfg.Weights()
	if err != nil {
		return &exitError{code: 2, msg: debrief.ErrorMessage(err)}
	}
	// Listen before the background jobs start, so that an address that
	// cannot be served leaves nothing running behind the error.
	l, err := net.Listen("tcp", addr)
	if err != nil {
		msg := fmt.Sprintf("listen on %s: %v", addr, err)
		if errors.Is(err, syscall.EADDRINUSE) {
			msg += "\nanother program serves on that port already: stop it, or choose another address with --addr, such as --addr 127.0.0.1:8081"
		}
		return &exitError{code: 2, msg: msg}
	}
	holder := lease.NewHolder()
	follow, err := serveReminders(ctx, g, cfg, store, holder, demo)
	if err != nil {
		l.Close()
		return err
	}
	sync, hooks, poll, err := serveTrackers(g, cfg, store)
	if err != nil {
		l.Close()
		return err
	}
	jobs := []periodicJob{follow.job}
	if poll != nil {
		jobs = append(jobs, *poll)
	}
	// Both stores keep review comments; a store without them turns them off.
	reviews, _ := store.(debrief.ReviewService)
	wcfg := web.Config{
		Postmortems:    store,
		Families:       store,
		SimilarLists:   store,
		Users:          store,
		Reviews:        reviews,
		Findings:       findings,
		Taxonomy:       cfg.CategoryTaxonomy(),
		FollowThrough:  store,
		Weights:        weights,
		Outbox:         follow.outbox,
		Preview:        follow.preview,
		Trackers:       sync,
		Reminders:      store,
		ReminderTeams:  follow.teams,
		Webhooks:       hooks,
		Log:            g.log,
		TrustedProxies: trusted,
		Insights:       insights,
		PagesToken:     pagesToken,
		SSO:            signin.sso,
		NoPasswords:    signin.passwordsOff,
		Drain:          drain,
	}
	if c, ok := store.(interface {
		Changes(context.Context) (int64, error)
	}); ok {
		wcfg.Changes = c.Changes
	}
	if p, ok := store.(interface{ Ping(context.Context) error }); ok {
		wcfg.Ping = p.Ping
	}
	if demo {
		// Request lines would push the sign-in line out of sight.
		wcfg.RequestLogLevel = slog.LevelDebug
	}
	url := "http://" + displayAddr(l.Addr())
	if demo {
		fmt.Fprintf(g.stdout, "debrief demo: the example postmortems in a temporary archive, removed when the server stops.\n\n  Open %s/ and sign in as %s with the password %s\n\nStop with Ctrl+C.\n", url, demoUser, password)
	} else {
		fmt.Fprintf(g.stdout, "debrief is serving on %s/\n", url)
	}
	srv := web.New(wcfg)
	jobsCtx, stopJobs := context.WithCancel(ctx)
	waitJobs := runJobs(jobsCtx, g, store, holder, jobs)
	g.log.Info("serving", "url", url+"/", "holder", holder)
	err = srv.Serve(ctx, l)
	// The jobs stop with the server, and hand their lease over, before
	// the archive closes.
	stopJobs()
	waitJobs()
	if err != nil {
		return err
	}
	g.log.Info("stopped")
	return nil
}

// seedDemo imports the embedded examples and adds the demo admin, whose
// new random password it returns.
func seedDemo(ctx context.Context, g *globals, s debrief.Store) (string, error) {
	names, err := fs.Glob(examples.Files, "PM-*.md")
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	n := 0
	for _, name := range names {
		src, err := fs.ReadFile(examples.Files, name)
		if err != nil {
			return "", err
		}
		f := markdown.CheckBytes(name, src, debrief.DefaultTaxonomy())
		if !f.Valid() {
			g.log.Warn("demo: skipped an example with problems", "file", name, "problem", f.Problems[0].String())
			continue
		}
		if _, err := s.Import(ctx, f.Doc.Postmortem); err != nil {
			return "", fmt.Errorf("demo: import %s: %w", name, err)
		}
		n++
	}
	g.log.Info("demo: imported the examples", "postmortems", n)
	password := demoPassword()
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", err
	}
	if err := s.CreateUser(ctx, &debrief.User{Name: demoUser, Role: debrief.RoleAdmin}, hash); err != nil {
		return "", err
	}
	return password, nil
}

// demoPassword returns a random password that is easy to type: four groups
// of four lower-case letters and digits, about 82 bits.
func demoPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	var out strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		out.WriteByte(alphabet[int(c)%len(alphabet)])
	}
	return out.String()
}

// parseTrustedProxies reads --trusted-proxy: addresses and CIDR ranges.
func parseTrustedProxies(values []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range values {
		v = strings.TrimSpace(v)
		if p, err := netip.ParsePrefix(v); err == nil {
			out = append(out, p.Masked())
			continue
		}
		if a, err := netip.ParseAddr(v); err == nil && a.Zone() == "" {
			a = a.Unmap()
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		return nil, usageErrorf("--trusted-proxy %q is not an address or a CIDR range, such as 10.0.0.7 or 10.0.0.0/24", v)
	}
	return out, nil
}

// loopback reports whether addr listens only on this machine.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// displayAddr is the listener's address as a browser would type it.
func displayAddr(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(t.Port))
	}
	return a.String()
}

// lintFingerprint names the linter of this build with its configuration,
// for the lint counts the archive keeps (debrief.LintCounter).
func lintFingerprint(cfg config.Lint) string {
	b, _ := json.Marshal(cfg)
	h := sha256.New()
	h.Write(b)
	h.Write([]byte(buildFingerprint()))
	return hex.EncodeToString(h.Sum(nil))
}

// buildFingerprint names the build of the running binary: its revision
// when the build recorded one, otherwise a hash of the executable, so that
// a binary built without version control information (go build outside a
// repository, or with -buildvcs=false) still counts again with a new
// linter.
var buildFingerprint = sync.OnceValue(func() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev string
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				rev += s.Key + "=" + s.Value + ";"
			}
		}
		if rev != "" {
			return info.Main.Version + ";" + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})

// lintFindings adapts the linter to the web app.
func lintFindings(l *lint.Linter) web.FindingsFunc {
	return func(path string, src []byte) ([]lint.Finding, error) { return l.Lint(path, src), nil }
}
