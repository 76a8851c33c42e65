package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
	"go.yaml.in/yaml/v3"
)

// Insights are the settings of the insights (docs/insights.md): the time
// zones teams are on call in, the reactive rule, and how paging data is
// placed on debrief teams.
//
//	insights:
//	  time_zone: Europe/Amsterdam
//	  teams:
//	    payments: {time_zone: Europe/London}
//	  reactive: {min_incidents: 2, min_weeks: 3, window: 4, pages_per_shift: 2}
//	  paging:
//	    teams: {logistics-pager: logistics, "Logistics Ops": logistics}
//	    default_team: platform
type Insights struct {
	// TimeZone is the zone of every team without its own; UTC when unset.
	TimeZone Zone `yaml:"time_zone"`
	// Teams holds settings per team key.
	Teams map[string]Team `yaml:"teams"`
	// Reactive overrides the reactive rule; nil keeps the default.
	Reactive *Reactive `yaml:"reactive"`
	Paging   Paging    `yaml:"paging"`
}

// Team holds one team's settings.
type Team struct {
	TimeZone Zone `yaml:"time_zone"`
}

// Paging places pages on teams, as paging.Mapping does.
type Paging struct {
	// Teams maps a source's team, service, rotation or receiver names to
	// debrief teams.
	Teams map[string]string `yaml:"teams"`
	// DefaultTeam takes the pages nothing else places; "" skips them.
	DefaultTeam string `yaml:"default_team"`
}

// Zone is an IANA time zone such as Europe/Amsterdam.
type Zone struct{ *time.Location }

// UnmarshalYAML reads a zone name and refuses one that is not known, with
// its position.
func (z *Zone) UnmarshalYAML(n *yaml.Node) error {
	var name string
	if err := n.Decode(&name); err != nil {
		return fmt.Errorf("line %d, column %d: a time zone is a name such as Europe/Amsterdam", n.Line, n.Column)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		*z = Zone{}
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.EqualFold(name, "local") {
		return fmt.Errorf("line %d, column %d: time zone %q is not an IANA zone name such as Europe/Amsterdam or UTC", n.Line, n.Column, name)
	}
	*z = Zone{loc}
	return nil
}

// Reactive is the reactive rule as the file writes it; unset fields keep
// the default's value.
type Reactive struct {
	MinIncidents  *int     `yaml:"min_incidents"`
	MinWeeks      *int     `yaml:"min_weeks"`
	Window        *int     `yaml:"window"`
	AllIncidents  *bool    `yaml:"all_incidents"`
	PagesPerShift *float64 `yaml:"pages_per_shift"`
}

// UnmarshalYAML reads the rule and refuses one that can never hold or
// always holds, with its position.
func (r *Reactive) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i]; k.Value {
			case "min_incidents", "min_weeks", "window", "all_incidents", "pages_per_shift":
			default:
				return fmt.Errorf("line %d, column %d: field %s not found in the reactive rule: use min_incidents, min_weeks, window, all_incidents or pages_per_shift", k.Line, k.Column, k.Value)
			}
		}
	}
	type plain Reactive
	var v plain
	if err := n.Decode(&v); err != nil {
		return err
	}
	*r = Reactive(v)
	if err := r.rule().Validate(); err != nil {
		return fmt.Errorf("line %d, column %d: %s", n.Line, n.Column, debrief.ErrorMessage(err))
	}
	return nil
}

func (r *Reactive) rule() debrief.ReactiveRule {
	rule := debrief.DefaultReactiveRule
	if r == nil {
		return rule
	}
	if r.MinIncidents != nil {
		rule.MinIncidents = *r.MinIncidents
	}
	if r.MinWeeks != nil {
		rule.MinWeeks = *r.MinWeeks
	}
	if r.Window != nil {
		rule.Window = *r.Window
	}
	if r.AllIncidents != nil {
		rule.AllIncidents = *r.AllIncidents
	}
	if r.PagesPerShift != nil {
		rule.PagesPerShift = *r.PagesPerShift
	}
	return rule
}

// ReactiveRule returns the reactive rule: the default with the file's
// changes.
func (in *Insights) ReactiveRule() debrief.ReactiveRule { return in.Reactive.rule() }

// Location returns the time zone a team is on call in: its own, else the
// default, else UTC.
func (in *Insights) Location(team string) *time.Location {
	team = strings.ToLower(strings.TrimSpace(team))
	for k, t := range in.Teams {
		if strings.EqualFold(strings.TrimSpace(k), team) && t.TimeZone.Location != nil {
			return t.TimeZone.Location
		}
	}
	if in.TimeZone.Location != nil {
		return in.TimeZone.Location
	}
	return time.UTC
}

// OnCall returns the rules of on-call health for a team, in its zone.
func (in *Insights) OnCall(team string) oncall.Options {
	return oncall.DefaultOptions(in.Location(team))
}

// Mapping returns how pages are placed on teams.
func (in *Insights) Mapping() paging.Mapping {
	return paging.Mapping{Teams: in.Paging.Teams, Team: in.Paging.DefaultTeam}
}
