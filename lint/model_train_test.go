package lint

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

var trainModel = flag.Bool("lint.train", false, "train the blame model on the tuning splits and rewrite model.txt")

// The training: logistic regression by stochastic gradient descent over
// the variants, the tuning splits and the reviewed examples in file order, with L2 regularisation applied to the
// features an example holds. It is deterministic, so the test can check
// that model.txt is what the tuning splits give.
const (
	trainEpochs = 40
	trainRate   = 0.05
	trainL2     = 3e-3
	// minWeight drops features that barely count from model.txt.
	minWeight = 0.2
)

// trainBlameModel trains on the tuning splits but those named in leaveOut.
func trainBlameModel(t *testing.T, leaveOut ...string) []byte {
	t.Helper()
	type example struct {
		feats []string
		blame bool
	}
	var data []example
	a := analyzer{lex: baseLexicon}
	paths := []string{"testdata/variants.tsv"}
	for _, split := range corpusSplits {
		if split.tune && !slices.Contains(leaveOut, split.name) {
			paths = append(paths, split.path)
		}
	}
	for _, path := range paths {
		for _, c := range readCorpus(t, path) {
			s := a.analyze([]byte(c.text), 0, 0, false)
			var fs []string
			features(s, func(f feat) { fs = append(fs, f.name()) }, nil)
			data = append(data, example{fs, c.blame})
		}
	}
	// The reviewed example postmortems are blameless: each of their
	// sentences is a clean example, and many tell what people did.
	examples, _ := filepath.Glob("../examples/PM-*.md")
	for _, p := range examples {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		md, _ := markdown.Parse(src)
		if md.Postmortem.Status == debrief.StatusDraft {
			continue
		}
		d := segmentWith(mdParser(), src, lineOffset(src, md.BodyLine))
		for _, sn := range d.sents {
			if sn.flags&sHeading != 0 {
				continue
			}
			s := a.analyze(d.text[sn.start:sn.end], 0, 0, false)
			var fs []string
			features(s, func(f feat) { fs = append(fs, f.name()) }, nil)
			data = append(data, example{fs, false})
		}
	}
	w := map[string]float64{}
	bias := 0.0
	for range trainEpochs {
		for _, e := range data {
			z := bias
			for _, f := range e.feats {
				z += w[f]
			}
			g := 1 / (1 + math.Exp(-z))
			if e.blame {
				g--
			}
			bias -= trainRate * g
			for _, f := range e.feats {
				w[f] -= trainRate * (g + trainL2*w[f])
			}
		}
	}
	names := make([]string, 0, len(w))
	for f, v := range w {
		if math.Abs(v) >= minWeight {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	var out bytes.Buffer
	fmt.Fprintf(&out, "bias\t%s\n", strconv.FormatFloat(bias, 'g', 4, 64))
	for _, f := range names {
		fmt.Fprintf(&out, "%s\t%s\n", f, strconv.FormatFloat(w[f], 'g', 4, 64))
	}
	return out.Bytes()
}

// TestModelIsTrained checks that model.txt holds the weights the tuning
// splits give; after changing them or the features, rewrite it with
//
//	go test ./lint -run TestModelIsTrained -lint.train
func TestModelIsTrained(t *testing.T) {
	got := trainBlameModel(t)
	m, err := parseModel(got)
	if err != nil {
		t.Fatal(err)
	}
	if *trainModel {
		if err := os.WriteFile("model.txt", got, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("model.bin", m.table, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, modelText) {
		t.Fatal("model.txt is not what the tuning splits give: run go test ./lint -run TestModelIsTrained -lint.train")
	}
	if !bytes.Equal(m.table, modelBin) {
		t.Fatal("model.bin is not model.txt's table: run go test ./lint -run TestModelIsTrained -lint.train")
	}
}

// TestFeatureHashes checks that scoring's fast path hashes the same
// features, in the same order, as the named features training sees, and
// that model.txt's names hash to them.
func TestFeatureHashes(t *testing.T) {
	a := analyzer{lex: baseLexicon}
	for _, c := range readCorpus(t, "testdata/corpus-dev.tsv")[:200] {
		s := a.analyze([]byte(c.text), 0, 0, false)
		var slow []uint64
		features(s, func(f feat) {
			slow = append(slow, f.hash())
			if h := hashName(f.name()); h != f.hash() {
				t.Fatalf("%q: the name %q hashes to %x, the feature to %x", c.text, f.name(), h, f.hash())
			}
		}, nil)
		var fast []uint64
		features(s, nil, &fast)
		if !slices.Equal(fast, slow) {
			t.Fatalf("%q: the fast hashes differ from the named features'", c.text)
		}
	}
}

// TestModelTable checks the embedded table against model.txt: every
// feature's weight, nothing for hashes the model does not know, and a
// refusal of a table of the wrong shape.
func TestModelTable(t *testing.T) {
	m := defaultModel()
	known := map[uint64]bool{}
	err := eachModelLine(modelText, func(name string, w float64) {
		if name == "bias" {
			if m.bias != w {
				t.Errorf("bias %v, model.txt says %v", m.bias, w)
			}
			return
		}
		h := hashName(name)
		known[h] = true
		if got := m.table.weight(h); got != float32(w) {
			t.Errorf("%s: weight %v, model.txt says %v", name, got, w)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for h := uint64(1); h < 1<<20; h = h*7 + 3 {
		if !known[h] && m.table.weight(h) != 0 {
			t.Errorf("unknown hash %x has weight %v", h, m.table.weight(h))
		}
	}
	for _, b := range [][]byte{nil, []byte("DBM1"), append([]byte("DBM1\x03\x00\x00\x00"), make([]byte, 8+36)...), modelBin[:len(modelBin)-1]} {
		if _, err := readModelTable(b); err == nil {
			t.Errorf("readModelTable accepted %d bytes", len(b))
		}
	}
}
