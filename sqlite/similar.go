package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/debrief/debrief"
)

// Similar returns the postmortems most like the stored postmortem id.
func (db *DB) Similar(ctx context.Context, v debrief.Viewer, id string, limit int) ([]*debrief.SimilarPostmortem, error) {
	var out []*debrief.SimilarPostmortem
	err := db.searchTx(ctx, func(tx *sql.Tx) error {
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
	err := db.searchTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = db.similar(ctx, tx, v, draft, limit)
		return err
	})
	return out, err
}

// similar finds candidates in two ways, by the target's most distinctive
// words through terms_fts and by shared services, and leaves the scoring to
// debrief.RankSimilar.
func (db *DB) similar(ctx context.Context, tx *sql.Tx, v debrief.Viewer, p *debrief.Postmortem, limit int) ([]*debrief.SimilarPostmortem, error) {
	target := p.FeaturesWith(db.kinds)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT postmortems FROM archive_stats`).Scan(&n); err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	df, err := documentFrequencies(ctx, tx, target.Terms)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	var pks []int64
	if terms := target.SearchTerms(df, n); len(terms) > 0 {
		postings := map[string][]int64{}
		for _, t := range terms {
			if postings[t], err = queryInt64s(ctx, tx, `SELECT rowid FROM terms_fts WHERE terms_fts MATCH ?`, `"`+t+`"`); err != nil {
				return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
			}
		}
		pks = debrief.TopByTerms(postings, df, n, debrief.CandidateLimit)
	}
	byKind, err := kindCandidates(ctx, tx, target.Kinds, debrief.KindCandidateLimit)
	if err != nil {
		return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
	}
	pks = append(pks, byKind...)
	if len(target.Services) > 0 {
		more, err := queryInt64s(ctx, tx, `SELECT pk FROM postmortem_services WHERE service IN (SELECT value FROM json_each(?))
			GROUP BY pk ORDER BY count(*) DESC, pk DESC LIMIT ?`, jsonArray(target.Services), debrief.CandidateLimit)
		if err != nil {
			return nil, fmt.Errorf("similar to %s: %w", p.ID, err)
		}
		pks = append(pks, more...)
	}
	// The postmortems the authors linked: related either way, or sharing
	// an action item.
	linked, err := queryInt64s(ctx, tx, `SELECT pk FROM postmortems WHERE id IN (SELECT value FROM json_each(?))
		UNION SELECT pk FROM postmortem_related WHERE related_id = ?
		UNION SELECT pk FROM postmortem_action_items WHERE item_id IN (SELECT value FROM json_each(?))
		LIMIT ?`, jsonArray(target.Related), p.ID, jsonArray(target.ActionItems), debrief.CandidateLimit)
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
func candidates(ctx context.Context, tx *sql.Tx, v debrief.Viewer, pks []int64, skip string) ([]debrief.SimilarCandidate, error) {
	if len(pks) == 0 {
		return nil, nil
	}
	vis, args := visible(v)
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, 0.0, 0, d.terms, d.derived,
		(SELECT json_group_array(DISTINCT category) FROM contributing_factors f WHERE f.pk = p.pk),
		(SELECT json_group_array(related_id) FROM postmortem_related r WHERE r.pk = p.pk),
		(SELECT json_group_array(item_id) FROM postmortem_action_items i WHERE i.pk = p.pk),
		(SELECT json_array(count(*), coalesce(sum(a.status = 'done'), 0), coalesce(sum(a.status = 'wont-do'), 0))
			FROM postmortem_action_items l JOIN action_items a ON a.id = l.item_id WHERE l.pk = p.pk)
		FROM postmortems p JOIN documents d ON d.pk = p.pk
		WHERE p.pk IN (SELECT value FROM json_each(?)) AND p.id != ? AND `+vis,
		append([]any{int64Array(pks), skip}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []debrief.SimilarCandidate
	for rows.Next() {
		var c debrief.SimilarCandidate
		s := &debrief.PostmortemSummary{}
		var pk int64
		var day, started, teams, services, tags, terms, derived, cats, related, items, actions string
		var score float64
		var total int
		if err := rows.Scan(&pk, &s.ID, &s.Title, &s.Severity, &s.Status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &teams, &services, &tags, &s.Version, &score, &total,
			&terms, &derived, &cats, &related, &items, &actions); err != nil {
			return nil, err
		}
		s.Date = date(day)
		s.Teams, s.Services, s.Tags = jsonStrings(teams), jsonStrings(services), jsonStrings(tags)
		c.Summary = s
		c.Features = debrief.Features{
			ID:          s.ID,
			Services:    debrief.Keys(s.Services),
			Teams:       debrief.Keys(s.Teams),
			Categories:  debrief.Keys(jsonStrings(cats)),
			Tags:        debrief.Keys(s.Tags),
			Terms:       splitTerms(terms),
			Related:     sortedStrings(jsonStrings(related)),
			ActionItems: sortedStrings(jsonStrings(items)),
		}
		c.Features.SetDerived(derived)
		var counts [3]int
		_ = json.Unmarshal([]byte(actions), &counts)
		c.Actions = debrief.ActionProgress{Total: counts[0], Done: counts[1], WontDo: counts[2]}
		out = append(out, c)
	}
	return out, rows.Err()
}

// documentFrequencies returns how many postmortems use each of terms.
func documentFrequencies(ctx context.Context, tx *sql.Tx, terms []string) (map[string]int, error) {
	df := map[string]int{}
	if len(terms) == 0 {
		return df, nil
	}
	b, _ := json.Marshal(terms)
	rows, err := tx.QueryContext(ctx, `SELECT term, df FROM term_df WHERE term IN (SELECT value FROM json_each(?))`, string(b))
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

func sortedStrings(vs []string) []string {
	slices.Sort(vs)
	return vs
}
