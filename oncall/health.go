package oncall

import (
	"slices"
	"time"

	"github.com/debrief/debrief/paging"
)

// Health is the on-call health of a team or rotation over a period.
type Health struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
	Zone string    `json:"zone"`
	// Pages counts the pages triggered in the period, High those of high
	// urgency.
	Pages int `json:"pages"`
	High  int `json:"high_urgency"`
	// Bands counts the pages by the part of the day they woke someone in.
	Bands BandCounts `json:"bands"`
	// Shifts sums up the shifts that started in the period.
	Shifts ShiftLoad `json:"shifts"`
	// NonActionable counts the pages that needed nobody, by reason.
	NonActionable NonActionableCount `json:"non_actionable"`
	// Noisiest lists the alerts that paged most, Flapping the ones that
	// flapped.
	Noisiest []AlertCount `json:"noisiest"`
	Flapping []Flap       `json:"flapping"`
	// ResponseHours is the time someone worked on pages: from each page's
	// acknowledgement to its resolution, at most ResponseCap a page,
	// overlapping pages counted once, within the period.
	ResponseHours float64 `json:"response_hours"`
}

// NonActionableCount counts pages that needed nobody.
type NonActionableCount struct {
	Pages int `json:"pages"`
	// Share is Pages over all the period's pages, 0–1.
	Share        float64 `json:"share"`
	Noise        int     `json:"noise"`
	AutoResolved int     `json:"auto_resolved"`
	NoAck        int     `json:"no_ack"`
}

// Compute returns the health of pages (one team's or one rotation's, see
// ForTeam) over the period from from to to (excluded).
func Compute(pages []paging.Page, from, to time.Time, o Options) Health {
	h := Health{From: from, To: to, Zone: o.loc().String()}
	in := within(pages, from, to)
	paging.Sort(in)
	for _, p := range in {
		h.Pages++
		if p.Urgency != paging.Low {
			h.High++
		}
		h.Bands.add(BandOf(p.Triggered, o.loc()))
		switch o.NonActionable(p) {
		case MarkedNoise:
			h.NonActionable.Noise++
		case QuickResolved:
			h.NonActionable.AutoResolved++
		case NoAck:
			h.NonActionable.NoAck++
		default:
			continue
		}
		h.NonActionable.Pages++
	}
	if h.Pages > 0 {
		h.NonActionable.Share = float64(h.NonActionable.Pages) / float64(h.Pages)
	}
	h.Shifts = LoadOf(Shifts(pages, from, to, o), o)
	h.Noisiest = Noisiest(in, o)
	h.Flapping = Flapping(in, o)
	h.ResponseHours = responseHours(in, from, to, o)
	return h
}

// responseHours sums the union of the pages' response intervals.
func responseHours(pages []paging.Page, from, to time.Time, o Options) float64 {
	type span struct{ a, b time.Time }
	var spans []span
	for _, p := range pages {
		if p.Acknowledged.IsZero() {
			continue
		}
		end := p.Resolved
		if end.IsZero() || end.Sub(p.Acknowledged) > o.ResponseCap {
			end = p.Acknowledged.Add(o.ResponseCap)
		}
		a, b := later(p.Acknowledged, from), earlier(end, to)
		if a.Before(b) {
			spans = append(spans, span{a, b})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return x.a.Compare(y.a) })
	var total time.Duration
	var cur span
	for i, s := range spans {
		switch {
		case i == 0:
			cur = s
		case !s.a.After(cur.b):
			cur.b = later(cur.b, s.b)
		default:
			total += cur.b.Sub(cur.a)
			cur = s
		}
	}
	if len(spans) > 0 {
		total += cur.b.Sub(cur.a)
	}
	return total.Hours()
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
