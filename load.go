package debrief

import (
	"maps"
	"slices"
)

// RollingWeeks is how many weeks the rolling average of the load spans:
// the week itself and the three before it.
const RollingWeeks = 4

// WeekLoad is one team's incidents in one ISO week.
type WeekLoad struct {
	Week ISOWeek `json:"week"`
	// All counts every incident, CustomerFacing the ones customers saw.
	All            int `json:"all"`
	CustomerFacing int `json:"customer_facing"`
	// BySeverity counts the incidents of each severity; severities without
	// incidents are left out.
	BySeverity map[Severity]int `json:"by_severity,omitempty"`
	// AvgAll and AvgCustomerFacing are the averages over the RollingWeeks
	// weeks that end with this one: always four weeks, counting the weeks
	// before the range too.
	AvgAll            float64 `json:"avg_all"`
	AvgCustomerFacing float64 `json:"avg_customer_facing"`
	// Pages counts the team's pages in the week; -1 when there is no paging
	// data for it.
	Pages int `json:"pages"`
	// Hard says why the week counts toward reactive mode; empty when it
	// does not.
	Hard []Reason `json:"hard,omitempty"`
	// Reactive is true when the rule holds over the weeks that end with
	// this one.
	Reactive bool `json:"reactive"`
}

// TeamLoad is a team's incident load over a range of weeks.
type TeamLoad struct {
	Team  string     `json:"team"`
	Weeks []WeekLoad `json:"weeks"`
	// Stretches are the runs of weeks in reactive mode within the range,
	// oldest first.
	Stretches []Stretch `json:"stretches,omitempty"`
	// Reactive is true when the team is in reactive mode in the range's
	// last week: the banner "deal with the incidents first" shows.
	Reactive bool `json:"reactive"`
}

// Load counts incidents per team and ISO week from first to last, both
// included, and applies the reactive rule to every week. An incident counts
// once for each team it lists; facts without a date are left out. paging
// holds, per team key, the weeks for which paging data exists (the oncall
// package computes them); it may be nil. Teams come sorted by key, each
// with every week of the range.
func Load(facts []IncidentFact, paging map[string][]PagerWeek, first, last ISOWeek, rule ReactiveRule) []TeamLoad {
	lead := max(RollingWeeks, rule.Window) - 1
	start := first.Add(-lead)
	weeks := Weeks(start, last)
	index := map[ISOWeek]int{}
	for i, w := range weeks {
		index[w] = i
	}
	counts := map[string][]WeekLoad{}
	row := func(team string) []WeekLoad {
		r, ok := counts[team]
		if !ok {
			r = make([]WeekLoad, len(weeks))
			for i, w := range weeks {
				r[i] = WeekLoad{Week: w, Pages: -1}
			}
			counts[team] = r
		}
		return r
	}
	for _, f := range facts {
		if f.Date.IsZero() {
			continue
		}
		i, ok := index[WeekOf(f.Date)]
		if !ok {
			continue
		}
		for _, team := range Keys(f.Teams) {
			w := &row(team)[i]
			w.All++
			if f.CustomerFacing {
				w.CustomerFacing++
			}
			if f.Severity != "" {
				if w.BySeverity == nil {
					w.BySeverity = map[Severity]int{}
				}
				w.BySeverity[f.Severity]++
			}
		}
	}
	for team, pws := range paging {
		key := Keys([]string{team})
		if len(pws) == 0 || len(key) == 0 {
			continue
		}
		r := row(key[0])
		for _, pw := range pws {
			if i, ok := index[pw.Week]; ok {
				r[i].Pages = max(r[i].Pages, 0) + pw.Pages
			}
		}
	}
	var out []TeamLoad
	for _, team := range slices.Sorted(maps.Keys(counts)) {
		out = append(out, teamLoad(team, counts[team], lead, rule))
	}
	return out
}

// teamLoad finishes one team's weeks: averages, hard weeks, reactive mode,
// and the stretches, keeping the weeks after the lead.
func teamLoad(team string, ws []WeekLoad, lead int, rule ReactiveRule) TeamLoad {
	for i := range ws {
		ws[i].Hard = rule.hard(&ws[i])
	}
	for i := lead; i < len(ws); i++ {
		all, cf := 0, 0
		for _, w := range ws[i-RollingWeeks+1 : i+1] {
			all += w.All
			cf += w.CustomerFacing
		}
		ws[i].AvgAll = float64(all) / RollingWeeks
		ws[i].AvgCustomerFacing = float64(cf) / RollingWeeks
		hard := 0
		for _, w := range ws[i-rule.Window+1 : i+1] {
			if len(w.Hard) > 0 {
				hard++
			}
		}
		ws[i].Reactive = hard >= rule.MinWeeks
	}
	tl := TeamLoad{Team: team, Weeks: ws[lead:]}
	for _, w := range tl.Weeks {
		if !w.Reactive {
			continue
		}
		n := w.CustomerFacing
		if rule.AllIncidents {
			n = w.All
		}
		if k := len(tl.Stretches) - 1; k >= 0 && tl.Stretches[k].Last.Add(1) == w.Week {
			s := &tl.Stretches[k]
			s.Last, s.Incidents, s.Pages = w.Week, s.Incidents+n, s.Pages+max(w.Pages, 0)
			continue
		}
		tl.Stretches = append(tl.Stretches, Stretch{First: w.Week, Last: w.Week, Incidents: n, Pages: max(w.Pages, 0)})
	}
	if len(tl.Weeks) > 0 {
		tl.Reactive = tl.Weeks[len(tl.Weeks)-1].Reactive
	}
	return tl
}
