package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Sign-in limits slow down guessing passwords without letting anyone lock
// a real user out:
//
//   - Failures are counted per client address and user name. After
//     signInFreeFailures of them, each further attempt waits for a delay
//     that doubles with every failure, from signInBaseDelay up to
//     signInMaxDelay; a successful sign-in forgets them. Someone else's
//     wrong passwords, from another address, never slow a user down.
//   - Failures are also counted per client address, whatever the name, to
//     slow down trying one password on many names: signInFailsPerAddr per
//     signInWindow.
//   - Successful sign-ins are never counted, so many people behind one
//     address (a NAT, a proxy) can sign in as often as they need.
//
// The client address is the connection's peer, or, behind a proxy that
// serve's --trusted-proxy names, the client that its X-Forwarded-For header
// names (clientAddr). At most signInConcurrent password checks run at once,
// since each argon2id check takes 19 MiB of memory.
const (
	signInFreeFailures = 5
	signInBaseDelay    = time.Second
	signInMaxDelay     = 15 * time.Minute
	// signInMemory is how long failures of an address and name are
	// remembered after the last one.
	signInMemory       = 24 * time.Hour
	signInWindow       = 15 * time.Minute
	signInFailsPerAddr = 30
	signInConcurrent   = 4
	// limiterMaxKeys bounds the memory of the limits under a flood of
	// names or addresses.
	limiterMaxKeys = 50_000
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
	if len(l.events) > limiterMaxKeys {
		for k := range l.events {
			l.recent(k, now)
		}
	}
	l.events[key] = append(l.recent(key, now), now)
}

// backoff makes each key wait longer after each failure beyond the free
// ones, and forgets a key's failures on a success or after signInMemory.
type backoff struct {
	mu   sync.Mutex
	now  func() time.Time
	keys map[string]*backoffState
}

type backoffState struct {
	failures int
	last     time.Time // of the last failure
	until    time.Time // no attempt before
}

func newBackoff(now func() time.Time) *backoff {
	return &backoff{now: now, keys: map[string]*backoffState{}}
}

// backoffDelay is the wait after n failures.
func backoffDelay(n int) time.Duration {
	if n <= signInFreeFailures {
		return 0
	}
	d := signInBaseDelay
	for i := signInFreeFailures + 1; i < n && d < signInMaxDelay; i++ {
		d *= 2
	}
	return min(d, signInMaxDelay)
}

// allow reports whether key may try now, and if not, how long to wait.
func (b *backoff) allow(key string) (bool, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.keys[key]
	now := b.now()
	if !ok || now.Sub(s.last) >= signInMemory {
		return true, 0
	}
	if wait := s.until.Sub(now); wait > 0 {
		return false, wait
	}
	return true, 0
}

// fail records a failure of key.
func (b *backoff) fail(key string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if len(b.keys) > limiterMaxKeys {
		b.prune(now)
	}
	s, ok := b.keys[key]
	if !ok || now.Sub(s.last) >= signInMemory {
		s = &backoffState{}
		b.keys[key] = s
	}
	s.failures++
	s.last = now
	s.until = now.Add(backoffDelay(s.failures))
}

// prune forgets keys that have waited out their delay, keeping memory
// bounded under a flood; the caller holds b.mu.
func (b *backoff) prune(now time.Time) {
	for k, s := range b.keys {
		if now.Sub(s.last) >= signInMemory || (len(b.keys) > limiterMaxKeys && !now.Before(s.until)) {
			delete(b.keys, k)
		}
	}
}

// succeed forgets key's failures.
func (b *backoff) succeed(key string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.keys, key)
}

// clientAddr is the address sign-in limits count by: the connection's peer;
// or, when the peer is one of the trusted proxies, the nearest address in
// X-Forwarded-For that is not a trusted proxy. Entries further left were
// written by the client and could say anything, so they count only when
// every proxy after them is trusted. A malformed entry stops the walk at
// the last address read.
func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !trustedProxy(peer, trusted) {
		return host
	}
	client := peer.Unmap()
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip, ok := parseHop(hops[i])
		if !ok {
			break
		}
		client = ip
		if !trustedProxy(ip, trusted) {
			break
		}
	}
	return client.String()
}

// parseHop reads one X-Forwarded-For entry: an address, perhaps with a
// port.
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if ip, err := netip.ParseAddr(s); err == nil {
		return ip.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

func trustedProxy(ip netip.Addr, trusted []netip.Prefix) bool {
	ip = ip.Unmap()
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// nameKey is the user name as the limits count it. User names are at most
// 64 characters, so a longer one is cut: a flood of long names then takes
// no more memory than short ones.
func nameKey(name string) string {
	k := strings.ToLower(strings.TrimSpace(name))
	return k[:min(len(k), 2*maxUserName)]
}

const maxUserName = 64
