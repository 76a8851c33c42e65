package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/debrief/debrief"
)

// lintLock keeps two replicas from counting findings again at the same
// time (Dialect.Lock).
const lintLock = migrateLock + 2

// lintBatch is how many postmortems UseLinter counts per transaction.
const lintBatch = 200

// UseLinter sets the linter whose counts and findings the store keeps with
// each file, and lints again, in batches of one transaction each, the
// postmortems linted with another linter or configuration, or none, or
// whose findings were not kept.
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
	err = db.walk(ctx, "(lint_with != ? OR lint_blame IS NULL OR lint_findings IS NULL)", []any{l.Fingerprint}, lintBatch, nil, func(s *stored) any {
		return db.derived(s.postmortem, s.file)
	}, func(tx *Tx, s *stored, cols any) error {
		_, err := tx.Exec(ctx, `UPDATE postmortems SET `+derivedSet+` WHERE pk = ?`, append(cols.([]any), s.pk)...)
		return err
	}, nil)
	if err != nil {
		return fmt.Errorf("count lint findings: %w", err)
	}
	return nil
}

// LintCountsByID returns the linter's counts kept with every postmortem v
// may see, by id, for those the linter of UseLinter counted: none without
// one.
func (db *DB) LintCountsByID(ctx context.Context, v debrief.Viewer) (map[string]debrief.LintCounts, error) {
	out := map[string]debrief.LintCounts{}
	if db.lint.Count == nil {
		return out, nil
	}
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT p.id, p.lint_blame, p.lint_root_cause, p.lint_structure FROM postmortems p
			WHERE p.lint_with = ? AND p.lint_blame IS NOT NULL AND `+vis, append([]any{db.lint.Fingerprint}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var c debrief.LintCounts
			if err := rows.Scan(&id, &c.Blame, &c.RootCause, &c.Structure); err != nil {
				return err
			}
			out[id] = c
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("the archive's lint counts: %w", err)
	}
	return out, nil
}

// KeptFindings returns the findings the linter of UseLinter kept with
// version of the postmortem id, if v may see it: nil when it kept none,
// the postmortem is at another version now, or it was linted with
// another linter.
func (db *DB) KeptFindings(ctx context.Context, v debrief.Viewer, id string, version int) ([]byte, error) {
	if db.lint.Count == nil {
		return nil, nil
	}
	var kept sql.NullString
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		return tx.QueryRow(ctx, `SELECT p.lint_findings FROM postmortems p
			WHERE p.id = ? AND p.version = ? AND p.lint_with = ? AND `+vis, append([]any{id, version, db.lint.Fingerprint}, args...)...).Scan(&kept)
	})
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("the lint findings of %s: %w", id, err)
	case kept.String == "":
		return nil, nil
	}
	return []byte(kept.String), nil
}
