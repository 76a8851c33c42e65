package postgres_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest"
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

var archive bench.Archive[*postgres.DB]

// benchArchive returns the archive of the benchmarks, building it once.
func benchArchive(b *testing.B) *postgres.DB {
	b.Helper()
	u := storetest.PostgresURL(b)
	schema := "debrief_bench_" + strconv.Itoa(bench.Size())
	return archive.Get(b, func(ctx context.Context) (*postgres.DB, error) {
		conn, err := pgx.Connect(ctx, u)
		if err != nil {
			return nil, err
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
			return nil, err
		}
		return postgres.Open(ctx, storetest.WithSearchPath(b, u, schema), postgres.Options{Migrate: true})
	}, func(ctx context.Context, db *postgres.DB) (*postgres.DB, error) {
		// Fresh tables have no planner statistics until autovacuum
		// comes by; gather them now, as it would.
		conn, err := pgx.Connect(ctx, storetest.WithSearchPath(b, u, schema))
		if err != nil {
			return nil, err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, "ANALYZE")
		return db, err
	})
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

func BenchmarkGet(b *testing.B)            { bench.Get(b, benchArchive(b)) }
func BenchmarkSearch(b *testing.B)         { bench.Search(b, benchArchive(b)) }
func BenchmarkSearchUncached(b *testing.B) { bench.SearchUncached(b, benchArchive(b)) }
func BenchmarkList(b *testing.B)           { bench.List(b, benchArchive(b)) }
func BenchmarkSimilar(b *testing.B)        { bench.Similar(b, benchArchive(b)) }

func BenchmarkSimilarToDraft(b *testing.B) { bench.SimilarToDraft(b, benchArchive(b)) }
func BenchmarkFamilies(b *testing.B)       { bench.Families(b, benchArchive(b)) }
