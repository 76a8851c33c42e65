package sqlite

import (
	"context"
	"database/sql"
	"fmt"
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

// A search reads, in one pass newest first, the pk, id and (for the
// rankAll newest matches) bm25 score of the matches that pass the filters,
// up to debrief.CountLimit and one more: that gives the total, the ranked
// ones and the first older ones at once. The summaries are read only for
// the page's rows, and the snippets too (finishSearch). Only a page past
// what that pass read (an offset near CountLimit) reads older matches
// again.
//
// Search is the dialect's: FTS5 ranks the matches with bm25.
func (d *dialect) Search(ctx context.Context, tx *sqlstore.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	match := ftsQuery(f.Text)
	where, args := d.store.Filters(v, f)
	limit := f.PageLimit()
	var n int
	var cutoff int64
	if err := tx.QueryRow(ctx, `SELECT count(*), coalesce(min(r), 0) FROM
		(SELECT documents_fts.rowid AS r FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND `+where+` ORDER BY documents_fts.rowid DESC LIMIT ?)`,
		append(append([]any{match}, args...), rankAll+1)...).Scan(&n, &cutoff); err != nil {
		return nil, err
	}
	if n <= rankAll {
		cutoff = 0 // rank them all
	}
	// bm25 is computed only for the rows the CASE ranks.
	rows, err := tx.Query(ctx, `SELECT p.pk, p.id, CASE WHEN documents_fts.rowid >= ? THEN documents_fts.rank END
		FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND `+where+`
		ORDER BY documents_fts.rowid DESC LIMIT ?`,
		append(append([]any{cutoff, match}, args...), debrief.CountLimit+1)...)
	if err != nil {
		return nil, err
	}
	type hit struct {
		pk     int64
		id     string
		score  float64
		ranked bool
	}
	var rankedHits, older []hit
	for rows.Next() {
		var h hit
		var score sql.NullFloat64
		if err := rows.Scan(&h.pk, &h.id, &score); err != nil {
			rows.Close()
			return nil, err
		}
		h.score, h.ranked = score.Float64, score.Valid
		if h.ranked {
			rankedHits = append(rankedHits, h)
		} else {
			older = append(older, h)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	total := len(rankedHits) + len(older)
	slices.SortFunc(rankedHits, func(a, b hit) int {
		if a.score != b.score {
			if a.score < b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.id, b.id)
	})
	// hits is a prefix of all the matches in the order of the search; all
	// of them unless there are more than CountLimit.
	hits := append(rankedHits, older...)
	capped := total > debrief.CountLimit
	from := min(cur.Offset, len(hits))
	end := min(cur.Offset+limit+1, len(hits))
	if capped && end < cur.Offset+limit+1 {
		// The page reaches past the pass: take the ranked ones of it
		// here and read the older ones again, with their offset.
		end = min(end, len(rankedHits))
		from = min(from, end)
	}
	pageHits := hits[from:end]
	page := &debrief.PostmortemPage{}
	pks := make([]int64, len(pageHits))
	for i, h := range pageHits {
		pks[i] = h.pk
	}
	if err := d.store.Summaries(ctx, tx, page, pks); err != nil {
		return nil, err
	}
	if capped && len(page.Items) <= limit {
		rows, err := tx.Query(ctx, `SELECT `+sqlstore.SummaryColumns+`
			FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
			WHERE documents_fts MATCH ? AND documents_fts.rowid < ? AND `+where+`
			ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{match, cutoff}, args...), limit+1-len(page.Items), max(0, cur.Offset-len(rankedHits)))...)
		if err != nil {
			return nil, err
		}
		more := &debrief.PostmortemPage{}
		morePKs, err := d.store.ScanSummaries(rows, more)
		if err != nil {
			return nil, err
		}
		page.Items, pks = append(page.Items, more.Items...), append(pks, morePKs...)
	}
	page.SetTotal(total)
	return d.finishSearch(ctx, tx, page, pks, match, f.Text, limit, cur)
}

// finishSearch cuts the page to its size, sets its cursor and adds the
// snippets.
func (d *dialect) finishSearch(ctx context.Context, tx *sqlstore.Tx, page *debrief.PostmortemPage, pks []int64, match string, text debrief.TextQuery, limit int, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	if len(page.Items) > limit {
		page.Items, pks = page.Items[:limit], pks[:limit]
		page.Next = debrief.Cursor{Ranked: true, Offset: cur.Offset + limit}.Encode()
	}
	if len(pks) == 0 {
		return page, nil
	}
	// Snippets only for the page, bounded: FTS5's snippet() compares
	// every match of a field with every other, and its highlight() copies
	// what it has marked so far at every match. On a body that repeats
	// the word searched for a hundred thousand times either took minutes,
	// in C code that nothing interrupts. So highlight() marks only fields
	// of at most highlightMax bytes (a few thousand matches at most, some
	// milliseconds); of a longer field the first highlightMax bytes are
	// marked in Go (debrief.MarkWords), and debrief.BestSnippet picks the
	// window in one pass.
	rows, err := tx.Query(ctx, `SELECT rowid, `+highlights+` FROM documents_fts
		WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
		debrief.MatchStart, debrief.MatchEnd, highlightMax, match, d.List(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	snippets := map[int64]debrief.Snippet{}
	words := words(text)
	for rows.Next() {
		var pk int64
		marked := make([]sql.NullString, len(snippetColumns))
		long := make([]sql.NullString, len(snippetColumns))
		dest := []any{&pk}
		for i := range marked {
			dest = append(dest, &marked[i], &long[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		texts := make([]string, len(snippetColumns))
		for i := range texts {
			texts[i] = marked[i].String
			if long[i].Valid {
				texts[i] = debrief.MarkWords(long[i].String, words)
			}
		}
		snippets[pk] = debrief.BestSnippet(texts...)
	}
	for i, s := range page.Items {
		s.Snippet = snippets[pks[i]]
	}
	return page, rows.Err()
}

// highlightMax is the longest field, in bytes, that FTS5's highlight()
// marks.
const highlightMax = 64 << 10

// snippetColumns are the columns of documents_fts that snippets come
// from, the most telling first: the trigger, the contributing factors,
// the action items, the body, then the tags and the title, which pages
// show anyway.
var snippetColumns = []string{"trigger_text", "factors", "actions", "body", "tags", "title"}

// highlights selects, for every snippet column, its text marked by
// highlight() when it is short, and the start of its text when it is
// long; its parameters are the two markers and highlightMax, numbered ?1,
// ?2 and ?3.
var highlights = func() string {
	index := map[string]int{"title": 0, "trigger_text": 1, "factors": 2, "actions": 3, "tags": 4, "body": 5}
	var cols []string
	for _, c := range snippetColumns {
		cols = append(cols, fmt.Sprintf(`CASE WHEN length(documents_fts.%[1]s) <= ?3 THEN highlight(documents_fts, %[2]d, ?1, ?2) END,
			CASE WHEN length(documents_fts.%[1]s) > ?3 THEN substr(documents_fts.%[1]s, 1, ?3) END`, c, index[c]))
	}
	return strings.Join(cols, ", ")
}()

// words returns the words a text query looks for, for debrief.MarkWords.
func words(q debrief.TextQuery) []string {
	var out []string
	for _, s := range q.Include {
		out = append(out, debrief.Words(s)...)
	}
	return out
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
