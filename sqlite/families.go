package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/debrief/debrief"
)

// kinLimit bounds how many earlier or later incidents Recurrences reads.
const kinLimit = 200

// Families lists the archive's families, largest first.
func (db *DB) Families(ctx context.Context, v debrief.Viewer) ([]debrief.FamilySummary, error) {
	var out []debrief.FamilySummary
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		vis, args := visible(v)
		rows, err := tx.QueryContext(ctx, `SELECT k.kind, count(*), min(p.incident_date), max(p.incident_date)
			FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.family AND `+vis+` GROUP BY k.kind ORDER BY count(*) DESC, k.kind`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f debrief.FamilySummary
			var id, first, last string
			if err := rows.Scan(&id, &f.Incidents, &first, &last); err != nil {
				return err
			}
			kind, ok := db.kinds.Kind(id)
			if !ok {
				continue // a kind the configuration no longer has
			}
			f.Kind, f.First, f.Last = kind, date(first), date(last)
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list families: %w", err)
	}
	return out, nil
}

// Family returns the family of one kind.
func (db *DB) Family(ctx context.Context, v debrief.Viewer, id string) (*debrief.Family, error) {
	kind, ok := db.kinds.Kind(id)
	if !ok {
		return nil, debrief.Errorf(debrief.ENOTFOUND, "there is no incident kind %q: docs/kinds.md lists the kinds", id)
	}
	var f *debrief.Family
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		vis, args := visible(v)
		pks, err := queryInt64s(ctx, tx, `SELECT p.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.kind = ? AND k.family AND `+vis, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		kin, err := loadKin(ctx, tx, pks)
		if err != nil {
			return err
		}
		f = debrief.BuildFamily(kind, kin, nil, debrief.DateOf(db.Now().UTC()))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the family %s: %w", id, err)
	}
	return f, nil
}

// Recurrences returns the recurrences that involve p.
func (db *DB) Recurrences(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem) ([]debrief.Recurrence, error) {
	target := &debrief.Kin{Summary: p.Summary(), Kinds: p.FeaturesWith(db.kinds).Kinds, ActionItems: p.ActionItems}
	fam := debrief.FamilyKinds(target.Kinds)
	if len(fam) == 0 {
		return nil, nil
	}
	var out []debrief.Recurrence
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		vis, args := visible(v)
		var items []string
		for _, a := range p.ActionItems {
			items = append(items, a.ID)
		}
		// The incidents of its families that share a service or an action
		// item with it: the only ones Recurrences counts.
		pks, err := queryInt64s(ctx, tx, `SELECT DISTINCT p.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.family AND k.kind IN (SELECT value FROM json_each(?)) AND p.id != ? AND `+vis+` AND (
				EXISTS (SELECT 1 FROM postmortem_services s WHERE s.pk = p.pk AND s.service IN (SELECT value FROM json_each(?)))
				OR EXISTS (SELECT 1 FROM postmortem_action_items i WHERE i.pk = p.pk AND i.item_id IN (SELECT value FROM json_each(?))))
			ORDER BY p.incident_date DESC LIMIT ?`,
			append(append([]any{jsonArray(fam), p.ID}, args...),
				jsonArray(debrief.Keys(p.Services)), jsonArray(items), kinLimit)...)
		if err != nil {
			return err
		}
		kin, err := loadKin(ctx, tx, pks)
		if err != nil {
			return err
		}
		out = debrief.Recurrences(target, kin, nil, debrief.DateOf(db.Now().UTC()))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recurrences of %s: %w", p.ID, err)
	}
	return out, nil
}

// loadKin reads the postmortems pks with their kinds and action items.
func loadKin(ctx context.Context, tx *sql.Tx, pks []int64) ([]*debrief.Kin, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM postmortems p
		WHERE p.pk IN (SELECT value FROM json_each(?))`, int64Array(pks))
	if err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	got, err := scanSummaries(rows, page)
	if err != nil {
		return nil, err
	}
	byPK := make(map[int64]*debrief.Kin, len(got))
	out := make([]*debrief.Kin, len(got))
	for i, pk := range got {
		out[i] = &debrief.Kin{Summary: page.Items[i]}
		byPK[pk] = out[i]
	}
	rows, err = tx.QueryContext(ctx, `SELECT d.pk, d.terms, d.derived FROM documents d
		WHERE d.pk IN (SELECT value FROM json_each(?))`, int64Array(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var terms, derived string
		if err := rows.Scan(&pk, &terms, &derived); err != nil {
			return nil, err
		}
		f := debrief.Features{Terms: splitTerms(terms)}
		f.SetDerived(derived)
		byPK[pk].Kinds = f.Kinds
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT l.pk, a.id, a.title, a.owner_team, a.kind, a.effort_days, a.value, a.due, a.status, a.reason, a.link
		FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id
		WHERE l.pk IN (SELECT value FROM json_each(?)) ORDER BY l.pk, l.position`, int64Array(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var a debrief.ActionItem
		var due string
		if err := rows.Scan(&pk, &a.ID, &a.Title, &a.OwnerTeam, &a.Kind, &a.EffortDays, &a.Value, &due, &a.Status, &a.Reason, &a.Link); err != nil {
			return nil, err
		}
		a.Due = date(due)
		byPK[pk].ActionItems = append(byPK[pk].ActionItems, a)
	}
	return out, rows.Err()
}
