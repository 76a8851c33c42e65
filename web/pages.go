package web

import (
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/sso"
)

// pages is the web app's state: templates, static files, the sessions
// it saw, sign-in limits and caches of derived data.
type pages struct {
	cfg      *Config
	users    debrief.UserService
	log      *slog.Logger
	now      func() time.Time
	tmpl     map[string]*template.Template
	static   map[string]staticFile
	sessions *sessionCache

	// Sign-in limits (ratelimit.go): failures per address, and backoff
	// per address and name.
	addrFails *limiter
	nameFails *backoff
	hashSlots chan struct{}
	dummyHash string

	// Derived data, keyed by content hash or id@version so that it never
	// goes stale.
	docs *lru[string, postmortemDoc]
	// kept are the parts of postmortem pages kept per count of the
	// archive's changes and what the reader may see (pageParts).
	kept  *lru[string, keptPage]
	lists listGenerations
	// paging keeps the paging of postmortems' weeks for pagingTTL;
	// pagingGen counts the webhook deliveries this server saved.
	paging    *lru[string, pagingEntry]
	pagingGen atomic.Uint64
	rows      *lru[string, template.HTML]
	similar   *similarCache
	// savers remembers who saved each version through this server
	// (id@version), so that the conflict page can say who; a version
	// saved elsewhere, or before a restart, was saved by "someone".
	savers *lru[string, string]
	// similarWait is how long a postmortem page waits for its similar
	// incidents (similarBudget; tests change it).
	similarWait time.Duration
	// renderLimits bound the rendering of a body (defaultRenderLimits;
	// tests change them).
	renderLimits renderLimits
}

func newPages(cfg *Config) *pages {
	p := &pages{cfg: cfg, users: cfg.Users, log: cfg.Log, now: time.Now}
	now := func() time.Time { return p.now() }
	p.sessions = newSessionCache(maxCachedSessions)
	p.addrFails = newLimiter(signInFailsPerAddr, signInWindow, now)
	p.nameFails = newBackoff(now)
	p.hashSlots = make(chan struct{}, signInConcurrent)
	p.docs = newSizedLRU[string](maxCachedDocs, maxCachedDocBytes, postmortemDoc.size)
	p.kept = newSizedLRU[string](maxKeptPages, maxKeptPageBytes, keptPage.size)
	p.paging = newLRU[string, pagingEntry](20_000)
	p.rows = newLRU[string, template.HTML](10_000)
	p.similar = newSimilarCache(now)
	p.savers = newLRU[string, string](10_000)
	p.similarWait = similarBudget
	p.renderLimits = defaultRenderLimits
	var err error
	if p.static, err = loadStatic(); err != nil {
		panic(err) // embedded files: a test reads them all
	}
	if p.tmpl, err = parseTemplates(p.templateFuncs()); err != nil {
		panic(err) // embedded templates: a test parses them all
	}
	// A hash to check passwords of unknown users against, so that a
	// missing user takes as long to refuse as a wrong password.
	p.dummyHash, _ = auth.HashPassword(randomToken())
	return p
}

// pageRoutes adds the web app's pages to mux.
func (s *Server) pageRoutes(mux *http.ServeMux) {
	p := newPages(&s.cfg)
	s.pages = p
	if s.lists != nil {
		s.lists.stored = p.lists.stored // a list stored again replaces the parts kept with the old one
	}
	page := func(h http.HandlerFunc) http.Handler {
		return chain(withOrigin(debrief.SourceWeb, h), securityHeaders, p.withSession)
	}
	signedIn := func(h http.HandlerFunc) http.Handler { return page(p.requireSignIn(p.requireForm(h))) }
	writer := func(h http.HandlerFunc) http.Handler { return signedIn(p.requireWriter(h)) }

	mux.HandleFunc("GET /static/{file}", s.serveStatic)
	mux.Handle("GET /signin", page(s.signinPage))
	mux.Handle("POST /signin", page(s.signin))
	mux.Handle("GET /signin/sso", page(s.ssoStart))
	mux.Handle("GET "+sso.CallbackPath, page(s.ssoCallback))
	mux.Handle("POST /signout", signedIn(s.signout))
	mux.Handle("GET /{$}", signedIn(s.archivePage))
	mux.Handle("GET /postmortems/{id}", signedIn(s.postmortemPage))
	mux.Handle("POST /postmortems/{id}/comments", signedIn(s.commentOnPostmortem))
	mux.Handle("POST /postmortems/{id}/comments/{comment}/resolve", signedIn(s.resolveOnPage))
	mux.Handle("POST /postmortems/{id}/approve", signedIn(s.approveOnPage))
	mux.Handle("GET /postmortems/{id}/review", signedIn(s.reviewPackPage))
	mux.Handle("GET /families", signedIn(s.familiesPage))
	mux.Handle("GET /families/{kind}", signedIn(s.familyPage))
	mux.Handle("GET /docs/{name}", signedIn(s.docPage))
	mux.Handle("GET /postmortems/{id}/markdown", signedIn(s.markdownFile))
	mux.Handle("GET /postmortems/{id}/edit", writer(s.editPage))
	mux.Handle("POST /postmortems/{id}/edit", writer(s.savePostmortem))
	mux.Handle("POST /editor/lint", writer(s.editorLint))
	mux.Handle("GET /new", writer(s.newPage))
	mux.Handle("POST /new", writer(s.createFromEditor))
	s.followThroughPages(mux, signedIn, writer)
	admin := func(h http.HandlerFunc) http.Handler { return signedIn(p.requireAdmin(h)) }
	mux.Handle("GET /admin", admin(s.adminPage))
	mux.Handle("GET /admin/audit", admin(s.auditPage))
	mux.Handle("POST /admin/users", admin(s.adminAddUser))
	mux.Handle("POST /admin/users/{name}", admin(s.adminUser))
	mux.Handle("POST /admin/postmortems/delete", admin(s.adminDelete))
	mux.Handle("GET /admin/reminders", admin(s.adminRemindersPage))
	mux.Handle("POST /admin/reminders", admin(s.adminSetReminders))
	mux.Handle("/", page(func(w http.ResponseWriter, r *http.Request) {
		p.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "there is no page at %s", r.URL.Path))
	}))
}

// sessionUser returns the user of the request's browser session, nil when
// the request has no valid session. Requests from other sites never get
// here (crossOrigin).
func (s *Server) sessionUser(r *http.Request) (*debrief.User, error) {
	_, sess, ok, err := s.pages.currentSession(r)
	if !ok {
		return nil, err
	}
	return sess.user, nil
}

// securityHeaders keeps pages to their own scripts and styles and out of
// frames.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// requireSignIn sends visitors without a session to the sign-in page, and
// back here afterwards.
func (p *pages) requireSignIn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if userFrom(r.Context()) != nil {
			next(w, r)
			return
		}
		if safeMethod(r.Method) {
			http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		p.errorPage(w, r, debrief.Errorf(debrief.EUNAUTHORIZED, "your session has ended: sign in again; your text was not saved, so copy it first if you need it"))
	}
}

// requireWriter refuses pages that change postmortems to viewers.
func (p *pages) requireWriter(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if u := userFrom(r.Context()); u == nil || !u.CanWrite() {
			p.errorPage(w, r, debrief.Errorf(debrief.EFORBIDDEN, "your role may read postmortems but not write them; ask an admin for the editor role"))
			return
		}
		next(w, r)
	}
}

// Base is what every page's view has, embedded. The layout reads it as
// .Base, a field of the view itself: a field promoted from an embedded
// struct costs html/template a search through the embedded structs, with
// allocations, at every use, and the layout uses them some twenty times.
type Base struct {
	Title string
	User  *debrief.User
	// Nav names the current section for the header: archive, new, admin.
	Nav string
	// Search is the header search box's text.
	Search string
	// JSON is the page's twin in the API, for a link rel=alternate.
	JSON string
	// Notice is a short confirmation shown at the top, such as "Saved".
	Notice string
	// Reactive are the teams of the page's postmortem in reactive mode,
	// for the banner "deal with the incidents first" (insights.go).
	Reactive []insight.Reactive
	// Outbox is set in the demo, whose reminders go to the outbox page.
	Outbox bool
}

func (p *pages) base(r *http.Request, title string) Base {
	return Base{Title: title, User: userFrom(r.Context()), Outbox: p.cfg.Outbox != nil}
}

// errorView is the error page.
type errorView struct {
	Base
	Code    string
	Status  int
	Heading string
	Message string
	Hint    string
}

var errorHeadings = map[string]struct{ heading, hint string }{
	debrief.EINVALID:      {"That did not work", "Check what you entered and try again."},
	debrief.ENOTFOUND:     {"Not found", "There is nothing at this address, or nothing you may see. Try the archive's search."},
	debrief.ECONFLICT:     {"Someone else changed this", "Reload the page to see the newest version."},
	debrief.EUNAUTHORIZED: {"Please sign in", ""},
	debrief.EFORBIDDEN:    {"Not allowed", "If you think you should be able to do this, ask an admin."},
	debrief.EUNAVAILABLE:  {"Not available right now", "Nothing you entered was lost on the server's side; if you were saving, keep a copy of your text and try again later."},
	debrief.EINTERNAL:     {"Something went wrong on our side", "The error was logged. Try again in a moment; if it keeps happening, tell whoever runs debrief."},
}

// errorPage answers with a friendly page for err, with the same status and
// code as the API would answer. Internal errors are logged in full and
// shown as a short message.
func (p *pages) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	code := debrief.ErrorCode(err)
	status := statuses[code]
	switch code {
	case debrief.EINTERNAL:
		p.log.ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	case debrief.EUNAVAILABLE:
		p.log.WarnContext(r.Context(), "unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	h := errorHeadings[code]
	v := errorView{Base: p.base(r, h.heading), Code: code, Status: status, Heading: h.heading, Message: debrief.ErrorMessage(err), Hint: h.hint}
	if code == debrief.EINTERNAL {
		v.Message = "The server could not finish this request."
	}
	v.Message = upperFirst(v.Message)
	p.render(w, r, status, "error", v)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// localPath returns next if it is a path on this site, and "/" otherwise,
// so that sign-in never redirects elsewhere. Browsers read a Location
// loosely: they drop tabs and newlines, take a backslash for a slash, and
// take "//host" for another site. So next must be printable ASCII without
// spaces or backslashes (a path the server made is escaped already), start
// with a single slash, and parse as a path with no scheme or host.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || len(next) > maxNextLen {
		return "/"
	}
	for i := 0; i < len(next); i++ {
		if c := next[i]; c <= ' ' || c >= 0x7f || c == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	return next
}

// maxNextLen bounds the path sign-in returns to.
const maxNextLen = 2048

// saved records that name saved version of the postmortem id.
func (p *pages) saved(id string, version int, name string) {
	p.savers.put(id+"@"+strconv.Itoa(version), name)
}

// savedBy returns who saved the version, as far as this server knows.
func (p *pages) savedBy(id string, version int) string {
	if name, ok := p.savers.get(id + "@" + strconv.Itoa(version)); ok {
		return name
	}
	return ""
}
