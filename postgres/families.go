package postgres

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

// kinLimit bounds how many earlier or later incidents Recurrences reads.
const kinLimit = 200

// Families lists the archive's families, largest first.
func (db *DB) Families(ctx context.Context, v debrief.Viewer) ([]debrief.FamilySummary, error) {
	var out []debrief.FamilySummary
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		a := &args{}
		vis := visible(a, v)
		rows, err := tx.Query(ctx, `SELECT k.kind, count(*), min(p.incident_date), max(p.incident_date)
			FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.family AND `+vis+` GROUP BY k.kind ORDER BY count(*) DESC, k.kind COLLATE "C"`, a.list...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f debrief.FamilySummary
			var id, first, last string
			var n int64
			if err := rows.Scan(&id, &n, &first, &last); err != nil {
				return err
			}
			kind, ok := db.kinds.Kind(id)
			if !ok {
				continue // a kind the configuration no longer has
			}
			f.Kind, f.Incidents, f.First, f.Last = kind, int(n), date(first), date(last)
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
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		a := &args{}
		kindArg := a.add(id)
		vis := visible(a, v)
		rows, err := tx.Query(ctx, `SELECT p.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.kind = `+kindArg+` AND k.family AND `+vis, a.list...)
		if err != nil {
			return err
		}
		pks, err := pgx.CollectRows(rows, pgx.RowTo[int64])
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
	err := db.readTx(ctx, func(tx pgx.Tx) error {
		items := []string{}
		for _, it := range p.ActionItems {
			items = append(items, it.ID)
		}
		a := &args{}
		famArg, idArg := a.add(fam), a.add(p.ID)
		vis := visible(a, v)
		serviceArg, itemArg, limitArg := a.add(nonNil(debrief.Keys(p.Services))), a.add(items), a.add(kinLimit)
		// The incidents of its families that share a service or an action
		// item with it: the only ones Recurrences counts.
		rows, err := tx.Query(ctx, `SELECT p.pk FROM postmortems p WHERE p.pk IN (
				SELECT k.pk FROM postmortem_kinds k WHERE k.family AND k.kind = ANY(`+famArg+`))
			AND p.id != `+idArg+` AND `+vis+` AND (
				EXISTS (SELECT 1 FROM postmortem_services s WHERE s.pk = p.pk AND s.service = ANY(`+serviceArg+`))
				OR EXISTS (SELECT 1 FROM postmortem_action_items i WHERE i.pk = p.pk AND i.item_id = ANY(`+itemArg+`)))
			ORDER BY p.incident_date DESC LIMIT `+limitArg, a.list...)
		if err != nil {
			return err
		}
		pks, err := pgx.CollectRows(rows, pgx.RowTo[int64])
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
func loadKin(ctx context.Context, tx pgx.Tx, pks []int64) ([]*debrief.Kin, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, 0.0, 0::bigint FROM postmortems p WHERE p.pk = ANY($1)`, pks)
	if err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	got, err := scanSummaries(rows, page, false)
	if err != nil {
		return nil, err
	}
	byPK := make(map[int64]*debrief.Kin, len(got))
	out := make([]*debrief.Kin, len(got))
	for i, pk := range got {
		out[i] = &debrief.Kin{Summary: page.Items[i]}
		byPK[pk] = out[i]
	}
	rows, err = tx.Query(ctx, `SELECT d.pk, d.terms, d.derived FROM documents d WHERE d.pk = ANY($1)`, pks)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var pk int64
		var terms []string
		var derived string
		if err := rows.Scan(&pk, &terms, &derived); err != nil {
			rows.Close()
			return nil, err
		}
		f := debrief.Features{Terms: terms}
		f.SetDerived(derived)
		byPK[pk].Kinds = f.Kinds
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.Query(ctx, `SELECT l.pk, a.id, a.title, a.owner_team, a.kind, a.effort_days, a.value, a.due, a.status, a.reason, a.link
		FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id
		WHERE l.pk = ANY($1) ORDER BY l.pk, l.position`, pks)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var a debrief.ActionItem
		var kind, status, due string
		if err := rows.Scan(&pk, &a.ID, &a.Title, &a.OwnerTeam, &kind, &a.EffortDays, &a.Value, &due, &status, &a.Reason, &a.Link); err != nil {
			return nil, err
		}
		a.Kind, a.Status, a.Due = debrief.ActionKind(kind), debrief.ActionStatus(status), date(due)
		byPK[pk].ActionItems = append(byPK[pk].ActionItems, a)
	}
	return out, rows.Err()
}
