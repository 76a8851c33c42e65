package lease_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief/lease"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/sqlite"
	"github.com/debrief/debrief/storetest"
)

// ttl is short so that the tests take seconds; the margins are a third of
// it, as they are in serve's minute.
const ttl = 600 * time.Millisecond

// archive is one replica's connection to a shared archive.
type archive interface {
	lease.Store
	Close() error
}

// shared returns, for each kind of store, a function that makes a new,
// empty archive for one test and returns what opens another connection to
// it, as another replica would; connections close when the test ends.
var shared = map[string]func(t *testing.T) func() archive{
	"sqlite": func(t *testing.T) func() archive {
		dir := t.TempDir()
		return func() archive {
			db, err := sqlite.Open(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
	},
	"postgres": func(t *testing.T) func() archive {
		url := storetest.PostgresSchema(t)
		return func() archive {
			db, err := postgres.Open(context.Background(), url, postgres.Options{Migrate: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
	},
}

// tracker records which keepers' work runs, and whether two ever ran at
// once.
type tracker struct {
	mu      sync.Mutex
	running map[string]bool
	started map[string]time.Time
	overlap []string
}

func newTracker() *tracker {
	return &tracker{running: map[string]bool{}, started: map[string]time.Time{}}
}

// work is the work of the keeper who: it runs until its context ends.
func (tr *tracker) work(who string) func(ctx context.Context) {
	return func(ctx context.Context) {
		tr.mu.Lock()
		for other, on := range tr.running {
			if on {
				tr.overlap = append(tr.overlap, other+" and "+who)
			}
		}
		tr.running[who] = true
		if _, ok := tr.started[who]; !ok {
			tr.started[who] = time.Now()
		}
		tr.mu.Unlock()
		<-ctx.Done()
		tr.mu.Lock()
		tr.running[who] = false
		tr.mu.Unlock()
	}
}

func (tr *tracker) isRunning(who string) bool {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.running[who]
}

func (tr *tracker) startedAt(who string) (time.Time, bool) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	at, ok := tr.started[who]
	return at, ok
}

func (tr *tracker) checkNoOverlap(t *testing.T) {
	t.Helper()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if len(tr.overlap) > 0 {
		t.Errorf("work ran on two replicas at once: %v", tr.overlap)
	}
}

// waitFor waits up to ten TTLs for cond.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * ttl)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", 10*ttl, what)
		}
		time.Sleep(ttl / 20)
	}
}

// keep starts a keeper on s for the work of who, and returns what stops
// it and waits until it has returned.
func keep(s lease.Store, tr *tracker, who string) (stop func()) {
	k := &lease.Keeper{Store: s, Name: "jobs", Holder: who, TTL: ttl, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		k.Run(ctx, tr.work(who))
	}()
	return func() {
		cancel()
		<-done
	}
}

func TestKeeper(t *testing.T) {
	for name, newArchive := range shared {
		t.Run(name, func(t *testing.T) {
			t.Run("one holder at a time, and a release hands over", func(t *testing.T) {
				open := newArchive(t)
				tr := newTracker()
				stopA := keep(open(), tr, "a")
				defer stopA()
				waitFor(t, "a to run", func() bool { return tr.isRunning("a") })
				stopB := keep(open(), tr, "b")
				defer stopB()
				time.Sleep(3 * ttl)
				if _, ok := tr.startedAt("b"); ok {
					t.Fatal("b ran while a held the lease")
				}
				stopA()
				if tr.isRunning("a") {
					t.Fatal("a's work runs after its keeper returned")
				}
				released := time.Now()
				waitFor(t, "b to take over", func() bool { return tr.isRunning("b") })
				// After a release the next try takes it, long before
				// the lease would have expired.
				if at, _ := tr.startedAt("b"); at.Sub(released) >= ttl {
					t.Errorf("b took %s to take over a released lease, as long as it takes to expire", at.Sub(released))
				}
				tr.checkNoOverlap(t)
			})
			t.Run("an expired lease is taken over, not before", func(t *testing.T) {
				open := newArchive(t)
				tr := newTracker()
				s := open()
				// A holder that died holding the lease.
				took := time.Now()
				if ok, err := s.Lease(context.Background(), "jobs", "dead", took, ttl); !ok || err != nil {
					t.Fatalf("lease = %v, %v", ok, err)
				}
				stopB := keep(open(), tr, "b")
				defer stopB()
				waitFor(t, "b to take over", func() bool { return tr.isRunning("b") })
				if at, _ := tr.startedAt("b"); at.Before(took.Add(ttl)) {
					t.Errorf("b took the lease %s before it expired", took.Add(ttl).Sub(at))
				}
			})
			t.Run("a holder cut off from the archive stops before another takes over", func(t *testing.T) {
				open := newArchive(t)
				tr := newTracker()
				a := open()
				stopA := keep(a, tr, "a")
				defer stopA()
				waitFor(t, "a to run", func() bool { return tr.isRunning("a") })
				stopB := keep(open(), tr, "b")
				defer stopB()
				a.Close() // every renewal of a fails from now on
				waitFor(t, "b to take over", func() bool { return tr.isRunning("b") })
				if tr.isRunning("a") {
					t.Error("a still runs")
				}
				tr.checkNoOverlap(t)
			})
		})
	}
}
