package web

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/debrief/debrief"
)

// statuses maps application error codes to HTTP statuses.
var statuses = map[string]int{
	debrief.EINVALID:      http.StatusBadRequest,
	debrief.ENOTFOUND:     http.StatusNotFound,
	debrief.ECONFLICT:     http.StatusConflict,
	debrief.EUNAUTHORIZED: http.StatusUnauthorized,
	debrief.EFORBIDDEN:    http.StatusForbidden,
	debrief.EUNAVAILABLE:  http.StatusServiceUnavailable,
	debrief.EINTERNAL:     http.StatusInternalServerError,
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
	// Version is the current version of a postmortem, on a conflict.
	Version int `json:"version,omitempty"`
}

// writeError answers with the status of err's code. Internal errors are
// logged in full and shown as a short message.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := debrief.ErrorCode(err)
	status := statuses[code]
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// The client went away; nobody reads the answer.
		slog.DebugContext(r.Context(), "request canceled", "method", r.Method, "path", r.URL.Path)
		return
	}
	switch code {
	case debrief.EINTERNAL:
		slog.ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	case debrief.EUNAVAILABLE:
		slog.WarnContext(r.Context(), "unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	writeErrorStatus(w, status, code, debrief.ErrorMessage(err), 0)
}

func writeErrorStatus(w http.ResponseWriter, status int, code, msg string, version int) {
	writeJSON(w, status, errorBody{Error: code, Message: msg, Version: version})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
