package web

import (
	"context"
	"slices"

	"github.com/debrief/debrief"
)

// sameTitleLimit bounds the postmortems with the same title a page lists.
const sameTitleLimit = 20

// sameTitle returns the other postmortems v may see whose title reads the
// same as p's, ignoring case, spacing and punctuation: a second postmortem
// of one incident, or an incident that came back under the same name.
func sameTitle(ctx context.Context, ps debrief.PostmortemService, v debrief.Viewer, p *debrief.Postmortem) ([]*debrief.PostmortemSummary, error) {
	same, err := ps.SameTitle(ctx, v, debrief.TitleKey(p.Title), sameTitleLimit+1)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(same, func(s *debrief.PostmortemSummary) bool { return s.ID == p.ID })
	return out[:min(len(out), sameTitleLimit)], nil
}
