package web

import "testing"

// TestAPIHeaders checks that no answer of the API is stored by a browser or
// a proxy (it holds what the user may see), and that the OpenAPI
// description is never sniffed as another type.
func TestAPIHeaders(t *testing.T) {
	app := newTestApp(t)
	tests := []struct {
		name, user, method, path, ctype, body string
		header                                map[string]string
		want                                  map[string]string
	}{
		{name: "list", user: "vic", method: "GET", path: "/api/v1/postmortems", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "one", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "one as Markdown", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101", header: map[string]string{"Accept": "text/markdown"},
			want: map[string]string{"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}},
		{name: "similar", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-101/similar", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "lint", user: "vic", method: "POST", path: "/api/v1/lint", ctype: "text/markdown", body: "# x\n", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "an error", user: "vic", method: "GET", path: "/api/v1/postmortems/PM-2026-102", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "unauthorized", method: "GET", path: "/api/v1/postmortems", want: map[string]string{"Cache-Control": "no-store"}},
		{name: "openapi", user: "vic", method: "GET", path: "/api/v1/openapi.yaml", want: map[string]string{"X-Content-Type-Options": "nosniff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := app.do(t, tt.user, tt.method, tt.path, tt.ctype, tt.body, tt.header)
			for k, v := range tt.want {
				if got := w.Header().Get(k); got != v {
					t.Errorf("%s: %q, want %q (status %d)", k, got, v, w.Code)
				}
			}
		})
	}
}
