package sqlstore

import (
	"context"
	"strings"

	"github.com/debrief/debrief"
)

var _ debrief.AuditService = (*DB)(nil)

// RecordAudit appends an event to the audit log.
func (db *DB) RecordAudit(ctx context.Context, e *debrief.AuditEvent) error {
	e.Normalize(db.Now())
	return db.WriteTx(ctx, func(tx *Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO audit_log (at, actor, action, target, detail, origin) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			db.d.Time(e.At), e.Actor, e.Action, e.Target, e.Detail, e.Origin).Scan(&e.ID)
	})
}

// AuditLog returns a page of the audit log, newest first.
func (db *DB) AuditLog(ctx context.Context, f debrief.AuditFilter) ([]*debrief.AuditEvent, int64, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		where, args = append(where, cond), append(args, arg)
	}
	if f.Actor != "" {
		add(`lower(actor) = lower(?)`, f.Actor)
	}
	if f.Action != "" {
		add(`action = ?`, f.Action)
	}
	if f.Target != "" {
		add(`lower(target) = lower(?)`, f.Target)
	}
	if f.Before > 0 {
		add(`id < ?`, f.Before)
	}
	q := `SELECT id, at, actor, action, target, detail, origin FROM audit_log`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.PageLimit()
	q += ` ORDER BY id DESC LIMIT ?`
	args = append(args, limit+1)
	var events []*debrief.AuditEvent
	err := db.ReadTx(ctx, func(tx *Tx) error {
		rows, err := tx.Query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e debrief.AuditEvent
			if err := rows.Scan(&e.ID, timeScanner{&e.At}, &e.Actor, &e.Action, &e.Target, &e.Detail, &e.Origin); err != nil {
				return err
			}
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
