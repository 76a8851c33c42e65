package sqlstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/debrief/debrief"
)

// SameTitle returns up to limit postmortems v may see whose title has the
// key key (debrief.TitleKey), newest first. The key "" matches nothing.
func (db *DB) SameTitle(ctx context.Context, v debrief.Viewer, key string, limit int) ([]*debrief.PostmortemSummary, error) {
	if key == "" || limit <= 0 {
		return nil, nil
	}
	page := &debrief.PostmortemPage{}
	err := db.ReadTx(ctx, func(tx *Tx) error {
		changes, err := tx.changes(ctx)
		if err != nil {
			return err
		}
		memoKey := audience(v) + "\x00" + key + "\x00" + strconv.Itoa(limit)
		if found, ok := db.sameTitle.get(changes, memoKey); ok {
			page.Items = found
			return nil
		}
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+` FROM postmortems p
			WHERE p.title_key = ? AND `+vis+` ORDER BY p.incident_date DESC, p.pk DESC LIMIT ?`,
			append(append([]any{key}, args...), limit)...)
		if err != nil {
			return err
		}
		if _, err := db.ScanSummaries(rows, page); err != nil {
			return err
		}
		db.sameTitle.put(changes, memoKey, page.Items)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postmortems with the same title: %w", err)
	}
	return page.Items, nil
}

// titleKeyBatch is how many title keys fillTitleKeys computes per
// transaction.
const titleKeyBatch = 2000

// fillTitleKeys computes the title keys that are not computed yet: those
// of postmortems stored before the archive kept them. Every write sets the
// key, so after the first run there is nothing left to do.
func (db *DB) fillTitleKeys(ctx context.Context) error {
	for {
		var n int
		err := db.WriteTx(ctx, func(tx *Tx) error {
			rows, err := tx.Query(ctx, `SELECT pk, title FROM postmortems WHERE title_key IS NULL LIMIT ?`, titleKeyBatch)
			if err != nil {
				return err
			}
			type row struct {
				pk    int64
				title string
			}
			var todo []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.pk, &r.title); err != nil {
					rows.Close()
					return err
				}
				todo = append(todo, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, r := range todo {
				if _, err := tx.Exec(ctx, `UPDATE postmortems SET title_key = ? WHERE pk = ?`, debrief.TitleKey(r.title), r.pk); err != nil {
					return err
				}
			}
			n = len(todo)
			return nil
		})
		if err != nil {
			return fmt.Errorf("compute the title keys: %w", err)
		}
		if n < titleKeyBatch {
			return nil
		}
	}
}
