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
const (
	trainEpochs   = 40
	trainRate     = 0.5
	trainL2       = 2e-4
	trainMinDocs  = 2    // a feature must occur in this many examples
	keepPerClass  = 350  // the strongest weights kept per kind
	keepMinWeight = 0.02 // and only those at least this large
)

// trainKindModel fits a multinomial logistic regression by stochastic
// gradient descent and returns it in kinds_model.txt's text form. The
// training is deterministic: the same examples give the same file.
func trainKindModel(examples []KindExample, classes []string) string {
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	type ex struct {
		x map[string]float64
		y int
	}
	var data []ex
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
		data = append(data, ex{x, y})
	}
	for _, d := range data {
		for f := range d.x {
			if df[f] < trainMinDocs {
				delete(d.x, f)
			}
		}
	}
	nc := len(classes)
	w := map[string][]float64{}
	for f, n := range df {
		if n >= trainMinDocs {
			w[f] = make([]float64, nc)
		}
	}
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
			for f, xv := range d.x {
				for c, wv := range w[f] {
					z[c] += xv * wv
				}
			}
			zmax := slices.Max(z)
			sum := 0.0
			for c := range z {
				z[c] = math.Exp(z[c] - zmax)
				sum += z[c]
			}
			for c := range z {
				g := z[c] / sum
				if c == d.y {
					g--
				}
				b[c] -= rate * g
				for f, xv := range d.x {
					wf := w[f]
					wf[c] -= rate * (g*xv + trainL2*wf[c])
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
		for f, wf := range w {
			if math.Abs(wf[c]) >= keepMinWeight {
				es = append(es, entry{f, c, wf[c]})
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
	feats := make([]string, 0, len(keep))
	for f := range keep {
		feats = append(feats, f)
	}
	slices.Sort(feats)
	for _, f := range feats {
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
