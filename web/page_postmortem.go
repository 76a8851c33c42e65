package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
)

// similarLimit is how many similar incidents the pages show.
const similarLimit = 5

// maxListedFindings bounds the findings listed beside a postmortem; the
// list says how many more there are.
const maxListedFindings = 200

// postmortemView is the postmortem page: the structured facts, the body
// with lint findings marked, and the similar past incidents.
type postmortemView struct {
	Base
	PM      *debrief.Postmortem
	Doc     postmortemDoc
	Similar similarPanel
	// Parts are the head and the similar panel, rendered: the same for
	// every reader who may see the same postmortems (pageParts).
	Parts   pageParts
	CanEdit bool
	// Kinds are the incident's kinds; Recurrences the fixes of its
	// family that did not hold, before or after it.
	Kinds       []debrief.KindMatch
	Recurrences []debrief.Recurrence
	// Paging is the paging of the incident's week, per team (insights.go).
	Paging []insight.IncidentPaging
	// SameTitle are the other postmortems with the same title.
	SameTitle []*debrief.PostmortemSummary
	Review    reviewPanel
}

// postmortemDoc is the part of the page that depends only on the
// postmortem's version and today's date (for overdue marks): the facts and
// body, and the findings list. It is rendered once and cached.
type postmortemDoc struct {
	Document template.HTML
	Findings template.HTML
}

// The rendered parts of postmortem pages are kept for as many postmortems
// as fit in maxCachedDocBytes (a page's parts take 5–20 KB, so several
// thousand of them), so that a page asked for again within a day is neither
// linted nor rendered again.
const (
	maxCachedDocs     = 50_000
	maxCachedDocBytes = 64 << 20
)

// size is about how many bytes d keeps in memory.
func (d postmortemDoc) size() int { return len(d.Document) + len(d.Findings) + 64 }

// documentView is what the cached part of the page is rendered from.
type documentView struct {
	PM   *debrief.Postmortem
	Body template.HTML
	// TooLarge says why the body could not be rendered in full: the page
	// then links to its Markdown file instead.
	TooLarge string
	// Findings lists the first maxListedFindings of FindingCount; More
	// counts the others. When there are more than maxMarkedFindings,
	// MarkedOnly says that only that many are marked in the text.
	Findings     []findingView
	FindingCount int
	More         int
	MarkedOnly   int
	Lint         lintCounts
	Linted       bool
	Factors      []factorGroup
	Actions      []actionView
	Risks        []riskView
	// Durations, "" when unknown.
	TimeToDetect, TimeToMitigate, TimeToResolve string
}

type findingView struct {
	N int
	lint.Finding
	// InBody is false for findings in the front matter, which have no
	// place in the rendered body to jump to.
	InBody bool
}

type factorGroup struct {
	Category     string
	Descriptions []string
}

type actionView struct {
	debrief.ActionItem
	Overdue bool
}

type riskView struct {
	debrief.AcceptedRisk
	ReviewDue bool
}

// similarPanel is the similar incidents with what to say about them.
type similarPanel struct {
	ID    string
	Date  debrief.Date
	Items []similarView
	// Pending is true when they were not found in time: the page's script
	// fills the panel in.
	Pending bool
	// Earlier counts the incidents that happened before this one.
	Earlier int
}

// Lede says plainly what the panel shows.
func (p similarPanel) Lede() string {
	switch {
	case p.Earlier > 0:
		return "This kind of incident happened before."
	case len(p.Items) > 0:
		return "This kind of incident happened again since."
	}
	return ""
}

// similarView is a similar past incident as the panel shows it.
type similarView struct {
	*debrief.SimilarPostmortem
	// Earlier is true when it happened before the postmortem on the page.
	Earlier bool
	// Recurred is true when it happened before and all its fixes were
	// marked done: this one may be a recurrence despite them.
	Recurred bool
}

// Progress says in words whether the similar incident's fixes were done.
func (s similarView) Progress() string {
	a := s.Actions
	switch {
	case a.Total == 0:
		return "no action items"
	case a.AllDone():
		if a.Total == 1 {
			return "its one fix was done"
		}
		return "all " + strconv.Itoa(a.Total) + " fixes done"
	}
	out := strconv.Itoa(a.Done) + " of " + strconv.Itoa(a.Total) + " fixes done"
	if a.WontDo > 0 {
		out += ", " + strconv.Itoa(a.WontDo) + " won't do"
	}
	if a.Open() > 0 {
		out += ", " + strconv.Itoa(a.Open()) + " still open"
	}
	return out
}

func (s *Server) postmortemPage(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r.Context())
	id := r.PathValue("id")
	key := s.keptKey(r, u.Viewer(), id)
	if key != "" {
		if k, ok := s.pages.kept.get(key); ok {
			v, ok, err := s.keptView(r, u, k)
			if err != nil {
				s.pages.errorPage(w, r, err)
				return
			}
			if ok {
				s.pages.render(w, r, http.StatusOK, "postmortem", v)
				return
			}
		}
	}
	v, keep, err := s.postmortemView(r, u, id)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	if key != "" && keep {
		s.pages.kept.put(key, keptPage{pm: leanPostmortem(v.PM), parts: v.Parts})
	}
	s.pages.render(w, r, http.StatusOK, "postmortem", v)
}

// postmortemView gathers the page of postmortem id as u sees it. keep
// reports whether its parts may be kept: its similar incidents are there,
// not pending. An out-of-date stored list is asked for again as it is
// shown (similarOf); the parts kept with it give way once it is stored.
func (s *Server) postmortemView(r *http.Request, u *debrief.User, id string) (v postmortemView, keep bool, err error) {
	start := time.Now()
	pm, err := s.cfg.Postmortems.FindByID(r.Context(), u.Viewer(), id)
	if err != nil {
		return v, false, err
	}
	// Similar incidents take the longest to find: read the stored list,
	// or look for them while the page lints and renders the postmortem.
	sim, stored, err := s.similarOf(r.Context(), u.Viewer(), pm)
	if err != nil {
		return v, false, err
	}
	if v, err = s.readersView(r, u, pm); err != nil {
		return v, false, err
	}
	v.Similar.ID = pm.ID
	if v.Doc, err = s.pages.postmortemDoc(r.Context(), u.Viewer(), pm); err != nil {
		return v, false, err
	}
	if s.cfg.Families == nil {
		v.Kinds = s.cfg.Taxonomy.Kinds().Infer(pm)
	} else {
		if v.Kinds, err = s.cfg.Families.KindsOf(r.Context(), pm); err != nil {
			return v, false, err
		}
		if v.Recurrences, err = s.cfg.Families.Recurrences(r.Context(), u.Viewer(), pm); err != nil {
			return v, false, err
		}
	}
	if v.SameTitle, err = sameTitle(r.Context(), s.cfg.Postmortems, u.Viewer(), pm); err != nil {
		return v, false, err
	}
	budget := max(s.pages.similarWait-time.Since(start), time.Millisecond)
	if r.URL.Query().Get("similar") == "wait" {
		budget = -1
	}
	if sim == nil && budget < 0 {
		// Asked to wait, with every look-up slot busy: look up here.
		sim = &similarEntry{done: make(chan struct{})}
		sim.items, sim.err = s.cfg.Postmortems.Similar(r.Context(), u.Viewer(), pm.ID, similarLimit)
		close(sim.done)
	}
	items, ready, err := sim.wait(r.Context(), budget)
	var hidden bool
	if err == nil && ready && !stored {
		items, hidden, err = stillVisible(r.Context(), s.cfg.Postmortems, u.Viewer(), items)
	}
	if err != nil {
		return v, false, err
	}
	v.Similar.Pending = !ready
	date := pm.IncidentDate()
	if date.IsZero() {
		// A draft with no times yet is being written today: everything
		// dated came before it.
		date = debrief.DateOf(s.pages.now().UTC())
	}
	v.Similar.Date = date
	for _, sp := range items {
		earlier := !date.IsZero() && !sp.Date.IsZero() && sp.Date.Before(date)
		v.Similar.Items = append(v.Similar.Items, similarView{SimilarPostmortem: sp, Earlier: earlier, Recurred: earlier && sp.Actions.AllDone()})
		if earlier {
			v.Similar.Earlier++
		}
	}
	// The reasons write the shared words as this postmortem spells them,
	// which reads its whole text: only when the panel is rendered, not
	// when it is cached.
	spell := func() {
		if stored {
			return // stored as this postmortem spells them
		}
		spelled := debrief.SpellAll(pm, items)
		for i := range v.Similar.Items {
			v.Similar.Items[i].SimilarPostmortem = spelled[i]
		}
	}
	t := s.pages.tmpl["postmortem"]
	if ready && !hidden && !stored {
		v.Parts.Similar = sim.panelHTML(func() template.HTML {
			spell()
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, "similar", v.Similar); err != nil {
				s.pages.log.Error("render the similar panel", "id", pm.ID, "err", err)
				return ""
			}
			return template.HTML(b.String())
		})
	}
	var b strings.Builder
	if v.Parts.Similar == "" {
		spell()
		if err := t.ExecuteTemplate(&b, "similar", v.Similar); err != nil {
			return v, false, fmt.Errorf("render %s: %w", pm.ID, err)
		}
		v.Parts.Similar = template.HTML(b.String())
		b.Reset()
	}
	if err := t.ExecuteTemplate(&b, "pm_head", v); err != nil {
		return v, false, fmt.Errorf("render %s: %w", pm.ID, err)
	}
	v.Parts.Head = template.HTML(b.String())
	return v, ready, nil
}

// readersView returns pm's page with the parts that are u's own: the
// header, the edit buttons, the notice, the review panel, the reactive
// banner and the paging of the incident's week.
func (s *Server) readersView(r *http.Request, u *debrief.User, pm *debrief.Postmortem) (postmortemView, error) {
	v := postmortemView{Base: s.pages.base(r, pm.ID+" "+pm.Title), PM: pm, CanEdit: u.CanWrite()}
	v.JSON = "/api/v1/postmortems/" + pm.ID
	pageNotice(r, &v)
	var err error
	if v.Review, err = s.reviewPanelOf(r, pm, u); err != nil {
		return v, err
	}
	v.Reactive, v.Paging = s.reactiveBanner(r, pm.Teams, pm.IncidentDate()), s.incidentPaging(r, pm)
	return v, nil
}

// pageNotice sets the confirmation a redirect to the page asks for.
func pageNotice(r *http.Request, v *postmortemView) {
	switch q := r.URL.Query(); {
	case q.Get("created") != "":
		v.Notice = "Created " + v.PM.ID + "."
	case q.Get("saved") != "":
		v.Notice = "Saved version " + strconv.Itoa(v.PM.Version) + "."
	case q.Get("approved") != "":
		v.Notice = "Approved version " + strconv.Itoa(v.PM.Version) + "."
	case q.Get("commented") != "":
		v.Notice = "Comment added."
	case q.Get("resolved") != "":
		v.Notice = "Comment resolved."
	}
}

// docKey is the key of pm's rendered document on the day today: its id
// and version, which change with every change of content, and the date.
func docKey(pm *debrief.Postmortem, today debrief.Date) string {
	return pm.ID + "@" + strconv.Itoa(pm.Version) + "@" + today.String()
}

// postmortemDoc returns the cached part of pm's page, rendering it when it
// is not cached, as v sees it.
func (p *pages) postmortemDoc(ctx context.Context, viewer debrief.Viewer, pm *debrief.Postmortem) (postmortemDoc, error) {
	today := debrief.DateOf(p.now().UTC())
	key := docKey(pm, today)
	if d, ok := p.docs.get(key); ok {
		return d, nil
	}
	v := documentView{PM: pm, Linted: p.cfg.Findings != nil}
	file := fileOf(pm)
	fs := p.docFindings(ctx, viewer, pm, file)
	v.Lint = countFindings(fs)
	body := renderMarkdown(pm, file, fs, p.renderLimits)
	v.Body, v.TooLarge = body.HTML, body.TooLarge
	if v.TooLarge != "" {
		p.log.Warn("a postmortem is too large to render in full", "id", pm.ID, "version", pm.Version, "why", v.TooLarge)
	}
	v.FindingCount = len(fs)
	if len(fs) > maxMarkedFindings && v.TooLarge == "" {
		v.MarkedOnly = maxMarkedFindings
	}
	for i, f := range fs[:min(len(fs), maxListedFindings)] {
		v.Findings = append(v.Findings, findingView{N: i + 1, Finding: f, InBody: body.marked[i+1]})
	}
	v.More = len(fs) - len(v.Findings)
	v.TimeToDetect = durationText(pm.TimeToDetect())
	v.TimeToMitigate = durationText(pm.TimeToMitigate())
	v.TimeToResolve = durationText(pm.TimeToResolve())
	byCat := map[string]int{}
	for _, f := range pm.ContributingFactors {
		i, ok := byCat[f.Category]
		if !ok {
			i = len(v.Factors)
			byCat[f.Category] = i
			v.Factors = append(v.Factors, factorGroup{Category: f.Category})
		}
		v.Factors[i].Descriptions = append(v.Factors[i].Descriptions, f.Description)
	}
	for _, a := range pm.ActionItems {
		v.Actions = append(v.Actions, actionView{ActionItem: a, Overdue: a.Overdue(today)})
	}
	for _, rk := range pm.AcceptedRisks {
		v.Risks = append(v.Risks, riskView{AcceptedRisk: rk, ReviewDue: !rk.ReviewBy.IsZero() && rk.ReviewBy.Before(today)})
	}
	var d postmortemDoc
	var buf strings.Builder
	t := p.tmpl["postmortem"]
	if err := t.ExecuteTemplate(&buf, "pm_document", v); err != nil {
		return d, fmt.Errorf("render %s: %w", pm.ID, err)
	}
	d.Document = template.HTML(buf.String())
	buf.Reset()
	if err := t.ExecuteTemplate(&buf, "findings", v); err != nil {
		return d, fmt.Errorf("render %s: %w", pm.ID, err)
	}
	d.Findings = template.HTML(buf.String())
	p.docs.put(key, d)
	return d, nil
}

func durationText(d time.Duration, ok bool) string {
	if !ok {
		return ""
	}
	return formatDuration(d)
}
