package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// signInFrom posts the sign-in form from the client address remote (and
// with X-Forwarded-For xff, unless ""), as a browser would, and returns the
// answer.
func (a *pageApp) signInFrom(t *testing.T, remote, xff, name, password string) *httptest.ResponseRecorder {
	t.Helper()
	form := url.Values{"name": {name}, "password": {password}, "next": {"/"}}
	req := httptest.NewRequest("POST", "/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = remote
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	w := httptest.NewRecorder()
	a.srv.ServeHTTP(w, req)
	return w
}

// TestSignInLimitsKeepUsersIn checks that sign-in limits slow down
// guessing without locking real users out.
func TestSignInLimitsKeepUsersIn(t *testing.T) {
	app := newPageApp(t, false)

	t.Run("someone else's wrong passwords do not lock a user out", func(t *testing.T) {
		for i := range 20 {
			if w := app.signInFrom(t, "203.0.113.1:4000", "", "eve", "wrong-password"); w.Code != 401 && w.Code != 429 {
				t.Fatalf("attempt %d: %d", i, w.Code)
			}
		}
		if w := app.signInFrom(t, "198.51.100.2:4000", "", "eve", testPasswords["eve"]); w.Code != http.StatusSeeOther {
			t.Fatalf("eve from her own address after someone else's 20 wrong passwords: %d, want 303", w.Code)
		}
	})
	t.Run("successful sign-ins are not counted", func(t *testing.T) {
		for i := range 40 {
			if w := app.signInFrom(t, "192.0.2.10:4000", "", "vic", testPasswords["vic"]); w.Code != http.StatusSeeOther {
				t.Fatalf("sign-in %d from one address: %d, want 303", i+1, w.Code)
			}
		}
	})
}

// TestSignInLimitsSlowGuessing checks that guessing from one address slows
// down: one name's failures back off exponentially, and an address that
// fails on many names is refused for a while.
func TestSignInLimitsSlowGuessing(t *testing.T) {
	app := newPageApp(t, false)
	retryAfter := func(w *httptest.ResponseRecorder) time.Duration {
		t.Helper()
		s, err := strconv.Atoi(w.Header().Get("Retry-After"))
		if err != nil || s < 1 {
			t.Fatalf("Retry-After %q", w.Header().Get("Retry-After"))
		}
		return time.Duration(s) * time.Second
	}

	t.Run("backoff per address and name", func(t *testing.T) {
		const addr = "192.0.2.20:4000"
		for i := range signInFreeFailures {
			if w := app.signInFrom(t, addr, "", "max", "wrong-password"); w.Code != 401 {
				t.Fatalf("free failure %d: %d", i+1, w.Code)
			}
		}
		var last time.Duration
		for i := range 4 {
			if w := app.signInFrom(t, addr, "", "max", "wrong-password"); w.Code != 401 {
				t.Fatalf("failure %d after waiting: %d", signInFreeFailures+i+1, w.Code)
			}
			// Even the right password waits now.
			w := app.signInFrom(t, addr, "", "max", testPasswords["max"])
			if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "Too many failed sign-ins") {
				t.Fatalf("right password during the backoff: %d", w.Code)
			}
			wait := retryAfter(w)
			if i > 0 && wait < 2*last-time.Second {
				t.Errorf("wait %v after wait %v: it should double", wait, last)
			}
			last = wait
			app.clock.advance(wait)
		}
		if w := app.signInFrom(t, "198.51.100.20:4000", "", "max", testPasswords["max"]); w.Code != http.StatusSeeOther {
			t.Errorf("max from another address during the backoff: %d, want 303", w.Code)
		}
		if w := app.signInFrom(t, addr, "", "max", testPasswords["max"]); w.Code != http.StatusSeeOther {
			t.Fatalf("right password after the wait: %d", w.Code)
		}
		// The success forgot the failures: they are free again.
		for i := range signInFreeFailures {
			if w := app.signInFrom(t, addr, "", "max", "wrong-password"); w.Code != 401 {
				t.Fatalf("free failure %d after a success: %d", i+1, w.Code)
			}
		}
	})
	t.Run("the backoff stops growing", func(t *testing.T) {
		if d := backoffDelay(1000); d != signInMaxDelay {
			t.Errorf("delay after 1000 failures %v, want %v", d, signInMaxDelay)
		}
		if d := backoffDelay(signInFreeFailures); d != 0 {
			t.Errorf("delay after the free failures %v, want 0", d)
		}
	})
	t.Run("failures on many names from one address", func(t *testing.T) {
		const addr = "192.0.2.30:4000"
		for i := range signInFailsPerAddr {
			if w := app.signInFrom(t, addr, "", fmt.Sprintf("user%d", i), "wrong-password"); w.Code != 401 {
				t.Fatalf("failure %d: %d", i+1, w.Code)
			}
		}
		w := app.signInFrom(t, addr, "", "ivy", testPasswords["ivy"])
		if w.Code != http.StatusTooManyRequests {
			t.Fatalf("after %d failures on other names: %d, want 429", signInFailsPerAddr, w.Code)
		}
		app.clock.advance(retryAfter(w))
		if w := app.signInFrom(t, addr, "", "ivy", testPasswords["ivy"]); w.Code != http.StatusSeeOther {
			t.Fatalf("after the window: %d", w.Code)
		}
	})
}

// TestSignInLimitsBehindProxies checks that X-Forwarded-For names the
// client only when a trusted proxy sent it.
func TestSignInLimitsBehindProxies(t *testing.T) {
	exhaust := func(t *testing.T, app *pageApp, remote, xff string) {
		t.Helper()
		for i := range signInFailsPerAddr {
			if w := app.signInFrom(t, remote, xff, fmt.Sprintf("user%d", i), "wrong-password"); w.Code != 401 {
				t.Fatalf("failure %d: %d", i+1, w.Code)
			}
		}
	}
	t.Run("without trusted proxies the header is ignored", func(t *testing.T) {
		app := newPageApp(t, false)
		for i := range signInFailsPerAddr {
			// A client that says it is someone else each time.
			if w := app.signInFrom(t, "203.0.113.50:4000", fmt.Sprintf("198.51.100.%d", i), fmt.Sprintf("user%d", i), "wrong-password"); w.Code != 401 {
				t.Fatalf("failure %d: %d", i+1, w.Code)
			}
		}
		if w := app.signInFrom(t, "203.0.113.50:4000", "198.51.100.200", "ivy", testPasswords["ivy"]); w.Code != http.StatusTooManyRequests {
			t.Fatalf("a new X-Forwarded-For escaped the address's limit: %d", w.Code)
		}
	})
	t.Run("behind a trusted proxy each client counts apart", func(t *testing.T) {
		app := newPageApp(t, false)
		app.srv.cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
		const proxy = "10.1.2.3:5000"
		exhaust(t, app, proxy, "198.51.100.7")
		if w := app.signInFrom(t, proxy, "198.51.100.7", "ivy", testPasswords["ivy"]); w.Code != http.StatusTooManyRequests {
			t.Fatalf("the client over its limit: %d, want 429", w.Code)
		}
		if w := app.signInFrom(t, proxy, "198.51.100.8", "ivy", testPasswords["ivy"]); w.Code != http.StatusSeeOther {
			t.Fatalf("another client behind the same proxy: %d, want 303", w.Code)
		}
		// What the client writes before the proxy's entry does not count.
		if w := app.signInFrom(t, proxy, "198.51.100.8, 198.51.100.7", "ivy", testPasswords["ivy"]); w.Code != http.StatusTooManyRequests {
			t.Fatalf("a client that claims another address: %d, want 429", w.Code)
		}
	})
}

func TestClientAddr(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("2001:db8::/32"), netip.MustParsePrefix("192.0.2.1/32")}
	tests := []struct {
		name, remote string
		xff          []string
		want         string
	}{
		{"no proxy", "203.0.113.9:1234", nil, "203.0.113.9"},
		{"untrusted peer's header is ignored", "203.0.113.9:1234", []string{"198.51.100.1"}, "203.0.113.9"},
		{"trusted proxy", "10.0.0.1:1234", []string{"198.51.100.1"}, "198.51.100.1"},
		{"trusted proxy without a header", "10.0.0.1:1234", nil, "10.0.0.1"},
		{"the nearest untrusted hop", "10.0.0.1:1234", []string{"1.1.1.1, 198.51.100.1, 10.0.0.2"}, "198.51.100.1"},
		{"several header lines", "10.0.0.1:1234", []string{"1.1.1.1", "198.51.100.1"}, "198.51.100.1"},
		{"all hops trusted", "10.0.0.1:1234", []string{"10.0.0.3, 10.0.0.2"}, "10.0.0.3"},
		{"garbage stops the walk", "10.0.0.1:1234", []string{"198.51.100.1, not-an-address, 10.0.0.2"}, "10.0.0.2"},
		{"garbage at the end", "10.0.0.1:1234", []string{"198.51.100.1, <script>"}, "10.0.0.1"},
		{"a hop with a port", "10.0.0.1:1234", []string{"198.51.100.1:5555"}, "198.51.100.1"},
		{"IPv6 proxy and client", "[2001:db8::1]:443", []string{"2001:db9::5"}, "2001:db9::5"},
		{"IPv4-mapped peer", "[::ffff:10.0.0.1]:80", []string{"198.51.100.1"}, "198.51.100.1"},
		{"a single trusted address", "192.0.2.1:80", []string{"198.51.100.1"}, "198.51.100.1"},
		{"next to a trusted address", "192.0.2.2:80", []string{"198.51.100.1"}, "192.0.2.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := clientAddr(r, trusted); got != tt.want {
				t.Errorf("clientAddr = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNameKeyIsBounded(t *testing.T) {
	if k := nameKey(strings.Repeat("Ab", 1<<19)); len(k) > 2*maxUserName {
		t.Errorf("a name of 1 MiB makes a key of %d bytes", len(k))
	}
	if nameKey(" Eve ") != nameKey("eve") {
		t.Error("case and spaces count")
	}
}
