package storetest

import (
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// testSessions checks the browser sessions that every replica shares:
// they are found by hash with their user as the user is now, end when they
// expire, are signed out, or their user's password changes or the user
// goes, and a use never moves the last use back.
func testSessions(t *testing.T, open Opener) {
	s := open(t)
	for _, u := range []*debrief.User{
		{Name: "ada", Role: debrief.RoleAdmin},
		{Name: "ana", Role: debrief.RoleEditor, Teams: []string{"payments"}},
	} {
		if err := s.CreateUser(ctx, u, "$hash"); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	const idle = 12 * time.Hour
	create := func(hash, user string, at time.Time) {
		t.Helper()
		if err := s.CreateSession(ctx, &debrief.Session{Hash: hash, User: user, Created: at, LastSeen: at, Expires: at.Add(idle)}); err != nil {
			t.Fatalf("create session %s: %v", hash, err)
		}
	}
	live := func(hash string, at time.Time) (*debrief.Session, *debrief.User) {
		t.Helper()
		sess, u, err := s.Session(ctx, hash, at)
		if err != nil {
			t.Fatalf("session %s at %s: %v", hash, at, err)
		}
		return sess, u
	}
	gone := func(hash string, at time.Time, why string) {
		t.Helper()
		if _, _, err := s.Session(ctx, hash, at); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("%s: session %s = %v, want not found", why, hash, err)
		}
	}

	create(hashOf("1"), "ANA", t0)
	sess, u := live(hashOf("1"), t0.Add(time.Minute))
	if u.Name != "ana" || u.Role != debrief.RoleEditor || len(u.Teams) != 1 || u.Teams[0] != "payments" {
		t.Errorf("user %+v", u)
	}
	if sess.User != "ana" || !sess.Created.Equal(t0) || !sess.LastSeen.Equal(t0) || !sess.Expires.Equal(t0.Add(idle)) {
		t.Errorf("session %+v", sess)
	}
	gone(hashOf("9"), t0, "an unknown hash")
	if err := s.CreateSession(ctx, &debrief.Session{Hash: hashOf("8"), User: "nobody", Created: t0, LastSeen: t0, Expires: t0.Add(idle)}); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("a session of a missing user: %v, want not found", err)
	}

	// A use moves the expiry on; an older use, from a replica that read
	// the session before, does not move it back.
	used := t0.Add(2 * time.Hour)
	if err := s.TouchSession(ctx, hashOf("1"), used, used.Add(idle)); err != nil {
		t.Fatal(err)
	}
	if err := s.TouchSession(ctx, hashOf("1"), t0.Add(time.Hour), t0.Add(time.Hour+idle)); err != nil {
		t.Fatal(err)
	}
	if sess, _ := live(hashOf("1"), t0.Add(idle+time.Minute)); !sess.LastSeen.Equal(used) || !sess.Expires.Equal(used.Add(idle)) {
		t.Errorf("after the uses: last seen %s, expires %s; want %s, %s", sess.LastSeen, sess.Expires, used, used.Add(idle))
	}
	gone(hashOf("1"), used.Add(idle), "at its expiry")
	if err := s.TouchSession(ctx, hashOf("9"), used, used.Add(idle)); err != nil {
		t.Errorf("touch a session that is gone: %v", err)
	}

	// The user is read as it is now.
	if err := s.UpdateUser(ctx, &debrief.User{Name: "ana", Role: debrief.RoleViewer, Teams: []string{"identity"}}); err != nil {
		t.Fatal(err)
	}
	if _, u := live(hashOf("1"), used); u.Role != debrief.RoleViewer || len(u.Teams) != 1 || u.Teams[0] != "identity" {
		t.Errorf("after the change the session's user is %+v", u)
	}

	// A new session sweeps those that expired: the first is gone even
	// when asked about at a time it was alive.
	later := used.Add(idle + time.Hour)
	create(hashOf("2"), "ana", later)
	gone(hashOf("1"), used, "expired and swept")

	// Signing out ends one session.
	create(hashOf("3"), "ana", later)
	if err := s.DeleteSession(ctx, hashOf("3")); err != nil {
		t.Fatal(err)
	}
	gone(hashOf("3"), later, "signed out")
	if err := s.DeleteSession(ctx, hashOf("3")); err != nil {
		t.Errorf("sign out twice: %v", err)
	}
	live(hashOf("2"), later)

	// A new password ends every session of its user, and only theirs.
	create(hashOf("4"), "ana", later)
	create(hashOf("5"), "ada", later)
	if err := s.SetPassword(ctx, "ANA", "$new"); err != nil {
		t.Fatal(err)
	}
	gone(hashOf("2"), later, "after a new password")
	gone(hashOf("4"), later, "after a new password")
	live(hashOf("5"), later)

	// Removing a user ends its sessions.
	create(hashOf("6"), "ana", later)
	if err := s.DeleteUser(ctx, "ana"); err != nil {
		t.Fatal(err)
	}
	gone(hashOf("6"), later, "after the user was removed")
	if err := s.CreateUser(ctx, &debrief.User{Name: "ana", Role: debrief.RoleViewer}, ""); err != nil {
		t.Fatal(err)
	}
	gone(hashOf("6"), later, "after a new user took the name")
	live(hashOf("5"), later)
}

// hashOf returns a made-up session hash that starts with prefix.
func hashOf(prefix string) string { return tokenHash(prefix) }
