package debrief_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

var trainKinds = flag.Bool("kinds.train", false, "train the kind model and write kinds_model.txt")

// kindLine is one labelled description of the kind corpus.
type kindLine struct {
	kind, text string
	held       bool // in the fifth of the corpus the model never trains on
}

// loadKindCorpus reads testdata/kinds/*.tsv: kind<TAB>text lines written by
// people who never saw the signals or the model. Every fifth line of each
// file is held out of training, to measure the model on descriptions it
// never saw.
func loadKindCorpus(t *testing.T) []kindLine {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "kinds", "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no kind corpus in testdata/kinds: %v", err)
	}
	var out []kindLine
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			kind, text, ok := strings.Cut(line, "\t")
			if !ok || !debrief.DefaultKinds().Has(kind) {
				f.Close()
				t.Fatalf("%s: line %q: want kind<TAB>text with a known kind", name, line)
			}
			n++
			out = append(out, kindLine{kind, text, n%5 == 0})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// trainingExamples returns what the model trains on: the kind corpus but
// its held-out fifth, and every postmortem of the tuned family sets, under
// its own kind (members and distractors alike), except the sets named in
// leaveOut.
func trainingExamples(t *testing.T, leaveOut ...string) []debrief.KindExample {
	var out []debrief.KindExample
	for _, l := range loadKindCorpus(t) {
		if !l.held {
			out = append(out, debrief.KindExample{Parts: []debrief.TextPart{{Name: "text", Text: l.text, Weight: 2}}, Kind: l.kind})
		}
	}
	for _, set := range familySets {
		if set.role != "tuned" || slices.Contains(leaveOut, set.name) {
			continue
		}
		for _, d := range loadFamilySet(t, filepath.Join("testdata", "families", set.name)) {
			out = append(out, debrief.KindExample{Parts: debrief.PostmortemText(d.p), Kind: d.kind})
		}
	}
	return out
}

// TestKindModelIsTrained checks that kinds_model.txt is what training on
// the committed data gives, so that the model can always be rebuilt and
// nobody changes the data or the training without retraining. Run with
// -kinds.train to write it.
func TestKindModelIsTrained(t *testing.T) {
	model := debrief.TrainKindModel(trainingExamples(t), debrief.DefaultKinds().IDs())
	if *trainKinds {
		if err := os.WriteFile("kinds_model.txt", []byte(model), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile("kinds_model.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(have) != model {
		t.Fatal("kinds_model.txt is not the model the committed training data gives: run go test -run TestKindModelIsTrained -kinds.train")
	}
}

// TestKindCorpusHeldOut measures kind inference on the fifth of the kind
// corpus the model never trained on: one short description at a time, the
// hardest case, since a postmortem says far more.
func TestKindCorpusHeldOut(t *testing.T) {
	right, total := 0, 0
	perKind := map[string][2]int{}
	for _, l := range loadKindCorpus(t) {
		if !l.held {
			continue
		}
		total++
		got := debrief.DefaultKinds().Infer(&debrief.Postmortem{Title: l.text})
		c := perKind[l.kind]
		c[1]++
		if len(got) > 0 && got[0].ID == l.kind {
			right++
			c[0]++
		}
		perKind[l.kind] = c
	}
	acc := float64(right) / float64(total)
	t.Logf("kind corpus, held-out fifth: top kind right for %d of %d descriptions (%.3f)", right, total, acc)
	if acc < minCorpusKindAccuracy {
		t.Errorf("top kind right for %.3f of held-out descriptions, want at least %.2f", acc, minCorpusKindAccuracy)
	}
}

// minCorpusKindAccuracy guards the held-out corpus figure against
// regressions; single descriptions of one to five sentences are much
// harder than whole postmortems.
const minCorpusKindAccuracy = 0.5
