package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/debrief/debrief"
)

// UseKinds sets the incident kinds the store infers (the defaults until it
// is called) and, when the stored kinds and weighted words were derived with
// other kinds or an older method, derives them again for every postmortem.
func (db *DB) UseKinds(ctx context.Context, ks *debrief.KindSet) error {
	db.kinds = ks
	var with string
	if err := db.write.QueryRowContext(ctx, `SELECT derived_with FROM archive_stats`).Scan(&with); err != nil {
		return fmt.Errorf("read the archive's statistics: %w", err)
	}
	if with == ks.Fingerprint() {
		return nil
	}
	return db.rederive(ctx)
}

// rederiveBatch is how many postmortems rederive derives per transaction.
const rederiveBatch = 500

// rederive derives every postmortem's terms, weights and kinds again, in
// batches of one transaction each, and records the kinds it used.
func (db *DB) rederive(ctx context.Context) error {
	last := ""
	for {
		var ids []string
		err := db.writeTx(ctx, func(tx *sql.Tx) error {
			var err error
			ids, err = queryStrings(ctx, tx, `SELECT id FROM postmortems WHERE id > ? ORDER BY id LIMIT ?`, last, rederiveBatch)
			if err != nil {
				return err
			}
			for _, id := range ids {
				s, err := db.getStored(ctx, tx, id)
				if err != nil {
					return err
				}
				if err := db.derive(ctx, tx, s); err != nil {
					return err
				}
			}
			if len(ids) < rederiveBatch {
				_, err = db.exec(ctx, tx, `UPDATE archive_stats SET derived_with = ?`, db.kinds.Fingerprint())
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("derive kinds and words again: %w", err)
		}
		if len(ids) < rederiveBatch {
			return nil
		}
		last = ids[len(ids)-1]
	}
}

// derive writes what is derived from the stored postmortem's text again:
// its terms and their indexes and frequencies, weights and kinds.
func (db *DB) derive(ctx context.Context, tx *sql.Tx, s *stored) error {
	feats := s.postmortem.FeaturesWith(db.kinds)
	if err := db.unindex(ctx, tx, s.pk); err != nil {
		return err
	}
	db.indexLater(s.pk)
	if _, err := db.exec(ctx, tx, `UPDATE documents SET terms = ?, derived = ? WHERE pk = ?`,
		joinTerms(feats.Terms), feats.Derived(), s.pk); err != nil {
		return err
	}
	if _, err := db.exec(ctx, tx, `DELETE FROM postmortem_kinds WHERE pk = ?`, s.pk); err != nil {
		return err
	}
	if err := db.putKinds(ctx, tx, s.pk, feats.Kinds); err != nil {
		return err
	}
	return db.updateDF(ctx, tx, s.terms, feats.Terms)
}

// putKinds records the kinds of the postmortem pk.
func (db *DB) putKinds(ctx context.Context, tx *sql.Tx, pk int64, kinds []debrief.KindMatch) error {
	fam := debrief.FamilyKinds(kinds)
	for _, k := range kinds {
		if _, err := db.exec(ctx, tx, `INSERT INTO postmortem_kinds (pk, kind, score, confirmed, family) VALUES (?, ?, ?, ?, ?)`,
			pk, k.ID, k.Score, k.Confirmed, slices.Contains(fam, k.ID)); err != nil {
			return err
		}
	}
	return nil
}

// kindCandidates returns postmortems that share one of the kinds, the most
// certain and newest first.
func kindCandidates(ctx context.Context, tx *sql.Tx, kinds []debrief.KindMatch, limit int) ([]int64, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	ids := make([]string, len(kinds))
	for i, k := range kinds {
		ids[i] = k.ID
	}
	return queryInt64s(ctx, tx, `SELECT k.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
		WHERE k.kind IN (SELECT value FROM json_each(?))
		GROUP BY k.pk ORDER BY max(k.score) DESC, max(p.incident_date) DESC, k.pk DESC LIMIT ?`, jsonArray(ids), limit)
}

// splitTerms reads the terms column.
func splitTerms(s string) []string { return strings.Fields(s) }
