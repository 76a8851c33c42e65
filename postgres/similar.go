package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
)

// Similar returns the postmortems most like the stored postmortem id.
func (db *DB) Similar(ctx context.Context, v debrief.Viewer, id string, limit int) ([]*debrief.SimilarPostmortem, error) {
	var out []*debrief.SimilarPostmortem
	err := db.searchTx(ctx, func(tx pgx.Tx) error {
		p, err := findByID(ctx, tx, v, id)
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
	err := db.searchTx(ctx, func(tx pgx.Tx) error {
		var err error
		out, err = db.similar(ctx, tx, v, draft, limit)
		return err
	})
	return out, err
}

// similar finds candidates in two ways, by the target's most distinctive
// words through the GIN index on documents.terms and by shared services,
// and leaves the scoring to debrief.RankSimilar.
func (db *DB) similar(ctx context.Context, tx pgx.Tx, v debrief.Viewer, p *debrief.Postmortem, limit int) ([]*debrief.SimilarPostmortem, error) {
	target := p.FeaturesWith(db.kinds)
	var n int
	if err := tx.QueryRow(ctx, `SELECT postmortems FROM archive_stats`).Scan(&n); err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	df, err := documentFrequencies(ctx, tx, target.Terms)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	var pks []int64
	if terms := target.SearchTerms(df, n); len(terms) > 0 {
		rows, err := tx.Query(ctx, `SELECT t, d.pk FROM unnest($1::text[]) AS t JOIN documents d ON d.terms @> ARRAY[t]`, terms)
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		postings := map[string][]int64{}
		for rows.Next() {
			var t string
			var pk int64
			if err := rows.Scan(&t, &pk); err != nil {
				rows.Close()
				return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
			}
			postings[t] = append(postings[t], pk)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		pks = debrief.TopByTerms(postings, df, n, debrief.CandidateLimit)
	}
	byKind, err := kindCandidates(ctx, tx, target.Kinds, debrief.KindCandidateLimit)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	pks = append(pks, byKind...)
	if len(target.Services) > 0 {
		rows, err := tx.Query(ctx, `SELECT pk FROM postmortem_services WHERE service = ANY($1)
			GROUP BY pk ORDER BY count(*) DESC, pk DESC LIMIT $2`, target.Services, debrief.CandidateLimit)
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		more, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		pks = append(pks, more...)
	}
	// The postmortems the authors linked: related either way, or sharing
	// an action item.
	rows, err := tx.Query(ctx, `SELECT pk FROM postmortems WHERE id = ANY($1)
		UNION SELECT pk FROM postmortem_related WHERE related_id = $2
		UNION SELECT pk FROM postmortem_action_items WHERE item_id = ANY($3)
		LIMIT $4`, nonNil(target.Related), p.ID, nonNil(target.ActionItems), debrief.CandidateLimit)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	linked, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	pks = append(pks, linked...)
	cands, err := candidates(ctx, tx, v, pks, p.ID)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	var all []string
	for _, c := range cands {
		all = append(all, c.Features.Terms...)
	}
	more, err := documentFrequencies(ctx, tx, debrief.Keys(all))
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	for t, d := range more {
		df[t] = d
	}
	return debrief.RankSimilar(target, cands, df, n, limit), nil
}

// candidates loads the postmortems pks that v may see, except the one with
// id skip, with their features and action item counts.
func candidates(ctx context.Context, tx pgx.Tx, v debrief.Viewer, pks []int64, skip string) ([]debrief.SimilarCandidate, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	a := &args{}
	pkArg, skipArg := a.add(pks), a.add(skip)
	vis := visible(a, v)
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, d.terms, d.derived,
		ARRAY(SELECT service FROM postmortem_services s WHERE s.pk = p.pk),
		ARRAY(SELECT team FROM postmortem_teams t WHERE t.pk = p.pk),
		ARRAY(SELECT DISTINCT category FROM contributing_factors f WHERE f.pk = p.pk),
		ARRAY(SELECT tag FROM postmortem_tags g WHERE g.pk = p.pk),
		ARRAY(SELECT related_id FROM postmortem_related r WHERE r.pk = p.pk ORDER BY related_id COLLATE "C"),
		ARRAY(SELECT item_id FROM postmortem_action_items i WHERE i.pk = p.pk ORDER BY item_id COLLATE "C"),
		c.total, c.done, c.wont_do
		FROM postmortems p JOIN documents d ON d.pk = p.pk,
		LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE ai.status = 'done') AS done,
			count(*) FILTER (WHERE ai.status = 'wont-do') AS wont_do
			FROM postmortem_action_items l JOIN action_items ai ON ai.id = l.item_id WHERE l.pk = p.pk) c
		WHERE p.pk = ANY(`+pkArg+`) AND p.id != `+skipArg+` AND `+vis, a.list...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []debrief.SimilarCandidate
	for rows.Next() {
		var c debrief.SimilarCandidate
		s := &debrief.PostmortemSummary{}
		var pk, total, done, wontDo int64
		var severity, status, day, derived string
		var started *time.Time
		var terms, services, teams, cats, tags, related, items []string
		if err := rows.Scan(&pk, &s.ID, &s.Title, &severity, &status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &s.Teams, &s.Services, &s.Tags, &s.Version,
			&terms, &derived, &services, &teams, &cats, &tags, &related, &items, &total, &done, &wontDo); err != nil {
			return nil, err
		}
		s.Severity, s.Status, s.Date = debrief.Severity(severity), debrief.Status(status), date(day)
		if started != nil {
			s.Started = started.UTC()
		}
		s.Teams, s.Services, s.Tags = nilIfEmpty(s.Teams), nilIfEmpty(s.Services), nilIfEmpty(s.Tags)
		c.Summary = s
		c.Features = debrief.Features{
			ID:          s.ID,
			Services:    debrief.Keys(services),
			Teams:       debrief.Keys(teams),
			Categories:  debrief.Keys(cats),
			Tags:        debrief.Keys(tags),
			Terms:       terms,
			Related:     related,
			ActionItems: items,
		}
		c.Features.SetDerived(derived)
		c.Actions = debrief.ActionProgress{Total: int(total), Done: int(done), WontDo: int(wontDo)}
		out = append(out, c)
	}
	return out, rows.Err()
}

// documentFrequencies returns how many postmortems use each of terms.
func documentFrequencies(ctx context.Context, tx pgx.Tx, terms []string) (map[string]int, error) {
	df := map[string]int{}
	if len(terms) == 0 {
		return df, nil
	}
	rows, err := tx.Query(ctx, `SELECT term, df FROM term_df WHERE term = ANY($1)`, terms)
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
