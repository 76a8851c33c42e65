package sqlstore

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ReadMigrations returns the migrations in the folder dir of fsys, one
// file each, named after their number and what they do (0001_archive.sql),
// in order.
func ReadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, name := range names {
		base := path.Base(name)
		n, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(n)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: the name must start with a number and an underscore", base)
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(base, ".sql"), SQL: string(src)})
	}
	slices.SortFunc(ms, func(a, b Migration) int { return a.Version - b.Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[i-1].Name, ms[i].Name)
		}
	}
	return ms, nil
}

// migrateLock is the key of the lock that Migrate holds (Dialect.Lock).
const migrateLock = 7_301_142_025

// Migrate applies the migrations in the folder migrations of fsys not
// applied yet, each in a transaction that also records it in
// schema_migrations, and returns how many it applied. A lock keeps two
// replicas from migrating at once.
func (db *DB) Migrate(ctx context.Context, fsys fs.FS) (int, error) {
	ms, err := ReadMigrations(fsys, "migrations")
	if err != nil {
		return 0, err
	}
	unlock, err := db.d.Lock(ctx, migrateLock)
	if err != nil {
		return 0, err
	}
	defer unlock()
	if _, err := db.Write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at `+db.d.TimeType()+` NOT NULL
	)`); err != nil {
		return 0, err
	}
	applied := 0
	for _, m := range ms {
		done, err := db.apply(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("%s: %w", m.Name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func (db *DB) apply(ctx context.Context, m Migration) (bool, error) {
	tx, err := db.Write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, db.d.Rebind(`SELECT count(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	// Without parameters, a script of several statements runs as one.
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, db.d.Rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.Version, m.Name, db.d.Time(db.Now().UTC())); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
