package debrief

import (
	"fmt"
	"slices"
)

// ExplainKinds lists, per kind, the signals that matched in p with their
// weighted counts: for tuning the vocabulary.
func ExplainKinds(s *KindSet, p *Postmortem) map[string][]string {
	out := map[string][]string{}
	for ki, ks := range s.score(splitParts(PostmortemText(p))) {
		for _, ph := range ks.phrases {
			out[s.kinds[ki].ID] = append(out[s.kinds[ki].ID], fmt.Sprintf("%q×%.1f=%q", ph.signal, ph.count, ph.quote))
		}
		slices.Sort(out[s.kinds[ki].ID])
	}
	return out
}

// CosineForTest is the text similarity of two features.
func CosineForTest(a, b Features, df map[string]int, n int) float64 {
	idf := func(t string) float64 { return IDF(df[t], n) }
	av, an := a.textVector(idf)
	bv, bn := b.textVector(idf)
	dot := 0.0
	for t, x := range av {
		dot += x * bv[t]
	}
	if an == 0 || bn == 0 {
		return 0
	}
	return dot / (an * bn)
}

// KindExample is one labelled text for training the kind model.
type KindExample struct {
	Parts []TextPart
	Kind  string
}

// TrainKindModel trains the kind model on examples and returns it in the
// text form of kinds_model.txt.
func TrainKindModel(examples []KindExample, classes []string) string {
	return trainKindModel(examples, classes)
}

// UseKindModel makes the default kinds use the model in text form, and
// returns a function that puts the embedded one back.
func UseKindModel(text string) (restore func()) {
	old := defaultKinds().model
	m, err := parseKindModel(text)
	if err != nil {
		panic(err)
	}
	defaultKinds().model = func() *kindModel { return m }
	return func() { defaultKinds().model = old }
}

// ModelTop returns the kind the model alone gives the text, and its
// probability.
func ModelTop(text string) (string, float64) {
	ops := defaultKinds().model().predict(modelFeatures(splitParts([]TextPart{{Text: text, Weight: 2}})))
	best, id := 0.0, ""
	for k, o := range ops {
		if o.prob > best {
			best, id = o.prob, k
		}
	}
	return id, best
}
