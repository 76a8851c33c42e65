package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

// route is one API route: a ServeMux pattern and its handler.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// apiRouteList lists the API's routes; every one needs a signed-in user, and
// openapi.yaml describes every one (a test checks both ways).
func (s *Server) apiRouteList() []route {
	return append([]route{
		{"GET /api/v1/openapi.yaml", s.openAPI},
		{"GET /api/v1/postmortems", s.listPostmortems},
		{"POST /api/v1/postmortems", requireWriter(s.createPostmortem)},
		{"GET /api/v1/postmortems/{id}", s.getPostmortem},
		{"PUT /api/v1/postmortems/{id}", requireWriter(s.updatePostmortem)},
		{"DELETE /api/v1/postmortems/{id}", s.deletePostmortem},
		{"GET /api/v1/postmortems/{id}/similar", s.similarPostmortems},
		{"GET /api/v1/postmortems/{id}/kinds", s.postmortemKinds},
		{"GET /api/v1/postmortems/{id}/comments", s.listComments},
		{"POST /api/v1/postmortems/{id}/comments", s.addComment},
		{"POST /api/v1/postmortems/{id}/comments/{comment}/resolve", s.resolveComment},
		{"POST /api/v1/postmortems/{id}/approvals", s.approvePostmortem},
		{"GET /api/v1/postmortems/{id}/review-pack", s.reviewPackJSON},
		{"POST /api/v1/similar", s.similarToDraft},
		{"GET /api/v1/kinds", s.listKinds},
		{"GET /api/v1/families", s.listFamilies},
		{"GET /api/v1/families/{kind}", s.getFamily},
		{"POST /api/v1/lint", s.lint},
		{"GET /api/v1/insights/{report}", s.insightsReport},
		{"GET /api/v1/audit", s.auditLogAPI},
	}, s.followThroughRoutes()...)
}

func (s *Server) apiRoutes(mux *http.ServeMux) {
	for _, r := range s.apiRouteList() {
		mux.Handle(r.pattern, apiHeaders(s.requireUser(withOrigin(debrief.SourceAPI, r.handler))))
	}
	// Everything else under /api/ is a JSON 404, or a 405 with Allow when
	// the path exists for other methods.
	mux.Handle("/api/", apiHeaders(s.requireUser(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "/api/" && pattern != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeErrorStatus(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here; use "+strings.Join(allow, " or "), 0)
			return
		}
		writeErrorStatus(w, http.StatusNotFound, debrief.ENOTFOUND, "no such API route: see /api/v1/openapi.yaml", 0)
	}))))
}

// apiHeaders keeps every answer of the API, errors too, out of browser and
// proxy caches (it holds what one user may see) and from being sniffed as
// another type.
func apiHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// listJSON is the shape of every list answer.
type listJSON struct {
	Items any    `json:"items"`
	Next  string `json:"next"`
	Total *int   `json:"total,omitempty"`
	// TotalCapped says that there are more matches than total counts.
	TotalCapped bool `json:"total_capped,omitempty"`
}

// summaryJSON is a postmortem in a list or search result.
type summaryJSON struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Severity       string   `json:"severity"`
	Status         string   `json:"status"`
	CustomerFacing bool     `json:"customer_facing"`
	Restricted     bool     `json:"restricted"`
	Teams          []string `json:"teams"`
	Services       []string `json:"services"`
	Tags           []string `json:"tags"`
	Date           string   `json:"date,omitempty"`
	Version        int      `json:"version"`
	Snippet        string   `json:"snippet,omitempty"`
	SnippetHTML    string   `json:"snippet_html,omitempty"`
}

func toSummaryJSON(p *debrief.PostmortemSummary) summaryJSON {
	return summaryJSON{
		ID: p.ID, Title: p.Title, Severity: string(p.Severity), Status: string(p.Status),
		CustomerFacing: p.CustomerFacing, Restricted: p.Restricted,
		Teams: nonNil(p.Teams), Services: nonNil(p.Services), Tags: nonNil(p.Tags),
		Date: p.Date.String(), Version: p.Version,
		Snippet: plainSnippet(p.Snippet).String(), SnippetHTML: snippetHTML(p.Snippet),
	}
}

// filterParams are the query parameters that narrow a list, with the query
// syntax key each one stands for.
var filterParams = []struct{ param, key string }{
	{"team", "team"}, {"service", "service"}, {"tag", "tag"}, {"severity", "sev"},
	{"status", "status"}, {"customer_facing", "customer"}, {"after", "after"}, {"before", "before"},
}

func (s *Server) listPostmortems(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text := q.Get("q")
	for _, fp := range filterParams {
		for _, v := range q[fp.param] {
			if fp.key == "customer" {
				switch v {
				case "true":
					v = "yes"
				case "false":
					v = "no"
				}
			}
			text += " " + fp.key + `:"` + strings.ReplaceAll(v, `"`, "") + `"`
		}
	}
	f, err := debrief.ParseQuery(text)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > debrief.MaxLimit {
			writeError(w, r, debrief.Errorf(debrief.EINVALID, "limit %q: give a number from 1 to %d", l, debrief.MaxLimit))
			return
		}
		f.Limit = n
	}
	f.Cursor = q.Get("cursor")
	page, err := s.cfg.Postmortems.Find(r.Context(), userFrom(r.Context()).Viewer(), f)
	if err != nil {
		writeError(w, r, err)
		return
	}
	items := make([]summaryJSON, 0, len(page.Items))
	for _, p := range page.Items {
		items = append(items, toSummaryJSON(p))
	}
	total := page.Total
	writeJSON(w, http.StatusOK, listJSON{Items: items, Next: page.Next, Total: &total, TotalCapped: page.Capped})
}

func etag(version int) string { return fmt.Sprintf(`"v%d"`, version) }

// ifMatch is an If-Match header as RFC 9110 reads it: "*", which matches
// any current version, or a list of entity tags, of which only strong ones
// of this API's shape ("v3") can match a version; the others are kept out
// of versions and match nothing.
type ifMatch struct {
	any      bool
	versions []int
}

// parseIfMatch reads an If-Match header. It reports false when the header
// is neither "*" nor a list of entity tags.
func parseIfMatch(h string) (ifMatch, bool) {
	h = strings.Trim(h, " \t")
	if h == "*" {
		return ifMatch{any: true}, true
	}
	var m ifMatch
	tags := 0
	for s := h; ; {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			break
		}
		if s[0] == ',' { // empty list elements are allowed
			s = s[1:]
			continue
		}
		weak := strings.HasPrefix(s, "W/")
		if weak {
			s = s[2:]
		}
		if s == "" || s[0] != '"' {
			return ifMatch{}, false
		}
		end := strings.IndexByte(s[1:], '"')
		if end < 0 {
			return ifMatch{}, false
		}
		tag := s[1 : 1+end]
		for i := 0; i < len(tag); i++ {
			if c := tag[i]; c < 0x21 || c == 0x7f {
				return ifMatch{}, false
			}
		}
		tags++
		if v, err := strconv.Atoi(strings.TrimPrefix(tag, "v")); !weak && err == nil && v > 0 && etag(v) == `"`+tag+`"` {
			m.versions = append(m.versions, v)
		}
		s = strings.TrimLeft(s[1+end+1:], " \t")
		if s != "" && s[0] != ',' {
			return ifMatch{}, false
		}
	}
	return m, tags > 0
}

// expectedVersion returns the version that an update under cond must find
// stored: the one version it names, or else the current version when cond
// matches it. It answers the request and reports false when there is none:
// 412 with the current ETag, or 404 for a postmortem the viewer may not see.
func (s *Server) expectedVersion(w http.ResponseWriter, r *http.Request, id string, cond ifMatch) (int, bool) {
	if !cond.any && len(cond.versions) == 1 {
		return cond.versions[0], true
	}
	p, err := s.cfg.Postmortems.FindByID(r.Context(), userFrom(r.Context()).Viewer(), id)
	if err != nil {
		writeError(w, r, err)
		return 0, false
	}
	if cond.any || slices.Contains(cond.versions, p.Version) {
		return p.Version, true
	}
	w.Header().Set("ETag", etag(p.Version))
	writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT,
		fmt.Sprintf("If-Match names no version of %s, which is at version %d: reload it, apply your change again and save", id, p.Version), p.Version)
	return 0, false
}

func (s *Server) getPostmortem(w http.ResponseWriter, r *http.Request) {
	p, err := s.cfg.Postmortems.FindByID(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("id"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(p.Version))
	if strings.Contains(r.Header.Get("Accept"), "text/markdown") {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_, _ = w.Write(fileOf(p))
		return
	}
	writeJSON(w, http.StatusOK, toJSON(p))
}

func (s *Server) createPostmortem(w http.ResponseWriter, r *http.Request) {
	p, src, ok := s.readPostmortem(w, r)
	if !ok {
		return
	}
	if err := s.cfg.Postmortems.Create(r.Context(), userFrom(r.Context()).Viewer(), p); err != nil {
		writeSaveError(w, r, err, src)
		return
	}
	w.Header().Set("ETag", etag(p.Version))
	w.Header().Set("Location", "/api/v1/postmortems/"+p.ID)
	writeJSON(w, http.StatusCreated, toJSON(p))
}

func (s *Server) updatePostmortem(w http.ResponseWriter, r *http.Request) {
	im := r.Header.Get("If-Match")
	if im == "" {
		writeErrorStatus(w, http.StatusPreconditionRequired, "precondition_required", "send If-Match with the ETag of the version you edited, so that no one's changes are lost", 0)
		return
	}
	cond, ok := parseIfMatch(im)
	if !ok {
		writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, fmt.Sprintf("If-Match %q is not * or a list of entity tags: send the ETag of the version you edited, such as \"v3\" with its quotes", im), 0)
		return
	}
	p, src, ok := s.readPostmortem(w, r)
	if !ok {
		return
	}
	id := r.PathValue("id")
	if p.ID != id {
		writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, fmt.Sprintf("the body's id %q differs from the URL's %q; ids do not change", p.ID, id), 0)
		return
	}
	version, ok := s.expectedVersion(w, r, id, cond)
	if !ok {
		return
	}
	err := s.cfg.Postmortems.Update(r.Context(), userFrom(r.Context()).Viewer(), p, version)
	if current, conflict := debrief.CurrentVersion(err); conflict {
		w.Header().Set("ETag", etag(current))
		writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT, debrief.ErrorMessage(err), current)
		return
	}
	if err != nil {
		writeSaveError(w, r, err, src)
		return
	}
	s.pages.saved(p.ID, p.Version, userFrom(r.Context()).Name)
	w.Header().Set("ETag", etag(p.Version))
	writeJSON(w, http.StatusOK, toJSON(p))
}

// writeSaveError answers a save that the archive refused: a refusal of
// what a field says (debrief.CheckSave) as a problem at its line and column
// in the Markdown body src, or at its field in JSON, like the problems of
// readPostmortem.
func writeSaveError(w http.ResponseWriter, r *http.Request, err error, src []byte) {
	if p, ok := refusal(err, src); ok {
		writeProblems(w, []fieldProblem{p})
		return
	}
	writeError(w, r, err)
}

// writeProblems answers 400 with every problem of a postmortem.
func writeProblems(w http.ResponseWriter, probs []fieldProblem) {
	writeJSON(w, http.StatusBadRequest, struct {
		errorBody
		Problems []fieldProblem `json:"problems"`
	}{errorBody{Error: debrief.EINVALID, Message: fmt.Sprintf("the postmortem has %d problem(s)", len(probs))}, probs})
}

// readPostmortem reads a postmortem from a request body: a Markdown file
// (Content-Type text/markdown) or the JSON of the API. Invalid input is
// answered with 400 and every problem, by line and column or by field. It
// returns the body of a Markdown file too, nil for JSON.
func (s *Server) readPostmortem(w http.ResponseWriter, r *http.Request) (*debrief.Postmortem, []byte, bool) {
	body, ok := readBody(w, r)
	if !ok {
		return nil, nil, false
	}
	var src []byte
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var p *debrief.Postmortem
	var probs []fieldProblem
	switch ct {
	case "text/markdown", "text/plain":
		f := markdown.CheckBytes("body", body, s.cfg.Taxonomy)
		for _, pr := range f.Problems {
			probs = append(probs, fieldProblem{Line: pr.Line, Column: pr.Col, Message: pr.Message})
		}
		p, src = f.Doc.Postmortem, body
	case "application/json", "":
		var j postmortemJSON
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, "the body is not a postmortem in JSON: "+jsonErrorMessage(body, err), 0)
			return nil, nil, false
		}
		p, probs = fromJSON(&j)
		if len(probs) == 0 {
			for _, e := range p.Validate(s.cfg.Taxonomy) {
				probs = append(probs, fieldProblem{Field: e.Field, Message: e.Message})
			}
		}
	default:
		writeErrorStatus(w, http.StatusUnsupportedMediaType, debrief.EINVALID, fmt.Sprintf("Content-Type %q: send application/json or text/markdown", ct), 0)
		return nil, nil, false
	}
	if len(probs) > 0 {
		writeProblems(w, probs)
		return nil, nil, false
	}
	return p, src, true
}

// jsonErrorMessage says where a JSON body went wrong, by line and column.
func jsonErrorMessage(body []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64 = -1
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(body)) {
		return err.Error()
	}
	line := 1 + bytes.Count(body[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(body[:off], '\n')
	return fmt.Sprintf("line %d, column %d: %v", line, col, err)
}

// similarJSON is one similar postmortem with why it is similar.
type similarJSON struct {
	summaryJSON
	Reason      string           `json:"reason"`
	Reasons     []string         `json:"reasons"`
	Kinds       []sharedKindJSON `json:"kinds"`
	ActionItems struct {
		Total   int  `json:"total"`
		Done    int  `json:"done"`
		WontDo  int  `json:"wont_do"`
		Open    int  `json:"open"`
		AllDone bool `json:"all_done"`
	} `json:"action_items"`
}

func (s *Server) similarPostmortems(w http.ResponseWriter, r *http.Request) {
	limit := 5
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 50 {
			writeError(w, r, debrief.Errorf(debrief.EINVALID, "limit %q: give a number from 1 to 50", l))
			return
		}
		limit = n
	}
	v := userFrom(r.Context()).Viewer()
	sims, err := s.cfg.Postmortems.Similar(r.Context(), v, r.PathValue("id"), limit)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if len(sims) > 0 {
		// The reasons write the shared words as this postmortem does.
		p, err := s.cfg.Postmortems.FindByID(r.Context(), v, r.PathValue("id"))
		if err != nil {
			writeError(w, r, err)
			return
		}
		sims = debrief.SpellAll(p, sims)
	}
	items := make([]similarJSON, 0, len(sims))
	for _, sp := range sims {
		items = append(items, toSimilarJSON(sp))
	}
	writeJSON(w, http.StatusOK, listJSON{Items: items})
}

func (s *Server) lint(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Findings == nil {
		writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "linting is not available on this server", 0)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	findings, err := s.cfg.Findings(r.URL.Query().Get("path"), body)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if findings == nil {
		findings = []lint.Finding{} // a clean text is [], never null
	}
	writeJSON(w, http.StatusOK, findings)
}

// readBody reads a request's body, answering 413 when it is over the
// server's limit and 400 when it cannot be read.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(r.Body)
	if err == nil {
		return body, true
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		writeErrorStatus(w, http.StatusRequestEntityTooLarge, debrief.EINVALID, fmt.Sprintf("the body is larger than %d KiB", mbe.Limit>>10), 0)
	} else {
		writeErrorStatus(w, http.StatusBadRequest, debrief.EINVALID, "could not read the body: "+err.Error(), 0)
	}
	return nil, false
}
