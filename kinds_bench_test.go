package debrief_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// BenchmarkFeatures measures what a save derives of a postmortem: its
// kinds and weighted words, over the example archive.
func BenchmarkFeatures(b *testing.B) {
	files, _ := filepath.Glob("examples/PM-*.md")
	var ps []*debrief.Postmortem
	size := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, _ := markdown.Parse(src)
		ps = append(ps, d.Postmortem)
		size += len(src)
	}
	b.SetBytes(int64(size / len(ps)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = ps[i%len(ps)].Features()
	}
}
