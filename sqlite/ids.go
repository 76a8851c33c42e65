package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
)

var takenNumbers = archive.TakenNumbersSQL(func(i int) string { return "?" + strconv.Itoa(i) })

// NextID hands out the next postmortem id of the year for v.
func (db *DB) NextID(ctx context.Context, v debrief.Viewer, year int) (string, error) {
	var n int64
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		var last, seen int64
		err := tx.QueryRowContext(ctx, `SELECT last FROM id_counters WHERE year = ?`, year).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		after, before := archive.YearBounds(year)
		vis, args := visible(v)
		if err := tx.QueryRowContext(ctx, archive.HighestVisibleSQL(func(int) string { return "?" }, vis),
			append([]any{after, before}, args...)...).Scan(&seen); err != nil {
			return err
		}
		from := max(last, seen)
		taken, err := queryInt64s(ctx, tx, takenNumbers, after, before, from)
		if err != nil {
			return err
		}
		n = archive.NextFree(from, taken)
		_, err = tx.ExecContext(ctx, `INSERT INTO id_counters (year, last) VALUES (?, ?)
			ON CONFLICT (year) DO UPDATE SET last = excluded.last`, year, n)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hand out a postmortem id: %w", err)
	}
	return debrief.PostmortemID(year, n), nil
}
