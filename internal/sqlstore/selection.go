package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/debrief/debrief"
)

// Selection is the set of postmortems, by pk, that a viewer may see and a
// filter's facets (teams, services, tags, severity, status, customer
// impact, dates) select: all that a search must check of a full-text
// match besides its words. Searches test their matches against it in
// memory instead of joining every match to its row.
type Selection struct {
	all   bool
	bits  []uint64
	count int
}

// Has reports whether the postmortem pk is in the selection.
func (s *Selection) Has(pk int64) bool {
	if s.all {
		return true
	}
	i := uint64(pk) / 64
	return i < uint64(len(s.bits)) && s.bits[i]&(1<<(uint64(pk)%64)) != 0
}

// Len returns how many postmortems the selection holds; -1 when it holds
// them all.
func (s *Selection) Len() int {
	if s.all {
		return -1
	}
	return s.count
}

func (s *Selection) add(pk int64) {
	if pk < 0 {
		return
	}
	i := int(pk / 64)
	if i >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, i+1-len(s.bits))...)
	}
	if s.bits[i]&(1<<(uint64(pk)%64)) == 0 {
		s.bits[i] |= 1 << (uint64(pk) % 64)
		s.count++
	}
}

// selections caches the selections of the archive at one count of
// changes (archive_stats.changes, which triggers keep): a write anywhere,
// by any process, makes a new count and so empties the cache. There are
// few distinct selections in use (one per set of teams and facets), and
// each is a bitmap of an eighth of a byte per postmortem.
type selections struct {
	mu      sync.Mutex
	changes int64
	sets    map[string]*Selection
}

// maxSelections bounds the cached selections; past it the cache starts
// again.
const maxSelections = 256

// Selection returns the postmortems that v may see and that f's facets
// select (Filters without the words), as the transaction sees them.
func (db *DB) Selection(ctx context.Context, tx *Tx, where string, args []any) (*Selection, error) {
	if where == allVisible {
		return &Selection{all: true}, nil
	}
	changes, err := tx.changes(ctx)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s\x00%#v", where, args)
	c := &db.selections
	c.mu.Lock()
	s := c.sets[key]
	if c.changes != changes {
		s = nil
	}
	c.mu.Unlock()
	if s != nil {
		return s, nil
	}
	s = &Selection{}
	rows, err := tx.Query(ctx, `SELECT p.pk FROM postmortems p WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pk int64
		if err := rows.Scan(&pk); err != nil {
			return nil, err
		}
		s.add(pk)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if changes != c.changes || c.sets == nil {
		c.changes, c.sets = changes, map[string]*Selection{}
	}
	if len(c.sets) >= maxSelections {
		clear(c.sets)
	}
	c.sets[key] = s
	return s, nil
}

// changes returns the archive's count of changes as the transaction sees
// it, read once per transaction.
func (tx *Tx) changes(ctx context.Context) (int64, error) {
	if !tx.changesRead {
		if err := tx.QueryRow(ctx, `SELECT changes FROM archive_stats`).Scan(&tx.changesSeen); err != nil {
			return 0, fmt.Errorf("read the archive's changes: %w", err)
		}
		tx.changesRead = true
	}
	return tx.changesSeen, nil
}

// results caches the pages that Find answered at one count of changes,
// as selections does the selections: the same search by viewers who may
// see the same postmortems gets the same page until the archive changes.
// The archive's first page and its common searches are asked for again
// and again; each page holds a few dozen summaries.
type results struct {
	mu      sync.Mutex
	changes int64
	pages   map[string]*debrief.PostmortemPage
}

// maxResults bounds the cached pages; past it the cache starts again.
const maxResults = 256

// get returns a copy of the page cached for key at changes, or nil.
func (c *results) get(changes int64, key string) *debrief.PostmortemPage {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changes != changes || c.pages[key] == nil {
		return nil
	}
	return copyPage(c.pages[key])
}

func (c *results) put(changes int64, key string, page *debrief.PostmortemPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if changes != c.changes || c.pages == nil || len(c.pages) >= maxResults {
		c.changes, c.pages = changes, map[string]*debrief.PostmortemPage{}
	}
	c.pages[key] = copyPage(page)
}

// copyPage copies a page's list of items, which callers may change; the
// summaries themselves are shared and never changed.
func copyPage(p *debrief.PostmortemPage) *debrief.PostmortemPage {
	c := *p
	c.Items = slices.Clone(p.Items)
	return &c
}

// Changes returns the archive's count of changes: any write to a
// postmortem, by any process or replica, moves it on. Caches of what is
// computed from the whole archive keep their answers while it stays the
// same.
func (db *DB) Changes(ctx context.Context) (int64, error) {
	var n int64
	err := db.ReadTx(ctx, func(tx *Tx) error {
		var err error
		n, err = tx.changes(ctx)
		return err
	})
	return n, err
}
