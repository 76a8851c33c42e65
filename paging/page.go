package paging

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/debrief/debrief"
)

// Page is one alert that notified a person on call.
type Page struct {
	// Source names where the page came from ("pagerduty", "opsgenie",
	// "oncall", "alertmanager", "csv"), and SourceID is the source's own
	// id of it: together they are the page's Key.
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
	// Team is the debrief team that was paged, as a key (lower case).
	Team    string `json:"team"`
	Service string `json:"service,omitempty"`
	// Alert names the alert or rule that paged, the same for every page of
	// it: "DispatchQueueLagHigh".
	Alert   string  `json:"alert"`
	Urgency Urgency `json:"urgency"`
	// Rotation is the schedule or escalation policy the page went to: a
	// role, never a person.
	Rotation string `json:"rotation,omitempty"`

	Triggered time.Time `json:"triggered"`
	// Acknowledged is when someone first acknowledged the page; zero when
	// nobody did or the source does not say (see AckTracked).
	Acknowledged time.Time `json:"acknowledged,omitzero"`
	// Resolved is when the page was resolved; zero while it is open.
	Resolved   time.Time `json:"resolved,omitzero"`
	ResolvedBy Resolver  `json:"resolved_by,omitempty"`
	// AckTracked is true when the source records acknowledgements, so that
	// a resolved page without one was resolved without anyone taking it
	// on. Alertmanager, for one, knows nothing of acknowledgements.
	AckTracked bool `json:"ack_tracked"`
	// Noise is true when a person marked the page as noise: nothing to do.
	Noise bool `json:"noise,omitempty"`
}

// Urgency is how hard a page tries to reach someone: high-urgency pages
// wake people up, low-urgency ones wait for working hours.
type Urgency string

// Urgencies.
const (
	High Urgency = "high"
	Low  Urgency = "low"
)

// Resolver says who resolved a page.
type Resolver string

// Resolvers; the empty Resolver means the source does not say.
const (
	ByPerson Resolver = "person"
	BySystem Resolver = "system"
)

// Key identifies a page across imports: its source and the source's id.
func (p *Page) Key() string { return p.Source + ":" + p.SourceID }

// Limits on a page's text, far above what a real alert needs.
const (
	maxID   = 256
	maxName = 200
)

// Check normalises a page (trims its text, keys its team, defaults its
// urgency to high) and checks it: every page needs a source, an id, a team,
// an alert name and a trigger time, and its times must come in order. The
// error says which page and what is wrong.
func (p *Page) Check() error {
	for _, s := range []*string{&p.Source, &p.SourceID, &p.Team, &p.Service, &p.Alert, &p.Rotation} {
		*s = strings.TrimSpace(*s)
	}
	p.Team = strings.ToLower(p.Team)
	if p.Urgency == "" {
		p.Urgency = High
	}
	fail := func(format string, args ...any) error {
		return debrief.Errorf(debrief.EINVALID, "page %s: %s", shorten(p.Key()), fmt.Sprintf(format, args...))
	}
	switch {
	case p.Source == "" || p.SourceID == "":
		return debrief.Errorf(debrief.EINVALID, "page %q: a page needs its source and the source's id for it", shorten(p.Key()))
	case len(p.Source) > maxName || len(p.SourceID) > maxID:
		return fail("the id is longer than %d bytes", maxID)
	case p.Team == "":
		return fail("no team: map the source's team or service to a debrief team")
	case p.Alert == "":
		return fail("no alert name")
	case p.Triggered.IsZero():
		return fail("no trigger time")
	case p.Triggered.Year() < 1990 || p.Triggered.Year() > 2200:
		return fail("trigger time %s is out of range", p.Triggered.Format(time.RFC3339))
	case p.Acknowledged.Year() > 2200 || p.Resolved.Year() > 2200:
		return fail("a time after the year 2200")
	case !p.Acknowledged.IsZero() && p.Acknowledged.Before(p.Triggered):
		return fail("acknowledged at %s, before it triggered at %s", p.Acknowledged.Format(time.RFC3339), p.Triggered.Format(time.RFC3339))
	case !p.Resolved.IsZero() && p.Resolved.Before(p.Triggered):
		return fail("resolved at %s, before it triggered at %s", p.Resolved.Format(time.RFC3339), p.Triggered.Format(time.RFC3339))
	case !p.Resolved.IsZero() && !p.Acknowledged.IsZero() && p.Resolved.Before(p.Acknowledged):
		return fail("resolved at %s, before it was acknowledged at %s", p.Resolved.Format(time.RFC3339), p.Acknowledged.Format(time.RFC3339))
	case p.Urgency != High && p.Urgency != Low:
		return fail("urgency %q is not high or low", p.Urgency)
	case p.ResolvedBy != "" && p.ResolvedBy != ByPerson && p.ResolvedBy != BySystem:
		return fail("resolved by %q is not person or system", p.ResolvedBy)
	}
	for _, f := range []struct{ name, s string }{{"source", p.Source}, {"id", p.SourceID}, {"team", p.Team}, {"service", p.Service}, {"alert", p.Alert}, {"rotation", p.Rotation}} {
		if f.name != "id" && len(f.s) > maxName {
			return fail("the %s is longer than %d bytes", f.name, maxName)
		}
		if !printable(f.s) {
			return fail("the %s is not printable UTF-8 text", f.name)
		}
	}
	return nil
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// shorten keeps a key short enough to quote in a message.
func shorten(s string) string {
	if len(s) <= 80 {
		return s
	}
	cut := 77
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Merge combines two versions of the page with one key: what is stored
// (old) and what just arrived (p). A page keeps its earliest trigger and
// acknowledgement, takes a resolution when one arrives and keeps it when a
// late notification without one follows, and stays noise once a person
// marked it so. The rest comes from p.
func Merge(old, p Page) Page {
	out := p
	if !old.Triggered.IsZero() && old.Triggered.Before(p.Triggered) {
		out.Triggered = old.Triggered
	}
	if p.Acknowledged.IsZero() || !old.Acknowledged.IsZero() && old.Acknowledged.Before(p.Acknowledged) {
		out.Acknowledged = old.Acknowledged
	}
	if p.Resolved.IsZero() {
		out.Resolved, out.ResolvedBy = old.Resolved, old.ResolvedBy
	}
	out.Noise = old.Noise || p.Noise
	out.AckTracked = old.AckTracked || p.AckTracked
	return out
}
