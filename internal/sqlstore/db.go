package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/debrief/debrief"
)

// DB is the archive over one database. The sqlite and postgres packages
// embed it in their own DB types.
type DB struct {
	// Write runs the write transactions, Read the read ones; they are the
	// same pool where the database does not keep them apart.
	Write, Read *sql.DB
	d           Dialect
	// kinds are the incident kinds the store infers (UseKinds).
	kinds *debrief.KindSet
	// lint counts the findings kept with each file (UseLinter).
	lint debrief.LintCounter
	// Now returns the current time; tests replace it.
	Now func() time.Time

	// stmts caches the write pool's prepared statements (Options.Prepare).
	prepare bool
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	wanted  map[string]bool

	// ahead are the batches PrepareImport started preparing (batch.go).
	aheadMu sync.Mutex
	ahead   []*aheadBatch

	// selections caches what searches' filters select, and results the
	// pages of Find (selection.go).
	selections selections
	results    results
	// parsed caches postmortems parsed from their files (parsed.go).
	parsed parsedCache
	// recurrences, sameTitle and kindsOf keep what Recurrences, SameTitle
	// and storedKinds found (families.go, title.go).
	recurrences memo[debrief.Recurrence]
	kindsOf     memo[debrief.KindMatch]
	sameTitle   memo[*debrief.PostmortemSummary]
	// kin and places keep the postmortems Recurrences compares and
	// where their families happened (families.go).
	kin    kinCache
	places placeCache
}

// Options change how New sets up a DB.
type Options struct {
	// Prepare caches the prepared statements of write transactions, for a
	// database whose driver does not.
	Prepare bool
}

// New returns the archive over the pools write and read, which speak d.
func New(write, read *sql.DB, d Dialect, opts Options) *DB {
	return &DB{Write: write, Read: read, d: d, kinds: debrief.DefaultKinds(), Now: time.Now, prepare: opts.Prepare}
}

// Close closes the cached statements; the pools are their opener's.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	var errs []error
	for _, s := range db.stmts {
		errs = append(errs, s.Close())
	}
	db.stmts = nil
	return errors.Join(errs...)
}

// Ping checks that the database answers a query.
func (db *DB) Ping(ctx context.Context) error {
	return db.ReadTx(ctx, func(tx *Tx) error {
		var one int
		return tx.QueryRow(ctx, `SELECT 1`).Scan(&one)
	})
}

// Kinds returns the incident kinds the store infers.
func (db *DB) Kinds() *debrief.KindSet { return db.kinds }

// WriteTx runs fn in a write transaction and commits it when fn returns
// nil. A storage that refuses to write is reported as such
// (Dialect.WriteError).
func (db *DB) WriteTx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	defer func() { err = db.d.WriteError(err) }()
	stx, err := db.Write.BeginTx(ctx, db.d.TxOptions(true))
	if err != nil {
		return err
	}
	defer func() {
		_ = stx.Rollback()
		db.prepareWanted(ctx)
	}()
	tx := &Tx{tx: stx, db: db, write: true}
	db.d.BeginWrite()
	if err := fn(tx); err != nil {
		return err
	}
	if err := db.d.BeforeCommit(ctx, tx); err != nil {
		return fmt.Errorf("index the changed postmortems: %w", err)
	}
	return stx.Commit()
}

// ReadTx runs fn in a read-only transaction that sees one snapshot.
func (db *DB) ReadTx(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := db.Read.BeginTx(ctx, db.d.TxOptions(false))
	if err != nil {
		return err
	}
	defer stx.Rollback()
	return fn(&Tx{tx: stx, db: db})
}

// SearchTx runs fn as ReadTx does, within debrief.QueryTimeout; a search
// that runs out of time is reported as such (TooLong).
func (db *DB) SearchTx(ctx context.Context, fn func(tx *Tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, debrief.QueryTimeout)
	defer cancel()
	err := db.ReadTx(ctx, func(tx *Tx) error {
		if err := db.d.StartSearch(ctx, tx); err != nil {
			return err
		}
		return fn(tx)
	})
	return TooLong(ctx, err, err != nil && db.d.TimedOut(err))
}

// Tx is a transaction of the archive. Its queries are written with ?
// placeholders.
type Tx struct {
	tx    *sql.Tx
	db    *DB
	write bool
	// changesSeen is the archive's count of changes, once read (changes).
	changesSeen int64
	changesRead bool
}

// Exec runs a statement.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	query = tx.db.d.Rebind(query)
	if s := tx.stmt(query); s != nil {
		return tx.tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return tx.tx.ExecContext(ctx, query, args...)
}

// QueryRow runs a query of one row.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	query = tx.db.d.Rebind(query)
	if s := tx.stmt(query); s != nil {
		return tx.tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return tx.tx.QueryRowContext(ctx, query, args...)
}

// Query runs a query.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.tx.QueryContext(ctx, tx.db.d.Rebind(query), args...)
}

// Strings runs a query of one text column.
func (tx *Tx) Strings(ctx context.Context, query string, args ...any) ([]string, error) {
	return collect[string](tx, ctx, query, args)
}

// Int64s runs a query of one integer column.
func (tx *Tx) Int64s(ctx context.Context, query string, args ...any) ([]int64, error) {
	return collect[int64](tx, ctx, query, args)
}

func collect[T any](tx *Tx, ctx context.Context, query string, args []any) ([]T, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// stmt returns the write pool's prepared statement for query, or nil when
// it is not prepared yet. Statements cannot be prepared while a write
// transaction holds the pool's only connection, so a missing one is noted
// and prepared by WriteTx once the transaction is over: the import of a
// large archive runs the same few dozen statements hundreds of thousands of
// times, and parsing them again each time would cost a tenth of it.
func (tx *Tx) stmt(query string) *sql.Stmt {
	db := tx.db
	if !tx.write || !db.prepare {
		return nil
	}
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
	if !db.prepare {
		return
	}
	db.mu.Lock()
	var queries []string
	for q := range db.wanted {
		queries = append(queries, q)
	}
	db.wanted = nil
	db.mu.Unlock()
	for _, q := range queries {
		s, err := db.Write.PrepareContext(ctx, q)
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
