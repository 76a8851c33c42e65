package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

var _ debrief.AuditService = (*DB)(nil)

// RecordAudit appends an event to the audit log.
func (db *DB) RecordAudit(ctx context.Context, e *debrief.AuditEvent) error {
	e.Normalize(db.Now())
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, target, detail, origin) VALUES (?, ?, ?, ?, ?, ?)`,
			e.At.Format(time.RFC3339), e.Actor, e.Action, e.Target, e.Detail, e.Origin)
		if err != nil {
			return err
		}
		e.ID, err = res.LastInsertId()
		return err
	})
}

// AuditLog returns a page of the audit log, newest first.
func (db *DB) AuditLog(ctx context.Context, f debrief.AuditFilter) ([]*debrief.AuditEvent, int64, error) {
	var where []string
	var args []any
	if f.Actor != "" {
		where, args = append(where, `actor = ? COLLATE NOCASE`), append(args, f.Actor)
	}
	if f.Action != "" {
		where, args = append(where, `action = ?`), append(args, f.Action)
	}
	if f.Target != "" {
		where, args = append(where, `target = ? COLLATE NOCASE`), append(args, f.Target)
	}
	if f.Before > 0 {
		where, args = append(where, `id < ?`), append(args, f.Before)
	}
	q := `SELECT id, at, actor, action, target, detail, origin FROM audit_log`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.PageLimit()
	q += ` ORDER BY id DESC LIMIT ?`
	args = append(args, limit+1)
	var events []*debrief.AuditEvent
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e debrief.AuditEvent
			var at string
			if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Target, &e.Detail, &e.Origin); err != nil {
				return err
			}
			e.At, _ = time.Parse(time.RFC3339, at)
			events = append(events, &e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, err
	}
	var next int64
	if len(events) > limit {
		events = events[:limit]
		next = events[limit-1].ID
	}
	return events, next, nil
}
