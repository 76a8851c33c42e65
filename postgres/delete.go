package postgres

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
	"github.com/jackc/pgx/v5"
)

// Delete removes a postmortem, as an admin, and records it.
func (db *DB) Delete(ctx context.Context, v debrief.Viewer, id string, expectedVersion int) error {
	if !v.Admin {
		return archive.OnlyAdminsDelete()
	}
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		old, err := getStored(ctx, tx, id)
		if err != nil {
			return err
		}
		if old == nil {
			return archive.NotFound(id)
		}
		if old.version != expectedVersion {
			return &debrief.ConflictError{ID: id, Expected: expectedVersion, Current: old.version}
		}
		if err := updateDF(ctx, tx, old.postmortem.Features().Terms, nil); err != nil {
			return err
		}
		if err := unlinkShared(ctx, tx, old.pk); err != nil {
			return err
		}
		// The rows derived from it go with it (ON DELETE CASCADE).
		if _, err := tx.Exec(ctx, `DELETE FROM postmortems WHERE pk = $1`, old.pk); err != nil {
			return fmt.Errorf("delete postmortem %s: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE archive_stats SET postmortems = postmortems - 1`); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO deleted_postmortems (id, version, file, deleted_by, deleted_at) VALUES ($1, $2, $3, $4, $5)`,
			id, old.version, string(old.file), v.User, db.Now().UTC())
		return err
	})
}

// unlinkShared removes the links of the postmortem pk to its action items
// and accepted risks, and the items and risks that no other postmortem
// lists.
func unlinkShared(ctx context.Context, tx pgx.Tx, pk int64) error {
	for _, t := range []struct{ links, column, table string }{
		{"postmortem_action_items", "item_id", "action_items"},
		{"postmortem_accepted_risks", "risk_id", "accepted_risks"},
	} {
		ids, err := queryStrings(ctx, tx, `DELETE FROM `+t.links+` WHERE pk = $1 RETURNING `+t.column, pk)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+t.table+` x WHERE x.id = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM `+t.links+` l WHERE l.`+t.column+` = x.id)`, nonNil(ids)); err != nil {
			return err
		}
	}
	return nil
}

// wasDeleted reports whether a postmortem with the id was deleted.
func wasDeleted(ctx context.Context, tx pgx.Tx, id string) (bool, error) {
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM deleted_postmortems WHERE id = $1`, id).Scan(&n)
	return n > 0, err
}
