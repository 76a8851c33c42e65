package postgres_test

import (
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

func TestUsersContract(t *testing.T) {
	storetest.RunUsers(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}
