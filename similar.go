package debrief

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// SimilarPostmortem is a postmortem found like another one, with the reasons
// that make it so. docs/similar.md explains the method.
type SimilarPostmortem struct {
	*PostmortemSummary
	// Score is the weighted sum of KindOverlap, TextSimilarity and the
	// shared place; higher is closer.
	Score float64
	// KindOverlap is how much of the two postmortems' incident kinds they
	// share, 0–1; TextSimilarity is the cosine of their weighted words.
	KindOverlap, TextSimilarity float64
	// Kinds are the incident kinds both have, with each side's evidence.
	Kinds []SharedKind
	// Reasons says in words what the two share, strongest first, such as
	// "same service: edge-lb" or "shares 'certificate', 'expiry'".
	Reasons []string
	// What the two share: keys of services, teams, factor categories and
	// tags, the distinctive words (most distinctive first) and the ids of
	// action items both list.
	Services, Teams, Categories, Tags, Terms, ActionItems []string
	// Linked is true when either lists the other in related.
	Linked bool
	// Actions counts the similar postmortem's action items by status:
	// whether the fixes of the earlier incident were done.
	Actions ActionProgress
}

// Reason joins the reasons into one line.
func (s *SimilarPostmortem) Reason() string { return strings.Join(s.Reasons, "; ") }

// ActionProgress counts a postmortem's action items by status.
type ActionProgress struct {
	Total, Done, WontDo int
}

// AllDone reports whether the postmortem has action items and all are done.
func (a ActionProgress) AllDone() bool { return a.Total > 0 && a.Done == a.Total }

// Open counts the items still open or in progress.
func (a ActionProgress) Open() int { return a.Total - a.Done - a.WontDo }

// Features are what similarity compares between two postmortems.
type Features struct {
	ID                                string
	Services, Teams, Categories, Tags []string // as Keys returns them
	// Terms are the distinct words of the whole text, without stop words,
	// sorted; Weights holds, for each, how often it occurs, each occurrence
	// weighted by the part of the postmortem it is in (see PostmortemText).
	Terms   []string
	Weights []float64
	// Kinds are the postmortem's incident kinds, confirmed or inferred.
	Kinds []KindMatch
	// Related and ActionItems are the ids the postmortem lists, sorted.
	Related, ActionItems []string
}

// Features returns what similarity compares of p, with the default kinds.
func (p *Postmortem) Features() Features { return p.FeaturesWith(DefaultKinds()) }

// FeaturesWith returns what similarity compares of p, with the kinds of ks.
func (p *Postmortem) FeaturesWith(ks *KindSet) Features {
	var cats []string
	for _, f := range p.ContributingFactors {
		cats = append(cats, f.Category)
	}
	var items []string
	for _, a := range p.ActionItems {
		items = append(items, a.ID)
	}
	parts := splitParts(PostmortemText(p))
	terms, weights := weightedTerms(parts)
	return Features{
		ID:          p.ID,
		Services:    Keys(p.Services),
		Teams:       Keys(p.Teams),
		Categories:  Keys(cats),
		Tags:        Keys(p.Tags),
		Terms:       terms,
		Weights:     weights,
		Kinds:       ks.infer(parts, p.Kinds),
		Related:     sortedSet(p.Related),
		ActionItems: sortedSet(items),
	}
}

// weightedTerms counts the terms of the parts, each occurrence weighted by
// its part's weight.
func weightedTerms(parts []sentenced) ([]string, []float64) {
	w := map[string]float64{}
	for _, part := range parts {
		for _, sent := range part.sents {
			for _, t := range sent.Tokens {
				if term, ok := termOf(t.Word); ok {
					w[term] += part.weight
				}
			}
		}
	}
	terms := make([]string, 0, len(w))
	for t := range w {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	weights := make([]float64, len(terms))
	for i, t := range terms {
		weights[i] = math.Round(w[t]*10) / 10
	}
	return terms, weights
}

// Derived is what the stores keep of a postmortem's features besides its
// terms, so that similarity never reads the file again: the terms' weights
// (in the order of Features.Terms) and the kinds.
type Derived struct {
	Weights []float64   `json:"w"`
	Kinds   []KindMatch `json:"k"`
}

// Derived returns the derived part of f, encoded for a store.
func (f Features) Derived() string {
	b, _ := json.Marshal(Derived{Weights: f.Weights, Kinds: f.Kinds})
	return string(b)
}

// SetDerived fills f's weights and kinds from what Derived encoded; terms
// must be set already. A value that does not decode leaves them empty.
func (f *Features) SetDerived(s string) {
	d, ok := decodeDerived(s)
	if !ok || len(d.Weights) != len(f.Terms) {
		f.Weights, f.Kinds = nil, nil
		return
	}
	f.Weights, f.Kinds = d.Weights, d.Kinds
}

// decodeDerived decodes what Derived encoded. The weights, hundreds of
// numbers in the layout Derived writes, are read directly: similarity
// decodes a few hundred candidates per look-up, and encoding/json spends
// most of that time on them. Anything else goes through encoding/json.
func decodeDerived(s string) (Derived, bool) {
	var d Derived
	if s == "" {
		return d, false
	}
	const head, sep = `{"w":[`, `],"k":`
	if rest, ok := strings.CutPrefix(s, head); ok {
		if nums, kinds, ok := strings.Cut(rest, sep); ok && strings.HasSuffix(kinds, "}") {
			if w, ok := parseNumbers(nums); ok && json.Unmarshal([]byte(kinds[:len(kinds)-1]), &d.Kinds) == nil {
				d.Weights = w
				return d, true
			}
		}
	}
	return d, json.Unmarshal([]byte(s), &d) == nil
}

// parseNumbers reads a comma-separated list of JSON numbers.
func parseNumbers(s string) ([]float64, bool) {
	out := make([]float64, 0, strings.Count(s, ",")+1)
	if s == "" {
		return out, true
	}
	for s != "" {
		num, rest, more := strings.Cut(s, ",")
		if !jsonNumber(num) || more && rest == "" {
			return nil, false
		}
		x, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return nil, false
		}
		out = append(out, x)
		s = rest
	}
	return out, true
}

// jsonNumber reports whether s is a number in JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func jsonNumber(s string) bool {
	digits := func() bool {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		s = s[n:]
		return n > 0
	}
	s = strings.TrimPrefix(s, "-")
	if strings.HasPrefix(s, "0") {
		s = s[1:]
	} else if !digits() {
		return false
	}
	if rest, ok := strings.CutPrefix(s, "."); ok {
		if s = rest; !digits() {
			return false
		}
	}
	if len(s) > 0 && (s[0] == 'e' || s[0] == 'E') {
		s = s[1:]
		if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
			s = s[1:]
		}
		if !digits() {
			return false
		}
	}
	return s == ""
}

// DerivedKinds returns the kinds of what Derived encoded, without the
// words' weights; a value that does not decode has none.
func DerivedKinds(s string) []KindMatch {
	// In the layout Derived writes, the kinds follow the weights; reading
	// only them skips the hundreds of numbers before.
	if rest, ok := strings.CutPrefix(s, `{"w":[`); ok {
		if i := strings.Index(rest, `],"k":`); i >= 0 && jsonNumbers(rest[:i]) && strings.HasSuffix(rest, "}") {
			var kinds []KindMatch
			if json.Unmarshal([]byte(rest[i+len(`],"k":`):len(rest)-1]), &kinds) == nil {
				return kinds
			}
		}
	}
	var d struct {
		Kinds []KindMatch `json:"k"`
	}
	if s == "" || json.Unmarshal([]byte(s), &d) != nil {
		return nil
	}
	return d.Kinds
}

// jsonNumbers reports whether s is a comma-separated list of JSON numbers
// (or empty).
func jsonNumbers(s string) bool {
	for s != "" {
		num, rest, more := strings.Cut(s, ",")
		if !jsonNumber(num) || more && rest == "" {
			return false
		}
		s = rest
	}
	return true
}

func sortedSet(vs []string) []string {
	out := slices.Clone(vs)
	slices.Sort(out)
	return slices.Compact(out)
}

// Terms returns the distinct distinctive-word candidates of text: lower
// case, plurals folded to the singular, without stop words, numbers and
// words shorter than three letters, sorted.
func Terms(text string) []string {
	var out []string
	for _, t := range Tokens(text) {
		if term, ok := termOf(t.Word); ok {
			out = append(out, term)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// termOf returns the term a lower-case word counts as, and false for words
// that say nothing about an incident.
func termOf(w string) (string, bool) {
	stop := stopWords()
	if len(w) < 3 || len(w) > 40 || stop[w] || isNumber(w) {
		return "", false
	}
	w = singular(w)
	if stop[w] {
		return "", false
	}
	return w, true
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// singular folds the common English plurals, so that "certificates" and
// "certificate" count as one word and the word stays readable in reasons.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// Weights of the similarity score; docs/similar.md explains them. What
// happened decides: the incident kinds the two share, and how alike their
// words are. Where it happened (services, teams, tags) only breaks ties.
const (
	WeightKind  = 0.6
	WeightText  = 0.4
	WeightPlace = 0.02
	// WeightLinked is added when either lists the other in related, and
	// WeightSharedFix when both list an action item with the same id: the
	// same fix, so the same problem.
	WeightLinked    = 0.1
	WeightSharedFix = 0.3
	// A candidate enters the results only when it leads with the same
	// kind or shares at least MinKindOverlap of its kinds, or, when either
	// kind is unknown, shares enough words (MinTextSimilarity); and scores
	// at least MinSimilarScore. A postmortem that shares only a place never
	// does.
	MinKindOverlap        = 0.5
	MinPartialKindOverlap = 0.3
	MinPartialEvidence    = 0.55
	MinTextSimilarity     = 0.2
	MinSimilarScore       = 0.12
	// QueryTerms is how many of a postmortem's most distinctive words the
	// stores look up to find candidates by text.
	QueryTerms = 12
	// CandidateLimit is how many candidates each kind of look-up may bring;
	// KindCandidateLimit how many the look-up by incident kind may.
	CandidateLimit     = 60
	KindCandidateLimit = 120
)

// IDF is the inverse document frequency of a word that df of n postmortems
// use: high for rare words, near 0 for words everyone uses. A word no
// postmortem uses yet counts as used by one.
func IDF(df, n int) float64 {
	df = max(df, 1)
	n = max(n, df)
	return math.Log(1 + float64(n)/float64(df))
}

// SearchTerms returns the terms of f worth looking up to find candidates by
// text, most telling first: those some postmortem uses, ranked by their
// weight in f times their IDF, while the postmortems that use them add up to
// at most PostingBudget (and at least the first one), and no more than
// QueryTerms of them. df holds the document frequencies of f.Terms in an
// archive of n postmortems. The budget keeps the look-up fast in any
// archive.
func (f Features) SearchTerms(df map[string]int, n int) []string {
	type scored struct {
		term  string
		score float64
	}
	var ts []scored
	for i, t := range f.Terms {
		if df[t] > 0 {
			w := 1.0
			if i < len(f.Weights) {
				w = f.Weights[i]
			}
			ts = append(ts, scored{t, math.Log2(1+w) * IDF(df[t], n)})
		}
	}
	slices.SortStableFunc(ts, func(a, b scored) int { return heavierFirst(a.score, b.score, a.term, b.term) })
	var out []string
	total := 0
	for _, t := range ts {
		if len(out) == QueryTerms {
			break
		}
		if len(out) > 0 && total+df[t.term] > PostingBudget {
			continue
		}
		total += df[t.term]
		out = append(out, t.term)
	}
	return out
}

// PostingBudget bounds how many postmortems the look-up of a postmortem's
// words may bring back, summed over its words.
const PostingBudget = 4000

// TopByTerms ranks the postmortems found by word: postings maps each
// looked-up term to the postmortems that use it. It returns the limit of
// them that share the most distinctive words, by summed IDF.
func TopByTerms(postings map[string][]int64, df map[string]int, n, limit int) []int64 {
	score := map[int64]float64{}
	for t, pks := range postings {
		w := IDF(df[t], n)
		for _, pk := range pks {
			score[pk] += w
		}
	}
	out := make([]int64, 0, len(score))
	for pk := range score {
		out = append(out, pk)
	}
	slices.SortFunc(out, func(a, b int64) int {
		return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(b, a))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// SimilarCandidate is a stored postmortem that a store found sharing
// something with the target, for RankSimilar to score.
type SimilarCandidate struct {
	Summary  *PostmortemSummary
	Features Features
	Actions  ActionProgress
}

// termWeight is how much the i-th of f's terms weighs in the cosine: the
// log of its weighted count times its IDF.
func (f Features) termWeight(i int, idf func(string) float64) float64 {
	w := 1.0
	if i < len(f.Weights) {
		w = f.Weights[i]
	}
	return math.Log2(1+w) * idf(f.Terms[i])
}

// textVector returns f's terms weighted for the cosine, and the vector's
// norm.
func (f Features) textVector(idf func(string) float64) (map[string]float64, float64) {
	v := make(map[string]float64, len(f.Terms))
	norm := 0.0
	for i, t := range f.Terms {
		x := f.termWeight(i, idf)
		v[t] = x
		norm += x * x
	}
	return v, math.Sqrt(norm)
}

// RankSimilar scores the candidates against the target, leaves out those
// that share too little of what happened and returns the best limit of
// them, best first. df holds the document frequencies of the target's and
// candidates' terms in an archive of n postmortems.
//
// The score reads only a candidate's Features; its Summary, Actions and
// Categories go into the result and its reasons. A store may therefore rank
// candidates that carry only their features, and rank the winners again
// with everything loaded: the order is the same.
func RankSimilar(target Features, cands []SimilarCandidate, df map[string]int, n, limit int) []*SimilarPostmortem {
	idfs := make(map[string]float64, len(df))
	idf := func(t string) float64 {
		x, ok := idfs[t]
		if !ok {
			x = IDF(df[t], n)
			idfs[t] = x
		}
		return x
	}
	tv, tnorm := target.textVector(idf)
	tk := Vector(target.Kinds)
	type scored struct {
		s *SimilarPostmortem
		c *SimilarCandidate
	}
	var out []scored
	for k := range cands {
		c := &cands[k]
		s := &SimilarPostmortem{PostmortemSummary: c.Summary, Actions: c.Actions}
		s.Services = intersect(target.Services, c.Features.Services)
		s.Teams = intersect(target.Teams, c.Features.Teams)
		s.Tags = intersect(target.Tags, c.Features.Tags)
		s.ActionItems = intersect(target.ActionItems, c.Features.ActionItems)
		s.Linked = target.ID != "" && slices.Contains(c.Features.Related, target.ID) ||
			c.Features.ID != "" && slices.Contains(target.Related, c.Features.ID)

		dot, cnorm := 0.0, 0.0
		for i, t := range c.Features.Terms {
			x := c.Features.termWeight(i, idf)
			cnorm += x * x
			if y, ok := tv[t]; ok {
				dot += x * y
			}
		}
		if tnorm > 0 && cnorm > 0 {
			s.TextSimilarity = dot / (tnorm * math.Sqrt(cnorm))
		}
		ck := Vector(c.Features.Kinds)
		s.KindOverlap = tk.Overlap(ck)
		// Two postmortems are the same kind of incident when they lead
		// with the same kind, share most of their kinds, or share some of
		// their kinds and, together with their words, enough evidence,
		// provided that neither is mainly a kind the other lacks: a
		// postmortem that is mainly another kind, with a trace of this
		// one, is a neighbour, not a family mate.
		// When both say what kind they were and the kinds differ, shared
		// words are shared circumstances (the same service, team or
		// author): only when either kind is unknown do words alone make
		// them alike.
		sameKind := tk.SameLead(ck) || s.KindOverlap >= MinKindOverlap ||
			s.KindOverlap >= MinPartialKindOverlap && s.KindOverlap+s.TextSimilarity >= MinPartialEvidence &&
				!tk.ForeignLead(ck) && !ck.ForeignLead(tk)
		// The authors' own links, related either way or a shared action
		// item, say outright that the two belong together.
		knownKinds := len(target.Kinds) > 0 && len(c.Features.Kinds) > 0
		linked := len(s.ActionItems) > 0 || s.Linked && (!knownKinds || s.KindOverlap > 0)
		if !linked && !sameKind && (knownKinds || s.TextSimilarity < MinTextSimilarity) {
			continue
		}
		place := (jaccard(s.Services, target.Services, c.Features.Services) +
			jaccard(s.Teams, target.Teams, c.Features.Teams) +
			jaccard(s.Tags, target.Tags, c.Features.Tags)) / 3
		s.Score = WeightKind*s.KindOverlap + WeightText*s.TextSimilarity + WeightPlace*place
		if s.Linked {
			s.Score += WeightLinked
		}
		if len(s.ActionItems) > 0 {
			s.Score += WeightSharedFix
		}
		if s.Score < MinSimilarScore {
			continue
		}
		out = append(out, scored{s, c})
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.s.Score, a.s.Score), strings.Compare(b.s.ID, a.s.ID))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	// Only the results say why.
	res := make([]*SimilarPostmortem, len(out))
	for i, x := range out {
		s, c := x.s, x.c
		s.Categories = intersect(target.Categories, c.Features.Categories)
		s.Terms = sharedTerms(tv, c.Features, idf)
		s.Kinds = sharedKinds(target.Kinds, c.Features.Kinds)
		s.Reasons = reasons(s)
		res[i] = s
	}
	return res
}

// sharedTerms returns the words the target (its vector tv) and c share that
// weigh most in their cosine, at most eight.
func sharedTerms(tv map[string]float64, c Features, idf func(string) float64) []string {
	type shared struct {
		term string
		w    float64
	}
	var sh []shared
	for i, t := range c.Terms {
		if y, ok := tv[t]; ok {
			sh = append(sh, shared{t, c.termWeight(i, idf) * y})
		}
	}
	slices.SortFunc(sh, func(a, b shared) int { return heavierFirst(a.w, b.w, a.term, b.term) })
	var out []string
	for _, x := range sh[:min(len(sh), 8)] {
		out = append(out, x.term)
	}
	return out
}

// SharedKind is an incident kind two postmortems share, with the evidence
// on each side.
type SharedKind struct {
	ID, Name string
	// This and That quote the target's and the similar postmortem's
	// evidence for the kind.
	This, That []string
}

func sharedKinds(a, b []KindMatch) []SharedKind {
	var out []SharedKind
	for _, x := range a {
		for _, y := range b {
			if x.ID == y.ID {
				out = append(out, SharedKind{ID: x.ID, Name: x.Name, This: x.Evidence, That: y.Evidence})
			}
		}
	}
	return out
}

// reasons says in words what a similar postmortem shares.
func reasons(s *SimilarPostmortem) []string {
	var r []string
	for _, k := range s.Kinds {
		reason := "same kind: " + strings.ToLower(k.Name[:1]) + k.Name[1:]
		var ev []string
		if len(k.This) > 0 {
			ev = append(ev, "this: '"+k.This[0]+"'")
		}
		if len(k.That) > 0 {
			ev = append(ev, "that: '"+k.That[0]+"'")
		}
		if len(ev) > 0 {
			reason += " (" + strings.Join(ev, "; ") + ")"
		}
		r = append(r, reason)
	}
	if s.Linked {
		r = append(r, "linked as related")
	}
	add := func(one, many string, vs []string) {
		switch len(vs) {
		case 0:
		case 1:
			r = append(r, one+": "+vs[0])
		default:
			r = append(r, many+": "+strings.Join(vs, ", "))
		}
	}
	add("same action item", "same action items", s.ActionItems)
	if len(s.Terms) > 0 {
		ts := s.Terms[:min(len(s.Terms), 4)]
		q := make([]string, len(ts))
		for i, t := range ts {
			q[i] = fmt.Sprintf("'%s'", t)
		}
		r = append(r, "shares "+strings.Join(q, ", "))
	}
	add("same service", "same services", s.Services)
	add("same tag", "same tags", s.Tags)
	add("same team", "same teams", s.Teams)
	return r
}

// intersect returns the values of sorted a that are also in sorted b.
func intersect(a, b []string) []string {
	var out []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}

func jaccard(shared, a, b []string) float64 {
	union := len(a) + len(b) - len(shared)
	if union == 0 {
		return 0
	}
	return float64(len(shared)) / float64(union)
}

// stopWords are English function words and words every postmortem uses,
// which say nothing about what kind of incident it was.
var stopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all also am an and any are around as at be
because been before being below between both but by can could did do does doing
down during each few for from further had has have having her here hers him his
how into its itself just more most much must nor not now off once only other our
ours out over own same she should some such than that the their theirs them then
there these they this those through too under until upon very was were what when
where which while who whom why will with within without would you your yours
yet via per onto across along among already still every either neither whether
one two three four five six seven eight nine ten first second third next last
new old another may might shall got get gets getting went go goes going make made
makes making took take takes taking came come comes like
incident incidents postmortem postmortems outage issue issues problem problems
impact impacted affected affecting user users customer customers team teams
minute minutes hour hours day days week weeks time times utc today yesterday
started start began happened happen happens during caused cause causing
summary trigger factor factors contributing engineer engineers oncall call
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday morning evening night afternoon
month months year years earlier later soon again once twice due
done did used use uses using called call calls listed list lists set sets meant mean means
ended end ends returned returning return returns restored handled checked check checks
built build deployed deploy applied apply found find kept keep ran run runs running
said says told asked showed shows show saw see seen looked look needed need needs
worked work works working tried try went back still even though also instead least
able unable nothing something anything everything nobody someone anyone everyone
fixed fix fixes changed change changes stopped stop started began starting
many several few more less most other others each every same different whole part
`) {
		m[w] = true
	}
	return m
})

// heavierFirst orders terms by weight, heaviest first, and equal weights by
// the terms.
func heavierFirst(wa, wb float64, a, b string) int {
	return cmp.Or(cmp.Compare(wb, wa), strings.Compare(a, b))
}
