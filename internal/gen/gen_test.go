package gen

import (
	"bytes"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

func TestArchiveIsValid(t *testing.T) {
	a := Archive{Seed: 1}
	const n = 3000
	var files []*markdown.File
	size := 0
	for i := range n {
		p := a.Postmortem(i)
		src := markdown.Write(p)
		size += len(src)
		f := markdown.CheckBytes(FileName(p), src, debrief.DefaultTaxonomy())
		files = append(files, f)
	}
	markdown.CheckSet(files)
	for _, f := range files {
		for _, p := range f.Problems {
			t.Errorf("%s:%d:%d: %s", f.Path, p.Line, p.Col, p.Message)
		}
	}
	if avg := size / n; avg < 3000 || avg > 12000 {
		t.Errorf("average file size %d bytes, want a realistic 3–12 KB", avg)
	}
	t.Logf("average file size %d bytes", size/n)
}

func TestArchiveIsDeterministic(t *testing.T) {
	a, b := Archive{Seed: 7}, Archive{Seed: 7}
	for i := range 50 {
		if !bytes.Equal(markdown.Write(a.Postmortem(i)), markdown.Write(b.Postmortem(i))) {
			t.Fatalf("postmortem %d differs between two runs with the same seed", i)
		}
	}
	if bytes.Equal(markdown.Write(a.Postmortem(3)), markdown.Write(Archive{Seed: 8}.Postmortem(3))) {
		t.Error("another seed gives the same postmortem")
	}
}
