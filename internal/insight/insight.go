// Package insight reads the archive and its paging data for the insights
// of docs/insights.md: it parses the postmortems a viewer may see, reads the
// pages of a period, and computes the figures with the root package (load,
// reactive mode, recurring kinds, process health) and the oncall package.
// The web app's dashboards, `debrief report` and /metrics all take their
// figures from here, so they agree.
//
// A Source holds the archive and the settings; Read takes one snapshot of
// what a viewer may see (Archive), and the methods of Archive compute the
// figures of a Period from it.
package insight

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/paging"
)

// LanguageFunc counts the linter's blame and root-cause findings in a
// postmortem file.
type LanguageFunc func(path string, src []byte) (blame, rootCause int)

// Source is the archive the insights read, with their settings.
type Source struct {
	Postmortems debrief.PostmortemService
	// Pages is the paging data; nil when there is none.
	Pages paging.Store
	// Kinds are the incident kinds; nil is the default set.
	Kinds    *debrief.KindSet
	Settings config.Insights
	// Language counts findings for the process figures; nil leaves the
	// language out.
	Language LanguageFunc
	// Now returns the current time; nil is time.Now.
	Now func() time.Time
	// MaxAge is how long a snapshot serves again before it is read anew;
	// 0 reads every time.
	MaxAge time.Duration
	// StoredKinds, when set, returns the kinds of families of every
	// postmortem v may see, by id, as the archive stored them when it
	// derived them from the same files: a reading then skips inferring them
	// again, which for a large archive is most of the first reading's work.
	StoredKinds func(ctx context.Context, v debrief.Viewer) (map[string][]debrief.KindMatch, error)
	// StoredLint, when set, returns the linter's counts kept with every
	// postmortem v may see, by id, for those counted by the same linter as
	// Language: a reading takes them instead of linting every file again.
	StoredLint func(ctx context.Context, v debrief.Viewer) (map[string]debrief.LintCounts, error)
	// Changes, when set, returns the archive's count of changes, which
	// any write to a postmortem moves on. A snapshot whose count is still
	// the archive's stays fresh past MaxAge, until QuietMaxAge, on the day
	// it was taken: an archive nobody writes to is not read again every
	// MaxAge, which at 100,000 postmortems is seconds of work each time.
	Changes func(ctx context.Context) (int64, error)
	// QuietMaxAge bounds how long a snapshot of an unchanged archive
	// serves; 0 is MaxAge. The paging data and the date move on without a
	// change to the postmortems.
	QuietMaxAge time.Duration

	// seen is the last count of changes read, and when.
	seenMu   sync.Mutex
	seen     int64
	seenAt   time.Time
	seenOnce bool

	mu      sync.Mutex
	parsed  map[[32]byte]*parsed
	reads   map[string]*Archive
	flights map[string]*flight
}

// parsed is one postmortem file as the insights read it. p goes without
// its body and file: of those the insights read only which system-focus
// sections are filled in (focusFilled of focusAsked), counted once here.
// A snapshot holds every postmortem of the archive, and the bodies were
// most of its memory (some 280 MB of 500 at 100,000 postmortems), which
// kept the collector busy under every page.
type parsed struct {
	p                       *debrief.Postmortem
	kin                     *debrief.Kin
	blame                   int
	rootCause               int
	focusFilled, focusAsked int
}

// Archive is one snapshot of the postmortems a viewer may see.
type Archive struct {
	src      *Source
	Computed time.Time
	items    []*parsed
	// changes is the archive's count of changes when the reading began;
	// counted is false when it is not known.
	changes int64
	counted bool

	mu       sync.Mutex
	reactive map[string][]Reactive
	// weeks keeps the load of single weeks, which the reactive banner of
	// every postmortem page asks for (team.go).
	weeks map[debrief.ISOWeek][]debrief.TeamLoad

	factsOnce sync.Once
	factsMemo []debrief.IncidentFact
}

func (s *Source) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Source) kinds() *debrief.KindSet {
	if s.Kinds == nil {
		return debrief.DefaultKinds()
	}
	return s.Kinds
}

// maxParsed bounds the cache of parsed files; past it the cache starts
// over.
const maxParsed = 200_000

// Read returns a snapshot of the postmortems v may see: the one taken for
// the same audience within MaxAge, or a new one. Concurrent reads of one
// audience share one reading of the archive.
func (s *Source) Read(ctx context.Context, v debrief.Viewer) (*Archive, error) {
	key := audience(v)
	changes, counted := s.changesNow(ctx)
	s.mu.Lock()
	if a := s.reads[key]; a != nil && s.fresh(a, changes, counted) {
		s.mu.Unlock()
		return a, nil
	}
	// A reading that the request gives up on serves the next one.
	f := s.startRead(context.WithoutCancel(ctx), key, v)
	s.mu.Unlock()
	select {
	case <-f.done:
		return f.a, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Recent returns the last snapshot taken for v's audience, however old,
// and starts reading a new one in the background when it is older than
// MaxAge. With no snapshot yet, it waits up to wait for the one being
// read and reports false when it is not ready by then. A page that shows
// a figure of the insights beside other things uses it, so that reading a
// large archive never holds the page up.
func (s *Source) Recent(ctx context.Context, v debrief.Viewer, wait time.Duration) (*Archive, bool) {
	key := audience(v)
	changes, counted := s.changesNow(ctx)
	s.mu.Lock()
	a := s.reads[key]
	var f *flight
	if a == nil || !s.fresh(a, changes, counted) {
		// The reading outlives the request that started it.
		f = s.startRead(context.WithoutCancel(ctx), key, v)
	}
	s.mu.Unlock()
	if a != nil {
		return a, true
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-f.done:
		return f.a, f.err == nil
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

// flight is a reading of the archive under way.
type flight struct {
	done chan struct{}
	a    *Archive
	err  error
}

// fresh reports whether a may serve again, when the archive's count of
// changes is changes (known when counted); s.mu is held.
func (s *Source) fresh(a *Archive, changes int64, counted bool) bool {
	now := s.now()
	if now.Before(a.Computed) {
		return false
	}
	age := now.Sub(a.Computed)
	if s.MaxAge > 0 && age < s.MaxAge {
		return true
	}
	quiet := max(s.QuietMaxAge, s.MaxAge)
	return s.MaxAge > 0 && counted && a.counted && changes == a.changes && age < quiet &&
		debrief.DateOf(now.UTC()) == debrief.DateOf(a.Computed.UTC())
}

// changesCheck is how often the archive's count of changes is read again:
// every page asks whether its snapshot is fresh.
const changesCheck = time.Second

// changesNow returns the archive's count of changes, read at most once
// every changesCheck; counted is false without Changes or when it fails.
func (s *Source) changesNow(ctx context.Context) (changes int64, counted bool) {
	if s.Changes == nil {
		return 0, false
	}
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	now := s.now()
	if s.seenOnce && !now.Before(s.seenAt) && now.Sub(s.seenAt) < changesCheck {
		return s.seen, true
	}
	c, err := s.Changes(ctx)
	if err != nil {
		return 0, false
	}
	s.seen, s.seenAt, s.seenOnce = c, now, true
	return c, true
}

// startRead returns the reading of key's snapshot under way, starting one
// when there is none; s.mu is held.
func (s *Source) startRead(ctx context.Context, key string, v debrief.Viewer) *flight {
	if f := s.flights[key]; f != nil {
		return f
	}
	f := &flight{done: make(chan struct{})}
	if s.flights == nil {
		s.flights = map[string]*flight{}
	}
	s.flights[key] = f
	go func() {
		f.a, f.err = s.read(ctx, v)
		s.mu.Lock()
		delete(s.flights, key)
		if f.err == nil {
			if s.reads == nil {
				s.reads = map[string]*Archive{}
			}
			s.reads[key] = f.a
		}
		s.mu.Unlock()
		close(f.done)
	}()
	return f
}

// read reads a new snapshot of the postmortems v may see.
func (s *Source) read(ctx context.Context, v debrief.Viewer) (*Archive, error) {
	a := &Archive{src: s, Computed: s.now()}
	if s.Changes != nil {
		// Counted before reading: a write during the reading makes the
		// next count differ, and the snapshot is read again.
		c, err := s.Changes(ctx)
		a.changes, a.counted = c, err == nil
	}
	var st stored
	var err error
	if s.StoredKinds != nil {
		if st.kinds, err = s.StoredKinds(ctx, v); err != nil {
			return nil, fmt.Errorf("read the archive for the insights: %w", err)
		}
	}
	if s.StoredLint != nil && s.Language != nil {
		if st.lint, err = s.StoredLint(ctx, v); err != nil {
			return nil, fmt.Errorf("read the archive for the insights: %w", err)
		}
	}
	err = s.Postmortems.Export(ctx, v, func(id string, file []byte) error {
		p, err := s.parse(id, file, st)
		if err != nil {
			return err
		}
		a.items = append(a.items, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the archive for the insights: %w", err)
	}
	return a, nil
}

// audience keys the snapshots: viewers who may see the same postmortems
// share one.
func audience(v debrief.Viewer) string {
	if v.Admin {
		return "admin"
	}
	return fmt.Sprint(v.TeamKeys())
}

// stored is what the archive kept of its postmortems, by id: what a
// reading takes instead of deriving it from the files again.
type stored struct {
	kinds map[string][]debrief.KindMatch
	lint  map[string]debrief.LintCounts
}

// parse parses a postmortem's file, or returns it parsed already. Its kinds
// and lint counts are those stored when known, otherwise derived.
func (s *Source) parse(id string, file []byte, st stored) (*parsed, error) {
	sum := sha256.Sum256(file)
	s.mu.Lock()
	p, ok := s.parsed[sum]
	s.mu.Unlock()
	if ok {
		return p, nil
	}
	doc, probs := markdown.Parse(file)
	if len(probs) > 0 || doc.Postmortem == nil {
		return nil, fmt.Errorf("%s: the stored file does not parse: %v", id, probs)
	}
	pm := doc.Postmortem
	kinds, ok := st.kinds[id]
	if !ok {
		kinds = pm.FeaturesWith(s.kinds()).Kinds
	}
	p = &parsed{p: pm, kin: &debrief.Kin{Summary: pm.Summary(), Kinds: kinds, ActionItems: pm.ActionItems}}
	p.focusFilled, p.focusAsked = debrief.SystemFocusFilled(pm.Body)
	pm.Body, pm.File = "", nil
	if c, ok := st.lint[id]; ok {
		p.blame, p.rootCause = c.Blame, c.RootCause
	} else if s.Language != nil {
		p.blame, p.rootCause = s.Language(id+".md", file)
	}
	s.mu.Lock()
	if s.parsed == nil || len(s.parsed) >= maxParsed {
		s.parsed = map[[32]byte]*parsed{}
	}
	s.parsed[sum] = p
	s.mu.Unlock()
	return p, nil
}

// Postmortems returns the snapshot's postmortems, oldest incident first,
// without their bodies and files.
func (a *Archive) Postmortems() []*debrief.Postmortem {
	out := make([]*debrief.Postmortem, len(a.items))
	for i, p := range a.items {
		out[i] = p.p
	}
	slices.SortStableFunc(out, func(x, y *debrief.Postmortem) int { return x.IncidentDate().Compare(y.IncidentDate()) })
	return out
}

// Today is the snapshot's day, in UTC.
func (a *Archive) Today() debrief.Date { return debrief.DateOf(a.Computed.UTC()) }

// Teams returns every team key of the snapshot's postmortems.
func (a *Archive) Teams() []string {
	var out []string
	for _, p := range a.items {
		out = append(out, p.p.Teams...)
	}
	return debrief.Keys(out)
}
