package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
)

// Delete removes a postmortem, as an admin, and records it.
func (db *DB) Delete(ctx context.Context, v debrief.Viewer, id string, expectedVersion int) error {
	if !v.Admin {
		return archive.OnlyAdminsDelete()
	}
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		old, err := db.getStored(ctx, tx, id)
		if err != nil {
			return err
		}
		if old == nil {
			return archive.NotFound(id)
		}
		if old.version != expectedVersion {
			return &debrief.ConflictError{ID: id, Expected: expectedVersion, Current: old.version}
		}
		if err := db.unindex(ctx, tx, old.pk); err != nil {
			return err
		}
		if err := db.updateDF(ctx, tx, old.postmortem.Features().Terms, nil); err != nil {
			return err
		}
		if err := db.unlinkShared(ctx, tx, old.pk); err != nil {
			return err
		}
		// The rows derived from it go with it (ON DELETE CASCADE).
		if _, err := tx.ExecContext(ctx, `DELETE FROM postmortems WHERE pk = ?`, old.pk); err != nil {
			return fmt.Errorf("delete postmortem %s: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE archive_stats SET postmortems = postmortems - 1`); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO deleted_postmortems (id, version, file, deleted_by, deleted_at) VALUES (?, ?, ?, ?, ?)`,
			id, old.version, string(old.file), v.User, db.Now().UTC().Format(time.RFC3339Nano))
		return err
	})
}

// unlinkShared removes the links of the postmortem pk to its action items
// and accepted risks, and the items and risks that no other postmortem
// lists.
func (db *DB) unlinkShared(ctx context.Context, tx *sql.Tx, pk int64) error {
	for _, t := range []struct{ links, column, table string }{
		{"postmortem_action_items", "item_id", "action_items"},
		{"postmortem_accepted_risks", "risk_id", "accepted_risks"},
	} {
		ids, err := queryStrings(ctx, tx, `SELECT `+t.column+` FROM `+t.links+` WHERE pk = ?`, pk)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t.links+` WHERE pk = ?`, pk); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t.table+` WHERE id IN (SELECT value FROM json_each(?))
			AND id NOT IN (SELECT `+t.column+` FROM `+t.links+`)`, jsonArray(ids)); err != nil {
			return err
		}
	}
	return nil
}

// wasDeleted reports whether a postmortem with the id was deleted.
func wasDeleted(ctx context.Context, tx *sql.Tx, id string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deleted_postmortems WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}
