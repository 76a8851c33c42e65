package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/debrief/debrief/paging"
)

var _ paging.Store = (*DB)(nil)

const pageColumns = `source, source_id, team, service, alert, urgency, rotation,
	triggered, acknowledged, resolved, resolved_by, ack_tracked, noise`

// SavePages stores pages by their key in one transaction: a new key is
// added, a stored one merged with what arrived (paging.Merge) under a row
// lock, so that the same data imported twice changes nothing, a resolution
// updates the page it belongs to, and two deliveries of one notification
// at the same moment store it once. A page that fails its check stores
// nothing. Times are stored as Unix nanoseconds, NULL when unknown.
func (db *DB) SavePages(ctx context.Context, pages []paging.Page) error {
	pages, err := paging.Checked(pages)
	if err != nil {
		return err
	}
	err = db.WriteTx(ctx, func(tx *Tx) error {
		for _, p := range pages {
			if err := db.savePage(ctx, tx, p); err != nil {
				return fmt.Errorf("page %s: %w", p.Key(), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save %d pages: %w", len(pages), err)
	}
	return nil
}

func (db *DB) savePage(ctx context.Context, tx *Tx, p paging.Page) error {
	res, err := tx.Exec(ctx, `INSERT INTO pages (`+pageColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, source_id) DO NOTHING`, pageArgs(p)...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return err
	}
	old, err := scanPage(tx.QueryRow(ctx, `SELECT `+pageColumns+` FROM pages WHERE source = ? AND source_id = ?`+db.d.ForUpdate(""), p.Source, p.SourceID))
	if err != nil {
		return err
	}
	m := paging.Merge(old, p)
	if m == old {
		return nil
	}
	args := pageArgs(m)
	_, err = tx.Exec(ctx, `UPDATE pages SET team = ?, service = ?, alert = ?, urgency = ?, rotation = ?,
		triggered = ?, acknowledged = ?, resolved = ?, resolved_by = ?, ack_tracked = ?, noise = ?
		WHERE source = ? AND source_id = ?`, append(args[2:], p.Source, p.SourceID)...)
	return err
}

func pageArgs(p paging.Page) []any {
	return []any{p.Source, p.SourceID, p.Team, p.Service, p.Alert, string(p.Urgency), p.Rotation,
		p.Triggered.UnixNano(), nullNanos(p.Acknowledged), nullNanos(p.Resolved), string(p.ResolvedBy), p.AckTracked, p.Noise}
}

func nullNanos(t time.Time) sql.NullInt64 {
	n, ok := paging.Nanos(t)
	return sql.NullInt64{Int64: n, Valid: ok}
}

type pageScanner interface{ Scan(dest ...any) error }

func scanPage(row pageScanner) (paging.Page, error) {
	var p paging.Page
	var urgency, resolvedBy string
	var triggered int64
	var ack, res sql.NullInt64
	if err := row.Scan(&p.Source, &p.SourceID, &p.Team, &p.Service, &p.Alert, &urgency, &p.Rotation,
		&triggered, &ack, &res, &resolvedBy, &p.AckTracked, &p.Noise); err != nil {
		return p, err
	}
	p.Urgency, p.ResolvedBy = paging.Urgency(urgency), paging.Resolver(resolvedBy)
	p.Triggered = paging.FromNanos(triggered, true)
	p.Acknowledged = paging.FromNanos(ack.Int64, ack.Valid)
	p.Resolved = paging.FromNanos(res.Int64, res.Valid)
	return p, nil
}

// Pages returns the stored pages the filter selects, in trigger order.
func (db *DB) Pages(ctx context.Context, f paging.Filter) ([]paging.Page, error) {
	from, to := f.Bounds()
	var out []paging.Page
	err := db.ReadTx(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+pageColumns+` FROM pages
			WHERE (? = '' OR team = ?) AND triggered >= ? AND triggered < ?
			ORDER BY triggered, source, source_id`, f.Team, f.Team, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanPage(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read pages: %w", err)
	}
	paging.Sort(out)
	return out, nil
}
