package oncall

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief/paging"
)

// AlertCount is one alert's pages in a period.
type AlertCount struct {
	Alert string `json:"alert"`
	// Service is the service most of its pages named.
	Service       string `json:"service,omitempty"`
	Pages         int    `json:"pages"`
	Sleep         int    `json:"sleep"`
	NonActionable int    `json:"non_actionable"`
}

// Noisiest returns the alerts with the most pages, at most o.Top of them,
// most pages first (ties by name).
func Noisiest(pages []paging.Page, o Options) []AlertCount {
	byAlert := map[string]*AlertCount{}
	services := map[string]map[string]int{}
	for _, p := range pages {
		c := byAlert[p.Alert]
		if c == nil {
			c = &AlertCount{Alert: p.Alert}
			byAlert[p.Alert] = c
			services[p.Alert] = map[string]int{}
		}
		c.Pages++
		if BandOf(p.Triggered, o.loc()) == Sleep {
			c.Sleep++
		}
		if o.NonActionable(p) != "" {
			c.NonActionable++
		}
		services[p.Alert][p.Service]++
	}
	out := make([]AlertCount, 0, len(byAlert))
	for _, name := range slices.Sorted(maps.Keys(byAlert)) {
		c := byAlert[name]
		best := 0
		for _, s := range slices.Sorted(maps.Keys(services[name])) {
			if n := services[name][s]; n > best && s != "" {
				c.Service, best = s, n
			}
		}
		out = append(out, *c)
	}
	slices.SortStableFunc(out, func(a, b AlertCount) int { return b.Pages - a.Pages })
	if o.Top > 0 && len(out) > o.Top {
		out = out[:o.Top]
	}
	return out
}

// Flap is an alert that flapped: it fired again soon after it resolved,
// again and again.
type Flap struct {
	Alert   string `json:"alert"`
	Service string `json:"service,omitempty"`
	// Refires counts its pages that triggered within FlapGap after the
	// previous page resolved, Worst the most of them inside one
	// FlapWindow.
	Refires int `json:"refires"`
	Worst   int `json:"worst"`
	// First and Last are the triggers of its first and last re-fire.
	First time.Time `json:"first"`
	Last  time.Time `json:"last"`
}

// Flapping returns the alerts (of one service each) that flapped: at
// least o.FlapCount re-fires inside one o.FlapWindow, where a re-fire is a
// page that triggered at most o.FlapGap after the previous page of the same
// alert resolved. Most re-fires first.
func Flapping(pages []paging.Page, o Options) []Flap {
	type key struct{ alert, service string }
	groups := map[key][]paging.Page{}
	for _, p := range pages {
		k := key{p.Alert, p.Service}
		groups[k] = append(groups[k], p)
	}
	var out []Flap
	for k, ps := range groups {
		paging.Sort(ps)
		var refires []time.Time
		for i := 1; i < len(ps); i++ {
			// A page that triggers while the one before is still open is
			// a duplicate, not a flap.
			prev := ps[i-1]
			if gap := ps[i].Triggered.Sub(prev.Resolved); !prev.Resolved.IsZero() && gap >= 0 && gap <= o.FlapGap {
				refires = append(refires, ps[i].Triggered)
			}
		}
		worst := 0
		for i, lo := 0, 0; i < len(refires); i++ {
			for refires[i].Sub(refires[lo]) >= o.FlapWindow {
				lo++
			}
			worst = max(worst, i-lo+1)
		}
		if worst >= o.FlapCount {
			out = append(out, Flap{Alert: k.alert, Service: k.service, Refires: len(refires), Worst: worst, First: refires[0], Last: refires[len(refires)-1]})
		}
	}
	slices.SortFunc(out, func(a, b Flap) int {
		if a.Refires != b.Refires {
			return b.Refires - a.Refires
		}
		if c := strings.Compare(a.Alert, b.Alert); c != 0 {
			return c
		}
		return strings.Compare(a.Service, b.Service)
	})
	return out
}
