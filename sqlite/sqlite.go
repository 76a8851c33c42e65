// Package sqlite is debrief's embedded archive: the debrief.Store in one
// SQLite file under the data folder, through the pure Go modernc.org/sqlite.
//
// Open creates the file when it is missing and applies the migrations of
// migrations/ that it has not applied yet, each in its own transaction. The
// database runs in WAL mode with foreign keys on and a busy timeout; writes
// go through one connection that begins its transactions IMMEDIATE, reads
// through a pool of read-only connections, so readers never wait for a
// writer. The store's procedures are written once, in internal/sqlstore;
// this package supplies SQLite's dialect (dialect.go): FTS5 for full-text
// search (search.go) and the indexes that follow the documents (index.go).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// FileName is the name of the database file in the data folder.
const FileName = "debrief.db"

// DB is the SQLite archive. It implements debrief.Store: the procedures
// are sqlstore's, in SQLite's dialect (dialect.go).
type DB struct {
	*sqlstore.DB
	path        string
	write, read *sql.DB
	d           *dialect
	// migrated counts the migrations that Open applied.
	migrated int
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
	db := &DB{path: abs}
	uri := "file:" + (&url.URL{Path: abs}).EscapedPath()
	pragmas := "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)"
	if db.write, err = sql.Open("sqlite", uri+pragmas+"&_pragma=cache_size(-32000)&_txlock=immediate"); err != nil {
		return nil, err
	}
	// One writer: SQLite allows no more, and queueing in Go is cheaper
	// than retrying on SQLITE_BUSY.
	db.write.SetMaxOpenConns(1)
	db.write.SetConnMaxIdleTime(0)
	db.d = &dialect{}
	db.DB = sqlstore.New(db.write, nil, db.d, sqlstore.Options{Prepare: true})
	db.d.store = db.DB
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
	db.DB.Read = db.read
	if err := db.UseKinds(ctx, debrief.DefaultKinds()); err != nil {
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
	errs = append(errs, db.DB.Close())
	if db.write != nil {
		// Fold the WAL back into the database file, so that a closed
		// archive is one file that can be copied.
		_, _ = db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// Migration is one numbered schema change.
type Migration = sqlstore.Migration

// Migrations returns the embedded migrations in order.
func Migrations() ([]Migration, error) { return sqlstore.ReadMigrations(migrations, "migrations") }

// Migrate applies the migrations not applied yet, each in a transaction
// that also records it in schema_migrations, and returns how many it
// applied. Open calls it; it is safe to call again.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	n, err := db.DB.Migrate(ctx, migrations)
	if err != nil {
		return n, fmt.Errorf("migrate %s: %w", db.path, err)
	}
	return n, nil
}
