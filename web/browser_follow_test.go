package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFollowThrough is the follow-through as a newcomer meets it in
// the demo, in real headless Chromium: the ranked action items with the
// reasons for their ranks, an item marked done from the list, its
// history, a risk reviewed in one step, and tomorrow's digests in the
// outbox.
func TestBrowserFollowThrough(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is slow: run it without -short")
	}
	browser := findBrowser(t)
	app := newPageApp(t, true)
	base := app.http.URL
	shots := newShooter(t)
	bt := &browserTest{t: t, shots: shots}
	_, a := startBrowser(t, browser, base)

	bt.do(a, "sign in as the admin",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), "ada"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords["ada"]),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".results")),
	)

	// The ranked list, with the arithmetic and the reasons.
	bt.do(a, "open the action items",
		chromedp.Click(chromedp.CSS(`nav a[href="/action-items"]`)),
		chromedp.WaitVisible(chromedp.CSS(".actions.ranked > li")),
	)
	first := bt.text(a, ".actions.ranked > li:first-child")
	if !regexp.MustCompile(`value [1-5]/5 × harm \d+\.\d .* = \d+\.\d`).MatchString(first) {
		t.Errorf("the first item shows no arithmetic:\n%s", first)
	}
	reasons := evalJS[int](bt, a, "count the reasons", `document.querySelectorAll(".actions.ranked .reason.recurred, .actions.ranked .reason.shared").length`)
	if reasons == 0 {
		t.Errorf("no ranked item says why it ranks high (a family that came back, or an item shared by several postmortems)")
	}
	if n := evalJS[int](bt, a, "count the unscored", `document.querySelectorAll(".actions.unscored > li").length`); n == 0 {
		t.Errorf("no unscored list")
	}
	shots.shot(a, "action-items", "action-items", false)

	// Mark the first item done from the list.
	id := evalJS[string](bt, a, "read the first item's id", `document.querySelector(".actions.ranked > li").dataset.item`)
	row := `.actions.ranked > li[data-item="` + id + `"]`
	bt.do(a, "open its quick edit",
		chromedp.Click(chromedp.CSS(row+" details.quick-edit summary")),
		chromedp.WaitVisible(chromedp.CSS(row+` select[name="status"]`)),
		chromedp.SetValue(chromedp.CSS(row+` select[name="status"]`), "done"),
		chromedp.Click(chromedp.CSS(row+` .quick-edit-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if notice := bt.text(a, ".notice"); !strings.Contains(notice, "Saved "+id) {
		t.Errorf("after marking %s done: notice %q", id, notice)
	}
	if n := evalJS[int](bt, a, "look for the item in the list", `document.querySelectorAll('.actions.ranked > li[data-item="`+id+`"]').length`); n != 0 {
		t.Errorf("%s is still in the list of items to do", id)
	}

	// Its page shows the history.
	bt.do(a, "open the item's page", chromedp.Navigate(base+"/action-items/"+id), chromedp.WaitVisible(chromedp.CSS("table.history")))
	history := bt.text(a, "table.history")
	for _, want := range []string{"status", "done", "ada", "web"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	shots.shot(a, "action-item-history", "", true)

	// Review a risk whose review is due: keep it for three more months.
	bt.do(a, "open the risk register",
		chromedp.Click(chromedp.CSS(`nav a[href="/risks"]`)),
		chromedp.WaitVisible(chromedp.CSS(".risks > li.overdue")),
	)
	risk := evalJS[string](bt, a, "read the first overdue risk", `document.querySelector(".risks > li.overdue").dataset.risk`)
	form := `.risks > li[data-risk="` + risk + `"] .review-form`
	bt.do(a, "review it",
		chromedp.SendKeys(chromedp.CSS(form+` input[name="outcome"]`), "The new load balancer slipped to next quarter"),
		chromedp.Click(chromedp.CSS(form+` button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if notice := bt.text(a, ".notice"); !strings.Contains(notice, "Recorded the review of "+risk) {
		t.Errorf("after the review: notice %q", notice)
	}
	if n := evalJS[int](bt, a, "look for the risk among the overdue", `document.querySelectorAll('.risks > li.overdue[data-risk="`+risk+`"]').length`); n != 0 {
		t.Errorf("%s is still overdue after its review", risk)
	}
	shots.shot(a, "risks", "risks", false)

	// Tomorrow's digests in the outbox.
	bt.do(a, "open the outbox", chromedp.Click(chromedp.CSS(`nav a[href="/outbox"]`)), chromedp.WaitVisible(chromedp.CSS(".outbox.tomorrow .digest")))
	digests := bt.text(a, ".outbox.tomorrow")
	if !strings.Contains(digests, "platform") || !strings.Contains(digests, "Follow-through for") {
		t.Errorf("tomorrow's digests:\n%s", digests)
	}
	shots.shot(a, "outbox", "", false)
}
