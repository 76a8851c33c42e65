package sqlstore

import (
	"context"

	"github.com/debrief/debrief"
)

// Snippets sets the snippets of a search's page, whose postmortems are
// pks, for the words of text (debrief.FindSnippet). The fields are read as
// stored and marked in Go: the databases' own marking (FTS5's highlight,
// PostgreSQL's ts_headline) reads every word of every field again, which
// costs more than the rest of a search on long bodies.
func (db *DB) Snippets(ctx context.Context, tx *Tx, page *debrief.PostmortemPage, pks []int64, text debrief.TextQuery) error {
	words := text.Words()
	if len(pks) == 0 || len(words) == 0 {
		return nil
	}
	// The most telling fields first: the trigger, the contributing
	// factors, the action items, the body, then the tags and the title,
	// which pages show anyway.
	rows, err := tx.Query(ctx, `SELECT pk, trigger_text, factors, actions, body, tags, title FROM documents WHERE `+db.d.In("pk"), db.d.List(pks))
	if err != nil {
		return err
	}
	defer rows.Close()
	snippets := make(map[int64]debrief.Snippet, len(pks))
	for rows.Next() {
		var pk int64
		var f [6]string
		if err := rows.Scan(&pk, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]); err != nil {
			return err
		}
		snippets[pk] = debrief.FindSnippet(words, f[:]...)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i, s := range page.Items {
		s.Snippet = snippets[pks[i]]
	}
	return nil
}
