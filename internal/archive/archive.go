// Package archive holds what the sqlite and postgres stores do alike and
// that no SQL touches: the canonical file a postmortem is stored as, reading
// it back, and preparing a batch of imports on every core.
package archive

import (
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

// BatchError is the failure of the I-th postmortem of a batch.
type BatchError struct {
	I   int
	Err error
}

func (e BatchError) Error() string { return e.Err.Error() }
func (e BatchError) Unwrap() error { return e.Err }

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
