package oncall

import (
	"fmt"
	"time"

	"github.com/debrief/debrief/paging"
)

// Options are the rules of on-call health, with the team's time zone.
// DefaultOptions gives the documented ones.
type Options struct {
	// Location is the team's time zone (IANA, such as Europe/Amsterdam):
	// bands, shifts and weeks follow its wall clock.
	Location *time.Location
	// ShiftStart is the hour the day shift starts; shifts run twelve hours
	// by the wall clock, ShiftStart to ShiftStart+12 and on to the next
	// morning.
	ShiftStart int
	// PagesPerShift is the limit: the SRE book's two incidents per
	// 12-hour shift, since each takes about six hours of follow-up.
	PagesPerShift int
	// QuickResolve: a page resolved by the system within this time of
	// triggering needed nobody.
	QuickResolve time.Duration
	// An alert flaps when at least FlapCount of its pages trigger within
	// FlapGap of its previous page's resolution, inside one FlapWindow.
	FlapGap    time.Duration
	FlapCount  int
	FlapWindow time.Duration
	// ResponseCap bounds the response time one page counts for: a page
	// left open past a shift is not someone working on it all along.
	ResponseCap time.Duration
	// Top is how many of the noisiest alerts to list.
	Top int
}

// DefaultOptions returns the rules of docs/insights.md in the zone loc.
func DefaultOptions(loc *time.Location) Options {
	return Options{
		Location: loc, ShiftStart: 8, PagesPerShift: 2, QuickResolve: 5 * time.Minute,
		FlapGap: 30 * time.Minute, FlapCount: 3, FlapWindow: 24 * time.Hour,
		ResponseCap: 12 * time.Hour, Top: 10,
	}
}

func (o Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

// Validate checks the options.
func (o Options) Validate() error {
	switch {
	case o.ShiftStart < 0 || o.ShiftStart > 11:
		return fmt.Errorf("shift start %d: give an hour from 0 to 11; the night shift starts twelve hours later", o.ShiftStart)
	case o.PagesPerShift < 1:
		return fmt.Errorf("pages per shift %d: give a limit of at least 1", o.PagesPerShift)
	case o.QuickResolve < 0 || o.FlapGap < 0 || o.FlapWindow <= 0 || o.ResponseCap <= 0:
		return fmt.Errorf("durations must be positive")
	case o.FlapCount < 2:
		return fmt.Errorf("flap count %d: an alert needs at least 2 re-fires to flap", o.FlapCount)
	}
	return nil
}

// Reason says why a page needed nobody.
type Reason string

// Reasons a page was not actionable, in the order they are tested.
const (
	// MarkedNoise: a person marked the page as noise.
	MarkedNoise Reason = "noise"
	// QuickResolved: the monitoring resolved it within QuickResolve.
	QuickResolved Reason = "auto-resolved"
	// NoAck: it was resolved without anyone acknowledging it (only for
	// sources that record acknowledgements).
	NoAck Reason = "no-ack"
)

// NonActionable returns why a page needed nobody, "" when it did (or it
// is still open and nobody knows yet).
func (o Options) NonActionable(p paging.Page) Reason {
	switch {
	case p.Noise:
		return MarkedNoise
	case p.Resolved.IsZero():
		return ""
	case p.ResolvedBy != paging.ByPerson && p.Resolved.Sub(p.Triggered) <= o.QuickResolve:
		return QuickResolved
	case p.AckTracked && p.Acknowledged.IsZero():
		return NoAck
	}
	return ""
}

// ForTeam returns the pages of one team.
func ForTeam(pages []paging.Page, team string) []paging.Page {
	var out []paging.Page
	for _, p := range pages {
		if p.Team == team {
			out = append(out, p)
		}
	}
	return out
}

// ForRotation returns the pages that went to one rotation.
func ForRotation(pages []paging.Page, rotation string) []paging.Page {
	var out []paging.Page
	for _, p := range pages {
		if p.Rotation == rotation {
			out = append(out, p)
		}
	}
	return out
}

// within returns the pages triggered from from to to (excluded).
func within(pages []paging.Page, from, to time.Time) []paging.Page {
	var out []paging.Page
	for _, p := range pages {
		if !p.Triggered.Before(from) && p.Triggered.Before(to) {
			out = append(out, p)
		}
	}
	return out
}
