package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

// kindsLock is the advisory lock that keeps two replicas from deriving the
// kinds again at the same time.
const kindsLock = migrateLock + 1

// UseKinds sets the incident kinds the store infers (the defaults until it
// is called) and, when the stored kinds and weighted words were derived with
// other kinds or an older method, derives them again for every postmortem.
// Replicas that start together take turns; the first does the work.
func (db *DB) UseKinds(ctx context.Context, ks *debrief.KindSet) error {
	db.kinds = ks
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("derive kinds: %w", err)
	}
	defer conn.Release()
	var with string
	if err := conn.QueryRow(ctx, `SELECT derived_with FROM archive_stats`).Scan(&with); err != nil {
		return fmt.Errorf("read the archive's statistics: %w", err)
	}
	if with == ks.Fingerprint() {
		return nil
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, kindsLock); err != nil {
		return fmt.Errorf("derive kinds: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, kindsLock)
	return db.rederive(ctx, ks.Fingerprint())
}

// rederiveBatch is how many postmortems rederive derives per transaction.
const rederiveBatch = 500

// rederive derives every postmortem's terms, weights and kinds again, in
// batches of one transaction each, and records the kinds it used.
func (db *DB) rederive(ctx context.Context, fingerprint string) error {
	last := ""
	for {
		var ids []string
		err := db.writeTx(ctx, func(tx pgx.Tx) error {
			var with string
			if err := tx.QueryRow(ctx, `SELECT derived_with FROM archive_stats`).Scan(&with); err != nil {
				return err
			}
			if with == fingerprint {
				return nil // another replica did it
			}
			rows, err := tx.Query(ctx, `SELECT id FROM postmortems WHERE id > $1 ORDER BY id COLLATE "C" LIMIT $2`, last, rederiveBatch)
			if err != nil {
				return err
			}
			if ids, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
				return err
			}
			for _, id := range ids {
				s, err := getStored(ctx, tx, id)
				if err != nil {
					return err
				}
				if err := db.derive(ctx, tx, s); err != nil {
					return err
				}
			}
			if len(ids) < rederiveBatch {
				_, err = tx.Exec(ctx, `UPDATE archive_stats SET derived_with = $1`, fingerprint)
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
// its terms and their frequencies, weights and kinds.
func (db *DB) derive(ctx context.Context, tx pgx.Tx, s *stored) error {
	feats := s.postmortem.FeaturesWith(db.kinds)
	terms := feats.Terms
	if terms == nil {
		terms = []string{}
	}
	if _, err := tx.Exec(ctx, `UPDATE documents SET terms = $1, derived = $2 WHERE pk = $3`, terms, feats.Derived(), s.pk); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM postmortem_kinds WHERE pk = $1`, s.pk); err != nil {
		return err
	}
	if err := putKinds(ctx, tx, s.pk, feats.Kinds); err != nil {
		return err
	}
	return updateDF(ctx, tx, s.terms, terms)
}

// putKinds records the kinds of the postmortem pk.
func putKinds(ctx context.Context, tx pgx.Tx, pk int64, kinds []debrief.KindMatch) error {
	fam := debrief.FamilyKinds(kinds)
	for _, k := range kinds {
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_kinds (pk, kind, score, confirmed, family) VALUES ($1, $2, $3, $4, $5)`,
			pk, k.ID, k.Score, k.Confirmed, slices.Contains(fam, k.ID)); err != nil {
			return err
		}
	}
	return nil
}

// kindCandidates returns postmortems that share one of the kinds, the most
// certain and newest first.
func kindCandidates(ctx context.Context, tx pgx.Tx, kinds []debrief.KindMatch, limit int) ([]int64, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	ids := make([]string, len(kinds))
	for i, k := range kinds {
		ids[i] = k.ID
	}
	rows, err := tx.Query(ctx, `SELECT k.pk FROM postmortem_kinds k JOIN postmortems p ON p.pk = k.pk
		WHERE k.kind = ANY($1)
		GROUP BY k.pk ORDER BY max(k.score) DESC, max(p.incident_date) DESC, k.pk DESC LIMIT $2`, ids, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
