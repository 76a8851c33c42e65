package sqlstore_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/internal/sqlstore"
	"github.com/debrief/debrief/sqlite"
)

// TestReadStatementsPrepared checks that a read transaction's query is
// prepared once, after the transaction that first ran it, and that the
// prepared statement answers like the unprepared one on both reader
// connections, also while other readers hold them.
func TestReadStatementsPrepared(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := gen.Archive{Seed: 7}
	var ids []string
	for i := range 20 {
		p := a.Postmortem(i)
		if _, err := db.Import(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	const q = `SELECT pk FROM postmortems WHERE id = ?`
	pkOf := func(id string) int64 {
		var pks []int64
		err := db.ReadTx(ctx, func(tx *sqlstore.Tx) error {
			var err error
			pks, err = tx.Int64s(ctx, q, id)
			return err
		})
		if err != nil || len(pks) != 1 {
			t.Fatalf("%s: %v %v", id, pks, err)
		}
		return pks[0]
	}
	_, before := db.DB.Statements()
	first := pkOf(ids[0])
	_, after := db.DB.Statements()
	if after <= before {
		t.Fatalf("read statements kept: %d before the first read, %d after", before, after)
	}
	var mu sync.Mutex
	var got []int64
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			pk := pkOf(id)
			mu.Lock()
			got = append(got, pk)
			mu.Unlock()
		})
	}
	wg.Wait()
	if _, again := db.DB.Statements(); again != after {
		t.Errorf("read statements kept: %d after the first read, %d after the same query again", after, again)
	}
	slices.Sort(got)
	if len(slices.Compact(got)) != len(ids) || !slices.Contains(got, first) {
		t.Errorf("pks %v: want %d distinct, among them %d", got, len(ids), first)
	}
}
