package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/debrief/debrief"
)

// archiveView is the archive: the search box, the filters and one page of
// results.
type archiveView struct {
	Base
	Query   string
	Filters archiveFilters
	Error   string
	// Rows are the results, each rendered by the "result" template and
	// cached (resultRow).
	Rows  []template.HTML
	Total int
	// Capped is set when there are more matches than Total counts.
	Capped bool
	Ranked bool
	// NextURL and FirstURL page through the results; "" when there is no
	// such page.
	NextURL, FirstURL string
	Severities        []debrief.Severity
	Statuses          []debrief.Status
	// Hints say why a search with filters found nothing, when a filter
	// names something the archive does not know.
	Hints []searchHint
}

// searchHint is a hint on an empty result, with a search to try instead.
type searchHint struct {
	Text, TryURL, Try string
}

// archiveFilters are the filter controls' values, as given.
type archiveFilters struct {
	Team, Service, Tag   string
	Severities, Statuses []string
	Customer             string // "", "true" or "false"
	After, Before        string
}

// Any reports whether a filter control is set, to open the filter panel.
func (f archiveFilters) Any() bool {
	return f.Team != "" || f.Service != "" || f.Tag != "" || len(f.Severities) > 0 || len(f.Statuses) > 0 ||
		f.Customer != "" || f.After != "" || f.Before != ""
}

// HasSeverity and HasStatus check the filter's boxes.
func (f archiveFilters) HasSeverity(s debrief.Severity) bool {
	return slices.Contains(f.Severities, string(s))
}

func (f archiveFilters) HasStatus(s debrief.Status) bool {
	return slices.Contains(f.Statuses, string(s))
}

type archiveResult struct {
	*debrief.PostmortemSummary
	Facts resultFacts
}

// archiveFilter reads the search box and the filter controls into one
// filter, the way the API reads its parameters: the controls are added to
// the query as key:"value".
func archiveFilter(q url.Values) (debrief.PostmortemFilter, archiveFilters, error) {
	fv := archiveFilters{
		Team: q.Get("team"), Service: q.Get("service"), Tag: q.Get("tag"),
		Severities: q["severity"], Statuses: q["status"], Customer: q.Get("customer_facing"),
		After: q.Get("after"), Before: q.Get("before"),
	}
	text := q.Get("q")
	add := func(key string, vs ...string) {
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				text += " " + key + `:"` + strings.ReplaceAll(v, `"`, "") + `"`
			}
		}
	}
	add("team", fv.Team)
	add("service", fv.Service)
	add("tag", fv.Tag)
	add("sev", fv.Severities...)
	add("status", fv.Statuses...)
	switch fv.Customer {
	case "true":
		add("customer", "yes")
	case "false":
		add("customer", "no")
	}
	add("after", fv.After)
	add("before", fv.Before)
	f, err := debrief.ParseQuery(text)
	return f, fv, err
}

func (s *Server) archivePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := archiveView{
		Base:       s.pages.base(r, "Archive"),
		Query:      q.Get("q"),
		Severities: debrief.Severities,
		Statuses:   debrief.Statuses,
	}
	v.Nav, v.Search = "archive", v.Query
	v.JSON = "/api/v1/postmortems"
	if r.URL.RawQuery != "" {
		v.JSON += "?" + r.URL.RawQuery
		v.Title = "Search"
	}
	f, filters, err := archiveFilter(q)
	v.Filters = filters
	if err != nil {
		if debrief.ErrorCode(err) != debrief.EINVALID {
			s.pages.errorPage(w, r, err)
			return
		}
		v.Error = upperFirst(debrief.ErrorMessage(err))
		s.pages.render(w, r, http.StatusBadRequest, "archive", v)
		return
	}
	f.Cursor = q.Get("cursor")
	viewer := userFrom(r.Context()).Viewer()
	page, err := s.cfg.Postmortems.Find(r.Context(), viewer, f)
	if err != nil {
		if debrief.ErrorCode(err) != debrief.EINVALID {
			s.pages.errorPage(w, r, err)
			return
		}
		v.Error = upperFirst(debrief.ErrorMessage(err))
		s.pages.render(w, r, http.StatusBadRequest, "archive", v)
		return
	}
	v.Total, v.Capped, v.Ranked = page.Total, page.Capped, f.Text.Ranked()
	if page.Total == 0 && (len(f.Teams) > 0 || len(f.Services) > 0) {
		if v.Hints, err = s.searchHints(r, viewer, f); err != nil {
			s.pages.errorPage(w, r, err)
			return
		}
	}
	for _, it := range page.Items {
		row, err := s.pages.resultRow(archiveResult{it, factsOf(it)})
		if err != nil {
			s.pages.errorPage(w, r, err)
			return
		}
		v.Rows = append(v.Rows, row)
	}
	if page.Next != "" {
		nq := cloneValues(q)
		nq.Set("cursor", page.Next)
		v.NextURL = "/?" + nq.Encode()
	}
	if f.Cursor != "" {
		fq := cloneValues(q)
		fq.Del("cursor")
		v.FirstURL = "/?" + fq.Encode()
	}
	s.pages.render(w, r, http.StatusOK, "archive", v)
}

// resultRow returns a result rendered by the "result" template. Rows are
// cached by everything they show, so that a busy archive renders each row
// once; a row shows only what its viewer may see, since the viewer's
// search found it.
func (p *pages) resultRow(res archiveResult) (template.HTML, error) {
	f := res.Facts
	key := fmt.Sprintf("%s@%d|%d|%t|%+v|%s", res.ID, res.Version, f.TimeToResolve, f.Resolved, f.Lint, res.Snippet.Marked(debrief.MatchStart, debrief.MatchEnd))
	if h, ok := p.rows.get(key); ok {
		return h, nil
	}
	var b strings.Builder
	if err := p.tmpl["archive"].ExecuteTemplate(&b, "result", res); err != nil {
		return "", fmt.Errorf("render result %s: %w", res.ID, err)
	}
	h := template.HTML(b.String())
	p.rows.put(key, h)
	return h, nil
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		if k != "cursor" || len(vs) > 0 {
			out[k] = slices.Clone(vs)
		}
	}
	return out
}

// searchHints explains an empty result of a search that filters by team or
// service: a team that is really a service (or the other way round), or a
// name nobody uses, with the names that are in use.
func (s *Server) searchHints(r *http.Request, v debrief.Viewer, f debrief.PostmortemFilter) ([]searchHint, error) {
	k, err := s.known(r.Context(), v)
	if err != nil {
		return nil, err
	}
	has := func(names []string, n string) bool {
		return slices.ContainsFunc(names, func(m string) bool { return strings.EqualFold(m, strings.TrimSpace(n)) })
	}
	var out []searchHint
	for _, t := range f.Teams {
		switch {
		case has(k.Teams, t):
		case has(k.Services, t):
			out = append(out, searchHint{Text: fmt.Sprintf("“%s” is a service, not a team.", t), TryURL: "/?q=" + url.QueryEscape("service:"+t), Try: "Search service:" + t})
		default:
			out = append(out, searchHint{Text: fmt.Sprintf("No postmortem names the team “%s”. The teams are: %s.", t, strings.Join(k.Teams, ", "))})
		}
	}
	for _, sv := range f.Services {
		switch {
		case has(k.Services, sv):
		case has(k.Teams, sv):
			out = append(out, searchHint{Text: fmt.Sprintf("“%s” is a team, not a service.", sv), TryURL: "/?q=" + url.QueryEscape("team:"+sv), Try: "Search team:" + sv})
		default:
			out = append(out, searchHint{Text: fmt.Sprintf("No postmortem names the service “%s”.", sv)})
		}
	}
	return out, nil
}
