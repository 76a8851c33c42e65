// Package web serves debrief over HTTP: the web app's pages, the JSON API
// under /api/v1 with its OpenAPI description, and the health checks
// (/healthz, and /readyz for load balancers).
//
// Server owns the listener and graceful shutdown (server.go). The API's
// routes are in api.go, with bearer tokens or a browser session checked in
// auth.go; the pages are in pages.go and one page_*.go file each, rendered
// from templates/ with the CSS and the little JavaScript of static/
// (templates.go), with cookie sessions kept in the archive (session.go), so
// that replicas share them, that are SameSite=Lax, and the stateless
// http.CrossOriginProtection against requests from other sites
// (server.go). Routes are standard library ServeMux method patterns;
// middleware are plain func(http.Handler) http.Handler. Application errors
// are mapped to HTTP statuses in one place, error.go.
package web
