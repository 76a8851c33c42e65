package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// testLeases checks the lease that lets one replica of several run the
// periodic jobs: one holder at a time, renewal, expiry and takeover,
// release, and holders that ask at the same moment.
func testLeases(t *testing.T, open Opener) {
	s := open(t)
	now := time.Now()
	const ttl = time.Minute
	for _, step := range []struct {
		what   string
		holder string
		at     time.Duration
		want   bool
	}{
		{"the first holder takes a free lease", "a", 0, true},
		{"another holder waits", "b", 10 * time.Second, false},
		{"the holder renews", "a", 50 * time.Second, true},
		{"the renewal counts from its own time", "b", 100 * time.Second, false},
		{"another holder takes over once it expired", "b", 111 * time.Second, true},
		{"the old holder lost it", "a", 112 * time.Second, false},
		{"other leases are independent", "a", 112 * time.Second, true},
	} {
		name := "jobs"
		if step.what == "other leases are independent" {
			name = "other"
		}
		got, err := s.Lease(ctx, name, step.holder, now.Add(step.at), ttl)
		if err != nil || got != step.want {
			t.Errorf("%s: lease %s for %s at +%s = %v, %v; want %v", step.what, name, step.holder, step.at, got, err, step.want)
		}
	}
	// Releasing: only the holder's release frees the lease.
	at := now.Add(120 * time.Second)
	if err := s.ReleaseLease(ctx, "jobs", "a"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Lease(ctx, "jobs", "c", at, ttl); got {
		t.Error("a release by a holder that lost the lease freed it")
	}
	if err := s.ReleaseLease(ctx, "jobs", "b"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Lease(ctx, "jobs", "c", at, ttl); !got || err != nil {
		t.Errorf("after its holder released it, the lease = %v, %v; want taken", got, err)
	}

	// Holders that ask for an expired lease at the same moment: exactly
	// one gets it.
	for round := range 5 {
		name := fmt.Sprintf("race-%d", round)
		if got, err := s.Lease(ctx, name, "old", now, ttl); !got || err != nil {
			t.Fatalf("lease %s = %v, %v", name, got, err)
		}
		later := now.Add(2 * ttl)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var winners []string
		for i := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				holder := fmt.Sprintf("h%d", i)
				got, err := s.Lease(ctx, name, holder, later, ttl)
				if err != nil {
					t.Error(err)
				}
				if got {
					mu.Lock()
					winners = append(winners, holder)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(winners) != 1 {
			t.Errorf("%s: %d holders took the expired lease at once (%v), want 1", name, len(winners), winners)
		}
	}
}
