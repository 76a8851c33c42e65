package postgres_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest/bench"
	"github.com/jackc/pgx/v5"
)

// The benchmarks run on a generated archive of DEBRIEF_BENCH_N postmortems
// (100,000 unless set) in the schema debrief_bench_N of the server that
// DEBRIEF_TEST_POSTGRES names. The schema is built on first use and kept for
// later runs; drop it with DROP SCHEMA debrief_bench_100000 CASCADE.
//
//	DEBRIEF_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test?sslmode=disable \
//	    go test ./postgres -run '^$' -bench . -benchtime 400x

var (
	archiveOnce sync.Once
	archiveDB   *postgres.DB
	archiveErr  error
)

func benchArchive(b *testing.B) *postgres.DB {
	b.Helper()
	u := testURL(b)
	archiveOnce.Do(func() {
		ctx := context.Background()
		n := bench.Size()
		schema := "debrief_bench_" + strconv.Itoa(n)
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			archiveErr = err
			return
		}
		_, archiveErr = conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema)
		conn.Close(ctx)
		if archiveErr != nil {
			return
		}
		if archiveDB, archiveErr = postgres.Open(ctx, withSearchPath(b, u, schema), postgres.Options{Migrate: true}); archiveErr != nil {
			return
		}
		var have int
		refs, err := archiveDB.References(ctx, nil, nil)
		if err != nil {
			archiveErr = err
			return
		}
		have = len(refs.IDs)
		if have >= n {
			return
		}
		start := time.Now()
		if archiveErr = bench.Import(ctx, archiveDB, gen.Archive{Seed: 1}, have, n); archiveErr != nil {
			return
		}
		b.Logf("built an archive of %d postmortems in schema %s in %v", n, schema, time.Since(start).Round(time.Second))
		// Fresh tables have no planner statistics until autovacuum
		// comes by; gather them now, as it would.
		conn, err = pgx.Connect(ctx, withSearchPath(b, u, schema))
		if err != nil {
			archiveErr = err
			return
		}
		defer conn.Close(ctx)
		_, archiveErr = conn.Exec(ctx, "ANALYZE")
	})
	if archiveErr != nil {
		b.Fatal(archiveErr)
	}
	return archiveDB
}

// BenchmarkImport imports generated postmortems in batches into an empty
// schema, as `debrief import` does.
func BenchmarkImport(b *testing.B) {
	a := gen.Archive{Seed: 1}
	bench.ImportBatches(b, mustOpen(b), debrief.ImportBatchSize, func(i int) *debrief.Postmortem {
		p := a.Postmortem(i)
		p.Related = nil
		return p
	})
}

func BenchmarkGet(b *testing.B)     { bench.Get(b, benchArchive(b)) }
func BenchmarkSearch(b *testing.B)  { bench.Search(b, benchArchive(b)) }
func BenchmarkList(b *testing.B)    { bench.List(b, benchArchive(b)) }
func BenchmarkSimilar(b *testing.B) { bench.Similar(b, benchArchive(b)) }

func BenchmarkSimilarToDraft(b *testing.B) { bench.SimilarToDraft(b, benchArchive(b)) }
func BenchmarkFamilies(b *testing.B)       { bench.Families(b, benchArchive(b)) }
