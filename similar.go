package debrief

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// SimilarPostmortem is a postmortem found like another one, with the reasons
// that make it so. docs/similar.md explains the method.
type SimilarPostmortem struct {
	*PostmortemSummary
	// Score is the weighted sum of the overlaps below; higher is closer.
	Score float64
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
	// Terms are the distinct words of the title, trigger, contributing
	// factors and Summary section, without stop words, sorted.
	Terms []string
	// Related and ActionItems are the ids the postmortem lists, sorted.
	Related, ActionItems []string
}

// Features returns what similarity compares of p.
func (p *Postmortem) Features() Features {
	var cats []string
	var text strings.Builder
	text.WriteString(p.Title + "\n" + p.Trigger + "\n")
	for _, f := range p.ContributingFactors {
		cats = append(cats, f.Category)
		text.WriteString(f.Description + "\n")
	}
	text.WriteString(BodySection(p.Body, "Summary"))
	var items []string
	for _, a := range p.ActionItems {
		items = append(items, a.ID)
	}
	return Features{
		ID:          p.ID,
		Services:    Keys(p.Services),
		Teams:       Keys(p.Teams),
		Categories:  Keys(cats),
		Tags:        Keys(p.Tags),
		Terms:       Terms(text.String()),
		Related:     sortedSet(p.Related),
		ActionItems: sortedSet(items),
	}
}

func sortedSet(vs []string) []string {
	out := slices.Clone(vs)
	slices.Sort(out)
	return slices.Compact(out)
}

// BodySection returns the text under the ## heading title of a Markdown
// body, up to the next heading of level one or two; "" when there is none.
func BodySection(body, title string) string {
	lines := strings.SplitAfter(body, "\n")
	var b strings.Builder
	in := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "# ") || strings.HasPrefix(t, "## ") {
			if in {
				break
			}
			in = strings.EqualFold(strings.TrimSpace(strings.TrimLeft(t, "#")), title)
			continue
		}
		if in {
			b.WriteString(l)
		}
	}
	return b.String()
}

// Terms returns the distinct distinctive-word candidates of text: lower
// case, plurals folded to the singular, without stop words, numbers and
// words shorter than three letters, sorted.
func Terms(text string) []string {
	var out []string
	for _, w := range Words(text) {
		if len(w) < 3 || len(w) > 40 || stopWords[w] || isNumber(w) {
			continue
		}
		w = singular(w)
		if stopWords[w] {
			continue
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
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

// Weights of the parts of the similarity score; docs/similar.md explains
// them. Text carries the most because it says what happened; shared services
// and factor categories say where and how; the authors' own links (related,
// a shared action item) say it outright; shared teams count the least, since
// a team owns many unrelated things.
const (
	WeightText       = 6.0
	WeightService    = 3.0
	WeightCategory   = 2.0
	WeightTag        = 2.0
	WeightTeam       = 1.0
	WeightLinked     = 3.0
	WeightActionItem = 2.0
	// MinSimilarScore leaves out postmortems that share too little to be
	// worth a reader's time.
	MinSimilarScore = 1.0
	// QueryTerms is how many of a postmortem's most distinctive words the
	// stores look up to find candidates by text.
	QueryTerms = 12
	// CandidateLimit is how many candidates each kind of look-up may bring.
	CandidateLimit = 60
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
// text, rarest first: those some postmortem uses, while the postmortems
// that use them add up to at most PostingBudget (and at least the rarest
// one), and no more than QueryTerms of them. df holds the document
// frequencies of f.Terms in an archive of n postmortems. Rare words are
// the distinctive ones, and the budget keeps the look-up fast in any
// archive.
func (f Features) SearchTerms(df map[string]int, n int) []string {
	var ts []string
	for _, t := range f.Terms {
		if df[t] > 0 {
			ts = append(ts, t)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool {
		if df[ts[i]] != df[ts[j]] {
			return df[ts[i]] < df[ts[j]]
		}
		return ts[i] < ts[j]
	})
	total := 0
	for i, t := range ts {
		total += df[t]
		if i == QueryTerms || i > 0 && total > PostingBudget {
			return ts[:i]
		}
	}
	return ts
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
	sort.Slice(out, func(i, j int) bool {
		if score[out[i]] != score[out[j]] {
			return score[out[i]] > score[out[j]]
		}
		return out[i] > out[j]
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

// RankSimilar scores the candidates against the target, leaves out those
// below MinSimilarScore and returns the best limit of them, best first. df
// holds the document frequencies of the target's and candidates' terms in an
// archive of n postmortems.
func RankSimilar(target Features, cands []SimilarCandidate, df map[string]int, n, limit int) []*SimilarPostmortem {
	idf := func(t string) float64 { return IDF(df[t], n) }
	norm := func(terms []string) float64 {
		s := 0.0
		for _, t := range terms {
			s += idf(t) * idf(t)
		}
		return math.Sqrt(s)
	}
	targetNorm := norm(target.Terms)
	var out []*SimilarPostmortem
	for _, c := range cands {
		s := &SimilarPostmortem{PostmortemSummary: c.Summary, Actions: c.Actions}
		s.Services = intersect(target.Services, c.Features.Services)
		s.Teams = intersect(target.Teams, c.Features.Teams)
		s.Categories = intersect(target.Categories, c.Features.Categories)
		s.Tags = intersect(target.Tags, c.Features.Tags)
		s.ActionItems = intersect(target.ActionItems, c.Features.ActionItems)
		s.Linked = target.ID != "" && slices.Contains(c.Features.Related, target.ID) ||
			c.Features.ID != "" && slices.Contains(target.Related, c.Features.ID)
		shared := intersect(target.Terms, c.Features.Terms)
		text := 0.0
		if n := targetNorm * norm(c.Features.Terms); n > 0 {
			for _, t := range shared {
				text += idf(t) * idf(t)
			}
			text /= n
		}
		s.Score = WeightText*text +
			WeightService*jaccard(s.Services, target.Services, c.Features.Services) +
			WeightCategory*jaccard(s.Categories, target.Categories, c.Features.Categories) +
			WeightTag*jaccard(s.Tags, target.Tags, c.Features.Tags) +
			WeightTeam*jaccard(s.Teams, target.Teams, c.Features.Teams)
		if s.Linked {
			s.Score += WeightLinked
		}
		if len(s.ActionItems) > 0 {
			s.Score += WeightActionItem
		}
		if s.Score < MinSimilarScore {
			continue
		}
		sort.SliceStable(shared, func(i, j int) bool { return idf(shared[i]) > idf(shared[j]) })
		s.Terms = shared
		s.Reasons = reasons(s)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID > out[j].ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// reasons says in words what a similar postmortem shares.
func reasons(s *SimilarPostmortem) []string {
	var r []string
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
	add("same service", "same services", s.Services)
	add("same factor category", "same factor categories", s.Categories)
	if len(s.Terms) > 0 {
		ts := s.Terms[:min(len(s.Terms), 4)]
		q := make([]string, len(ts))
		for i, t := range ts {
			q[i] = fmt.Sprintf("'%s'", t)
		}
		r = append(r, "shares "+strings.Join(q, ", "))
	}
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
var stopWords = func() map[string]bool {
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
}()
