package postgres

import (
	"context"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
)

// rankWeights are ts_rank's weights for the D, C, B and A parts of the
// search vector: body, factors and action items, trigger and tags, title.
const rankWeights = `'{0.1, 0.3, 0.5, 1.0}'::float4[]`

// headlineOptions asks ts_headline to mark every match of a whole field
// with debrief.MatchStart and MatchEnd, in one pass; debrief.BestSnippet
// picks the window. Asking ts_headline for fragments instead compares the
// matches with each other: on a field that repeats a searched phrase's
// words, it ran for minutes and took the server's memory.
var headlineOptions = `StartSel="` + debrief.MatchStart + `", StopSel="` + debrief.MatchEnd + `", HighlightAll=true`

// snippetFields are the fields snippets come from, the most telling
// first: the trigger, the contributing factors, the action items, the
// body, then the tags and the title, which pages show anyway.
var snippetFields = []string{"trigger_text", "factors", "actions", "body", "tags", "title"}

// Search ranks the matches with ts_rank over the generated search column,
// and counts them in the same query.
func (d *dialect) Search(ctx context.Context, tx *sqlstore.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	q, args := tsQuery(f.Text)
	where, wargs := d.store.Filters(v, f)
	args = append(args, wargs...)
	limit := f.PageLimit()
	rows, err := tx.Query(ctx, `SELECT `+sqlstore.SummaryColumns+`, ts_rank(`+rankWeights+`, d.search, q.q)::float8 AS score, count(*) OVER () AS total
		FROM postmortems p JOIN documents d ON d.pk = p.pk, (SELECT `+q+` AS q) q
		WHERE d.search @@ q.q AND `+where+`
		ORDER BY score DESC, p.id LIMIT ? OFFSET ?`, append(args, limit+1, cur.Offset)...)
	if err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	// The score only orders the rows: it is never shown.
	var score float64
	var total int
	pks, err := d.store.ScanSummaries(rows, page, &score, &total)
	if err != nil {
		return nil, err
	}
	page.SetTotal(total)
	if len(page.Items) == 0 && cur.Offset > 0 {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM postmortems p JOIN documents d ON d.pk = p.pk, (SELECT `+q+` AS q) q
			WHERE d.search @@ q.q AND `+where, args...).Scan(&n); err != nil {
			return nil, err
		}
		page.SetTotal(n)
	}
	if len(page.Items) > limit {
		page.Items, pks = page.Items[:limit], pks[:limit]
		page.Next = debrief.Cursor{Ranked: true, Offset: cur.Offset + limit}.Encode()
	}
	if len(pks) == 0 {
		return page, nil
	}
	// Snippets only for the page: computing them is the costly part.
	var cols []string
	var hargs []any
	for _, f := range snippetFields {
		cols = append(cols, `ts_headline('english', d.`+f+`, q.q, ?)`)
		hargs = append(hargs, headlineOptions)
	}
	hq, qargs := tsQuery(f.Text)
	hargs = append(append(hargs, qargs...), pks)
	rows, err = tx.Query(ctx, `SELECT d.pk, `+strings.Join(cols, ", ")+`
		FROM documents d, (SELECT `+hq+` AS q) q WHERE d.pk = ANY(?)`, hargs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	snippets := map[int64]debrief.Snippet{}
	for rows.Next() {
		var pk int64
		texts := make([]string, len(snippetFields))
		dest := []any{&pk}
		for i := range texts {
			dest = append(dest, &texts[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		snippets[pk] = debrief.BestSnippet(texts...)
	}
	for i, s := range page.Items {
		s.Snippet = snippets[pks[i]]
	}
	return page, rows.Err()
}

// Exclude leaves out the postmortems whose search column matches any of
// the phrases.
func (*dialect) Exclude(phrases []string) (string, []any) {
	exc, args := tsAny(phrases)
	if exc == "" {
		return "", nil
	}
	return `NOT EXISTS (SELECT 1 FROM documents x WHERE x.pk = p.pk AND x.search @@ (` + exc + `))`, args
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
