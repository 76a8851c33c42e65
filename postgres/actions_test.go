package postgres_test

import (
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

func TestFollowThroughContract(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.RunFollowThrough(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}
