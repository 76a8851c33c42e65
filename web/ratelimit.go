package web

import (
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Sign-in rate limits: a client address may try signInPerAddr times and a
// user name may fail signInFailsPerName times per signInWindow; beyond that
// sign-in answers 429 until the oldest attempt leaves the window. At most
// signInConcurrent password checks run at once, since each argon2id check
// takes 19 MiB of memory.
const (
	signInWindow       = 15 * time.Minute
	signInPerAddr      = 30
	signInFailsPerName = 8
	signInConcurrent   = 4
)

// limiter counts events per key in a sliding window.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	now    func() time.Time
	events map[string][]time.Time
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{max: max, window: window, now: now, events: map[string][]time.Time{}}
}

// recent returns key's events still in the window; the caller holds l.mu.
func (l *limiter) recent(key string, now time.Time) []time.Time {
	ev := l.events[key]
	i := 0
	for i < len(ev) && now.Sub(ev[i]) >= l.window {
		i++
	}
	ev = ev[i:]
	if len(ev) == 0 {
		delete(l.events, key)
		return nil
	}
	l.events[key] = ev
	return ev
}

// allow reports whether key may have another event, and if not, when it may.
func (l *limiter) allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	ev := l.recent(key, now)
	if len(ev) < l.max {
		return true, 0
	}
	return false, l.window - now.Sub(ev[0])
}

// add records an event for key.
func (l *limiter) add(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.events) > 50_000 { // keep memory bounded under a flood of names
		for k := range l.events {
			l.recent(k, now)
		}
	}
	l.events[key] = append(l.recent(key, now), now)
}

// reset forgets key's events, after a successful sign-in.
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.events, key)
}

// clientAddr is the address rate limits count by: the connection's peer.
// Proxy headers are not trusted, since any client can send them.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
