package web

import (
	"slices"
	"strings"
	"testing"
)

func TestParseIfMatch(t *testing.T) {
	tests := []struct {
		header   string
		any      bool
		versions []int
		ok       bool
	}{
		{`"v3"`, false, []int{3}, true},
		{` "v3" `, false, []int{3}, true},
		{`*`, true, nil, true},
		{`"v1", "v3"`, false, []int{1, 3}, true},
		{`"v1","v3"`, false, []int{1, 3}, true},
		{`W/"v3"`, false, nil, true}, // weak: never matches, strong comparison
		{`"abc"`, false, nil, true},  // another server's shape: never matches
		{`"v0"`, false, nil, true},   // no such version
		{`"v03"`, false, nil, true},  // not how this server writes 3
		{`"v3x"`, false, nil, true},  // not a version
		{`"v99999999999999999999"`, false, nil, true},
		{`"a,b", "v2"`, false, []int{2}, true}, // a comma inside a tag
		{`""`, false, nil, true},
		{`v3`, false, nil, false}, // not an entity tag
		{`3`, false, nil, false},
		{`yesterday`, false, nil, false},
		{`"v3`, false, nil, false},
		{`"v3" "v4"`, false, nil, false},
		{`"v3",`, false, []int{3}, true}, // empty list elements are allowed
		{`, "v3"`, false, []int{3}, true},
		{`*, "v3"`, false, nil, false},
		{`W/v3`, false, nil, false},
		{"\"v\x01\"", false, nil, false},
		{``, false, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			got, ok := parseIfMatch(tt.header)
			if ok != tt.ok || got.any != tt.any || !slices.Equal(got.versions, tt.versions) {
				t.Errorf("parseIfMatch(%q) = %+v, %v; want any %v, versions %v, %v", tt.header, got, ok, tt.any, tt.versions, tt.ok)
			}
		})
	}
}

// TestIfMatch checks that PUT evaluates If-Match as RFC 9110 says: an ETag
// of another shape is a precondition that does not hold (412, with the
// current ETag), not a bad request, and * matches whatever version there is.
func TestIfMatch(t *testing.T) {
	app := newTestApp(t)
	edit := func(minutes string) string {
		return strings.Replace(pmOpen, "checkout failed for 50 minutes", "checkout failed for "+minutes+" minutes", 1)
	}
	tests := []struct {
		name, ifMatch, body string
		status              int
		etag                string
	}{
		{"another server's ETag", `"abc"`, edit("51"), 412, `"v1"`},
		{"a weak ETag", `W/"v1"`, edit("51"), 412, `"v1"`},
		{"a version that never was", `"v7"`, edit("51"), 412, `"v1"`},
		{"not an entity tag", `v1`, edit("51"), 400, ""},
		{"a list with the current version", `"v9", "v1"`, edit("52"), 200, `"v2"`},
		{"a list without it", `"v1", "v3"`, edit("53"), 412, `"v2"`},
		{"any version", `*`, edit("54"), 200, `"v3"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := app.do(t, "eve", "PUT", "/api/v1/postmortems/PM-2026-101", "text/markdown", tt.body, map[string]string{"If-Match": tt.ifMatch})
			if w.Code != tt.status || w.Header().Get("ETag") != tt.etag {
				t.Fatalf("status %d, ETag %q; want %d, %q: %s", w.Code, w.Header().Get("ETag"), tt.status, tt.etag, w.Body)
			}
		})
	}
	t.Run("restricted and unseen", func(t *testing.T) {
		for _, im := range []string{`"abc"`, `*`, `"v1", "v2"`} {
			w := app.do(t, "eve", "PUT", "/api/v1/postmortems/PM-2026-102", "text/markdown", pmRestricted, map[string]string{"If-Match": im})
			if w.Code != 404 || w.Header().Get("ETag") != "" {
				t.Errorf("If-Match %s on a postmortem eve may not see: %d, ETag %q; want 404 and none", im, w.Code, w.Header().Get("ETag"))
			}
		}
	})
}
