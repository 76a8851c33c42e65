package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/debrief/debrief/paging"
	"github.com/jackc/pgx/v5"
)

var _ paging.Store = (*DB)(nil)

const pageColumns = `source, source_id, team, service, alert, urgency, rotation,
	triggered, acknowledged, resolved, resolved_by, ack_tracked, noise`

// SavePages stores pages by their key in one transaction: a new key is
// added, a stored one merged with what arrived (paging.Merge) under a row
// lock, so that the same data imported twice changes nothing, a resolution
// updates the page it belongs to, and two deliveries of one notification at
// the same moment store it once. A page that fails its check stores
// nothing.
func (db *DB) SavePages(ctx context.Context, pages []paging.Page) error {
	pages, err := paging.Checked(pages)
	if err != nil {
		return err
	}
	err = db.writeTx(ctx, func(tx pgx.Tx) error {
		for _, p := range pages {
			if err := savePage(ctx, tx, p); err != nil {
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

func savePage(ctx context.Context, tx pgx.Tx, p paging.Page) error {
	tag, err := tx.Exec(ctx, `INSERT INTO pages (`+pageColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (source, source_id) DO NOTHING`, pageArgs(p)...)
	if err != nil || tag.RowsAffected() == 1 {
		return err
	}
	old, err := scanPage(tx.QueryRow(ctx, `SELECT `+pageColumns+` FROM pages WHERE source = $1 AND source_id = $2 FOR UPDATE`, p.Source, p.SourceID))
	if err != nil {
		return err
	}
	m := paging.Merge(old, p)
	if m == old {
		return nil
	}
	args := pageArgs(m)
	_, err = tx.Exec(ctx, `UPDATE pages SET team = $3, service = $4, alert = $5, urgency = $6, rotation = $7,
		triggered = $8, acknowledged = $9, resolved = $10, resolved_by = $11, ack_tracked = $12, noise = $13
		WHERE source = $1 AND source_id = $2`, args...)
	return err
}

func pageArgs(p paging.Page) []any {
	return []any{p.Source, p.SourceID, p.Team, p.Service, p.Alert, string(p.Urgency), p.Rotation,
		p.Triggered.UnixNano(), nullNanos(p.Acknowledged), nullNanos(p.Resolved), string(p.ResolvedBy), p.AckTracked, p.Noise}
}

func nullNanos(t time.Time) *int64 {
	if n, ok := paging.Nanos(t); ok {
		return &n
	}
	return nil
}

func scanPage(row pgx.Row) (paging.Page, error) {
	var p paging.Page
	var urgency, resolvedBy string
	var triggered int64
	var ack, res *int64
	if err := row.Scan(&p.Source, &p.SourceID, &p.Team, &p.Service, &p.Alert, &urgency, &p.Rotation,
		&triggered, &ack, &res, &resolvedBy, &p.AckTracked, &p.Noise); err != nil {
		return p, err
	}
	p.Urgency, p.ResolvedBy = paging.Urgency(urgency), paging.Resolver(resolvedBy)
	p.Triggered = paging.FromNanos(triggered, true)
	if ack != nil {
		p.Acknowledged = paging.FromNanos(*ack, true)
	}
	if res != nil {
		p.Resolved = paging.FromNanos(*res, true)
	}
	return p, nil
}

// Pages returns the stored pages the filter selects, in trigger order.
func (db *DB) Pages(ctx context.Context, f paging.Filter) ([]paging.Page, error) {
	from, to := f.Bounds()
	var out []paging.Page
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+pageColumns+` FROM pages
			WHERE ($1 = '' OR team = $1) AND triggered >= $2 AND triggered < $3
			ORDER BY triggered, source, source_id`, f.Team, from, to)
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
