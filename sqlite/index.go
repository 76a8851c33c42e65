package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
)

// The full-text indexes documents_fts and terms_fts use documents as their
// external content. A write transaction notes the documents it inserts or
// changes, and writeTx indexes them all in one statement before it
// commits: FTS5 flushes its pending index at each statement that can roll
// back, so indexing row by row would write a segment per postmortem and
// spend the import merging them.
//
// Only one write transaction runs at a time (the write pool has one
// connection), so the noted documents live on the DB.

// indexLater notes that the document pk must be (re)indexed at commit.
func (db *DB) indexLater(pk int64) {
	if db.pending == nil {
		db.pending = map[int64]bool{}
	}
	if !db.pending[pk] {
		db.pending[pk] = true
		db.pendingOrder = append(db.pendingOrder, pk)
	}
}

// unindex removes the document pk, as it stands now, from the full-text
// indexes, before it changes. A document inserted or changed earlier in
// the same transaction is not indexed yet.
func (db *DB) unindex(ctx context.Context, tx *sql.Tx, pk int64) error {
	if db.pending[pk] {
		return nil
	}
	if _, err := db.exec(ctx, tx, `INSERT INTO documents_fts (documents_fts, rowid, title, trigger_text, factors, actions, tags, body)
		SELECT 'delete', pk, title, trigger_text, factors, actions, tags, body FROM documents WHERE pk = ?`, pk); err != nil {
		return err
	}
	_, err := db.exec(ctx, tx, `INSERT INTO terms_fts (terms_fts, rowid, terms) SELECT 'delete', pk, terms FROM documents WHERE pk = ?`, pk)
	return err
}

// indexPending indexes the documents noted by indexLater.
func (db *DB) indexPending(ctx context.Context, tx *sql.Tx) error {
	if len(db.pendingOrder) == 0 {
		return nil
	}
	pks, _ := json.Marshal(db.pendingOrder)
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, trigger_text, factors, actions, tags, body)
		SELECT pk, title, trigger_text, factors, actions, tags, body FROM documents
		WHERE pk IN (SELECT value FROM json_each(?))`, string(pks)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO terms_fts (rowid, terms) SELECT pk, terms FROM documents
		WHERE pk IN (SELECT value FROM json_each(?))`, string(pks))
	return err
}

// resetPending forgets the noted documents, when a transaction begins.
func (db *DB) resetPending() {
	db.pending, db.pendingOrder = nil, nil
}
