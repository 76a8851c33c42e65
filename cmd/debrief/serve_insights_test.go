package main

import (
	"strings"
	"testing"
)

// checkDemoInsights checks what a newcomer to serve --demo finds on the
// dashboards: logistics in reactive mode, the noisiest alert with its
// sleep-hour pages, the kinds that keep coming back; and /metrics.
func checkDemoInsights(t *testing.T, get func(path string) string) {
	t.Helper()
	page := get("/insights")
	for _, want := range []string{
		"was in reactive mode 2026-W08 to 2026-W12 (5 weeks)",
		`<th scope="row">DispatchQueueLagHigh <span class="meta">(dispatch)</span></th><td>logistics</td><td>308</td><td>93</td>`,
		`id="kinds-table"`, `<a href="/families/noisy-alert">`,
		`<svg xmlns="http://www.w3.org/2000/svg"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the demo's dashboards lack %q", want)
		}
	}
	if page := get("/postmortems/PM-2026-010"); !strings.Contains(page, "pages that week: ") || !strings.Contains(page, "was in reactive mode in 2026-W10") {
		t.Errorf("the demo's PM-2026-010 lacks its paging or the banner")
	}
	if m := get("/metrics"); !strings.Contains(m, "debrief_insights_up 1") || !strings.Contains(m, `debrief_kind_incidents{kind="noisy-alert"}`) {
		t.Errorf("the demo's /metrics:\n%s", m)
	}
}

func TestServePagesToken(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, env, file, want string }{
		{"too short", "short", "", "shorter than 16 characters"},
		{"a missing file", "", dir + "/none", "reading the credential file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DEBRIEF_PAGES_TOKEN", tt.env)
			t.Setenv("DEBRIEF_PAGES_TOKEN_FILE", tt.file)
			r := debriefCmd(t, "", "serve", "--demo", "--addr", "127.0.0.1:0", "--log-level", "error")
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}
