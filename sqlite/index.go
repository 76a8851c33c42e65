package sqlite

import (
	"context"
	"encoding/json"

	"github.com/debrief/debrief/internal/sqlstore"
)

// The full-text indexes documents_fts and terms_fts use documents as their
// external content. A write transaction notes the documents it inserts or
// changes, and writeTx indexes them all in one statement before it
// commits (BeforeCommit): FTS5 flushes its pending index at each statement that can roll
// back, so indexing row by row would write a segment per postmortem and
// spend the import merging them.
//
// Only one write transaction runs at a time (the write pool has one
// connection), so the noted documents live on the dialect.

// IndexLater notes that the document pk must be (re)indexed at commit.
func (d *dialect) IndexLater(pk int64) {
	if d.pending == nil {
		d.pending = map[int64]bool{}
	}
	if !d.pending[pk] {
		d.pending[pk] = true
		d.pendingOrder = append(d.pendingOrder, pk)
	}
}

// Unindex removes the document pk, as it stands now, from the full-text
// indexes, before it changes. A document inserted or changed earlier in
// the same transaction is not indexed yet.
func (d *dialect) Unindex(ctx context.Context, tx *sqlstore.Tx, pk int64) error {
	if d.pending[pk] {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO documents_fts (documents_fts, rowid, title, trigger_text, factors, actions, tags, body)
		SELECT 'delete', pk, title, trigger_text, factors, actions, tags, body FROM documents WHERE pk = ?`, pk); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO terms_fts (terms_fts, rowid, terms) SELECT 'delete', pk, terms FROM documents WHERE pk = ?`, pk)
	return err
}

// BeforeCommit indexes the documents noted by IndexLater.
func (d *dialect) BeforeCommit(ctx context.Context, tx *sqlstore.Tx) error {
	if len(d.pendingOrder) == 0 {
		return nil
	}
	pks, _ := json.Marshal(d.pendingOrder)
	if _, err := tx.Exec(ctx, `INSERT INTO documents_fts (rowid, title, trigger_text, factors, actions, tags, body)
		SELECT pk, title, trigger_text, factors, actions, tags, body FROM documents
		WHERE pk IN (SELECT value FROM json_each(?))`, string(pks)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `INSERT INTO terms_fts (rowid, terms) SELECT pk, terms FROM documents
		WHERE pk IN (SELECT value FROM json_each(?))`, string(pks))
	return err
}

// BeginWrite forgets the noted documents, when a transaction begins.
func (d *dialect) BeginWrite() {
	d.pending, d.pendingOrder = nil, nil
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

// Imported notes that ImportBatch indexed n more documents.
func (d *dialect) Imported(n int) {
	d.mergeMu.Lock()
	d.unmerged += n
	d.mergeMu.Unlock()
}

// optimizeAfterImport optimizes the full-text indexes if ImportBatch has
// indexed at least closeOptimize documents since they last were. An
// optimize that fails leaves the indexes as they were: correct, slower.
func (db *DB) optimizeAfterImport(ctx context.Context) error {
	d := db.d
	d.mergeMu.Lock()
	defer d.mergeMu.Unlock()
	if d.unmerged < closeOptimize {
		return nil
	}
	err := db.WriteTx(ctx, func(tx *sqlstore.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO documents_fts (documents_fts) VALUES ('optimize')`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO terms_fts (terms_fts) VALUES ('optimize')`)
		return err
	})
	if err == nil {
		d.unmerged = 0
	}
	return err
}
