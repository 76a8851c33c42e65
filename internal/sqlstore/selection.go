package sqlstore

import (
	"context"
	"fmt"
	"sync"
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

// All reports whether the selection holds every postmortem.
func (s *Selection) All() bool { return s.all }

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
	var changes int64
	if err := tx.QueryRow(ctx, `SELECT changes FROM archive_stats`).Scan(&changes); err != nil {
		return nil, fmt.Errorf("read the archive's changes: %w", err)
	}
	key := where + "\x00" + fmt.Sprint(args...)
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
