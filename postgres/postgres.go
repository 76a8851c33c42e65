// Package postgres is debrief's archive in PostgreSQL, for teams that run
// several replicas: the debrief.Store through github.com/jackc/pgx/v5.
//
// Unlike the SQLite store, Open never changes the schema: it refuses a
// database whose migrations are not all applied, and only Migrate (the
// `debrief migrate` command, or `--migrate`) applies them, under an advisory
// lock, each in its own transaction, so that replicas starting together
// never race. The store's procedures are written once, in
// internal/sqlstore; this package supplies PostgreSQL's dialect
// (dialect.go), with full-text search on a generated tsvector column with a
// GIN index (search.go).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the PostgreSQL archive. It implements debrief.Store: the
// procedures are sqlstore's, in PostgreSQL's dialect (dialect.go), over
// pgx's database/sql driver.
type DB struct {
	*sqlstore.DB
	pool *pgxpool.Pool
	sql  *sql.DB
	d    *dialect
	// migrated counts the migrations that Open applied.
	migrated int
}

var _ debrief.Store = (*DB)(nil)

// Options change how Open connects.
type Options struct {
	// Migrate applies pending migrations before use, as `--migrate` asks.
	Migrate bool
	// MaxConns bounds the connection pool; 0 leaves pgx's default.
	MaxConns int32
}

// Open connects to the database at url, a postgres:// URL or a key=value
// connection string. Unless opts.Migrate is set, a database with pending
// migrations is refused with a message that says to run `debrief migrate`.
func Open(ctx context.Context, url string, opts Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, debrief.Errorf(debrief.EINVALID, "the PostgreSQL connection string is not valid: %v", redact(err))
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	// The archive's queries are short; compiling them costs more than it
	// saves.
	if _, ok := cfg.ConnConfig.RuntimeParams["jit"]; !ok {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to PostgreSQL at %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	db := &DB{pool: pool, sql: stdlib.OpenDBFromPool(pool)}
	d := &dialect{db: db.sql}
	db.d = d
	db.DB = sqlstore.New(db.sql, db.sql, d, sqlstore.Options{})
	d.store = db.DB
	if err := db.open(ctx, opts); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// open migrates the database when opts say so, refuses it when it needs
// migrations, and derives the incident kinds again when they changed.
func (db *DB) open(ctx context.Context, opts Options) error {
	var err error
	if opts.Migrate {
		if db.migrated, err = db.Migrate(ctx); err != nil {
			return err
		}
	} else {
		pending, err := db.Pending(ctx)
		if err != nil {
			return err
		}
		if len(pending) > 0 {
			return debrief.Errorf(debrief.EINVALID, "the PostgreSQL archive needs %d migration(s), %s first: run `debrief migrate --db ...` once, or start with --migrate", len(pending), pending[0].Name)
		}
	}
	return db.UseKinds(ctx, debrief.DefaultKinds())
}

// redact keeps a password in a connection string out of error messages.
func redact(err error) string {
	s := err.Error()
	if i := strings.Index(s, "password="); i >= 0 {
		return s[:i] + "password=…"
	}
	return s
}

// Migrated returns how many migrations Open applied.
func (db *DB) Migrated() int { return db.migrated }

// Close closes the connection pool, after analyzing the tables that an
// import filled (analyze.go).
func (db *DB) Close() error {
	// An analysis that fails leaves the statistics as they were: plans
	// may be slower, never wrong.
	_ = db.analyzeAfterImport(context.Background())
	err := db.DB.Close()
	db.sql.Close()
	db.pool.Close()
	return err
}

// Migration is one numbered schema change.
type Migration = sqlstore.Migration

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) { return sqlstore.ReadMigrations(migrations, "migrations") }

// Pending returns the migrations not applied yet.
func (db *DB) Pending(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	applied := map[int]bool{}
	var exists bool
	if err := db.sql.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("read the schema version: %w", err)
	}
	if exists {
		rows, err := db.sql.QueryContext(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return nil, fmt.Errorf("read the schema version: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				return nil, fmt.Errorf("read the schema version: %w", err)
			}
			applied[v] = true
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read the schema version: %w", err)
		}
	}
	var pending []Migration
	for _, m := range ms {
		if !applied[m.Version] {
			pending = append(pending, m)
		}
	}
	return pending, nil
}

// Migrate applies the migrations not applied yet, each in a transaction
// that also records it in schema_migrations, and returns how many it
// applied. An advisory lock keeps two replicas from migrating at once.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	n, err := db.DB.Migrate(ctx, migrations)
	if err != nil {
		return n, fmt.Errorf("migrate: %w", err)
	}
	return n, nil
}
