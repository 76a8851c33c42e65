package sqlite

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/sqlstore"
)

// rankAll is the number of matching documents up to which a search ranks
// them all by bm25. Past it, ranking every match would cost more than a
// search may take: the search ranks the rankAll most recently added
// matches that pass the filters and that the viewer may see, and lists the
// older ones after them, newest first. The cutoff is taken among the
// visible matches only, so that postmortems the viewer cannot see never
// change which of theirs are ranked.
var rankAll = 500

// A search reads the full-text index alone, newest match first: its
// filters and what the viewer may see are a sqlstore.Selection, tested in
// memory, so that no match is joined to its row. A first statement reads
// the bm25 scores of the matches until rankAll and one more of them
// passed; a second one, without scores, the older matches up to
// debrief.CountLimit and one more (or to the end of the page asked for,
// if that is further): that gives the total, the ranked ones and the
// first older ones. The summaries are read only for the page's rows, and
// the snippets too (finishSearch).
//
// Search is the dialect's: FTS5 ranks the matches with bm25.
func (d *dialect) Search(ctx context.Context, tx *sqlstore.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	match := ftsQuery(f.Text)
	where, args := d.store.Filters(v, f)
	sel, err := d.store.Selection(ctx, tx, where, args)
	if err != nil {
		return nil, err
	}
	limit := f.PageLimit()
	type hit struct {
		pk    int64
		score float64
	}
	var ranked []hit
	last := int64(-1)
	rows, err := tx.Query(ctx, `SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC`, match)
	if err != nil {
		return nil, err
	}
	for len(ranked) <= rankAll && rows.Next() {
		var h hit
		if err := rows.Scan(&h.pk, &h.score); err != nil {
			rows.Close()
			return nil, err
		}
		last = h.pk
		if sel.Has(h.pk) {
			ranked = append(ranked, h)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// want is how many matches in the search's order the page needs, and
	// one more to know whether there is a next page and to tell a capped
	// total.
	want := max(debrief.CountLimit+1, cur.Offset+limit+1)
	var older []int64
	if len(ranked) > rankAll {
		rows, err := tx.Query(ctx, `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid < ? ORDER BY rowid DESC`, match, last)
		if err != nil {
			return nil, err
		}
		for len(ranked)+len(older) < want && rows.Next() {
			var pk int64
			if err := rows.Scan(&pk); err != nil {
				rows.Close()
				return nil, err
			}
			if sel.Has(pk) {
				older = append(older, pk)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// Lower bm25 is better; equal scores keep the newer first.
	slices.SortStableFunc(ranked, func(a, b hit) int { return cmp.Compare(a.score, b.score) })
	hits := make([]int64, 0, len(ranked)+len(older))
	for _, h := range ranked {
		hits = append(hits, h.pk)
	}
	hits = append(hits, older...)
	pks := hits[min(cur.Offset, len(hits)):min(cur.Offset+limit+1, len(hits))]
	page := &debrief.PostmortemPage{}
	if err := d.store.Summaries(ctx, tx, page, pks); err != nil {
		return nil, err
	}
	page.SetTotal(len(hits))
	return d.finishSearch(ctx, tx, page, slices.Clone(pks), f.Text, limit, cur)
}

// finishSearch cuts the page to its size, sets its cursor and adds the
// snippets.
func (d *dialect) finishSearch(ctx context.Context, tx *sqlstore.Tx, page *debrief.PostmortemPage, pks []int64, text debrief.TextQuery, limit int, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	if len(page.Items) > limit {
		page.Items, pks = page.Items[:limit], pks[:limit]
		page.Next = debrief.Cursor{Ranked: true, Offset: cur.Offset + limit}.Encode()
	}
	return page, d.store.Snippets(ctx, tx, page, pks, text)
}

// Exclude leaves out the postmortems whose text matches any of the
// phrases, through the full-text index.
func (*dialect) Exclude(phrases []string) (string, []any) {
	exc := ftsAny(phrases)
	if exc == "" {
		return "", nil
	}
	return `p.pk NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`, []any{exc}
}

// Postings finds the postmortems that hold each term through terms_fts.
func (*dialect) Postings(ctx context.Context, tx *sqlstore.Tx, terms []string) (map[string][]int64, error) {
	postings := map[string][]int64{}
	for _, t := range terms {
		pks, err := tx.Int64s(ctx, `SELECT rowid FROM terms_fts WHERE terms_fts MATCH ?`, `"`+t+`"`)
		if err != nil {
			return nil, err
		}
		postings[t] = pks
	}
	return postings, nil
}

// ftsQuery turns a text query into an FTS5 query: every included word or
// phrase, and none of the excluded ones. Only words reach FTS5, each quoted,
// so no input is ever read as FTS5 syntax.
func ftsQuery(q debrief.TextQuery) string {
	inc, exc := ftsParts(q)
	if exc != "" {
		return "(" + inc + ") NOT (" + exc + ")"
	}
	return inc
}

// ftsParts returns the FTS5 queries of what must match and of what must
// not ("" when nothing is excluded).
func ftsParts(q debrief.TextQuery) (inc, exc string) {
	var parts []string
	for _, s := range q.Include {
		if p := ftsPhrase(s); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " AND "), ftsAny(q.Exclude)
}

// ftsAny matches any of the words or phrases; "" when there are none.
func ftsAny(ss []string) string {
	var out []string
	for _, s := range ss {
		if p := ftsPhrase(s); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " OR ")
}

func ftsPhrase(s string) string {
	w := debrief.Words(s)
	if len(w) == 0 {
		return ""
	}
	return `"` + strings.Join(w, " ") + `"`
}
