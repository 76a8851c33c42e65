package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
)

type userKey struct{}

// userFrom returns the signed-in user of the request's context.
func userFrom(ctx context.Context) *debrief.User {
	u, _ := ctx.Value(userKey{}).(*debrief.User)
	return u
}

// requireUser lets a request through only with a valid bearer token or a
// signed-in browser session (see sessionUser), and puts its user in the
// request's context.
func (s *Server) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			u, err := s.sessionUser(r)
			if err != nil {
				writeError(w, r, err)
				return
			}
			if u != nil {
				next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
				return
			}
		}
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="debrief"`)
			writeErrorStatus(w, http.StatusUnauthorized, debrief.EUNAUTHORIZED, "sign in: send Authorization: Bearer TOKEN (debrief token create --user NAME makes one)", 0)
			return
		}
		u, err := s.userByToken(r.Context(), auth.HashToken(strings.TrimSpace(token)))
		if err != nil {
			if debrief.ErrorCode(err) == debrief.ENOTFOUND || debrief.ErrorCode(err) == debrief.EUNAUTHORIZED {
				w.Header().Set("WWW-Authenticate", `Bearer realm="debrief", error="invalid_token"`)
				writeErrorStatus(w, http.StatusUnauthorized, debrief.EUNAUTHORIZED, debrief.ErrorMessage(err), 0)
				return
			}
			writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// requireWriter refuses requests from users who may only read.
func requireWriter(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if u := userFrom(r.Context()); u == nil || !u.CanWrite() {
			writeErrorStatus(w, http.StatusForbidden, debrief.EFORBIDDEN, "your role may read postmortems but not change them; ask an admin for the editor role", 0)
			return
		}
		next(w, r)
	}
}
