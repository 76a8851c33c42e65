package sqlite

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

func TestTmpQueries(t *testing.T) {
	if os.Getenv("TMPQ") == "" {
		t.Skip()
	}
	readerPragmas = os.Getenv("TMPQ")
	if readerPragmas == "none" {
		readerPragmas = ""
	}
	ctx := context.Background()
	db, err := Open(ctx, "/tmp/benchdir4/sqlite-100000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	qs := []string{"certificate expired", `"connection pool"`, "connection pool team:payments", "config push all regions", "out of memory -staging", "dns timeouts service:k8s-prod", "rate limit sev:SEV1", "failover stale connections", "duplicate charged customers", "cache evictions redis", "consumer lag backlog after:2024-01-01", "alert paged night team:logistics", "key rotation logged out", "crash release ios", "prices import supplier", "disk full retention", "vendor outage status:published", `"staged rollout" customer:yes`, "rollback deploy", "checkout"}
	v := debrief.Viewer{Admin: true}
	var all []time.Duration
	for _, q := range qs {
		f, _ := debrief.ParseQuery(q)
		var ds []time.Duration
		for range 20 {
			st := time.Now()
			if _, err := db.Find(ctx, v, f); err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(st))
		}
		slices.Sort(ds)
		all = append(all, ds...)
		t.Logf("%-40s med %v", q, ds[10])
	}
	slices.Sort(all)
	t.Logf("p50 %v p95 %v", all[len(all)/2], all[len(all)*95/100])
}
