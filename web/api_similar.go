package web

import (
	"net/http"
	"strconv"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// minDraftTerms is how many distinctive words a draft needs before similar
// incidents are looked up: fewer match too much to mean anything.
const minDraftTerms = 4

// similarToDraft answers POST /api/v1/similar: the postmortems most like a
// draft sent as Markdown, which need not be valid or stored yet. The editor
// calls it as the author writes.
func (s *Server) similarToDraft(w http.ResponseWriter, r *http.Request) {
	limit := similarLimit
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 50 {
			writeError(w, r, debrief.Errorf(debrief.EINVALID, "limit %q: give a number from 1 to 50", l))
			return
		}
		limit = n
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	doc, _ := markdown.Parse(body)
	draft := doc.Postmortem
	out := draftSimilarJSON{Items: []similarJSON{}, Kinds: []kindJSON{}, Recurrences: []recurrenceJSON{}, SameTitle: []summaryJSON{}}
	v := userFrom(r.Context()).Viewer()
	same, err := sameTitle(r.Context(), s.cfg.Postmortems, v, draft)
	if err != nil {
		writeError(w, r, err)
		return
	}
	for _, st := range same {
		out.SameTitle = append(out.SameTitle, toSummaryJSON(st))
	}
	feats := draft.FeaturesWith(s.cfg.Taxonomy.Kinds())
	if len(feats.Terms) >= minDraftTerms {
		sims, err := s.cfg.Postmortems.SimilarToDraft(r.Context(), v, draft, limit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		for _, sp := range sims {
			out.Items = append(out.Items, toSimilarJSON(sp.SpelledAs(draft)))
		}
		out.Kinds = toKindsJSON(feats.Kinds)
		if s.cfg.Families != nil {
			rs, err := s.cfg.Families.Recurrences(r.Context(), v, draft)
			if err != nil {
				writeError(w, r, err)
				return
			}
			out.Recurrences = toRecurrencesJSON(rs)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// draftSimilarJSON answers POST /api/v1/similar: the similar incidents, the
// kinds the draft reads like, and the earlier fixes of its kinds that did
// not hold, and the postmortems with the same title.
type draftSimilarJSON struct {
	SameTitle   []summaryJSON    `json:"same_title"`
	Items       []similarJSON    `json:"items"`
	Next        string           `json:"next"`
	Kinds       []kindJSON       `json:"kinds"`
	Recurrences []recurrenceJSON `json:"recurrences"`
}

func toSimilarJSON(sp *debrief.SimilarPostmortem) similarJSON {
	j := similarJSON{summaryJSON: toSummaryJSON(sp.PostmortemSummary), Reason: sp.Reason(), Reasons: sp.Reasons, Kinds: []sharedKindJSON{}}
	for _, k := range sp.Kinds {
		j.Kinds = append(j.Kinds, sharedKindJSON{ID: k.ID, Name: k.Name, This: nonNil(k.This), That: nonNil(k.That)})
	}
	j.ActionItems.Total, j.ActionItems.Done, j.ActionItems.WontDo = sp.Actions.Total, sp.Actions.Done, sp.Actions.WontDo
	j.ActionItems.Open, j.ActionItems.AllDone = sp.Actions.Open(), sp.Actions.AllDone()
	return j
}
