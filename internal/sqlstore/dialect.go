package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/debrief/debrief"
)

// Dialect is what one database does its own way. Everything else is in DB.
type Dialect interface {
	// Rebind returns query with its ? placeholders written the way the
	// database reads them.
	Rebind(query string) string
	// In returns the condition that expr is one of the values of a list
	// parameter made by List.
	In(expr string) string
	// Values returns a FROM item whose column value holds the values of a
	// list of strings made by List.
	Values() string
	// List returns values, a []string or an []int64, as a list parameter
	// or as the value of a list column (teams, services, tags).
	List(values any) any
	// ScanList returns a destination of Scan that reads a list column, or
	// one made by AggList, into dst: nil when it is empty.
	ScanList(dst *[]string) any
	// AggList returns the list column of the values of column that
	// SELECT column rest selects.
	AggList(column, rest string) string
	// Terms and ScanTerms write and read documents.terms.
	Terms(terms []string) any
	ScanTerms(dst *[]string) any
	// Time returns t as a timestamp parameter; the zero time is none.
	Time(t time.Time) any
	// ForUpdate returns the clause that locks the rows a query reads from
	// tables until the transaction ends; "" where writes take turns anyway.
	ForUpdate(tables string) string
	// Binary returns expr ordered byte by byte.
	Binary(expr string) string
	// UserKey returns the column of users that finds a user by name,
	// whatever its case, and its value for name.
	UserKey(name string) (column string, key any)
	// TimeType is the column type of timestamps.
	TimeType() string
	// RowByRow returns what ends a correlated subquery so that the
	// database runs it for each row that reaches it, rather than reading
	// every row it could match before the first: "" where that is what it
	// does.
	RowByRow() string
	// Hashed returns the condition expr IN (subquery) kept a condition,
	// the subquery's rows read once into a hash, rather than folded into
	// the query's joins: expr itself where that is what the database does.
	Hashed(in string) string

	// TxOptions returns the options of a write or a read transaction.
	TxOptions(write bool) *sql.TxOptions
	// WriteError turns the database's refusals of a write (a full disk, a
	// read-only database, concurrent saves) into application errors.
	WriteError(err error) error
	// StartSearch prepares a read transaction for a search bounded by
	// debrief.QueryTimeout, and TimedOut reports whether the database gave
	// up on one that took too long.
	StartSearch(ctx context.Context, tx *Tx) error
	TimedOut(err error) bool
	// Lock takes the lock key, which replicas of debrief on one database
	// take in turn, and returns what releases it.
	Lock(ctx context.Context, key int64) (unlock func(), err error)

	// Search finds the postmortems that match f's words, ranked by
	// relevance, as a page of debrief.PostmortemService.Find.
	Search(ctx context.Context, tx *Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error)
	// Exclude returns the condition, on postmortems p, that none of the
	// words or phrases occur, with its parameters; "" when there are none.
	Exclude(phrases []string) (string, []any)
	// Postings returns the stored postmortems that hold each of terms.
	Postings(ctx context.Context, tx *Tx, terms []string) (map[string][]int64, error)
	// The full-text index follows the documents: BeginWrite starts a write
	// transaction, Unindex comes before the document pk changes or goes,
	// IndexLater after it is written, BeforeCommit ends the transaction,
	// and Imported counts the documents an import batch stored.
	BeginWrite()
	Unindex(ctx context.Context, tx *Tx, pk int64) error
	IndexLater(pk int64)
	BeforeCommit(ctx context.Context, tx *Tx) error
	Imported(n int)
}
