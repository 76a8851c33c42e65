package paging

import (
	"context"
	"time"

	"github.com/debrief/debrief"
)

// Store keeps pages: the archive implements it (sqlite and postgres), with
// every page stored once by its key and merged when it arrives again.
type Store interface {
	Sink
	// Pages returns the stored pages the filter selects, in the order they
	// triggered (see Sort).
	Pages(ctx context.Context, f Filter) ([]Page, error)
}

// Filter selects pages. A zero field selects everything.
type Filter struct {
	// Team is a debrief team key.
	Team string
	// From and To bound the trigger time: on or after From, before To.
	From, To time.Time
}

// Nanos returns a time as a store keeps it: Unix nanoseconds, and false
// for the zero time (stored as NULL).
func Nanos(t time.Time) (int64, bool) {
	if t.IsZero() {
		return 0, false
	}
	return t.UnixNano(), true
}

// FromNanos reads a time that Nanos wrote; ok false is the zero time.
func FromNanos(n int64, ok bool) time.Time {
	if !ok {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// Bounds returns the filter's trigger times as Unix nanoseconds, with the
// zero times as the widest bounds a page can have.
func (f Filter) Bounds() (from, to int64) {
	from, to = -1<<63, 1<<63-1
	if !f.From.IsZero() {
		from = f.From.UnixNano()
	}
	if !f.To.IsZero() {
		to = f.To.UnixNano()
	}
	return from, to
}

// Checked returns copies of pages, each normalised and checked (Page.Check),
// or the first problem, with its position in the list.
func Checked(pages []Page) ([]Page, error) {
	out := make([]Page, len(pages))
	for i, p := range pages {
		if err := p.Check(); err != nil {
			if len(pages) == 1 {
				return nil, err
			}
			return nil, debrief.Errorf(debrief.EINVALID, "page %d of %d: %s", i+1, len(pages), debrief.ErrorMessage(err))
		}
		out[i] = p
	}
	return out, nil
}
