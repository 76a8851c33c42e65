package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.UserService = (*DB)(nil)

// CreateUser adds a user with its teams; a taken name is a conflict.
func (db *DB) CreateUser(ctx context.Context, u *debrief.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE name = ?`, u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return debrief.Errorf(debrief.ECONFLICT, "a user named %s exists already", u.Name)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)`,
			u.Name, string(u.Role), passwordHash, db.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		for _, t := range debrief.Keys(u.Teams) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO user_teams (user_name, team) VALUES (?, ?)`, u.Name, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// UserByName returns a user and its password hash.
func (db *DB) UserByName(ctx context.Context, name string) (*debrief.User, string, error) {
	var u *debrief.User
	var hash string
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		u, hash, err = userWhere(ctx, tx, `u.name = ?`, name)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", debrief.Errorf(debrief.ENOTFOUND, "no user named %s", name)
	}
	return u, hash, err
}

// CreateToken stores a token hash for a user.
func (db *DB) CreateToken(ctx context.Context, userName, tokenHash string) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE name = ?`, userName).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no user named %s: add one with debrief user add", userName)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO tokens (hash, user_name, created_at) VALUES (?, ?, ?)`,
			tokenHash, name, db.Now().UTC().Format(time.RFC3339))
		return err
	})
}

// UserByToken returns the user a token hash belongs to.
func (db *DB) UserByToken(ctx context.Context, tokenHash string) (*debrief.User, error) {
	var u *debrief.User
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		u, _, err = userWhere(ctx, tx, `u.name = (SELECT user_name FROM tokens WHERE hash = ?)`, tokenHash)
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the token is not valid")
	}
	return u, err
}

// Users lists every user by name.
func (db *DB) Users(ctx context.Context) ([]*debrief.User, error) {
	var users []*debrief.User
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT u.name, u.role, `+userTeamsColumn+` FROM users u ORDER BY u.name`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var u debrief.User
			var role, teams string
			if err := rows.Scan(&u.Name, &role, &teams); err != nil {
				return err
			}
			u.Role, u.Teams = debrief.Role(role), splitTeams(teams)
			users = append(users, &u)
		}
		return rows.Err()
	})
	return users, err
}

// CountAdmins counts the admins.
func (db *DB) CountAdmins(ctx context.Context) (int, error) {
	var n int
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'admin'`).Scan(&n)
	})
	return n, err
}

func userWhere(ctx context.Context, tx *sql.Tx, where string, arg any) (*debrief.User, string, error) {
	var u debrief.User
	var role, hash, teams string
	err := tx.QueryRowContext(ctx, `SELECT u.name, u.role, u.password_hash, `+userTeamsColumn+` FROM users u WHERE `+where, arg).Scan(&u.Name, &role, &hash, &teams)
	if err != nil {
		return nil, "", err
	}
	u.Role, u.Teams = debrief.Role(role), splitTeams(teams)
	return &u, hash, nil
}

// userTeamsColumn selects a user's teams as one sorted, comma-separated
// text.
const userTeamsColumn = `coalesce((SELECT group_concat(team, ',') FROM (SELECT team FROM user_teams WHERE user_name = u.name ORDER BY team)), '')`

func splitTeams(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// UpdateUser sets a user's role and teams.
func (db *DB) UpdateUser(ctx context.Context, u *debrief.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		name, role, err := lockUser(ctx, tx, u.Name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin && u.Role != debrief.RoleAdmin {
			if err := keepAnAdmin(ctx, tx, name); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET role = ? WHERE name = ?`, string(u.Role), name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM user_teams WHERE user_name = ?`, name); err != nil {
			return err
		}
		for _, t := range debrief.Keys(u.Teams) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO user_teams (user_name, team) VALUES (?, ?)`, name, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetPassword replaces a user's password hash.
func (db *DB) SetPassword(ctx context.Context, name, passwordHash string) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		stored, _, err := lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE users SET password_hash = ? WHERE name = ?`, passwordHash, stored)
		return err
	})
}

// DeleteUser removes a user with its teams and tokens.
func (db *DB) DeleteUser(ctx context.Context, name string) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		stored, role, err := lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin {
			if err := keepAnAdmin(ctx, tx, stored); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM users WHERE name = ?`, stored)
		return err
	})
}

// lockUser returns the stored name and the role of the user name, in a
// write transaction (SQLite's writes take turns anyway).
func lockUser(ctx context.Context, tx *sql.Tx, name string) (string, debrief.Role, error) {
	var stored, role string
	err := tx.QueryRowContext(ctx, `SELECT name, role FROM users WHERE name = ?`, name).Scan(&stored, &role)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", debrief.NoUser(name)
	}
	return stored, debrief.Role(role), err
}

// keepAnAdmin refuses to take the admin role from name when no other user
// has it.
func keepAnAdmin(ctx context.Context, tx *sql.Tx, name string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND name != ?`, name).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return debrief.LastAdmin(name)
	}
	return nil
}
