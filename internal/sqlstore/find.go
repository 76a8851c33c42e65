package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Find lists or searches the postmortems v may see: a search with words
// is the dialect's (Dialect.Search), a list is the same everywhere.
func (db *DB) Find(ctx context.Context, v debrief.Viewer, f debrief.PostmortemFilter) (*debrief.PostmortemPage, error) {
	ranked := f.Text.Ranked()
	cur, err := debrief.DecodeCursor(f.Cursor, ranked)
	if err != nil {
		return nil, err
	}
	var page *debrief.PostmortemPage
	err = db.SearchTx(ctx, func(tx *Tx) error {
		changes, err := tx.changes(ctx)
		if err != nil {
			return err
		}
		where, args := db.Filters(v, f)
		key := fmt.Sprintf("%s\x00%#v\x00%q\x00%q\x00%d\x00%q", where, args, f.Text.Include, f.Text.Exclude, f.PageLimit(), f.Cursor)
		if page = db.results.get(changes, key); page != nil {
			return nil
		}
		if ranked {
			page, err = db.d.Search(ctx, tx, v, f, cur)
		} else {
			page, err = db.list(ctx, tx, v, f, cur)
		}
		if err == nil {
			db.results.put(changes, key, page)
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

// SummaryColumns are the columns, of postmortems p, that ScanSummaries
// reads.
const SummaryColumns = `p.pk, p.id, p.title, p.severity, p.status, p.customer_facing, p.restricted,
	p.incident_date, p.started, p.teams, p.services, p.tags, p.version,
	p.resolved, p.lint_blame, p.lint_root_cause, p.lint_structure`

func (db *DB) list(ctx context.Context, tx *Tx, v debrief.Viewer, f debrief.PostmortemFilter, cur debrief.Cursor) (*debrief.PostmortemPage, error) {
	where, args := db.Filters(v, f)
	exc, eargs := db.d.Exclude(f.Text.Exclude)
	if exc != "" {
		where += ` AND ` + exc
		args = append(args, eargs...)
	}
	page := &debrief.PostmortemPage{}
	n, err := db.listTotal(ctx, tx, where, args, exc == "")
	if err != nil {
		return nil, err
	}
	page.SetTotal(n)
	limit := f.PageLimit()
	keyset, kargs := "", []any{}
	if cur.ID != "" {
		keyset = ` AND (p.incident_date, p.id) < (?, ?)`
		kargs = []any{cur.Date, cur.ID}
	}
	rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+` FROM postmortems p WHERE `+where+keyset+`
		ORDER BY p.incident_date DESC, p.id DESC LIMIT ?`, append(append(args, kargs...), limit+1)...)
	if err != nil {
		return nil, err
	}
	if _, err := db.ScanSummaries(rows, page); err != nil {
		return nil, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.Next = debrief.Cursor{Date: last.Date.String(), ID: last.ID}.Encode()
	}
	return page, nil
}

// listTotal counts the postmortems that where selects, up to
// debrief.CountLimit and one more. Without words to exclude, that is the
// size of the cached selection (selection.go), unless it is every
// postmortem: counting the first rows of the table is as cheap.
func (db *DB) listTotal(ctx context.Context, tx *Tx, where string, args []any, selection bool) (int, error) {
	if selection && where != allVisible {
		sel, err := db.Selection(ctx, tx, where, args)
		if err != nil {
			return 0, err
		}
		return sel.Len(), nil
	}
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM postmortems p WHERE `+where+` LIMIT ?) c`,
		append(slices.Clone(args), debrief.CountLimit+1)...).Scan(&n)
	return n, err
}

// Summaries reads the summaries of the postmortems pks into page, in that
// order.
func (db *DB) Summaries(ctx context.Context, tx *Tx, page *debrief.PostmortemPage, pks []int64) error {
	if len(pks) == 0 {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT `+SummaryColumns+` FROM postmortems p WHERE `+db.d.In("p.pk"), db.d.List(pks))
	if err != nil {
		return err
	}
	read := &debrief.PostmortemPage{}
	got, err := db.ScanSummaries(rows, read)
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

// ScanSummaries reads rows of SummaryColumns into page, closes rows and
// returns the rows' pks. Columns after SummaryColumns are read into the
// destinations extra, row after row.
func (db *DB) ScanSummaries(rows *sql.Rows, page *debrief.PostmortemPage, extra ...any) ([]int64, error) {
	var pks []int64
	err := db.scanSummaries(rows, extra, func(pk int64, s *debrief.PostmortemSummary) {
		page.Items = append(page.Items, s)
		pks = append(pks, pk)
	})
	return pks, err
}

// scanSummaries reads rows of SummaryColumns followed by columns into the
// destinations extra, calls each after every row, and closes rows.
func (db *DB) scanSummaries(rows *sql.Rows, extra []any, each func(pk int64, s *debrief.PostmortemSummary)) error {
	defer rows.Close()
	for rows.Next() {
		s := &debrief.PostmortemSummary{}
		var pk int64
		var day string
		var blame, rootCause, structure sql.NullInt64
		if err := rows.Scan(append([]any{&pk, &s.ID, &s.Title, &s.Severity, &s.Status, &s.CustomerFacing, &s.Restricted,
			&day, timeScanner{&s.Started}, db.d.ScanList(&s.Teams), db.d.ScanList(&s.Services), db.d.ScanList(&s.Tags), &s.Version,
			timeScanner{&s.Resolved}, &blame, &rootCause, &structure}, extra...)...); err != nil {
			return err
		}
		s.Date = date(day)
		if blame.Valid && rootCause.Valid && structure.Valid {
			s.Lint = &debrief.LintCounts{Blame: int(blame.Int64), RootCause: int(rootCause.Int64), Structure: int(structure.Int64)}
		}
		each(pk, s)
	}
	return rows.Err()
}

// Filters returns the WHERE condition, on postmortems p, for what v may see
// and what f selects, with its parameters.
func (db *DB) Filters(v debrief.Viewer, f debrief.PostmortemFilter) (string, []any) {
	d := db.d
	vis, args := db.Visible(v)
	conds := []string{vis}
	link := func(table, column string, values []string) {
		if keys := debrief.Keys(values); len(keys) > 0 {
			conds = append(conds, d.Hashed(`p.pk IN (SELECT pk FROM `+table+` WHERE `+d.In(column)+`)`))
			args = append(args, d.List(keys))
		}
	}
	link("postmortem_teams", "team", f.Teams)
	link("postmortem_services", "service", f.Services)
	link("postmortem_tags", "tag", f.Tags)
	if len(f.Severities) > 0 {
		conds = append(conds, d.In("p.severity"))
		args = append(args, d.List(toStrings(f.Severities)))
	}
	if len(f.Statuses) > 0 {
		conds = append(conds, d.In("p.status"))
		args = append(args, d.List(toStrings(f.Statuses)))
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

// allVisible is Visible's condition for a viewer who may see everything.
const allVisible = "1 = 1"

// Visible returns the condition, on postmortems p, that v may see p, with
// its parameters.
func (db *DB) Visible(v debrief.Viewer) (string, []any) {
	if v.Admin {
		return allVisible, nil
	}
	// Few postmortems are restricted: their teams are looked up one by one
	// (RowByRow), instead of every postmortem of the viewer's teams before
	// the first row.
	return `(NOT p.restricted OR EXISTS (SELECT 1 FROM postmortem_teams vt WHERE vt.pk = p.pk
		AND ` + db.d.In("vt.team") + db.d.RowByRow() + `))`, []any{db.d.List(v.TeamKeys())}
}

func toStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// timeScanner reads a timestamp column, stored as a time or as RFC 3339
// text; NULL and "" are the zero time.
type timeScanner struct{ t *time.Time }

func (s timeScanner) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*s.t = time.Time{}
	case time.Time:
		*s.t = v.UTC()
	case string:
		return s.parse(v)
	case []byte:
		return s.parse(string(v))
	default:
		return fmt.Errorf("a time cannot be read from %T", src)
	}
	return nil
}

func (s timeScanner) parse(v string) error {
	if v == "" {
		*s.t = time.Time{}
		return nil
	}
	*s.t, _ = time.Parse(time.RFC3339, v)
	return nil
}
