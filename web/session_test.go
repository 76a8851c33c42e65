package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// replica starts a second server over a's archive, with its own memory of
// sessions, as a second replica behind a load balancer is.
func (a *pageApp) replica(t testing.TB) *pageApp {
	t.Helper()
	return startPageApp(t, a.cfg, a.db, a.clock)
}

// on returns a browser with c's cookies that talks to b: the test servers
// share a host, so the cookie jar sends the session to both.
func (c *client) on(b *pageApp) *client { return &client{t: c.t, app: b, c: c.c} }

// storedSession reads the archive's record of the client's session.
func storedSession(t *testing.T, c *client) (*debrief.Session, error) {
	t.Helper()
	h := sha256.Sum256([]byte(sessionID(t, c)))
	s, _, err := c.app.db.Session(context.Background(), hex.EncodeToString(h[:]), c.app.clock.now())
	return s, err
}

func TestSessionsAcrossReplicas(t *testing.T) {
	a := newPageApp(t, false)
	b := a.replica(t)
	ctx := context.Background()

	t.Run("a session signed in on one replica works on the other", func(t *testing.T) {
		onA := a.signedIn(t, "eve")
		onB := onA.on(b)
		if r := onB.get("/postmortems/PM-2026-101"); r.status != 200 {
			t.Fatalf("on the other replica: %d", r.status)
		}
		if r := onB.post("/postmortems/PM-2026-101/edit", editForm(pageOpen+"\nSaved on the other replica.\n", 1)); r.status != 303 {
			t.Fatalf("save on the other replica: %d\n%s", r.status, r.body)
		}
		// A restart loses nothing either: a new server knows the session.
		if r := onA.on(a.replica(t)).get("/"); r.status != 200 {
			t.Fatalf("on a restarted replica: %d", r.status)
		}
	})

	t.Run("pages record a use at most once a minute", func(t *testing.T) {
		onA := a.signedIn(t, "ivy")
		onB := onA.on(b)
		first, err := storedSession(t, onA)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			a.clock.advance(10 * time.Second)
			onA.get("/")
			onB.get("/")
		}
		if s, _ := storedSession(t, onA); !s.LastSeen.Equal(first.LastSeen) {
			t.Errorf("pages within a minute wrote the last use: %s, was %s", s.LastSeen, first.LastSeen)
		}
		a.clock.advance(sessionTouch)
		onB.get("/")
		s, err := storedSession(t, onA)
		if err != nil {
			t.Fatal(err)
		}
		if !s.LastSeen.Equal(a.clock.now()) || !s.Expires.Equal(a.clock.now().Add(sessionIdle)) {
			t.Errorf("after a minute: last use %s, expiry %s; want %s and 12 h later", s.LastSeen, s.Expires, a.clock.now())
		}
	})

	t.Run("signing out on one replica signs out on the other", func(t *testing.T) {
		onA := a.signedIn(t, "max")
		onB := onA.on(b)
		id := sessionID(t, onA)
		if r := onB.get("/"); r.status != 200 {
			t.Fatalf("on the other replica: %d", r.status)
		}
		if r := onA.post("/signout", url.Values{}); r.status != 303 {
			t.Fatalf("sign out: %d", r.status)
		}
		h := sha256.Sum256([]byte(id))
		if _, _, err := a.db.Session(ctx, hex.EncodeToString(h[:]), a.clock.now()); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Fatalf("the archive still has the session: %v", err)
		}
		// A browser that kept the cookie, or someone who copied it.
		setCookie(t, onA, id)
		if r := onA.get("/"); r.status != 303 {
			t.Errorf("the signed-out cookie on the replica that signed out: %d", r.status)
		}
		a.clock.advance(userRecheck)
		if r := onB.get("/"); r.status != 303 {
			t.Errorf("the signed-out cookie on the other replica after %s: %d", userRecheck, r.status)
		}
	})

	t.Run("a password reset ends the user's sessions on every replica", func(t *testing.T) {
		vicA := a.signedIn(t, "vic")
		vicB := a.signedIn(t, "vic").on(b)
		ada := a.signedIn(t, "ada")
		if r := vicB.get("/"); r.status != 200 {
			t.Fatalf("vic on the other replica: %d", r.status)
		}
		if r := ada.post("/admin/users/vic", url.Values{"op": {"passwd"}, "password": {"vic-password-2"}}); r.status != 303 {
			t.Fatalf("reset: %d\n%s", r.status, r.body)
		}
		if r := vicA.get("/"); r.status != 303 {
			t.Errorf("on the replica that reset the password, vic is still signed in: %d", r.status)
		}
		a.clock.advance(userRecheck)
		if r := vicB.get("/"); r.status != 303 {
			t.Errorf("on the other replica after %s, vic is still signed in: %d", userRecheck, r.status)
		}
		if r := ada.on(b).get("/admin"); r.status != 200 {
			t.Errorf("the admin who reset it was signed out: %d", r.status)
		}
		if err := a.db.SetPassword(ctx, "vic", passwordHashes(t)["vic"]); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("a changed role takes effect on every replica", func(t *testing.T) {
		ivyB := a.signedIn(t, "ivy").on(b)
		if r := ivyB.get("/postmortems/PM-2026-102"); r.status != 200 {
			t.Fatalf("ivy reads identity's postmortem: %d", r.status)
		}
		if err := a.db.UpdateUser(ctx, &debrief.User{Name: "ivy", Role: debrief.RoleViewer, Teams: []string{"logistics"}}); err != nil {
			t.Fatal(err)
		}
		a.clock.advance(userRecheck)
		if r := ivyB.get("/postmortems/PM-2026-102"); r.status != 404 {
			t.Errorf("ivy left identity but still reads its postmortem: %d", r.status)
		}
	})
}

// setCookie puts a session cookie back in the client's jar.
func setCookie(t *testing.T, c *client, id string) {
	t.Helper()
	u, _ := url.Parse(c.app.http.URL)
	c.c.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: id, Path: "/"}})
}
