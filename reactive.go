package debrief

import "fmt"

// ReactiveRule says when a team is in reactive mode: so busy with incidents
// that no postmortem meeting can fix its problems, and the first thing to
// do is to deal with the incidents.
//
// A week is a hard week when the team had at least MinIncidents
// customer-facing incidents in it (all incidents with AllIncidents), or,
// when paging data is given and PagesPerShift is set, when its on-call
// rotation was paged more than PagesPerShift times per 12-hour shift on
// average over the week. A team is in reactive mode in a week when at least
// MinWeeks of the Window weeks that end with it were hard weeks.
//
// The default, at least 2 customer-facing incidents a week in at least 3
// of the last 4 weeks, reads "several customer-facing incidents a week" as
// two or more, and asks for most of a month of them so that one bad week
// does not flag a team. The paging condition uses the Google SRE book's
// limit of two incidents per 12-hour shift: a rotation paged more often than
// that has no time left for follow-up work. docs/insights.md explains both.
type ReactiveRule struct {
	MinIncidents int  `json:"min_incidents"`
	MinWeeks     int  `json:"min_weeks"`
	Window       int  `json:"window"`
	AllIncidents bool `json:"all_incidents,omitempty"`
	// PagesPerShift is the average pages per 12-hour shift above which a
	// week is a hard week by its paging; 0 leaves paging out of the rule.
	PagesPerShift float64 `json:"pages_per_shift,omitempty"`
}

// DefaultReactiveRule is the rule of docs/insights.md.
var DefaultReactiveRule = ReactiveRule{MinIncidents: 2, MinWeeks: 3, Window: 4, PagesPerShift: 2}

// ShiftsPerWeek is how many 12-hour on-call shifts a week has.
const ShiftsPerWeek = 14

// Validate checks that the rule can ever hold and never always holds.
func (r ReactiveRule) Validate() error {
	switch {
	case r.MinIncidents < 1:
		return Errorf(EINVALID, "reactive mode: min_incidents is %d; give at least 1 incident a week", r.MinIncidents)
	case r.Window < 1 || r.Window > 52:
		return Errorf(EINVALID, "reactive mode: window is %d weeks; give 1 to 52", r.Window)
	case r.MinWeeks < 1 || r.MinWeeks > r.Window:
		return Errorf(EINVALID, "reactive mode: min_weeks is %d; give 1 to the window's %d weeks", r.MinWeeks, r.Window)
	case r.PagesPerShift < 0:
		return Errorf(EINVALID, "reactive mode: pages_per_shift is %g; give 0 to leave paging out, or a limit above 0", r.PagesPerShift)
	}
	return nil
}

// String says the rule in words, as reports and banners quote it.
func (r ReactiveRule) String() string {
	what := "customer-facing incidents"
	if r.AllIncidents {
		what = "incidents"
	}
	s := fmt.Sprintf("at least %d %s a week", r.MinIncidents, what)
	if r.PagesPerShift > 0 {
		s += fmt.Sprintf(", or more than %g pages per 12-hour shift,", r.PagesPerShift)
	}
	return s + fmt.Sprintf(" in at least %d of the last %d weeks", r.MinWeeks, r.Window)
}

// PagerWeek is a team's paging in one week, as the oncall package counts
// it, for the paging condition of the rule.
type PagerWeek struct {
	Week  ISOWeek
	Pages int
}

// Reason says why a week was a hard week.
type Reason string

// Reasons for a hard week.
const (
	ReasonIncidents Reason = "incidents"
	ReasonPages     Reason = "pages"
)

// hard returns why w was a hard week under r, nil when it was not.
func (r ReactiveRule) hard(w *WeekLoad) []Reason {
	var out []Reason
	n := w.CustomerFacing
	if r.AllIncidents {
		n = w.All
	}
	if n >= r.MinIncidents {
		out = append(out, ReasonIncidents)
	}
	if r.PagesPerShift > 0 && w.Pages >= 0 && float64(w.Pages) > r.PagesPerShift*ShiftsPerWeek {
		out = append(out, ReasonPages)
	}
	return out
}

// Stretch is a run of consecutive weeks in which a team was in reactive
// mode.
type Stretch struct {
	First ISOWeek `json:"first"`
	Last  ISOWeek `json:"last"`
	// Incidents counts the incidents (as the rule counts them) and Pages
	// the pages of the weeks of the stretch.
	Incidents int `json:"incidents"`
	Pages     int `json:"pages"`
}

// Weeks is the stretch's length in weeks.
func (s Stretch) Weeks() int {
	n := 0
	for w := s.First; w.Compare(s.Last) <= 0; w = w.Add(1) {
		n++
	}
	return n
}

// String says the stretch as a banner does: "2026-W07 to 2026-W11 (5 weeks)".
func (s Stretch) String() string {
	if s.First == s.Last {
		return s.First.String() + " (1 week)"
	}
	return fmt.Sprintf("%s to %s (%d weeks)", s.First, s.Last, s.Weeks())
}
