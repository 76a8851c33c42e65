package paging

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/debrief/debrief"
)

// Mapping places pages on debrief teams. Sources name teams their own way
// (a PagerDuty team "Logistics Ops", an Opsgenie team id, an Alertmanager
// receiver "logistics-pager"); Teams maps such names, compared without
// regard to case, to debrief team keys.
type Mapping struct {
	// Teams maps a source's team, service, rotation or receiver names and
	// ids to debrief teams.
	Teams map[string]string
	// Team is the team of pages nothing else places; "" leaves them out,
	// reported as skipped.
	Team string
}

// team returns the debrief team of a page: the first of the candidates
// that Teams maps, else the first of direct (names that are meant to be
// debrief teams already, such as a "team" label) that is set, else the
// default Team.
func (m Mapping) team(direct []string, candidates ...string) string {
	for _, c := range append(slices.Clone(direct), candidates...) {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(m.Teams)) {
			if strings.EqualFold(strings.TrimSpace(k), c) {
				return strings.ToLower(strings.TrimSpace(m.Teams[k]))
			}
		}
	}
	for _, d := range direct {
		if d = strings.TrimSpace(d); d != "" {
			return strings.ToLower(d)
		}
	}
	return strings.ToLower(strings.TrimSpace(m.Team))
}

// Batch is what an import read: the pages, each checked, and the records
// it left out with the reason.
type Batch struct {
	Pages   []Page
	Skipped []Skip
}

// Skip is a record an import left out.
type Skip struct {
	// ID is the source's id of the record, or its position ("line 12").
	ID     string
	Reason string
}

// add checks p and keeps it, or records why it was left out.
func (b *Batch) add(p Page) {
	if err := p.Check(); err != nil {
		b.Skipped = append(b.Skipped, Skip{ID: shorten(p.SourceID), Reason: messageOf(err)})
		return
	}
	b.Pages = append(b.Pages, p)
}

func messageOf(err error) string { return debrief.ErrorMessage(err) }

// Sink stores pages by their key: a page whose key is stored already is
// merged into it (see Merge). The archive implements it; Memory is the
// in-memory one.
type Sink interface {
	SavePages(ctx context.Context, pages []Page) error
}

// Memory is a Sink that keeps pages in memory, for tests and the demo.
type Memory struct {
	mu    sync.Mutex
	pages map[string]Page
}

// SavePages merges pages into the memory by key.
func (m *Memory) SavePages(_ context.Context, pages []Page) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pages == nil {
		m.pages = map[string]Page{}
	}
	for _, p := range pages {
		if old, ok := m.pages[p.Key()]; ok {
			p = Merge(old, p)
		}
		m.pages[p.Key()] = p
	}
	return nil
}

// Pages returns the stored pages in the order they triggered.
func (m *Memory) Pages() []Page {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Page, 0, len(m.pages))
	for _, p := range m.pages {
		out = append(out, p)
	}
	Sort(out)
	return out
}

// Sort sorts pages by trigger time, then by key.
func Sort(pages []Page) {
	slices.SortFunc(pages, func(a, b Page) int {
		if c := a.Triggered.Compare(b.Triggered); c != 0 {
			return c
		}
		return strings.Compare(a.Key(), b.Key())
	})
}
