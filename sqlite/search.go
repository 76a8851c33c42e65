package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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
// search may take, so the search ranks the documents that match in their
// title, trigger, contributing factors, action items or tags (where a word
// says most about what a postmortem is about, and which bm25 weighs
// highest anyway), and lists those that match only in the body after them,
// newest first.
var rankAll = 3000

// strongColumns are the columns that a large search ranks.
const strongColumns = "{title trigger_text factors actions tags}"

func search(ctx context.Context, tx *sql.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	inc, exc := ftsParts(f.Text)
	match := inc
	if exc != "" {
		match = "(" + inc + ") NOT (" + exc + ")"
	}
	where, args := filters(v, f)
	limit := f.PageLimit()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`, match).Scan(&n); err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	var pks []int64
	if n <= rankAll {
		var err error
		pks, err = ranked(ctx, tx, page, match, where, args, limit+1, cur.Offset)
		if err != nil {
			return nil, err
		}
		if len(page.Items) == 0 && cur.Offset > 0 {
			if page.Total, err = countMatches(ctx, tx, match, where, args); err != nil {
				return nil, err
			}
		}
	} else {
		strong := strongColumns + " : (" + inc + ")"
		if exc != "" {
			strong = "(" + strong + ") NOT (" + exc + ")"
		}
		total, err := countMatches(ctx, tx, match, where, args)
		if err != nil {
			return nil, err
		}
		if pks, err = ranked(ctx, tx, page, strong, where, args, limit+1, cur.Offset); err != nil {
			return nil, err
		}
		rankedTotal := page.Total
		if len(page.Items) == 0 {
			if rankedTotal, err = countMatches(ctx, tx, strong, where, args); err != nil {
				return nil, err
			}
		}
		if len(page.Items) <= limit {
			// The body-only matches, newest first, after the ranked ones.
			offset := max(0, cur.Offset-rankedTotal)
			rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, 0.0, 0
				FROM postmortems p WHERE p.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
				AND p.pk NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AND `+where+`
				ORDER BY p.incident_date DESC, p.id DESC LIMIT ? OFFSET ?`,
				append(append([]any{match, strong}, args...), limit+1-len(page.Items), offset)...)
			if err != nil {
				return nil, err
			}
			more := &debrief.PostmortemPage{}
			morePKs, err := scanSummaries(rows, more, false)
			if err != nil {
				return nil, err
			}
			page.Items, pks = append(page.Items, more.Items...), append(pks, morePKs...)
		}
		page.Total = total
	}
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

// ranked reads a page of the documents that match, by bm25, into page, with
// page.Total set to the number of them; it returns their pks.
func ranked(ctx context.Context, tx *sql.Tx, page *debrief.PostmortemPage, match, where string, args []any, limit, offset int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+`, documents_fts.rank AS score, count(*) OVER () AS total
		FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid
		WHERE documents_fts MATCH ? AND `+where+`
		ORDER BY score, p.id LIMIT ? OFFSET ?`, append(append([]any{match}, args...), limit, offset)...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows, page, true)
}

// countMatches counts the documents that match and pass the filters.
func countMatches(ctx context.Context, tx *sql.Tx, match, where string, args []any) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM postmortems p
		WHERE p.pk IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) AND `+where,
		append([]any{match}, args...)...).Scan(&n)
	return n, err
}

func list(ctx context.Context, tx *sql.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	where, args := filters(v, f)
	if exc := ftsAny(f.Text.Exclude); exc != "" {
		where += ` AND p.pk NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`
		args = append(args, exc)
	}
	page := &debrief.PostmortemPage{}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM postmortems p WHERE `+where, args...).Scan(&page.Total); err != nil {
		return nil, err
	}
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
	if _, err := scanSummaries(rows, page, false); err != nil {
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
// returns the rows' pks.
func scanSummaries(rows *sql.Rows, page *debrief.PostmortemPage, ranked bool) ([]int64, error) {
	defer rows.Close()
	var pks []int64
	for rows.Next() {
		s := &debrief.PostmortemSummary{}
		var pk int64
		var day, started, teams, services, tags string
		var score float64
		var total int
		if err := rows.Scan(&pk, &s.ID, &s.Title, &s.Severity, &s.Status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &teams, &services, &tags, &s.Version, &score, &total); err != nil {
			return nil, err
		}
		s.Date = date(day)
		if started != "" {
			s.Started, _ = time.Parse(time.RFC3339, started)
		}
		s.Teams, s.Services, s.Tags = jsonStrings(teams), jsonStrings(services), jsonStrings(tags)
		if ranked {
			s.Score = -score
			page.Total = total
		}
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
