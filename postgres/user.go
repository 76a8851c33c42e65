package postgres

import (
	"context"
	"errors"
	"strings"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

var _ debrief.UserService = (*DB)(nil)

// userColumns selects a user with its teams as one sorted array.
const userColumns = `u.name, u.role, u.password_hash,
	coalesce((SELECT array_agg(team ORDER BY team) FROM user_teams WHERE user_name = u.name), '{}')`

// CreateUser adds a user with its teams; a taken name is a conflict.
func (db *DB) CreateUser(ctx context.Context, u *debrief.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE name_key = $1`, strings.ToLower(u.Name)).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return debrief.Errorf(debrief.ECONFLICT, "a user named %s exists already", u.Name)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO users (name, name_key, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
			u.Name, strings.ToLower(u.Name), string(u.Role), passwordHash, db.Now().UTC()); err != nil {
			return err
		}
		for _, t := range debrief.Keys(u.Teams) {
			if _, err := tx.Exec(ctx, `INSERT INTO user_teams (user_name, team) VALUES ($1, $2)`, u.Name, t); err != nil {
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
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		var err error
		u, hash, err = scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE u.name_key = $1`, strings.ToLower(name)))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, "", debrief.Errorf(debrief.ENOTFOUND, "no user named %s", name)
	}
	return u, hash, err
}

// CreateToken stores a token hash for a user.
func (db *DB) CreateToken(ctx context.Context, userName, tokenHash string) error {
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		var name string
		err := tx.QueryRow(ctx, `SELECT name FROM users WHERE name_key = $1`, strings.ToLower(userName)).Scan(&name)
		if errors.Is(err, pgx.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "no user named %s: add one with debrief user add", userName)
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO tokens (hash, user_name, created_at) VALUES ($1, $2, $3)`, tokenHash, name, db.Now().UTC())
		return err
	})
}

// UserByToken returns the user a token hash belongs to.
func (db *DB) UserByToken(ctx context.Context, tokenHash string) (*debrief.User, error) {
	var u *debrief.User
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		var err error
		u, _, err = scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users u JOIN tokens t ON t.user_name = u.name WHERE t.hash = $1`, tokenHash))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the token is not valid")
	}
	return u, err
}

// Users lists every user by name.
func (db *DB) Users(ctx context.Context) ([]*debrief.User, error) {
	var users []*debrief.User
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name_key`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u, _, err := scanUser(rows)
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
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE role = 'admin'`).Scan(&n)
	})
	return n, err
}

func scanUser(row pgx.Row) (*debrief.User, string, error) {
	var u debrief.User
	var role, hash string
	var teams []string
	if err := row.Scan(&u.Name, &role, &hash, &teams); err != nil {
		return nil, "", err
	}
	u.Role = debrief.Role(role)
	if len(teams) > 0 {
		u.Teams = teams
	}
	return &u, hash, nil
}

// UpdateUser sets a user's role and teams.
func (db *DB) UpdateUser(ctx context.Context, u *debrief.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		name, role, err := lockUser(ctx, tx, u.Name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin && u.Role != debrief.RoleAdmin {
			if err := keepAnAdmin(ctx, tx, name); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET role = $1 WHERE name = $2`, string(u.Role), name); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM user_teams WHERE user_name = $1`, name); err != nil {
			return err
		}
		for _, t := range debrief.Keys(u.Teams) {
			if _, err := tx.Exec(ctx, `INSERT INTO user_teams (user_name, team) VALUES ($1, $2)`, name, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetPassword replaces a user's password hash.
func (db *DB) SetPassword(ctx context.Context, name, passwordHash string) error {
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		stored, _, err := lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE users SET password_hash = $1 WHERE name = $2`, passwordHash, stored)
		return err
	})
}

// DeleteUser removes a user with its teams and tokens.
func (db *DB) DeleteUser(ctx context.Context, name string) error {
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		stored, role, err := lockUser(ctx, tx, name)
		if err != nil {
			return err
		}
		if role == debrief.RoleAdmin {
			if err := keepAnAdmin(ctx, tx, stored); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `DELETE FROM users WHERE name = $1`, stored)
		return err
	})
}

// lockUser returns the stored name and the role of the user name, and locks
// the user's row until the transaction ends.
func lockUser(ctx context.Context, tx pgx.Tx, name string) (string, debrief.Role, error) {
	var stored, role string
	err := tx.QueryRow(ctx, `SELECT name, role FROM users WHERE name_key = $1 FOR UPDATE`, strings.ToLower(name)).Scan(&stored, &role)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", debrief.NoUser(name)
	}
	return stored, debrief.Role(role), err
}

// keepAnAdmin refuses to take the admin role from name when no other user
// has it. It locks the admins' rows, so that two changes that would each
// leave one admin take turns and the second sees the first.
func keepAnAdmin(ctx context.Context, tx pgx.Tx, name string) error {
	rows, err := tx.Query(ctx, `SELECT name FROM users WHERE role = 'admin' AND name != $1 FOR UPDATE`, name)
	if err != nil {
		return err
	}
	others, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	if len(others) == 0 {
		return debrief.LastAdmin(name)
	}
	return nil
}
