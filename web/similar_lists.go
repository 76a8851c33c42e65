package web

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/debrief/debrief"
)

// With a store that keeps similar lists (Config.SimilarLists), a
// postmortem page reads its similar incidents from the list stored with
// the postmortem, filtered for the viewer by the store, instead of looking
// them up. A list goes out of date when the archive changes; the page
// still shows it (what the viewer may see now of it) and asks for a new
// one, which one worker per server finds in the background, one a second
// at most while the server is busy. The same worker fills in the lists
// that are missing, the newest incidents first, while the server has had
// no request for listIdle, so that it never competes with the pages for
// the cores. Replicas share the
// lists through the archive; two may find the same list at once, and the
// second write wins with the same answer.
const (
	// listIdle is how long the server has had no request before the
	// worker fills in missing lists.
	listIdle = time.Second
	// listQueue bounds the lists waiting to be found again; past it a page
	// asks again on its next view.
	listQueue = 1024
	// listBatch is how many missing lists the worker asks the store for
	// at once.
	listBatch = 100
	// listRecheck is how long the worker waits to look for missing lists
	// again once none was missing.
	listRecheck = time.Minute
)

type similarLists struct {
	store debrief.SimilarListService
	log   *slog.Logger
	queue chan string
	// lastRequest is when the server last took a request, in Unix
	// nanoseconds.
	lastRequest atomic.Int64

	mu     sync.Mutex
	queued map[string]bool
	// stored, when set, is told of every list stored.
	stored func(id string)
}

func newSimilarLists(store debrief.SimilarListService, log *slog.Logger) *similarLists {
	return &similarLists{store: store, log: log, queue: make(chan string, listQueue), queued: map[string]bool{}}
}

// seen records a request, which keeps the worker from filling in lists for
// listIdle.
func (l *similarLists) seen() { l.lastRequest.Store(time.Now().UnixNano()) }

// want asks for a new list of id, unless one is asked for already or the
// queue is full.
func (l *similarLists) want(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.queued[id] {
		return
	}
	select {
	case l.queue <- id:
		l.queued[id] = true
	default:
	}
}

// run finds the lists asked for, and the missing ones while the server is
// idle, until ctx is done. While the server is busy it finds at most one
// list asked for each listIdle, so that refreshing the lists of the pages
// viewed never takes a core from the pages themselves: they show the lists
// they have meanwhile.
func (l *similarLists) run(ctx context.Context) {
	var missing []string
	var nextFill, lastTake time.Time
	tick := time.NewTicker(listIdle / 10)
	defer tick.Stop()
	for ctx.Err() == nil {
		idle := time.Since(time.Unix(0, l.lastRequest.Load())) >= listIdle
		if idle || time.Since(lastTake) >= listIdle {
			select {
			case id := <-l.queue:
				l.take(ctx, id)
				lastTake = time.Now()
				continue
			default:
			}
		}
		switch {
		case !idle:
			missing = nil // what is missing may have changed meanwhile
		case len(missing) == 0 && time.Now().After(nextFill):
			var err error
			if missing, err = l.store.Unlisted(ctx, listBatch); err != nil {
				l.log.WarnContext(ctx, "the postmortems without similar incidents", "err", err)
			}
			if len(missing) == 0 {
				// All listed: look again once in a while, for the
				// postmortems saved through other replicas or imported.
				nextFill = time.Now().Add(listRecheck)
			}
			continue
		case len(missing) > 0:
			l.store1(ctx, missing[0])
			missing = missing[1:]
			continue
		}
		select {
		case <-ctx.Done():
		case <-tick.C:
		}
	}
}

// take finds the list asked for of id.
func (l *similarLists) take(ctx context.Context, id string) {
	l.mu.Lock()
	delete(l.queued, id)
	l.mu.Unlock()
	l.store1(ctx, id)
}

func (l *similarLists) store1(ctx context.Context, id string) {
	err := l.store.StoreSimilar(ctx, id)
	if err != nil && debrief.ErrorCode(err) != debrief.ENOTFOUND && ctx.Err() == nil {
		l.log.WarnContext(ctx, "find the similar incidents", "id", id, "err", err)
	}
	if err == nil && l.stored != nil {
		l.stored(id)
	}
}

// closed is a closed channel: the done of an entry that is ready at once.
var closed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// similarOf returns the entry of pm's similar incidents as v sees them, and
// whether it comes from the list stored with pm (similar_lists.go), which
// answers at once. Otherwise it looks for them (similar_cache.go), storing
// pm's list on the way when the store keeps them; the entry is nil when
// every look-up slot is busy.
func (s *Server) similarOf(ctx context.Context, v debrief.Viewer, pm *debrief.Postmortem) (sim *similarEntry, stored bool, err error) {
	lookup := func(ctx context.Context) ([]*debrief.SimilarPostmortem, error) {
		return s.cfg.Postmortems.Similar(ctx, v, pm.ID, similarLimit)
	}
	find := lookup
	if s.lists != nil {
		items, current, ok, err := s.cfg.SimilarLists.StoredSimilar(ctx, v, pm.ID, similarLimit)
		if err != nil {
			return nil, false, err
		}
		if ok {
			if !current {
				s.lists.want(pm.ID)
			}
			return &similarEntry{items: items, done: closed}, true, nil
		}
		find = func(ctx context.Context) ([]*debrief.SimilarPostmortem, error) {
			// A list there is, of which v sees too few: look up as v.
			if _, _, listed, err := s.cfg.SimilarLists.StoredSimilar(ctx, debrief.Operator, pm.ID, 1); err != nil || listed {
				if err != nil {
					return nil, err
				}
				return lookup(ctx)
			}
			if err := s.cfg.SimilarLists.StoreSimilar(ctx, pm.ID); err != nil {
				return nil, err
			}
			s.pages.lists.stored(pm.ID)
			// Stored spelled as pm writes them; the page spelling them
			// again gives the same words.
			if items, _, ok, err := s.cfg.SimilarLists.StoredSimilar(ctx, v, pm.ID, similarLimit); err != nil || ok {
				return items, err
			}
			return lookup(ctx)
		}
	}
	return s.pages.similar.lookup(ctx, v, pm.ID, pm.Version, find), false, nil
}
