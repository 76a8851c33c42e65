package main

import (
	"os"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/sso"
	"github.com/spf13/cobra"
)

// ssoOptions are serve's flags for single sign-on.
type ssoOptions struct {
	issuer, clientID, redirectURL string
	scopes                        []string
	nameClaim, claim, teamPrefix  string
	roles                         []string
	defaultRole                   string
	passwordsOff                  bool
}

// serveAuth is how people sign in to the web app.
type serveAuth struct {
	sso          *sso.Provider
	passwordsOff bool
}

func addSSOFlags(cmd *cobra.Command, o *ssoOptions) {
	f := cmd.Flags()
	f.StringVar(&o.issuer, "oidc-issuer", os.Getenv("DEBRIEF_OIDC_ISSUER"), "OpenID Connect issuer URL for single sign-on (env DEBRIEF_OIDC_ISSUER); the client secret comes from env DEBRIEF_OIDC_CLIENT_SECRET")
	f.StringVar(&o.clientID, "oidc-client-id", os.Getenv("DEBRIEF_OIDC_CLIENT_ID"), "client id registered with the provider (env DEBRIEF_OIDC_CLIENT_ID)")
	f.StringVar(&o.redirectURL, "oidc-redirect-url", os.Getenv("DEBRIEF_OIDC_REDIRECT_URL"), "debrief's public URL of "+sso.CallbackPath+", as registered with the provider (env DEBRIEF_OIDC_REDIRECT_URL)")
	f.StringSliceVar(&o.scopes, "oidc-scope", nil, "scopes to ask for beside openid, profile and email, such as groups")
	f.StringVar(&o.nameClaim, "oidc-name-claim", "preferred_username", "the ID token's claim that holds the debrief user name")
	f.StringVar(&o.claim, "oidc-claim", "groups", "the claim whose values grant roles (--oidc-role) and name teams (--oidc-team-prefix); dots reach into objects")
	f.StringArrayVar(&o.roles, "oidc-role", nil, "VALUE=ROLE: a value of --oidc-claim that grants a role, such as debrief-admins=admin (repeat)")
	f.StringVar(&o.teamPrefix, "oidc-team-prefix", "", "values of --oidc-claim that start with it name a team, such as team: for team:payments")
	f.StringVar(&o.defaultRole, "oidc-default-role", "none", "the role of someone whom no --oidc-role grants one: viewer, editor, admin or none (refused)")
	f.BoolVar(&o.passwordsOff, "no-password-signin", false, "refuse sign-in with a name and password in the web app: single sign-on only (API tokens still work)")
}

// auth checks the flags and returns how people sign in.
func (o *ssoOptions) auth() (serveAuth, error) {
	if o.issuer == "" && o.clientID == "" && o.redirectURL == "" {
		if o.passwordsOff {
			return serveAuth{}, usageErrorf("--no-password-signin needs single sign-on, or nobody could sign in to the web app: set --oidc-issuer, --oidc-client-id and --oidc-redirect-url")
		}
		return serveAuth{}, nil
	}
	roles, err := sso.ParseRoles(o.roles)
	if err != nil {
		return serveAuth{}, usageErrorf("--oidc-role: %v", err)
	}
	def := debrief.Role(strings.ToLower(o.defaultRole))
	if def == "none" {
		def = ""
	}
	if def == "" && len(roles) == 0 {
		return serveAuth{}, usageErrorf("single sign-on grants no role: map claim values to roles with --oidc-role VALUE=ROLE, or give everyone one with --oidc-default-role viewer")
	}
	p, err := sso.New(sso.Config{
		Issuer: o.issuer, ClientID: o.clientID, ClientSecret: os.Getenv("DEBRIEF_OIDC_CLIENT_SECRET"), RedirectURL: o.redirectURL,
		NameClaim: o.nameClaim, Scopes: o.scopes,
		Mapping: sso.Mapping{Claim: o.claim, Roles: roles, TeamPrefix: o.teamPrefix, DefaultRole: def},
	})
	if err != nil {
		return serveAuth{}, usageErrorf("single sign-on: %v", err)
	}
	return serveAuth{sso: p, passwordsOff: o.passwordsOff}, nil
}
