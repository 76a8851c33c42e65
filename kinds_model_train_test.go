package debrief

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Training settings of the kind model. The model is small on purpose: a
// few thousand labelled descriptions cannot support more, and every weight
// it keeps must be a word a reader can check.
var (
	trainEpochs   = 40
	trainRate     = 2.0
	trainL2       = 5e-5
	trainMinDocs  = 2    // a feature must occur in this many examples
	keepPerClass  = 350  // the strongest weights kept per kind
	keepMinWeight = 0.02 // and only those at least this large
)

// SetTrainParams sets the training settings, for experiments.
func SetTrainParams(epochs int, rate, l2 float64) { trainEpochs, trainRate, trainL2 = epochs, rate, l2 }

// trainKindModel fits a multinomial logistic regression by stochastic
// gradient descent and returns it in kinds_model.txt's text form. The
// training is deterministic: the same examples give the same file.
func trainKindModel(examples []KindExample, classes []string) string {
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	var xs []map[string]float64
	var ys []int
	df := map[string]int{}
	for _, e := range examples {
		y, ok := index[e.Kind]
		if !ok {
			continue
		}
		x := modelFeatures(splitParts(e.Parts))
		for f := range x {
			df[f]++
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	// Number the features that occur often enough, in order, and turn each
	// example into parallel slices of feature numbers and values.
	var feats []string
	for f, n := range df {
		if n >= trainMinDocs {
			feats = append(feats, f)
		}
	}
	slices.Sort(feats)
	num := make(map[string]int32, len(feats))
	for i, f := range feats {
		num[f] = int32(i)
	}
	type ex struct {
		idx []int32
		val []float64
		y   int
	}
	data := make([]ex, len(xs))
	for i, x := range xs {
		d := ex{y: ys[i]}
		for f, v := range x {
			if j, ok := num[f]; ok {
				d.idx = append(d.idx, j)
				d.val = append(d.val, v)
			}
		}
		data[i] = d
	}
	nc := len(classes)
	w := make([]float64, len(feats)*nc) // w[f*nc+c]
	b := make([]float64, nc)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	z := make([]float64, nc)
	for epoch := range trainEpochs {
		rate := trainRate / (1 + float64(epoch)/4)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			d := data[i]
			copy(z, b)
			for k, f := range d.idx {
				row := w[int(f)*nc : int(f)*nc+nc]
				for c, wv := range row {
					z[c] += d.val[k] * wv
				}
			}
			zmax := slices.Max(z)
			sum := 0.0
			for c := range z {
				z[c] = math.Exp(z[c] - zmax)
				sum += z[c]
			}
			for c := range z {
				z[c] /= sum
			}
			z[d.y]--
			for c, g := range z {
				b[c] -= rate * g
			}
			for k, f := range d.idx {
				row := w[int(f)*nc : int(f)*nc+nc]
				for c, g := range z {
					row[c] -= rate * (g*d.val[k] + trainL2*row[c])
				}
			}
		}
	}
	// Keep each kind's strongest weights.
	type entry struct {
		feat  string
		class int
		w     float64
	}
	keep := map[string][]entry{}
	for c := range nc {
		var es []entry
		for fi, f := range feats {
			if v := w[fi*nc+c]; math.Abs(v) >= keepMinWeight {
				es = append(es, entry{f, c, v})
			}
		}
		slices.SortFunc(es, func(a, b entry) int {
			if d := math.Abs(b.w) - math.Abs(a.w); d != 0 {
				if d > 0 {
					return 1
				}
				return -1
			}
			return strings.Compare(a.feat, b.feat)
		})
		for _, e := range es[:min(len(es), keepPerClass)] {
			keep[e.feat] = append(keep[e.feat], e)
		}
	}
	var sb strings.Builder
	sb.WriteString("classes " + strings.Join(classes, " ") + "\n")
	sb.WriteString("bias")
	for _, v := range b {
		fmt.Fprintf(&sb, " %.4f", v)
	}
	sb.WriteString("\n")
	kept := make([]string, 0, len(keep))
	for f := range keep {
		kept = append(kept, f)
	}
	slices.Sort(kept)
	for _, f := range kept {
		es := keep[f]
		slices.SortFunc(es, func(a, b entry) int { return a.class - b.class })
		sb.WriteString(f + "\t")
		for i, e := range es {
			if i > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%d:%.4f", e.class, e.w)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}
