// Package archive holds what the sqlite and postgres stores do alike and
// that no SQL touches: the canonical file a postmortem is stored as, reading
// it back, and preparing a batch of imports on every core.
package archive

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// NotFound is the error of a postmortem that does not exist, or that the
// viewer may not see: the two are indistinguishable on purpose.
func NotFound(id string) error {
	return debrief.Errorf(debrief.ENOTFOUND, "postmortem %s not found", id)
}

// ParseStored reads a stored canonical file back into a postmortem.
func ParseStored(id, file string, version int) (*debrief.Postmortem, error) {
	doc, probs := markdown.Parse([]byte(file))
	if len(probs) > 0 {
		return nil, fmt.Errorf("stored postmortem %s does not parse: %v", id, probs[0])
	}
	doc.Postmortem.Version = version
	return doc.Postmortem, nil
}

// Canonical returns p's canonical file and the postmortem read back from
// it, which is what gets indexed, or an EINVALID error when p cannot be
// stored.
func Canonical(p *debrief.Postmortem) ([]byte, *debrief.Postmortem, error) {
	file := markdown.Write(p)
	if err := p.Storable(file); err != nil {
		return nil, nil, err
	}
	// The file must read back without problems; that writing what it
	// reads back gives the same bytes again is the markdown package's
	// promise, which its FuzzParse checks.
	doc, probs := markdown.Parse(file)
	if len(probs) > 0 {
		return nil, nil, debrief.Errorf(debrief.EINVALID, "postmortem %s cannot be stored: its canonical file does not read back: %s", p.ID, probs[0].Message)
	}
	return file, doc.Postmortem, nil
}

// batchError is the failure of the I-th postmortem of a batch.
type batchError struct {
	I   int
	Err error
}

func (e batchError) Error() string { return e.Err.Error() }
func (e batchError) Unwrap() error { return e.Err }

// CanonicalAhead makes the canonical forms of ps on every core, in the
// background, so that a batch's writes start with the first one ready
// instead of waiting for all: the canonical form costs about a third of a
// postmortem's import. ready(i) waits until the forms of ps[0] to ps[i]
// are made.
func CanonicalAhead(ps []*debrief.Postmortem) (files [][]byte, canon []*debrief.Postmortem, errs []error, ready func(i int)) {
	files = make([][]byte, len(ps))
	canon = make([]*debrief.Postmortem, len(ps))
	errs = make([]error, len(ps))
	done := make([]chan struct{}, len(ps))
	for i := range done {
		done[i] = make(chan struct{})
	}
	workers := min(len(ps), runtime.GOMAXPROCS(0))
	for w := range workers {
		go func() {
			for i := w; i < len(ps); i += workers {
				files[i], canon[i], errs[i] = Canonical(ps[i])
				close(done[i])
			}
		}()
	}
	waited := 0
	return files, canon, errs, func(i int) {
		for ; waited <= i; waited++ {
			<-done[waited]
		}
	}
}

// ImportOne creates or replaces one postmortem, whose canonical file is
// file, inside a store's transaction, and returns what it did and the
// stored version.
type ImportOne func(p *debrief.Postmortem, file []byte) (debrief.ImportResult, int, error)

// ImportBatch imports ps the way both stores do: inTx runs its argument in
// one write transaction, handing it the store's ImportOne for that
// transaction; when one postmortem fails, the transaction is undone and
// every postmortem is imported again alone with single, so that the failing
// one is left out whole and the others land. A savepoint per postmortem
// would avoid the second pass, but costs more in both databases (FTS5
// flushes its index at each one; PostgreSQL's cache of subtransactions
// overflows). It returns how many postmortems the batch transaction stored.
func ImportBatch(ps []*debrief.Postmortem, inTx func(run func(ImportOne) error) error, single func(*debrief.Postmortem) (debrief.ImportResult, error)) (results []debrief.ImportResult, errs []error, stored int, err error) {
	results = make([]debrief.ImportResult, len(ps))
	files, canon, errs, ready := CanonicalAhead(ps)
	versions := make([]int, len(ps))
	err = inTx(func(importOne ImportOne) error {
		for i := range ps {
			if ready(i); errs[i] != nil {
				continue
			}
			var err error
			if results[i], versions[i], err = importOne(canon[i], files[i]); err != nil {
				return batchError{I: i, Err: err}
			}
		}
		return nil
	})
	ready(len(ps) - 1)
	var be batchError
	switch {
	case errors.As(err, &be) && len(ps) > 1:
		for i, p := range ps {
			if errs[i] == nil {
				results[i], errs[i] = single(p)
			}
		}
		return results, errs, 0, nil
	case errors.As(err, &be):
		errs[be.I] = fmt.Errorf("import %s: %w", ps[be.I].ID, be.Err)
	case err != nil:
		return nil, nil, 0, fmt.Errorf("import: %w", err)
	}
	for i, p := range ps {
		if errs[i] == nil {
			p.Version = versions[i]
			stored++
		}
	}
	return results, errs, stored, nil
}
