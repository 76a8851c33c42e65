package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/archive"
	"github.com/jackc/pgx/v5"
)

// putShared links p's action items and accepted risks to the postmortem pk,
// storing the new ones and changing the stored ones that p changes. With a
// saver, an item or risk that other postmortems list too must keep the
// sharing rule (debrief.CheckShared), and the other postmortems that list
// a changed one are rewritten to say the same, so that every file agrees.
// Reading an item or risk locks it, so that two saves that list the same
// one check the rule one after the other.
func (db *DB) putShared(ctx context.Context, tx pgx.Tx, pk int64, p *debrief.Postmortem, saver *debrief.Viewer) error {
	oldItems, err := queryStrings(ctx, tx, `DELETE FROM postmortem_action_items WHERE pk = $1 RETURNING item_id`, pk)
	if err != nil {
		return err
	}
	oldRisks, err := queryStrings(ctx, tx, `DELETE FROM postmortem_accepted_risks WHERE pk = $1 RETURNING risk_id`, pk)
	if err != nil {
		return err
	}
	items := map[string]debrief.ActionItem{}
	for i, a := range p.ActionItems {
		cur, found, err := getActionItem(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if found && saver != nil {
			if err := checkShared(ctx, tx, *saver, p, "action item", a.ID); err != nil {
				return err
			}
		}
		switch {
		case !found:
			_, err = tx.Exec(ctx, `INSERT INTO action_items (id, title, owner_team, kind, effort_days, value, due, status, reason, link)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
				a.ID, a.Title, a.OwnerTeam, string(a.Kind), a.EffortDays, a.Value, a.Due.String(), string(a.Status), a.Reason, a.Link)
		case cur != a:
			items[a.ID] = a
			_, err = tx.Exec(ctx, `UPDATE action_items SET title = $1, owner_team = $2, kind = $3, effort_days = $4, value = $5,
				due = $6, status = $7, reason = $8, link = $9 WHERE id = $10`,
				a.Title, a.OwnerTeam, string(a.Kind), a.EffortDays, a.Value, a.Due.String(), string(a.Status), a.Reason, a.Link, a.ID)
		}
		if err != nil {
			return fmt.Errorf("save action item %s of %s: %w", a.ID, p.ID, err)
		}
		if err := db.recordItem(ctx, tx, saver, p.ID, found, cur, a); err != nil {
			return fmt.Errorf("record the change of action item %s: %w", a.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_action_items (pk, item_id, position) VALUES ($1, $2, $3)`, pk, a.ID, i); err != nil {
			return fmt.Errorf("save action item %s of %s: %w", a.ID, p.ID, err)
		}
	}
	risks := map[string]debrief.AcceptedRisk{}
	for i, r := range p.AcceptedRisks {
		cur, found, err := getAcceptedRisk(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		if found && saver != nil {
			if err := checkShared(ctx, tx, *saver, p, "accepted risk", r.ID); err != nil {
				return err
			}
		}
		switch {
		case !found:
			_, err = tx.Exec(ctx, `INSERT INTO accepted_risks (id, risk, waiting_for, until, meanwhile, owner_team, review_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				r.ID, r.Risk, r.WaitingFor, r.Until.String(), r.Meanwhile, r.OwnerTeam, r.ReviewBy.String())
		case cur != r:
			risks[r.ID] = r
			_, err = tx.Exec(ctx, `UPDATE accepted_risks SET risk = $1, waiting_for = $2, until = $3, meanwhile = $4,
				owner_team = $5, review_by = $6 WHERE id = $7`,
				r.Risk, r.WaitingFor, r.Until.String(), r.Meanwhile, r.OwnerTeam, r.ReviewBy.String(), r.ID)
		}
		if err != nil {
			return fmt.Errorf("save accepted risk %s of %s: %w", r.ID, p.ID, err)
		}
		if err := db.recordRisk(ctx, tx, saver, p.ID, found, cur, r); err != nil {
			return fmt.Errorf("record the change of accepted risk %s: %w", r.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_accepted_risks (pk, risk_id, position) VALUES ($1, $2, $3)`, pk, r.ID, i); err != nil {
			return fmt.Errorf("save accepted risk %s of %s: %w", r.ID, p.ID, err)
		}
	}
	// Items and risks that no postmortem lists any more go.
	if len(oldItems) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM action_items a WHERE a.id = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM postmortem_action_items l WHERE l.item_id = a.id)`, oldItems); err != nil {
			return err
		}
	}
	if len(oldRisks) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM accepted_risks r WHERE r.id = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM postmortem_accepted_risks l WHERE l.risk_id = r.id)`, oldRisks); err != nil {
			return err
		}
	}
	if saver == nil || len(items)+len(risks) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT pk FROM postmortem_action_items WHERE item_id = ANY($1) AND pk != $2
		UNION SELECT pk FROM postmortem_accepted_risks WHERE risk_id = ANY($3) AND pk != $2
		ORDER BY 1`, keys(items), pk, keys(risks))
	if err != nil {
		return err
	}
	others, err := pgx.CollectRows(rows, pgx.RowTo[int64])
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

// rewrite changes the action items and accepted risks of the postmortem pk
// that have an id in items or risks to say what those say, as its next
// version.
func (db *DB) rewrite(ctx context.Context, tx pgx.Tx, pk int64, items map[string]debrief.ActionItem, risks map[string]debrief.AcceptedRisk) error {
	var id string
	if err := tx.QueryRow(ctx, `SELECT id FROM postmortems WHERE pk = $1`, pk).Scan(&id); err != nil {
		return err
	}
	old, err := getStored(ctx, tx, id)
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
	file, c, err := archive.Canonical(&q)
	if err != nil {
		return fmt.Errorf("rewrite %s with the shared items: %w", id, err)
	}
	if bytes.Equal(file, old.file) {
		return nil
	}
	return db.put(ctx, tx, c, file, old, nil)
}

// sharedTables names the link table and its id column of an action item
// and of an accepted risk.
var sharedTables = map[string][2]string{
	"action item":   {"postmortem_action_items", "item_id"},
	"accepted risk": {"postmortem_accepted_risks", "risk_id"},
}

// checkShared applies the sharing rule to p, which saver saves and which
// lists the stored action item or accepted risk id (what says which). p's
// own links are deleted by then, so the links found are the others'.
func checkShared(ctx context.Context, tx pgx.Tx, saver debrief.Viewer, p *debrief.Postmortem, what, id string) error {
	t := sharedTables[what]
	rows, err := tx.Query(ctx, `SELECT p.id, p.restricted, p.teams FROM `+t[0]+` l JOIN postmortems p ON p.pk = l.pk
		WHERE l.`+t[1]+` = $1 ORDER BY p.id`, id)
	if err != nil {
		return fmt.Errorf("read the postmortems that list %s %s: %w", what, id, err)
	}
	defer rows.Close()
	var links []debrief.SharedLink
	for rows.Next() {
		var l debrief.SharedLink
		var restricted bool
		var teams []string
		if err := rows.Scan(&l.ID, &restricted, &teams); err != nil {
			return err
		}
		l.Audience = debrief.NewAudience(restricted, teams)
		links = append(links, l)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return debrief.CheckShared(saver, p, what, id, links)
}

func getActionItem(ctx context.Context, tx pgx.Tx, id string) (debrief.ActionItem, bool, error) {
	var a debrief.ActionItem
	var kind, status, due string
	err := tx.QueryRow(ctx, `SELECT id, title, owner_team, kind, effort_days, value, due, status, reason, link
		FROM action_items WHERE id = $1 FOR UPDATE`, id).Scan(&a.ID, &a.Title, &a.OwnerTeam, &kind, &a.EffortDays, &a.Value, &due, &status, &a.Reason, &a.Link)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("read action item %s: %w", id, err)
	}
	a.Kind, a.Status, a.Due = debrief.ActionKind(kind), debrief.ActionStatus(status), date(due)
	return a, true, nil
}

func getAcceptedRisk(ctx context.Context, tx pgx.Tx, id string) (debrief.AcceptedRisk, bool, error) {
	var r debrief.AcceptedRisk
	var until, reviewBy string
	err := tx.QueryRow(ctx, `SELECT id, risk, waiting_for, until, meanwhile, owner_team, review_by
		FROM accepted_risks WHERE id = $1 FOR UPDATE`, id).Scan(&r.ID, &r.Risk, &r.WaitingFor, &until, &r.Meanwhile, &r.OwnerTeam, &reviewBy)
	if errors.Is(err, pgx.ErrNoRows) {
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
	refs := &debrief.References{ActionItems: map[string]debrief.ActionItemRef{}, AcceptedRisks: map[string]debrief.AcceptedRiskRef{},
		Audiences: map[string]debrief.Audience{}}
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		var err error
		if refs.IDs, err = queryStrings(ctx, tx, `SELECT id FROM postmortems ORDER BY id`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT a.id, a.title, a.owner_team, a.kind, a.effort_days, a.value, a.due, a.status, a.reason, a.link,
				p.id, p.restricted, p.teams
			FROM action_items a JOIN postmortem_action_items l ON l.item_id = a.id JOIN postmortems p ON p.pk = l.pk
			WHERE a.id = ANY($1) ORDER BY a.id, p.id`, nonNil(actionIDs))
		if err != nil {
			return err
		}
		for rows.Next() {
			var a debrief.ActionItem
			var kind, status, due, pm string
			var restricted bool
			var teams []string
			if err := rows.Scan(&a.ID, &a.Title, &a.OwnerTeam, &kind, &a.EffortDays, &a.Value, &due, &status, &a.Reason, &a.Link, &pm, &restricted, &teams); err != nil {
				rows.Close()
				return err
			}
			refs.Audiences[pm] = debrief.NewAudience(restricted, teams)
			a.Kind, a.Status, a.Due = debrief.ActionKind(kind), debrief.ActionStatus(status), date(due)
			ref := refs.ActionItems[a.ID]
			ref.Item = a
			ref.Postmortems = append(ref.Postmortems, pm)
			refs.ActionItems[a.ID] = ref
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT r.id, r.risk, r.waiting_for, r.until, r.meanwhile, r.owner_team, r.review_by,
				p.id, p.restricted, p.teams
			FROM accepted_risks r JOIN postmortem_accepted_risks l ON l.risk_id = r.id JOIN postmortems p ON p.pk = l.pk
			WHERE r.id = ANY($1) ORDER BY r.id, p.id`, nonNil(riskIDs))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r debrief.AcceptedRisk
			var until, reviewBy, pm string
			var restricted bool
			var teams []string
			if err := rows.Scan(&r.ID, &r.Risk, &r.WaitingFor, &until, &r.Meanwhile, &r.OwnerTeam, &reviewBy, &pm, &restricted, &teams); err != nil {
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

func queryStrings(ctx context.Context, tx pgx.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
