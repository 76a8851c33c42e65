// Package sqlstore is debrief's archive written once for every SQL database
// it runs on: the procedures of debrief.Store (create, update, import,
// delete, the shared action items and accepted risks, lists, similar
// incidents, families, users) and the SQL that SQLite and PostgreSQL read
// alike, over database/sql.
//
// A Dialect supplies only what differs between the databases: how
// placeholders and lists are written, row locks, transactions and the
// errors of a storage that refuses to write, and full-text search. The
// sqlite and postgres packages each implement one, open the database and
// hand both to New; their DB types embed the *DB it returns.
//
// Every exported method of DB is one transaction; the unexported helpers
// take a *Tx, so that several share one. Queries are written with ?
// placeholders, which the dialect rewrites (Dialect.Rebind).
package sqlstore
