package sqlite_test

import (
	"context"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sqlite"
	"github.com/debrief/debrief/storetest"
)

// mustOpen opens a new archive in a temporary folder, closed when t ends.
func mustOpen(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}
