// Command debrief-gen writes a realistic generated archive of postmortems,
// for benchmarks and load tests:
//
//	go run ./cmd/debrief-gen -n 100000 -out /tmp/archive
//	debrief import /tmp/archive
//
// The archive is deterministic for a seed; see internal/gen.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
	"golang.org/x/sync/errgroup"
)

func main() {
	n := flag.Int("n", 100000, "number of postmortems")
	seed := flag.Uint64("seed", 1, "seed of the archive")
	out := flag.String("out", "", "folder to write the files into (created if missing)")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: debrief-gen -out DIR [-n 100000] [-seed 1]")
		os.Exit(2)
	}
	if err := write(*out, gen.Archive{Seed: *seed}, *n); err != nil {
		fmt.Fprintln(os.Stderr, "debrief-gen:", err)
		os.Exit(2)
	}
}

// write writes postmortems 0 to n-1 into dir, in folders of a thousand,
// on every core; the first error stops it.
func write(dir string, a gen.Archive, n int) error {
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			p := a.Postmortem(i)
			sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(sub, gen.FileName(p)), markdown.Write(p), 0o644)
		})
	}
	return g.Wait()
}
