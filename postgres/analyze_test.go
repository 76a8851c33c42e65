package postgres

import (
	"context"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/storetest"
)

// TestImportAnalyzes checks that closing an archive that an import filled
// gathers the planner's statistics of its tables, and that closing one
// that only took a few writes leaves them to autovacuum.
func TestImportAnalyzes(t *testing.T) {
	defer func(n int) { analyzeAfter = n }(analyzeAfter)
	analyzeAfter = 20
	ctx := context.Background()
	for _, tt := range []struct {
		name     string
		imported int
		want     bool
	}{
		{"an import", 20, true},
		{"a few writes", 19, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u := storetest.PostgresSchema(t)
			db, err := Open(ctx, u, Options{Migrate: true})
			if err != nil {
				t.Fatal(err)
			}
			a := gen.Archive{Seed: 1}
			var pms []*debrief.Postmortem
			for i := range tt.imported {
				pms = append(pms, a.Postmortem(i))
			}
			if _, errs, err := db.ImportBatch(ctx, pms); err != nil {
				t.Fatal(err)
			} else {
				for _, err := range errs {
					if err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			db, err = Open(ctx, u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, table := range []string{"postmortems", "documents", "postmortem_teams"} {
				var n int
				if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1`, table).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if got := n > 0; got != tt.want {
					t.Errorf("after %d imported, %s has statistics: %t, want %t", tt.imported, table, got, tt.want)
				}
			}
		})
	}
}
