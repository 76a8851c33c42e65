// Package lease runs work on one replica of several at a time.
//
// The replicas share a lease in the archive: a row with its name, its
// holder and its expiry (debrief.FollowThroughArchive.Lease). A Keeper
// takes the lease when it is free or expired, renews it three times per
// TTL while it runs its work, and stops the work as soon as it can no
// longer be sure that it holds the lease: when another holder has it, or
// when the archive has not answered until the lease is about to expire.
// When its context ends, it stops the work and releases the lease, so that
// another replica takes over at its next try rather than when the lease
// expires. A replica that dies without releasing it is taken over once the
// lease expires.
//
// Holders compare their own clocks with the expiry, so replicas' clocks
// must agree to well within the TTL (any clock kept by NTP does).
package lease

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// Store keeps leases: debrief's archives do.
type Store interface {
	// Lease gives the lease name to holder until now+ttl when it is free,
	// expired or already holder's, and reports whether holder has it.
	Lease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (bool, error)
	// ReleaseLease frees the lease name when holder has it.
	ReleaseLease(ctx context.Context, name, holder string) error
}

// Keeper holds one lease for one process and runs work while it does.
type Keeper struct {
	Store Store
	// Name is the lease's name, Holder this process's (NewHolder).
	Name, Holder string
	// TTL is how long the lease lasts without a renewal; the keeper
	// tries for it every TTL/3.
	TTL    time.Duration
	Now    func() time.Time
	Logger *slog.Logger
}

// NewHolder returns a name for this process as a holder: its host and
// process id, which an operator can find, and a random part, which no
// other process has.
func NewHolder() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}

func (k *Keeper) now() time.Time {
	if k.Now != nil {
		return k.Now()
	}
	return time.Now()
}

func (k *Keeper) log() *slog.Logger {
	if k.Logger != nil {
		return k.Logger
	}
	return slog.Default()
}

// Run tries for the lease until ctx is done. While the keeper holds it,
// work runs with a context that ends when the lease is lost or ctx is
// done; Run waits for work to return before it goes on, so that work never
// runs twice at once. Work that returns while the lease is held starts
// again at the next renewal.
func (k *Keeper) Run(ctx context.Context, work func(ctx context.Context)) {
	every := k.TTL / 3
	t := time.NewTicker(every)
	defer t.Stop()
	var (
		w     *running
		held  bool
		until time.Time
	)
	defer func() {
		w.stop()
		if held {
			k.release(ctx, every)
		}
	}()
	for {
		now := k.now()
		ok, err := k.Store.Lease(ctx, k.Name, k.Holder, now, k.TTL)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			k.log().Warn("renew the lease", "lease", k.Name, "err", err)
			// Stop before the next try would come too late.
			if held && !k.now().Add(every).Before(until) {
				k.log().Warn("lost the lease: the archive did not answer", "lease", k.Name, "holder", k.Holder)
				w.stop()
				w, held = nil, false
			}
		case !ok:
			if held {
				k.log().Warn("lost the lease to another replica", "lease", k.Name, "holder", k.Holder)
				w.stop()
				w = nil
			}
			held = false
		default:
			if !held {
				k.log().Info("took the lease: this replica runs the periodic jobs", "lease", k.Name, "holder", k.Holder)
			}
			held, until = true, now.Add(k.TTL)
			if w.finished() {
				w = start(ctx, work)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// release frees the lease on the way out, within the time of one try.
func (k *Keeper) release(ctx context.Context, within time.Duration) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), within)
	defer cancel()
	if err := k.Store.ReleaseLease(ctx, k.Name, k.Holder); err != nil {
		k.log().Warn("release the lease", "lease", k.Name, "err", err)
		return
	}
	k.log().Info("released the lease", "lease", k.Name, "holder", k.Holder)
}

// running is work in progress.
type running struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func start(ctx context.Context, work func(ctx context.Context)) *running {
	ctx, cancel := context.WithCancel(ctx)
	w := &running{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		work(ctx)
	}()
	return w
}

// stop ends the work and waits for it; nil is no work.
func (w *running) stop() {
	if w == nil {
		return
	}
	w.cancel()
	<-w.done
}

// finished reports whether there is no work running.
func (w *running) finished() bool {
	if w == nil {
		return true
	}
	select {
	case <-w.done:
		w.cancel()
		return true
	default:
		return false
	}
}
