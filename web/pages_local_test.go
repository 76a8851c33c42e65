package web

import "testing"

// TestLocalPath checks that sign-in only ever redirects to a path on this
// site, whatever a browser would make of the text.
func TestLocalPath(t *testing.T) {
	tests := []struct {
		name, next, want string
	}{
		{"a page", "/postmortems/PM-2026-101", "/postmortems/PM-2026-101"},
		{"with a query", "/?q=certificate+expired&team=payments", "/?q=certificate+expired&team=payments"},
		{"with a fragment", "/postmortems/PM-2026-101#similar-heading", "/postmortems/PM-2026-101#similar-heading"},
		{"escaped characters stay escaped", "/?q=%2F%2Fevil.example", "/?q=%2F%2Fevil.example"},
		{"the root", "/", "/"},
		{"empty", "", "/"},
		{"relative", "postmortems", "/"},
		{"another scheme", "https://evil.example/", "/"},
		{"javascript", "javascript:alert(1)", "/"},
		{"scheme-relative", "//evil.example/", "/"},
		{"backslash", "/\\evil.example/", "/"},
		{"backslashes", "\\\\evil.example/", "/"},
		{"backslash later", "/x/..\\..\\evil", "/"},
		{"tab, which browsers drop", "/\t/evil.example/", "/"},
		{"newline", "/\n/evil.example/", "/"},
		{"carriage return", "/\r/evil.example/", "/"},
		{"vertical tab", "/\x0b/evil.example/", "/"},
		{"NUL", "/\x00/evil.example/", "/"},
		{"DEL", "/\x7f/evil.example/", "/"},
		{"C1 control", "/\u0085/evil.example/", "/"},
		{"space before slashes", "/ /evil.example/", "/"},
		{"leading space", " //evil.example/", "/"},
		{"user info", "/@evil.example", "/@evil.example"},
		{"line separator", "/\u2028/evil.example/", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := localPath(tt.next); got != tt.want {
				t.Errorf("localPath(%q) = %q, want %q", tt.next, got, tt.want)
			}
		})
	}
}
