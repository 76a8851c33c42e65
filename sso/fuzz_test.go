package sso

import (
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// FuzzMapClaims maps arbitrary ID token payloads: the mapping never
// panics, and what it grants always comes from the claim's values.
func FuzzMapClaims(f *testing.F) {
	for _, seed := range []string{
		`{"groups": ["staff", "engineers", "team:payments"]}`,
		`{"groups": "debrief-admins"}`,
		`{"groups": null, "realm_access": {"roles": ["x"]}}`,
		`{"groups": [1, 2.5, true, null, {}]}`,
		`{"groups": ["team:` + strings.Repeat("é", 40) + `"]}`,
		`{"realm_access.roles": ["engineers"]}`,
		`[]`, `null`, `{`, ``,
	} {
		f.Add([]byte(seed), "groups")
	}
	f.Add([]byte(`{"realm_access": {"roles": ["team:x", "staff"]}}`), "realm_access.roles")
	f.Fuzz(func(t *testing.T, payload []byte, claim string) {
		m := testMapping()
		m.Claim = claim
		m.DefaultRole = debrief.RoleViewer
		role, teams, err := m.MapJSON(payload)
		if err != nil {
			if c := debrief.ErrorCode(err); c != debrief.EINVALID && c != debrief.EFORBIDDEN {
				t.Fatalf("error of code %s: %v", c, err)
			}
			return
		}
		if !slices.Contains(debrief.Roles, role) {
			t.Fatalf("role %q is not a role", role)
		}
		if !slices.Equal(teams, debrief.Keys(teams)) {
			t.Fatalf("teams %q are not normalized", teams)
		}
		if len(teams) > maxClaimValues {
			t.Fatalf("%d teams", len(teams))
		}
		if role == debrief.RoleAdmin && !strings.Contains(string(payload), "debrief-admins") && !strings.Contains(string(payload), `\u`) {
			t.Fatalf("admin granted by %q", payload)
		}
	})
}
