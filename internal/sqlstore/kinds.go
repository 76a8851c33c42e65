package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/debrief/debrief"
)

// kindsLock is the lock that keeps two replicas from deriving the kinds
// again at the same time (Dialect.Lock).
const kindsLock = migrateLock + 1

// UseKinds sets the incident kinds the store infers (the defaults until it
// is called) and, when the stored kinds and weighted words were derived with
// other kinds or an older method, derives them again for every postmortem.
// Replicas that start together take turns; the first does the work.
func (db *DB) UseKinds(ctx context.Context, ks *debrief.KindSet) error {
	db.kinds = ks
	if err := db.fillTitleKeys(ctx); err != nil {
		return err
	}
	if err := db.fillDecoded(ctx); err != nil {
		return err
	}
	with, err := db.derivedWith(ctx)
	if err != nil {
		return fmt.Errorf("read the archive's statistics: %w", err)
	}
	if with == ks.Fingerprint() {
		return nil
	}
	unlock, err := db.d.Lock(ctx, kindsLock)
	if err != nil {
		return fmt.Errorf("derive kinds: %w", err)
	}
	defer unlock()
	return db.rederive(ctx, ks.Fingerprint())
}

func (db *DB) derivedWith(ctx context.Context) (string, error) {
	var with string
	err := db.Write.QueryRowContext(ctx, `SELECT derived_with FROM archive_stats`).Scan(&with)
	return with, err
}

// rederiveBatch is how many postmortems rederive derives per transaction.
const rederiveBatch = 500

// rederive derives every postmortem's terms, weights and kinds again, in
// batches of one transaction each, and records the kinds it used.
func (db *DB) rederive(ctx context.Context, fingerprint string) error {
	err := db.walk(ctx, "1 = 1", nil, rederiveBatch, func(tx *Tx) (bool, error) {
		var with string
		err := tx.QueryRow(ctx, `SELECT derived_with FROM archive_stats`).Scan(&with)
		return with != fingerprint, err // equal: another replica did it
	}, func(s *stored) any {
		return db.derivationOf(s)
	}, func(tx *Tx, s *stored, d any) error {
		return db.derive(ctx, tx, s, d.(derivation))
	}, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE archive_stats SET derived_with = ?`, fingerprint)
		return err
	})
	if err != nil {
		return fmt.Errorf("derive kinds and words again: %w", err)
	}
	return nil
}

// walk calls each, in write transactions of batch postmortems, with every
// stored postmortem that cond (on postmortems, with args) selects, in id
// order, and what prepare returned for it. prepare, the work that needs no
// store (linting, inferring kinds), runs on every core for a batch's
// postmortems before each is called for them one by one. Before each
// batch, begin (when set) may end the walk by reporting false; end (when
// set) runs in the transaction of the last batch.
func (db *DB) walk(ctx context.Context, cond string, args []any, batch int, begin func(*Tx) (bool, error), prepare func(*stored) any, each func(*Tx, *stored, any) error, end func(*Tx) error) error {
	last := ""
	for {
		var ids []string
		err := db.WriteTx(ctx, func(tx *Tx) error {
			if begin != nil {
				if more, err := begin(tx); err != nil || !more {
					return err
				}
			}
			var err error
			ids, err = tx.Strings(ctx, `SELECT id FROM postmortems WHERE `+cond+` AND id > ? ORDER BY `+db.d.Binary("id")+` LIMIT ?`,
				append(append([]any{}, args...), last, batch)...)
			if err != nil {
				return err
			}
			ss := make([]*stored, 0, len(ids))
			for _, id := range ids {
				s, err := db.getStored(ctx, tx, id)
				if err != nil {
					return err
				}
				ss = append(ss, s)
			}
			prepared := prepareAll(ss, prepare)
			for i, s := range ss {
				if err := each(tx, s, prepared[i]); err != nil {
					return err
				}
			}
			if len(ids) < batch && end != nil {
				return end(tx)
			}
			return nil
		})
		if err != nil || len(ids) < batch {
			return err
		}
		last = ids[len(ids)-1]
	}
}

// prepareAll returns prepare's result for each of ss, computed on every
// core; nil without prepare.
func prepareAll(ss []*stored, prepare func(*stored) any) []any {
	out := make([]any, len(ss))
	if prepare == nil {
		return out
	}
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(runtime.GOMAXPROCS(0), len(ss)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(ss); i = int(next.Add(1) - 1) {
				out[i] = prepare(ss[i])
			}
		})
	}
	wg.Wait()
	return out
}

// derivation is what derive writes of a stored postmortem, computed from
// its text alone: what the lists read of it and its features.
type derivation struct {
	cols  []any
	feats debrief.Features
}

func (db *DB) derivationOf(s *stored) derivation {
	return derivation{cols: db.derived(s.postmortem, s.file), feats: s.postmortem.FeaturesWith(db.kinds)}
}

// derive writes what is derived from the stored postmortem's text again
// (d, from derivationOf): its terms and their indexes and frequencies,
// weights and kinds, and what the lists read of it (derived).
func (db *DB) derive(ctx context.Context, tx *Tx, s *stored, d derivation) error {
	if _, err := tx.Exec(ctx, `UPDATE postmortems SET `+derivedSet+` WHERE pk = ?`, append(d.cols, s.pk)...); err != nil {
		return err
	}
	feats := d.feats
	if err := db.d.Unindex(ctx, tx, s.pk); err != nil {
		return err
	}
	db.d.IndexLater(s.pk)
	if _, err := tx.Exec(ctx, `UPDATE documents SET terms = ?, derived = ? WHERE pk = ?`,
		db.d.Terms(feats.Terms), feats.Derived(), s.pk); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM postmortem_kinds WHERE pk = ?`, s.pk); err != nil {
		return err
	}
	if err := putKinds(ctx, tx, s.pk, feats.Kinds); err != nil {
		return err
	}
	return db.updateDF(ctx, tx, s.terms, feats.Terms)
}

// putKinds records the kinds of the postmortem pk, and the places of its
// families (postmortem_family_places): its services and incident date are
// written already.
func putKinds(ctx context.Context, tx *Tx, pk int64, kinds []debrief.KindMatch) error {
	fam := debrief.FamilyKinds(kinds)
	for _, k := range kinds {
		if _, err := tx.Exec(ctx, `INSERT INTO postmortem_kinds (pk, kind, score, confirmed, family) VALUES (?, ?, ?, ?, ?)`,
			pk, k.ID, k.Score, k.Confirmed, slices.Contains(fam, k.ID)); err != nil {
			return err
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM postmortem_family_places WHERE pk = ?`, pk); err != nil {
		return err
	}
	if len(fam) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO postmortem_family_places (kind, service, incident_date, pk)
		SELECT k.kind, s.service, p.incident_date, p.pk
		FROM postmortem_kinds k JOIN postmortem_services s ON s.pk = k.pk JOIN postmortems p ON p.pk = k.pk
		WHERE k.pk = ? AND k.family`, pk)
	return err
}

// kindCandidates returns postmortems that share one of the kinds, the most
// certain first and, among equals, the newest stored. Each kind's best come
// from the postmortem_kinds_score index alone, so the cost does not grow
// with the size of its family.
func (db *DB) kindCandidates(ctx context.Context, tx *Tx, kinds []debrief.KindMatch, limit int) ([]int64, error) {
	type cand struct {
		pk    int64
		score float64
	}
	var all []cand
	for _, k := range kinds {
		rows, err := tx.Query(ctx, `SELECT pk, score FROM postmortem_kinds WHERE kind = ? ORDER BY score DESC, pk DESC LIMIT ?`, k.ID, limit)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c cand
			if err := rows.Scan(&c.pk, &c.score); err != nil {
				rows.Close()
				return nil, err
			}
			all = append(all, c)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	// A postmortem of several of the kinds ranks by its best.
	slices.SortFunc(all, func(a, b cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(b.pk, a.pk)
	})
	seen := make(map[int64]bool, len(all))
	var out []int64
	for _, c := range all {
		if !seen[c.pk] && len(out) < limit {
			seen[c.pk] = true
			out = append(out, c.pk)
		}
	}
	return out, nil
}
