// Package sqlite is debrief's embedded archive: the debrief.Store in one
// SQLite file under the data folder, through the pure Go modernc.org/sqlite.
//
// Open creates the file when it is missing and applies the migrations of
// migrations/ that it has not applied yet, each in its own transaction. The
// database runs in WAL mode with foreign keys on and a busy timeout; writes
// go through one connection that begins its transactions IMMEDIATE, reads
// through a pool of read-only connections, so readers never wait for a
// writer. Full-text search uses FTS5 (search.go); similar incidents are
// scored in the root package from candidates found here (similar.go).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
	msqlite "modernc.org/sqlite" // and registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// FileName is the name of the database file in the data folder.
const FileName = "debrief.db"

// DB is the SQLite archive. It implements debrief.Store.
type DB struct {
	path  string
	write *sql.DB
	read  *sql.DB
	// migrated counts the migrations that Open applied.
	migrated int
	// stmts caches the write connection's prepared statements.
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted map[string]bool
	// pending holds the documents the write transaction under way must
	// index before it commits (index.go).
	pending      map[int64]bool
	pendingOrder []int64
	// unmerged counts the documents ImportBatch indexed since the
	// full-text indexes were last optimized (index.go); mergeMu guards it.
	mergeMu  sync.Mutex
	unmerged int
	// kinds are the incident kinds the store infers (UseKinds).
	kinds *debrief.KindSet
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

var _ debrief.Store = (*DB)(nil)

// Open opens the archive in the data folder dir, creating the folder and the
// file when they are missing, and migrates it.
func Open(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create the data folder: %w", err)
	}
	return OpenFile(ctx, filepath.Join(dir, FileName))
}

// OpenFile opens the archive in the database file path and migrates it.
func OpenFile(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	db := &DB{path: abs, Now: time.Now, kinds: debrief.DefaultKinds()}
	uri := "file:" + (&url.URL{Path: abs}).EscapedPath()
	pragmas := "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)"
	if db.write, err = sql.Open("sqlite", uri+pragmas+"&_pragma=cache_size(-32000)&_txlock=immediate"); err != nil {
		return nil, err
	}
	// One writer: SQLite allows no more, and queueing in Go is cheaper
	// than retrying on SQLITE_BUSY.
	db.write.SetMaxOpenConns(1)
	db.write.SetConnMaxIdleTime(0)
	if db.migrated, err = db.Migrate(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	// Readers copy pages into a small cache of their own and do not map
	// the file. Mapping it (mmap_size 2 GiB) made searches only a few per
	// cent faster, but every reader connection maps the file on its own,
	// and each mapping's pages count in the process's resident memory:
	// `debrief serve` on the 100,000-postmortem archive (835 MB) peaked at
	// 2.6 GB. The cache is 4 MB, not the writer's 32 MB: modernc's
	// allocator rounds a cached page (4 KiB and SQLite's header) up to an
	// 8 KiB slot, so a full 32 MB cache holds 64 MB per connection, and a
	// larger cache made searches at most a millisecond faster at the 95th
	// percentile (the file's pages are in the OS's cache anyway). A second
	// _pragma=cache_size in the same name did not override the first, so
	// the cache size is not in the shared pragmas.
	if db.read, err = sql.Open("sqlite", uri+pragmas+"&_pragma=query_only(1)&_pragma=cache_size(-4000)"); err != nil {
		db.write.Close()
		return nil, err
	}
	// A reader per core: more only queue for the CPU, each with its own
	// cache and working memory (on two cores, four readers served fewer
	// requests than two, with more memory).
	db.read.SetMaxOpenConns(max(2, runtime.NumCPU()))
	db.read.SetMaxIdleConns(max(2, runtime.NumCPU()))
	if err := db.UseKinds(ctx, db.kinds); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Migrated returns how many migrations Open applied: all of them for a new
// file, none for one that was up to date.
func (db *DB) Migrated() int { return db.migrated }

// Close closes the database.
func (db *DB) Close() error {
	var errs []error
	if db.write != nil {
		// An import leaves the full-text indexes in many segments.
		_ = db.optimizeAfterImport(context.Background())
	}
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	db.mu.Lock()
	for _, s := range db.stmts {
		errs = append(errs, s.Close())
	}
	db.stmts = nil
	db.mu.Unlock()
	if db.write != nil {
		// Fold the WAL back into the database file, so that a closed
		// archive is one file that can be copied.
		_, _ = db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) { return readMigrations(migrations, "migrations") }

func readMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, name := range names {
		base := filepath.Base(name)
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
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i := 1; i < len(ms); i++ {
		if ms[i].Version == ms[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[i-1].Name, ms[i].Name)
		}
	}
	return ms, nil
}

// Migrate applies the migrations not applied yet, each in a transaction
// that also records it in schema_migrations, and returns how many it
// applied. Open calls it; it is safe to call again.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	ms, err := Migrations()
	if err != nil {
		return 0, err
	}
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return 0, fmt.Errorf("migrate %s: %w", db.path, err)
	}
	applied := 0
	for _, m := range ms {
		done, err := db.applyMigration(ctx, m)
		if err != nil {
			return applied, fmt.Errorf("migrate %s: %s: %w", db.path, m.Name, err)
		}
		if done {
			applied++
		}
	}
	return applied, nil
}

func (db *DB) applyMigration(ctx context.Context, m Migration) (bool, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, db.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// writeTx runs fn in a write transaction and commits it when fn returns nil.
// A full disk or a read-only file is reported as such (storageError).
func (db *DB) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	defer func() { err = storageError(err) }()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		_ = tx.Rollback()
		db.prepareWanted(ctx)
	}()
	db.resetPending()
	if err := fn(tx); err != nil {
		return err
	}
	if err := db.indexPending(ctx, tx); err != nil {
		return fmt.Errorf("index the changed postmortems: %w", err)
	}
	return tx.Commit()
}

// searchTx runs fn as readTx does, within debrief.QueryTimeout: modernc's
// driver interrupts SQLite when the context is done, and a search that
// runs out of time is reported as such (archive.TooLong).
func (db *DB) searchTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, debrief.QueryTimeout)
	defer cancel()
	return archive.TooLong(ctx, db.readTx(ctx, fn), false)
}

// SQLite's primary result codes for a storage that refuses to write.
const (
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// storageError turns SQLite's refusals to write into errors that say what
// happened without naming the file (archive.DiskFull and the others); the
// cause, with the file's path, stays in the error for the log.
func storageError(err error) error {
	var se *msqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqliteFull:
		return archive.DiskFull(err)
	case sqliteReadOnly:
		return archive.ReadOnly(err)
	case sqliteIOErr, sqliteCantOpen:
		return archive.WriteFailed(err)
	}
	return err
}

// readTx runs fn in a read transaction, one consistent snapshot.
func (db *DB) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// stmt returns the write connection's prepared statement for query, or nil
// when it is not prepared yet. Statements cannot be prepared while a write
// transaction holds the only write connection, so a missing one is noted
// and prepared by writeTx once the transaction is over: the import of a
// large archive runs the same few dozen statements hundreds of thousands of
// times, and parsing them again each time would cost a tenth of it.
func (db *DB) stmt(query string) *sql.Stmt {
	db.mu.Lock()
	defer db.mu.Unlock()
	s, ok := db.stmts[query]
	if !ok && len(db.stmts)+len(db.wanted) < maxStmts {
		if db.wanted == nil {
			db.wanted = map[string]bool{}
		}
		db.wanted[query] = true
	}
	return s
}

// maxStmts bounds the statement cache.
const maxStmts = 256

// prepareWanted prepares the statements that stmt found missing. It holds
// no lock while it waits for the write connection, which a transaction that
// looks up statements may hold.
func (db *DB) prepareWanted(ctx context.Context) {
	db.mu.Lock()
	var queries []string
	for q := range db.wanted {
		queries = append(queries, q)
	}
	db.wanted = nil
	db.mu.Unlock()
	for _, q := range queries {
		s, err := db.write.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		db.mu.Lock()
		if db.stmts == nil {
			db.stmts = map[string]*sql.Stmt{}
		}
		if _, ok := db.stmts[q]; ok {
			s.Close()
		} else {
			db.stmts[q] = s
		}
		db.mu.Unlock()
	}
}

// exec runs a statement of a write transaction, prepared when it can be.
func (db *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if s := db.stmt(query); s != nil {
		return tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// queryRow runs a one-row query of a write transaction, prepared when it
// can be.
func (db *DB) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if s := db.stmt(query); s != nil {
		return tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}
