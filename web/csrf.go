package web

import (
	"crypto/subtle"
	"net/http"
	"time"

	"github.com/debrief/debrief"
)

// CSRF protection. Every session has its own random token, made at sign-in.
// Every page form that changes something carries it in a hidden csrf_token
// field, and the pages' JavaScript sends it in the X-CSRF-Token header of
// its API calls (it reads it from a meta element). A state-changing request
// that comes with a session cookie but without the session's token is
// refused with 403, for the pages and for the API alike; requests with a
// bearer token carry no cookie and need none. The session cookie is also
// SameSite=Lax, so browsers do not send it with cross-site form posts.
//
// The sign-in form has no session yet: it is protected by a double-submit
// token, a random value in a short-lived cookie that the form must repeat.
const (
	csrfField    = "csrf_token"
	csrfHeader   = "X-CSRF-Token"
	signinCookie = "debrief_signin"
	signinMaxAge = time.Hour
)

// safeMethod reports whether a request only reads.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func tokensEqual(a, b string) bool {
	return a != "" && len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// csrfError is the answer to a state-changing request without a valid token.
var csrfError = debrief.Errorf(debrief.EFORBIDDEN,
	"this request did not carry the form's security token, or the token has expired: reload the page and try again")

// requireCSRF refuses a state-changing page request unless it comes from a
// signed-in session and carries that session's token, in the form or the
// header.
func (p *pages) requireCSRF(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !safeMethod(r.Method) {
			s := sessionFrom(r.Context())
			if s == nil {
				p.errorPage(w, r, debrief.Errorf(debrief.EUNAUTHORIZED, "your session has ended: sign in again; your text was not saved, so copy it first if you need it"))
				return
			}
			got := r.Header.Get(csrfHeader)
			if got == "" {
				got = r.PostFormValue(csrfField)
			}
			if !tokensEqual(s.csrf, got) {
				p.errorPage(w, r, csrfError)
				return
			}
		}
		next(w, r)
	}
}

// signinToken returns the sign-in form's double-submit token, setting its
// cookie when the browser has none yet.
func signinToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(signinCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	t := randomToken()
	http.SetCookie(w, &http.Cookie{
		Name: signinCookie, Value: t, Path: "/signin", MaxAge: int(signinMaxAge / time.Second),
		HttpOnly: true, Secure: isTLS(r), SameSite: http.SameSiteLaxMode,
	})
	return t
}

// validSigninToken checks the sign-in form's double-submit token.
func validSigninToken(r *http.Request) bool {
	c, err := r.Cookie(signinCookie)
	return err == nil && tokensEqual(c.Value, r.PostFormValue(csrfField))
}
