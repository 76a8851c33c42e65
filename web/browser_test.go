package web

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser test drives the web app in real headless Chromium: sign in,
// search, read a postmortem and its similar incidents, edit it with live
// lint, save, and lose a race to a second session without losing any text.
//
// It looks for a browser in DEBRIEF_CHROME, then on PATH (Debian's chromium
// package). Without one it is skipped, except in CI (CI set), where a
// missing browser fails the test. Screenshots go to DEBRIEF_ARTIFACTS (a
// temporary folder by default); with DEBRIEF_SCREENSHOTS=1 the README's
// screenshots in docs/screenshots/ are rewritten too.

func findBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DEBRIEF_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found, and CI is set: install Debian's chromium package (apt-get install -y chromium) or set DEBRIEF_CHROME")
	}
	t.Skip("no Chromium found: install Debian's chromium package to run the browser test")
	return ""
}

// shooter saves screenshots as test artifacts and, when asked, as the
// README's pictures.
type shooter struct {
	t         *testing.T
	artifacts string
	docs      string
}

func newShooter(t *testing.T) *shooter {
	s := &shooter{t: t, artifacts: os.Getenv("DEBRIEF_ARTIFACTS")}
	if s.artifacts == "" {
		s.artifacts = filepath.Join(os.TempDir(), "debrief-browser-test")
	}
	if err := os.MkdirAll(s.artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("DEBRIEF_SCREENSHOTS") == "1" {
		s.docs = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(s.docs, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", s.artifacts)
	return s
}

// shot captures the viewport (or the full page) as PNG; doc names the
// README picture it also is, if any.
func (s *shooter) shot(ctx context.Context, name, doc string, full bool) {
	s.t.Helper()
	action := chromedp.CaptureScreenshot()
	if full {
		action = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(ctx, action)
	if err != nil {
		s.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(s.artifacts, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
	if s.docs != "" && doc != "" {
		if err := os.WriteFile(filepath.Join(s.docs, doc+".png"), png, 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
}

// browserTest drives one scenario in the browser, failing the test with the
// page's address, text and a screenshot when a step fails.
type browserTest struct {
	t     *testing.T
	shots *shooter
	// axe is axe-core's source, read once; pages counts the pages it
	// checked.
	axe   string
	pages int
}

func (b *browserTest) fail(ctx context.Context, step string, err error) {
	b.t.Helper()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	b.shots.shot(ctx, "failed-"+strings.ReplaceAll(step, " ", "-"), "", true)
	b.t.Fatalf("%s: %v\nat %s:\n%s", step, err, loc, body)
}

// do runs steps that return nothing.
func (b *browserTest) do(ctx context.Context, step string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fail(ctx, step, err)
	}
}

// text reads the text of the element sel.
func (b *browserTest) text(ctx context.Context, sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.fail(ctx, "read "+sel, err)
	}
	return v
}

// value reads the value of the form control sel.
func (b *browserTest) value(ctx context.Context, sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.fail(ctx, "read the value of "+sel, err)
	}
	return v
}

// void drops an action's value, so that it can be a step of do.
func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	}
}

func evalJS[T any](b *browserTest, ctx context.Context, step, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.fail(ctx, step, err)
	}
	return v
}

func TestBrowser(t *testing.T) {
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

	// Sign in and search.
	bt.do(a, "open the sign-in page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#name")))
	shots.shot(a, "signin", "", false)
	signIn(a, "eve")
	bt.do(a, "search",
		chromedp.SendKeys(chromedp.CSS("#q"), "certificate expired"),
		chromedp.Submit(chromedp.CSS("#q")),
		chromedp.WaitVisible(chromedp.CSS(`.result a[href="/postmortems/PM-2025-014"]`)),
	)
	if count := bt.text(a, ".results-count"); !strings.Contains(count, "best match first") {
		t.Errorf("results heading %q", count)
	}
	shots.shot(a, "archive-search", "archive", false)

	// Open a postmortem and see its similar incidents.
	bt.do(a, "open a postmortem",
		chromedp.Click(chromedp.CSS(`.result a[href="/postmortems/PM-2025-014"]`)),
		chromedp.WaitVisible(chromedp.CSS("#pm-title")),
		// Found by the server in time, or filled in by the page's script.
		chromedp.WaitVisible(chromedp.CSS(".similar-list li")),
	)
	similar := bt.text(a, ".similar")
	simCount := evalJS[int](bt, a, "count similar incidents", `document.querySelectorAll(".similar-list li").length`)
	if !strings.Contains(similar, "This kind of incident happened before") || simCount == 0 {
		t.Fatalf("similar incidents (%d): %s", simCount, similar)
	}
	shots.shot(a, "postmortem", "postmortem", false)
	shots.shot(a, "postmortem-full", "", true)

	// Edit: type a blaming sentence and see the finding appear.
	const blaming = "The on-call engineer failed to check the dashboard."
	const fixed = "The dashboard showed no alert for the expiring certificate."
	bt.do(a, "open the editor",
		chromedp.Click(chromedp.CSS(`a[href="/postmortems/PM-2025-014/edit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#file")),
		void(chromedp.Poll[bool](`document.querySelector("#lint-status").textContent.includes("finding") || document.querySelector("#lint-status").textContent.includes("No blame")`, chromedp.WithPollingTimeout(10*time.Second))),
	)
	evalJS[int](bt, a, "put the caret in the summary",
		`(function(){const ta=document.querySelector("#file");const i=ta.value.indexOf("## Summary\n")+"## Summary\n".length;ta.focus();ta.setSelectionRange(i,i);ta.scrollTop=0;return i})()`)
	bt.do(a, "type a blaming sentence", chromedp.SendKeys(chromedp.CSS("#file"), blaming+" "))
	finding := `#live-findings li.lint-blame`
	bt.do(a, "see the finding appear", chromedp.WaitVisible(chromedp.CSS(finding)))
	if text := bt.text(a, finding); !strings.Contains(text, "on-call engineer failed to check") {
		t.Errorf("finding %q does not quote the sentence", text)
	}
	bt.do(a, "jump to the finding", chromedp.Click(chromedp.CSS(finding+" button")))
	selected := evalJS[string](bt, a, "read the selection", `(function(){const ta=document.querySelector("#file");return ta.value.substring(ta.selectionStart, ta.selectionEnd)})()`)
	if selected == "" || !strings.Contains(blaming, selected) {
		t.Errorf("clicking the finding selected %q, want part of %q", selected, blaming)
	}
	evalJS[bool](bt, a, "scroll the page to the top", `(function(){window.scrollTo({top:0,behavior:"instant"});return true})()`)
	shots.shot(a, "editor-live-lint", "editor-live-lint", false)

	evalJS[int](bt, a, "select the sentence", fmt.Sprintf(`(function(){const ta=document.querySelector("#file");const i=ta.value.indexOf(%q);ta.focus();ta.setSelectionRange(i,i+%d);return i})()`, blaming, len(blaming)))
	bt.do(a, "fix the sentence", chromedp.SendKeys(chromedp.CSS("#file"), fixed))
	bt.do(a, "see the finding disappear", void(chromedp.Poll[bool](fmt.Sprintf(
		`!document.querySelector(%q) && document.querySelector("#file").value.includes(%q) && document.querySelector("#lint-status").textContent !== "Checking…"`, finding, fixed),
		chromedp.WithPollingTimeout(15*time.Second))))
	bt.do(a, "save",
		chromedp.Click(chromedp.CSS(`button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	notice, prose := bt.text(a, ".notice"), bt.text(a, ".prose")
	if !strings.Contains(notice, "Saved version 2") || !strings.Contains(prose, fixed) || strings.Contains(prose, blaming) {
		t.Fatalf("after saving: notice %q, text has the fix: %v", notice, strings.Contains(prose, fixed))
	}

	// A second session saves first; the first gets the conflict page and
	// keeps its text.
	bt.do(a, "open the editor again", chromedp.Navigate(base+"/postmortems/PM-2025-014/edit"), chromedp.WaitVisible(chromedp.CSS("#file")))
	b, cancelB := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
	defer cancelB()
	b, cancelBTimeout := context.WithTimeout(b, 2*time.Minute)
	defer cancelBTimeout()
	signIn(b, "max")
	const theirs = "Edited by the second session."
	const mine = "Edited by the first session, which saves last."
	caretAtEnd := `(function(){const ta=document.querySelector("#file");ta.focus();ta.setSelectionRange(ta.value.length,ta.value.length);return ta.value.length})()`
	bt.do(b, "second session opens the editor", chromedp.Navigate(base+"/postmortems/PM-2025-014/edit"), chromedp.WaitVisible(chromedp.CSS("#file")))
	evalJS[int](bt, b, "second session goes to the end", caretAtEnd)
	bt.do(b, "second session edits and saves",
		chromedp.SendKeys(chromedp.CSS("#file"), "\n"+theirs+"\n"),
		chromedp.Click(chromedp.CSS(`button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	evalJS[int](bt, a, "first session goes to the end", caretAtEnd)
	bt.do(a, "first session edits and saves",
		chromedp.SendKeys(chromedp.CSS("#file"), "\n"+mine+"\n"),
		chromedp.Click(chromedp.CSS(`button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(".conflict")),
	)
	heading, kept, saved, diff := bt.text(a, "h1"), bt.value(a, "#file"), bt.value(a, "#theirs"), bt.text(a, ".diff")
	if !strings.Contains(heading, "changed while you were editing") || !strings.Contains(kept, mine) || !strings.Contains(saved, theirs) ||
		!strings.Contains(diff, mine) || !strings.Contains(diff, theirs) {
		t.Fatalf("conflict page: heading %q; my text kept: %v; theirs shown: %v; diff: %s", heading, strings.Contains(kept, mine), strings.Contains(saved, theirs), diff)
	}
	shots.shot(a, "conflict", "conflict", false)

	// Choose to save mine over theirs, knowingly.
	bt.do(a, "save my text",
		chromedp.Click(chromedp.CSS(`.conflict button[value="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(".notice")),
	)
	if prose := bt.text(a, ".prose"); !strings.Contains(prose, mine) {
		t.Fatalf("my text was not saved")
	}

	// Signing in with a next address that a browser reads as another site
	// stays on this one: browsers drop the tab, which would make
	// "/\t/evil.example/" the scheme-relative "//evil.example/". Both ways
	// to sign-in's redirect are tried: posting the form, and opening the
	// sign-in page while signed in.
	c, cancelC := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
	defer cancelC()
	c, cancelCTimeout := context.WithTimeout(c, time.Minute)
	defer cancelCTimeout()
	evilNext := "/\t/" + offSiteHost + "/"
	evilSignin := base + "/signin?next=" + url.QueryEscape(evilNext)
	// stayOnSite waits for the navigation under way to end on a page of
	// this site other than sign-in.
	stayOnSite := func(step string) {
		t.Helper()
		var loc string
		var err error
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline) && app.offSite.Load() == 0; time.Sleep(100 * time.Millisecond) {
			// Reading the address fails while a navigation is under way.
			if loc, err = chromedp.Run(c, chromedp.Location()); err == nil && !strings.HasPrefix(loc, base+"/signin") {
				break
			}
		}
		if n := app.offSite.Load(); n > 0 {
			t.Fatalf("%s with next=%q went off the site to %s", step, evilNext, offSiteHost)
		}
		if err != nil || !strings.HasPrefix(loc, base+"/") || strings.HasPrefix(loc, base+"/signin") {
			t.Fatalf("%s with next=%q went to %q (%v), not to a page of the site", step, evilNext, loc, err)
		}
	}
	bt.do(c, "open sign-in with a next address off the site", chromedp.Navigate(evilSignin), chromedp.WaitVisible(chromedp.CSS("#name")))
	// The page refuses the address; post it anyway, as a forged form would.
	evalJS[bool](bt, c, "put the address in the form", fmt.Sprintf(`(function(){document.querySelector('input[name="next"]').value=%q;return true})()`, evilNext))
	bt.do(c, "sign in with it",
		chromedp.SendKeys(chromedp.CSS("#name"), "vic"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords["vic"]),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
	)
	stayOnSite("signing in")
	bt.do(c, "open sign-in signed in", chromedp.Navigate(evilSignin))
	stayOnSite("opening sign-in signed in")

	// The phone layout, for the record.
	bt.do(a, "phone width", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/postmortems/PM-2025-014"), chromedp.WaitVisible(chromedp.CSS("#pm-title")))
	shots.shot(a, "postmortem-phone", "", false)
}

// signIn signs name in on the server at base with its test password and
// waits for the archive.
func (bt *browserTest) signIn(ctx context.Context, base, name string) {
	bt.t.Helper()
	bt.do(ctx, "sign in as "+name,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#name")),
		chromedp.SendKeys(chromedp.CSS("#name"), name),
		chromedp.SendKeys(chromedp.CSS("#password"), testPasswords[name]),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".results")),
	)
}

// startBrowser starts headless Chromium for a test of the server at base,
// and returns the browser's first tab (root, without a deadline, for new
// tabs) and the same tab bounded to two minutes. The browser stops when
// the test ends.
func startBrowser(t *testing.T, browser, base string) (root, bounded context.Context) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		// The open-redirect check's other site is this server under
		// another name, so that a redirect there loads and shows.
		chromedp.Flag("host-resolver-rules", "MAP "+offSiteHost+" "+strings.TrimPrefix(base, "http://")),
		chromedp.Flag("disable-features", "HttpsUpgrades"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1360, 900),
	}
	// The whole browser session is bounded: whatever happens, the browser
	// stops within three minutes and the test fails instead of hanging.
	bound, cancelBound := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancelBound)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(bound, opts...)
	t.Cleanup(cancelAlloc)
	root, cancelRoot := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelRoot)
	// Start the browser without a deadline (a deadline on the first call
	// would stop the browser), then bound every later step.
	if err := chromedp.Do(root); err != nil {
		t.Fatalf("start %s: %v", browser, err)
	}
	a, cancelTimeout := context.WithTimeout(root, 2*time.Minute)
	t.Cleanup(cancelTimeout)

	return root, a
}
