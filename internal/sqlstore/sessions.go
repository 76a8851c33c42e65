package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.SessionService = (*DB)(nil)

// CreateSession stores a new session and sweeps the expired ones: signing
// in is rare enough to pay for it, and no page request does.
func (db *DB) CreateSession(ctx context.Context, s *debrief.Session) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		keyColumn, key := db.d.UserKey(s.User)
		var name string
		err := tx.QueryRow(ctx, `SELECT name FROM users WHERE `+keyColumn+` = ?`, key).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.NoUser(s.User)
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, db.d.Time(s.Created.UTC())); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO sessions (hash, user_name, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			s.Hash, name, db.d.Time(s.Created.UTC()), db.d.Time(s.LastSeen.UTC()), db.d.Time(s.Expires.UTC()))
		return err
	})
}

// Session reads a live session with its user in one query.
func (db *DB) Session(ctx context.Context, hash string, now time.Time) (*debrief.Session, *debrief.User, error) {
	s := &debrief.Session{Hash: hash}
	u := &debrief.User{}
	var role, password string
	err := db.ReadTx(ctx, func(tx *Tx) error {
		row := tx.QueryRow(ctx, `SELECT s.created_at, s.last_seen_at, s.expires_at, `+db.userColumns()+`
			FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.hash = ? AND s.expires_at > ?`, hash, db.d.Time(now.UTC()))
		return row.Scan(timeScanner{&s.Created}, timeScanner{&s.LastSeen}, timeScanner{&s.Expires},
			&u.Name, &role, &password, db.d.ScanList(&u.Teams))
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, debrief.Errorf(debrief.ENOTFOUND, "the session has ended")
	}
	if err != nil {
		return nil, nil, err
	}
	u.Role = debrief.Role(role)
	s.User = u.Name
	return s, u, nil
}

// TouchSession records a use of a session; it never moves the last use
// back, which a replica with an older reading might otherwise do.
func (db *DB) TouchSession(ctx context.Context, hash string, at, expires time.Time) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE hash = ? AND last_seen_at < ?`,
			db.d.Time(at.UTC()), db.d.Time(expires.UTC()), hash, db.d.Time(at.UTC()))
		return err
	})
}

// DeleteSession ends a session.
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE hash = ?`, hash)
		return err
	})
}

// endSessions ends every session of the user stored as name.
func endSessions(ctx context.Context, tx *Tx, name string) error {
	_, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_name = ?`, name)
	return err
}
