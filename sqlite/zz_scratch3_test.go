package sqlite_test

import (
	"database/sql"
	"os"
	"testing"
	"time"
)

func TestScratchSim(t *testing.T) {
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
	var terms string
	db.QueryRow(`SELECT terms FROM documents WHERE pk = 100`).Scan(&terms)
	t.Log(terms)
	for _, q := range []string{
		`SELECT count(*) FROM (SELECT rowid FROM terms_fts WHERE terms_fts MATCH '"expired" OR "certificate" OR "renewal" OR "handshake"' ORDER BY rank LIMIT 100)`,
		`SELECT count(*) FROM terms_fts WHERE terms_fts MATCH '"expired" OR "certificate" OR "renewal" OR "handshake"'`,
		`SELECT count(*) FROM (SELECT pk FROM postmortem_services WHERE service IN ('edge-lb','checkout-web') GROUP BY pk ORDER BY count(*) DESC, pk DESC LIMIT 100)`,
		`SELECT count(*) FROM term_df`,
		`SELECT count(*) FROM (SELECT pk FROM postmortem_related WHERE related_id = 'PM-2016-000100')`,
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
