package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
	"github.com/debrief/debrief/storetest/bench"
)

// The benchmarks run on a generated archive of DEBRIEF_BENCH_N postmortems
// (100,000 unless set), built once per run in a temporary folder, or kept
// in DEBRIEF_BENCH_DIR to be reused by later runs:
//
//	go test ./sqlite -run '^$' -bench . -benchtime 400x
//
// They report milliseconds per operation at the median and the 95th
// percentile; the targets on two cores are import of 100,000 in two
// minutes, search p95 ≤ 25 ms, similar p95 ≤ 50 ms, get p95 ≤ 5 ms.

var archive bench.Archive[*sqlite.DB]

// benchArchive returns the archive of the benchmarks, building it once.
func benchArchive(b *testing.B) *sqlite.DB {
	b.Helper()
	return archive.Get(b, func(ctx context.Context) (*sqlite.DB, error) {
		dir := os.Getenv("DEBRIEF_BENCH_DIR")
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "debrief-bench-"); err != nil {
				return nil, err
			}
		}
		return sqlite.Open(ctx, filepath.Join(dir, "sqlite-"+strconv.Itoa(bench.Size())))
	}, func(ctx context.Context, db *sqlite.DB) (*sqlite.DB, error) {
		// Close optimizes the full-text indexes after an import, as at
		// the end of `debrief import`.
		if err := db.Close(); err != nil {
			return nil, err
		}
		return sqlite.OpenFile(ctx, db.Path())
	})
}

// BenchmarkImport imports generated postmortems into an empty archive as
// `debrief import` does once it has read and checked the files: batches of
// debrief.ImportBatchSize, each postmortem in a savepoint of its own. It
// reports the time per postmortem and for DEBRIEF_BENCH_N of them.
func BenchmarkImport(b *testing.B) {
	benchImport(b, debrief.ImportBatchSize)
}

// BenchmarkImportOne imports postmortems one transaction each, as the API
// and single-file imports do.
func BenchmarkImportOne(b *testing.B) {
	benchImport(b, 1)
}

func benchImport(b *testing.B, batch int) {
	a := gen.Archive{Seed: 1}
	const distinct = 2000
	srcs := make([][]byte, distinct)
	for i := range srcs {
		srcs[i] = markdown.Write(a.Postmortem(i))
	}
	bench.ImportBatches(b, mustOpen(b), batch, func(i int) *debrief.Postmortem {
		f := markdown.CheckBytes("bench.md", srcs[i%distinct], debrief.DefaultTaxonomy())
		p := f.Doc.Postmortem
		p.ID = "PM-2030-" + strconv.Itoa(100000+i)
		for k := range p.ActionItems {
			p.ActionItems[k].ID = "ACT-" + strconv.Itoa(i*10+k+1)
		}
		p.AcceptedRisks, p.Related = nil, nil
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
func BenchmarkRecurrences(b *testing.B)    { bench.Recurrences(b, benchArchive(b)) }
