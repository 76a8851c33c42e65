package sqlstore

import (
	"context"
	"errors"

	"github.com/debrief/debrief"
)

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

// onlyAdminsDelete is the error of a delete by someone who is not an admin.
func onlyAdminsDelete() error {
	return debrief.Errorf(debrief.EFORBIDDEN, "only admins may delete a postmortem")
}
