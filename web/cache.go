package web

import (
	"container/list"
	"sync"
)

// lru is a small least-recently-used cache, safe for concurrent use. The
// pages keep derived data in it — rendered Markdown, lint findings — keyed
// by a postmortem's id and version or its content's hash, so that an entry
// never goes stale: a new version is a new key.
//
// It holds at most max entries and, when size is set, entries whose sizes
// add up to at most maxSize: an entry larger than maxSize alone is not kept.
type lru[K comparable, V any] struct {
	mu      sync.Mutex
	max     int
	maxSize int
	size    func(V) int
	total   int
	ll      *list.List
	items   map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key  K
	val  V
	size int
}

func newLRU[K comparable, V any](max int) *lru[K, V] {
	return &lru[K, V]{max: max, ll: list.New(), items: make(map[K]*list.Element)}
}

// newSizedLRU returns a cache of at most max entries whose sizes, as size
// measures them, add up to at most maxSize.
func newSizedLRU[K comparable, V any](max, maxSize int, size func(V) int) *lru[K, V] {
	c := newLRU[K, V](max)
	c.maxSize, c.size = maxSize, size
	return c
}

func (c *lru[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*lruEntry[K, V]).val, true
	}
	var zero V
	return zero, false
}

func (c *lru[K, V]) put(k K, v V) {
	n := 0
	if c.size != nil {
		n = c.size(v)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[k]; ok {
		c.remove(e)
	}
	if c.size != nil && n > c.maxSize {
		return
	}
	c.items[k] = c.ll.PushFront(&lruEntry[K, V]{key: k, val: v, size: n})
	c.total += n
	for c.ll.Len() > c.max || (c.size != nil && c.total > c.maxSize) {
		c.remove(c.ll.Back())
	}
}

// remove drops the entry e; c.mu is held.
func (c *lru[K, V]) remove(e *list.Element) {
	en := e.Value.(*lruEntry[K, V])
	c.ll.Remove(e)
	delete(c.items, en.key)
	c.total -= en.size
}
