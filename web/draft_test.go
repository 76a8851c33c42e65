package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// A draft with no times yet is being written today: the incidents of its
// kind came before it, a fix of theirs that was done did not hold, and an
// earlier postmortem with its title is named.
func TestFreshDraftRecurrenceAndSameTitle(t *testing.T) {
	app := newPageApp(t, true)
	c := app.signedIn(t, "max")
	const title = "Apps and website unreachable after the api.larkspur.com certificate expired"
	draft := map[string]any{
		"id": "PM-2026-190", "title": "apps and website unreachable, after the api.larkspur.com certificate expired!",
		"severity": "SEV2", "status": "draft", "teams": []string{"platform"}, "services": []string{"edge-lb", "api-gateway"},
		"body": "\n## Summary\nThe TLS certificate of the edge-lb expired and every client failed the handshake with x509: certificate has expired.\n",
	}
	b, _ := json.Marshal(draft)
	if r := c.api("POST", "/api/v1/postmortems", "application/json", string(b), true); r.status != 201 {
		t.Fatalf("create the draft: %d %s", r.status, r.body)
	}
	page := c.get("/postmortems/PM-2026-190?similar=wait")
	for _, want := range []string{
		"This kind of incident happened before",
		"recurred although ACT-107 was done",
		`Another postmortem has the same title: <a href="/postmortems/PM-2025-003">PM-2025-003</a>`,
	} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the draft's page lacks %q", want)
		}
	}
	if strings.Contains(page.body, "happened again since") {
		t.Errorf("the draft's page says its similar incidents happened since it")
	}

	md := "---\nid: PM-2026-191\ntitle: " + title + "\nteams: [platform]\nservices: [edge-lb]\n---\n" + draft["body"].(string)
	r := c.api("POST", "/api/v1/similar", "text/markdown", md, true)
	var ds draftSimilarJSON
	if err := json.Unmarshal([]byte(r.body), &ds); err != nil || r.status != 200 {
		t.Fatalf("similar to the draft: %d %v %s", r.status, err, r.body)
	}
	var ids []string
	for _, st := range ds.SameTitle {
		ids = append(ids, st.ID)
	}
	if got := strings.Join(ids, " "); got != "PM-2026-190 PM-2025-003" && got != "PM-2025-003 PM-2026-190" {
		t.Errorf("same title = %s, want PM-2025-003 and the first draft", got)
	}
	if len(ds.Recurrences) == 0 || ds.Recurrences[0].Fix != "ACT-107" {
		t.Errorf("recurrences = %+v, want ACT-107", ds.Recurrences)
	}
}
