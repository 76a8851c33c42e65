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
	err = db.walk(ctx, "(lint_with != ? OR lint_blame IS NULL)", []any{l.Fingerprint}, lintBatch, nil, func(tx *Tx, s *stored) error {
		_, err := tx.Exec(ctx, `UPDATE postmortems SET `+derivedSet+` WHERE pk = ?`, append(db.derived(s.postmortem, s.file), s.pk)...)
		return err
	}, nil)
	if err != nil {
		return fmt.Errorf("count lint findings: %w", err)
	}
	return nil
}
