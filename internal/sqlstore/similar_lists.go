package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/debrief/debrief"
)

// Stored similar lists (debrief.SimilarListService): finding a
// postmortem's similar incidents reads the posting lists of its words and
// hundreds of candidates, some 17 ms at 100,000 postmortems, which a page
// cannot afford. The list is found once per version, as an admin sees it,
// and kept in similar_lists (migration 0800) as JSON. The scores do not
// depend on the viewer, only which candidates are seen does, so the
// postmortems a viewer may see, in the list's order, are the viewer's own
// first ones, as long as the list holds enough of them.

// listed is one postmortem of a stored list: what the page's panel shows
// of it, some 300 bytes of JSON against 1.2 KB for the whole
// debrief.SimilarPostmortem, whose kinds' evidence and shared words are
// spelled out in its reasons.
type listed struct {
	ID, Title      string
	Severity       debrief.Severity
	Status         debrief.Status
	CustomerFacing bool `json:",omitempty"`
	Restricted     bool `json:",omitempty"`
	Date           debrief.Date
	Score          float64
	Reasons        []string
	Linked         bool `json:",omitempty"`
	Actions        debrief.ActionProgress
}

func listedOf(sp *debrief.SimilarPostmortem) listed {
	return listed{ID: sp.ID, Title: sp.Title, Severity: sp.Severity, Status: sp.Status, CustomerFacing: sp.CustomerFacing,
		Restricted: sp.Restricted, Date: sp.Date, Score: sp.Score, Reasons: sp.Reasons, Linked: sp.Linked, Actions: sp.Actions}
}

func (l listed) similar() *debrief.SimilarPostmortem {
	return &debrief.SimilarPostmortem{PostmortemSummary: &debrief.PostmortemSummary{ID: l.ID, Title: l.Title, Severity: l.Severity,
		Status: l.Status, CustomerFacing: l.CustomerFacing, Restricted: l.Restricted, Date: l.Date},
		Score: l.Score, Reasons: l.Reasons, Linked: l.Linked, Actions: l.Actions}
}

// StoredSimilar returns the first limit postmortems of id's stored list
// that v may see now. The list is decoded only as far as it takes: a page
// wants 5 of its 20, and most viewers see the first 5.
func (db *DB) StoredSimilar(ctx context.Context, v debrief.Viewer, id string, limit int) (items []*debrief.SimilarPostmortem, current, ok bool, err error) {
	err = db.ReadTx(ctx, func(tx *Tx) error {
		vis, args := db.Visible(v)
		var version int
		var listVersion, listChanges sql.NullInt64
		var list []byte
		err := tx.QueryRow(ctx, `SELECT p.version, s.version, s.changes, s.items
			FROM postmortems p LEFT JOIN similar_lists s ON s.pk = p.pk
			WHERE p.id = ? AND `+vis, append([]any{id}, args...)...).Scan(&version, &listVersion, &listChanges, &list)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		if !listVersion.Valid || int(listVersion.Int64) != version {
			return nil
		}
		changes, err := tx.changes(ctx)
		if err != nil {
			return err
		}
		current = listChanges.Int64 == changes
		dec := json.NewDecoder(bytes.NewReader(list))
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return fmt.Errorf("the stored list: not a list (%v)", err)
		}
		read := 0
		for len(items) < limit && dec.More() {
			// The next entries, as many as are still wanted, and which
			// of them v sees.
			var next []listed
			for len(next) < limit-len(items) && dec.More() {
				var l listed
				if err := dec.Decode(&l); err != nil {
					return fmt.Errorf("the stored list: %w", err)
				}
				next = append(next, l)
			}
			read += len(next)
			seen, err := db.visibleIDs(ctx, tx, v, next)
			if err != nil {
				return err
			}
			for _, l := range next {
				if seen[l.ID] {
					items = append(items, l.similar())
				}
			}
		}
		// A list shorter than SimilarListLength holds every postmortem
		// similar enough: what v sees of it is all v would find.
		ok = len(items) == limit || (!dec.More() && read < debrief.SimilarListLength)
		if !ok {
			items = nil
		}
		return nil
	})
	if err != nil {
		return nil, false, false, fmt.Errorf("the stored similar incidents of %s: %w", id, err)
	}
	return items, current, ok, nil
}

// visibleIDs returns which of the postmortems of list v may see now.
func (db *DB) visibleIDs(ctx context.Context, tx *Tx, v debrief.Viewer, list []listed) (map[string]bool, error) {
	seen := make(map[string]bool, len(list))
	if len(list) == 0 {
		return seen, nil
	}
	ids := make([]string, len(list))
	for i, l := range list {
		ids[i] = l.ID
	}
	vis, args := db.Visible(v)
	found, err := tx.Strings(ctx, `SELECT p.id FROM postmortems p WHERE `+db.d.In("p.id")+` AND `+vis,
		append([]any{db.d.List(ids)}, args...)...)
	if err != nil {
		return nil, err
	}
	for _, id := range found {
		seen[id] = true
	}
	return seen, nil
}

// StoreSimilar finds the postmortems most like id as an admin sees them
// and keeps them as its list, unless id changed meanwhile.
func (db *DB) StoreSimilar(ctx context.Context, id string) error {
	var items []*debrief.SimilarPostmortem
	var version int
	var changes int64
	err := db.SearchTx(ctx, func(tx *Tx) error {
		var err error
		// Counted first: a change during the look-up leaves the list
		// out of date, so that it is found again.
		if changes, err = tx.changes(ctx); err != nil {
			return err
		}
		p, err := db.findByID(ctx, tx, debrief.Operator, id)
		if err != nil {
			return err
		}
		version = p.Version
		if items, err = db.similar(ctx, tx, debrief.Operator, p, debrief.SimilarListLength); err != nil {
			return err
		}
		items = debrief.SpellAll(p, items)
		return nil
	})
	if err != nil {
		return fmt.Errorf("find the similar incidents of %s: %w", id, err)
	}
	kept := make([]listed, len(items))
	for i, sp := range items {
		kept[i] = listedOf(sp)
	}
	list, err := json.Marshal(kept)
	if err != nil {
		return fmt.Errorf("keep the similar incidents of %s: %w", id, err)
	}
	err = db.WriteTx(ctx, func(tx *Tx) error {
		var pk int64
		err := tx.QueryRow(ctx, `SELECT pk FROM postmortems WHERE id = ? AND version = ?`, id, version).Scan(&pk)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // changed or gone since: its next list is found anew
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM similar_lists WHERE pk = ?`, pk); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO similar_lists (pk, version, changes, items) VALUES (?, ?, ?, ?)`, pk, version, changes, string(list))
		return err
	})
	if err != nil {
		return fmt.Errorf("keep the similar incidents of %s: %w", id, err)
	}
	return nil
}

// Unlisted returns the ids of up to n postmortems without a list for their
// current version, in the archive's order: the newest incidents first.
func (db *DB) Unlisted(ctx context.Context, n int) ([]string, error) {
	var ids []string
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		ids, err = tx.Strings(ctx, `SELECT p.id FROM postmortems p LEFT JOIN similar_lists s ON s.pk = p.pk
			WHERE s.pk IS NULL OR s.version != p.version ORDER BY p.incident_date DESC, p.id DESC LIMIT ?`, n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("the postmortems without similar incidents: %w", err)
	}
	return ids, nil
}
