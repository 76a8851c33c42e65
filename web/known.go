package web

import (
	"context"
	"slices"
	"strings"

	"github.com/debrief/debrief"
)

// knownNamesFrom is how many of the newest postmortems the editor reads
// team and service names from, besides the users' teams.
const knownNamesFrom = 100

// knownNames are the team and service names the archive already uses, for
// the editor's suggestions and its warning on a new name.
type knownNames struct {
	Teams, Services []string
}

// known collects the teams of the users and the teams and services of the
// newest postmortems v may see, each name once in the spelling seen
// first, sorted.
func (s *Server) known(ctx context.Context, v debrief.Viewer) (knownNames, error) {
	var k knownNames
	teams, services := map[string]bool{}, map[string]bool{}
	add := func(seen map[string]bool, list *[]string, names []string) {
		for _, n := range names {
			key := strings.ToLower(strings.TrimSpace(n))
			if key != "" && !seen[key] {
				seen[key] = true
				*list = append(*list, strings.TrimSpace(n))
			}
		}
	}
	if s.cfg.Users != nil {
		us, err := s.cfg.Users.Users(ctx)
		if err != nil {
			return k, err
		}
		for _, u := range us {
			add(teams, &k.Teams, u.Teams)
		}
	}
	page, err := s.cfg.Postmortems.Find(ctx, v, debrief.PostmortemFilter{Limit: knownNamesFrom})
	if err != nil {
		return k, err
	}
	for _, p := range page.Items {
		add(teams, &k.Teams, p.Teams)
		add(services, &k.Services, p.Services)
	}
	less := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	slices.SortFunc(k.Teams, less)
	slices.SortFunc(k.Services, less)
	return k, nil
}
