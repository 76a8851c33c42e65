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
	err = db.readTx(ctx, func(tx *sql.Tx) error {
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
// matches, and lists the older ones after them, newest first.
var rankAll = 500

func search(ctx context.Context, tx *sql.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	match := ftsQuery(f.Text)
	where, args := filters(v, f)
	limit := f.PageLimit()
	var n int
	var cutoff int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(min(rowid), 0) FROM
		(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`, match, rankAll+1).Scan(&n, &cutoff); err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	if n <= rankAll {
		pks, total, err := ranked(ctx, tx, page, match, where, args, limit+1, cur.Offset, 0)
		if err != nil {
			return nil, err
		}
		page.SetTotal(total)
		if len(page.Items) == 0 && cur.Offset > 0 {
			total, err := countMatches(ctx, tx, match, where, args)
			if err != nil {
				return nil, err
			}
			page.SetTotal(total)
		}
		return finishSearch(ctx, tx, page, pks, match, limit, cur)
	}
	// Many matches: rank the rankAll newest, whose smallest rowid is
	// cutoff, then list the older ones by rowid, newest first.
	total, err := countMatches(ctx, tx, match, where, args)
	if err != nil {
		return nil, err
	}
	pks, rankedTotal, err := ranked(ctx, tx, page, match, where, args, limit+1, cur.Offset, cutoff)
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM postmortems p WHERE p.pk >= ?
			AND p.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ?) AND `+where,
			append([]any{cutoff, match, cutoff}, args...)...).Scan(&rankedTotal); err != nil {
			return nil, err
		}
	}
	if len(page.Items) <= limit {
		rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, 0.0, 0
			FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
			WHERE documents_fts MATCH ? AND documents_fts.rowid < ? AND `+where+`
			ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{match, cutoff}, args...), limit+1-len(page.Items), max(0, cur.Offset-rankedTotal))...)
		if err != nil {
			return nil, err
		}
		older := &debrief.PostmortemPage{}
		olderPKs, _, err := scanSummaries(rows, older, false)
		if err != nil {
			return nil, err
		}
		page.Items, pks = append(page.Items, older.Items...), append(pks, olderPKs...)
	}
	page.SetTotal(total)
	return finishSearch(ctx, tx, page, pks, match, limit, cur)
}

// finishSearch cuts the page to its size, sets its cursor and adds the
// snippets.
func finishSearch(ctx context.Context, tx *sql.Tx, page *debrief.PostmortemPage, pks []int64, match string, limit int, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	if len(page.Items) > limit {
		page.Items, pks = page.Items[:limit], pks[:limit]
		page.Next = debrief.Cursor{Ranked: true, Offset: cur.Offset + limit}.Encode()
	}
	if len(pks) == 0 {
		return page, nil
	}
	// Snippets only for the page: computing them is the costly part.
	rows, err := tx.QueryContext(ctx, `SELECT rowid, snippet(documents_fts, -1, ?, ?, '…', 24) FROM documents_fts
		WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
		debrief.MatchStart, debrief.MatchEnd, match, int64Array(pks))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	snippets := map[int64]string{}
	for rows.Next() {
		var pk int64
		var s string
		if err := rows.Scan(&pk, &s); err != nil {
			return nil, err
		}
		snippets[pk] = s
	}
	for i, s := range page.Items {
		s.Snippet = debrief.ParseSnippet(snippets[pks[i]])
	}
	return page, rows.Err()
}

// ranked reads a page of the documents that match, from rowid from on, by
// bm25, into page; it returns their pks and how many match in all.
func ranked(ctx context.Context, tx *sql.Tx, page *debrief.PostmortemPage, match, where string, args []any, limit, offset int, from int64) ([]int64, int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, documents_fts.rank AS score, count(*) OVER () AS total
		FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND documents_fts.rowid >= ? AND `+where+`
		ORDER BY score, p.id LIMIT ? OFFSET ?`, append(append([]any{match, from}, args...), limit, offset)...)
	if err != nil {
		return nil, 0, err
	}
	pks, total, err := scanSummaries(rows, page, true)
	return pks, total, err
}

// countMatches counts the documents that match and pass the filters, up
// to debrief.CountLimit and one more.
func countMatches(ctx context.Context, tx *sql.Tx, match, where string, args []any) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND `+where+` LIMIT ?)`,
		append(append([]any{match}, args...), debrief.CountLimit+1)...).Scan(&n)
	return n, err
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
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, 0.0, 0 FROM postmortems p WHERE `+where+keyset+`
		ORDER BY p.incident_date DESC, p.id DESC LIMIT ?`, append(append(args, kargs...), limit+1)...)
	if err != nil {
		return nil, err
	}
	if _, _, err := scanSummaries(rows, page, false); err != nil {
		return nil, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.Next = debrief.Cursor{Date: last.Date.String(), ID: last.ID}.Encode()
	}
	return page, nil
}

// scanSummaries reads rows of summaryColumns, score and total into page and
// returns the rows' pks and the total of the last row.
func scanSummaries(rows *sql.Rows, page *debrief.PostmortemPage, ranked bool) ([]int64, int, error) {
	defer rows.Close()
	var pks []int64
	var last int
	for rows.Next() {
		s := &debrief.PostmortemSummary{}
		var pk int64
		var day, started, teams, services, tags string
		var score float64
		var total int
		if err := rows.Scan(&pk, &s.ID, &s.Title, &s.Severity, &s.Status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &teams, &services, &tags, &s.Version, &score, &total); err != nil {
			return nil, 0, err
		}
		s.Date = date(day)
		if started != "" {
			s.Started, _ = time.Parse(time.RFC3339, started)
		}
		s.Teams, s.Services, s.Tags = jsonStrings(teams), jsonStrings(services), jsonStrings(tags)
		if ranked {
			s.Score = -score
			last = total
		}
		page.Items = append(page.Items, s)
		pks = append(pks, pk)
	}
	return pks, last, rows.Err()
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
