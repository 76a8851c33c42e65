package debrief

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The kind model is a second opinion beside the signals: a linear model
// over the words and word pairs of a postmortem, one weight per word and
// kind, trained on labelled incident descriptions (see docs/kinds.md). It
// recognises a kind from wording no signal lists, and it always says which
// words it went by. kinds_model.txt holds its weights; the training test
// in kinds_model_train_test.go writes it.

//go:embed kinds_model.txt
var kindModelText string

// kindModel is a multinomial logistic regression over model features.
type kindModel struct {
	classes []string
	bias    []float64
	weights map[string][]classWeight
}

type classWeight struct {
	class  int
	weight float64
}

// defaultKindModel reads kinds_model.txt on first use, so that commands
// that never infer kinds (lint) do not pay for it.
var defaultKindModel = sync.OnceValue(func() *kindModel {
	m, err := parseKindModel(kindModelText)
	if err != nil {
		panic(fmt.Sprintf("kinds_model.txt: %v", err))
	}
	return m
})

// parseKindModel reads the model's text form: a line "classes ID…", a line
// "bias W…", then one line per feature, "FEATURE<TAB>CLASS:WEIGHT …".
func parseKindModel(s string) (*kindModel, error) {
	m := &kindModel{weights: map[string][]classWeight{}}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "classes ") || !strings.HasPrefix(lines[1], "bias ") {
		return nil, fmt.Errorf("want a classes line and a bias line first")
	}
	m.classes = strings.Fields(lines[0])[1:]
	for _, f := range strings.Fields(lines[1])[1:] {
		b, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, fmt.Errorf("line 2: %v", err)
		}
		m.bias = append(m.bias, b)
	}
	if len(m.bias) != len(m.classes) {
		return nil, fmt.Errorf("%d classes but %d biases", len(m.classes), len(m.bias))
	}
	for i, line := range lines[2:] {
		feat, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want FEATURE<TAB>CLASS:WEIGHT", i+3)
		}
		for _, cw := range strings.Fields(rest) {
			c, w, ok := strings.Cut(cw, ":")
			ci, err1 := strconv.Atoi(c)
			wf, err2 := strconv.ParseFloat(w, 64)
			if !ok || err1 != nil || err2 != nil || ci < 0 || ci >= len(m.classes) {
				return nil, fmt.Errorf("line %d: bad weight %q", i+3, cw)
			}
			m.weights[feat] = append(m.weights[feat], classWeight{ci, wf})
		}
	}
	return m, nil
}

// modelFeatures returns the model's features of weighted text: every term
// and every pair of neighbouring terms in a sentence ("cert lapsed"), each
// counted with its part's weight, log-scaled and normalised to length 1.
func modelFeatures(parts []sentenced) map[string]float64 {
	w := map[string]float64{}
	for _, part := range parts {
		for _, sent := range part.sents {
			prev := ""
			for _, t := range sent.Tokens {
				term, ok := termOf(t.Word)
				if !ok {
					prev = ""
					continue
				}
				w[term] += part.weight
				if len(term) > stemLength {
					// The word's first letters, so that "expiry",
					// "expiring" and "expiration" share a feature.
					w[term[:stemLength]+"~"] += part.weight
				}
				if prev != "" {
					w[prev+" "+term] += part.weight
				}
				prev = term
			}
		}
	}
	norm := 0.0
	for f, x := range w {
		x = math.Log2(1 + x)
		w[f] = x
		norm += x * x
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for f := range w {
			w[f] /= norm
		}
	}
	return w
}

// stemLength is how many first letters of a longer word make its stem
// feature.
const stemLength = 5

// modelOpinion is what the model says of one kind in a text.
type modelOpinion struct {
	prob float64
	// words are the features that point to the kind the most, strongest
	// first.
	words []string
}

// predict returns the model's probability of each class, and for each the
// words that weigh most toward it.
func (m *kindModel) predict(x map[string]float64) map[string]modelOpinion {
	if len(m.classes) == 0 {
		return nil
	}
	z := slices.Clone(m.bias)
	type contrib struct {
		feat string
		v    float64
	}
	top := make([][]contrib, len(m.classes))
	for f, xv := range x {
		for _, cw := range m.weights[f] {
			v := xv * cw.weight
			z[cw.class] += v
			if v > 0 {
				top[cw.class] = append(top[cw.class], contrib{f, v})
			}
		}
	}
	zmax := slices.Max(z)
	sum := 0.0
	for i := range z {
		z[i] = math.Exp(z[i] - zmax)
		sum += z[i]
	}
	out := make(map[string]modelOpinion, len(m.classes))
	for i, id := range m.classes {
		slices.SortFunc(top[i], func(a, b contrib) int {
			if a.v != b.v {
				if a.v > b.v {
					return -1
				}
				return 1
			}
			return strings.Compare(a.feat, b.feat)
		})
		op := modelOpinion{prob: z[i] / sum}
		for _, c := range top[i][:min(len(top[i]), 3)] {
			op.words = append(op.words, c.feat)
		}
		out[id] = op
	}
	return out
}
