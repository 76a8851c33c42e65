package postgres

import (
	"context"
	"fmt"
	"strconv"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
	"github.com/jackc/pgx/v5"
)

func placeholder(i int) string { return "$" + strconv.Itoa(i) }

var takenNumbers = archive.TakenNumbersSQL(placeholder)

// NextID hands out the next postmortem id of the year for v. The year's
// counter row is locked until the transaction ends, so that concurrent
// calls take turns.
func (db *DB) NextID(ctx context.Context, v debrief.Viewer, year int) (string, error) {
	var n int64
	err := db.writeTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO id_counters (year, last) VALUES ($1, 0) ON CONFLICT (year) DO NOTHING`, year); err != nil {
			return err
		}
		var last, seen int64
		if err := tx.QueryRow(ctx, `SELECT last FROM id_counters WHERE year = $1 FOR UPDATE`, year).Scan(&last); err != nil {
			return err
		}
		after, before := archive.YearBounds(year)
		a := &args{list: []any{after, before}}
		if err := tx.QueryRow(ctx, archive.HighestVisibleSQL(placeholder, visible(a, v)), a.list...).Scan(&seen); err != nil {
			return err
		}
		from := max(last, seen)
		rows, err := tx.Query(ctx, takenNumbers, after, before, from)
		if err != nil {
			return err
		}
		taken, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		n = archive.NextFree(from, taken)
		_, err = tx.Exec(ctx, `UPDATE id_counters SET last = $1 WHERE year = $2`, n, year)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hand out a postmortem id: %w", err)
	}
	return debrief.PostmortemID(year, n), nil
}
