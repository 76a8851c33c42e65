package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.UserService = (*DB)(nil)

// CreateUser adds a user with its teams; a taken name is a conflict.
func (db *DB) CreateUser(ctx context.Context, u *debrief.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		keyColumn, key := db.d.UserKey(u.Name)
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE `+keyColumn+` = ?`, key).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return debrief.Errorf(debrief.ECONFLICT, "a user named %s exists already", u.Name)
		}
		columns, values := "name, role, password_hash, created_at", "?, ?, ?, ?"
		args := []any{u.Name, string(u.Role), passwordHash, db.d.Time(db.Now().UTC())}
		if keyColumn != "name" {
			columns, values, args = columns+", "+keyColumn, values+", ?", append(args, key)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO users (`+columns+`) VALUES (`+values+`)`, args...); err != nil {
			return err
		}
		return putUserTeams(ctx, tx, u.Name, u.Teams)
	})
}

func putUserTeams(ctx context.Context, tx *Tx, name string, teams []string) error {
	for _, t := range debrief.Keys(teams) {
		if _, err := tx.Exec(ctx, `INSERT INTO user_teams (user_name, team) VALUES (?, ?)`, name, t); err != nil {
			return err
		}
	}
	return nil
}

// UserByName returns a user and its password hash.
func (db *DB) UserByName(ctx context.Context, name string) (*debrief.User, string, error) {
	var u *debrief.User
	var hash string
	err := db.ReadTx(ctx, func(tx *Tx) error {
		keyColumn, key := db.d.UserKey(name)
		var err error
		u, hash, err = db.scanUser(tx.QueryRow(ctx, `SELECT `+db.userColumns()+` FROM users u WHERE u.`+keyColumn+` = ?`, key))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", debrief.Errorf(debrief.ENOTFOUND, "no user named %s", name)
	}
	return u, hash, err
}

// CreateToken stores a token hash for a user.
func (db *DB) CreateToken(ctx context.Context, userName, tokenHash string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		keyColumn, key := db.d.UserKey(userName)
		var name string
		err := tx.QueryRow(ctx, `SELECT name FROM users WHERE `+keyColumn+` = ?`, key).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no user named %s: add one with debrief user add", userName)
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO tokens (hash, user_name, created_at) VALUES (?, ?, ?)`,
			tokenHash, name, db.d.Time(db.Now().UTC()))
		return err
	})
}

// UserByToken returns the user a token hash belongs to, while the token
// has not expired. Unlike UseToken it records nothing.
func (db *DB) UserByToken(ctx context.Context, tokenHash string) (*debrief.User, error) {
	var u *debrief.User
	var expires time.Time
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		u, expires, err = db.tokenUser(ctx, tx, tokenHash)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := tokenLive(expires, db.Now()); err != nil {
		return nil, err
	}
	return u, nil
}

// Users lists every user by name.
func (db *DB) Users(ctx context.Context) ([]*debrief.User, error) {
	var users []*debrief.User
	err := db.ReadTx(ctx, func(tx *Tx) error {
		keyColumn, _ := db.d.UserKey("")
		rows, err := tx.Query(ctx, `SELECT `+db.userColumns()+` FROM users u ORDER BY u.`+keyColumn)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u, _, err := db.scanUser(rows)
			if err != nil {
				return err
			}
			users = append(users, u)
		}
		return rows.Err()
	})
	return users, err
}

// CountAdmins counts the admins.
func (db *DB) CountAdmins(ctx context.Context) (int, error) {
	var n int
	err := db.ReadTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'admin'`).Scan(&n)
	})
	return n, err
}

// userColumns selects a user of users u with its teams as one sorted list.
func (db *DB) userColumns() string {
	return `u.name, u.role, u.password_hash, ` + db.d.AggList("team", `FROM user_teams WHERE user_name = u.name ORDER BY team`)
}

func (db *DB) scanUser(row interface{ Scan(...any) error }) (*debrief.User, string, error) {
	var u debrief.User
	var role, hash string
	if err := row.Scan(&u.Name, &role, &hash, db.d.ScanList(&u.Teams)); err != nil {
		return nil, "", err
	}
	u.Role = debrief.Role(role)
	return &u, hash, nil
}

// UpdateUser sets a user's role and teams.
func (db *DB) UpdateUser(ctx context.Context, u *debrief.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		name, role, err := db.lockUser(ctx, tx, u.Name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin && u.Role != debrief.RoleAdmin {
			if err := db.keepAnAdmin(ctx, tx, name); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET role = ? WHERE name = ?`, string(u.Role), name); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM user_teams WHERE user_name = ?`, name); err != nil {
			return err
		}
		return putUserTeams(ctx, tx, name, u.Teams)
	})
}

// SetPassword replaces a user's password hash and ends the user's
// browser sessions.
func (db *DB) SetPassword(ctx context.Context, name, passwordHash string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		stored, _, err := db.lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = ? WHERE name = ?`, passwordHash, stored); err != nil {
			return err
		}
		return endSessions(ctx, tx, stored)
	})
}

// DeleteUser removes a user with its teams, tokens and sessions (the
// foreign keys cascade).
func (db *DB) DeleteUser(ctx context.Context, name string) error {
	return db.WriteTx(ctx, func(tx *Tx) error {
		stored, role, err := db.lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin {
			if err := db.keepAnAdmin(ctx, tx, stored); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `DELETE FROM users WHERE name = ?`, stored)
		return err
	})
}

// lockUser returns the stored name and the role of the user name, and locks
// the user's row until the transaction ends.
func (db *DB) lockUser(ctx context.Context, tx *Tx, name string) (string, debrief.Role, error) {
	keyColumn, key := db.d.UserKey(name)
	var stored, role string
	err := tx.QueryRow(ctx, `SELECT name, role FROM users WHERE `+keyColumn+` = ?`+db.d.ForUpdate(""), key).Scan(&stored, &role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", debrief.NoUser(name)
	}
	return stored, debrief.Role(role), err
}

// keepAnAdmin refuses to take the admin role from name when no other user
// has it. It locks the admins' rows, so that two changes that would each
// leave one admin take turns and the second sees the first.
func (db *DB) keepAnAdmin(ctx context.Context, tx *Tx, name string) error {
	others, err := tx.Strings(ctx, `SELECT name FROM users WHERE role = 'admin' AND name != ?`+db.d.ForUpdate(""), name)
	if err != nil {
		return err
	}
	if len(others) == 0 {
		return debrief.LastAdmin(name)
	}
	return nil
}
