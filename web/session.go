package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
)

// Browser sessions. Signing in puts a random 256-bit id in a cookie
// (HttpOnly, SameSite=Lax, Secure when the request came over TLS); the
// server keeps a table from the id's SHA-256 to the session's user and
// times. The table lives in memory: sessions last as long as the
// process, so a restart or a second replica signs browsers out (API tokens
// are unaffected).
const (
	sessionCookie = "debrief_session"
	// sessionIdle ends a session after this long without a request.
	sessionIdle = 12 * time.Hour
	// sessionMaxAge ends a session this long after signing in, however busy.
	sessionMaxAge = 7 * 24 * time.Hour
	// userRecheck is how often a session reads its user again, so that a
	// changed role or team, or a removed user, takes effect.
	userRecheck = 30 * time.Second
	// maxSessions bounds the table; beyond it the oldest sessions go.
	maxSessions = 100_000
)

// session is one signed-in browser.
type session struct {
	user     *debrief.User
	created  time.Time
	lastSeen time.Time
	checked  time.Time
}

type sessionKey [sha256.Size]byte

// sessionStore is the in-memory session table.
type sessionStore struct {
	mu        sync.Mutex
	byKey     map[sessionKey]*session
	idle      time.Duration
	maxAge    time.Duration
	now       func() time.Time
	lastSweep time.Time
}

func newSessionStore(now func() time.Time) *sessionStore {
	return &sessionStore{byKey: map[sessionKey]*session{}, idle: sessionIdle, maxAge: sessionMaxAge, now: now}
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// create starts a session for u and returns the cookie's value.
func (st *sessionStore) create(u *debrief.User) (string, session) {
	id := randomToken()
	now := st.now()
	s := &session{user: u, created: now, lastSeen: now, checked: now}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.sweep(now)
	st.byKey[sha256.Sum256([]byte(id))] = s
	return id, *s
}

// get returns the live session of a cookie value and marks it used.
func (st *sessionStore) get(id string) (session, bool) {
	if id == "" {
		return session{}, false
	}
	k := sha256.Sum256([]byte(id))
	now := st.now()
	st.mu.Lock()
	defer st.mu.Unlock()
	s, ok := st.byKey[k]
	if !ok {
		return session{}, false
	}
	if st.expired(s, now) {
		delete(st.byKey, k)
		return session{}, false
	}
	s.lastSeen = now
	return *s, true
}

func (st *sessionStore) expired(s *session, now time.Time) bool {
	return now.Sub(s.lastSeen) >= st.idle || now.Sub(s.created) >= st.maxAge
}

// setUser records a freshly read user for the session.
func (st *sessionStore) setUser(id string, u *debrief.User) {
	k := sha256.Sum256([]byte(id))
	st.mu.Lock()
	defer st.mu.Unlock()
	if s, ok := st.byKey[k]; ok {
		s.user, s.checked = u, st.now()
	}
}

// remove ends a session.
func (st *sessionStore) remove(id string) {
	k := sha256.Sum256([]byte(id))
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.byKey, k)
}

// sweep drops expired sessions, at most once a minute, and the oldest ones
// when the table is full. The caller holds st.mu.
func (st *sessionStore) sweep(now time.Time) {
	if now.Sub(st.lastSweep) < time.Minute && len(st.byKey) < maxSessions {
		return
	}
	st.lastSweep = now
	for k, s := range st.byKey {
		if st.expired(s, now) {
			delete(st.byKey, k)
		}
	}
	for len(st.byKey) >= maxSessions {
		var oldest sessionKey
		var at time.Time
		for k, s := range st.byKey {
			if at.IsZero() || s.lastSeen.Before(at) {
				oldest, at = k, s.lastSeen
			}
		}
		delete(st.byKey, oldest)
	}
}

// currentSession returns the request's session, reading its user again when
// the last read is older than userRecheck; ok is false without a live
// session or when its user no longer exists.
func (p *pages) currentSession(r *http.Request) (id string, s session, ok bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return "", session{}, false
	}
	s, ok = p.sessions.get(c.Value)
	if !ok {
		return "", session{}, false
	}
	if p.sessions.now().Sub(s.checked) >= userRecheck && p.users != nil {
		u, _, err := p.users.UserByName(r.Context(), s.user.Name)
		switch {
		case debrief.ErrorCode(err) == debrief.ENOTFOUND:
			p.sessions.remove(c.Value)
			return "", session{}, false
		case err == nil:
			p.sessions.setUser(c.Value, u)
			s.user = u
		}
		// On another error keep the user read last time: a database
		// hiccup should not sign everyone out.
	}
	return c.Value, s, true
}

// isTLS reports whether the browser reached us over HTTPS, directly or
// through a proxy that says so.
func isTLS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func setSessionCookie(w http.ResponseWriter, r *http.Request, id string) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: id, Path: "/",
		MaxAge: int(sessionMaxAge / time.Second), HttpOnly: true, Secure: isTLS(r), SameSite: http.SameSiteLaxMode,
	})
}

func clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: isTLS(r), SameSite: http.SameSiteLaxMode,
	})
}

type sessionCtxKey struct{}

// withSession puts the request's session, if any, and its user in the
// context; pages read them with sessionFrom and userFrom.
func (p *pages) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, s, ok := p.currentSession(r)
		if ok {
			ctx := context.WithValue(r.Context(), sessionCtxKey{}, &pageSession{id: id, session: s})
			ctx = context.WithValue(ctx, userKey{}, s.user)
			r = r.WithContext(ctx)
		}
		next.ServeHTTP(w, r)
	})
}

type pageSession struct {
	id string
	session
}

func sessionFrom(ctx context.Context) *pageSession {
	s, _ := ctx.Value(sessionCtxKey{}).(*pageSession)
	return s
}
