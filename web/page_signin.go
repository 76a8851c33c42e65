package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
)

// signinView is the sign-in page.
type signinView struct {
	Base
	Name  string
	Next  string
	Error string
	// SSO offers single sign-on; NoPasswords hides the password form.
	SSO         bool
	NoPasswords bool
}

func (s *Server) signinPage(w http.ResponseWriter, r *http.Request) {
	next := localPath(r.URL.Query().Get("next"))
	if userFrom(r.Context()) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	v := s.signinView(r, next)
	s.pages.render(w, r, http.StatusOK, "signin", v)
}

// signin checks a name and password and starts a session. Failures slow
// down further attempts from the same address (ratelimit.go); a missing
// user and a wrong password look the same and take as long.
func (s *Server) signin(w http.ResponseWriter, r *http.Request) {
	p := s.pages
	if !p.readForm(w, r) {
		return
	}
	name := r.PostFormValue("name")
	password := r.PostFormValue("password")
	next := localPath(r.PostFormValue("next"))
	v := s.signinView(r, next)
	v.Name = name
	fail := func(status int, msg string) {
		v.Error = msg
		p.render(w, r, status, "signin", v)
	}
	if s.cfg.NoPasswords {
		fail(http.StatusForbidden, "Sign-in with a password is off here. Sign in with single sign-on.")
		return
	}
	addr := clientAddr(r, p.cfg.TrustedProxies)
	key := addr + "\x00" + nameKey(name)
	ok, wait := p.addrFails.allow(addr)
	if ok {
		ok, wait = p.nameFails.allow(key)
	}
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		fail(http.StatusTooManyRequests, fmt.Sprintf("Too many failed sign-ins. Wait %s and try again.", waitText(wait)))
		return
	}
	u, ok := p.checkPassword(r, name, password)
	if !ok {
		p.addrFails.add(addr)
		p.nameFails.fail(key)
		s.recordAudit(r.Context(), name, debrief.AuditSignInFailed, name, "wrong name or password")
		fail(http.StatusUnauthorized, "That name and password do not match. Check them and try again.")
		return
	}
	p.nameFails.succeed(key)
	if old := sessionFrom(r.Context()); old != nil {
		if err := p.endSession(r.Context(), old.id); err != nil {
			p.log.WarnContext(r.Context(), "sign in: end the previous session", "err", err)
		}
	}
	id, err := p.startSession(r.Context(), u)
	if err != nil {
		p.log.ErrorContext(r.Context(), "sign in: start a session", "err", err)
		fail(http.StatusServiceUnavailable, "debrief could not sign you in just now: try again in a moment.")
		return
	}
	setSessionCookie(w, r, id)
	p.log.InfoContext(r.Context(), "signed in", "user", u.Name, "remote", addr)
	s.recordAudit(r.Context(), u.Name, debrief.AuditSignIn, u.Name, "password")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// waitText says how long to wait: seconds under a minute, else as
// formatDuration does, rounded up.
func waitText(d time.Duration) string {
	if s := int((d + time.Second - 1) / time.Second); s < 60 {
		if s <= 1 {
			return "a second"
		}
		return strconv.Itoa(s) + " seconds"
	}
	return formatDuration((d + time.Minute - 1).Truncate(time.Minute))
}

// checkPassword returns the user when password is theirs. At most
// signInConcurrent checks run at once.
func (p *pages) checkPassword(r *http.Request, name, password string) (*debrief.User, bool) {
	select {
	case p.hashSlots <- struct{}{}:
		defer func() { <-p.hashSlots }()
	case <-r.Context().Done():
		return nil, false
	}
	if name == "" || password == "" || len(password) > 1024 {
		auth.CheckPassword(p.dummyHash, password)
		return nil, false
	}
	u, hash, err := p.users.UserByName(r.Context(), name)
	if err != nil || hash == "" {
		if err != nil && debrief.ErrorCode(err) != debrief.ENOTFOUND {
			p.log.ErrorContext(r.Context(), "sign in: read user", "err", err)
		}
		auth.CheckPassword(p.dummyHash, password)
		return nil, false
	}
	if !auth.CheckPassword(hash, password) {
		return nil, false
	}
	return u, true
}

func (s *Server) signout(w http.ResponseWriter, r *http.Request) {
	if sess := sessionFrom(r.Context()); sess != nil {
		if err := s.pages.endSession(r.Context(), sess.id); err != nil {
			s.pages.log.ErrorContext(r.Context(), "sign out", "err", err)
			s.pages.errorPage(w, r, debrief.Errorf(debrief.EUNAVAILABLE, "debrief could not sign you out just now: try again in a moment"))
			return
		}
	}
	clearSessionCookie(w, r)
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}
