package web

import (
	"context"
	"slices"

	"github.com/debrief/debrief"
)

// sameTitleLimit bounds the postmortems read to find ones with the same
// title: a title's words all occur in a postmortem that has it, so the
// first few matches of a search for them are enough.
const sameTitleLimit = 20

// sameTitle returns the other postmortems v may see whose title reads the
// same as p's, ignoring case, spacing and punctuation: a second postmortem
// of one incident, or an incident that came back under the same name.
func sameTitle(ctx context.Context, ps debrief.PostmortemService, v debrief.Viewer, p *debrief.Postmortem) ([]*debrief.PostmortemSummary, error) {
	words := debrief.Words(p.Title)
	if len(words) == 0 {
		return nil, nil
	}
	page, err := ps.Find(ctx, v, debrief.PostmortemFilter{Text: debrief.TextQuery{Include: words}, Limit: sameTitleLimit})
	if err != nil {
		return nil, err
	}
	var out []*debrief.PostmortemSummary
	for _, s := range page.Items {
		if s.ID != p.ID && slices.Equal(debrief.Words(s.Title), words) {
			out = append(out, s)
		}
	}
	return out, nil
}
