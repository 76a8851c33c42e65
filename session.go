package debrief

import (
	"context"
	"time"
)

// Session is a signed-in browser. The archive knows it only by the SHA-256
// of the id in the browser's cookie, so that reading the archive gives no
// one a way in.
type Session struct {
	// Hash is the hexadecimal SHA-256 of the cookie's id.
	Hash string
	User string
	// Created is when the browser signed in.
	Created time.Time
	// LastSeen is the last use the archive recorded: replicas record a
	// use at most once a minute, so it may be that much behind.
	LastSeen time.Time
	// Expires is when the session ends unless it is used again.
	Expires time.Time
}

// SessionService keeps browser sessions in the archive, so that every
// replica of the web app knows every session, and a session that ends
// ends on all of them. Changing a user's password (UserService.SetPassword)
// and removing the user end the user's sessions too.
type SessionService interface {
	// CreateSession stores a new session of a user who exists, and removes
	// the sessions that expired by s.Created.
	CreateSession(ctx context.Context, s *Session) error
	// Session returns the session with the hash and its user as they are
	// now, or not found when there is no such session or it expired
	// before now.
	Session(ctx context.Context, hash string, now time.Time) (*Session, *User, error)
	// TouchSession records a use of the session at `at`, after which it
	// expires at expires. A session that is gone is no error.
	TouchSession(ctx context.Context, hash string, at, expires time.Time) error
	// DeleteSession ends a session; one that is gone is no error.
	DeleteSession(ctx context.Context, hash string) error
}
