package postgres_test

import (
	"testing"

	"github.com/debrief/debrief/storetest"
)

func TestReviewContract(t *testing.T) {
	storetest.PostgresURL(t)
	storetest.RunReviews(t, func(t *testing.T) storetest.ReviewStore { return mustOpen(t) })
}
