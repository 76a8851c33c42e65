package main

import (
	"strings"
	"testing"
)

func TestServeSSOUsage(t *testing.T) {
	oidc := []string{"serve", "--demo", "--oidc-issuer", "https://id.example", "--oidc-client-id", "debrief",
		"--oidc-redirect-url", "https://debrief.example/signin/sso/callback"}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"passwords off without SSO", []string{"serve", "--demo", "--no-password-signin"}, "--no-password-signin needs single sign-on"},
		{"no role for anyone", oidc, "single sign-on grants no role"},
		{"bad role", append(oidc, "--oidc-role", "admins=owner"), `"owner" is not one of viewer, editor, admin`},
		{"role without value", append(oidc, "--oidc-role", "admin"), "write VALUE=ROLE"},
		{"bad default role", append(oidc, "--oidc-default-role", "owner"), `default role "owner"`},
		{"wrong callback", []string{"serve", "--demo", "--oidc-issuer", "https://id.example", "--oidc-client-id", "debrief",
			"--oidc-redirect-url", "https://debrief.example/", "--oidc-default-role", "viewer"}, "must end with /signin/sso/callback"},
		{"no client id", []string{"serve", "--demo", "--oidc-issuer", "https://id.example", "--oidc-default-role", "viewer"}, "needs the issuer URL, the client id and the redirect URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DEBRIEF_OIDC_ISSUER", "")
			t.Setenv("DEBRIEF_OIDC_CLIENT_ID", "")
			t.Setenv("DEBRIEF_OIDC_REDIRECT_URL", "")
			r := debriefCmd(t, "", tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("code %d, stderr %q, want %q", r.code, r.stderr, tt.want)
			}
		})
	}
}
