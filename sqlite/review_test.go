package sqlite_test

import (
	"testing"

	"github.com/debrief/debrief/storetest"
)

func TestReviewContract(t *testing.T) {
	storetest.RunReviews(t, func(t *testing.T) storetest.ReviewStore { return mustOpen(t) })
}
