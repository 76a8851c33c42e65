package web

import (
	"context"
	"strings"
	"testing"

	"github.com/debrief/debrief/markdown"
)

// pageSimilar is an open postmortem much like pageOpen, so that it shows in
// pageOpen's similar incidents.
var pageSimilar = strings.NewReplacer("PM-2026-101", "PM-2026-103", "Checkout errors after", "Card payments failing after",
	"2026-03-03", "2026-05-10", "ACT-231", "ACT-232", "RISK-007", "RISK-008").Replace(pageOpen)

// TestSimilarPanelHidesWhatBecameRestricted checks that a postmortem made
// restricted disappears at once from the similar panels of those who may
// no longer see it, whichever way it was changed: the API, or a write the
// web app never saw (an import, another replica).
func TestSimilarPanelHidesWhatBecameRestricted(t *testing.T) {
	app := newPageApp(t, false)
	vic, eve := app.signedIn(t, "vic"), app.signedIn(t, "eve")
	create := eve.api("POST", "/api/v1/postmortems", "text/markdown", pageSimilar, true)
	if create.status != 201 {
		t.Fatalf("create: %d %s", create.status, create.body)
	}
	panel := func(c *client, path string) string {
		t.Helper()
		r := c.get(path)
		if r.status != 200 {
			t.Fatalf("%s: %d", path, r.status)
		}
		i := strings.Index(r.body, `id="similar-heading"`)
		if i < 0 {
			t.Fatalf("%s has no similar panel", path)
		}
		return r.body[i:]
	}
	const page = "/postmortems/PM-2026-101?similar=wait"
	if p := panel(vic, page); !strings.Contains(p, "PM-2026-103") {
		t.Fatalf("the similar panel lacks PM-2026-103 before it is restricted:\n%s", p)
	}

	restricted := strings.Replace(pageSimilar, "customer_facing: true", "customer_facing: true\nrestricted: true", 1)
	r := eve.apiWith("PUT", "/api/v1/postmortems/PM-2026-103", "text/markdown", restricted, map[string]string{"If-Match": `"v1"`})
	if r.status != 200 || !strings.Contains(r.body, `"restricted":true`) {
		t.Fatalf("make PM-2026-103 restricted: %d %s", r.status, r.body)
	}
	for _, path := range []string{page, "/postmortems/PM-2026-101"} {
		if p := panel(vic, path); strings.Contains(p, "PM-2026-103") || strings.Contains(p, "Card payments failing") {
			t.Errorf("%s: an outsider's similar panel still shows PM-2026-103 after an API PUT made it restricted:\n%s", path, p)
		}
	}
	if p := panel(eve, page); !strings.Contains(p, "PM-2026-103") {
		t.Errorf("its own team's similar panel lacks PM-2026-103:\n%s", p)
	}

	// Open again, then restricted by a write the web app never saw.
	for i, src := range []string{pageSimilar, restricted} {
		doc, probs := markdown.Parse([]byte(src))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if _, err := app.db.Import(context.Background(), doc.Postmortem); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if p := panel(vic, page); !strings.Contains(p, "PM-2026-103") {
				t.Fatalf("the similar panel lacks PM-2026-103 once it is open again:\n%s", p)
			}
		}
	}
	if p := panel(vic, page); strings.Contains(p, "PM-2026-103") {
		t.Errorf("an outsider's similar panel still shows PM-2026-103 after an import made it restricted:\n%s", p)
	}
}
