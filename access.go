package debrief

import (
	"fmt"
	"slices"
	"strings"
)

// Audience is who may see a postmortem: everyone, or only admins and the
// members of its teams. Two postmortems have the same audience when both
// are visible to everyone, or both are restricted to the same teams
// (compared as Keys compares them). docs/access.md gathers the rules.
type Audience struct {
	Restricted bool
	// Teams are the team keys of a restricted postmortem; nil otherwise.
	Teams []string
}

// Audience returns who may see p.
func (p *Postmortem) Audience() Audience { return NewAudience(p.Restricted, p.Teams) }

// NewAudience returns the audience of a postmortem with the given
// restricted flag and teams, as a store reads them.
func NewAudience(restricted bool, teams []string) Audience {
	if !restricted {
		return Audience{}
	}
	return Audience{Restricted: true, Teams: Keys(teams)}
}

// Equal reports whether a and b let the same people see a postmortem.
func (a Audience) Equal(b Audience) bool {
	return a.Restricted == b.Restricted && slices.Equal(a.Teams, b.Teams)
}

// String describes the audience after "visible to", as messages say it.
func (a Audience) String() string {
	switch {
	case !a.Restricted:
		return "everyone"
	case len(a.Teams) == 0:
		return "admins only"
	case len(a.Teams) == 1:
		return "the team " + a.Teams[0] + " only"
	}
	return "the teams " + strings.Join(a.Teams, ", ") + " only"
}

// CanSeeAudience reports whether v may see a postmortem with audience a.
func (v Viewer) CanSeeAudience(a Audience) bool {
	if !a.Restricted || v.Admin {
		return true
	}
	for _, t := range a.Teams {
		if v.memberOf(t) {
			return true
		}
	}
	return false
}

// SharedLink is another postmortem that lists an action item or accepted
// risk that a save lists too.
type SharedLink struct {
	ID       string
	Audience Audience
}

// CheckShared applies the sharing rule to a save: v saves p, which lists
// the action item or accepted risk id (what names it: "action item" or
// "accepted risk"), and others are the other stored postmortems that list
// it. Every one of them must have p's audience, and v must be able to see
// every one of them, since the save may rewrite them all. Otherwise the
// save is refused with an EINVALID error: one that names nothing when some
// of them are out of v's sight, and one that says which postmortem differs
// when v may see them all.
func CheckShared(v Viewer, p *Postmortem, what, id string, others []SharedLink) error {
	mine := p.Audience()
	for _, o := range others {
		if !v.CanSeeAudience(o.Audience) {
			return Errorf(EINVALID, "%s id %s is not available: choose another id", what, id)
		}
	}
	for _, o := range others {
		if !o.Audience.Equal(mine) {
			return Errorf(EINVALID, "%s %s is also listed by %s, which is visible to %s, and %s would be visible to %s: "+
				"a shared %s links only postmortems with the same audience, so give this one another id",
				what, id, o.ID, o.Audience, p.ID, mine, what)
		}
	}
	return nil
}

// sharedAudienceMessage is CheckArchive's message for a file that shares
// an item or risk with a file of another audience.
func sharedAudienceMessage(what, id string, p Audience, firstID string, first Audience) string {
	return fmt.Sprintf("%s %s is also listed by %s, which is visible to %s, while this postmortem is visible to %s: "+
		"a shared %s links only postmortems with the same audience (docs/access.md), so give this one another id",
		what, id, firstID, first, p, what)
}
