package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Find lists or searches the postmortems v may see.
func (db *DB) Find(ctx context.Context, v debrief.Viewer, f debrief.PostmortemFilter) (*debrief.PostmortemPage, error) {
	ranked := f.Text.Ranked()
	cur, err := debrief.DecodeCursor(f.Cursor, ranked)
	if err != nil {
		return nil, err
	}
	var page *debrief.PostmortemPage
	err = db.searchTx(ctx, func(tx *sql.Tx) error {
		var err error
		if ranked {
			page, err = search(ctx, tx, v, f, cur)
		} else {
			page, err = list(ctx, tx, v, f, cur)
		}
		return err
	})
	if err != nil {
		if debrief.ErrorCode(err) != debrief.EINTERNAL {
			return nil, err
		}
		return nil, fmt.Errorf("find postmortems %q: %w", f.String(), err)
	}
	return page, nil
}

const summaryColumns = `p.pk, p.id, p.title, p.severity, p.status, p.customer_facing, p.restricted,
	p.incident_date, p.started, p.teams, p.services, p.tags, p.version`

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
func search(ctx context.Context, tx *sql.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	match := ftsQuery(f.Text)
	where, args := filters(v, f)
	limit := f.PageLimit()
	var n int
	var cutoff int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(r), 0) FROM
		(SELECT documents_fts.rowid AS r FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND `+where+` ORDER BY documents_fts.rowid DESC LIMIT ?)`,
		append(append([]any{match}, args...), rankAll+1)...).Scan(&n, &cutoff); err != nil {
		return nil, err
	}
	if n <= rankAll {
		cutoff = 0 // rank them all
	}
	// bm25 is computed only for the rows the CASE ranks.
	rows, err := tx.QueryContext(ctx, `SELECT p.pk, p.id, CASE WHEN documents_fts.rowid >= ? THEN documents_fts.rank END
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
	if err := summaries(ctx, tx, page, pks); err != nil {
		return nil, err
	}
	if capped && len(page.Items) <= limit {
		rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`
			FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
			WHERE documents_fts MATCH ? AND documents_fts.rowid < ? AND `+where+`
			ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{match, cutoff}, args...), limit+1-len(page.Items), max(0, cur.Offset-len(rankedHits)))...)
		if err != nil {
			return nil, err
		}
		more := &debrief.PostmortemPage{}
		morePKs, err := scanSummaries(rows, more)
		if err != nil {
			return nil, err
		}
		page.Items, pks = append(page.Items, more.Items...), append(pks, morePKs...)
	}
	page.SetTotal(total)
	return finishSearch(ctx, tx, page, pks, match, f.Text, limit, cur)
}

// summaries reads the summaries of the postmortems pks into page, in that
// order.
func summaries(ctx context.Context, tx *sql.Tx, page *debrief.PostmortemPage, pks []int64) error {
	if len(pks) == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM postmortems p
		WHERE p.pk IN (SELECT value FROM json_each(?))`, int64Array(pks))
	if err != nil {
		return err
	}
	read := &debrief.PostmortemPage{}
	got, err := scanSummaries(rows, read)
	if err != nil {
		return err
	}
	byPK := make(map[int64]*debrief.PostmortemSummary, len(got))
	for i, pk := range got {
		byPK[pk] = read.Items[i]
	}
	for _, pk := range pks {
		s := byPK[pk]
		if s == nil {
			return fmt.Errorf("postmortem %d is missing", pk)
		}
		page.Items = append(page.Items, s)
	}
	return nil
}

// finishSearch cuts the page to its size, sets its cursor and adds the
// snippets.
func finishSearch(ctx context.Context, tx *sql.Tx, page *debrief.PostmortemPage, pks []int64, match string, text debrief.TextQuery, limit int, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
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
	rows, err := tx.QueryContext(ctx, `SELECT rowid, `+highlights+` FROM documents_fts
		WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
		debrief.MatchStart, debrief.MatchEnd, highlightMax, match, int64Array(pks))
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

func list(ctx context.Context, tx *sql.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	where, args := filters(v, f)
	if exc := ftsAny(f.Text.Exclude); exc != "" {
		where += ` AND p.pk NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`
		args = append(args, exc)
	}
	page := &debrief.PostmortemPage{}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM postmortems p WHERE `+where+` LIMIT ?)`,
		append(slices.Clone(args), debrief.CountLimit+1)...).Scan(&n); err != nil {
		return nil, err
	}
	page.SetTotal(n)
	limit := f.PageLimit()
	keyset, kargs := "", []any{}
	if cur.ID != "" {
		keyset = ` AND (p.incident_date, p.id) < (?, ?)`
		kargs = []any{cur.Date, cur.ID}
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM postmortems p WHERE `+where+keyset+`
		ORDER BY p.incident_date DESC, p.id DESC LIMIT ?`, append(append(args, kargs...), limit+1)...)
	if err != nil {
		return nil, err
	}
	if _, err := scanSummaries(rows, page); err != nil {
		return nil, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.Next = debrief.Cursor{Date: last.Date.String(), ID: last.ID}.Encode()
	}
	return page, nil
}

// scanSummaries reads rows of summaryColumns into page and returns the
// rows' pks.
func scanSummaries(rows *sql.Rows, page *debrief.PostmortemPage) ([]int64, error) {
	defer rows.Close()
	var pks []int64
	for rows.Next() {
		s := &debrief.PostmortemSummary{}
		var pk int64
		var day, started, teams, services, tags string
		if err := rows.Scan(&pk, &s.ID, &s.Title, &s.Severity, &s.Status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &teams, &services, &tags, &s.Version); err != nil {
			return nil, err
		}
		s.Date = date(day)
		if started != "" {
			s.Started, _ = time.Parse(time.RFC3339, started)
		}
		s.Teams, s.Services, s.Tags = jsonStrings(teams), jsonStrings(services), jsonStrings(tags)
		page.Items = append(page.Items, s)
		pks = append(pks, pk)
	}
	return pks, rows.Err()
}

// filters returns the WHERE condition, on postmortems p, for what v may see
// and what f selects.
func filters(v debrief.Viewer, f debrief.PostmortemFilter) (string, []any) {
	vis, args := visible(v)
	conds := []string{vis}
	link := func(table, column string, values []string) {
		if keys := debrief.Keys(values); len(keys) > 0 {
			conds = append(conds, `p.pk IN (SELECT pk FROM `+table+` WHERE `+column+` IN (SELECT value FROM json_each(?)))`)
			args = append(args, jsonArray(keys))
		}
	}
	link("postmortem_teams", "team", f.Teams)
	link("postmortem_services", "service", f.Services)
	link("postmortem_tags", "tag", f.Tags)
	if len(f.Severities) > 0 {
		conds = append(conds, `p.severity IN (SELECT value FROM json_each(?))`)
		args = append(args, jsonArray(toStrings(f.Severities)))
	}
	if len(f.Statuses) > 0 {
		conds = append(conds, `p.status IN (SELECT value FROM json_each(?))`)
		args = append(args, jsonArray(toStrings(f.Statuses)))
	}
	if f.CustomerFacing != nil {
		conds = append(conds, `p.customer_facing = ?`)
		args = append(args, *f.CustomerFacing)
	}
	if !f.After.IsZero() {
		conds = append(conds, `p.incident_date >= ?`)
		args = append(args, f.After.String())
	}
	if !f.Before.IsZero() {
		conds = append(conds, `p.incident_date < ? AND p.incident_date != ''`)
		args = append(args, f.Before.String())
	}
	return strings.Join(conds, " AND "), args
}

// visible returns the condition, on postmortems p, that v may see p.
func visible(v debrief.Viewer) (string, []any) {
	if v.Admin {
		return "1 = 1", nil
	}
	return `(p.restricted = 0 OR EXISTS (SELECT 1 FROM postmortem_teams vt WHERE vt.pk = p.pk
		AND vt.team IN (SELECT value FROM json_each(?))))`, []any{jsonArray(v.TeamKeys())}
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

func toStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func jsonStrings(s string) []string {
	var out []string
	_ = json.Unmarshal([]byte(s), &out)
	if len(out) == 0 {
		return nil
	}
	return out
}

func int64Array(vs []int64) string {
	b, _ := json.Marshal(vs)
	return string(b)
}
