package web

import (
	"html/template"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
)

// The review pack is what the facilitator takes into the review meeting,
// on one page ahead of the document: the open questions (unresolved
// comments and sections not written yet), the linter's findings, the
// similar incidents, and the overdue action items of the related and
// similar postmortems. The document follows with its findings marked.

// reviewPack is the pack of one postmortem.
type reviewPack struct {
	PM        *debrief.Postmortem
	Open      []*debrief.Comment
	Unwritten []string
	Findings  []lint.Finding
	Similar   []*debrief.SimilarPostmortem
	Overdue   []overdueItem
	Today     debrief.Date
}

// overdueItem is an action item past its due date, with the postmortem
// that lists it.
type overdueItem struct {
	PostmortemID string
	debrief.ActionItem
}

// packLimit bounds the related postmortems the pack reads.
const packLimit = 20

// reviewPackOf gathers the pack of the postmortem id as u may see it.
func (s *Server) reviewPackOf(r *http.Request, id string) (*reviewPack, error) {
	ctx := r.Context()
	v := userFrom(ctx).Viewer()
	p, err := s.cfg.Postmortems.FindByID(ctx, v, id)
	if err != nil {
		return nil, err
	}
	pk := &reviewPack{PM: p, Today: debrief.DateOf(s.pages.now().UTC())}
	if s.cfg.Reviews != nil {
		cs, err := s.cfg.Reviews.Comments(ctx, v, id)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if !c.Resolved {
				pk.Open = append(pk.Open, c)
			}
		}
	}
	pk.Unwritten = unwrittenSections(p.Body)
	pk.Findings = s.pages.docFindings(ctx, v, p, fileOf(p))
	if pk.Similar, err = s.cfg.Postmortems.Similar(ctx, v, id, similarLimit); err != nil {
		return nil, err
	}
	pk.Similar = debrief.SpellAll(p, pk.Similar)
	related := slices.Clone(p.Related)
	for _, sp := range pk.Similar {
		related = append(related, sp.ID)
	}
	seenPM, seenItem := map[string]bool{p.ID: true}, map[string]bool{}
	for _, a := range p.ActionItems {
		seenItem[a.ID] = true
	}
	for _, rid := range related {
		if seenPM[rid] || len(seenPM) > packLimit {
			continue
		}
		seenPM[rid] = true
		rp, err := s.cfg.Postmortems.FindByID(ctx, v, rid)
		if debrief.ErrorCode(err) == debrief.ENOTFOUND {
			continue // a related id that is gone, or not for this viewer
		}
		if err != nil {
			return nil, err
		}
		for _, a := range rp.ActionItems {
			if a.Overdue(pk.Today) && !seenItem[a.ID] {
				seenItem[a.ID] = true
				pk.Overdue = append(pk.Overdue, overdueItem{PostmortemID: rp.ID, ActionItem: a})
			}
		}
	}
	return pk, nil
}

var (
	htmlComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->`) })
	sectionHead = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^##[ \t]+(.+?)[ \t#]*$`) })
)

// unwrittenSections returns the titles of the body's second-level sections
// that hold nothing but their guiding comment.
func unwrittenSections(body string) []string {
	text := htmlComment().ReplaceAllString(body, "")
	heads := sectionHead().FindAllStringSubmatchIndex(text, -1)
	var out []string
	for i, h := range heads {
		end := len(text)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		if strings.TrimSpace(text[h[1]:end]) == "" {
			out = append(out, text[h[2]:h[3]])
		}
	}
	return out
}

// reviewPackView is the review pack page: the pack, then the document.
type reviewPackView struct {
	Base
	Pack     *reviewPack
	Document template.HTML
	Findings template.HTML
}

// reviewPackPage answers GET /postmortems/{id}/review, made to be printed.
func (s *Server) reviewPackPage(w http.ResponseWriter, r *http.Request) {
	pk, err := s.reviewPackOf(r, r.PathValue("id"))
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	doc, err := s.pages.postmortemDoc(r.Context(), userFrom(r.Context()).Viewer(), pk.PM)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := reviewPackView{Base: s.pages.base(r, "Review pack: "+pk.PM.ID+" "+pk.PM.Title), Pack: pk, Document: doc.Document, Findings: doc.Findings}
	v.JSON = "/api/v1/postmortems/" + pk.PM.ID + "/review-pack"
	s.pages.render(w, r, http.StatusOK, "review", v)
}

// reviewPackJSON answers GET /api/v1/postmortems/{id}/review-pack.
func (s *Server) reviewPackJSON(w http.ResponseWriter, r *http.Request) {
	pk, err := s.reviewPackOf(r, r.PathValue("id"))
	if err != nil {
		writeError(w, r, err)
		return
	}
	type overdueJSON struct {
		PostmortemID string `json:"postmortem_id"`
		actionJSON
	}
	out := struct {
		ID        string         `json:"id"`
		Title     string         `json:"title"`
		Open      []commentJSON  `json:"open_comments"`
		Unwritten []string       `json:"unwritten_sections"`
		Findings  []lint.Finding `json:"findings"`
		Similar   []similarJSON  `json:"similar"`
		Overdue   []overdueJSON  `json:"overdue_action_items"`
	}{ID: pk.PM.ID, Title: pk.PM.Title, Open: []commentJSON{}, Unwritten: nonNil(pk.Unwritten), Findings: []lint.Finding{}, Similar: []similarJSON{}, Overdue: []overdueJSON{}}
	for _, c := range pk.Open {
		out.Open = append(out.Open, toCommentJSON(c))
	}
	out.Findings = append(out.Findings, pk.Findings...)
	for _, sp := range pk.Similar {
		out.Similar = append(out.Similar, toSimilarJSON(sp))
	}
	for _, o := range pk.Overdue {
		a := o.ActionItem
		out.Overdue = append(out.Overdue, overdueJSON{PostmortemID: o.PostmortemID, actionJSON: actionJSON{ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam,
			Kind: string(a.Kind), EffortDays: a.EffortDays, Value: a.Value, Due: a.Due.String(), Status: string(a.Status), Reason: a.Reason, Link: a.Link}})
	}
	writeJSON(w, http.StatusOK, out)
}
