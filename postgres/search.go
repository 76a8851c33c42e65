package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/jackc/pgx/v5"
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

// Find lists or searches the postmortems v may see.
func (db *DB) Find(ctx context.Context, v debrief.Viewer, f debrief.PostmortemFilter) (*debrief.PostmortemPage, error) {
	ranked := f.Text.Ranked()
	cur, err := debrief.DecodeCursor(f.Cursor, ranked)
	if err != nil {
		return nil, err
	}
	var page *debrief.PostmortemPage
	err = db.searchTx(ctx, func(tx pgx.Tx) error {
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

func search(ctx context.Context, tx pgx.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	a := &args{}
	q := tsQuery(a, f.Text)
	where := filters(a, v, f)
	limit := f.PageLimit()
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, ts_rank(`+rankWeights+`, d.search, q.q)::float8 AS score, count(*) OVER () AS total
		FROM postmortems p JOIN documents d ON d.pk = p.pk, (SELECT `+q+` AS q) q
		WHERE d.search @@ q.q AND `+where+`
		ORDER BY score DESC, p.id LIMIT `+a.add(limit+1)+` OFFSET `+a.add(cur.Offset), a.list...)
	if err != nil {
		return nil, err
	}
	page := &debrief.PostmortemPage{}
	pks, err := scanSummaries(rows, page, true)
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 && cur.Offset > 0 {
		a.list = a.list[:len(a.list)-2]
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM postmortems p JOIN documents d ON d.pk = p.pk, (SELECT `+q+` AS q) q
			WHERE d.search @@ q.q AND `+where, a.list...).Scan(&n); err != nil {
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
	h := &args{}
	hq := tsQuery(h, f.Text)
	opts := h.add(headlineOptions)
	var cols []string
	for _, f := range snippetFields {
		cols = append(cols, `ts_headline('english', d.`+f+`, q.q, `+opts+`)`)
	}
	rows, err = tx.Query(ctx, `SELECT d.pk, `+strings.Join(cols, ", ")+`
		FROM documents d, (SELECT `+hq+` AS q) q WHERE d.pk = ANY(`+h.add(pks)+`)`, h.list...)
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

func list(ctx context.Context, tx pgx.Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	a := &args{}
	where := filters(a, v, f)
	if exc := tsAny(a, f.Text.Exclude); exc != "" {
		where += ` AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.pk = p.pk AND x.search @@ (` + exc + `))`
	}
	page := &debrief.PostmortemPage{}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM postmortems p WHERE `+where+` LIMIT `+a.add(debrief.CountLimit+1)+`) c`, a.list...).Scan(&n); err != nil {
		return nil, err
	}
	a.list = a.list[:len(a.list)-1]
	page.SetTotal(n)
	limit := f.PageLimit()
	keyset := ""
	if cur.ID != "" {
		keyset = ` AND (p.incident_date, p.id) < (` + a.add(cur.Date) + `, ` + a.add(cur.ID) + `)`
	}
	rows, err := tx.Query(ctx, `SELECT `+summaryColumns+`, 0.0::float8, 0::bigint FROM postmortems p WHERE `+where+keyset+`
		ORDER BY p.incident_date DESC, p.id DESC LIMIT `+a.add(limit+1), a.list...)
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
// returns the rows' pks. The score only orders the rows: it is never shown.
func scanSummaries(rows pgx.Rows, page *debrief.PostmortemPage, ranked bool) ([]int64, error) {
	defer rows.Close()
	var pks []int64
	for rows.Next() {
		s := &debrief.PostmortemSummary{}
		var pk int64
		var severity, status, day string
		var started *time.Time
		var score float64
		var total int64
		if err := rows.Scan(&pk, &s.ID, &s.Title, &severity, &status, &s.CustomerFacing, &s.Restricted,
			&day, &started, &s.Teams, &s.Services, &s.Tags, &s.Version, &score, &total); err != nil {
			return nil, err
		}
		s.Severity, s.Status, s.Date = debrief.Severity(severity), debrief.Status(status), date(day)
		if started != nil {
			s.Started = started.UTC()
		}
		s.Teams, s.Services, s.Tags = nilIfEmpty(s.Teams), nilIfEmpty(s.Services), nilIfEmpty(s.Tags)
		if ranked {
			page.SetTotal(int(total))
		}
		page.Items = append(page.Items, s)
		pks = append(pks, pk)
	}
	return pks, rows.Err()
}

// filters returns the WHERE condition, on postmortems p, for what v may see
// and what f selects.
func filters(a *args, v debrief.Viewer, f debrief.PostmortemFilter) string {
	conds := []string{visible(a, v)}
	link := func(table, column string, values []string) {
		if keys := debrief.Keys(values); len(keys) > 0 {
			conds = append(conds, `p.pk IN (SELECT pk FROM `+table+` WHERE `+column+` = ANY(`+a.add(keys)+`))`)
		}
	}
	link("postmortem_teams", "team", f.Teams)
	link("postmortem_services", "service", f.Services)
	link("postmortem_tags", "tag", f.Tags)
	if len(f.Severities) > 0 {
		conds = append(conds, `p.severity = ANY(`+a.add(toStrings(f.Severities))+`)`)
	}
	if len(f.Statuses) > 0 {
		conds = append(conds, `p.status = ANY(`+a.add(toStrings(f.Statuses))+`)`)
	}
	if f.CustomerFacing != nil {
		conds = append(conds, `p.customer_facing = `+a.add(*f.CustomerFacing))
	}
	if !f.After.IsZero() {
		conds = append(conds, `p.incident_date >= `+a.add(f.After.String()))
	}
	if !f.Before.IsZero() {
		conds = append(conds, `p.incident_date < `+a.add(f.Before.String())+` AND p.incident_date != ''`)
	}
	return strings.Join(conds, " AND ")
}

// visible returns the condition, on postmortems p, that v may see p.
func visible(a *args, v debrief.Viewer) string {
	if v.Admin {
		return "TRUE"
	}
	return `(NOT p.restricted OR EXISTS (SELECT 1 FROM postmortem_teams vt WHERE vt.pk = p.pk
		AND vt.team = ANY(` + a.add(nonNil(v.TeamKeys())) + `)))`
}

// tsQuery turns a text query into a tsquery expression: every included word
// or phrase, and none of the excluded ones. The words are passed as
// parameters to phraseto_tsquery, so no input is ever read as tsquery
// syntax.
func tsQuery(a *args, q debrief.TextQuery) string {
	var inc []string
	for _, s := range q.Include {
		if w := debrief.Words(s); len(w) > 0 {
			inc = append(inc, `phraseto_tsquery('english', `+a.add(strings.Join(w, " "))+`)`)
		}
	}
	expr := "(" + strings.Join(inc, " && ") + ")"
	if exc := tsAny(a, q.Exclude); exc != "" {
		expr += " && !!(" + exc + ")"
	}
	return expr
}

// tsAny matches any of the words or phrases; "" when there are none.
func tsAny(a *args, ss []string) string {
	var out []string
	for _, s := range ss {
		if w := debrief.Words(s); len(w) > 0 {
			out = append(out, `phraseto_tsquery('english', `+a.add(strings.Join(w, " "))+`)`)
		}
	}
	return strings.Join(out, " || ")
}

func toStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func nilIfEmpty(vs []string) []string {
	if len(vs) == 0 {
		return nil
	}
	return vs
}
