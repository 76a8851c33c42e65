package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/debrief/debrief"
)

// Similar returns the postmortems most like the stored postmortem id.
func (db *DB) Similar(ctx context.Context, v debrief.Viewer, id string, limit int) ([]*debrief.SimilarPostmortem, error) {
	var out []*debrief.SimilarPostmortem
	err := db.SearchTx(ctx, func(tx *Tx) error {
		p, err := db.findByID(ctx, tx, v, id)
		if err != nil {
			return err
		}
		out, err = db.similar(ctx, tx, v, p, limit)
		return err
	})
	return out, err
}

// SimilarToDraft returns the postmortems most like draft.
func (db *DB) SimilarToDraft(ctx context.Context, v debrief.Viewer, draft *debrief.Postmortem, limit int) ([]*debrief.SimilarPostmortem, error) {
	var out []*debrief.SimilarPostmortem
	err := db.SearchTx(ctx, func(tx *Tx) error {
		var err error
		out, err = db.similar(ctx, tx, v, draft, limit)
		return err
	})
	return out, err
}

// similar finds candidates in four ways: by the target's most distinctive
// words (Dialect.Postings), by its kinds, by shared services and by the
// links the authors made; it leaves the scoring to debrief.RankSimilar.
func (db *DB) similar(ctx context.Context, tx *Tx, v debrief.Viewer, p *debrief.Postmortem, limit int) ([]*debrief.SimilarPostmortem, error) {
	d := db.d
	target := p.FeaturesWith(db.kinds)
	var n int
	if err := tx.QueryRow(ctx, `SELECT postmortems FROM archive_stats`).Scan(&n); err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	df, err := db.documentFrequencies(ctx, tx, target.Terms)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	var pks []int64
	if terms := target.SearchTerms(df, n); len(terms) > 0 {
		postings, err := d.Postings(ctx, tx, terms)
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		pks = debrief.TopByTerms(postings, df, n, debrief.CandidateLimit)
	}
	byKind, err := db.kindCandidates(ctx, tx, target.Kinds, debrief.KindCandidateLimit)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	pks = append(pks, byKind...)
	// The newest postmortems of each of its services: the place only
	// breaks ties, so these need not be all of them, and each comes from
	// the service's index alone.
	for _, s := range target.Services {
		more, err := tx.Int64s(ctx, `SELECT pk FROM postmortem_services WHERE service = ? ORDER BY pk DESC LIMIT ?`,
			s, debrief.CandidateLimit/len(target.Services)+1)
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		pks = append(pks, more...)
	}
	// The postmortems the authors linked: related either way, or sharing
	// an action item.
	linked, err := tx.Int64s(ctx, `SELECT pk FROM postmortems WHERE `+d.In("id")+`
		UNION SELECT pk FROM postmortem_related WHERE related_id = ?
		UNION SELECT pk FROM postmortem_action_items WHERE `+d.In("item_id")+`
		LIMIT ?`, d.List(target.Related), p.ID, d.List(target.ActionItems), debrief.CandidateLimit)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	pks = append(pks, linked...)
	// Candidates are ranked on their features alone; only the winners'
	// summaries, categories and action items are read (RankSimilar gives
	// them the same order).
	light, err := db.candidateFeatures(ctx, tx, v, pks, p.ID)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	seen := map[string]bool{}
	var more []string
	for _, c := range light {
		for _, t := range c.cand.Features.Terms {
			if _, known := df[t]; !known && !seen[t] {
				seen[t] = true
				more = append(more, t)
			}
		}
	}
	mdf, err := db.documentFrequencies(ctx, tx, more)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	for t, d := range mdf {
		df[t] = d
	}
	cands := make([]debrief.SimilarCandidate, len(light))
	pkOf := make(map[string]int64, len(light))
	for i, c := range light {
		cands[i] = c.cand
		pkOf[c.cand.Features.ID] = c.pk
	}
	var winners []int64
	for _, s := range debrief.RankSimilar(target, cands, df, n, limit) {
		winners = append(winners, pkOf[s.ID])
	}
	full, err := db.candidates(ctx, tx, v, winners, p.ID)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	return debrief.RankSimilar(target, full, df, n, limit), nil
}

// featureCandidate is a candidate with only what its score reads.
type featureCandidate struct {
	pk   int64
	cand debrief.SimilarCandidate
}

// candidateFeatures loads what ranking reads of the postmortems pks that v
// may see, except the one with id skip: places, words, kinds and links.
func (db *DB) candidateFeatures(ctx context.Context, tx *Tx, v debrief.Viewer, pks []int64, skip string) ([]featureCandidate, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	d := db.d
	vis, args := db.Visible(v)
	rows, err := tx.Query(ctx, `SELECT p.pk, p.id, p.teams, p.services, p.tags, d.terms, d.derived,
		`+d.AggList("related_id", `FROM postmortem_related r WHERE r.pk = p.pk`)+`,
		`+d.AggList("item_id", `FROM postmortem_action_items i WHERE i.pk = p.pk`)+`
		FROM postmortems p JOIN documents d ON d.pk = p.pk
		WHERE `+d.In("p.pk")+` AND p.id != ? AND `+vis,
		append([]any{d.List(pks), skip}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []featureCandidate
	for rows.Next() {
		var c featureCandidate
		var id, derived string
		var teams, services, tags, terms, related, items []string
		if err := rows.Scan(&c.pk, &id, d.ScanList(&teams), d.ScanList(&services), d.ScanList(&tags),
			d.ScanTerms(&terms), &derived, d.ScanList(&related), d.ScanList(&items)); err != nil {
			return nil, err
		}
		c.cand = debrief.SimilarCandidate{Summary: &debrief.PostmortemSummary{ID: id}, Features: debrief.Features{
			ID:          id,
			Services:    debrief.Keys(services),
			Teams:       debrief.Keys(teams),
			Tags:        debrief.Keys(tags),
			Terms:       terms,
			Related:     sorted(related),
			ActionItems: sorted(items),
		}}
		c.cand.Features.SetDerived(derived)
		out = append(out, c)
	}
	return out, rows.Err()
}

// candidates loads the postmortems pks that v may see, except the one with
// id skip, with their features and action item counts.
func (db *DB) candidates(ctx context.Context, tx *Tx, v debrief.Viewer, pks []int64, skip string) ([]debrief.SimilarCandidate, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	d := db.d
	vis, args := db.Visible(v)
	rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+`, d.terms, d.derived,
		`+d.AggList("DISTINCT category", `FROM contributing_factors f WHERE f.pk = p.pk`)+`,
		`+d.AggList("related_id", `FROM postmortem_related r WHERE r.pk = p.pk`)+`,
		`+d.AggList("item_id", `FROM postmortem_action_items i WHERE i.pk = p.pk`)+`,
		(SELECT count(*) FROM postmortem_action_items l WHERE l.pk = p.pk),
		(SELECT count(*) FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id WHERE l.pk = p.pk AND a.status = 'done'),
		(SELECT count(*) FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id WHERE l.pk = p.pk AND a.status = 'wont-do')
		FROM postmortems p JOIN documents d ON d.pk = p.pk
		WHERE `+d.In("p.pk")+` AND p.id != ? AND `+vis,
		append([]any{d.List(pks), skip}, args...)...)
	if err != nil {
		return nil, err
	}
	var out []debrief.SimilarCandidate
	var terms, cats, related, items []string
	var derived string
	var total, done, wontDo int
	extra := []any{d.ScanTerms(&terms), &derived, d.ScanList(&cats), d.ScanList(&related), d.ScanList(&items), &total, &done, &wontDo}
	err = db.scanSummaries(rows, extra, func(_ int64, s *debrief.PostmortemSummary) {
		c := debrief.SimilarCandidate{Summary: s, Features: debrief.Features{
			ID:          s.ID,
			Services:    debrief.Keys(s.Services),
			Teams:       debrief.Keys(s.Teams),
			Categories:  debrief.Keys(cats),
			Tags:        debrief.Keys(s.Tags),
			Terms:       terms,
			Related:     sorted(related),
			ActionItems: sorted(items),
		}}
		c.Features.SetDerived(derived)
		c.Actions = debrief.ActionProgress{Total: total, Done: done, WontDo: wontDo}
		out = append(out, c)
	})
	return out, err
}

// documentFrequencies returns how many postmortems use each of terms.
func (db *DB) documentFrequencies(ctx context.Context, tx *Tx, terms []string) (map[string]int, error) {
	df := map[string]int{}
	if len(terms) == 0 {
		return df, nil
	}
	rows, err := tx.Query(ctx, `SELECT term, df FROM term_df WHERE `+db.d.In("term"), db.d.List(terms))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return nil, err
		}
		df[t] = n
	}
	return df, rows.Err()
}

func sorted(vs []string) []string {
	slices.Sort(vs)
	return vs
}
