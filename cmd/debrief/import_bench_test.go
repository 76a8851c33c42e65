package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/debrief/debrief/sqlite"
)

// BenchmarkImport imports generated archives of growing size into a new
// SQLite archive, as `debrief import` does, and reports the highest heap
// seen during the import (peak-heap-MB) and the heap the file set keeps
// per file between its two reads (kept-B/file). Both stay flat as the
// files grow: memory does not grow with the documents.
//
//	go test -run '^$' -bench Import -benchtime 1x ./cmd/debrief
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			in := b.TempDir()
			writeGenerated(b, in, n)
			ctx := context.Background()
			g := &globals{stdout: io.Discard, stderr: io.Discard, log: slog.New(slog.DiscardHandler)}
			var peak uint64
			var kept float64
			for b.Loop() {
				b.StopTimer()
				db, err := sqlite.Open(ctx, b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				b.StartTimer()
				stop := sampleHeap(&peak)
				set, err := scanFiles([]string{in})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				kept = float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc)) / float64(n)
				b.StartTimer()
				if err := importFiles(ctx, g, db, set, []string{in}); err != nil {
					b.Fatal(err)
				}
				stop()
				b.StopTimer()
				db.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(kept, "kept-B/file")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/file")
		})
	}
}

// sampleHeap records the highest live heap into peak every few
// milliseconds until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			*peak = max(*peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
