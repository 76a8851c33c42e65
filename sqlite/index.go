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

// FTS5 adds a segment to an index at every statement that indexes
// documents, and merges segments only a few at a time (automerge), so an
// archive imported in batches ends up with a dozen segments or more. Every
// search then reads each word in every segment: on the 100,000-postmortem
// archive, searches took 1.6 times as long at the median (and finding the
// page's rows again for their snippets eight times as long) as on the same
// index optimized into one segment. Close therefore optimizes both
// full-text indexes when ImportBatch has added at least closeOptimize
// documents since the DB was opened, as at the end of `debrief import`:
// that took 2 seconds of the minute an import of 100,000 postmortems
// takes. Optimizing during the import instead (each time the archive had
// doubled) made it half as long again, rewriting the whole index each
// time. Single writes (the web app, the API) leave the merging to FTS5's
// automerge.
var closeOptimize = 500

// imported notes that ImportBatch indexed n more documents.
func (db *DB) imported(n int) {
	db.mergeMu.Lock()
	db.unmerged += n
	db.mergeMu.Unlock()
}

// optimizeAfterImport optimizes the full-text indexes if ImportBatch has
// indexed at least closeOptimize documents since they last were. An
// optimize that fails leaves the indexes as they were: correct, slower.
func (db *DB) optimizeAfterImport(ctx context.Context) error {
	db.mergeMu.Lock()
	defer db.mergeMu.Unlock()
	if db.unmerged < closeOptimize {
		return nil
	}
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (documents_fts) VALUES ('optimize')`); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO terms_fts (terms_fts) VALUES ('optimize')`)
		return err
	})
	if err == nil {
		db.unmerged = 0
	}
	return err
}
