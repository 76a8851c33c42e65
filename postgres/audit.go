package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

var _ debrief.AuditService = (*DB)(nil)

// RecordAudit appends an event to the audit log.
func (db *DB) RecordAudit(ctx context.Context, e *debrief.AuditEvent) error {
	e.Normalize(db.Now())
	return db.writeTx(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO audit_log (at, actor, action, target, detail, origin) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			e.At, e.Actor, e.Action, e.Target, e.Detail, e.Origin).Scan(&e.ID)
	})
}

// AuditLog returns a page of the audit log, newest first.
func (db *DB) AuditLog(ctx context.Context, f debrief.AuditFilter) ([]*debrief.AuditEvent, int64, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.Actor != "" {
		add(`lower(actor) = lower($%d)`, f.Actor)
	}
	if f.Action != "" {
		add(`action = $%d`, f.Action)
	}
	if f.Target != "" {
		add(`lower(target) = lower($%d)`, f.Target)
	}
	if f.Before > 0 {
		add(`id < $%d`, f.Before)
	}
	q := `SELECT id, at, actor, action, target, detail, origin FROM audit_log`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	limit := f.PageLimit()
	args = append(args, limit+1)
	q += fmt.Sprintf(` ORDER BY id DESC LIMIT $%d`, len(args))
	var events []*debrief.AuditEvent
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e debrief.AuditEvent
			if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Action, &e.Target, &e.Detail, &e.Origin); err != nil {
				return err
			}
			e.At = e.At.UTC()
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
