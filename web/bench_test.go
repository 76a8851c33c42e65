package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
)

// The page benchmarks run on the archive in the data folder named by
// DEBRIEF_BENCH_DATA (such as the 100,000-postmortem archive that
// cmd/debrief-gen and debrief import make), or else on a generated archive
// of 2,000 postmortems. Each reports the 50th and 95th percentile of one
// request through the whole server (routing, session, store, templates) in
// ms, besides Go's mean ns/op:
//
//	go run ./cmd/debrief-gen -n 100000 -out /tmp/gen100k
//	go run ./cmd/debrief import --data /tmp/bench100k /tmp/gen100k
//	DEBRIEF_BENCH_DATA=/tmp/bench100k go test ./web -run '^$' -bench . -benchtime 2000x

type benchApp struct {
	srv    *Server
	cookie *http.Cookie
	ids    []string
}

var (
	benchOnce sync.Once
	benchA    *benchApp
	benchErr  error
)

func loadBenchApp(b *testing.B) *benchApp {
	b.Helper()
	benchOnce.Do(func() { benchA, benchErr = newBenchApp() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchA
}

func newBenchApp() (*benchApp, error) {
	ctx := context.Background()
	dir := os.Getenv("DEBRIEF_BENCH_DATA")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "debrief-bench-"); err != nil {
			return nil, err
		}
	}
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	refs, err := db.References(ctx, nil, nil)
	if err != nil {
		return nil, err
	}
	if len(refs.IDs) == 0 {
		a := gen.Archive{Seed: 1}
		for i := range 2000 {
			if _, err := db.Import(ctx, a.Postmortem(i)); err != nil {
				return nil, err
			}
		}
		if refs, err = db.References(ctx, nil, nil); err != nil {
			return nil, err
		}
	}
	// An editor with a team, so that reads pay for the visibility rules.
	u := &debrief.User{Name: "bench", Role: debrief.RoleEditor, Teams: []string{"payments"}}
	hash, _ := auth.HashPassword("bench-password")
	if err := db.CreateUser(ctx, u, hash); err != nil && debrief.ErrorCode(err) != debrief.ECONFLICT {
		return nil, err
	}
	if err := db.UseLinter(ctx, LintCounter(testFindings(&testing.T{}), "bench")); err != nil {
		return nil, err
	}
	srv := New(Config{Postmortems: db, Users: db, Taxonomy: debrief.DefaultTaxonomy(), Findings: testFindings(&testing.T{}),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	id, err := srv.pages.startSession(ctx, u)
	if err != nil {
		return nil, err
	}
	// The postmortem benchmark reads ids the user may see: a sample of
	// them, since restricted ones of other teams are "not found".
	var visible []string
	r := rand.New(rand.NewPCG(3, 4))
	for range min(5000, len(refs.IDs)) {
		id := refs.IDs[r.IntN(len(refs.IDs))]
		if _, err := db.FindByID(ctx, u.Viewer(), id); err == nil {
			visible = append(visible, id)
		}
	}
	return &benchApp{srv: srv, cookie: &http.Cookie{Name: sessionCookie, Value: id}, ids: visible}, nil
}

// benchQueries are searches people type: words, phrases, exclusions and
// filters.
var benchQueries = []string{
	"certificate expired", "connection pool", `"connection pool" exhausted`, "config push all regions", "dns timeout",
	"out of memory", "queue backlog", "disk full", "rate limit", "deploy rollback", "certificate -staging",
	"team:payments", "sev:SEV1 customer:yes", "cache evictions", "failover", "team:platform certificate", "tag:tls",
	"status:draft", "webhook retries", "after:2024-01-01 timeout",
}

// latencies runs fn b.N times and reports the 50th and 95th percentiles.
func latencies(b *testing.B, fn func(i int)) {
	b.Helper()
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		fn(i)
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(ds)
	pct := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

func (a *benchApp) get(b *testing.B, path string) {
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(a.cookie)
	w := httptest.NewRecorder()
	a.srv.ServeHTTP(w, req)
	if w.Code != http.StatusOK {
		b.Fatalf("GET %s: %d %s", path, w.Code, w.Body.String()[:min(300, w.Body.Len())])
	}
}

// BenchmarkPostmortemPage reads random postmortem pages: the document,
// its similar incidents, lint findings and rendered body.
func BenchmarkPostmortemPage(b *testing.B) {
	a := loadBenchApp(b)
	r := rand.New(rand.NewPCG(1, 2))
	latencies(b, func(int) { a.get(b, "/postmortems/"+a.ids[r.IntN(len(a.ids))]) })
}

// BenchmarkArchiveSearch runs searches of the archive page, with their
// results' facts (time to resolve, lint status).
func BenchmarkArchiveSearch(b *testing.B) {
	a := loadBenchApp(b)
	latencies(b, func(i int) { a.get(b, "/?q="+url.QueryEscape(benchQueries[i%len(benchQueries)])) })
}

// BenchmarkArchiveList reads the archive's first page, newest first.
func BenchmarkArchiveList(b *testing.B) {
	a := loadBenchApp(b)
	latencies(b, func(int) { a.get(b, "/") })
}

// lintDocument returns a realistic postmortem of about size bytes.
func lintDocument(size int) []byte {
	p := gen.Archive{Seed: 7}.Postmortem(3)
	for i := 4; len(markdown.Write(p)) < size; i++ {
		p.Body += strings.ReplaceAll(gen.Archive{Seed: 7}.Postmortem(i).Body, "\n# ", "\n### ")
	}
	return markdown.Write(p)
}

// BenchmarkLintRoundTrip posts a 20 KB document to the lint API over a
// loopback HTTP connection, as the editor does while the author types.
func BenchmarkLintRoundTrip(b *testing.B) {
	a := loadBenchApp(b)
	ts := httptest.NewServer(a.srv)
	defer ts.Close()
	doc := lintDocument(20 << 10)
	client := ts.Client()
	b.SetBytes(int64(len(doc)))
	latencies(b, func(i int) {
		// A different character each time, as typing does, so no cache helps.
		d := append(doc[:len(doc):len(doc)], fmt.Sprintf("\nWord %d.\n", i)...)
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/lint?path=draft.md", strings.NewReader(string(d)))
		req.Header.Set("Content-Type", "text/markdown")
		req.AddCookie(a.cookie)
		res, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			b.Fatalf("lint: %d", res.StatusCode)
		}
	})
}

// BenchmarkSimilarPanel reads what a postmortem page's script asks for when
// the page could not wait for its similar incidents: the similar API, as a
// signed-in browser calls it.
func BenchmarkSimilarPanel(b *testing.B) {
	a := loadBenchApp(b)
	r := rand.New(rand.NewPCG(5, 6))
	latencies(b, func(int) { a.get(b, "/api/v1/postmortems/"+a.ids[r.IntN(len(a.ids))]+"/similar?limit=5") })
}

// BenchmarkRender renders bodies of the largest size the archive stores: a
// realistic one, and each adversarial shape (render_limits_test.go). It
// reports the Markdown read per second and the HTML's size against the
// Markdown's; a body that stops early says why once.
func BenchmarkRender(b *testing.B) {
	bodies := adversarialBodies()
	bodies["realistic"] = string(lintDocument(debrief.MaxFileSize - 1024))
	for name, body := range bodies {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "T", Severity: debrief.SEV3, Status: debrief.StatusDraft, Body: body}
			file := markdown.Write(pm)
			b.SetBytes(int64(len(body)))
			var got renderedBody
			for b.Loop() {
				got = renderMarkdown(pm, file, nil, defaultRenderLimits)
			}
			b.ReportMetric(float64(len(got.HTML))/float64(len(body)), "html/md")
			if got.TooLarge != "" {
				b.Logf("stopped: %s", got.TooLarge)
			}
		})
	}
}
