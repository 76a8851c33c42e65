package sqlite

import (
	"context"
	"reflect"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
)

// TestDecodedFilledOnOpen stores postmortems, forgets their decoded front
// matter as an archive stored before the column had none, gives one the
// decoded front matter of another file, and checks that opening the
// archive again fills in the missing ones and that every postmortem reads
// back as it was stored.
func TestDecodedFilledOnOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := gen.Archive{Seed: 11}
	want := map[string]*debrief.Postmortem{}
	for i := range 30 {
		p := a.Postmortem(i)
		if _, err := db.Import(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindByID(ctx, debrief.Operator, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		want[p.ID] = got
	}
	var missing int
	if err := db.write.QueryRow(`SELECT count(*) FROM documents WHERE decoded IS NULL OR decoded = ''`).Scan(&missing); err != nil || missing != 0 {
		t.Fatalf("%d rows stored without their decoded front matter (%v)", missing, err)
	}
	if _, err := db.write.Exec(`UPDATE documents SET decoded = NULL WHERE pk % 2 = 0`); err != nil {
		t.Fatal(err)
	}
	// Another file's decoded front matter, as a version of debrief that
	// did not keep it leaves behind when it rewrites the row.
	if _, err := db.write.Exec(`UPDATE documents SET decoded = (SELECT decoded FROM documents WHERE pk = 3) WHERE pk = 1`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, dir); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.write.QueryRow(`SELECT count(*) FROM documents WHERE decoded IS NULL`).Scan(&missing); err != nil || missing != 0 {
		t.Fatalf("after opening again, %d rows still lack their decoded front matter (%v)", missing, err)
	}
	for id, w := range want {
		got, err := db.FindByID(ctx, debrief.Operator, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s reads back differently after its decoded front matter was filled in", id)
		}
	}
}
