package sqlstore

import (
	"sync"

	"github.com/debrief/debrief"
)

// parsedCache keeps postmortems as markdown.Parse read them from their
// files, by the file's hash (postmortems.file_hash), so that a postmortem
// read again is not parsed again: reading its YAML front matter was a
// tenth of a postmortem page's work. A hash names one content whatever
// process stored it, so nothing in the cache goes stale; it is bounded by
// the files' bytes and forgets the oldest first.
type parsedCache struct {
	mu    sync.Mutex
	byKey map[string]*debrief.Postmortem
	order []string // oldest first
	bytes int
}

// maxParsedBytes bounds the files' bytes behind the cached postmortems; a
// parsed postmortem takes about twice its file's size again.
const maxParsedBytes = 8 << 20

// get returns a copy of the postmortem parsed from the file with hash, or
// nil.
func (c *parsedCache) get(hash string) *debrief.Postmortem {
	if hash == "" {
		return nil
	}
	c.mu.Lock()
	p := c.byKey[hash]
	c.mu.Unlock()
	if p == nil {
		return nil
	}
	return p.Clone()
}

func (c *parsedCache) put(hash string, p *debrief.Postmortem) {
	if hash == "" || len(p.File) > maxParsedBytes/8 {
		return
	}
	p = p.Clone()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string]*debrief.Postmortem{}
	}
	if _, ok := c.byKey[hash]; ok {
		return
	}
	c.byKey[hash] = p
	c.order = append(c.order, hash)
	c.bytes += len(p.File)
	for c.bytes > maxParsedBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(c.byKey[old].File)
		delete(c.byKey, old)
	}
}
