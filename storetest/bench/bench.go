// Package bench holds the benchmarks that every debrief.Store runs on a
// generated archive (internal/gen), so that the figures of the sqlite and
// postgres packages measure the same work. Each reports milliseconds per
// operation at the median and the 95th percentile, the figures the
// archive's performance targets name.
package bench

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
	"golang.org/x/sync/errgroup"
)

// Size is the number of postmortems of the benchmark archive:
// DEBRIEF_BENCH_N, or 100,000.
func Size() int {
	if n, err := strconv.Atoi(os.Getenv("DEBRIEF_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// Import imports postmortems from to to-1 of the generated archive into s as
// `debrief import` does after reading files: each file's bytes checked and
// parsed on every core, a chunk ahead of the writer, then imported in
// batches.
func Import(ctx context.Context, s debrief.PostmortemService, a gen.Archive, from, to int) error {
	const chunk = 1000
	parse := func(lo, hi int) []*debrief.Postmortem {
		out := make([]*debrief.Postmortem, hi-lo)
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i := lo; i < hi; i++ {
			g.Go(func() error {
				src := markdown.Write(a.Postmortem(i))
				out[i-lo] = markdown.CheckBytes("gen.md", src, debrief.DefaultTaxonomy()).Doc.Postmortem
				return nil
			})
		}
		_ = g.Wait()
		return out
	}
	ahead := make(chan []*debrief.Postmortem, 1)
	go func() {
		defer close(ahead)
		for lo := from; lo < to; lo += chunk {
			ahead <- parse(lo, min(lo+chunk, to))
		}
	}()
	var err error
	for pms := range ahead {
		for lo := 0; lo < len(pms) && err == nil; lo += debrief.ImportBatchSize {
			batch := pms[lo:min(lo+debrief.ImportBatchSize, len(pms))]
			_, errs, e := s.ImportBatch(ctx, batch)
			err = errors.Join(append(errs, e)...)
		}
	}
	return err
}

// viewer reads as a member of two teams, so that every query pays for the
// visibility rules of restricted postmortems.
var viewer = debrief.Viewer{User: "bench", Teams: []string{"payments", "platform"}}

// queries are what people type into the archive's search box.
var queries = []string{
	"certificate expired",
	`"connection pool"`,
	"connection pool team:payments",
	"config push all regions",
	"out of memory -staging",
	"dns timeouts service:k8s-prod",
	"rate limit sev:SEV1",
	"failover stale connections",
	"duplicate charged customers",
	"cache evictions redis",
	"consumer lag backlog after:2024-01-01",
	"alert paged night team:logistics",
	"key rotation logged out",
	"crash release ios",
	"prices import supplier",
	"disk full retention",
	"vendor outage status:published",
	`"staged rollout" customer:yes`,
	"rollback deploy",
	"checkout",
}

// run times op over b.N iterations and reports the median and p95.
func run(b *testing.B, op func(i int) error) {
	b.Helper()
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		durations = append(durations, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(durations)
	ms := func(q float64) float64 {
		return float64(durations[min(len(durations)-1, int(q*float64(len(durations))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// randomIDs returns ids of the archive in a fixed random order.
func randomIDs(n int) []string {
	a := gen.Archive{Seed: 1}
	r := rand.New(rand.NewPCG(2, 3))
	ids := make([]string, 1000)
	for k := range ids {
		ids[k] = a.ID(r.IntN(n))
	}
	return ids
}

// Get reads postmortems by id.
func Get(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	ids := randomIDs(Size())
	run(b, func(i int) error {
		_, err := s.FindByID(ctx, viewer, ids[i%len(ids)])
		if debrief.ErrorCode(err) == debrief.ENOTFOUND {
			return nil // a restricted one of a team the viewer is not in
		}
		return err
	})
}

// parsedQueries returns the search box's queries parsed.
func parsedQueries(b *testing.B) []debrief.PostmortemFilter {
	filters := make([]debrief.PostmortemFilter, len(queries))
	for k, q := range queries {
		f, err := debrief.ParseQuery(q)
		if err != nil {
			b.Fatal(err)
		}
		filters[k] = f
	}
	return filters
}

// Search runs the queries of the search box, first page of 20.
func Search(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	filters := parsedQueries(b)
	run(b, func(i int) error {
		_, err := s.Find(ctx, viewer, filters[i%len(filters)])
		return err
	})
}

// SearchUncached runs the queries of Search as viewers that no earlier
// search had: each viewer is also in a team of its own, which no
// postmortem names, so that it sees what Search's viewer sees but no cache
// of the store's can answer for it.
func SearchUncached(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	filters := parsedQueries(b)
	run(b, func(i int) error {
		v := viewer
		v.Teams = append(slices.Clone(viewer.Teams), "bench-viewer-"+strconv.FormatInt(time.Now().UnixNano(), 36)+"-"+strconv.Itoa(i))
		_, err := s.Find(ctx, v, filters[i%len(filters)])
		return err
	})
}

// List pages through the archive without search words, with and without
// filters.
func List(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	filters := []debrief.PostmortemFilter{{}, {Teams: []string{"payments"}}, {Services: []string{"dispatch"}, Severities: []debrief.Severity{debrief.SEV1, debrief.SEV2}}}
	var cursor string
	run(b, func(i int) error {
		f := filters[i%len(filters)]
		if i%len(filters) == 0 {
			f.Cursor = cursor
		}
		page, err := s.Find(ctx, viewer, f)
		if err == nil && i%len(filters) == 0 {
			cursor = page.Next
		}
		return err
	})
}

// Similar finds the five postmortems most like a stored one.
func Similar(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	ids := randomIDs(Size())
	run(b, func(i int) error {
		_, err := s.Similar(ctx, viewer, ids[i%len(ids)], 5)
		if debrief.ErrorCode(err) == debrief.ENOTFOUND {
			return nil
		}
		return err
	})
}

// SimilarToDraft finds the five postmortems most like a 20 KB draft that is
// not stored: a generated postmortem grown by its own body, as an author's
// long draft.
func SimilarToDraft(b *testing.B, s debrief.PostmortemService) {
	ctx := context.Background()
	a := gen.Archive{Seed: 9}
	drafts := make([]*debrief.Postmortem, 50)
	for k := range drafts {
		p := a.Postmortem(k)
		p.ID = "PM-2099-" + strconv.Itoa(100+k)
		for len(p.Body) < 20<<10 {
			p.Body += "\n" + a.Postmortem(k+len(drafts)).Body
		}
		drafts[k] = p
	}
	run(b, func(i int) error {
		_, err := s.SimilarToDraft(ctx, viewer, drafts[i%len(drafts)], 5)
		return err
	})
}

// Recurrences reads what a postmortem page shows of its families: the
// recurrences that involve a stored postmortem.
func Recurrences(b *testing.B, s interface {
	debrief.PostmortemService
	debrief.FamilyService
}) {
	ctx := context.Background()
	ids := randomIDs(Size())
	run(b, func(i int) error {
		p, err := s.FindByID(ctx, viewer, ids[i%len(ids)])
		if debrief.ErrorCode(err) == debrief.ENOTFOUND {
			return nil
		}
		if err != nil {
			return err
		}
		_, err = s.Recurrences(ctx, viewer, p)
		return err
	})
}

// Families groups the whole archive into families and reads each one, as
// `debrief families --all` does.
func Families(b *testing.B, s debrief.FamilyService) {
	ctx := context.Background()
	run(b, func(int) error {
		fams, err := s.Families(ctx, debrief.Operator)
		if err != nil {
			return err
		}
		for _, f := range fams {
			if _, err := s.Family(ctx, debrief.Operator, f.Kind.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// ImportBatches imports b.N postmortems into s in batches of size, the
// i-th made by next, and reports the time per postmortem and for Size of
// them.
func ImportBatches(b *testing.B, s debrief.PostmortemService, size int, next func(i int) *debrief.Postmortem) {
	ctx := context.Background()
	b.ResetTimer()
	var ps []*debrief.Postmortem
	for i := range b.N {
		ps = append(ps, next(i))
		if len(ps) == size || i == b.N-1 {
			_, errs, err := s.ImportBatch(ctx, ps)
			if err != nil {
				b.Fatal(err)
			}
			for _, err := range errs {
				if err != nil {
					b.Fatal(err)
				}
			}
			ps = ps[:0]
		}
	}
	b.StopTimer()
	per := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(per*1000, "ms/postmortem")
	b.ReportMetric(per*float64(Size()), "s/archive")
}

// Archive is the benchmark archive of one store, built once per run and
// shared by its benchmarks.
type Archive[S debrief.Store] struct {
	once sync.Once
	s    S
	err  error
}

// Get returns the archive that open opens, with Size postmortems of the
// generated archive. The first call imports the ones it lacks, then hands
// the store to built, which prepares it for reading (optimizing or
// analysing it) and returns the store to use.
func (a *Archive[S]) Get(b *testing.B, open func(context.Context) (S, error), built func(context.Context, S) (S, error)) S {
	b.Helper()
	a.once.Do(func() {
		ctx := context.Background()
		if a.s, a.err = open(ctx); a.err != nil {
			return
		}
		refs, err := a.s.References(ctx, nil, nil)
		if err != nil {
			a.err = err
			return
		}
		n := Size()
		if len(refs.IDs) >= n {
			return
		}
		start := time.Now()
		if a.err = Import(ctx, a.s, gen.Archive{Seed: 1}, len(refs.IDs), n); a.err != nil {
			return
		}
		if a.s, a.err = built(ctx, a.s); a.err == nil {
			b.Logf("built an archive of %d postmortems in %v", n, time.Since(start).Round(time.Second))
		}
	})
	if a.err != nil {
		b.Fatal(a.err)
	}
	return a.s
}
