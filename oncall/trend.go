package oncall

import (
	"fmt"
	"math"
	"time"

	"github.com/debrief/debrief/paging"
)

// Trend is a period's health beside the previous period of the same
// length.
type Trend struct {
	Current  Health `json:"current"`
	Previous Health `json:"previous"`
	// Changes compares the headline figures, in a fixed order.
	Changes []Change `json:"changes"`
}

// Change is one figure now and in the previous period.
type Change struct {
	Figure string  `json:"figure"`
	Now    float64 `json:"now"`
	Before float64 `json:"before"`
	// Share is true for a percentage, whose change is said in points
	// only: a relative change of a share says little.
	Share bool `json:"share,omitempty"`
}

// Delta is Now − Before.
func (c Change) Delta() float64 { return c.Now - c.Before }

// Percent is the change relative to Before, and false when Before is 0.
func (c Change) Percent() (float64, bool) {
	if c.Before == 0 {
		return 0, false
	}
	return 100 * (c.Now - c.Before) / c.Before, true
}

// String says the change: "pages 52 (+27 from 25, +108 %)".
func (c Change) String() string {
	d := num(c.Delta())
	if c.Delta() >= 0 {
		d = "+" + d
	}
	s := fmt.Sprintf("%s %s (%s from %s", c.Figure, num(c.Now), d, num(c.Before))
	if p, ok := c.Percent(); ok && !c.Share {
		s += fmt.Sprintf(", %+.0f %%", p)
	}
	return s + ")"
}

// num writes a figure with at most one decimal.
func num(x float64) string {
	if x == math.Trunc(x) {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// Compare computes the health of the period from from to to and of the
// period of the same length just before it.
func Compare(pages []paging.Page, from, to time.Time, o Options) Trend {
	prevFrom := from.Add(-to.Sub(from))
	t := Trend{Current: Compute(pages, from, to, o), Previous: Compute(pages, prevFrom, from, o)}
	c, p := t.Current, t.Previous
	t.Changes = []Change{
		{Figure: "pages", Now: float64(c.Pages), Before: float64(p.Pages)},
		{Figure: "sleep-hour pages", Now: float64(c.Bands.Sleep), Before: float64(p.Bands.Sleep)},
		{Figure: "off-hour pages", Now: float64(c.Bands.OffHours), Before: float64(p.Bands.OffHours)},
		{Figure: "shifts over the limit", Now: float64(c.Shifts.OverLimit), Before: float64(p.Shifts.OverLimit)},
		{Figure: "non-actionable %", Now: math.Round(1000*c.NonActionable.Share) / 10, Before: math.Round(1000*p.NonActionable.Share) / 10, Share: true},
		{Figure: "hours responding", Now: math.Round(10*c.ResponseHours) / 10, Before: math.Round(10*p.ResponseHours) / 10},
	}
	return t
}
