// Package postgres is debrief's archive in PostgreSQL, for teams that run
// several replicas: the debrief.Store through github.com/jackc/pgx/v5.
//
// Unlike the SQLite store, Open never changes the schema: it refuses a
// database whose migrations are not all applied, and only Migrate (the
// `debrief migrate` command, or `--migrate`) applies them, under an advisory
// lock, each in its own transaction, so that replicas starting together
// never race. Full-text search uses a generated tsvector column with a GIN
// index (search.go); similar incidents are scored in the root package from
// candidates found here (similar.go).
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the PostgreSQL archive. It implements debrief.Store.
type DB struct {
	pool *pgxpool.Pool
	// migrated counts the migrations that Open applied.
	migrated int
	// kinds are the incident kinds the store infers (UseKinds).
	kinds *debrief.KindSet
	// Now returns the current time; tests replace it.
	Now func() time.Time
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
	db := &DB{pool: pool, Now: time.Now, kinds: debrief.DefaultKinds()}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to PostgreSQL at %s:%d: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	if opts.Migrate {
		if db.migrated, err = db.Migrate(ctx); err != nil {
			pool.Close()
			return nil, err
		}
		if err := db.UseKinds(ctx, db.kinds); err != nil {
			pool.Close()
			return nil, err
		}
		return db, nil
	}
	pending, err := db.Pending(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	if len(pending) > 0 {
		pool.Close()
		return nil, debrief.Errorf(debrief.EINVALID, "the PostgreSQL archive needs %d migration(s), %s first: run `debrief migrate --db ...` once, or start with --migrate", len(pending), pending[0].Name)
	}
	if err := db.UseKinds(ctx, db.kinds); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
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

// Close closes the connection pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
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
		src, err := fs.ReadFile(migrations, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(base, ".sql"), SQL: string(src)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[i-1].Name, ms[i].Name)
		}
	}
	return ms, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT        NOT NULL,
	applied_at TIMESTAMPTZ NOT NULL
)`

// migrateLock is the key of the advisory lock that Migrate holds.
const migrateLock = 7_301_142_025

// Pending returns the migrations not applied yet.
func (db *DB) Pending(ctx context.Context) ([]Migration, error) {
	ms, err := Migrations()
	if err != nil {
		return nil, err
	}
	applied := map[int]bool{}
	var exists bool
	if err := db.pool.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return nil, fmt.Errorf("read the schema version: %w", err)
	}
	if exists {
		rows, err := db.pool.Query(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return nil, fmt.Errorf("read the schema version: %w", err)
		}
		vs, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil {
			return nil, fmt.Errorf("read the schema version: %w", err)
		}
		for _, v := range vs {
			applied[v] = true
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
	ms, err := Migrations()
	if err != nil {
		return 0, err
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrateLock); err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrateLock)
	if _, err := conn.Exec(ctx, createMigrationsTable); err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	applied := 0
	for _, m := range ms {
		done, err := db.apply(ctx, conn.Conn(), m)
		if err != nil {
			return applied, fmt.Errorf("migrate: %s: %w", m.Name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func (db *DB) apply(ctx context.Context, conn *pgx.Conn, m Migration) (bool, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	// The simple protocol runs a script of several statements.
	if _, err := tx.Exec(ctx, m.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		m.Version, m.Name, db.Now().UTC()); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// writeTx runs fn in a read-committed transaction and commits it when fn
// returns nil. Rows are locked as they are read for change; a deadlock or a
// unique violation between two concurrent saves is a conflict to retry.
//
// A full disk or a database that takes no writes (a standby, or
// default_transaction_read_only) is reported as such, without naming the
// server; the cause stays in the error for the log.
func (db *DB) writeTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, fn)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", "23505":
			return debrief.Errorf(debrief.ECONFLICT, "another save changed the same postmortems at the same moment: try again")
		case "53100": // disk_full
			return archive.DiskFull(err)
		case "25006": // read_only_sql_transaction
			return archive.ReadOnly(err)
		case "58030": // io_error
			return archive.WriteFailed(err)
		}
	}
	return err
}

// searchTx runs fn as readTx does, within debrief.QueryTimeout: the
// context's deadline cancels the query under way, and statement_timeout
// bounds each statement on the server even when the client is stuck. A
// search that runs out of time is reported as such (archive.TooLong).
func (db *DB) searchTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, debrief.QueryTimeout)
	defer cancel()
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", debrief.QueryTimeout.Milliseconds())); err != nil {
			return err
		}
		return fn(tx)
	})
	var pe *pgconn.PgError
	return archive.TooLong(ctx, err, errors.As(err, &pe) && pe.Code == "57014") // query_canceled
}

// readTx runs fn in a read-only transaction that sees one snapshot.
func (db *DB) readTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}
