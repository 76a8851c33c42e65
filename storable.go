package debrief

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest postmortem file the archive takes: ample for
// any real postmortem, small enough to keep every index within its limits.
const MaxFileSize = 512 << 10

// Storable checks what the stores need of a postmortem before they write it
// as file, its canonical form: the rules of Validate, with any
// contributing-factor category accepted (the taxonomy lives in the files'
// .debrief.yaml, which callers check), a file of at most MaxFileSize
// bytes of UTF-8 text, and a body within the structural limits of
// CheckBody.
func (p *Postmortem) Storable(file []byte) error {
	var cats []string
	for _, f := range p.ContributingFactors {
		cats = append(cats, f.Category)
	}
	errs := p.Validate(DefaultTaxonomy().With(cats...).AnyKind())
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return Errorf(EINVALID, "postmortem %s is not valid: %s", p.ID, strings.Join(msgs, "; "))
	}
	if len(file) > MaxFileSize {
		return Errorf(EINVALID, "postmortem %s is %d KiB; the archive takes files of at most %d KiB", p.ID, len(file)>>10, MaxFileSize>>10)
	}
	if !utf8.Valid(file) || bytes.IndexByte(file, 0) >= 0 {
		return Errorf(EINVALID, "postmortem %s is not plain UTF-8 text: save the file as UTF-8 without NUL bytes", p.ID)
	}
	if probs := CheckBody(p.Body); len(probs) > 0 {
		return Errorf(EINVALID, "postmortem %s: line %d of the body: %s", p.ID, probs[0].Line, probs[0].Message)
	}
	return nil
}
