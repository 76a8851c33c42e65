package debrief_test

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// showKinds prints every postmortem's inferred kinds while tuning; never use
// it on a held-out set.
var showKinds = flag.Bool("kinds.show", false, "print the inferred kinds and similar lists of the family sets")

// unseenModel measures each set with a kind model trained without it, as
// a new company's postmortems would meet the model: the tuned sets'
// figures with the embedded model flatter it, since it learnt from them.
var unseenModel = flag.Bool("kinds.unseen", false, "measure each family set with a kind model trained without that set")

// evalDoc is one postmortem of an evaluation set with its label.
type evalDoc struct {
	file     string
	p        *debrief.Postmortem
	src      []byte
	role     string // member or distractor
	family   string
	kind     string
	imitates string
}

// loadFamilySet reads a folder of postmortems and its manifest.tsv.
func loadFamilySet(t *testing.T, dir string) []*evalDoc {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []*evalDoc
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if header {
			header = false
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("%s: manifest line %q: want 5 columns", dir, line)
		}
		src, err := os.ReadFile(filepath.Join(dir, cols[0]))
		if err != nil {
			t.Fatal(err)
		}
		d, problems := markdown.Parse(src)
		if len(problems) > 0 {
			t.Fatalf("%s: %v", cols[0], problems)
		}
		docs = append(docs, &evalDoc{file: cols[0], p: d.Postmortem, src: src, role: cols[1], family: cols[2], kind: cols[3], imitates: cols[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// setResult is what one method achieved on one set.
type setResult struct {
	pairs, found     int // family-mate pairs, and those in the top 5
	slots, intruders int // filled top-5 slots of members, and distractors among them
	members          int
}

func (r setResult) recall() float64 { return ratio(r.found, r.pairs) }
func (r setResult) intrusion() float64 {
	return ratio(r.intruders, r.slots)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score fills a result from each member's top-5 list.
func score(docs []*evalDoc, top func(i int) []int) setResult {
	var r setResult
	for i, d := range docs {
		if d.role != "member" {
			continue
		}
		r.members++
		list := top(i)
		for _, j := range list {
			r.slots++
			if docs[j].role == "distractor" {
				r.intruders++
			}
		}
		for j, o := range docs {
			if j != i && o.role == "member" && o.family == d.family {
				r.pairs++
				if slices.Contains(list, j) {
					r.found++
				}
			}
		}
	}
	return r
}

// debriefTop ranks with debrief's method over the whole set as the archive.
func debriefTop(docs []*evalDoc) func(i int) []int {
	rank := debriefRank(docs)
	return func(i int) []int {
		var out []int
		for _, r := range rank(i) {
			out = append(out, r.index)
		}
		return out
	}
}

type ranked struct {
	index int
	sim   *debrief.SimilarPostmortem
}

// debriefRank ranks with debrief's method and keeps the details.
func debriefRank(docs []*evalDoc) func(i int) []ranked {
	feats := make([]debrief.Features, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		feats[i] = d.p.Features()
		for _, t := range feats[i].Terms {
			df[t]++
		}
	}
	index := map[string]int{}
	for i, d := range docs {
		index[d.p.ID] = i
	}
	return func(i int) []ranked {
		var cands []debrief.SimilarCandidate
		for j, d := range docs {
			if j != i {
				cands = append(cands, debrief.SimilarCandidate{Summary: d.p.Summary(), Features: feats[j]})
			}
		}
		var out []ranked
		for _, s := range debrief.RankSimilar(feats[i], cands, df, len(docs), 5) {
			out = append(out, ranked{index[s.ID], s})
		}
		return out
	}
}

// tfidfTop is the baseline: plain TF-IDF cosine over each whole file.
func tfidfTop(docs []*evalDoc) func(i int) []int {
	vecs := make([]map[string]float64, len(docs))
	df := map[string]int{}
	for i, d := range docs {
		tf := map[string]float64{}
		for _, w := range debrief.Words(string(d.src)) {
			tf[w]++
		}
		vecs[i] = tf
		for w := range tf {
			df[w]++
		}
	}
	n := float64(len(docs))
	for _, v := range vecs {
		norm := 0.0
		for w, c := range v {
			x := (1 + math.Log(c)) * math.Log(n/float64(df[w]))
			v[w] = x
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for w := range v {
			v[w] /= norm
		}
	}
	return func(i int) []int {
		type sc struct {
			j int
			s float64
		}
		var all []sc
		for j, v := range vecs {
			if j == i {
				continue
			}
			s := 0.0
			for w, x := range vecs[i] {
				s += x * v[w]
			}
			all = append(all, sc{j, s})
		}
		slices.SortStableFunc(all, func(a, b sc) int { return cmp.Compare(b.s, a.s) })
		var out []int
		for _, x := range all[:min(5, len(all))] {
			out = append(out, x.j)
		}
		return out
	}
}

// kindAccuracy counts the members whose top inferred kind is their family's.
func kindAccuracy(docs []*evalDoc) (right, total int) {
	for _, d := range docs {
		if d.role != "member" {
			continue
		}
		total++
		if ks := debrief.DefaultKinds().Infer(d.p); len(ks) > 0 && ks[0].ID == d.kind {
			right++
		}
	}
	return right, total
}

// familySets lists the evaluation sets: written by people who never saw
// the method, each a fictional company with families of one kind of
// incident and distractors that share place and words with them.
//   - tuned: the method was tuned on these, reading their postmortems.
//   - validation: only their figures were ever looked at, never their
//     postmortems or which of them failed.
//   - heldout: measured once, at the end; they run only where
//     DEBRIEF_EVAL_HELDOUT is set (.ci/run sets it), so that nobody
//     tuning the method sees them by accident.
var familySets = []struct {
	name string
	role string
	// floor, when set, replaces the role's targets for this set: what it
	// reaches with general changes where it cannot reach the targets.
	floor *evalTargets
}{
	{"set1", "tuned", nil},
	{"set2", "tuned", nil},
	{"set3", "tuned", nil},
	{"set4", "tuned", nil},
	{"set5", "tuned", nil},
	{"set6", "tuned", nil},
	{"set7", "tuned", nil},
	{"set8", "tuned", nil},
	{"set9", "tuned", nil},
	{"set10", "tuned", nil},
	{"set11", "tuned", nil},
	{"set12", "tuned", nil},
	{"set14", "tuned", nil},
	{"set15", "tuned", nil},
	{"set16", "tuned", nil},
	{"set17", "tuned", nil},
	{"set19", "tuned", nil},
	{"set20", "tuned", nil},
	{"set21", "tuned", nil},
	{"set22", "tuned", nil},
	{"set24", "tuned", nil},
	{"set23", "tuned", nil},
	{"set26", "tuned", nil},
	{"set29", "tuned", nil},
	{"set18", "heldout", &evalTargets{0.77, 0.02, 0.88}},
	{"set28", "heldout", &evalTargets{0.83, 0.03, 0.91}},
	{"set30", "tuned", nil},
	{"set32", "tuned", nil},
	{"set33", "heldout", &evalTargets{0.91, 0.03, 0.95}},
	{"set34", "heldout", &evalTargets{0.91, 0.09, 0.91}},
	{"set35", "heldout", &evalTargets{0.97, 0.02, 0.95}},
	{"set36", "heldout", &evalTargets{0.97, 0.02, 0.95}},
	{"set37", "heldout", &evalTargets{0.97, 0.02, 0.95}},
	{"set38", "heldout", &evalTargets{0.97, 0.02, 0.95}},
	{"set39", "heldout", &evalTargets{0.91, 0.03, 0.95}},
}

// Targets. On the tuned sets, recall@5 ≥ 0.90, distractors in ≤ 8 % of
// top-5 slots and the top kind right for ≥ 90 % of members; a set that
// cannot reach them with general changes keeps its own floor, at what it
// reaches. Validation and held-out sets guard the figures measured on them
// against regressions.
//
// Each set's first measurement, before it was tuned on:
//   - set3 and set4, validation sets whose figures alone were looked at
//     while tuning on the others, stood at recall@5 0.795, distractors
//     10.3 %, kinds 0.857 (set3) and 0.881, 1.1 %, 0.921 (set4) when they
//     became tuned sets.
//   - set5, held out and measured once: recall@5 0.92, distractors 3.9 %,
//     kinds 0.94 (TF-IDF 0.54 and 20.6 %), all three targets met; it
//     stood at 0.872, 1.4 %, 0.914 when it became a tuned set.
//   - set6, measured once as a held-out set: recall@5 0.82, distractors
//     9.1 %, kinds 0.91 (TF-IDF 0.56 and 20.0 %).
//   - set8, from a seventh author, measured once after tuning on set6:
//     recall@5 0.88, distractors 9.9 %, kinds 0.94 (TF-IDF 0.74 and 23 %);
//     0.879, 5.9 %, 0.939 when it became a tuned set.
//   - set7, from an eighth author, arrived after set8 and was measured
//     once as a validation set with the method unchanged: recall@5 0.939,
//     distractors 16.2 %, kinds 0.939 (TF-IDF 0.82 and 24.8 %).
//   - set9, held out and measured once: recall@5 0.852, distractors 8.0 %,
//     kinds 0.926 (TF-IDF 0.685 and 28.1 %).
//   - set10 (a regional airline) and set11 (a payroll company), from two
//     more authors, held out and measured once after tuning on all nine
//     sets above: set10 recall@5 1.000 (66/66), distractors 16.5 % (13/79),
//     kinds 1.000 (TF-IDF 0.500 and 24.8 %); set11 recall@5 0.889 (64/72),
//     distractors 7.7 % (6/78), kinds 0.933 (TF-IDF 0.472 and 27.3 %). Their
//     floors guarded those figures; set10 missed the distractor target.
//     Both became tuning sets after a related link of another kind stopped
//     admitting a candidate (set10 then 0.108 distractors, set11 0.053).
//   - set12 (a bike- and scooter-share operator), from an eleventh author,
//     with twelve kinds no earlier set had as a family (memory exhaustion,
//     config push, feature flag, deploy regression, missing alert, network
//     partition, dependency upgrade, wrong environment, backup failure,
//     slow query, attack, runaway cost), measured once before anything was
//     tuned on it: recall@5 0.611 (44/72), distractors 5.3 % (3/57), kinds
//     0.778 (28/36) (TF-IDF 0.458 and 19.4 %); with the vocabulary tuned
//     on it and a model that had not seen it, 0.889, 4.2 %, 0.917.
//   - set15 (a grain cooperative's trading and logistics platform), from a
//     twelfth author, with ten families of which six kinds no tuning set
//     had as a family, held out and measured once after tuning on set12:
//     recall@5 0.867 (52/60), distractors 0.0 % (0/58), kinds 0.933
//     (28/30) (TF-IDF 0.417 and 28.0 %). Distractors and kinds meet the
//     targets, recall misses 0.90; its floor guards the figures.
//   - set14 (a veterinary clinics' practice-management SaaS), from a
//     thirteenth author, arrived after set15 and was measured once with
//     the method unchanged: recall@5 0.733 (44/60), distractors 4.3 %
//     (2/46), kinds 0.867 (26/30) (TF-IDF 0.650 and 20.0 %). Distractors
//     meet the target, recall and kinds miss; its floor guards the figures.
//     Both became tuned sets the next round.
//   - set17 (a tutoring platform), from a fourteenth author, measured with
//     the method as set14 and set15 had left it: recall@5 0.667 (40/60),
//     distractors 13.2 % (7/53), kinds 0.833 (25/30) (TF-IDF 0.283 and
//     26.7 %).
//   - set16 (a ferry and port operator), from a fifteenth author, measured
//     after the model had learned set14, set15 and set17 and before the
//     vocabulary was tuned: recall@5 0.872 (68/78), distractors 8.1 %
//     (6/74), kinds 0.923 (36/39) (TF-IDF 0.192 and 31.8 %).
//   - set20 (a hospital network's clinical IT), from a seventeenth author,
//     measured after the vocabulary was tuned on set14 to set17: recall@5
//     0.867 (52/60), distractors 3.7 % (2/54), kinds 0.933 (28/30) (TF-IDF
//     0.517 and 22.7 %).
//   - set19 (a transit authority's digital services), from an eighteenth
//     author, measured after set20 was learned: recall@5 0.767 (46/60),
//     distractors 1.7 % (1/59), kinds 0.867 (26/30) (TF-IDF 0.167 and
//     24.7 %).
//   - set21 (an online travel agency), from a nineteenth author, measured
//     after set19 and set20 were learned: recall@5 0.852 (46/54),
//     distractors 2.1 % (1/47), kinds 0.926 (25/27) (TF-IDF 0.296 and
//     32.6 %).
//   - set22 (a logistics software vendor), from a twentieth author,
//     measured after set21 was learned: recall@5 0.778 (42/54), distractors
//     2.3 % (1/43), kinds 0.889 (24/27) (TF-IDF 0.444 and 31.1 %).
//   - set24 (a regional bank's digital channels), from a twenty-second
//     author, measured after set22 was learned: recall@5 0.767 (46/60),
//     distractors 0.0 % (0/52), kinds 0.867 (26/30) (TF-IDF 0.350 and
//     24.7 %).
//   - set23 (a mobile game studio's live service), from a twenty-first
//     author, measured after set24 was learned: recall@5 1.000 (54/54),
//     distractors 5.3 % (3/57), kinds 0.963 (26/27) (TF-IDF 0.463 and
//     29.6 %), the first set to meet all three targets before it was tuned
//     on.
//   - set26 (a stock photo, video and music licensing marketplace), from a
//     twenty-third author, measured before anything was tuned on it:
//     recall@5 0.917 (44/48), distractors 6.4 % (3/47), kinds 0.958
//     (23/24) (TF-IDF 0.417 and 25.0 %), all three targets met.
//   - set29 (a national electric-vehicle charging network), from a
//     twenty-fifth author, arrived after set28's round was frozen and was
//     measured once before anything was tuned on it: recall@5 0.792
//     (38/48), distractors 5.0 % (2/40), kinds 0.875 (21/24) (TF-IDF 0.458
//     and 25.0 %). The model learning it gave 0.917; a hot node holding one
//     record, a hot-partition phrasing, gave the rest.
//   - set28 (an online grocer and meal-kit subscription business), from a
//     twenty-fourth author, written during the round of set26 and held
//     out of all tuning: measured once, with nothing in the method changed
//     since set26 was measured: recall@5 0.833 (40/48), distractors 2.1 %
//     (1/47), kinds 0.917 (22/24) (TF-IDF 0.458 and 20.0 %). Distractors
//     and kinds meet the targets; recall misses. Its floor guards them.
//   - set18 (a solar and battery installer's fleet platform), from a
//     sixteenth author, delivered with set16 and set17 and held out of all
//     tuning: nobody read it until it was measured once, at the end of the
//     round, with everything above learned: recall@5 0.778 (56/72),
//     distractors 1.6 % (1/63), kinds 0.889 (32/36) (TF-IDF 0.208 and
//     28.9 %). Distractors meet the target; recall and kinds miss. Its
//     floor guards the figures.
//   - set30 (an e-signature SaaS), from a twenty-sixth author, written
//     during set29's round and held out of all tuning: measured once,
//     with nothing changed since that round closed: recall@5 0.750
//     (36/48), distractors 7.7 % (3/39), kinds 0.875 (21/24) (TF-IDF
//     0.604 and 20.8 %). Distractors meet the target; recall and kinds
//     miss. Its floor guards the figures.
//   - set32 (an online learning platform for universities), from a
//     twenty-seventh author who saw neither the method nor any other set,
//     written at the start of set30's tuning round: measured once, with
//     the kinds unchanged since set30 was measured: recall@5 0.792
//     (38/48), distractors 2.6 % (1/39), kinds 0.792 (19/24) (TF-IDF
//     0.333 and 14.2 %). Distractors meet the target; recall and kinds
//     miss. Then it became a tuned set.
//   - set33 (a veterinary pharmacy and pet-insurance group), from a
//     twenty-eighth author who saw neither the method nor any other set,
//     held out of all tuning and measured once at the end of set32's
//     round: recall@5 0.917 (44/48), distractors 2.2 % (1/45), kinds
//     0.958 (23/24) (TF-IDF 0.542 and 23.3 %); the method before that
//     round read it the same. All three targets met; its floor guards the
//     figures.
//   - set34 and set35 (a satellite TV and broadband provider), given to a
//     twenty-ninth and a thirtieth author who saw neither the method, any
//     other set nor each other's, measured once at the end of set32's
//     round with its method: set34 recall@5 0.917 (44/48), distractors
//     8.3 % (4/48), kinds 0.917 (22/24) (TF-IDF 0.250 and 27.5 %); set35
//     1.000 (48/48), 0.0 % (0/48), 1.000 (24/24) (TF-IDF 0.312 and
//     24.2 %). set34 misses the distractor target by one slot; set35 meets
//     all three. Their floors guard the figures.
//   - set36 (a water and wastewater utility), set37 (an air cargo
//     carrier), set38 (a public library consortium) and set39 (a parking
//     and kerbside payments operator), each from an author who saw neither
//     the method, any other set nor each other's, written at the start of
//     the next round and measured once on arrival, with the kinds
//     unchanged since set34 and set35 were measured: set36 recall@5 1.000
//     (48/48), distractors 0.0 % (0/48), kinds 1.000 (24/24) (TF-IDF 0.417
//     and 25.0 %); set37
//     recall@5 1.000 (48/48), distractors 0.0 % (0/48), kinds 1.000
//     (24/24) (TF-IDF 0.771 and 18.3 %); set38 1.000, 0.0 %, 1.000
//     (TF-IDF 0.625 and 20.8 %); set39 0.917 (44/48), 2.2 % (1/45), 0.958
//     (23/24) (TF-IDF 0.542 and 21.7 %). All four meet all three
//     targets; together 0.979 (188/192), 0.5 % (1/189), 0.990 (95/96).
//     Their floors guard the figures.
type evalTargets struct{ recall, intrusion, kinds float64 }

var targets = map[string]evalTargets{
	"tuned":      {0.90, 0.08, 0.90},
	"validation": {0.70, 0.19, 0.85},
	"heldout":    {0.80, 0.10, 0.90},
}

func TestFamilySets(t *testing.T) {
	for _, set := range familySets {
		t.Run(set.name, func(t *testing.T) {
			if set.role == "heldout" && os.Getenv("DEBRIEF_EVAL_HELDOUT") == "" {
				t.Skip("a held-out evaluation set: it runs in CI, where DEBRIEF_EVAL_HELDOUT is set")
			}
			dir := filepath.Join("testdata", "families", set.name)
			if _, err := os.Stat(filepath.Join(dir, "manifest.tsv")); err != nil {
				t.Fatalf("evaluation set %s is missing: %v", set.name, err)
			}
			if *unseenModel {
				model := debrief.TrainKindModel(trainingExamples(t, set.name), debrief.DefaultKinds().IDs())
				defer debrief.UseKindModel(model)()
			}
			docs := loadFamilySet(t, dir)
			ours := score(docs, debriefTop(docs))
			base := score(docs, tfidfTop(docs))
			right, total := kindAccuracy(docs)
			t.Logf("%s: %d postmortems, %d members, %d family-mate pairs", set.name, len(docs), ours.members, ours.pairs)
			t.Logf("  debrief: recall@5 %.3f (%d/%d), distractors %.3f of top-5 slots (%d/%d), top kind right %.3f (%d/%d)",
				ours.recall(), ours.found, ours.pairs, ours.intrusion(), ours.intruders, ours.slots, ratio(right, total), right, total)
			t.Logf("  TF-IDF:  recall@5 %.3f (%d/%d), distractors %.3f of top-5 slots (%d/%d)",
				base.recall(), base.found, base.pairs, base.intrusion(), base.intruders, base.slots)
			if *showKinds && set.role == "tuned" {
				show(t, docs)
			}
			if ours.recall() <= base.recall() || ours.intrusion() >= base.intrusion() {
				t.Errorf("debrief is not ahead of TF-IDF on %s", set.name)
			}
			tg, what := targets[set.role], set.role+" targets"
			if set.floor != nil {
				tg, what = *set.floor, "own floor"
			}
			if ours.recall() < tg.recall || ours.intrusion() > tg.intrusion || ratio(right, total) < tg.kinds {
				t.Errorf("%s misses its %s: recall@5 ≥ %.2f, distractors ≤ %.2f, kinds ≥ %.2f", set.name, what, tg.recall, tg.intrusion, tg.kinds)
			}
		})
	}
}

func show(t *testing.T, docs []*evalDoc) {
	top := debriefRank(docs)
	for i, d := range docs {
		ks := debrief.DefaultKinds().Infer(d.p)
		var kinds []string
		for _, k := range ks {
			kinds = append(kinds, fmt.Sprintf("%s %.2f %q", k.ID, k.Score, k.Evidence))
		}
		mark := " "
		if d.role == "member" && (len(ks) == 0 || ks[0].ID != d.kind) {
			mark = "✗"
		}
		t.Logf("%s %s [%s %s %s] → %s", mark, d.file, d.role, d.family, d.kind, strings.Join(kinds, "; "))
		if d.role != "member" {
			continue
		}
		list := top(i)
		for _, r := range list {
			o := docs[r.index]
			tag := "  "
			switch {
			case o.role == "distractor":
				tag = "D!"
			case o.family == d.family:
				tag = "ok"
			}
			t.Logf("      %s %s [%s %s] score %.2f kind %.2f text %.2f", tag, o.file, o.family, o.kind, r.sim.Score, r.sim.KindOverlap, r.sim.TextSimilarity)
		}
		for j, o := range docs {
			if j != i && o.role == "member" && o.family == d.family && !slices.ContainsFunc(list, func(r ranked) bool { return r.index == j }) {
				t.Logf("      -- %s [%s %s] missed", o.file, o.family, o.kind)
			}
		}
	}
}
