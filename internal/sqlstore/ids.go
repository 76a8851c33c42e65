package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// NextID hands out the next postmortem id of the year for v: the stores
// keep the last number handed out for each year, read the highest number
// the viewer may see and the numbers in use above both. The year's counter
// row is locked until the transaction ends, so that concurrent calls take
// turns.
func (db *DB) NextID(ctx context.Context, v debrief.Viewer, year int) (string, error) {
	var n int64
	err := db.WriteTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO id_counters (year, last) VALUES (?, 0) ON CONFLICT (year) DO NOTHING`, year); err != nil {
			return err
		}
		var last, seen int64
		if err := tx.QueryRow(ctx, `SELECT last FROM id_counters WHERE year = ?`+db.d.ForUpdate(""), year).Scan(&last); err != nil {
			return err
		}
		after, before := yearBounds(year)
		vis, args := db.Visible(v)
		if err := tx.QueryRow(ctx, highestVisible(vis), append([]any{after, before}, args...)...).Scan(&seen); err != nil {
			return err
		}
		from := max(last, seen)
		taken, err := tx.Int64s(ctx, takenNumbers, after, before, from, after, before, from)
		if err != nil {
			return err
		}
		n = nextFree(from, taken)
		_, err = tx.Exec(ctx, `UPDATE id_counters SET last = ? WHERE year = ?`, n, year)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hand out a postmortem id: %w", err)
	}
	return debrief.PostmortemID(year, n), nil
}

const (
	// idNumberStart is where the number starts in PM-YYYY-NNN, 1-based.
	idNumberStart = 9
	// maxIDLength leaves out ids whose number would not fit in 64 bits;
	// no counter reaches them.
	maxIDLength = 20
)

// idNumber is the number of the id of postmortems p, in SQL.
var idNumber = fmt.Sprintf("CAST(substr(p.id, %d) AS BIGINT)", idNumberStart)

// takenNumbers is the query of the numbers in use above a number, by stored
// and by deleted postmortems: its parameters are the bounds of yearBounds
// and the number, twice.
var takenNumbers = func() string {
	var parts []string
	for _, table := range []string{"postmortems", "deleted_postmortems"} {
		parts = append(parts, fmt.Sprintf(`SELECT %s FROM %s p WHERE p.id > ? AND p.id < ? AND length(p.id) <= %d AND %s > ?`,
			idNumber, table, maxIDLength, idNumber))
	}
	return strings.Join(parts, " UNION ")
}()

// highestVisible returns the query of the highest number of the year among
// the postmortems p that the condition visible selects, 0 when there are
// none; the first two parameters are the bounds of yearBounds.
func highestVisible(visible string) string {
	return fmt.Sprintf(`SELECT coalesce(max(%s), 0) FROM postmortems p WHERE p.id > ? AND p.id < ? AND length(p.id) <= %d AND %s`,
		idNumber, maxIDLength, visible)
}

// yearBounds returns the bounds of the ids of year: every PM-YYYY-NNN of
// the year sorts between them.
func yearBounds(year int) (after, before string) {
	p := fmt.Sprintf("PM-%04d-", year)
	return p, p[:len(p)-1] + "."
}

// nextFree returns the first number after last that is not taken.
func nextFree(last int64, taken []int64) int64 {
	in := make(map[int64]bool, len(taken))
	for _, n := range taken {
		in[n] = true
	}
	n := last + 1
	for in[n] {
		n++
	}
	return n
}
