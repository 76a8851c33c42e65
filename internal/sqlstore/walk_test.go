package sqlstore

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestPrepareAll checks that the work done on every core for a batch lands
// beside the postmortem it was done for, once each.
func TestPrepareAll(t *testing.T) {
	ss := make([]*stored, 1000)
	for i := range ss {
		ss[i] = &stored{pk: int64(i)}
	}
	var calls atomic.Int64
	out := prepareAll(ss, func(s *stored) any {
		calls.Add(1)
		runtime.Gosched()
		return s.pk * 3
	})
	if calls.Load() != int64(len(ss)) {
		t.Fatalf("prepare ran %d times for %d postmortems", calls.Load(), len(ss))
	}
	for i, v := range out {
		if v.(int64) != int64(i)*3 {
			t.Fatalf("result %d is %v, want %d", i, v, i*3)
		}
	}
	for i, v := range prepareAll(ss[:3], nil) {
		if v != nil {
			t.Fatalf("without prepare, result %d is %v", i, v)
		}
	}
	if got := prepareAll(nil, func(*stored) any { return 1 }); len(got) != 0 {
		t.Fatalf("an empty batch gave %d results", len(got))
	}
}
