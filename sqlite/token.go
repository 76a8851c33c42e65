package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.TokenService = (*DB)(nil)

// CreateTokenExpiring stores a token hash for a user, valid until expires.
func (db *DB) CreateTokenExpiring(ctx context.Context, userName, tokenHash string, expires time.Time) (*debrief.APIToken, error) {
	t := &debrief.APIToken{ID: debrief.TokenID(tokenHash), Created: db.Now().UTC().Truncate(time.Second)}
	if !expires.IsZero() {
		t.Expires = expires.UTC().Truncate(time.Second)
	}
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE name = ?`, userName).Scan(&t.User)
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no user named %s: add one with debrief user add", userName)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO tokens (hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			tokenHash, t.User, t.Created.Format(time.RFC3339), formatTokenTime(t.Expires))
		return err
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Tokens lists tokens by user and creation time.
func (db *DB) Tokens(ctx context.Context, userName string) ([]*debrief.APIToken, error) {
	q := `SELECT hash, user_name, created_at, expires_at, last_used_at FROM tokens`
	var args []any
	if userName != "" {
		q += ` WHERE user_name = (SELECT name FROM users WHERE name = ?)`
		args = append(args, userName)
	}
	q += ` ORDER BY user_name, created_at, hash`
	var out []*debrief.APIToken
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanToken(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

func scanToken(row interface{ Scan(...any) error }) (*debrief.APIToken, error) {
	var t debrief.APIToken
	var hash, created, expires, used string
	if err := row.Scan(&hash, &t.User, &created, &expires, &used); err != nil {
		return nil, err
	}
	t.ID = debrief.TokenID(hash)
	t.Created, t.Expires, t.LastUsed = parseTokenTime(created), parseTokenTime(expires), parseTokenTime(used)
	return &t, nil
}

// RevokeToken deletes the token with the given ID.
func (db *DB) RevokeToken(ctx context.Context, id string) (*debrief.APIToken, error) {
	if err := debrief.ValidTokenID(id); err != nil {
		return nil, err
	}
	var t *debrief.APIToken
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = scanToken(tx.QueryRowContext(ctx, `SELECT hash, user_name, created_at, expires_at, last_used_at FROM tokens WHERE substr(hash, 1, 12) = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no token with id %s: debrief token list shows them", id)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM tokens WHERE substr(hash, 1, 12) = ?`, id)
		return err
	})
	return t, err
}

// UseToken returns the user of a live token and records its use.
func (db *DB) UseToken(ctx context.Context, tokenHash string) (*debrief.User, error) {
	now := db.Now().UTC()
	var u *debrief.User
	var expires, used string
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, `SELECT user_name, expires_at, last_used_at FROM tokens WHERE hash = ?`, tokenHash).Scan(&name, &expires, &used); err != nil {
			return err
		}
		var err error
		u, _, err = userWhere(ctx, tx, `u.name = ?`, name)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the token is not valid")
	}
	if err != nil {
		return nil, err
	}
	if e := parseTokenTime(expires); !e.IsZero() && !now.Before(e) {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the token expired at %s: ask for a new one", e.Format(time.RFC3339))
	}
	if last := parseTokenTime(used); now.Sub(last) >= debrief.TokenUseInterval {
		err := db.writeTx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE tokens SET last_used_at = ? WHERE hash = ?`, now.Truncate(time.Second).Format(time.RFC3339), tokenHash)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return u, nil
}

func formatTokenTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func parseTokenTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, s)
	return t
}
