package main

import (
	"context"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lease"
)

// Serve's periodic jobs (the reminders, the trackers' poll) run on one
// replica at a time: the one that holds the lease jobsLease in the
// archive. It renews the lease every jobsTTL/3; a replica that stops
// releases it and another takes the jobs over within jobsTTL/3, and one
// that dies without releasing it is taken over within jobsTTL and a third.
// With SQLite, one process is the only replica, and it takes the lease the
// same way.
const (
	jobsLease = "serve-jobs"
	jobsTTL   = time.Minute
)

// periodicJob is a loop that serve runs in the background until its
// context ends.
type periodicJob struct {
	name string
	run  func(ctx context.Context)
}

// runJobs runs jobs while this replica holds the jobs' lease, as holder,
// until ctx ends, and returns what waits for them to stop and for the
// lease to be released.
func runJobs(ctx context.Context, g *globals, store debrief.Store, holder string, jobs []periodicJob) (wait func()) {
	if len(jobs) == 0 {
		return func() {}
	}
	k := &lease.Keeper{Store: store, Name: jobsLease, Holder: holder, TTL: jobsTTL, Logger: g.log}
	done := make(chan struct{})
	go func() {
		defer close(done)
		k.Run(ctx, func(ctx context.Context) {
			var wg sync.WaitGroup
			for _, j := range jobs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					j.run(ctx)
				}()
			}
			wg.Wait()
		})
	}()
	return func() { <-done }
}
