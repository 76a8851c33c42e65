package sso

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

func testMapping() *Mapping {
	return &Mapping{
		Claim:       "groups",
		Roles:       map[string]debrief.Role{"debrief-admins": debrief.RoleAdmin, "engineers": debrief.RoleEditor, "staff": debrief.RoleViewer},
		TeamPrefix:  "team:",
		DefaultRole: "",
	}
}

func TestMap(t *testing.T) {
	nested := testMapping()
	nested.Claim = "realm_access.roles"
	withDefault := testMapping()
	withDefault.DefaultRole = debrief.RoleViewer
	tests := []struct {
		name    string
		m       *Mapping
		claims  string
		role    debrief.Role
		teams   []string
		errCode string
	}{
		{"editor with teams", testMapping(), `{"groups": ["staff", "engineers", "team:Payments", "team:search", "team:payments"]}`, debrief.RoleEditor, []string{"payments", "search"}, ""},
		{"most allowed role wins", testMapping(), `{"groups": ["debrief-admins", "staff"]}`, debrief.RoleAdmin, []string{}, ""},
		{"one string", testMapping(), `{"groups": "engineers"}`, debrief.RoleEditor, []string{}, ""},
		{"no role, no default", testMapping(), `{"groups": ["team:payments"]}`, "", nil, debrief.EFORBIDDEN},
		{"no claim, no default", testMapping(), `{"sub": "x"}`, "", nil, debrief.EFORBIDDEN},
		{"no role, a default", withDefault, `{"groups": ["team:payments"]}`, debrief.RoleViewer, []string{"payments"}, ""},
		{"null claim, a default", withDefault, `{"groups": null}`, debrief.RoleViewer, []string{}, ""},
		{"nested claim", nested, `{"realm_access": {"roles": ["debrief-admins"]}}`, debrief.RoleAdmin, []string{}, ""},
		{"nested claim missing", nested, `{"realm_access": "admins"}`, "", nil, debrief.EFORBIDDEN},
		{"prefix alone is no team", withDefault, `{"groups": ["team:", "team:  "]}`, debrief.RoleViewer, []string{}, ""},
		{"value of case not mapped", testMapping(), `{"groups": ["Debrief-Admins"]}`, "", nil, debrief.EFORBIDDEN},
		{"number", testMapping(), `{"groups": 7}`, "", nil, debrief.EINVALID},
		{"list of numbers", testMapping(), `{"groups": ["staff", 7]}`, "", nil, debrief.EINVALID},
		{"object", testMapping(), `{"groups": {"a": "b"}}`, "", nil, debrief.EINVALID},
		{"too many values", testMapping(), `{"groups": [` + strings.Repeat(`"x",`, 1000) + `"staff"]}`, "", nil, debrief.EINVALID},
		{"too long a value", testMapping(), `{"groups": ["` + strings.Repeat("x", 300) + `"]}`, "", nil, debrief.EINVALID},
		{"not JSON", testMapping(), `{"groups": [`, "", nil, debrief.EINVALID},
		{"not an object", testMapping(), `["staff"]`, "", nil, debrief.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role, teams, err := tt.m.MapJSON([]byte(tt.claims))
			if debrief.ErrorCode(err) != tt.errCode {
				t.Fatalf("error %v, want code %q", err, tt.errCode)
			}
			if err != nil {
				if debrief.ErrorMessage(err) == "internal error" {
					t.Errorf("the error says nothing: %v", err)
				}
				return
			}
			if role != tt.role || !slices.Equal(teams, tt.teams) {
				t.Errorf("got %s %q, want %s %q", role, teams, tt.role, tt.teams)
			}
		})
	}
}

func TestParseRoles(t *testing.T) {
	got, err := ParseRoles([]string{"debrief-admins=admin", "cn=eng,ou=groups=Editor"})
	if err != nil {
		t.Fatal(err)
	}
	if got["debrief-admins"] != debrief.RoleAdmin || got["cn=eng,ou=groups"] != debrief.RoleEditor || len(got) != 2 {
		t.Errorf("got %v", got)
	}
	for _, bad := range []string{"admins", "=admin", "admins=", "admins=owner"} {
		if _, err := ParseRoles([]string{bad}); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	good := Config{Issuer: "https://id.example", ClientID: "debrief", RedirectURL: "https://debrief.example/signin/sso/callback", Mapping: *testMapping()}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		change func(c *Config)
		says   string
	}{
		{"no issuer", func(c *Config) { c.Issuer = "" }, "needs the issuer"},
		{"issuer not a URL", func(c *Config) { c.Issuer = "id.example" }, "not an http or https URL"},
		{"wrong callback", func(c *Config) { c.RedirectURL = "https://debrief.example/callback" }, "must end with /signin/sso/callback"},
		{"roles without claim", func(c *Config) { c.Mapping.Claim = "" }, "name the claim"},
		{"bad default", func(c *Config) { c.Mapping.DefaultRole = "owner" }, "default role"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			c.Mapping.Roles = maps.Clone(good.Mapping.Roles)
			tt.change(&c)
			if err := c.Validate(); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %v, want one saying %q", err, tt.says)
			}
		})
	}
}
