package web

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/debrief/debrief/sqlite"
)

// TestReadyz checks the readiness check a load balancer uses: ready while
// the archive answers, not when it does not.
func TestReadyz(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := New(Config{Postmortems: db, Users: db, Ping: db.Ping, Log: discardLogger()})
	get := func(path string) int {
		t.Helper()
		req, _ := http.NewRequest("GET", path, nil)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		return w.Code
	}
	if code := get("/readyz"); code != http.StatusOK {
		t.Errorf("readyz with the archive open: %d", code)
	}
	db.Close()
	if code := get("/readyz"); code != http.StatusServiceUnavailable {
		t.Errorf("readyz with the archive closed: %d", code)
	}
	if code := get("/healthz"); code != http.StatusOK {
		t.Errorf("healthz with the archive closed: %d", code)
	}
}

// TestServeDrains checks what Serve does when its context ends: for
// Config.Drain it goes on serving with /readyz answering 503, then it stops
// taking connections.
func TestServeDrains(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	const drain = 2 * time.Second
	srv := New(Config{Postmortems: db, Users: db, Ping: db.Ping, Log: discardLogger(), Drain: drain})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, l) }()
	status := func(path string) int {
		res, err := http.Get(base + path)
		if err != nil {
			return -1
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := status("/readyz"); code != http.StatusOK {
		t.Fatalf("readyz while serving: %d", code)
	}
	stopped := time.Now()
	stop()
	for status("/readyz") != http.StatusServiceUnavailable {
		if time.Since(stopped) > drain/2 {
			t.Fatal("readyz did not answer 503 once the server began to stop")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code := status("/healthz"); code != http.StatusOK {
		t.Errorf("healthz while draining: %d", code)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if took := time.Since(stopped); took < drain {
		t.Errorf("Serve returned %s after its context ended, before the drain of %s", took, drain)
	}
	if code := status("/healthz"); code != -1 {
		t.Errorf("the server answers after Serve returned: %d", code)
	}
}
