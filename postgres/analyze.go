package postgres

import (
	"context"
	"strings"
)

// analyzeAfter is how many imported documents make Close analyze the
// archive's tables.
//
// PostgreSQL plans a query from its tables' statistics, which only ANALYZE
// (or autovacuum, which servers may turn off) gathers. On the
// 100,000-postmortem archive imported with no statistics, similar
// incidents took 344 ms against 24 ms after an ANALYZE, and searches were
// planned as if the tables were empty. So `debrief import` analyzes the
// tables it filled when it closes the archive, as SQLite's store merges
// its full-text index then; the web app's single writes leave it to
// autovacuum.
var analyzeAfter = 500

// archiveTables are the tables that imports fill.
var archiveTables = []string{
	"postmortems", "documents", "postmortem_teams", "postmortem_services", "postmortem_tags",
	"postmortem_related", "contributing_factors", "action_items", "postmortem_action_items",
	"accepted_risks", "postmortem_accepted_risks", "term_df", "postmortem_kinds", "search_rows",
}

// analyzeAfterImport analyzes the archive's tables if ImportBatch has
// stored at least analyzeAfter documents since they last were.
func (db *DB) analyzeAfterImport(ctx context.Context) error {
	d := db.d
	d.importMu.Lock()
	defer d.importMu.Unlock()
	if d.unanalyzed < analyzeAfter {
		return nil
	}
	if _, err := db.sql.ExecContext(ctx, `ANALYZE `+strings.Join(archiveTables, ", ")); err != nil {
		return err
	}
	d.unanalyzed = 0
	return nil
}
