package web

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/debrief/debrief/lint"
	"time"

	"github.com/chromedp/chromedp"
)

// axeViolation is one rule that axe-core found broken on a page.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkA11y runs axe-core on the page in ctx and fails the test on every
// serious or critical violation.
func (b *browserTest) checkA11y(ctx context.Context, page string) {
	b.t.Helper()
	if b.axe == "" {
		src, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
		if err != nil {
			b.t.Fatalf("read axe-core: %v", err)
		}
		b.axe = string(src)
	}
	loaded := evalJS[bool](b, ctx, "load axe-core on "+page, b.axe+";\ntypeof axe === 'object'")
	if !loaded {
		b.t.Fatalf("axe-core did not load on %s", page)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
		return JSON.stringify(r.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; }).map(function (v) {
			return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(" ") + " — " + (n.failureSummary || ""); })};
		}));
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fail(ctx, "run axe-core on "+page, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(res), &vs); err != nil {
		b.t.Fatalf("axe-core on %s: %v: %s", page, err, res)
	}
	for _, v := range vs {
		b.t.Errorf("accessibility on %s: %s (%s): %s\n  %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
	b.pages++
}

// setField sets a form control's value as typing would, so that the
// page's scripts hear of it.
func setField(b *browserTest, ctx context.Context, sel, value string) {
	b.t.Helper()
	evalJS[bool](b, ctx, "set "+sel, fmt.Sprintf(`(function(){const e=document.querySelector(%q);e.value=%q;e.dispatchEvent(new Event("input",{bubbles:true}));e.dispatchEvent(new Event("change",{bubbles:true}));return true})()`, sel, value))
}

var spaces = regexp.MustCompile(`\s+`)

func squeeze(s string) string { return spaces.ReplaceAllString(s, "") }

// TestBrowserAuthorPath walks the author's and the reviewer's path in
// headless Chromium: a new postmortem in the guided form shows an earlier
// incident of its kind and the fix that did not hold while it is typed;
// publishing with a blaming sentence stops at the gate; the fixed draft
// goes to review; the reviewer comments on a sentence and approves; the
// review pack prints with its findings. axe-core checks every page on the
// way.
func TestBrowserAuthorPath(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is slow: run it without -short")
	}
	browser := findBrowser(t)
	app := newPageApp(t, true)
	base := app.http.URL
	shots := newShooter(t)
	bt := &browserTest{t: t, shots: shots}
	root, a := startBrowser(t, browser, base)
	bt.do(a, "set the viewport", chromedp.EmulateViewport(1360, 860))

	signIn := func(ctx context.Context, name string) {
		t.Helper()
		bt.signIn(ctx, base, name)
	}
	bt.do(a, "open the sign-in page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#name")))
	bt.checkA11y(a, "sign-in")
	signIn(a, "max")
	bt.checkA11y(a, "archive")
	bt.do(a, "search with no match", chromedp.Navigate(base+"/?q=team:nobody-here"), chromedp.WaitVisible(chromedp.CSS("main")))
	bt.checkA11y(a, "archive without results")

	// Start a postmortem: it opens in the guided form.
	const title = "Apps could not reach the API after the edge certificate expired"
	bt.do(a, "start a postmortem",
		chromedp.Navigate(base+"/new"),
		chromedp.WaitVisible(chromedp.CSS("#n-title")),
	)
	bt.checkA11y(a, "new")
	bt.do(a, "give it a title",
		chromedp.SendKeys(chromedp.CSS("#n-title"), title),
		chromedp.Click(chromedp.CSS(`.start button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
	)
	if mode := bt.value(a, `input[name="mode"]`); mode != "form" {
		t.Fatalf("a new postmortem opens in %q mode, want the guided form", mode)
	}
	bt.checkA11y(a, "editor, guided form")
	id := bt.value(a, "#f-id")

	// The facts, and a team name that is really a service.
	setField(bt, a, "#f-teams", "platform")
	setField(bt, a, "#f-services", "edge-lb, api-gateway")
	setField(bt, a, "#f-started", "2026-05-30T06:00:00Z")
	setField(bt, a, "#f-detected", "2026-05-30T06:20:00Z")
	setField(bt, a, "#f-trigger", "The TLS certificate of api.larkspur.com on the edge-lb expired at 06:00 UTC.")
	setField(bt, a, "#factor-0-category", "automation")
	setField(bt, a, "#factor-0-description", "The edge certificate was still renewed by hand once a year.")
	setField(bt, a, "#action-0-id", "ACT-9001")
	setField(bt, a, "#action-0-title", "Alert 30 days before any edge certificate expires")
	setField(bt, a, "#action-0-owner", "dispatch")
	if note := bt.text(a, "#action-0-owner-note"); !strings.Contains(note, "“dispatch” is a service, not a team") {
		t.Errorf("owner team note = %q", note)
	}
	setField(bt, a, "#action-0-owner", "platform")
	setField(bt, a, "#action-0-due", "2026-07-01")

	// Type the summary, with a blaming sentence; the similar earlier
	// incident and its fix that did not hold appear while typing.
	const blaming = "The on-call engineer failed to renew the certificate in time."
	const fixed = "Renewal of the edge certificate depended on a calendar reminder that nobody received."
	summary := "Every client of api.larkspur.com failed the TLS handshake with x509: certificate has expired, and the apps could not connect for 40 minutes. " + blaming + " "
	evalJS[int](bt, a, "put the caret in the summary",
		`(function(){const ta=document.querySelector("#body");const i=ta.value.indexOf("## Summary\n")+"## Summary\n".length;ta.focus();ta.setSelectionRange(i,i);return i})()`)
	bt.do(a, "type the summary", chromedp.SendKeys(chromedp.CSS("#body"), summary))
	bt.do(a, "see the recurrence warning",
		chromedp.WaitVisible(chromedp.CSS("#recurrence-warning p")),
		chromedp.WaitVisible(chromedp.CSS(`#live-similar a[href="/postmortems/PM-2025-003"]`)),
	)
	if w := bt.text(a, "#recurrence-warning"); !strings.Contains(w, "Recurred although ACT-107 was done") {
		t.Errorf("recurrence warning %q", w)
	}
	if lede := bt.text(a, "#similar-status"); !strings.Contains(lede, "happened before") {
		t.Errorf("similar lede %q", lede)
	}
	bt.do(a, "see the blame finding at its line and column", chromedp.WaitVisible(chromedp.CSS("#live-findings li.lint-blame")))
	if where := bt.text(a, "#live-findings li.lint-blame .where"); !regexp.MustCompile(`line \d+, col \d+`).MatchString(where) {
		t.Errorf("a body finding says where as %q", where)
	}
	shots.shot(a, "author-form-recurrence", "", false)
	bt.checkA11y(a, "editor with findings and similar incidents")

	// Publish: the gate stops it and lists the blaming sentence.
	setField(bt, a, "#f-status", "published")
	bt.do(a, "try to publish",
		chromedp.Click(chromedp.CSS(`button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(".gate")),
	)
	if gate := bt.text(a, ".gate"); !strings.Contains(gate, "failed to renew") && !strings.Contains(gate, "blame") {
		t.Fatalf("the gate does not list the blame finding: %s", gate)
	}
	shots.shot(a, "author-gate", "", false)
	bt.checkA11y(a, "editor at the publish gate")
	bt.do(a, "jump to the finding from the gate", chromedp.Click(chromedp.CSS(`.gate button.jump[data-target="body"]`)))
	selected := evalJS[string](bt, a, "read the selection", `(function(){const ta=document.querySelector("#body");return ta.value.substring(ta.selectionStart, ta.selectionEnd)})()`)
	if selected == "" || !strings.Contains(blaming, selected) {
		t.Errorf("the gate's jump selected %q, want part of %q", selected, blaming)
	}

	// Fix the sentence; ask a reviewer; send it to review.
	evalJS[int](bt, a, "select the blaming sentence", fmt.Sprintf(`(function(){const ta=document.querySelector("#body");const i=ta.value.indexOf(%q);ta.focus();ta.setSelectionRange(i,i+%d);return i})()`, blaming, len(blaming)))
	bt.do(a, "fix the sentence", chromedp.SendKeys(chromedp.CSS("#body"), fixed))
	bt.do(a, "see the blame finding go", void(chromedp.Poll[bool](fmt.Sprintf(
		`!document.querySelector("#live-findings li.lint-blame") && document.querySelector("#body").value.includes(%q) && document.querySelector("#lint-status").textContent !== "Checking…"`, fixed),
		chromedp.WithPollingTimeout(15*time.Second))))
	setField(bt, a, "#f-reviewers", "eve")
	setField(bt, a, "#f-status", "in-review")
	bt.do(a, "send it to review",
		chromedp.Click(chromedp.CSS(`button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS("#pm-title")),
	)
	if notice := bt.text(a, ".notice"); !strings.Contains(notice, "Created "+id) {
		t.Fatalf("after creating: %q", notice)
	}
	bt.checkA11y(a, "postmortem")
	if n := evalJS[int](bt, a, "count top-level headings", `document.querySelectorAll("h1").length`); n != 1 {
		t.Errorf("the postmortem page has %d h1 headings, want 1", n)
	}

	// The reviewer comments on a sentence and approves.
	e, cancelE := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
	defer cancelE()
	e, cancelETimeout := context.WithTimeout(e, 2*time.Minute)
	defer cancelETimeout()
	bt.do(e, "set the reviewer's viewport", chromedp.EmulateViewport(1360, 860))
	signIn(e, "eve")
	bt.do(e, "open the postmortem", chromedp.Navigate(base+"/postmortems/"+id), chromedp.WaitVisible(chromedp.CSS("#review-heading")))
	if review := bt.text(e, ".review"); !strings.Contains(review, "eve: not approved yet") {
		t.Errorf("review panel before approving: %s", review)
	}
	evalJS[bool](bt, e, "select a sentence of the summary", fmt.Sprintf(`(function(){
		const w=document.createTreeWalker(document.querySelector(".doc .prose"),NodeFilter.SHOW_TEXT);
		for(let n=w.nextNode();n;n=w.nextNode()){const i=n.data.indexOf(%q);if(i>=0){const r=document.createRange();r.setStart(n,i);r.setEnd(n,i+%d);const s=getSelection();s.removeAllRanges();s.addRange(r);return true}}
		return false})()`, fixed, len(fixed)))
	bt.do(e, "see the quote filled in", void(chromedp.Poll[bool](`document.querySelector("#c-quote").value.length > 0`, chromedp.WithPollingTimeout(5*time.Second))))
	if q, sec := bt.value(e, "#c-quote"), bt.value(e, "#c-section"); q != fixed || sec != "Summary" {
		t.Errorf("the comment's anchor is %q in %q, want the selected sentence in Summary", q, sec)
	}
	bt.do(e, "comment",
		chromedp.SendKeys(chromedp.CSS("#c-body"), "Who was meant to receive the reminder, and how did the list get archived?"),
		chromedp.Click(chromedp.CSS(`.comment-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("li.comment")),
		chromedp.WaitVisible(chromedp.CSS("mark.commented")),
	)
	bt.checkA11y(e, "postmortem with a review comment")
	bt.do(e, "approve",
		chromedp.Click(chromedp.CSS(`form.approve button`)),
		chromedp.WaitVisible(chromedp.CSS(".review .approved")),
	)
	if notice, review := bt.text(e, ".notice"), bt.text(e, ".review"); !strings.Contains(notice, "Approved version 2") || !strings.Contains(review, "eve: approved") {
		t.Errorf("after approving: notice %q, review %q", notice, review)
	}
	shots.shot(e, "reviewer-approved", "", true)

	// The review pack, printed.
	bt.do(a, "open the review pack", chromedp.Navigate(base+"/postmortems/"+id+"/review"), chromedp.WaitVisible(chromedp.CSS("#pack-title")))
	bt.checkA11y(a, "review pack")
	pdf, err := chromedp.Run(a, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	if err != nil {
		bt.fail(a, "print the review pack", err)
	}
	if err := os.WriteFile(filepath.Join(shots.artifacts, "review-pack.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := pdfText(pdf)
	if err != nil {
		t.Fatalf("read the printed review pack: %v", err)
	}
	var pack struct {
		Findings []lint.Finding `json:"findings"`
	}
	raw, err := chromedp.Run(a, chromedp.Evaluate[string](fmt.Sprintf(`fetch("/api/v1/postmortems/%s/review-pack").then(r => r.text())`, id), chromedp.EvalAwaitPromise))
	if err != nil {
		bt.fail(a, "read the pack as JSON", err)
	}
	if err := json.Unmarshal([]byte(raw), &pack); err != nil {
		t.Fatalf("the pack's JSON: %v", err)
	}
	if len(pack.Findings) == 0 {
		t.Fatalf("the review pack has no findings to look for")
	}
	flat := squeeze(text)
	for _, want := range []string{"Reviewpack:" + squeeze(title), "Openquestions", "Findings", "Similarincidents", "Overdueactionitems"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the printed pack lacks %q", want)
		}
	}
	for _, f := range pack.Findings {
		if !strings.Contains(flat, squeeze(f.Message)) {
			t.Errorf("the printed pack does not list the finding %q", f.Message)
		}
	}

	// The other pages, for the accessibility check.
	for _, p := range []struct{ path, wait, name string }{
		{"/families", "main h1", "families"},
		{"/families/cert-expiry", "main h1", "a family"},
		{"/docs/format", "main h1", "the format guide"},
		{"/postmortems/PM-2025-003", "#pm-title", "a published postmortem"},
		{"/postmortems/" + id + "/edit", "#file", "editor, Markdown"},
		{"/postmortems/PM-2099-999", "main h1", "not found"},
	} {
		bt.do(a, "open "+p.name, chromedp.Navigate(base+p.path), chromedp.WaitVisible(chromedp.CSS(p.wait)))
		bt.checkA11y(a, p.name)
	}
	ada, cancelAda := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
	defer cancelAda()
	ada, cancelAdaTimeout := context.WithTimeout(ada, time.Minute)
	defer cancelAdaTimeout()
	signIn(ada, "ada")
	bt.do(ada, "open admin", chromedp.Navigate(base+"/admin"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	bt.checkA11y(ada, "admin")
	t.Logf("axe-core checked %d pages", bt.pages)
}
