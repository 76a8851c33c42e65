//go:build linux

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkLintProcess runs whole `debrief lint --format json` processes on
// 1 MiB of Markdown made of the files in examples/, as a user runs them:
// start-up, reading, linting and writing all count. It runs each binary
// of DEBRIEF_LINT_BINS (separated by spaces; by default one built from this
// tree) once per iteration, in turns whose order alternates, so that a
// shared machine whose speed drifts slows them alike. For binary k it
// reports the median and the fastest wall time (ms-median-k, ms-fastest-k)
// and the median peak resident memory (MB-rss-k).
//
//	CGO_ENABLED=0 go build -o /tmp/debrief ./cmd/debrief
//	DEBRIEF_LINT_BINS="/tmp/debrief-main /tmp/debrief" go test ./cmd/debrief -run '^$' -bench LintProcess -benchtime 100x
func BenchmarkLintProcess(b *testing.B) {
	bins := strings.Fields(os.Getenv("DEBRIEF_LINT_BINS"))
	if len(bins) == 0 {
		bin := filepath.Join(b.TempDir(), "debrief")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
		bins = []string{bin}
	}
	file := filepath.Join(b.TempDir(), "big1m.md")
	if err := os.WriteFile(file, megabyteOfExamples(b), 0o644); err != nil {
		b.Fatal(err)
	}
	walls := make([][]time.Duration, len(bins))
	rss := make([][]int64, len(bins))
	order := make([]int, len(bins))
	for i := 0; b.Loop(); i++ {
		for k := range order {
			order[k] = k
		}
		if i%2 == 1 {
			slices.Reverse(order)
		}
		for _, k := range order {
			cmd := exec.Command(bins[k], "lint", "--format", "json", file)
			cmd.Stdout = io.Discard
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			// The examples hold drafts with findings: exit status 1.
			var ee *exec.ExitError
			if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
				b.Fatalf("%s: %v", bins[k], err)
			}
			walls[k] = append(walls[k], wall)
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				rss[k] = append(rss[k], ru.Maxrss) // kilobytes on Linux
			}
		}
	}
	for k, bin := range bins {
		slices.Sort(walls[k])
		slices.Sort(rss[k])
		n := strconv.Itoa(k)
		b.ReportMetric(float64(walls[k][len(walls[k])/2].Microseconds())/1000, "ms-median-"+n)
		b.ReportMetric(float64(walls[k][0].Microseconds())/1000, "ms-fastest-"+n)
		if len(rss[k]) > 0 {
			b.ReportMetric(float64(rss[k][len(rss[k])/2])/1024, "MB-rss-"+n)
		}
		b.Logf("%s is binary %s, %d runs", bin, n, len(walls[k]))
	}
}

// megabyteOfExamples is the examples' Markdown, repeated in file-name
// order, cut at 1 MiB, like the README's big1m.md.
func megabyteOfExamples(b *testing.B) []byte {
	files, err := filepath.Glob("../../examples/*.md")
	if err != nil || len(files) == 0 {
		b.Skip("no examples")
	}
	slices.Sort(files)
	var buf bytes.Buffer
	for buf.Len() < 1<<20 {
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			buf.Write(src)
		}
	}
	return buf.Bytes()[:1<<20]
}
