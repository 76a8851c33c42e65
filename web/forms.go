package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/debrief/debrief"
)

// safeMethod reports whether a request only reads.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// requireForm reads the form of a state-changing page request before its
// handler runs (readForm).
func (p *pages) requireForm(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !safeMethod(r.Method) && !p.readForm(w, r) {
			return
		}
		next(w, r)
	}
}

// readForm parses a posted form, answering 413 with the limit when it is
// larger than the server takes (limitBody) and 400 when it cannot be read;
// it reports whether the form was read. Without it a form over the limit
// would read as empty, and be refused for lacking its security token.
func (p *pages) readForm(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseForm()
	if err == nil {
		return true
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		v := errorView{Base: p.base(r, "Too large"), Code: debrief.EINVALID, Status: http.StatusRequestEntityTooLarge, Heading: "Too large",
			Message: fmt.Sprintf("What you sent is larger than the %s a form may be, so it was not saved.", sizeText(mbe.Limit)),
			Hint:    fmt.Sprintf("A postmortem file may be at most %s. Go back to copy your text, then shorten it.", sizeText(debrief.MaxFileSize))}
		p.render(w, r, http.StatusRequestEntityTooLarge, "error", v)
		return false
	}
	p.errorPage(w, r, debrief.Errorf(debrief.EINVALID, "the form could not be read: %v", err))
	return false
}

// sizeText writes a size in bytes as people say it: "512 KiB", "1 MiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
