package web

import (
	"strings"
	"sync"
)

// sessionCache is the sessions a server has read, by key. It holds at most
// max: beyond that an arbitrary one goes, which costs only a reading of
// the archive when its browser comes back.
type sessionCache struct {
	mu    sync.Mutex
	max   int
	items map[sessionKey]session
}

func newSessionCache(max int) *sessionCache {
	return &sessionCache{max: max, items: map[sessionKey]session{}}
}

func (c *sessionCache) get(k sessionKey) (session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.items[k]
	return s, ok
}

func (c *sessionCache) put(k sessionKey, s session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok && len(c.items) >= c.max {
		for other := range c.items {
			delete(c.items, other)
			break
		}
	}
	c.items[k] = s
}

func (c *sessionCache) remove(k sessionKey) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.items, k)
}

// removeUser drops the sessions of the user name.
func (c *sessionCache) removeUser(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, s := range c.items {
		if strings.EqualFold(s.user.Name, name) {
			delete(c.items, k)
		}
	}
}
