package web

import (
	"net/http"
	"strconv"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// minDraftTerms is how many distinctive words a draft's title, trigger,
// factors and summary need before similar incidents are looked up: fewer
// match too much to mean anything.
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
	items := []similarJSON{}
	if len(draft.Features().Terms) >= minDraftTerms {
		sims, err := s.cfg.Postmortems.SimilarToDraft(r.Context(), userFrom(r.Context()).Viewer(), draft, limit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		for _, sp := range sims {
			items = append(items, toSimilarJSON(sp))
		}
	}
	writeJSON(w, http.StatusOK, listJSON{Items: items})
}

func toSimilarJSON(sp *debrief.SimilarPostmortem) similarJSON {
	j := similarJSON{summaryJSON: toSummaryJSON(sp.PostmortemSummary), Reason: sp.Reason(), Reasons: sp.Reasons}
	j.ActionItems.Total, j.ActionItems.Done, j.ActionItems.WontDo = sp.Actions.Total, sp.Actions.Done, sp.Actions.WontDo
	j.ActionItems.Open, j.ActionItems.AllDone = sp.Actions.Open(), sp.Actions.AllDone()
	return j
}
