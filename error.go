package debrief

import (
	"errors"
	"fmt"
)

// Application error codes. Adapters map them to exit codes and HTTP statuses
// in one place each; an error without a code is internal.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	// EUNAVAILABLE is a request the archive cannot serve now, through no
	// fault of the request's text: the disk is full or read-only, or a
	// search took too long.
	EUNAVAILABLE = "unavailable"
	EINTERNAL    = "internal"
)

// Error is an error with an application code and a message safe to show to
// the user. Err, when set, is the cause behind it, for logs and for the
// operator: it may name files and servers that users must not see.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("debrief: %s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("debrief: %s: %s", e.Code, e.Message)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is or wraps an *Error, "" for nil,
// and EINTERNAL for any other error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err; internal errors get a
// generic message so that details stay in the logs.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
