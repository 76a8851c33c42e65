package web

import (
	"context"
	"html/template"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
)

// Similar incidents are the slowest part of a postmortem page: on a large
// archive the store may take longer to find them than the rest of the page
// takes to build. The page waits for them up to similarBudget; when they
// are not ready by then it shows the panel with a placeholder that its
// script fills from GET /api/v1/postmortems/{id}/similar (and a link that
// waits, without JavaScript). The look-up carries on and caches its answer
// for similarTTL, so the next view of the page has it at once.
//
// The cache key holds the postmortem's id and version and what the viewer
// may see (admin, or their teams), since similar incidents never include
// a restricted postmortem the viewer may not see. A save through this
// server starts a new generation, so its similar incidents are found anew;
// other saves (the API, another replica, an import) show within similarTTL.
// One of those may have restricted a postmortem in the cache, so a page
// checks each cached incident against the store again before it shows it
// (stillVisible): a restricted postmortem never shows to someone who may
// no longer see it, not even for a moment.
const (
	similarBudget = 12 * time.Millisecond
	similarTTL    = 10 * time.Minute
	similarMax    = 10_000
	// similarTimeout bounds a look-up that outlives its request.
	similarTimeout = 30 * time.Second
)

type similarEntry struct {
	items []*debrief.SimilarPostmortem
	err   error
	at    time.Time
	done  chan struct{} // closed when items and err are set

	// The panel rendered from items, once: it depends only on them and on
	// the postmortem's version, which the key holds.
	panelOnce sync.Once
	panel     template.HTML
}

// panelHTML returns the entry's panel, rendering it with render the first
// time.
func (e *similarEntry) panelHTML(render func() template.HTML) template.HTML {
	e.panelOnce.Do(func() { e.panel = render() })
	return e.panel
}

type similarCache struct {
	mu         sync.Mutex
	generation uint64
	entries    *lru[string, *similarEntry]
	now        func() time.Time
	// slots bounds the look-ups running at once to half the cores, so
	// that a burst of page views never queues more work than the store can
	// do nor starves the pages; a page that finds no slot shows the
	// placeholder and its script asks the API.
	slots chan struct{}
}

func newSimilarCache(now func() time.Time) *similarCache {
	return &similarCache{entries: newLRU[string, *similarEntry](similarMax), now: now,
		slots: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))}
}

// viewerKey says what a viewer may see, for cache keys.
func viewerKey(v debrief.Viewer) string {
	if v.Admin {
		return "admin"
	}
	return strings.Join(v.TeamKeys(), ",")
}

// bump starts a new generation, after a save.
func (c *similarCache) bump() {
	c.mu.Lock()
	c.generation++
	c.mu.Unlock()
}

// lookup returns the entry for id at version as v sees it, starting the
// look-up with find when there is no fresh entry; concurrent views of one
// page share one look-up. It returns nil when the entry is missing and all
// look-up slots are busy.
func (c *similarCache) lookup(ctx context.Context, v debrief.Viewer, id string, version int,
	find func(ctx context.Context) ([]*debrief.SimilarPostmortem, error)) *similarEntry {
	c.mu.Lock()
	key := id + "@" + strconv.Itoa(version) + "|" + viewerKey(v) + "|" + strconv.Itoa(int(c.generation))
	e, ok := c.entries.get(key)
	if ok {
		select {
		case <-e.done:
			if e.err == nil && c.now().Sub(e.at) < similarTTL {
				c.mu.Unlock()
				return e
			}
		default:
			c.mu.Unlock()
			return e // in flight
		}
	}
	select {
	case c.slots <- struct{}{}:
	default:
		c.mu.Unlock()
		return nil
	}
	e = &similarEntry{done: make(chan struct{})}
	c.entries.put(key, e)
	c.mu.Unlock()
	go func() {
		defer func() { <-c.slots }()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), similarTimeout)
		defer cancel()
		items, err := find(ctx)
		e.items, e.err, e.at = items, err, c.now()
		close(e.done)
	}()
	return e
}

// wait returns the entry's answer, and false when it is not ready within d
// (or the request is done); d < 0 waits as long as it takes.
func (e *similarEntry) wait(ctx context.Context, d time.Duration) (items []*debrief.SimilarPostmortem, ready bool, err error) {
	if e == nil {
		return nil, false, nil
	}
	var timeout <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-e.done:
		return e.items, true, e.err
	case <-timeout:
	case <-ctx.Done():
	}
	return nil, false, nil
}

// stillVisible returns the items that v may still see in the store, and
// whether any was left out. It reads each by id, a look-up by primary key
// for each of a panel's few items (about 0.3 ms each, mostly reading the
// front matter), except for admins, who see everything.
func stillVisible(ctx context.Context, ps debrief.PostmortemService, v debrief.Viewer, items []*debrief.SimilarPostmortem) ([]*debrief.SimilarPostmortem, bool, error) {
	if v.Admin {
		return items, false, nil
	}
	out := items[:0:0]
	for _, sp := range items {
		_, err := ps.FindByID(ctx, v, sp.ID)
		switch {
		case err == nil:
			out = append(out, sp)
		case debrief.ErrorCode(err) != debrief.ENOTFOUND:
			return nil, false, err
		}
	}
	return out, len(out) < len(items), nil
}
