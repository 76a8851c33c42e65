package report

import (
	"io"
	"math"
	"strconv"
	"time"

	"github.com/debrief/debrief/oncall"
)

// OnCall is the on-call health report: per team (or rotation), the
// period's health beside the previous period's.
type OnCall struct {
	Computed time.Time    `json:"computed"`
	Teams    []TeamOnCall `json:"teams"`
}

// TeamOnCall is one team's on-call health.
type TeamOnCall struct {
	Team  string       `json:"team"`
	Trend oncall.Trend `json:"trend"`
}

// Name is "oncall".
func (o *OnCall) Name() string { return "oncall" }

func (o *OnCall) writeText(w io.Writer) error {
	e := &errWriter{w: w}
	e.printf("On-call health (computed %s)\n", stamp(o.Computed))
	for _, t := range o.Teams {
		h := t.Trend.Current
		e.printf("\n%s, %s to %s (%s), against the %s before\n", t.Team, h.From.Format("2006-01-02"), h.To.Format("2006-01-02"), h.Zone, period(h.To.Sub(h.From)))
		for _, c := range t.Trend.Changes {
			e.printf("  %s\n", c)
		}
		s := h.Shifts
		e.printf("  shifts over the limit of %d pages: %d of %d (busiest %d, mean %s a shift)\n", s.Limit, s.OverLimit, s.Shifts, s.Max, num(s.Mean))
		e.printf("  pages by hour: %d in business hours (08–19), %d in off-hours (19–23), %d in sleep hours (23–08)\n", h.Bands.Business, h.Bands.OffHours, h.Bands.Sleep)
		n := h.NonActionable
		e.printf("  needed nobody: %d of %d, %s (marked noise %d, auto-resolved %d, never acknowledged %d)\n", n.Pages, h.Pages, percent(n.Share), n.Noise, n.AutoResolved, n.NoAck)
		e.printf("  hours responding: %s\n", num(h.ResponseHours))
		if len(h.Noisiest) > 0 {
			e.printf("  noisiest alerts:\n")
			for _, a := range h.Noisiest {
				e.printf("    %s%s: %s, %d in sleep hours, %d needed nobody\n", a.Alert, service(a.Service), plural(a.Pages, "page"), a.Sleep, a.NonActionable)
			}
		}
		if len(h.Flapping) > 0 {
			e.printf("  flapping alerts:\n")
			for _, f := range h.Flapping {
				e.printf("    %s%s: %d re-fires, up to %d within a day\n", f.Alert, service(f.Service), f.Refires, f.Worst)
			}
		}
	}
	return e.err
}

func service(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// period says a period's length: "7 days", "4 weeks".
func period(d time.Duration) string {
	days := int(math.Round(d.Hours() / 24)) // a period across a clock change is an hour short or long
	switch {
	case days%7 == 0 && days > 7:
		return strconv.Itoa(days/7) + " weeks"
	case days == 7:
		return "week"
	case days == 1:
		return "day"
	}
	return strconv.Itoa(days) + " days"
}

func (o *OnCall) rows() [][]string {
	out := [][]string{{"team", "section", "item", "value", "previous"}}
	for _, t := range o.Teams {
		h, p := t.Trend.Current, t.Trend.Previous
		add := func(section, item string, v, prev string) {
			out = append(out, []string{t.Team, section, item, v, prev})
		}
		for _, c := range t.Trend.Changes {
			add("summary", c.Figure, num(c.Now), num(c.Before))
		}
		add("summary", "business-hour pages", strconv.Itoa(h.Bands.Business), strconv.Itoa(p.Bands.Business))
		add("shifts", "shifts", strconv.Itoa(h.Shifts.Shifts), strconv.Itoa(p.Shifts.Shifts))
		add("shifts", "busiest shift", strconv.Itoa(h.Shifts.Max), strconv.Itoa(p.Shifts.Max))
		add("shifts", "mean pages a shift", num(h.Shifts.Mean), num(p.Shifts.Mean))
		add("non-actionable", "marked noise", strconv.Itoa(h.NonActionable.Noise), strconv.Itoa(p.NonActionable.Noise))
		add("non-actionable", "auto-resolved", strconv.Itoa(h.NonActionable.AutoResolved), strconv.Itoa(p.NonActionable.AutoResolved))
		add("non-actionable", "never acknowledged", strconv.Itoa(h.NonActionable.NoAck), strconv.Itoa(p.NonActionable.NoAck))
		for _, a := range h.Noisiest {
			add("noisiest", a.Alert+" pages", strconv.Itoa(a.Pages), "")
			add("noisiest", a.Alert+" sleep-hour pages", strconv.Itoa(a.Sleep), "")
		}
		for _, f := range h.Flapping {
			add("flapping", f.Alert+" re-fires", strconv.Itoa(f.Refires), "")
		}
	}
	return out
}
