package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
	"github.com/jackc/pgx/v5/pgconn"
)

// dialect is how PostgreSQL writes what sqlstore needs: numbered
// placeholders, lists as arrays, row locks for the rows a write reads,
// advisory locks between replicas, and a generated tsvector column for
// full-text search (search.go), which follows the documents by itself.
type dialect struct {
	db    *sql.DB
	store *sqlstore.DB
	// rebound caches Rebind's queries.
	rebound sync.Map
	// unanalyzed counts the documents imported since the archive's tables
	// were last analyzed.
	importMu   sync.Mutex
	unanalyzed int
}

var _ sqlstore.Dialect = (*dialect)(nil)

// Rebind numbers the ? placeholders of query $1, $2 and on, outside
// quoted text.
func (d *dialect) Rebind(query string) string {
	if q, ok := d.rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	n, quoted := 0, byte(0)
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quoted != 0:
			if c == quoted {
				quoted = 0
			}
		case c == '\'' || c == '"':
			quoted = c
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	d.rebound.Store(query, b.String())
	return b.String()
}

func (*dialect) In(expr string) string { return expr + ` = ANY(?)` }

func (*dialect) Values() string { return `unnest(CAST(? AS text[])) AS value` }

// List passes values as an array; nil is an empty one.
func (*dialect) List(values any) any {
	switch vs := values.(type) {
	case []string:
		if vs == nil {
			return []string{}
		}
	case []int64:
		if vs == nil {
			return []int64{}
		}
	}
	return values
}

func (*dialect) ScanList(dst *[]string) any { return arrayScanner{dst} }

func (*dialect) AggList(column, rest string) string {
	return `ARRAY(SELECT ` + column + ` ` + rest + `)`
}

func (d *dialect) Terms(terms []string) any { return d.List(terms) }

func (*dialect) ScanTerms(dst *[]string) any { return arrayScanner{dst} }

// Time passes t as a timestamptz, the zero time as NULL.
func (*dialect) Time(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func (*dialect) ForUpdate(tables string) string {
	if tables == "" {
		return " FOR UPDATE"
	}
	return " FOR UPDATE OF " + tables
}

func (*dialect) Binary(expr string) string { return expr + ` COLLATE "C"` }

// UserKey finds users by name_key, the name in lower case.
func (*dialect) UserKey(name string) (string, any) { return "name_key", strings.ToLower(name) }

func (*dialect) TimeType() string { return "TIMESTAMPTZ" }

// RowByRow keeps PostgreSQL from hashing every row that a correlated
// EXISTS could select before the first row is tested: a subquery with an
// OFFSET is run for each row that reaches it. Few postmortems are
// restricted, and a viewer's teams can hold tens of thousands.
func (*dialect) RowByRow() string { return " OFFSET 0" }

// Hashed keeps PostgreSQL from folding the IN into a join, which it can
// only do at the top of a condition, by testing it IS TRUE (the same, as
// the subqueries select no NULL): a search for a team's postmortems then
// hashes the team's postmortems once and tests the matches against them,
// where the join walked every postmortem of the team and read the search
// vector of each.
func (*dialect) Hashed(in string) string { return "(" + in + ") IS TRUE" }

// TxOptions: writes are read committed and lock the rows they read for
// change; reads see one snapshot.
func (*dialect) TxOptions(write bool) *sql.TxOptions {
	if write {
		return &sql.TxOptions{Isolation: sql.LevelReadCommitted}
	}
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
}

// WriteError makes a deadlock or a unique violation between two concurrent
// saves a conflict to retry, and reports a full disk or a database that
// takes no writes (a standby, or default_transaction_read_only) as such,
// without naming the server; the cause stays in the error for the log.
func (*dialect) WriteError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", "23505":
			return debrief.Errorf(debrief.ECONFLICT, "another save changed the same postmortems at the same moment: try again")
		case "53100": // disk_full
			return sqlstore.DiskFull(err)
		case "25006": // read_only_sql_transaction
			return sqlstore.ReadOnly(err)
		case "58030": // io_error
			return sqlstore.WriteFailed(err)
		}
	}
	return err
}

// StartSearch bounds each statement on the server with statement_timeout,
// even when the client is stuck; the context's deadline cancels the query
// under way.
func (*dialect) StartSearch(ctx context.Context, tx *sqlstore.Tx) error {
	_, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", debrief.QueryTimeout.Milliseconds()))
	return err
}

func (*dialect) TimedOut(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "57014" // query_canceled
}

// Lock takes the advisory lock key on a connection of its own.
func (d *dialect) Lock(ctx context.Context, key int64) (func(), error) {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		conn.Close()
		return nil, err
	}
	return func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
		conn.Close()
	}, nil
}

// The search column is generated from the document's columns, and the
// terms have a GIN index: neither needs more than the writes themselves.
func (*dialect) BeginWrite()                                        {}
func (*dialect) Unindex(context.Context, *sqlstore.Tx, int64) error { return nil }
func (*dialect) IndexLater(int64)                                   {}
func (*dialect) BeforeCommit(context.Context, *sqlstore.Tx) error   { return nil }

// Imported notes that ImportBatch stored n more documents (analyze.go).
func (d *dialect) Imported(n int) {
	d.importMu.Lock()
	d.unanalyzed += n
	d.importMu.Unlock()
}

// arrayScanner reads a one-dimensional text array in PostgreSQL's text
// form, such as {a,"b c",NULL}; empty is nil, and NULL elements are left
// out.
type arrayScanner struct{ dst *[]string }

func (a arrayScanner) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*a.dst = nil
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("an array cannot be read from %T", src)
	}
	out, err := parseArray(s)
	if len(out) == 0 {
		out = nil
	}
	*a.dst = out
	return err
}

func parseArray(s string) ([]string, error) {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return nil, fmt.Errorf("%.40q is not an array", s)
	}
	s = s[1 : len(s)-1]
	var out []string
	for i := 0; i < len(s); {
		if s[i] == '"' {
			var b strings.Builder
			i++
			for i < len(s) && s[i] != '"' {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				b.WriteByte(s[i])
				i++
			}
			out = append(out, b.String())
			i++ // the closing quote
		} else {
			j := strings.IndexByte(s[i:], ',')
			if j < 0 {
				j = len(s) - i
			}
			if v := s[i : i+j]; v != "NULL" {
				out = append(out, v)
			}
			i += j
		}
		if i < len(s) && s[i] == ',' {
			i++
		}
	}
	return out, nil
}
