package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.ReviewService = (*DB)(nil)

// visiblePK returns the key of the postmortem id if v may see it, and a
// not-found error otherwise.
func (db *DB) visiblePK(ctx context.Context, tx *Tx, v debrief.Viewer, id string) (int64, error) {
	vis, args := db.Visible(v)
	var pk int64
	err := tx.QueryRow(ctx, `SELECT p.pk FROM postmortems p WHERE p.id = ? AND `+vis, append([]any{id}, args...)...).Scan(&pk)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound(id)
	}
	return pk, err
}

// AddComment stores a review comment on a postmortem v may see.
func (db *DB) AddComment(ctx context.Context, v debrief.Viewer, c *debrief.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	err := db.WriteTx(ctx, func(tx *Tx) error {
		pk, err := db.visiblePK(ctx, tx, v, c.PostmortemID)
		if err != nil {
			return err
		}
		return tx.QueryRow(ctx, `INSERT INTO review_comments (pk, section, quote, body, author, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			pk, c.Section, c.Quote, c.Body, c.Author, db.d.Time(now)).Scan(&c.ID)
	})
	if err != nil {
		return fmt.Errorf("comment on %s: %w", c.PostmortemID, err)
	}
	c.Created = now
	return nil
}

const commentColumns = `c.id, p.id, c.section, c.quote, c.body, c.author, c.created_at, c.resolved_by, c.resolved_at`

func scanComment(row interface{ Scan(...any) error }) (*debrief.Comment, error) {
	c := &debrief.Comment{}
	if err := row.Scan(&c.ID, &c.PostmortemID, &c.Section, &c.Quote, &c.Body, &c.Author, timeScanner{&c.Created}, &c.ResolvedBy, timeScanner{&c.ResolvedAt}); err != nil {
		return nil, err
	}
	c.Resolved = !c.ResolvedAt.IsZero()
	return c, nil
}

// Comments lists the review comments of a postmortem v may see, oldest
// first.
func (db *DB) Comments(ctx context.Context, v debrief.Viewer, postmortemID string) ([]*debrief.Comment, error) {
	var out []*debrief.Comment
	err := db.ReadTx(ctx, func(tx *Tx) error {
		pk, err := db.visiblePK(ctx, tx, v, postmortemID)
		if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT `+commentColumns+` FROM review_comments c JOIN postmortems p ON p.pk = c.pk
			WHERE c.pk = ? ORDER BY c.id`, pk)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanComment(rows)
			if err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("comments of %s: %w", postmortemID, err)
	}
	return out, nil
}

// ResolveComment marks a comment resolved by v's user.
func (db *DB) ResolveComment(ctx context.Context, v debrief.Viewer, postmortemID string, id int64) (*debrief.Comment, error) {
	var c *debrief.Comment
	now := db.Now().UTC().Truncate(time.Microsecond)
	err := db.WriteTx(ctx, func(tx *Tx) error {
		pk, err := db.visiblePK(ctx, tx, v, postmortemID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE review_comments SET resolved_by = ?, resolved_at = ? WHERE id = ? AND pk = ? AND resolved_at IS NULL`,
			v.User, db.d.Time(now), id, pk); err != nil {
			return err
		}
		c, err = scanComment(tx.QueryRow(ctx, `SELECT `+commentColumns+` FROM review_comments c JOIN postmortems p ON p.pk = c.pk
			WHERE c.id = ? AND c.pk = ?`, id, pk))
		if errors.Is(err, sql.ErrNoRows) {
			return debrief.Errorf(debrief.ENOTFOUND, "%s has no comment %d", postmortemID, id)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("resolve comment %d of %s: %w", id, postmortemID, err)
	}
	return c, nil
}
