package web

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestKindsAPI(t *testing.T) {
	app := newTestApp(t)
	get := func(user, path string, into any) int {
		t.Helper()
		w := app.do(t, user, "GET", path, "", "", nil)
		if into != nil && w.Code == 200 {
			if err := json.Unmarshal(w.Body.Bytes(), into); err != nil {
				t.Fatalf("%s: %v\n%s", path, err, w.Body)
			}
		}
		return w.Code
	}

	var kinds struct {
		Items []kindDefJSON `json:"items"`
	}
	if get("vic", "/api/v1/kinds", &kinds); len(kinds.Items) < 40 || kinds.Items[0].ID != "cert-expiry" || kinds.Items[0].Definition == "" {
		t.Errorf("kinds = %+v", kinds.Items)
	}

	var pk postmortemKindsJSON
	if code := get("vic", "/api/v1/postmortems/PM-2026-101/kinds", &pk); code != 200 || len(pk.Kinds) == 0 || pk.Kinds[0].ID != "cert-expiry" || len(pk.Kinds[0].Evidence) == 0 {
		t.Errorf("kinds of PM-2026-101: %d %+v", code, pk)
	}
	if code := get("vic", "/api/v1/postmortems/PM-2026-102/kinds", nil); code != 404 {
		t.Errorf("an outsider asking the kinds of a restricted postmortem got %d, want 404", code)
	}

	count := func(user string) map[string]int {
		var fams struct {
			Items []familySummaryJSON `json:"items"`
		}
		if code := get(user, "/api/v1/families", &fams); code != 200 {
			t.Fatalf("families as %s: %d", user, code)
		}
		out := map[string]int{}
		for _, f := range fams.Items {
			out[f.Kind] = f.Incidents
		}
		return out
	}
	outsider, member := count("vic"), count("ivy")
	if outsider["cert-expiry"] != 1 {
		t.Errorf("an outsider's families = %v, want the one visible certificate expiry", outsider)
	}
	total := func(m map[string]int) (n int) {
		for _, c := range m {
			n += c
		}
		return n
	}
	if total(member) <= total(outsider) {
		t.Errorf("the identity team sees no more of its restricted postmortem's family than an outsider: %v vs %v", member, outsider)
	}

	var fam familyJSON
	if code := get("vic", "/api/v1/families/cert-expiry", &fam); code != 200 || len(fam.Incidents) != 1 || fam.Incidents[0].ID != "PM-2026-101" {
		t.Errorf("family = %d %+v", code, fam)
	}
	if code := get("vic", "/api/v1/families/no-such-kind", nil); code != 404 {
		t.Errorf("an unknown kind answered %d", code)
	}

	draft := "---\ntitle: Partner calls failing\n---\n\n## Summary\nThe partner gateway's TLS certificate lapsed overnight: x509: certificate has expired; renewal was manual.\n"
	w := app.do(t, "eve", "POST", "/api/v1/similar", "text/markdown", draft, nil)
	var ds draftSimilarJSON
	if err := json.Unmarshal(w.Body.Bytes(), &ds); err != nil || w.Code != 200 {
		t.Fatalf("similar to a draft: %d %v\n%s", w.Code, err, w.Body)
	}
	if len(ds.Kinds) == 0 || ds.Kinds[0].ID != "cert-expiry" {
		t.Errorf("the draft reads like %+v, want certificate expiry", ds.Kinds)
	}
	if len(ds.Items) == 0 || ds.Items[0].ID != "PM-2026-101" || len(ds.Items[0].Kinds) == 0 {
		t.Errorf("similar to the draft = %+v, want PM-2026-101 sharing the kind", ds.Items)
	}
}

func TestFamilyPages(t *testing.T) {
	app := newPageApp(t, true)
	c := app.signedIn(t, "vic")
	for _, tt := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/families", 200, []string{"Families of incidents", `href="/families/cert-expiry"`, "Certificate expiry"}},
		{"/families/cert-expiry", 200, []string{"PM-2025-003", "PM-2026-016", "recurred although <strong>ACT-107</strong>"}},
		{"/families/no-such-kind", 404, nil},
		{"/postmortems/PM-2026-016", 200, []string{"Reads like", `href="/families/cert-expiry"`, "recurred although ACT-107 was done"}},
		{"/postmortems/PM-2025-003", 200, []string{"happened again although this incident's fix <strong>ACT-107</strong> was done"}},
		{"/docs/kinds", 200, []string{"<h1", "Incident kinds", `href="/docs/similar"`}},
		{"/docs/format", 200, []string{"The postmortem format"}},
		{"/docs/..%2fgo.mod", 404, nil},
		{"/docs/nope", 404, nil},
	} {
		r := c.get(tt.path)
		if r.status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, r.status, tt.status)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
	}
}
