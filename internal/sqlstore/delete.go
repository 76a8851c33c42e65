package sqlstore

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
)

// Delete removes a postmortem, as an admin, and records it.
func (db *DB) Delete(ctx context.Context, v debrief.Viewer, id string, expectedVersion int) error {
	if !v.Admin {
		return onlyAdminsDelete()
	}
	return db.WriteTx(ctx, func(tx *Tx) error {
		old, err := db.getStored(ctx, tx, id)
		if err != nil {
			return err
		}
		if old == nil {
			return notFound(id)
		}
		if old.version != expectedVersion {
			return &debrief.ConflictError{ID: id, Expected: expectedVersion, Current: old.version}
		}
		if err := db.d.Unindex(ctx, tx, old.pk); err != nil {
			return err
		}
		if err := db.updateDF(ctx, tx, old.postmortem.Features().Terms, nil); err != nil {
			return err
		}
		if err := db.unlinkShared(ctx, tx, old.pk); err != nil {
			return err
		}
		// The rows derived from it go with it (ON DELETE CASCADE).
		if _, err := tx.Exec(ctx, `DELETE FROM postmortems WHERE pk = ?`, old.pk); err != nil {
			return fmt.Errorf("delete postmortem %s: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE archive_stats SET postmortems = postmortems - 1`); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO deleted_postmortems (id, version, file, deleted_by, deleted_at) VALUES (?, ?, ?, ?, ?)`,
			id, old.version, string(old.file), v.User, db.d.Time(db.Now().UTC()))
		return err
	})
}

// unlinkShared removes the links of the postmortem pk to its action items
// and accepted risks, and the items and risks that no other postmortem
// lists.
func (db *DB) unlinkShared(ctx context.Context, tx *Tx, pk int64) error {
	items, err := tx.Strings(ctx, `DELETE FROM postmortem_action_items WHERE pk = ? RETURNING item_id`, pk)
	if err != nil {
		return err
	}
	risks, err := tx.Strings(ctx, `DELETE FROM postmortem_accepted_risks WHERE pk = ? RETURNING risk_id`, pk)
	if err != nil {
		return err
	}
	return dropOrphans(ctx, tx, db.d, items, risks)
}

// wasDeleted reports whether a postmortem with the id was deleted.
func wasDeleted(ctx context.Context, tx *Tx, id string) (bool, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM deleted_postmortems WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}
