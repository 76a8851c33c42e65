package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/storetest"
)

// buildDebrief builds this command into a temporary folder: with the race
// detector when the tests have it (which reuses what the tests compiled),
// else without cgo, as releases are built.
func buildDebrief(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "debrief")
	args := []string{"build", "-o", bin}
	env := os.Environ()
	if raceEnabled {
		args = append(args, "-race")
	} else {
		env = append(env, "CGO_ENABLED=0")
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// replicaDrain is how long replicas go on serving after SIGTERM.
const replicaDrain = 2 * time.Second

// replica is a `debrief serve` process.
type replica struct {
	name string
	url  string
	cmd  *exec.Cmd
	log  *syncBuffer
	// exited is closed when the process has exited, with err.
	exited chan struct{}
	err    error
}

// wait waits up to d for r to exit and returns its error; ok is false when
// it did not.
func (r *replica) wait(d time.Duration) (err error, ok bool) {
	select {
	case <-r.exited:
		return r.err, true
	case <-time.After(d):
		return nil, false
	}
}

// startReplica starts `debrief serve` on a free loopback port of the
// archive db, in an empty folder (no .debrief.yaml), and waits until it
// serves.
func startReplica(t *testing.T, bin, db, name string) *replica {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--drain", replicaDrain.String())
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "DEBRIEF_DB="+db)
	r := &replica{name: name, cmd: cmd, log: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = r.log
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serving := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "debrief is serving on "); ok {
				serving <- strings.TrimSuffix(u, "/")
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	go func() {
		r.err = cmd.Wait()
		close(r.exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		if _, ok := r.wait(20 * time.Second); !ok {
			_ = cmd.Process.Kill()
		}
	})
	select {
	case r.url = <-serving:
	case <-r.exited:
		t.Fatalf("replica %s stopped: %v\n%s", name, r.err, r.log.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("replica %s did not serve within 30 s:\n%s", name, r.log.String())
	}
	return r
}

// runDebrief runs a debrief command on the archive db.
func runDebrief(t *testing.T, bin, db, stdin string, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "DEBRIEF_DB="+db)
	cmd.Stdin = strings.NewReader(stdin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("debrief %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

const replicaPostmortem = `---
id: PM-2026-500
title: Checkout timed out while two replicas served it
severity: SEV3
status: draft
teams: [payments]
services: [checkout-web]
started: 2026-05-04T10:00:00Z
trigger: A deploy doubled the checkout's timeouts.
---

# Checkout timed out while two replicas served it

## Summary
Checkout requests timed out for twelve minutes.

## Edits
`

// TestTwoReplicas runs two `debrief serve` processes on one PostgreSQL
// archive: a browser signs in on one and goes on with the same cookie on
// the other; eight writers save one postmortem through both with If-Match
// and no save is lost; one replica is killed in the middle and the other
// goes on.
func TestTwoReplicas(t *testing.T) {
	db := storetest.PostgresSchema(t)
	bin := buildDebrief(t)
	runDebrief(t, bin, db, "", "migrate")
	runDebrief(t, bin, db, "eve-replica-passphrase\n", "user", "add", "eve", "--role", "editor", "--team", "payments", "--password-stdin")
	a := startReplica(t, bin, db, "a")
	b := startReplica(t, bin, db, "b")

	// Sign in on a; the test servers share a host, so the cookie goes to
	// both, as it would through one reverse proxy.
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := browser.PostForm(a.url+"/signin", url.Values{"name": {"eve"}, "password": {"eve-replica-passphrase"}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Set-Cookie"), "debrief_session=") {
		t.Fatalf("sign in on a: %d, cookies %v", res.StatusCode, res.Header.Values("Set-Cookie"))
	}
	for _, r := range []*replica{b, a} {
		if status, _, _ := do(browser, "GET", r.url+"/", nil, nil); status != http.StatusOK {
			t.Fatalf("the archive page on %s with the session of a: %d", r.name, status)
		}
	}
	status, _, body := do(browser, "POST", b.url+"/api/v1/postmortems", map[string]string{"Content-Type": "text/markdown"}, []byte(replicaPostmortem))
	if status != http.StatusCreated {
		t.Fatalf("create on b: %d %s", status, body)
	}

	const writers, saves = 8, 25
	e := &edits{replicas: []*replica{a, b}, client: browser}
	killAt := writers * saves / 3
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range saves {
				e.save(t, fmt.Sprintf("w%d-k%d", w, k), (w+k)%2)
				if e.attempts.Add(1) >= int64(killAt) && e.killing.CompareAndSwap(false, true) {
					// Kill a while a save through it is in flight, if
					// one comes within a second.
					for deadline := time.Now().Add(time.Second); e.putsOnA.Load() == 0 && time.Now().Before(deadline); {
						time.Sleep(100 * time.Microsecond)
					}
					e.inFlightAtKill = e.putsOnA.Load()
					if err := a.cmd.Process.Kill(); err != nil {
						t.Error(err)
					}
				}
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	e.check(t, db)
	if e.failedOnA == 0 {
		t.Error("no request to a failed: it was not killed while serving")
	}
	t.Logf("saves: %d answered 200, %d answered 412, %d cut off by the kill (%d in flight through a when it was killed)",
		len(e.ok), e.conflicts, len(e.unknown), e.inFlightAtKill)

	// b goes on serving the session and saving after a is gone.
	if status, _, _ := do(browser, "GET", b.url+"/postmortems/PM-2026-500", nil, nil); status != http.StatusOK {
		t.Errorf("the postmortem page on b after a was killed: %d", status)
	}
	before := len(e.ok)
	e.save(t, "after-the-kill", 1)
	if len(e.ok) != before+1 {
		t.Errorf("b did not save after a was killed")
	}

	// One replica ran the periodic jobs.
	holders := 0
	for _, r := range []*replica{a, b} {
		if strings.Contains(r.log.String(), "took the lease") {
			holders++
		}
	}
	if holders != 1 {
		t.Errorf("%d replicas took the jobs' lease, want 1:\n--- a\n%s\n--- b\n%s", holders, a.log.String(), b.log.String())
	}

	// SIGTERM stops b cleanly: first it tells the load balancer, and
	// goes on serving meanwhile.
	if status, _, _ := do(browser, "GET", b.url+"/readyz", nil, nil); status != http.StatusOK {
		t.Errorf("readyz on b: %d", status)
	}
	signalled := time.Now()
	if err := b.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for {
		status, _, _ := do(browser, "GET", b.url+"/readyz", nil, nil)
		if status == http.StatusServiceUnavailable {
			break
		}
		if time.Since(signalled) > replicaDrain/2 {
			t.Fatalf("readyz on b answers %d after SIGTERM", status)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if status, _, _ := do(browser, "GET", b.url+"/postmortems/PM-2026-500", nil, nil); status != http.StatusOK {
		t.Errorf("b while it drains: %d", status)
	}
	if err, ok := b.wait(20 * time.Second); !ok {
		t.Errorf("b did not stop within 20 s of SIGTERM")
	} else if err != nil {
		t.Errorf("b after SIGTERM: %v\n%s", err, b.log.String())
	}
}

// edits are the concurrent saves of one postmortem and what they got.
type edits struct {
	replicas []*replica
	client   *http.Client
	attempts atomic.Int64
	// killing is set when a is killed; putsOnA counts the saves in
	// flight through a.
	killing atomic.Bool
	putsOnA atomic.Int64

	mu             sync.Mutex
	ok             map[int]string  // version → marker of each 200
	unknown        map[string]bool // markers of saves cut off by the kill
	conflicts      int
	failedOnA      int
	inFlightAtKill int64
}

var markerPattern = regexp.MustCompile(`Edit (\S+) saved\.`)

// save reads the postmortem through replica i and saves it with one more
// line, marker, with If-Match; a replica that does not answer is left for
// the other, as a reverse proxy does.
func (e *edits) save(t *testing.T, marker string, i int) {
	for try := 0; try < 2; try++ {
		r := e.replicas[(i+try)%2]
		status, h, src := do(e.client, "GET", r.url+"/api/v1/postmortems/PM-2026-500", map[string]string{"Accept": "text/markdown"}, nil)
		if status < 0 {
			e.cutOff(t, r, "")
			continue
		}
		if status != http.StatusOK {
			t.Errorf("read through %s: %d %s", r.name, status, src)
			return
		}
		m := marker + "/" + r.name
		body := append(src, []byte("Edit "+m+" saved.\n")...)
		if r.name == "a" {
			e.putsOnA.Add(1)
		}
		status, h2, got := do(e.client, "PUT", r.url+"/api/v1/postmortems/PM-2026-500",
			map[string]string{"Content-Type": "text/markdown", "If-Match": h.Get("ETag")}, body)
		if r.name == "a" {
			e.putsOnA.Add(-1)
		}
		switch {
		case status < 0:
			e.cutOff(t, r, m)
			continue
		case status == http.StatusOK:
			v, err := strconv.Atoi(strings.Trim(h2.Get("ETag"), `"v`))
			if err != nil {
				t.Errorf("save through %s: ETag %q", r.name, h2.Get("ETag"))
				return
			}
			e.mu.Lock()
			defer e.mu.Unlock()
			if other, dup := e.ok[v]; dup {
				t.Errorf("two saves answered 200 with version %d: %s and %s", v, other, m)
			}
			if e.ok == nil {
				e.ok = map[int]string{}
			}
			e.ok[v] = m
		case status == http.StatusPreconditionFailed:
			e.mu.Lock()
			e.conflicts++
			e.mu.Unlock()
		default:
			t.Errorf("save through %s: %d (a conflict must be 412) %s", r.name, status, got)
		}
		return
	}
}

// cutOff records a request that got no answer: only a, once killed, may
// leave one; a save cut off may or may not have been stored.
func (e *edits) cutOff(t *testing.T, r *replica, marker string) {
	if r.name != "a" || !e.killing.Load() {
		t.Errorf("a request to %s got no answer, and it was not killed", r.name)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.failedOnA++
	if marker != "" {
		if e.unknown == nil {
			e.unknown = map[string]bool{}
		}
		e.unknown[marker] = true
	}
}

// check compares the stored postmortem and its history with what the saves
// were answered: no save answered 200 is lost, nothing else was stored but
// the saves cut off, and the versions run without gaps.
func (e *edits) check(t *testing.T, db string) {
	t.Helper()
	s, err := postgres.Open(context.Background(), db, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	p, err := s.FindByID(ctx, debrief.Operator, "PM-2026-500")
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, m := range markerPattern.FindAllStringSubmatch(p.Body, -1) {
		if stored[m[1]] {
			t.Errorf("edit %s is stored twice", m[1])
		}
		stored[m[1]] = true
	}
	for v, m := range e.ok {
		if !stored[m] {
			t.Errorf("lost update: the save of %s answered 200 with version %d, but the postmortem lacks it", m, v)
		}
	}
	okMarkers := map[string]bool{}
	for _, m := range e.ok {
		okMarkers[m] = true
	}
	for m := range stored {
		if !okMarkers[m] && !e.unknown[m] {
			t.Errorf("edit %s is stored but its save was not answered 200 nor cut off", m)
		}
	}
	if p.Version != 1+len(stored) {
		t.Errorf("version %d after %d stored edits, want %d", p.Version, len(stored), 1+len(stored))
	}
	// The history: the audit log has every save answered 200.
	history := map[int]bool{}
	f := debrief.AuditFilter{Target: "PM-2026-500", Action: debrief.AuditPostmortemEdit, Limit: debrief.MaxLimit}
	edit := regexp.MustCompile(`^version (\d+) → (\d+)$`)
	for {
		events, next, err := s.AuditLog(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range events {
			m := edit.FindStringSubmatch(ev.Detail)
			if m == nil {
				t.Errorf("audit: %q", ev.Detail)
				continue
			}
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			if to != from+1 || history[to] {
				t.Errorf("history: version %d → %d after %v", from, to, history)
			}
			history[to] = true
		}
		if next == 0 {
			break
		}
		f.Before = next
	}
	for v, m := range e.ok {
		if !history[v] {
			t.Errorf("the save of %s answered 200 with version %d, which the history lacks", m, v)
		}
	}
	if len(e.ok) < 20 {
		t.Errorf("only %d saves answered 200", len(e.ok))
	}
}

// do sends a request and returns its status (-1 when there was no
// answer), headers and body.
func do(c *http.Client, method, u string, header map[string]string, body []byte) (int, http.Header, []byte) {
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(string(body))
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		return -1, nil, nil
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		return -1, nil, []byte(err.Error())
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return -1, nil, []byte(err.Error())
	}
	return res.StatusCode, res.Header, b
}
