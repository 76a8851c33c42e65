package sqlstore

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
)

// lintLock keeps two replicas from counting findings again at the same
// time (Dialect.Lock).
const lintLock = migrateLock + 2

// lintBatch is how many postmortems UseLinter counts per transaction.
const lintBatch = 200

// UseLinter sets the linter whose counts the store keeps with each file,
// and counts again, in batches of one transaction each, the postmortems
// counted with another linter or configuration, or none.
func (db *DB) UseLinter(ctx context.Context, l debrief.LintCounter) error {
	db.lint = l
	if l.Count == nil {
		return nil
	}
	unlock, err := db.d.Lock(ctx, lintLock)
	if err != nil {
		return fmt.Errorf("count lint findings: %w", err)
	}
	defer unlock()
	last := ""
	for {
		var ids []string
		err := db.WriteTx(ctx, func(tx *Tx) error {
			var err error
			ids, err = tx.Strings(ctx, `SELECT id FROM postmortems WHERE (lint_with != ? OR lint_blame IS NULL) AND id > ?
				ORDER BY `+db.d.Binary("id")+` LIMIT ?`, l.Fingerprint, last, lintBatch)
			if err != nil {
				return err
			}
			for _, id := range ids {
				s, err := db.getStored(ctx, tx, id)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE postmortems SET `+derivedSet+` WHERE pk = ?`, append(db.derived(s.postmortem, s.file), s.pk)...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("count lint findings: %w", err)
		}
		if len(ids) < lintBatch {
			return nil
		}
		last = ids[len(ids)-1]
	}
}
