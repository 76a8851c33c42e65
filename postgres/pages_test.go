package postgres_test

import (
	"testing"

	"github.com/debrief/debrief/paging"
	"github.com/debrief/debrief/storetest"
)

func TestPagesContract(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.RunPages(t, func(t *testing.T) paging.Store { return mustOpen(t) })
}
