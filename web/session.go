package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Browser sessions. Signing in puts a random 256-bit id in a cookie
// (HttpOnly, SameSite=Lax, Secure when the request came over TLS); the
// archive keeps the session under the id's SHA-256 with its user and times
// (debrief.SessionService), so that every replica of the server knows it
// and a restart signs no one out.
//
// A page request costs no write and, most of the time, no read: each
// server keeps the sessions it saw in memory, reads a session again (with
// its user) when its last reading is userRecheck old, and records a use at
// most once every sessionTouch. Signing out, a new password or a removed
// user therefore end a session on the other replicas within userRecheck; on
// the replica that did it, at once.
const (
	sessionCookie = "debrief_session"
	// sessionIdle ends a session after this long without a request.
	sessionIdle = 12 * time.Hour
	// sessionMaxAge ends a session this long after signing in, however busy.
	sessionMaxAge = 7 * 24 * time.Hour
	// userRecheck is how often a session is read again from the archive,
	// so that a changed role or team, a removed user or a session ended
	// elsewhere takes effect.
	userRecheck = 30 * time.Second
	// sessionTouch is how often a session's last use is written.
	sessionTouch = time.Minute
	// maxCachedSessions bounds the sessions a server keeps in memory;
	// beyond it some are read again when they return.
	maxCachedSessions = 10_000
)

// session is one signed-in browser, as this server last read it.
type session struct {
	user     *debrief.User
	created  time.Time
	lastSeen time.Time
	// touched is the last use the archive has; checked is when the
	// session was last read from it.
	touched time.Time
	checked time.Time
}

// expires is when s ends unless it is used.
func (s session) expires() time.Time {
	end := s.lastSeen.Add(sessionIdle)
	if maxEnd := s.created.Add(sessionMaxAge); maxEnd.Before(end) {
		return maxEnd
	}
	return end
}

type sessionKey [sha256.Size]byte

func (k sessionKey) hash() string { return hex.EncodeToString(k[:]) }

func keyOf(id string) sessionKey { return sha256.Sum256([]byte(id)) }

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// startSession stores a new session for u and returns the cookie's value.
func (p *pages) startSession(ctx context.Context, u *debrief.User) (string, error) {
	id := randomToken()
	k := keyOf(id)
	now := p.now()
	s := session{user: u, created: now, lastSeen: now, touched: now, checked: now}
	err := p.users.CreateSession(ctx, &debrief.Session{Hash: k.hash(), User: u.Name, Created: now, LastSeen: now, Expires: s.expires()})
	if err != nil {
		return "", err
	}
	p.sessions.put(k, s)
	return id, nil
}

// endSession signs a session out on every replica.
func (p *pages) endSession(ctx context.Context, id string) error {
	k := keyOf(id)
	p.sessions.remove(k)
	return p.users.DeleteSession(context.WithoutCancel(ctx), k.hash())
}

// forgetUser drops the sessions of the user name that this server keeps,
// after the archive ended them (a new password, a removed user), so that
// they end here at once rather than at the next reading.
func (p *pages) forgetUser(name string) {
	p.sessions.removeUser(name)
}

// currentSession returns the request's live session, ok false when it has
// none. err is a failure to read the archive about a session this server
// has not seen yet; one it knows goes on with what it read last, so that a
// database hiccup does not sign everyone out.
func (p *pages) currentSession(r *http.Request) (id string, s session, ok bool, err error) {
	c, cerr := r.Cookie(sessionCookie)
	if cerr != nil || c.Value == "" {
		return "", session{}, false, nil
	}
	ctx := r.Context()
	k := keyOf(c.Value)
	now := p.now()
	s, cached := p.sessions.get(k)
	if !cached || now.Sub(s.checked) >= userRecheck {
		stored, u, err := p.users.Session(ctx, k.hash(), now)
		switch {
		case debrief.ErrorCode(err) == debrief.ENOTFOUND:
			p.sessions.remove(k)
			return "", session{}, false, nil
		case err != nil && !cached:
			return "", session{}, false, err
		case err != nil:
			p.log.WarnContext(ctx, "read a session again", "err", err)
		default:
			last := s.lastSeen
			if stored.LastSeen.After(last) {
				last = stored.LastSeen
			}
			s = session{user: u, created: stored.Created, lastSeen: last, touched: stored.LastSeen, checked: now}
		}
	}
	if !now.Before(s.expires()) {
		p.sessions.remove(k)
		return "", session{}, false, nil
	}
	s.lastSeen = now
	if now.Sub(s.touched) >= sessionTouch {
		if err := p.users.TouchSession(context.WithoutCancel(ctx), k.hash(), now, s.expires()); err != nil {
			p.log.WarnContext(ctx, "record a session's use", "err", err)
		} else {
			s.touched = now
		}
	}
	p.sessions.put(k, s)
	return c.Value, s, true, nil
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
		id, s, ok, err := p.currentSession(r)
		if err != nil {
			p.log.ErrorContext(r.Context(), "read a session", "err", err)
			p.errorPage(w, r, debrief.Errorf(debrief.EUNAVAILABLE, "debrief cannot read your session from the archive just now: try again in a moment"))
			return
		}
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
