package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserInsights opens the dashboards in real headless Chromium as a
// newcomer (a viewer of another team) would: the charts draw, with their
// threshold lines styled and their tables filled; logistics shows in
// reactive mode; the noisiest alert shows with its sleep-hour pages; the
// kinds that came back are listed; the team page and a postmortem of the
// stretch carry the banner "deal with the incidents first".
func TestBrowserInsights(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is slow: run it without -short")
	}
	browser := findBrowser(t)
	app := newInsightsApp(t)
	base := app.http.URL
	shots := newShooter(t)
	bt := &browserTest{t: t, shots: shots}
	_, a := startBrowser(t, browser, base)

	bt.do(a, "sign in as a newcomer",
		chromedp.EmulateViewport(1360, 860),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "ivy"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords["ivy"]),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".results")),
	)
	bt.do(a, "open the dashboards from the menu",
		chromedp.Click(chromedp.CSS(`nav a[href="/insights"]`)),
		chromedp.WaitVisible(chromedp.CSS("#load-heading")),
	)
	shots.shot(a, "insights", "insights", false)
	shots.shot(a, "insights-full", "", true)

	// Every chart draws: a drawing with a size, bars, a caption, a table.
	type chartFacts struct {
		Charts, Drawn, Captioned, Tabled, Bars int
		LimitStroke                            string
	}
	facts := evalJS[chartFacts](bt, a, "measure the charts", `(function(){
		const figs = [...document.querySelectorAll("figure.chart")];
		const limit = document.querySelector("figure.chart svg .limit");
		return {
			Charts: figs.length,
			Drawn: figs.filter(f => { const r = f.querySelector("svg").getBoundingClientRect(); return r.width > 200 && r.height > 100; }).length,
			Captioned: figs.filter(f => f.querySelector("figcaption").textContent.includes("computed")).length,
			Tabled: figs.filter(f => f.querySelectorAll("table tbody tr").length > 0).length,
			Bars: document.querySelectorAll("figure.chart svg rect[fill^='url(']").length,
			LimitStroke: limit ? getComputedStyle(limit).stroke : "",
		};
	})()`)
	if facts.Charts < 4 || facts.Drawn != facts.Charts || facts.Captioned != facts.Charts || facts.Tabled != facts.Charts || facts.Bars < 50 {
		t.Errorf("charts: %+v; want at least 4, every one drawn, captioned and with its table", facts)
	}
	if facts.LimitStroke == "" || facts.LimitStroke == "none" {
		t.Errorf("the threshold lines have no stroke (%q): the page's stylesheet must style them", facts.LimitStroke)
	}

	// Logistics was in reactive mode.
	if s := bt.text(a, "#load .reactive-summary"); !strings.Contains(s, "logistics was in reactive mode 2026-W08 to 2026-W12 (5 weeks): deal with the incidents first") {
		t.Errorf("reactive mode: %q", s)
	}
	// The noisiest alert, with its sleep-hour pages.
	row := evalJS[[]string](bt, a, "read the noisiest alert", `[...document.querySelectorAll("#noisiest-table tbody tr:first-child > *")].map(c => c.textContent.trim())`)
	if len(row) != 5 || !strings.HasPrefix(row[0], "DispatchQueueLagHigh") || row[1] != "logistics" || row[2] == "0" || row[3] == "0" {
		t.Errorf("the noisiest alert: %q", row)
	}
	headers := bt.text(a, "#noisiest-table thead")
	if !strings.Contains(strings.ToLower(headers), "in sleep hours") {
		t.Errorf("the noisiest alerts' headers: %q", headers)
	}
	// The kinds that keep coming back.
	kinds := evalJS[int](bt, a, "count the recurring kinds", `document.querySelectorAll("#kinds-table tbody tr").length`)
	if kinds < 3 || !strings.Contains(strings.ToLower(bt.text(a, "#kinds-table")), "noisy alert") {
		t.Errorf("%d recurring kinds:\n%s", kinds, bt.text(a, "#kinds-table"))
	}
	if strings.Contains(bt.text(a, "main"), "PM-2026-018") {
		t.Error("the dashboards name the restricted postmortem")
	}

	// The team page, from the table.
	bt.do(a, "open logistics' page",
		chromedp.Click(chromedp.CSS(`#load-table a[href="/teams/logistics"]`)),
		chromedp.WaitVisible(chromedp.CSS("#team-open-heading")),
	)
	if s := bt.text(a, ".reactive-summary"); !strings.Contains(s, "deal with the incidents first") {
		t.Errorf("team page banner: %q", s)
	}
	if n := evalJS[int](bt, a, "count the team's charts", `document.querySelectorAll("figure.chart svg").length`); n < 2 {
		t.Errorf("the team page has %d charts", n)
	}
	shots.shot(a, "team", "", true)

	// A postmortem of the stretch.
	bt.do(a, "open a postmortem of the stretch",
		chromedp.Navigate(base+"/postmortems/PM-2026-010"),
		chromedp.WaitVisible(chromedp.CSS("#pm-title")),
	)
	if s := bt.text(a, ".reactive-banner"); !strings.Contains(s, "Deal with the incidents first.") || !strings.Contains(s, "logistics was in reactive mode in 2026-W10") {
		t.Errorf("postmortem banner: %q", s)
	}
	if s := bt.text(a, ".paging-week"); !strings.Contains(s, "pages that week:") || !strings.Contains(s, "in sleep hours") {
		t.Errorf("the postmortem's paging: %q", s)
	}
	shots.shot(a, "postmortem-reactive", "", false)
}
