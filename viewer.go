package debrief

import (
	"slices"
	"strings"
)

// Viewer is who a read is done for. A restricted postmortem is visible only
// to admins and to members of one of its teams; every other postmortem is
// visible to every viewer.
type Viewer struct {
	// User names the user, for logs; it grants nothing.
	User  string
	Teams []string
	Admin bool
}

// Operator is the viewer of the person running debrief on the archive's own
// machine (import, export, migrate): they can read the database file
// anyway, so they see everything.
var Operator = Viewer{User: "operator", Admin: true}

// CanSee reports whether v may see p.
func (v Viewer) CanSee(p *Postmortem) bool {
	if !p.Restricted || v.Admin {
		return true
	}
	for _, t := range p.Teams {
		if v.memberOf(t) {
			return true
		}
	}
	return false
}

func (v Viewer) memberOf(team string) bool {
	return slices.ContainsFunc(v.Teams, func(t string) bool { return strings.EqualFold(t, team) })
}

// TeamKeys returns the viewer's teams as the stores compare them: trimmed,
// lower case, without duplicates.
func (v Viewer) TeamKeys() []string { return Keys(v.Teams) }

// Keys returns values as the stores index and compare teams, services and
// tags: trimmed, lower case, without empty values or duplicates, sorted.
func Keys(values []string) []string {
	out := make([]string, 0, len(values))
	for _, s := range values {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
