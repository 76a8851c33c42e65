package lint

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

var trainModels = flag.Bool("lint.train", false, "train the blame and root-cause models on the tuning splits and rewrite model.txt and cause-model.txt")

// The training: logistic regression by averaged stochastic gradient
// descent over the variants, the tuning splits and the reviewed examples,
// with L2 regularisation applied to the features an example holds. Each
// epoch visits the examples in a fresh order, and the model is the mean of
// the weights at the ends of the second half of the epochs. Visiting them
// in file order let the last files weigh most and left the model short of
// what the data could teach it: leaving each of the 24 newest tuning
// splits out of the training in turn, blame recall was 0.866 with file
// order (threshold 0.5) and 0.902 with shuffled, averaged epochs
// (threshold 0.9), for the same clean sentences flagged (see
// modelThreshold). Shuffling without averaging needed its own threshold
// too (at 0.5 it flagged 96 clean sentences instead of 29), and at equal
// false positives found 47 fewer blame sentences than with averaging. The
// order comes from a fixed seed, so the training is deterministic and the
// test can check that model.txt is what the tuning splits give.
//
// Less regularisation (trainL2 1e-3) found 25 more of heldout-79 to
// heldout-92's 2,590 blame sentences and flagged 4 more of their 2,380
// clean ones and 7 near misses of the unit tests: the same trade as
// modelThreshold 0.85 with this training (32 more, 3 more), and no better.
// More (1e-2) found 34 fewer and flagged 7 fewer.
const (
	trainEpochs = 40
	trainRate   = 0.05
	trainL2     = 3e-3
	// minWeight drops features that barely count from model.txt.
	minWeight = 0.2
)

// trainedAfterMeasure are held-out splits the models train on once they
// have been measured: heldout-5 to heldout-78, 15,140 sentences from 74
// authors. Every tuning split is trained on too, those of the newest briefs
// among them (clean-s and clean-t, tune-10g to tune-10j, tune-11a to
// tune-11d), which had been left out because the other tuning splits
// lost blame sentences when the models learnt from them. Measured instead
// on heldout-79 to heldout-82, the sets of the newest brief, which no
// model has trained on: the tuning splits alone found 630 of their 740
// blame sentences, 286 of 320 root-cause ones, with 27 false positives of
// 680; adding the newest briefs' tuning splits 636, 288 and 26; adding the
// held-out splits too 643, 288 and 26. A feature for the first five
// letters of long words added nothing there (642, 288, 28) and is not
// used.
var trainedAfterMeasure = regexp.MustCompile(`^heldout-([5-9]|[1-6][0-9]|7[0-8])$`)

// notTrainedOn are tuning splits the rules are tuned on and the models are
// not trained on: tune-12a to tune-12d, tune-13a to tune-13h and tune-14a
// to tune-14f (7,200 sentences, the newest brief). Trained on tune-12, the blame model found
// 2 fewer of heldout-79 to heldout-82's 740 blame sentences (642 against
// 644, the same root-cause sentences and false positives) and 76 fewer of
// the other tuning splits', and it flagged a near miss of the unit tests
// ("Our DBA dropped the orders_archive partition named in the cleanup
// ticket."). Trained on tune-13 as well, it found the same sentences of
// heldout-79 to heldout-82 and of tune-12, and 99 fewer of the other
// tuning splits'. Trained on tune-12 to tune-14d together, the models found
// 7 more of heldout-79 to heldout-90's 2,220 blame sentences (2,011), one
// root-cause sentence fewer and 2 more of their 2,040 clean ones (53), and
// as many of tune-14e and tune-14f's, which neither model had seen.
var notTrainedOn = []string{"tune-12a", "tune-12b", "tune-12c", "tune-12d", "tune-13a", "tune-13b", "tune-13c", "tune-13d", "tune-13e", "tune-13f", "tune-13g", "tune-13h", "tune-14a", "tune-14b", "tune-14c", "tune-14d", "tune-14e", "tune-14f"}

// trainBlameModel trains the blame model on the tuning splits but those
// named in leaveOut.
func trainBlameModel(t *testing.T, leaveOut ...string) []byte {
	return trainModel(t, func(c corpusLine) bool { return c.blame }, leaveOut...)
}

// trainCauseModel trains the root-cause model the same way; its threshold
// is causeModelThreshold.
func trainCauseModel(t *testing.T, leaveOut ...string) []byte {
	return trainModel(t, func(c corpusLine) bool { return c.rootCause }, leaveOut...)
}

// trainModel trains a model of label on the tuning splits but those named
// in leaveOut, the clean-only splits (clean-a on) among them. Leaving a
// quarter of the 28 newest mixed splits and of the six clean-only ones out
// in turn, training on the clean-only splits flagged 77 of their 2,400
// sentences where the model without them flagged 96, and 45 against 48 of
// the mixed splits' 4,760 clean sentences, for 4,703 against 4,722 of
// their 5,180 blame sentences, at the same threshold.
func trainModel(t *testing.T, label func(corpusLine) bool, leaveOut ...string) []byte {
	t.Helper()
	type example struct {
		feats []string
		y     bool
	}
	var data []example
	a := analyzer{lex: baseLexicon}
	// add adds the sentence text, labelled y, as the model sees it.
	add := func(text []byte, y bool) {
		var fs []string
		features(a.analyze(text, 0, 0, false), func(f feat) { fs = append(fs, f.name()) }, nil)
		data = append(data, example{fs, y})
	}
	paths := []string{"testdata/variants.tsv"}
	for _, split := range corpusSplits {
		if (split.tune || trainedAfterMeasure.MatchString(split.name)) && !slices.Contains(leaveOut, split.name) && !slices.Contains(notTrainedOn, split.name) {
			paths = append(paths, split.path)
		}
	}
	for _, path := range paths {
		for _, c := range readCorpus(t, path) {
			add([]byte(c.text), label(c))
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
			add(d.text[sn.start:sn.end], false)
		}
		// So are the prose values of their front matter, which the
		// linter reads too.
		for _, v := range frontMatterProse(src, md) {
			add(src[v.start:v.end], false)
		}
	}
	w, bias := sgdAveraged(data, func(e example) ([]string, bool) { return e.feats, e.y })
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

// TestModelIsTrained checks that model.txt and cause-model.txt hold the
// weights the tuning splits give; after changing them or the features,
// rewrite them with
//
//	go test ./lint -run TestModelIsTrained -lint.train
func TestModelIsTrained(t *testing.T) {
	for _, m := range []struct {
		name      string
		train     func(*testing.T, ...string) []byte
		text, bin []byte
	}{
		{"model", trainBlameModel, modelText, modelBin},
		{"cause-model", trainCauseModel, causeModelText, causeModelBin},
	} {
		got := m.train(t)
		parsed, err := parseModel(got)
		if err != nil {
			t.Fatal(err)
		}
		if *trainModels {
			if err := os.WriteFile(m.name+".txt", got, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(m.name+".bin", parsed.table, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(got, m.text) {
			t.Errorf("%s.txt is not what the tuning splits give: run go test ./lint -run TestModelIsTrained -lint.train", m.name)
		}
		if !bytes.Equal(parsed.table, m.bin) {
			t.Errorf("%s.bin is not %s.txt's table: run go test ./lint -run TestModelIsTrained -lint.train", m.name, m.name)
		}
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

// sgdAveraged trains a logistic regression on data by averaged stochastic
// gradient descent: see trainEpochs.
func sgdAveraged[E any](data []E, ex func(E) ([]string, bool)) (map[string]float64, float64) {
	w, sum := map[string]float64{}, map[string]float64{}
	bias, biasSum, n := 0.0, 0.0, 0
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	seed := uint64(0x9e3779b97f4a7c15)
	for epoch := 1; epoch <= trainEpochs; epoch++ {
		// Fisher–Yates with splitmix64, so the order never depends on a
		// library's shuffle.
		for i := len(order) - 1; i > 0; i-- {
			seed += 0x9e3779b97f4a7c15
			z := seed
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			z ^= z >> 31
			j := int(z % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, k := range order {
			feats, y := ex(data[k])
			z := bias
			for _, f := range feats {
				z += w[f]
			}
			g := 1 / (1 + math.Exp(-z))
			if y {
				g--
			}
			bias -= trainRate * g
			for _, f := range feats {
				w[f] -= trainRate * (g + trainL2*w[f])
			}
		}
		if epoch > trainEpochs/2 {
			for f, v := range w {
				sum[f] += v
			}
			biasSum += bias
			n++
		}
	}
	for f := range sum {
		sum[f] /= float64(n)
	}
	return sum, biasSum / float64(n)
}
