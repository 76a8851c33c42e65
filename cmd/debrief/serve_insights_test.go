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
