package web

import (
	"testing"

	"github.com/debrief/debrief"
)

func TestSnippetWithoutMarkdown(t *testing.T) {
	m := func(s string) string { return debrief.MatchStart + s + debrief.MatchEnd }
	tests := []struct{ name, in, want string }{
		{"code", "… `" + m("api") + ".larkspur.com` and `www` expired", "… <mark>api</mark>.larkspur.com and www expired"},
		{"emphasis", "**Impact**: the " + m("checkout") + " _failed_", "Impact: the <mark>checkout</mark> failed"},
		{"link", "see [the " + m("runbook") + "](https://wiki.example/rb) now", "see the <mark>runbook</mark> now"},
		{"heading and bullets", "## Timeline\n- 02:14 — " + m("alert") + " fires\n* next", "Timeline 02:14 — <mark>alert</mark> fires next"},
		{"snake case stays", "effort_days and " + m("value"), "effort_days and <mark>value</mark>"},
		{"html escaped", "<b>&", "&lt;b&gt;&amp;"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := snippetHTML(debrief.ParseSnippet(tc.in)); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
