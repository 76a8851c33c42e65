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

func trainBlameModel(t *testing.T) []byte {
	t.Helper()
	type example struct {
		feats []string
		blame bool
	}
	var data []example
	a := analyzer{lex: baseLexicon}
	paths := []string{"testdata/variants.tsv"}
	for _, split := range corpusSplits {
		if split.tune {
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
	if *trainModel {
		if err := os.WriteFile("model.txt", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, modelText) {
		t.Fatal("model.txt is not what the tuning splits give: run go test ./lint -run TestModelIsTrained -lint.train")
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
