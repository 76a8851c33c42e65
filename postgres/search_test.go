package postgres

import (
	"context"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

// TestContractSmallWindows runs the searches of the contract with windows
// of two postmortems and two ranked matches, so that the small archives of
// the tests are searched the way large ones are (search.go): in several
// windows, and with older matches listed after the ranked ones.
func TestContractSmallWindows(t *testing.T) {
	storetest.PostgresURL(t)
	defer func(w, n int) { searchWindow, rankAll = w, n }(searchWindow, rankAll)
	searchWindow, rankAll = 2, 2
	storetest.RunSearch(t, func(t *testing.T) debrief.Store {
		db, err := Open(context.Background(), storetest.PostgresSchema(t), Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
