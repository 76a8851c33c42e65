package sqlstore

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/debrief/debrief"
	"golang.org/x/sync/errgroup"
)

// batchError is the failure of the I-th postmortem of a batch.
type batchError struct {
	I   int
	Err error
}

func (e batchError) Error() string { return e.Err.Error() }
func (e batchError) Unwrap() error { return e.Err }

// prepareAhead makes the canonical forms of ps, and derives what a write
// stores of each (prepareWrite), on every core, in the background, so that a
// batch's writes start with the first one ready instead of waiting for
// all, and its write transaction does little more than write: the
// canonical form and the features were two thirds of a postmortem's
// import. ready(i) waits until ps[0] to ps[i] are prepared.
func (db *DB) prepareAhead(ps []*debrief.Postmortem) (ws []*prepared, errs []error, ready func(i int)) {
	ws = make([]*prepared, len(ps))
	errs = make([]error, len(ps))
	done := make([]chan struct{}, len(ps))
	for i := range done {
		done[i] = make(chan struct{})
	}
	go func() {
		var g errgroup.Group
		g.SetLimit(runtime.GOMAXPROCS(0))
		for i := range ps {
			g.Go(func() error {
				defer close(done[i])
				file, c, err := canonical(ps[i])
				if errs[i] = err; err == nil {
					ws[i] = db.prepareWrite(c, file)
				}
				return nil
			})
		}
		_ = g.Wait()
	}()
	waited := 0
	return ws, errs, func(i int) {
		for ; waited <= i; waited++ {
			<-done[waited]
		}
	}
}

// aheadBatch is a batch whose preparation PrepareImport started.
type aheadBatch struct {
	ps    []*debrief.Postmortem
	ws    []*prepared
	errs  []error
	ready func(i int)
}

// maxAhead is how many batches PrepareImport holds: the one being handed
// to ImportBatch and the next.
const maxAhead = 2

// PrepareImport starts preparing ps (prepareAhead) for the ImportBatch call
// that will follow with the same slice, while an earlier batch is still
// being written. It holds maxAhead batches; an older one is dropped, and
// its ImportBatch prepares it again.
func (db *DB) PrepareImport(ps []*debrief.Postmortem) {
	if len(ps) == 0 {
		return
	}
	ws, errs, ready := db.prepareAhead(ps)
	db.aheadMu.Lock()
	defer db.aheadMu.Unlock()
	if len(db.ahead) == maxAhead {
		db.ahead = db.ahead[1:]
	}
	db.ahead = append(db.ahead, &aheadBatch{ps, ws, errs, ready})
}

// takeAhead returns what PrepareImport started for ps, or starts it now.
func (db *DB) takeAhead(ps []*debrief.Postmortem) ([]*prepared, []error, func(int)) {
	db.aheadMu.Lock()
	var a *aheadBatch
	for k, b := range db.ahead {
		if len(b.ps) == len(ps) && len(ps) > 0 && &b.ps[0] == &ps[0] {
			a = b
			db.ahead = append(db.ahead[:k:k], db.ahead[k+1:]...)
			break
		}
	}
	db.aheadMu.Unlock()
	if a != nil {
		return a.ws, a.errs, a.ready
	}
	return db.prepareAhead(ps)
}

// ImportBatch imports postmortems in one write transaction. When one
// fails, the transaction is undone and every postmortem is imported again
// alone, so that the failing one is left out whole and the others land. A
// savepoint per postmortem would avoid the second pass, but costs more in
// both databases (FTS5 flushes its index at each one; PostgreSQL's cache of
// subtransactions overflows). When the storage itself refuses to write (an
// EUNAVAILABLE error: a full disk, a read-only archive), nothing is retried
// and that error is the whole batch's.
func (db *DB) ImportBatch(ctx context.Context, ps []*debrief.Postmortem) ([]debrief.ImportResult, []error, error) {
	results := make([]debrief.ImportResult, len(ps))
	ws, errs, ready := db.takeAhead(ps)
	versions := make([]int, len(ps))
	err := db.WriteTx(ctx, func(tx *Tx) error {
		for i := range ps {
			if ready(i); errs[i] != nil {
				continue
			}
			var err error
			if results[i], versions[i], err = db.importOne(ctx, tx, ws[i]); err != nil {
				return batchError{I: i, Err: err}
			}
		}
		return nil
	})
	ready(len(ps) - 1)
	var be batchError
	switch {
	case debrief.ErrorCode(err) == debrief.EUNAVAILABLE:
		// A full disk or a read-only archive refuses every postmortem
		// alike: trying them one by one would only report it for each.
		return nil, nil, err
	case errors.As(err, &be) && len(ps) > 1:
		for i, p := range ps {
			if errs[i] == nil {
				results[i], errs[i] = db.Import(ctx, p)
			}
		}
		return results, errs, nil
	case errors.As(err, &be):
		errs[be.I] = fmt.Errorf("import %s: %w", ps[be.I].ID, be.Err)
	case err != nil:
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	stored := 0
	for i, p := range ps {
		if errs[i] == nil {
			p.Version = versions[i]
			stored++
		}
	}
	db.d.Imported(stored)
	return results, errs, nil
}
