// Package web serves debrief over HTTP: the JSON API under /api/v1, its
// OpenAPI description, and the health check.
//
// Server owns the listener and graceful shutdown; routes are standard
// library ServeMux method patterns; middleware are plain
// func(http.Handler) http.Handler. Application errors are mapped to HTTP
// statuses in one place, error.go.
package web
