package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.TokenService = (*DB)(nil)

// tokenColumns selects a token's description.
const tokenColumns = `hash, user_name, created_at, expires_at, last_used_at`

// CreateTokenExpiring stores a token hash for a user, valid until expires.
func (db *DB) CreateTokenExpiring(ctx context.Context, userName, tokenHash string, expires time.Time) (*debrief.APIToken, error) {
	t := &debrief.APIToken{ID: debrief.TokenID(tokenHash), Created: db.Now().UTC().Truncate(time.Second)}
	if !expires.IsZero() {
		t.Expires = expires.UTC().Truncate(time.Second)
	}
	err := db.WriteTx(ctx, func(tx *Tx) error {
		keyColumn, key := db.d.UserKey(userName)
		err := tx.QueryRow(ctx, `SELECT name FROM users WHERE `+keyColumn+` = ?`, key).Scan(&t.User)
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no user named %s: add one with debrief user add", userName)
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO tokens (hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			tokenHash, t.User, db.d.Time(t.Created), db.d.Time(t.Expires))
		return err
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Tokens lists tokens by user and creation time.
func (db *DB) Tokens(ctx context.Context, userName string) ([]*debrief.APIToken, error) {
	q := `SELECT ` + tokenColumns + ` FROM tokens`
	var args []any
	if userName != "" {
		keyColumn, key := db.d.UserKey(userName)
		q += ` WHERE user_name = (SELECT name FROM users WHERE ` + keyColumn + ` = ?)`
		args = append(args, key)
	}
	q += ` ORDER BY lower(user_name), created_at, hash`
	var out []*debrief.APIToken
	err := db.ReadTx(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, q, args...)
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
	var hash string
	if err := row.Scan(&hash, &t.User, timeScanner{&t.Created}, timeScanner{&t.Expires}, timeScanner{&t.LastUsed}); err != nil {
		return nil, err
	}
	t.ID = debrief.TokenID(hash)
	return &t, nil
}

// RevokeToken deletes the token with the given ID.
func (db *DB) RevokeToken(ctx context.Context, id string) (*debrief.APIToken, error) {
	if err := debrief.ValidTokenID(id); err != nil {
		return nil, err
	}
	var t *debrief.APIToken
	err := db.WriteTx(ctx, func(tx *Tx) error {
		var err error
		t, err = scanToken(tx.QueryRow(ctx, `DELETE FROM tokens WHERE substr(hash, 1, 12) = ? RETURNING `+tokenColumns, id))
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no token with id %s: debrief token list shows them", id)
		}
		return err
	})
	return t, err
}

// UseToken returns the user of a live token and records its use.
func (db *DB) UseToken(ctx context.Context, tokenHash string) (*debrief.User, error) {
	now := db.Now().UTC()
	var u *debrief.User
	var expires, used time.Time
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		if u, expires, err = db.tokenUser(ctx, tx, tokenHash); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT last_used_at FROM tokens WHERE hash = ?`, tokenHash).Scan(timeScanner{&used})
	})
	if err != nil {
		return nil, err
	}
	if err := tokenLive(expires, now); err != nil {
		return nil, err
	}
	if now.Sub(used) >= debrief.TokenUseInterval {
		err := db.WriteTx(ctx, func(tx *Tx) error {
			_, err := tx.Exec(ctx, `UPDATE tokens SET last_used_at = ? WHERE hash = ?`, db.d.Time(now.Truncate(time.Second)), tokenHash)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return u, nil
}

// tokenUser returns the user of a token hash and when the token expires
// (zero: never); an unknown token is unauthorized.
func (db *DB) tokenUser(ctx context.Context, tx *Tx, tokenHash string) (*debrief.User, time.Time, error) {
	var u debrief.User
	var role, password string
	var expires time.Time
	err := tx.QueryRow(ctx, `SELECT `+db.userColumns()+`, t.expires_at FROM users u JOIN tokens t ON t.user_name = u.name WHERE t.hash = ?`, tokenHash).
		Scan(&u.Name, &role, &password, db.d.ScanList(&u.Teams), timeScanner{&expires})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, debrief.Errorf(debrief.EUNAUTHORIZED, "the token is not valid")
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	u.Role = debrief.Role(role)
	return &u, expires, nil
}

// tokenLive refuses a token that expired by now.
func tokenLive(expires, now time.Time) error {
	if !expires.IsZero() && !now.Before(expires) {
		return debrief.Errorf(debrief.EUNAUTHORIZED, "the token expired at %s: ask for a new one", expires.UTC().Format(time.RFC3339))
	}
	return nil
}
