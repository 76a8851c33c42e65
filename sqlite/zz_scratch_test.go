package sqlite_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sqlite"
)

func TestScratchQueries(t *testing.T) {
	dir := os.Getenv("SCRATCH_DB")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v := debrief.Viewer{User: "bench", Teams: []string{"payments", "platform"}}
	for _, q := range []string{"", "team:payments", "service:dispatch sev:SEV1,SEV2",
		"certificate expired", `"connection pool"`, "connection pool team:payments", "config push all regions",
		"out of memory -staging", "dns timeouts service:k8s-prod", "rate limit sev:SEV1", "failover stale connections",
		"duplicate charged customers", "cache evictions redis", "consumer lag backlog after:2024-01-01",
		"alert paged night team:logistics", "key rotation logged out", "crash release ios", "prices import supplier",
		"disk full retention", "vendor outage status:published", `"staged rollout" customer:yes`, "rollback deploy", "checkout"} {
		f, _ := debrief.ParseQuery(q)
		best := time.Hour
		var page *debrief.PostmortemPage
		for range 3 {
			t0 := time.Now()
			page, err = db.Find(ctx, v, f)
			if err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(t0))
		}
		t.Logf("%-45q %8.1f ms  total %d", q, float64(best.Microseconds())/1000, page.Total)
	}
	for _, id := range []string{"PM-2016-000100", "PM-2019-040000", "PM-2024-090000", "PM-2023-080000", "PM-2018-030000"} {
		t0 := time.Now()
		sims, err := db.Similar(ctx, v, id, 5)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("similar %s %8.1f ms %d", id, float64(time.Since(t0).Microseconds())/1000, len(sims))
	}
}
