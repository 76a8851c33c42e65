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

	// writeStmts and readStmts cache the pools' prepared statements
	// (Options.Prepare).
	writeStmts, readStmts stmtCache

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
	db := &DB{Write: write, Read: read, d: d, kinds: debrief.DefaultKinds(), Now: time.Now}
	db.writeStmts.on, db.readStmts.on = opts.Prepare, opts.Prepare
	return db
}

// Close closes the cached statements; the pools are their opener's.
func (db *DB) Close() error {
	return errors.Join(db.writeStmts.close(), db.readStmts.close())
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
		db.writeStmts.prepareWanted(ctx, db.Write)
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
	defer func() {
		_ = stx.Rollback()
		db.readStmts.prepareWanted(ctx, db.Read)
	}()
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
	query = tx.db.d.Rebind(query)
	if s := tx.stmt(query); s != nil {
		return tx.tx.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return tx.tx.QueryContext(ctx, query, args...)
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

// stmt returns the prepared statement of query for tx's pool, or nil when
// it is not prepared yet.
func (tx *Tx) stmt(query string) *sql.Stmt {
	if tx.write {
		return tx.db.writeStmts.get(query)
	}
	return tx.db.readStmts.get(query)
}

// stmtCache keeps a pool's prepared statements, for a driver that does not
// (Options.Prepare): parsing and planning a statement cost about a tenth
// of an import, and about a tenth of a postmortem page too, which runs a
// few dozen small queries. A statement cannot be prepared while a
// transaction holds the pool's connection it would use (the write pool
// has one, the read pool two), so a missing one is noted and prepared
// once the transaction is over (prepareWanted). database/sql prepares the
// statement again on each connection that runs it, once.
type stmtCache struct {
	// on is false when nothing is cached.
	on     bool
	mu     sync.Mutex
	stmts  map[string]*sql.Stmt
	wanted map[string]bool
}

// maxStmts bounds each pool's statement cache: a query built for its
// arguments (a list of placeholders, a filter) past it is parsed each time.
const maxStmts = 512

// get returns query's statement, or nil when it is not prepared yet.
func (c *stmtCache) get(query string) *sql.Stmt {
	if !c.on {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.stmts[query]
	if !ok && len(c.stmts)+len(c.wanted) < maxStmts {
		if c.wanted == nil {
			c.wanted = map[string]bool{}
		}
		c.wanted[query] = true
	}
	return s
}

// prepareWanted prepares on pool the statements that get found missing.
// It holds no lock while it waits for a connection, which a transaction
// that looks up statements may hold.
func (c *stmtCache) prepareWanted(ctx context.Context, pool *sql.DB) {
	if !c.on {
		return
	}
	c.mu.Lock()
	var queries []string
	for q := range c.wanted {
		queries = append(queries, q)
	}
	c.wanted = nil
	c.mu.Unlock()
	for _, q := range queries {
		s, err := pool.PrepareContext(ctx, q)
		if err != nil {
			continue // run unprepared, as before
		}
		c.mu.Lock()
		if c.stmts == nil {
			c.stmts = map[string]*sql.Stmt{}
		}
		if _, ok := c.stmts[q]; ok {
			s.Close()
		} else {
			c.stmts[q] = s
		}
		c.mu.Unlock()
	}
}

// close closes the cached statements.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, s := range c.stmts {
		errs = append(errs, s.Close())
	}
	c.stmts = nil
	return errors.Join(errs...)
}
