package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// benchCorpus builds about 1 MB of realistic postmortem Markdown from the
// files in examples/ (each with its front matter, so that the later copies'
// YAML reads as prose), or from a built-in postmortem when they are absent.
func benchCorpus(b *testing.B) []byte {
	b.Helper()
	files, _ := filepath.Glob("../examples/*.md")
	slices.Sort(files)
	var parts [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, src)
	}
	if len(parts) == 0 {
		parts = [][]byte{[]byte(benchFallback)}
	}
	var buf bytes.Buffer
	for buf.Len() < 1<<20 {
		for _, p := range parts {
			buf.Write(p)
			buf.WriteByte('\n')
		}
	}
	return buf.Bytes()[:1<<20]
}

const benchFallback = `---
id: PM-2026-014
title: Checkout errors after the payments-api certificate expired
severity: SEV2
status: published
review_date: 2026-03-12
---

# Checkout errors after the payments-api certificate expired

## Summary

The TLS certificate on the payments-api load balancer expired at 02:14 UTC and
checkout failed for 51 minutes. The renewal job only renewed certificates from
the internal CA; this one came from a vendor.

## Timeline

- 02:14 — The certificate expires; ` + "`payments-api`" + ` handshakes fail.
- 02:21 — The error-rate alert pages the on-call engineer, who opens the incident channel.
- 02:40 — Marco failed to notice the second alert while he ran the failover.
- 03:05 — The platform team installs a new certificate and errors stop.

## Contributing factors

- Renewal ran only for certificates issued by the internal CA.
- The expiry alert watched the origin certificate, not the load balancer's.
`

func BenchmarkLint(b *testing.B) {
	src := benchCorpus(b)
	l := mustLinter(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Lint("bench.md", src)
	}
}

// BenchmarkSegment measures reading the Markdown into prose alone:
// goldmark's parse and the walk over its tree.
func BenchmarkSegment(b *testing.B) {
	src := benchCorpus(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		segment(src, 0)
	}
}

// BenchmarkNew measures building a Linter with an accept list, which
// compiles its own automaton.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(configWithAccept("Blame Bot")); err != nil {
			b.Fatal(err)
		}
	}
}
