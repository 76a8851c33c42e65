package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/sqlite"
)

// syncBuffer is a buffer that the server's goroutine writes while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `debrief serve` with args until the test ends, and
// returns what it prints and a func that stops it as SIGTERM would and
// returns its exit code.
func startServe(t *testing.T, args ...string) (stdout *syncBuffer, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout = &syncBuffer{}
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		cmd := newRootCmd(strings.NewReader(""), stdout, &stderr)
		cmd.SetArgs(append([]string{"serve", "--log-level", "warn"}, args...))
		err := cmd.ExecuteContext(ctx)
		code := 0
		if err != nil {
			code = 2
			if ee, ok := err.(*exitError); ok {
				code = ee.code
			}
			stderr.Write([]byte(err.Error()))
		}
		done <- code
	}()
	var once sync.Once
	code := -1
	stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(20 * time.Second):
				t.Errorf("serve did not stop within 20 s of the signal; stderr:\n%s", stderr.String())
			}
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return stdout, stop
}

var urlPattern = regexp.MustCompile(`http://[0-9.:a-z\[\]]+/`)

// waitURL waits for the server to print its URL.
func waitURL(t *testing.T, out *syncBuffer) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := urlPattern.FindString(out.String()); m != "" {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("serve printed no URL: %q", out.String())
	return ""
}

func TestServeDemo(t *testing.T) {
	out, stop := startServe(t, "--demo", "--addr", "127.0.0.1:0")
	base := waitURL(t, out)
	m := regexp.MustCompile(`sign in as demo with the password ([a-z0-9-]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no password printed: %q", out.String())
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	get := func(path string) string {
		t.Helper()
		res, err := c.Get(base + strings.TrimPrefix(path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		return string(b)
	}
	get("/signin")
	res, err := c.PostForm(base+"signin", url.Values{"name": {"demo"}, "password": {m[1]}})
	if err != nil {
		t.Fatal(err)
	}
	archive, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(archive), "postmortems, newest first") || !strings.Contains(string(archive), "demo") {
		t.Fatalf("after signing in as demo: %d\n%s", res.StatusCode, archive)
	}
	if page := get("/postmortems/PM-2025-003"); !strings.Contains(page, "Similar incidents") {
		t.Errorf("postmortem page lacks similar incidents")
	}
	if page := get("/action-items"); !strings.Contains(page, "value 5/5 × harm") || !strings.Contains(page, "Unscored") {
		t.Errorf("the action items lack their arithmetic")
	}
	if page := get("/outbox"); !strings.Contains(page, "Tomorrow's digests") || !strings.Contains(page, `data-team="platform"`) ||
		!strings.Contains(page, "digest/platform/") {
		t.Errorf("the outbox lacks the digests:\n%s", page)
	}
	checkDemoInsights(t, get)
	if code := stop(); code != 0 {
		t.Errorf("exit code %d after the signal", code)
	}
	if _, err := http.Get(base + "healthz"); err == nil {
		t.Errorf("the server still answers after stopping")
	}
}

func TestServeRefusesNetworkWithoutAdmin(t *testing.T) {
	dir := t.TempDir()
	r := debriefCmd(t, "", "serve", "--data", dir, "--addr", "0.0.0.0:0")
	if r.code != 2 || !strings.Contains(r.stderr, "no admin") || !strings.Contains(r.stderr, "debrief user add") {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}

	// With an admin it starts.
	ctx := context.Background()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword("admin-password")
	if err := db.CreateUser(ctx, &debrief.User{Name: "root", Role: debrief.RoleAdmin}, hash); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, stop := startServe(t, "--db=", "--data", dir, "--addr", "0.0.0.0:0")
	u := waitURL(t, out)
	res, err := http.Get(strings.Replace(u, "localhost", "127.0.0.1", 1) + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("healthz: %d", res.StatusCode)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"demo with a database", []string{"serve", "--demo", "--db", "postgres://x"}, "--demo serves its own temporary archive"},
		{"bad address", []string{"serve", "--data", "DIR", "--addr", "127.0.0.1:99999"}, "listen on 127.0.0.1:99999"},
		{"arguments", []string{"serve", "extra"}, "unknown command"},
		{"bad trusted proxy", []string{"serve", "--demo", "--trusted-proxy", "10.0.0.0/8,proxy.internal"}, `--trusted-proxy "proxy.internal" is not an address or a CIDR range`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, a := range tt.args {
				if a == "DIR" {
					tt.args[i] = t.TempDir()
				}
			}
			r := debriefCmd(t, "", tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("code %d, stderr %q", r.code, r.stderr)
			}
		})
	}
}

func TestServePortTaken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	r := debriefCmd(t, "", "serve", "--data", t.TempDir(), "--addr", l.Addr().String())
	if r.code != 2 || !strings.Contains(r.stderr, "address already in use") || !strings.Contains(r.stderr, "choose another address with --addr") {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:8080": false, "10.0.0.5:8080": false, "example.com:80": false, "nonsense": false,
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestDemoPassword(t *testing.T) {
	p := demoPassword()
	if !regexp.MustCompile(`^[a-z2-9]{4}(-[a-z2-9]{4}){3}$`).MatchString(p) || p == demoPassword() {
		t.Errorf("demo password %q", p)
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := parseTrustedProxies([]string{"10.0.0.0/8", " 192.0.2.7 ", "2001:db8::/32", "::ffff:198.51.100.1", "10.1.2.3/16"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32", "198.51.100.1/32", "10.1.0.0/16"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("%d: %v, want %s", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"", "proxy", "10.0.0.0/33", "fe80::1%eth0", "10.0.0.1:80"} {
		if _, err := parseTrustedProxies([]string{bad}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestServeTrustedProxy checks that serve hands --trusted-proxy to the web
// app: behind it, one client's failed sign-ins do not hold up another's.
func TestServeTrustedProxy(t *testing.T) {
	out, _ := startServe(t, "--demo", "--addr", "127.0.0.1:0", "--trusted-proxy", "127.0.0.0/8")
	base := waitURL(t, out)
	m := regexp.MustCompile(`sign in as demo with the password ([a-z0-9-]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no password printed: %q", out.String())
	}
	signIn := func(client, name, password string) int {
		t.Helper()
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := c.Get(base + "signin")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		req, _ := http.NewRequest("POST", base+"signin", strings.NewReader(url.Values{"name": {name}, "password": {password}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", client)
		res, err = c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for i := 0; ; i++ {
		if i > 100 {
			t.Fatal("one client's failures are never limited")
		}
		if code := signIn("198.51.100.7", "user"+strconv.Itoa(i), "wrong-password"); code == http.StatusTooManyRequests {
			break
		}
	}
	if code := signIn("198.51.100.8", "demo", m[1]); code != http.StatusSeeOther {
		t.Fatalf("another client behind the proxy: %d, want 303", code)
	}
}

// TestBuildFingerprint: a binary without version control information, as a
// test binary is, still has a fingerprint, so that a new linter counts the
// archive's findings again.
func TestBuildFingerprint(t *testing.T) {
	fp := buildFingerprint()
	if len(fp) != 64 {
		t.Fatalf("build fingerprint %q, want the executable's SHA-256 in hex", fp)
	}
	if a, b := lintFingerprint(config.Lint{}), lintFingerprint(config.Lint{Roles: []string{"deployer"}}); a == b {
		t.Errorf("two configurations have the same fingerprint %s", a)
	}
}
