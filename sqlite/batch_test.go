package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

// TestImportBatchLeavesOutAFailure makes the database refuse one postmortem
// in the middle of a batch: the others land, and it is left out whole.
func TestImportBatchLeavesOutAFailure(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.write.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN new.title = 'Refused'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
	var batch []*debrief.Postmortem
	for i, title := range []string{"First", "Refused", "Third"} {
		batch = append(batch, &debrief.Postmortem{ID: "PM-2025-00" + string(rune('1'+i)), Title: title,
			Severity: debrief.SEV3, Status: debrief.StatusDraft, Started: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	results, errs, err := db.ImportBatch(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || results[0] != debrief.Created || results[2] != debrief.Created || errs[1] == nil {
		t.Fatalf("results %v, errors %v; want the first and third created and the second refused", results, errs)
	}
	page, err := db.Find(ctx, debrief.Operator, debrief.PostmortemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 {
		t.Errorf("%d postmortems stored, want 2", page.Total)
	}
	var n int
	if err := db.write.QueryRow(`SELECT count(*) FROM postmortems WHERE id = 'PM-2025-002'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the refused postmortem left %d rows behind (%v)", n, err)
	}
}

// TestContractLargeSearches runs the contract with searches ranked the way
// large ones are (search.go): most searches here match more than rankAll.
func TestContractLargeSearches(t *testing.T) {
	defer func(n int) { rankAll = n }(rankAll)
	rankAll = 2
	storetest.Run(t, func(t *testing.T) debrief.Store {
		db, err := Open(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
