package web

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sso"
)

// Single sign-on through an OpenID Connect provider (package sso). The
// browser leaves for the provider from GET /signin/sso with the flow's
// state, nonce and PKCE verifier in a short-lived cookie, and comes back to
// sso.CallbackPath. A person's first sign-in creates their user, with the
// role and teams the provider's claims map to; later sign-ins bring them
// up to date.

const (
	ssoCookie = "debrief_sso"
	// ssoCookieTLS is the cookie's name over HTTPS: the __Host- prefix
	// keeps other subdomains from setting it.
	ssoCookieTLS = "__Host-debrief_sso"
	ssoMaxAge    = 10 * time.Minute
)

// ssoFlow is what the cookie keeps between leaving and coming back.
type ssoFlow struct {
	sso.Flow
	Next string `json:"next"`
}

func ssoCookieName(r *http.Request) string {
	if isTLS(r) {
		return ssoCookieTLS
	}
	return ssoCookie
}

func setSSOCookie(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: ssoCookieName(r), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: isTLS(r), SameSite: http.SameSiteLaxMode})
}

// ssoStart sends the browser to the identity provider.
func (s *Server) ssoStart(w http.ResponseWriter, r *http.Request) {
	if s.cfg.SSO == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "single sign-on is not set up: sign in with your name and password"))
		return
	}
	next := localPath(r.URL.Query().Get("next"))
	authURL, flow, err := s.cfg.SSO.Start(r.Context())
	if err != nil {
		s.cfg.Log.ErrorContext(r.Context(), "single sign-on: start", "err", err)
		s.ssoFail(w, r, next, err)
		return
	}
	b, _ := json.Marshal(ssoFlow{Flow: flow, Next: next})
	setSSOCookie(w, r, base64.RawURLEncoding.EncodeToString(b), int(ssoMaxAge/time.Second))
	http.Redirect(w, r, authURL, http.StatusSeeOther)
}

// readSSOFlow reads and clears the flow's cookie; a missing or damaged one
// is an empty flow, which Finish refuses.
func readSSOFlow(w http.ResponseWriter, r *http.Request) ssoFlow {
	var f ssoFlow
	c, err := r.Cookie(ssoCookieName(r))
	if err != nil {
		return f
	}
	setSSOCookie(w, r, "", -1)
	if b, err := base64.RawURLEncoding.DecodeString(c.Value); err == nil && len(b) < 4096 {
		_ = json.Unmarshal(b, &f)
	}
	f.Next = localPath(f.Next)
	return f
}

// ssoCallback finishes a sign-in with the provider's answer.
func (s *Server) ssoCallback(w http.ResponseWriter, r *http.Request) {
	p := s.pages
	if s.cfg.SSO == nil {
		p.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "single sign-on is not set up: sign in with your name and password"))
		return
	}
	ctx := r.Context()
	flow := readSSOFlow(w, r)
	addr := clientAddr(r, p.cfg.TrustedProxies)
	if ok, wait := p.addrFails.allow(addr); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		s.renderSignin(w, r, http.StatusTooManyRequests, flow.Next, "Too many failed sign-ins. Wait "+waitText(wait)+" and try again.")
		return
	}
	q := r.URL.Query()
	fail := func(err error) {
		p.addrFails.add(addr)
		s.recordAudit(ctx, "", debrief.AuditSignInFailed, "", "single sign-on: "+debrief.ErrorMessage(err))
		if debrief.ErrorCode(err) == debrief.EINTERNAL || debrief.ErrorCode(err) == debrief.EUNAVAILABLE {
			s.cfg.Log.ErrorContext(ctx, "single sign-on", "err", err)
		} else {
			s.cfg.Log.InfoContext(ctx, "single sign-on refused", "remote", addr, "err", err)
		}
		s.ssoFail(w, r, flow.Next, err)
	}
	if e := q.Get("error"); e != "" {
		msg := q.Get("error_description")
		if msg == "" {
			msg = e
		}
		if len(msg) > 200 {
			msg = msg[:200]
		}
		fail(debrief.Errorf(debrief.EUNAUTHORIZED, "the identity provider did not sign you in (%s)", msg))
		return
	}
	id, err := s.cfg.SSO.Finish(ctx, flow.Flow, q.Get("state"), q.Get("code"))
	if err != nil {
		fail(err)
		return
	}
	u, err := s.ssoUser(ctx, id)
	if err != nil {
		fail(err)
		return
	}
	if old := sessionFrom(ctx); old != nil {
		if err := p.endSession(ctx, old.id); err != nil {
			p.log.WarnContext(ctx, "single sign-on: end the previous session", "err", err)
		}
	}
	sid, err := p.startSession(ctx, u)
	if err != nil {
		s.cfg.Log.ErrorContext(ctx, "single sign-on: start a session", "err", err)
		s.ssoFail(w, r, flow.Next, debrief.Errorf(debrief.EUNAVAILABLE, "debrief could not sign you in just now: try again in a moment"))
		return
	}
	setSessionCookie(w, r, sid)
	p.log.InfoContext(ctx, "signed in", "user", u.Name, "remote", addr, "through", "single sign-on")
	s.recordAudit(ctx, u.Name, debrief.AuditSignIn, u.Name, "single sign-on")
	http.Redirect(w, r, flow.Next, http.StatusSeeOther)
}

// ssoUser returns the user of an identity, creating it at the first
// sign-in and giving it the role and teams the provider grants now.
func (s *Server) ssoUser(ctx context.Context, id *sso.Identity) (*debrief.User, error) {
	want := &debrief.User{Name: id.Name, Role: id.Role, Teams: id.Teams}
	u, _, err := s.cfg.Users.UserByName(ctx, id.Name)
	if debrief.ErrorCode(err) == debrief.ENOTFOUND {
		err = s.cfg.Users.CreateUser(ctx, want, "")
		if err == nil {
			s.recordAudit(ctx, id.Name, debrief.AuditUserCreate, id.Name, "first sign-in through single sign-on: "+debrief.UserDetail(want))
			return want, nil
		}
		if debrief.ErrorCode(err) != debrief.ECONFLICT {
			return nil, err
		}
		// Another replica created the user at the same moment.
		u, _, err = s.cfg.Users.UserByName(ctx, id.Name)
	}
	if err != nil {
		return nil, err
	}
	if u.Role == want.Role && slices.Equal(debrief.Keys(u.Teams), debrief.Keys(want.Teams)) {
		return u, nil
	}
	want.Name = u.Name
	if err := s.cfg.Users.UpdateUser(ctx, want); err != nil {
		if debrief.ErrorCode(err) == debrief.ECONFLICT {
			// The last admin keeps the role until another admin exists.
			s.cfg.Log.WarnContext(ctx, "single sign-on: kept the user's role", "user", u.Name, "err", err)
			return u, nil
		}
		return nil, err
	}
	s.recordAudit(ctx, u.Name, debrief.AuditUserRole, u.Name, debrief.UserChange(u, want)+" (from the identity provider)")
	return want, nil
}

// ssoFail shows the sign-in page with what went wrong.
func (s *Server) ssoFail(w http.ResponseWriter, r *http.Request, next string, err error) {
	status, ok := statuses[debrief.ErrorCode(err)]
	if !ok {
		status = http.StatusInternalServerError
	}
	msg := upperFirst(debrief.ErrorMessage(err))
	if debrief.ErrorCode(err) == debrief.EINTERNAL {
		msg = "Single sign-on failed on our side. Try again; if it keeps failing, tell an admin."
	}
	s.renderSignin(w, r, status, next, msg)
}

// renderSignin shows the sign-in page with an error.
func (s *Server) renderSignin(w http.ResponseWriter, r *http.Request, status int, next, msg string) {
	v := s.signinView(r, next)
	v.Error = msg
	s.pages.render(w, r, status, "signin", v)
}

// signinView is the sign-in page's view before anything is typed.
func (s *Server) signinView(r *http.Request, next string) signinView {
	return signinView{Base: s.pages.base(r, "Sign in"), Next: next, SSO: s.cfg.SSO != nil, NoPasswords: s.cfg.NoPasswords}
}
