package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/debrief/debrief"
)

// putShared links p's action items and accepted risks to the postmortem pk,
// storing the new ones and changing the stored ones that p changes, and
// records what changed (recordItem, recordRisk). With a saver, the other
// postmortems that list a changed one are rewritten to say the same, so
// that every file agrees.
func (db *DB) putShared(ctx context.Context, tx *Tx, pk int64, p *debrief.Postmortem, by *saver) error {
	var who *debrief.Viewer
	if by != nil {
		who = &by.v
	}
	d := db.d
	oldItems, err := tx.Strings(ctx, `DELETE FROM postmortem_action_items WHERE pk = ? RETURNING item_id`, pk)
	if err != nil {
		return err
	}
	oldRisks, err := tx.Strings(ctx, `DELETE FROM postmortem_accepted_risks WHERE pk = ? RETURNING risk_id`, pk)
	if err != nil {
		return err
	}
	items := map[string]debrief.ActionItem{}
	for i, a := range p.ActionItems {
		cur, found, err := db.getActionItem(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		switch {
		case !found:
			_, err = tx.Exec(ctx, `INSERT INTO action_items (id, title, owner_team, kind, effort_days, value, due, status, reason, link)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				a.ID, a.Title, a.OwnerTeam, string(a.Kind), a.EffortDays, a.Value, a.Due.String(), string(a.Status), a.Reason, a.Link)
		case cur != a:
			items[a.ID] = a
			_, err = tx.Exec(ctx, `UPDATE action_items SET title = ?, owner_team = ?, kind = ?, effort_days = ?, value = ?,
				due = ?, status = ?, reason = ?, link = ? WHERE id = ?`,
				a.Title, a.OwnerTeam, string(a.Kind), a.EffortDays, a.Value, a.Due.String(), string(a.Status), a.Reason, a.Link, a.ID)
		}
		if err != nil {
			return fmt.Errorf("save action item %s of %s: %w", a.ID, p.ID, err)
		}
		if err := db.recordItem(ctx, tx, who, p.ID, found, cur, a); err != nil {
			return fmt.Errorf("record the change of action item %s: %w", a.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_action_items (pk, item_id, position) VALUES (?, ?, ?)`, pk, a.ID, i); err != nil {
			return fmt.Errorf("save action item %s of %s: %w", a.ID, p.ID, err)
		}
	}
	risks := map[string]debrief.AcceptedRisk{}
	for i, r := range p.AcceptedRisks {
		cur, found, err := db.getAcceptedRisk(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		switch {
		case !found:
			_, err = tx.Exec(ctx, `INSERT INTO accepted_risks (id, risk, waiting_for, until, meanwhile, owner_team, review_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)`,
				r.ID, r.Risk, r.WaitingFor, r.Until.String(), r.Meanwhile, r.OwnerTeam, r.ReviewBy.String())
		case cur != r:
			risks[r.ID] = r
			_, err = tx.Exec(ctx, `UPDATE accepted_risks SET risk = ?, waiting_for = ?, until = ?, meanwhile = ?,
				owner_team = ?, review_by = ? WHERE id = ?`,
				r.Risk, r.WaitingFor, r.Until.String(), r.Meanwhile, r.OwnerTeam, r.ReviewBy.String(), r.ID)
		}
		if err != nil {
			return fmt.Errorf("save accepted risk %s of %s: %w", r.ID, p.ID, err)
		}
		if err := db.recordRisk(ctx, tx, who, p.ID, found, cur, r); err != nil {
			return fmt.Errorf("record the change of accepted risk %s: %w", r.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_accepted_risks (pk, risk_id, position) VALUES (?, ?, ?)`, pk, r.ID, i); err != nil {
			return fmt.Errorf("save accepted risk %s of %s: %w", r.ID, p.ID, err)
		}
	}
	// Items and risks that no postmortem lists any more go.
	if err := dropOrphans(ctx, tx, d, oldItems, oldRisks); err != nil {
		return err
	}
	if by == nil || len(items)+len(risks) == 0 {
		return nil
	}
	others, err := tx.Int64s(ctx, `SELECT pk FROM postmortem_action_items WHERE `+d.In("item_id")+` AND pk != ?
		UNION SELECT pk FROM postmortem_accepted_risks WHERE `+d.In("risk_id")+` AND pk != ?
		ORDER BY 1`, d.List(keys(items)), pk, d.List(keys(risks)), pk)
	if err != nil {
		return err
	}
	for _, o := range others {
		if err := db.rewrite(ctx, tx, o, items, risks); err != nil {
			return err
		}
	}
	return nil
}

// dropOrphans deletes the action items and the accepted risks with the
// given ids that no postmortem lists.
func dropOrphans(ctx context.Context, tx *Tx, d Dialect, items, risks []string) error {
	for _, t := range []struct {
		table, links, column string
		ids                  []string
	}{
		{"action_items", "postmortem_action_items", "item_id", items},
		{"accepted_risks", "postmortem_accepted_risks", "risk_id", risks},
	} {
		if len(t.ids) == 0 {
			continue
		}
		if _, err := tx.Exec(ctx, `DELETE FROM `+t.table+` WHERE `+d.In("id")+`
			AND NOT EXISTS (SELECT 1 FROM `+t.links+` l WHERE l.`+t.column+` = `+t.table+`.id)`, d.List(t.ids)); err != nil {
			return err
		}
	}
	return nil
}

// rewrite changes the action items and accepted risks of the postmortem pk
// that have an id in items or risks to say what those say, as its next
// version.
func (db *DB) rewrite(ctx context.Context, tx *Tx, pk int64, items map[string]debrief.ActionItem, risks map[string]debrief.AcceptedRisk) error {
	var id string
	if err := tx.QueryRow(ctx, `SELECT id FROM postmortems WHERE pk = ?`, pk).Scan(&id); err != nil {
		return err
	}
	old, err := db.getStored(ctx, tx, id)
	if err != nil {
		return err
	}
	q := *old.postmortem
	q.ActionItems = slices.Clone(q.ActionItems)
	for i, a := range q.ActionItems {
		if n, ok := items[a.ID]; ok {
			q.ActionItems[i] = n
		}
	}
	q.AcceptedRisks = slices.Clone(q.AcceptedRisks)
	for i, r := range q.AcceptedRisks {
		if n, ok := risks[r.ID]; ok {
			q.AcceptedRisks[i] = n
		}
	}
	file, c, err := canonical(&q)
	if err != nil {
		return fmt.Errorf("rewrite %s with the shared items: %w", id, err)
	}
	if bytes.Equal(file, old.file) {
		return nil
	}
	return db.put(ctx, tx, c, file, old, nil)
}

// held reads what the archive holds that p, saved as the postmortem self
// (0 for a new one), must agree with (debrief.CheckSave): the stored
// postmortems among its related ids, when related is set, and the other
// postmortems that list its action items and accepted risks. Reading an
// item or risk locks it, so that two saves that list the same one check
// the sharing rule one after the other.
func (db *DB) held(ctx context.Context, tx *Tx, p *debrief.Postmortem, self int64, related bool) (debrief.Held, error) {
	h := debrief.Held{Items: map[string][]debrief.SharedLink{}, Risks: map[string][]debrief.SharedLink{}}
	if related {
		stored := map[string]bool{}
		if len(p.Related) > 0 {
			ids, err := tx.Strings(ctx, `SELECT id FROM postmortems WHERE `+db.d.In("id"), db.d.List(p.Related))
			if err != nil {
				return h, fmt.Errorf("read the postmortems %s relates to: %w", p.ID, err)
			}
			for _, id := range ids {
				stored[id] = true
			}
		}
		h.Stored = func(id string) bool { return stored[id] }
	}
	for _, a := range p.ActionItems {
		if _, found, err := db.getActionItem(ctx, tx, a.ID); err != nil || !found {
			if err != nil {
				return h, err
			}
			continue
		}
		links, err := db.sharedLinks(ctx, tx, "postmortem_action_items", "item_id", a.ID, self)
		if err != nil {
			return h, fmt.Errorf("read the postmortems that list action item %s: %w", a.ID, err)
		}
		h.Items[a.ID] = links
	}
	for _, r := range p.AcceptedRisks {
		if _, found, err := db.getAcceptedRisk(ctx, tx, r.ID); err != nil || !found {
			if err != nil {
				return h, err
			}
			continue
		}
		links, err := db.sharedLinks(ctx, tx, "postmortem_accepted_risks", "risk_id", r.ID, self)
		if err != nil {
			return h, fmt.Errorf("read the postmortems that list accepted risk %s: %w", r.ID, err)
		}
		h.Risks[r.ID] = links
	}
	return h, nil
}

// sharedLinks returns the postmortems other than self that list the action
// item or accepted risk id, through the link table and its id column.
func (db *DB) sharedLinks(ctx context.Context, tx *Tx, table, column, id string, self int64) ([]debrief.SharedLink, error) {
	rows, err := tx.Query(ctx, `SELECT p.id, p.restricted, p.teams FROM `+table+` l JOIN postmortems p ON p.pk = l.pk
		WHERE l.`+column+` = ? AND l.pk != ? ORDER BY p.id`, id, self)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var links []debrief.SharedLink
	for rows.Next() {
		var l debrief.SharedLink
		var restricted bool
		var teams []string
		if err := rows.Scan(&l.ID, &restricted, db.d.ScanList(&teams)); err != nil {
			return nil, err
		}
		l.Audience = debrief.NewAudience(restricted, teams)
		links = append(links, l)
	}
	return links, rows.Err()
}

const actionItemColumns = `a.id, a.title, a.owner_team, a.kind, a.effort_days, a.value, a.due, a.status, a.reason, a.link`

// actionItem returns the destinations of Scan for actionItemColumns.
func actionItem(a *debrief.ActionItem, due *string) []any {
	return []any{&a.ID, &a.Title, &a.OwnerTeam, &a.Kind, &a.EffortDays, &a.Value, due, &a.Status, &a.Reason, &a.Link}
}

const acceptedRiskColumns = `r.id, r.risk, r.waiting_for, r.until, r.meanwhile, r.owner_team, r.review_by`

// acceptedRisk returns the destinations of Scan for acceptedRiskColumns.
func acceptedRisk(r *debrief.AcceptedRisk, until, reviewBy *string) []any {
	return []any{&r.ID, &r.Risk, &r.WaitingFor, until, &r.Meanwhile, &r.OwnerTeam, reviewBy}
}

func (db *DB) getActionItem(ctx context.Context, tx *Tx, id string) (debrief.ActionItem, bool, error) {
	var a debrief.ActionItem
	var due string
	err := tx.QueryRow(ctx, `SELECT `+actionItemColumns+` FROM action_items a WHERE a.id = ?`+db.d.ForUpdate(""), id).Scan(actionItem(&a, &due)...)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("read action item %s: %w", id, err)
	}
	a.Due = date(due)
	return a, true, nil
}

func (db *DB) getAcceptedRisk(ctx context.Context, tx *Tx, id string) (debrief.AcceptedRisk, bool, error) {
	var r debrief.AcceptedRisk
	var until, reviewBy string
	err := tx.QueryRow(ctx, `SELECT `+acceptedRiskColumns+` FROM accepted_risks r WHERE r.id = ?`+db.d.ForUpdate(""), id).Scan(acceptedRisk(&r, &until, &reviewBy)...)
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("read accepted risk %s: %w", id, err)
	}
	r.Until, r.ReviewBy = date(until), date(reviewBy)
	return r, true, nil
}

// References returns every postmortem id and the stored items and risks
// with the given ids.
func (db *DB) References(ctx context.Context, actionIDs, riskIDs []string) (*debrief.References, error) {
	d := db.d
	refs := &debrief.References{ActionItems: map[string]debrief.ActionItemRef{}, AcceptedRisks: map[string]debrief.AcceptedRiskRef{},
		Audiences: map[string]debrief.Audience{}}
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		if refs.IDs, err = tx.Strings(ctx, `SELECT id FROM postmortems ORDER BY `+d.Binary("id")); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT `+actionItemColumns+`, p.id, p.restricted, p.teams
			FROM action_items a JOIN postmortem_action_items l ON l.item_id = a.id JOIN postmortems p ON p.pk = l.pk
			WHERE `+d.In("a.id")+` ORDER BY a.id, p.id`, d.List(actionIDs))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a debrief.ActionItem
			var due, pm string
			var restricted bool
			var teams []string
			if err := rows.Scan(append(actionItem(&a, &due), &pm, &restricted, d.ScanList(&teams))...); err != nil {
				return err
			}
			refs.Audiences[pm] = debrief.NewAudience(restricted, teams)
			a.Due = date(due)
			ref := refs.ActionItems[a.ID]
			ref.Item = a
			ref.Postmortems = append(ref.Postmortems, pm)
			refs.ActionItems[a.ID] = ref
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		rows, err = tx.Query(ctx, `SELECT `+acceptedRiskColumns+`, p.id, p.restricted, p.teams
			FROM accepted_risks r JOIN postmortem_accepted_risks l ON l.risk_id = r.id JOIN postmortems p ON p.pk = l.pk
			WHERE `+d.In("r.id")+` ORDER BY r.id, p.id`, d.List(riskIDs))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r debrief.AcceptedRisk
			var until, reviewBy, pm string
			var restricted bool
			var teams []string
			if err := rows.Scan(append(acceptedRisk(&r, &until, &reviewBy), &pm, &restricted, d.ScanList(&teams))...); err != nil {
				return err
			}
			refs.Audiences[pm] = debrief.NewAudience(restricted, teams)
			r.Until, r.ReviewBy = date(until), date(reviewBy)
			ref := refs.AcceptedRisks[r.ID]
			ref.Risk = r
			ref.Postmortems = append(ref.Postmortems, pm)
			refs.AcceptedRisks[r.ID] = ref
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("read the archive's references: %w", err)
	}
	return refs, nil
}

func date(s string) debrief.Date {
	d, _ := debrief.ParseDate(s)
	return d
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
