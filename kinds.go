package debrief

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// IncidentKind is a kind of incident: a failure mechanism, whatever service or team
// it hit, such as "certificate expiry" or "retry storm". Incidents of one
// kind are what an organisation learns from together. docs/kinds.md lists
// the default kinds.
type IncidentKind struct {
	ID         string
	Name       string
	Definition string
	// Strong and Signals are phrasings that point to the kind: Strong ones
	// almost only occur in this kind's write-ups, Signals in many but most
	// often in these. Against are phrasings that point elsewhere. Each is
	// written in the signal syntax that KindSet documents.
	Strong, Signals, Against []string
}

// Signal weights: how much one matched phrasing adds to a kind's score.
const (
	weightStrong  = 3.0
	weightSignal  = 1.0
	weightAgainst = -2.0
)

// KindSet is a compiled set of kinds, ready to read postmortems.
//
// A signal is a few words separated by spaces, all of which must occur in
// one sentence, in any order, close together: at most two words apart for
// every word of the signal. Each word may be a list of alternatives
// separated by "|", and an alternative that ends in "*" matches every word
// that starts with it. Words are compared in lower case, plurals folded, and
// split the way Tokens splits them: "cert|certificat* expir*|lapse*"
// matches "the cert lapsed" and "certificates had expired".
type KindSet struct {
	kinds   []IncidentKind
	signals []signal
	// exact maps a word to the (signal, slot) pairs it fills; prefix maps a
	// prefix the same way.
	exact, prefix map[string][]slotRef
	maxPrefix     int
	// model returns the linear model's second opinion (kinds_model.go);
	// it knows the default kinds only.
	model func() *kindModel
}

type signal struct {
	kind   int
	weight float64
	slots  int
	text   string
	// negates is true when the signal itself says "no" or "not", as in
	// "no canary": such a signal is not cancelled by a negation before it.
	negates bool
}

// negators are the words that, just before a phrase, say it did not
// happen: "this was not a DNS problem", "we ruled out clock skew".
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "nothing": true, "nor": true, "without": true,
	"isn": true, "wasn": true, "aren": true, "weren": true, "didn": true, "doesn": true, "don": true,
	"rather": true, "instead": true, "ruled": true, "neither": true,
}

// negationWindow is how many words before a phrase a negator reaches.
const negationWindow = 3

type slotRef struct{ signal, slot int }

// DefaultKinds returns the compiled set of the default kinds. It is
// compiled the first time it is asked for, so that commands that never
// infer kinds (lint, above all) do not pay for it at start-up.
func DefaultKinds() *KindSet { return defaultKinds() }

var defaultKinds = sync.OnceValue(func() *KindSet { return mustCompileKinds(defaultKindList) })

func mustCompileKinds(kinds []IncidentKind) *KindSet {
	s, err := CompileKinds(kinds)
	if err != nil {
		panic(err)
	}
	return s
}

// CompileKinds checks and compiles kinds. Ids must be unique lower-case
// words joined by hyphens, and every signal must have at least one word.
func CompileKinds(kinds []IncidentKind) (*KindSet, error) {
	s := &KindSet{exact: map[string][]slotRef{}, prefix: map[string][]slotRef{}}
	seen := map[string]bool{}
	for ki, k := range kinds {
		if !validKindID(k.ID) {
			return nil, fmt.Errorf("kind id %q: use lower-case words joined by hyphens, such as cert-expiry", k.ID)
		}
		if seen[k.ID] {
			return nil, fmt.Errorf("kind %s is defined twice", k.ID)
		}
		seen[k.ID] = true
		for _, group := range []struct {
			sigs   []string
			weight float64
		}{{k.Strong, weightStrong}, {k.Signals, weightSignal}, {k.Against, weightAgainst}} {
			for _, text := range group.sigs {
				if err := s.add(ki, group.weight, text); err != nil {
					return nil, fmt.Errorf("kind %s: %w", k.ID, err)
				}
			}
		}
	}
	s.kinds = slices.Clone(kinds)
	s.model = defaultKindModel
	return s, nil
}

func (s *KindSet) add(kind int, weight float64, text string) error {
	slots := strings.Fields(text)
	if len(slots) == 0 || len(slots) > 6 {
		return fmt.Errorf("signal %q: give one to six words", text)
	}
	si := len(s.signals)
	negates := false
	for slot, alts := range slots {
		for alt := range strings.SplitSeq(alts, "|") {
			negates = negates || negators[strings.ToLower(alt)]
			ref := slotRef{si, slot}
			if p, ok := strings.CutSuffix(alt, "*"); ok {
				p = strings.ToLower(p)
				if len(p) < 2 || !isWord(p) {
					return fmt.Errorf("signal %q: prefix %q is too short or not a word", text, alt)
				}
				s.prefix[p] = append(s.prefix[p], ref)
				s.maxPrefix = max(s.maxPrefix, len(p))
				continue
			}
			w := strings.ToLower(alt)
			if !isWord(w) {
				return fmt.Errorf("signal %q: %q is not a word (letters and digits only)", text, alt)
			}
			w = singular(w)
			s.exact[w] = append(s.exact[w], ref)
		}
	}
	s.signals = append(s.signals, signal{kind: kind, weight: weight, slots: len(slots), text: text, negates: negates})
	return nil
}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

func validKindID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' || strings.Contains(id, "--") {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// Kinds returns the kinds of the set, in their documented order.
func (s *KindSet) Kinds() []IncidentKind { return slices.Clone(s.kinds) }

// Kind returns the kind with the given id.
func (s *KindSet) Kind(id string) (IncidentKind, bool) {
	i := slices.IndexFunc(s.kinds, func(k IncidentKind) bool { return k.ID == id })
	if i < 0 {
		return IncidentKind{}, false
	}
	return s.kinds[i], true
}

// IDs returns the ids of the set's kinds, in order.
func (s *KindSet) IDs() []string {
	out := make([]string, len(s.kinds))
	for i, k := range s.kinds {
		out[i] = k.ID
	}
	return out
}

// Has reports whether the set has a kind with the given id.
func (s *KindSet) Has(id string) bool { _, ok := s.Kind(id); return ok }

// With returns a set with the extra kinds added, and with the extra
// signals of kinds that share an id with one of the set's appended to it:
// this is how .debrief.yaml adds kinds and words.
func (s *KindSet) With(extra []IncidentKind) (*KindSet, error) {
	kinds := s.Kinds()
	for _, e := range extra {
		i := slices.IndexFunc(kinds, func(k IncidentKind) bool { return k.ID == e.ID })
		if i < 0 {
			kinds = append(kinds, e)
			continue
		}
		k := &kinds[i]
		k.Strong = append(slices.Clone(k.Strong), e.Strong...)
		k.Signals = append(slices.Clone(k.Signals), e.Signals...)
		k.Against = append(slices.Clone(k.Against), e.Against...)
		if e.Name != "" {
			k.Name = e.Name
		}
		if e.Definition != "" {
			k.Definition = e.Definition
		}
	}
	return CompileKinds(kinds)
}

// Fingerprint identifies the set's kinds and signals, so that kinds stored
// with a postmortem can be recomputed when the set changes.
func (s *KindSet) Fingerprint() string {
	var h uint64 = 14695981039346656037
	mix := func(str string) {
		for i := 0; i < len(str); i++ {
			h ^= uint64(str[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	mix(kindMethodVersion)
	mix(kindModelText)
	for _, k := range s.kinds {
		mix(k.ID)
		for _, g := range [][]string{k.Strong, k.Signals, k.Against} {
			for _, sig := range g {
				mix(sig)
			}
			mix("|")
		}
	}
	return strconv.FormatUint(h, 36)
}

// kindMethodVersion changes whenever the way kinds are inferred changes, so
// that stored inferences are recomputed.
const kindMethodVersion = "kinds-1"

// KindMatch is a kind inferred for a postmortem (or confirmed by its
// authors), with the evidence for it.
type KindMatch struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Score is the kind's share of the postmortem's evidence, 0–1; 1 for a
	// kind its authors confirmed.
	Score float64 `json:"score"`
	// Confirmed is true when the postmortem's kinds list names it.
	Confirmed bool `json:"confirmed,omitempty"`
	// Evidence quotes the phrases that point to the kind, strongest first,
	// as the authors wrote them.
	Evidence []string `json:"evidence,omitempty"`
	// weight is the raw evidence score the share is computed from.
	weight float64
}

// Inference thresholds. A kind is inferred when its evidence reaches
// minKindWeight and at least minKindShare of the strongest kind's; at most
// maxKinds are kept.
const (
	minKindWeight = 4.0
	minKindShare  = 0.5
	maxKinds      = 3
	maxEvidence   = 4
)

// Infer returns the kinds of p: the ones its authors confirmed in its kinds
// list, then, if none, the kinds its text points to, best first. A
// postmortem whose text points to no kind clearly enough has none.
func (s *KindSet) Infer(p *Postmortem) []KindMatch {
	return s.infer(splitParts(PostmortemText(p)), p.Kinds)
}

// infer is Infer for text already split into weighted sentences.
func (s *KindSet) infer(parts []sentenced, confirmed []string) []KindMatch {
	scores := s.score(parts)
	s.addModel(scores, parts)
	var out []KindMatch
	for _, id := range confirmed {
		if i := slices.IndexFunc(s.kinds, func(k IncidentKind) bool { return k.ID == id }); i >= 0 {
			m := KindMatch{ID: id, Name: s.kinds[i].Name, Score: 1, Confirmed: true}
			if sc, ok := scores[i]; ok {
				m.Evidence = sc.evidence()
			}
			out = append(out, m)
		}
	}
	if len(out) > 0 {
		return out
	}
	best := 0.0
	for _, sc := range scores {
		best = max(best, sc.total)
	}
	total := 0.0
	for i, sc := range scores {
		if sc.total >= minKindWeight && sc.total >= minKindShare*best {
			out = append(out, KindMatch{ID: s.kinds[i].ID, Name: s.kinds[i].Name, weight: sc.total, Evidence: sc.evidence()})
			total += sc.total
		}
	}
	slices.SortFunc(out, func(a, b KindMatch) int {
		if a.weight != b.weight {
			if a.weight > b.weight {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	if len(out) > maxKinds {
		total = 0
		for _, m := range out[:maxKinds] {
			total += m.weight
		}
		out = out[:maxKinds]
	}
	for i := range out {
		out[i].Score = math.Round(out[i].weight/total*100) / 100
	}
	return out
}

// modelWeight is how much the model's certainty adds to a kind's evidence:
// a kind the model is sure of counts like a few strong phrases.
const modelWeight = 24.0

// triggerShare is how much of the model's opinion comes from the title and
// trigger alone: they say the mechanism in one line, where the body also
// tells symptoms, earlier incidents and what the team first suspected.
const triggerShare = 0.3

// minModelProb is the least probability at which the model's opinion
// counts at all.
const minModelProb = 0.2

// addModel adds the model's opinion to the signals' scores.
func (s *KindSet) addModel(scores map[int]*kindScore, parts []sentenced) {
	if s.model == nil {
		return
	}
	m := s.model()
	if len(m.classes) == 0 {
		return
	}
	ops := m.predict(modelFeatures(parts))
	var head []sentenced
	for _, p := range parts {
		if p.name == "trigger" || p.name == "title" {
			head = append(head, p)
		}
	}
	if len(head) > 0 {
		hops := m.predict(modelFeatures(head))
		for k, o := range ops {
			o.prob = (1-triggerShare)*o.prob + triggerShare*hops[k].prob
			ops[k] = o
		}
	}
	for i, k := range s.kinds {
		op, ok := ops[k.ID]
		if !ok || op.prob < minModelProb {
			continue
		}
		ks := scores[i]
		if ks == nil {
			ks = &kindScore{phrases: map[int]*phrase{}}
			scores[i] = ks
		}
		ks.total += modelWeight * op.prob
		ks.model = op
	}
}

// kindScore gathers one kind's evidence in a text.
type kindScore struct {
	// model is the model's opinion of the kind.
	model modelOpinion
	total float64
	// phrases maps each matched signal to its weighted count and the best
	// quote of it.
	phrases map[int]*phrase
}

type phrase struct {
	signal string
	slots  int
	count  float64
	weight float64
	quote  string
	qw     float64 // section weight of the quote
}

func (k *kindScore) evidence() []string {
	type ev struct {
		quote string
		score float64
	}
	// Two signals can quote the same words; the quote keeps the better
	// score, whichever signal the map yields first.
	best := map[string]float64{}
	for _, p := range k.phrases {
		if p.weight <= 0 {
			continue
		}
		// A phrase of several words says more to a reader than one word.
		sc := p.weight * p.qw * math.Log2(1+p.count) * float64(1+p.slots)
		if old, ok := best[p.quote]; !ok || sc > old {
			best[p.quote] = sc
		}
	}
	evs := make([]ev, 0, len(best))
	for q, sc := range best {
		evs = append(evs, ev{q, sc})
	}
	slices.SortFunc(evs, func(a, b ev) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.quote, b.quote)
	})
	out := make([]string, 0, min(len(evs), maxEvidence))
	for _, e := range evs[:min(len(evs), maxEvidence)] {
		out = append(out, e.quote)
	}
	if len(out) < maxEvidence && len(k.model.words) > 0 {
		out = append(out, "words: "+strings.Join(k.model.words, ", "))
	}
	return out
}

// score matches every signal against the text and sums, per kind, each
// signal's weight times the log of its section-weighted count: a phrase
// said once in the title counts more than one said five times in the
// timeline, and repeating a phrase adds less and less.
func (s *KindSet) score(parts []sentenced) map[int]*kindScore {
	found := map[int]*phrase{}
	m := &matcher{refs: map[string][]slotRef{}, count: make([]int32, len(s.signals)), pos: make([]int32, len(s.signals))}
	for _, part := range parts {
		for _, sent := range part.sents {
			s.matchSentence(m, sent, part.weight, found)
		}
	}
	scores := map[int]*kindScore{}
	for si, p := range found {
		sig := s.signals[si]
		ks := scores[sig.kind]
		if ks == nil {
			ks = &kindScore{phrases: map[int]*phrase{}}
			scores[sig.kind] = ks
		}
		ks.total += sig.weight * math.Log2(1+p.count)
		ks.phrases[si] = p
	}
	return scores
}

// wordRefs returns the slots a word fills, exactly or by a prefix.
func (s *KindSet) wordRefs(w string) []slotRef {
	out := s.exact[singular(w)]
	for n := 2; n <= min(len(w), s.maxPrefix); n++ {
		if rs := s.prefix[w[:n]]; len(rs) > 0 {
			out = append(slices.Clip(out), rs...)
		}
	}
	return out
}

// hit is a word of a sentence that fills a slot of a signal.
type hit struct {
	signal, slot, pos int
}

// matcher holds what matching one text's sentences reuses.
type matcher struct {
	// refs caches the slots each word of the text fills.
	refs map[string][]slotRef
	// hits, grouped, count and pos are scratch space: the hits of a
	// sentence, the same grouped by signal, the hits per signal and where
	// each signal's group ends so far.
	hits, grouped []hit
	count, pos    []int32
	touched       []int
}

// matchSentence finds the signals in one sentence and adds them to found.
func (s *KindSet) matchSentence(m *matcher, sent Sentence, weight float64, found map[int]*phrase) {
	hits := m.hits[:0]
	for i, t := range sent.Tokens {
		rs, ok := m.refs[t.Word]
		if !ok {
			rs = s.wordRefs(t.Word)
			m.refs[t.Word] = rs
		}
		for _, r := range rs {
			hits = append(hits, hit{r.signal, r.slot, i})
			if m.count[r.signal] == 0 {
				m.touched = append(m.touched, r.signal)
			}
			m.count[r.signal]++
		}
	}
	m.hits = hits
	if len(hits) == 0 {
		return
	}
	// Group the hits by signal, in position order within each, leaving
	// out the signals with fewer hits than words: they cannot match.
	offset := 0
	for _, si := range m.touched {
		n := int(m.count[si])
		if n < s.signals[si].slots {
			m.count[si] = -1
			continue
		}
		m.pos[si] = int32(offset)
		offset += n
	}
	grouped := slices.Grow(m.grouped[:0], offset)[:offset]
	for _, h := range hits {
		if m.count[h.signal] > 0 {
			grouped[m.pos[h.signal]] = h
			m.pos[h.signal]++
		}
	}
	m.grouped = grouped
	for _, si := range m.touched {
		if n := m.count[si]; n > 0 {
			end := int(m.pos[si])
			s.matchSignal(sent, weight, found, si, grouped[end-int(n):end])
		}
		m.count[si], m.pos[si] = 0, 0
	}
	m.touched = m.touched[:0]
}

// matchSignal checks whether one signal's hits in a sentence fill all its
// words within its window, and records the tightest match.
func (s *KindSet) matchSignal(sent Sentence, weight float64, found map[int]*phrase, si int, group []hit) {
	sig := s.signals[si]
	// Find the tightest window that fills every slot, by sliding over the
	// hits in position order.
	window := 2*sig.slots + 1
	var need [6]int
	filled := 0
	bestLo, bestHi, bestSpan := -1, -1, window+1
	for a, b := 0, 0; b < len(group); b++ {
		if need[group[b].slot] == 0 {
			filled++
		}
		need[group[b].slot]++
		for filled == sig.slots {
			span := group[b].pos - group[a].pos
			if span < bestSpan && (span > 0 || sig.slots == 1) {
				bestLo, bestHi, bestSpan = group[a].pos, group[b].pos, span
			}
			need[group[a].slot]--
			if need[group[a].slot] == 0 {
				filled--
			}
			a++
		}
	}
	if bestLo < 0 || !sig.negates && negated(sent.Tokens, bestLo) {
		return
	}
	p := found[si]
	if p == nil {
		p = &phrase{signal: sig.text, slots: sig.slots, weight: sig.weight}
		found[si] = p
	}
	p.count += weight
	if weight > p.qw {
		p.qw = weight
		p.quote = quote(sent, bestLo, bestHi)
	}
}

// negated reports whether a negator comes shortly before token i.
func negated(toks []Token, i int) bool {
	for j := max(0, i-negationWindow); j < i; j++ {
		if negators[toks[j].Word] {
			return true
		}
	}
	return false
}

// quote returns the words of a sentence from token lo to hi as written,
// widened to whole words (an alert named in camel case is quoted whole) and
// without the Markdown and punctuation around them.
func quote(sent Sentence, lo, hi int) string {
	start, end := sent.Tokens[lo].Start, sent.Tokens[hi].End
	for start > 0 && !isQuoteBoundary(sent.Text[start-1]) {
		start--
	}
	for end < len(sent.Text) && !isQuoteBoundary(sent.Text[end]) {
		end++
	}
	q := strings.Join(strings.Fields(sent.Text[start:end]), " ")
	q = strings.Trim(q, "*_`()[]{}\"'.,;:!?<>#|~")
	if len(q) > 80 {
		cut := 77
		for cut > 0 && !utf8.RuneStart(q[cut]) {
			cut--
		}
		q = q[:cut] + "…"
	}
	return q
}

func isQuoteBoundary(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r'
}

// KindVector is a postmortem's kinds as similarity compares them: each
// kind's share, summing to 1; empty when it has none.
type KindVector map[string]float64

// Vector returns the kinds as a vector.
func Vector(ms []KindMatch) KindVector {
	v := KindVector{}
	total := 0.0
	for _, m := range ms {
		total += m.Score
	}
	for _, m := range ms {
		if total > 0 {
			v[m.ID] = m.Score / total
		}
	}
	return v
}

// Overlap is how much two kind vectors share, 0–1: the sum of the smaller
// share of every kind they both have.
func (v KindVector) Overlap(o KindVector) float64 {
	s := 0.0
	for k, a := range v {
		if b, ok := o[k]; ok {
			s += min(a, b)
		}
	}
	return s
}

// SameLead reports whether two vectors lead with the same kind: a kind that
// has (within a few points) the largest share in both.
func (v KindVector) SameLead(o KindVector) bool {
	lead := func(v KindVector) map[string]bool {
		best := 0.0
		for _, s := range v {
			best = max(best, s)
		}
		out := map[string]bool{}
		for k, s := range v {
			if s >= best-leadMargin {
				out[k] = true
			}
		}
		return out
	}
	lo := lead(o)
	for k := range lead(v) {
		if lo[k] {
			return true
		}
	}
	return false
}

// ForeignLead reports whether v is mainly one kind, which o does not have:
// its leading kind (see SameLead) holds at least DominantShare of it and
// is not among o's kinds.
func (v KindVector) ForeignLead(o KindVector) bool {
	best := 0.0
	for _, s := range v {
		best = max(best, s)
	}
	if best < DominantShare {
		return false
	}
	for k, s := range v {
		if _, ok := o[k]; ok && s >= best-leadMargin {
			return false
		}
	}
	return true
}

// DominantShare is the share of a postmortem's kinds at which its leading
// kind says what the incident mainly was.
const DominantShare = 0.5

// leadMargin is how far below the largest share a kind may be and still
// lead.
const leadMargin = 0.01

// Top returns the kind with the largest share, "" for none.
func (v KindVector) Top() string {
	best, id := 0.0, ""
	for k, s := range v {
		if s > best || s == best && k < id {
			best, id = s, k
		}
	}
	return id
}
