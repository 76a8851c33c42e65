package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief/internal/sqlstore"
	msqlite "modernc.org/sqlite"
)

// dialect is how SQLite writes what sqlstore needs: lists as JSON text read
// with json_each, timestamps as RFC 3339 text, no row locks (one writer at
// a time), FTS5 for full-text search (search.go) and indexes that follow
// the documents in a write transaction (index.go).
type dialect struct {
	store *sqlstore.DB
	// pending holds the documents the write transaction under way must
	// index before it commits (index.go). Only one write transaction runs
	// at a time: the write pool has one connection.
	pending      map[int64]bool
	pendingOrder []int64
	// unmerged counts the documents ImportBatch indexed since the
	// full-text indexes were last optimized (index.go); mergeMu guards it.
	mergeMu  sync.Mutex
	unmerged int
}

var _ sqlstore.Dialect = (*dialect)(nil)

func (*dialect) Rebind(query string) string { return query }

func (*dialect) In(expr string) string { return expr + ` IN (SELECT value FROM json_each(?))` }

func (*dialect) Values() string { return `json_each(?)` }

// List encodes values for json_each; nil becomes [].
func (*dialect) List(values any) any {
	switch vs := values.(type) {
	case []string:
		if vs == nil {
			return "[]"
		}
	case []int64:
		if vs == nil {
			return "[]"
		}
	}
	b, _ := json.Marshal(values)
	return string(b)
}

func (*dialect) ScanList(dst *[]string) any { return jsonList{dst} }

func (*dialect) AggList(column, rest string) string {
	return `(SELECT json_group_array(` + column + `) FROM (SELECT ` + column + ` ` + rest + `))`
}

func (*dialect) Terms(terms []string) any { return strings.Join(terms, " ") }

func (*dialect) ScanTerms(dst *[]string) any { return termsScanner{dst} }

// timeText writes a time in UTC with a fixed width, so that the text
// compares as the time does (leases compare their expiry so).
const timeText = "2006-01-02T15:04:05.000000000Z"

// Time writes t as RFC 3339 text in UTC, the zero time as "".
func (*dialect) Time(t time.Time) any {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeText)
}

func (*dialect) ForUpdate(string) string { return "" }

func (*dialect) Binary(expr string) string { return expr }

// UserKey finds users by name: the column compares without case (NOCASE).
func (*dialect) UserKey(name string) (string, any) { return "name", name }

func (*dialect) TimeType() string { return "TEXT" }

// RowByRow is "": SQLite runs a correlated subquery for each row.
func (*dialect) RowByRow() string { return "" }

// Hashed is in: SQLite keeps it a condition.
func (*dialect) Hashed(in string) string { return in }

// TxOptions: writes begin IMMEDIATE (the write pool's _txlock), reads see
// one snapshot.
func (*dialect) TxOptions(write bool) *sql.TxOptions {
	if write {
		return nil
	}
	return &sql.TxOptions{ReadOnly: true}
}

// Lock takes nothing: the one write connection already makes writers take
// turns, and a second connection of it would wait for the first.
func (*dialect) Lock(context.Context, int64) (func(), error) { return func() {}, nil }

// StartSearch needs nothing: modernc's driver interrupts SQLite when the
// context is done.
func (*dialect) StartSearch(context.Context, *sqlstore.Tx) error { return nil }

func (*dialect) TimedOut(error) bool { return false }

// SQLite's primary result codes for a storage that refuses to write.
const (
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
	sqliteCantOpen = 14
)

// WriteError turns SQLite's refusals to write into errors that say what
// happened without naming the file (sqlstore.DiskFull and the others); the
// cause, with the file's path, stays in the error for the log.
func (*dialect) WriteError(err error) error {
	var se *msqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqliteFull:
		return sqlstore.DiskFull(err)
	case sqliteReadOnly:
		return sqlstore.ReadOnly(err)
	case sqliteIOErr, sqliteCantOpen:
		return sqlstore.WriteFailed(err)
	}
	return err
}

// jsonList reads a JSON array of strings; empty is nil.
type jsonList struct{ dst *[]string }

func (l jsonList) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	}
	var out []string
	_ = json.Unmarshal(b, &out)
	if len(out) == 0 {
		out = nil
	}
	*l.dst = out
	return nil
}

// termsScanner reads the terms column: terms separated by spaces.
type termsScanner struct{ dst *[]string }

func (t termsScanner) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*t.dst = strings.Fields(v)
	case []byte:
		*t.dst = strings.Fields(string(v))
	default:
		*t.dst = nil
	}
	return nil
}
