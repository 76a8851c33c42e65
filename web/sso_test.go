package web

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/coreos/go-oidc/v3/oidc/oidctest"
	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sso"
)

// testIdP is an OpenID Connect provider for tests: oidctest serves its
// discovery document and keys, and this adds what oidctest leaves out, an
// authorization endpoint that approves at once and a token endpoint that
// redeems the code for an ID token signed with oidctest's key.
type testIdP struct {
	t      *testing.T
	srv    *httptest.Server
	key    *rsa.PrivateKey
	other  *rsa.PrivateKey
	mu     sync.Mutex
	codes  map[string]grant
	claims map[string]any // the next sign-in's claims beyond the standard ones
	// spoil changes the next ID token, to test that debrief refuses it.
	spoil string
}

type grant struct {
	nonce, challenge, redirect string
	claims                     map[string]any
}

const (
	idpClient = "debrief-test"
	idpSecret = "test-secret"
)

func newTestIdP(t *testing.T) *testIdP {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	idp := &testIdP{t: t, key: key, other: other, codes: map[string]grant{}}
	discovery := &oidctest.Server{PublicKeys: []oidctest.PublicKey{{PublicKey: key.Public(), KeyID: "k1", Algorithm: oidc.RS256}}}
	mux := http.NewServeMux()
	mux.Handle("/.well-known/openid-configuration", discovery)
	mux.Handle("/keys", discovery)
	mux.HandleFunc("/auth", idp.authorize)
	mux.HandleFunc("POST /token", idp.token)
	idp.srv = httptest.NewServer(mux)
	t.Cleanup(idp.srv.Close)
	discovery.SetIssuer(idp.srv.URL)
	return idp
}

// authorize approves the request at once and sends the browser back with
// a code.
func (idp *testIdP) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != idpClient || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" ||
		q.Get("nonce") == "" || q.Get("state") == "" || !strings.Contains(q.Get("scope"), "openid") {
		http.Error(w, "bad authorization request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	code := oauth2Code()
	idp.mu.Lock()
	idp.codes[code] = grant{nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), redirect: q.Get("redirect_uri"), claims: idp.claims}
	idp.mu.Unlock()
	http.Redirect(w, r, q.Get("redirect_uri")+"?"+url.Values{"code": {code}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
}

func oauth2Code() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// token redeems a code once, checking the client, the redirect URL and
// the PKCE verifier.
func (idp *testIdP) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	idp.mu.Lock()
	g, found := idp.codes[r.PostForm.Get("code")]
	delete(idp.codes, r.PostForm.Get("code"))
	spoil := idp.spoil
	idp.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	if id != idpClient || secret != idpSecret || !found || r.PostForm.Get("redirect_uri") != g.redirect ||
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error": "invalid_grant"}`)
		return
	}
	claims := map[string]any{
		"iss": idp.srv.URL, "aud": idpClient, "sub": "subject-1", "nonce": g.nonce,
		"iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix(),
	}
	for k, v := range g.claims {
		claims[k] = v
	}
	key := idp.key
	switch spoil {
	case "nonce":
		claims["nonce"] = "another"
	case "audience":
		claims["aud"] = "another-client"
	case "expired":
		claims["exp"] = time.Now().Add(-time.Hour).Unix()
	case "signature":
		key = idp.other
	}
	raw, _ := json.Marshal(claims)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"access_token": "at", "token_type": "Bearer", "expires_in": 3600,
		"id_token": oidctest.SignIDToken(key, "k1", oidc.RS256, string(raw)),
	})
}

func (idp *testIdP) next(claims map[string]any, spoil string) {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	idp.claims, idp.spoil = claims, spoil
}

// newSSOApp starts the page app with single sign-on through idp.
func newSSOApp(t *testing.T, idp *testIdP, passwordsOff bool) *pageApp {
	t.Helper()
	app := newPageApp(t, false)
	provider := func() *sso.Provider {
		p, err := sso.New(sso.Config{
			Issuer: idp.srv.URL, ClientID: idpClient, ClientSecret: idpSecret, RedirectURL: app.http.URL + sso.CallbackPath,
			Mapping: sso.Mapping{Claim: "groups", TeamPrefix: "team:", Roles: map[string]debrief.Role{"debrief-admins": debrief.RoleAdmin, "engineers": debrief.RoleEditor}},
		})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	srv := New(Config{
		Postmortems: app.db, Families: app.db, Users: app.db, Taxonomy: debrief.DefaultTaxonomy(),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SSO: provider(), NoPasswords: passwordsOff,
	})
	srv.pages.now = app.clock.now
	app.srv = srv
	app.http.Config.Handler = srv
	return app
}

// ssoSignIn follows the redirects of a sign-in through the provider and
// returns the last response, from debrief.
func (c *client) ssoSignIn(next string) response {
	c.t.Helper()
	r := c.get("/signin/sso?next=" + url.QueryEscape(next))
	for i := 0; i < 4 && (r.status == http.StatusSeeOther || r.status == http.StatusFound); i++ {
		loc := r.header.Get("Location")
		if strings.HasPrefix(loc, "/") {
			return r
		}
		req, _ := http.NewRequest("GET", loc, nil)
		r = c.do(req)
	}
	return r
}

func TestSingleSignOn(t *testing.T) {
	idp := newTestIdP(t)
	app := newSSOApp(t, idp, false)
	ctx := context.Background()

	// A first sign-in creates the user with the role and teams of the
	// claims, and starts a session.
	idp.next(map[string]any{"preferred_username": "nia", "groups": []string{"engineers", "team:payments", "other"}}, "")
	c := app.client(t)
	r := c.ssoSignIn("/postmortems/PM-2026-101")
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/postmortems/PM-2026-101" {
		t.Fatalf("sign-in: %d to %q\n%s", r.status, r.header.Get("Location"), r.body)
	}
	if page := c.get("/"); page.status != http.StatusOK || !strings.Contains(page.body, "nia") {
		t.Fatalf("the archive after signing in: %d", page.status)
	}
	u, hash, err := app.db.UserByName(ctx, "nia")
	if err != nil || u.Role != debrief.RoleEditor || strings.Join(u.Teams, ",") != "payments" || hash != "" {
		t.Fatalf("created user %+v with hash %q: %v", u, hash, err)
	}

	// A later sign-in brings the role and teams up to date.
	idp.next(map[string]any{"preferred_username": "nia", "groups": []string{"debrief-admins", "team:search"}}, "")
	if r := app.client(t).ssoSignIn("/"); r.status != http.StatusSeeOther {
		t.Fatalf("second sign-in: %d\n%s", r.status, r.body)
	}
	if u, _, _ := app.db.UserByName(ctx, "nia"); u.Role != debrief.RoleAdmin || strings.Join(u.Teams, ",") != "search" {
		t.Errorf("after the second sign-in: %+v", u)
	}

	// What debrief refuses.
	for _, tt := range []struct {
		name   string
		claims map[string]any
		spoil  string
		status int
		says   string
	}{
		{"nonce of another sign-in", map[string]any{"preferred_username": "nia", "groups": []string{"engineers"}}, "nonce", http.StatusUnauthorized, "not issued for this sign-in"},
		{"token for another client", map[string]any{"preferred_username": "nia", "groups": []string{"engineers"}}, "audience", http.StatusUnauthorized, "not valid"},
		{"expired token", map[string]any{"preferred_username": "nia", "groups": []string{"engineers"}}, "expired", http.StatusUnauthorized, "not valid"},
		{"signed with another key", map[string]any{"preferred_username": "nia", "groups": []string{"engineers"}}, "signature", http.StatusUnauthorized, "not valid"},
		{"no role", map[string]any{"preferred_username": "zed", "groups": []string{"team:payments"}}, "", http.StatusForbidden, "grants you no debrief role"},
		{"groups of the wrong shape", map[string]any{"preferred_username": "zed", "groups": 7}, "", http.StatusBadRequest, "should be a string or a list of strings"},
		{"name that is no user name", map[string]any{"preferred_username": "zed smith", "groups": []string{"engineers"}}, "", http.StatusBadRequest, "is not a debrief user name"},
		{"no name", map[string]any{"groups": []string{"engineers"}}, "", http.StatusBadRequest, "is not a debrief user name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			idp.next(tt.claims, tt.spoil)
			c := app.client(t)
			r := c.ssoSignIn("/")
			if r.status != tt.status || !strings.Contains(r.body, tt.says) {
				t.Errorf("status %d, want %d saying %q:\n%s", r.status, tt.status, tt.says, r.body)
			}
			if page := c.get("/"); page.status != http.StatusSeeOther {
				t.Errorf("refused, yet signed in: %d", page.status)
			}
		})
	}
	if _, _, err := app.db.UserByName(ctx, "zed"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("a refused sign-in created a user: %v", err)
	}

	// A callback that this browser did not start, and one with a forged
	// state.
	idp.next(map[string]any{"preferred_username": "nia", "groups": []string{"engineers"}}, "")
	if r := app.client(t).get(sso.CallbackPath + "?code=x&state=y"); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "did not start in this browser") {
		t.Errorf("callback without a flow: %d\n%s", r.status, r.body)
	}
	c1 := app.client(t)
	if r := c1.get("/signin/sso"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), idp.srv.URL+"/auth?") {
		t.Fatalf("start: %d to %q", r.status, r.header.Get("Location"))
	}
	if r := c1.get(sso.CallbackPath + "?" + url.Values{"code": {"x"}, "state": {"forged"}}.Encode()); r.status != http.StatusUnauthorized {
		t.Errorf("callback with a forged state: %d", r.status)
	}
	if r := app.client(t).get(sso.CallbackPath + "?error=access_denied&error_description=" + url.QueryEscape("<b>denied</b>")); r.status != http.StatusUnauthorized ||
		!strings.Contains(r.body, "did not sign you in (&lt;b&gt;denied&lt;/b&gt;)") {
		t.Errorf("the provider's refusal: %d\n%s", r.status, r.body)
	}

	// The audit log has the sign-ins, the failures and the user changes.
	events, _, err := app.db.AuditLog(ctx, debrief.AuditFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range events {
		count[e.Action]++
	}
	if count[debrief.AuditSignIn] != 2 || count[debrief.AuditUserCreate] != 1 || count[debrief.AuditUserRole] != 1 || count[debrief.AuditSignInFailed] < 10 {
		t.Errorf("audit log counts %v", count)
	}

	// Password sign-in still works when it is on.
	if r := app.client(t).signIn("eve", testPasswords["eve"]); r.status != http.StatusSeeOther {
		t.Errorf("password sign-in: %d", r.status)
	}
}

func TestNoPasswords(t *testing.T) {
	idp := newTestIdP(t)
	app := newSSOApp(t, idp, true)
	c := app.client(t)
	page := c.get("/signin")
	if page.status != http.StatusOK || strings.Contains(page.body, `name="password"`) || !strings.Contains(page.body, "Sign in with single sign-on") {
		t.Errorf("sign-in page with passwords off:\n%s", page.body)
	}
	if r := c.signIn("eve", testPasswords["eve"]); r.status != http.StatusForbidden || !strings.Contains(r.body, "Sign-in with a password is off") {
		t.Errorf("password sign-in when it is off: %d\n%s", r.status, r.body)
	}
	idp.next(map[string]any{"preferred_username": "eve", "groups": []string{"engineers", "team:payments"}}, "")
	if r := c.ssoSignIn("/"); r.status != http.StatusSeeOther {
		t.Errorf("SSO sign-in with passwords off: %d\n%s", r.status, r.body)
	}
	if r := c.get("/"); r.status != http.StatusOK {
		t.Errorf("the archive after SSO: %d", r.status)
	}
}

func TestSSOProviderDown(t *testing.T) {
	idp := newTestIdP(t)
	app := newSSOApp(t, idp, false)
	idp.srv.Close()
	r := app.client(t).get("/signin/sso")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "does not answer") || !strings.Contains(r.body, `name="password"`) {
		t.Errorf("provider down: %d\n%s", r.status, r.body)
	}
}
