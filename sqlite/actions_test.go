package sqlite_test

import (
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

func TestFollowThroughContract(t *testing.T) {
	storetest.RunFollowThrough(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}
