// Command debrief-gen writes a realistic generated archive of postmortems,
// for benchmarks and load tests:
//
//	go run ./cmd/debrief-gen -n 100000 -out /tmp/archive
//	debrief import /tmp/archive
//
// The archive is deterministic for a seed; see internal/gen.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
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

// write writes postmortems 0 to n-1 into dir, in folders of a thousand.
func write(dir string, a gen.Archive, n int) error {
	next := make(chan int)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := a.Postmortem(i)
				sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
				if err := os.MkdirAll(sub, 0o755); err != nil {
					errs <- err
					return
				}
				if err := os.WriteFile(filepath.Join(sub, gen.FileName(p)), markdown.Write(p), 0o644); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var err error
loop:
	for i := range n {
		select {
		case next <- i:
		case err = <-errs:
			break loop
		}
	}
	close(next)
	wg.Wait()
	if err == nil {
		select {
		case err = <-errs:
		default:
		}
	}
	return err
}
