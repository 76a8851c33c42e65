package web

import (
	"crypto/subtle"
	"errors"
	"fmt"
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
			if !p.readForm(w, r) {
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

// readForm parses a posted form, answering 413 with the limit when it is
// larger than the server takes (limitBody) and 400 when it cannot be read;
// it reports whether the form was read. Without it a form over the limit
// would read as empty, and be refused for lacking its security token.
func (p *pages) readForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		v := errorView{base: p.base(r, "Too large"), Code: debrief.EINVALID, Status: http.StatusRequestEntityTooLarge, Heading: "Too large",
			Message: fmt.Sprintf("What you sent is larger than the %s a form may be, so it was not saved.", sizeText(mbe.Limit)),
			Hint:    fmt.Sprintf("A postmortem file may be at most %s. Go back to copy your text, then shorten it.", sizeText(debrief.MaxFileSize))}
		p.render(w, r, http.StatusRequestEntityTooLarge, "error", v)
		return false
	}
	p.errorPage(w, r, debrief.Errorf(debrief.EINVALID, "the form could not be read: %v", err))
	return false
}

// sizeText writes a size in bytes as people say it: "512 KiB", "1 MiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
