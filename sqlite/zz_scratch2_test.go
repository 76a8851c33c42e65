package sqlite_test

import (
	"database/sql"
	"os"
	"testing"
	"time"
)

func TestScratchSQL(t *testing.T) {
	dir := os.Getenv("SCRATCH_DB")
	if dir == "" {
		t.Skip()
	}
	db, err := sql.Open("sqlite", "file:"+dir+"/debrief.db?_pragma=query_only(1)&_pragma=cache_size(-32000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	m := `"rollback" AND "deploy"`
	for _, q := range []string{
		`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '` + m + `'`,
		`SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '` + m + `' ORDER BY rank LIMIT 21)`,
		`SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '` + m + `' ORDER BY bm25(documents_fts) LIMIT 21)`,
		`SELECT count(*) FROM documents_fts JOIN postmortems p ON p.pk = documents_fts.rowid WHERE documents_fts MATCH '` + m + `' AND (p.restricted = 0)`,
		`SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '{title trigger_text factors actions tags}: (` + m + `)' ORDER BY rank LIMIT 21)`,
		`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '{title trigger_text factors actions tags}: (` + m + `)'`,
		`SELECT count(*) FROM postmortems p WHERE p.pk IN (SELECT pk FROM postmortem_teams WHERE team IN ('payments'))`,
		`SELECT count(*) FROM postmortems p WHERE EXISTS (SELECT 1 FROM postmortem_teams l WHERE l.pk = p.pk AND l.team IN ('payments'))`,
		`SELECT count(*) FROM postmortems p`,
		`SELECT count(*) FROM postmortems p WHERE p.restricted = 0 OR EXISTS (SELECT 1 FROM postmortem_teams vt WHERE vt.pk = p.pk AND vt.team IN ('payments'))`,
	} {
		best := time.Hour
		var n int
		for range 3 {
			t0 := time.Now()
			if err := db.QueryRow(q).Scan(&n); err != nil {
				t.Fatal(q, err)
			}
			best = min(best, time.Since(t0))
		}
		t.Logf("%8.1f ms %6d  %s", float64(best.Microseconds())/1000, n, q)
	}
}
