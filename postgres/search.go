package postgres

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
)

// rankWeights are ts_rank's weights for the D, C, B and A parts of the
// search vector: body, factors and action items, trigger and tags, title.
const rankWeights = `'{0.1, 0.3, 0.5, 1.0}'::float4[]`

// rankAll is the number of matching documents up to which a search ranks
// them all with ts_rank, as SQLite's does (sqlite/search.go): past it, the
// search ranks the rankAll (and one more) most recently added matches
// that pass the filters and that the viewer may see, and lists the older
// ones after them, newest first. Ranking every match read every match's
// search vector: 0.2 to 1 s for a common word at 100,000 postmortems.
var rankAll = 500

// searchWindow is how many postmortems, by pk, a search's first window
// holds. The matches are read newest first one window of pks at a time,
// each at least four times as wide as the one before, until enough of
// them were found:
// PostgreSQL then reads the rows of the matches in that window only (the
// GIN index's matches and the range of the primary key, ANDed), instead
// of the row of every match in the archive to order them. At 100,000
// postmortems, a common word's first 1,001 matches are in the first
// window; a rare word's take at most three, fewer when the first window's
// matches tell how wide the next must be.
var searchWindow = 16384

// Search reads the matches that pass the filters, newest first, up to
// debrief.CountLimit and one more (or to the end of the page asked for):
// that gives the total and the order of the older ones. It ranks the
// newest with ts_rank, then reads the summaries and the snippets of the
// page's rows only.
//
// The matches come from search_rows (migration 0850), whose rows hold no
// text, through its GIN index. A query the index answers exactly (words
// that must all be there) reads no search vector to find its matches. A
// phrase or an excluded word needs each candidate's vector: the index
// finds the postmortems that hold every included word, and their vectors
// are read newest first only until enough of them match, instead of all of
// them. The candidates are gathered before they are ordered (MATERIALIZED),
// so that the planner does not walk the primary key backwards reading the
// vector of every row it passes.
func (d *dialect) Search(ctx context.Context, tx *sqlstore.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	q, args := tsQuery(f.Text)
	where, wargs := d.store.Filters(v, f)
	limit := f.PageLimit()
	want := max(debrief.CountLimit+1, cur.Offset+limit+1)
	// The parameters before the window's bounds, and those after them
	// before the limit.
	var query string
	var before, after []any
	if loose, largs, exact := tsLoose(f.Text); exact {
		query = `WITH m AS MATERIALIZED (SELECT p.pk FROM search_rows p WHERE p.search @@ (` + q + `) AND ` + where + `
			AND p.pk >= ? AND p.pk < ?) SELECT pk FROM m ORDER BY pk DESC LIMIT ?`
		before = slices.Concat(args, wargs)
	} else {
		query = `WITH m AS MATERIALIZED (SELECT p.pk, p.search FROM search_rows p WHERE p.search @@ (` + loose + `) AND ` + where + `
			AND p.pk >= ? AND p.pk < ?)
			SELECT pk FROM (SELECT pk, search FROM m ORDER BY pk DESC OFFSET 0) c WHERE c.search @@ (` + q + `) LIMIT ?`
		before, after = slices.Concat(largs, wargs), args
	}
	var hi int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(pk), 0) + 1 FROM search_rows`).Scan(&hi); err != nil {
		return nil, err
	}
	var matches []int64
	for width := int64(searchWindow); hi > 0 && len(matches) < want; {
		lo := max(hi-width, 0)
		a := slices.Concat(before, []any{lo, hi}, after, []any{want - len(matches)})
		got, err := tx.Int64s(ctx, query, a...)
		if err != nil {
			return nil, err
		}
		matches = append(matches, got...)
		hi = lo
		// The next window is four times as wide, or as wide as the
		// matches found so far say that the missing ones need.
		next := width * 4
		if len(got) > 0 {
			next = max(next, width*int64(want-len(matches))/int64(len(got)))
		}
		width = next
	}
	ranked := matches[:min(len(matches), rankAll+1)]
	scores := make(map[int64]float64, len(ranked))
	if len(ranked) > 0 {
		q, args := tsQuery(f.Text)
		rows, err := tx.Query(ctx, `SELECT r.pk, ts_rank(`+rankWeights+`, r.search, (`+q+`))::float8
			FROM search_rows r WHERE r.pk = ANY(?)`, append(args, ranked)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var pk int64
			var score float64
			if err := rows.Scan(&pk, &score); err != nil {
				rows.Close()
				return nil, err
			}
			scores[pk] = score
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// Higher ts_rank is better; equal scores keep the newer first.
	hits := slices.Clone(ranked)
	slices.SortStableFunc(hits, func(a, b int64) int { return cmp.Compare(scores[b], scores[a]) })
	hits = append(hits, matches[len(ranked):]...)
	pks := slices.Clone(hits[min(cur.Offset, len(hits)):min(cur.Offset+limit+1, len(hits))])
	page := &debrief.PostmortemPage{}
	if err := d.store.Summaries(ctx, tx, page, pks); err != nil {
		return nil, err
	}
	page.SetTotal(len(hits))
	if len(page.Items) > limit {
		page.Items, pks = page.Items[:limit], pks[:limit]
		page.Next = debrief.Cursor{Ranked: true, Offset: cur.Offset + limit}.Encode()
	}
	return page, d.store.Snippets(ctx, tx, page, pks, f.Text)
}

// Exclude leaves out the postmortems whose search column matches any of
// the phrases.
func (*dialect) Exclude(phrases []string) (string, []any) {
	exc, args := tsAny(phrases)
	if exc == "" {
		return "", nil
	}
	return `NOT EXISTS (SELECT 1 FROM search_rows x WHERE x.pk = p.pk AND x.search @@ (` + exc + `))`, args
}

// Postings finds the postmortems that hold each term through the GIN index
// on documents.terms.
func (*dialect) Postings(ctx context.Context, tx *sqlstore.Tx, terms []string) (map[string][]int64, error) {
	rows, err := tx.Query(ctx, `SELECT t, d.pk FROM unnest(CAST(? AS text[])) AS t JOIN documents d ON d.terms @> ARRAY[t]`, terms)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	postings := map[string][]int64{}
	for rows.Next() {
		var t string
		var pk int64
		if err := rows.Scan(&t, &pk); err != nil {
			return nil, err
		}
		postings[t] = append(postings[t], pk)
	}
	return postings, rows.Err()
}

// tsQuery turns a text query into a tsquery expression, with its
// parameters: every included word or phrase, and none of the excluded
// ones. The words are passed as parameters to phraseto_tsquery, so no
// input is ever read as tsquery syntax.
func tsQuery(q debrief.TextQuery) (string, []any) {
	var inc []string
	var args []any
	for _, s := range q.Include {
		if w := debrief.Words(s); len(w) > 0 {
			inc = append(inc, `phraseto_tsquery('english', ?)`)
			args = append(args, strings.Join(w, " "))
		}
	}
	expr := "(" + strings.Join(inc, " && ") + ")"
	if exc, eargs := tsAny(q.Exclude); exc != "" {
		expr += " && !!(" + exc + ")"
		args = append(args, eargs...)
	}
	return expr, args
}

// tsLoose returns a query that the GIN index answers without reading
// search vectors and that every match of tsQuery's matches too: every
// included word, ignoring their order and the excluded ones. exact says
// that it is tsQuery itself: no phrase of two words or more, nothing
// excluded.
func tsLoose(q debrief.TextQuery) (expr string, args []any, exact bool) {
	exact = len(q.Exclude) == 0
	var inc []string
	for _, s := range q.Include {
		if w := debrief.Words(s); len(w) > 0 {
			inc = append(inc, `plainto_tsquery('english', ?)`)
			args = append(args, strings.Join(w, " "))
			exact = exact && len(w) == 1
		}
	}
	return "(" + strings.Join(inc, " && ") + ")", args, exact
}

// tsAny matches any of the words or phrases, with its parameters; "" when
// there are none.
func tsAny(ss []string) (string, []any) {
	var out []string
	var args []any
	for _, s := range ss {
		if w := debrief.Words(s); len(w) > 0 {
			out = append(out, `phraseto_tsquery('english', ?)`)
			args = append(args, strings.Join(w, " "))
		}
	}
	return strings.Join(out, " || "), args
}
