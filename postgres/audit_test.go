package postgres_test

import (
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/storetest"
)

func TestAuditContract(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.RunAudit(t, func(t *testing.T) debrief.Store { return mustOpen(t) })
}
