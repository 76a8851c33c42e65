// Package archive holds what the sqlite and postgres stores do alike and
// that no SQL touches: the canonical file a postmortem is stored as, reading
// it back, and preparing a batch of imports on every core.
package archive

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

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

// TooLong returns the error of a search done with ctx: an EUNAVAILABLE
// error that says it took too long when ctx ran out of time (its deadline
// passed, whoever set it) or the database gave up on it (timedOut), and err
// itself otherwise.
func TooLong(ctx context.Context, err error, timedOut bool) error {
	if err != nil && (timedOut || errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded)) {
		return &debrief.Error{Code: debrief.EUNAVAILABLE,
			Message: "the search took too long: narrow it with more words, a \"quoted phrase\" or filters such as team: or after:"}
	}
	return err
}

// DiskFull is the error of a write that found the disk full, whose cause
// (with paths) is err.
func DiskFull(err error) error {
	return &debrief.Error{Code: debrief.EUNAVAILABLE, Err: err,
		Message: "the data folder is full: nothing was saved; whoever runs debrief must free disk space, then try again"}
}

// WriteFailed is the error of a write that the storage refused for another
// reason of its own, such as an I/O error, whose cause is err.
func WriteFailed(err error) error {
	return &debrief.Error{Code: debrief.EUNAVAILABLE, Err: err,
		Message: "the archive could not write to its storage: nothing was saved; whoever runs debrief finds the cause in its log"}
}

// ReadOnly is the error of a write to an archive that takes none, whose
// cause (with paths) is err.
func ReadOnly(err error) error {
	return &debrief.Error{Code: debrief.EUNAVAILABLE, Err: err,
		Message: "the archive is read-only: nothing was saved; whoever runs debrief must make it writable again, then try again"}
}

// OnlyAdminsDelete is the error of a delete by someone who is not an admin.
func OnlyAdminsDelete() error {
	return debrief.Errorf(debrief.EFORBIDDEN, "only admins may delete a postmortem")
}

// TakenID is the error of a create whose id is in use, by a stored
// postmortem or a deleted one. It says the same whether the viewer may see
// the postmortem that holds the id or not, and never that a postmortem
// exists.
func TakenID(id string) error {
	return debrief.Errorf(debrief.ECONFLICT, "postmortem id %s is not available: choose another id", id)
}

// The ids NextID hands out: the stores keep the last number handed out for
// each year, read the highest number the viewer may see with
// HighestVisibleSQL and the numbers in use above both with
// TakenNumbersSQL. The SQL is the same in both dialects (the placeholders
// and the visibility condition aside).
const (
	// idNumberStart is where the number starts in PM-YYYY-NNN, 1-based.
	idNumberStart = 9
	// maxIDLength leaves out ids whose number would not fit in 64 bits;
	// no counter reaches them.
	maxIDLength = 20
)

// idNumber is the number of the id of postmortems p, in SQL.
var idNumber = fmt.Sprintf("CAST(substr(p.id, %d) AS BIGINT)", idNumberStart)

// TakenNumbersSQL returns the query of the numbers in use above a number,
// by stored and by deleted postmortems, with ph(i) as the i-th
// placeholder: the parameters are the bounds of YearBounds and the number.
func TakenNumbersSQL(ph func(int) string) string {
	var parts []string
	for _, table := range []string{"postmortems", "deleted_postmortems"} {
		parts = append(parts, fmt.Sprintf(`SELECT %s FROM %s p WHERE p.id > %s AND p.id < %s AND length(p.id) <= %d AND %s > %s`,
			idNumber, table, ph(1), ph(2), maxIDLength, idNumber, ph(3)))
	}
	return strings.Join(parts, " UNION ")
}

// HighestVisibleSQL returns the query of the highest number of the year
// among the postmortems p that the condition visible selects, 0 when there
// are none; the first two parameters are the bounds of YearBounds.
func HighestVisibleSQL(ph func(int) string, visible string) string {
	return fmt.Sprintf(`SELECT coalesce(max(%s), 0) FROM postmortems p WHERE p.id > %s AND p.id < %s AND length(p.id) <= %d AND %s`,
		idNumber, ph(1), ph(2), maxIDLength, visible)
}

// YearBounds returns the bounds of the ids of year for TakenNumbersSQL:
// every PM-YYYY-NNN of the year sorts between them.
func YearBounds(year int) (after, before string) {
	p := fmt.Sprintf("PM-%04d-", year)
	return p, p[:len(p)-1] + "."
}

// NextFree returns the first number after last that is not taken.
func NextFree(last int64, taken []int64) int64 {
	in := make(map[int64]bool, len(taken))
	for _, n := range taken {
		in[n] = true
	}
	n := last + 1
	for in[n] {
		n++
	}
	return n
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
// When the storage itself refuses to write (an EUNAVAILABLE error: a full
// disk, a read-only archive), nothing is retried and that error is the
// whole batch's.
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
	case debrief.ErrorCode(err) == debrief.EUNAVAILABLE:
		// A full disk or a read-only archive refuses every postmortem
		// alike: trying them one by one would only report it for each.
		return nil, nil, 0, err
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
