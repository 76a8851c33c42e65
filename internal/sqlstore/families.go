package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/debrief/debrief"
)

// kinLimit bounds how many earlier or later incidents Recurrences reads.
const kinLimit = 200

// recurrenceScan bounds how many of the newest postmortems of each of a
// postmortem's services Recurrences looks at.
const recurrenceScan = 2000

// Families lists the archive's families, largest first.
func (db *DB) Families(ctx context.Context, v debrief.Viewer) ([]debrief.FamilySummary, error) {
	var out []debrief.FamilySummary
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		rows, err := tx.Query(ctx, `SELECT k.kind, count(*), min(p.incident_date), max(p.incident_date)
			FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.family AND `+vis+` GROUP BY k.kind ORDER BY count(*) DESC, `+db.d.Binary("k.kind"), args...)
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
	err := db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		pks, err := tx.Int64s(ctx, `SELECT p.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
			WHERE k.kind = ? AND k.family AND `+vis, append([]any{id}, args...)...)
		if err != nil {
			return err
		}
		kin, err := db.loadKin(ctx, tx, pks)
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
	d := db.d
	var out []debrief.Recurrence
	err := db.ReadTx(ctx, func(tx *Tx) error {
		kinds, err := db.storedKinds(ctx, tx, p)
		if err != nil {
			return err
		}
		target := &debrief.Kin{Summary: p.Summary(), Kinds: kinds, ActionItems: p.ActionItems}
		fam := debrief.FamilyKinds(target.Kinds)
		if len(fam) == 0 {
			return nil
		}
		vis, args := db.Visible(v)
		var items []string
		for _, a := range p.ActionItems {
			items = append(items, a.ID)
		}
		// The incidents of its families that share a service or an action
		// item with it: the only ones Recurrences counts. Those of a
		// service are its newest recurrenceScan, read from the service's
		// index, so that a page costs the same in an archive of any size.
		var near []int64
		for _, svc := range debrief.Keys(p.Services) {
			more, err := tx.Int64s(ctx, `SELECT pk FROM postmortem_services WHERE service = ? ORDER BY pk DESC LIMIT ?`, svc, recurrenceScan)
			if err != nil {
				return err
			}
			near = append(near, more...)
		}
		shared, err := tx.Int64s(ctx, `SELECT pk FROM postmortem_action_items WHERE `+d.In("item_id"), d.List(items))
		if err != nil {
			return err
		}
		near = append(near, shared...)
		pks, err := tx.Int64s(ctx, `SELECT p.pk FROM postmortems p WHERE `+d.In("p.pk")+`
			AND p.id != ? AND `+vis+`
			AND EXISTS (SELECT 1 FROM postmortem_kinds k WHERE k.pk = p.pk AND k.family AND `+d.In("k.kind")+`)
			ORDER BY p.incident_date DESC LIMIT ?`,
			append(append([]any{d.List(near), p.ID}, args...), d.List(fam), kinLimit)...)
		if err != nil {
			return err
		}
		kin, err := db.loadKin(ctx, tx, pks)
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

// storedKinds returns p's kinds: those stored with it when p is the stored
// version of a postmortem, otherwise (a draft, an edit not saved yet)
// inferred from its text.
func (db *DB) storedKinds(ctx context.Context, tx *Tx, p *debrief.Postmortem) ([]debrief.KindMatch, error) {
	if p.Version > 0 {
		var version int
		var derived string
		err := tx.QueryRow(ctx, `SELECT p.version, d.derived FROM postmortems p JOIN documents d ON d.pk = p.pk WHERE p.id = ?`, p.ID).Scan(&version, &derived)
		switch {
		case err == nil && version == p.Version:
			return debrief.DerivedKinds(derived), nil
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	return p.FeaturesWith(db.kinds).Kinds, nil
}

// loadKin reads the postmortems pks with their kinds and action items.
func (db *DB) loadKin(ctx context.Context, tx *Tx, pks []int64) ([]*debrief.Kin, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	d := db.d
	rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+` FROM postmortems p WHERE `+d.In("p.pk"), d.List(pks))
	if err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	got, err := db.ScanSummaries(rows, page)
	if err != nil {
		return nil, err
	}
	byPK := make(map[int64]*debrief.Kin, len(got))
	out := make([]*debrief.Kin, len(got))
	for i, pk := range got {
		out[i] = &debrief.Kin{Summary: page.Items[i]}
		byPK[pk] = out[i]
	}
	// Only the kinds of what was derived: a family never compares words.
	rows, err = tx.Query(ctx, `SELECT d.pk, d.derived FROM documents d WHERE `+d.In("d.pk"), d.List(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var derived string
		if err := rows.Scan(&pk, &derived); err != nil {
			return nil, err
		}
		byPK[pk].Kinds = debrief.DerivedKinds(derived)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	rows, err = tx.Query(ctx, `SELECT l.pk, `+actionItemColumns+`
		FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id
		WHERE `+d.In("l.pk")+` ORDER BY l.pk, l.position`, d.List(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		var a debrief.ActionItem
		var due string
		if err := rows.Scan(append([]any{&pk}, actionItem(&a, &due)...)...); err != nil {
			return nil, err
		}
		a.Due = date(due)
		byPK[pk].ActionItems = append(byPK[pk].ActionItems, a)
	}
	return out, rows.Err()
}
