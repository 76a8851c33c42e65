// Package sso signs people in to debrief through an OpenID Connect
// provider: discovery, the authorization code flow with state, nonce and
// PKCE, and verification of the ID token (github.com/coreos/go-oidc and
// golang.org/x/oauth2). Mapping (claims.go) turns the token's claims into
// a debrief role and teams; the web package creates the user on first
// sign-in and starts the session.
package sso

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/debrief/debrief"
	"golang.org/x/oauth2"
)

// CallbackPath is where the provider sends the browser back to; the
// redirect URL registered with the provider must end with it.
const CallbackPath = "/signin/sso/callback"

// Config is how debrief signs in through a provider.
type Config struct {
	// Issuer is the provider's issuer URL; discovery reads
	// Issuer/.well-known/openid-configuration.
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is debrief's public URL of CallbackPath, as registered
	// with the provider.
	RedirectURL string
	// NameClaim is the claim that holds the debrief user name;
	// "preferred_username" when empty. It must be one that the provider
	// controls, not one people may set to anything.
	NameClaim string
	// Scopes are requested beside openid, profile and email, such as
	// "groups" for providers that send groups only when asked.
	Scopes  []string
	Mapping Mapping
}

// Validate checks the configuration without reaching the provider.
func (c *Config) Validate() error {
	if c.Issuer == "" || c.ClientID == "" || c.RedirectURL == "" {
		return errors.New("single sign-on needs the issuer URL, the client id and the redirect URL")
	}
	for name, v := range map[string]string{"issuer": c.Issuer, "redirect": c.RedirectURL} {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return fmt.Errorf("the %s URL %q is not an http or https URL", name, v)
		}
	}
	if u, _ := url.Parse(c.RedirectURL); u.Path != CallbackPath {
		return fmt.Errorf("the redirect URL %q must end with %s, where debrief takes the provider's answer", c.RedirectURL, CallbackPath)
	}
	return c.Mapping.Validate()
}

// Provider signs people in through one OpenID Connect provider. It reads
// the provider's discovery document when it is first needed, so that
// debrief starts while the provider is down, and tries again until it
// succeeds.
type Provider struct {
	cfg Config

	mu       sync.Mutex
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// New returns a provider for cfg, which must be valid.
func New(cfg Config) (*Provider, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.NameClaim == "" {
		cfg.NameClaim = "preferred_username"
	}
	return &Provider{cfg: cfg}, nil
}

// discover reads the provider's discovery document once it answers.
func (p *Provider) discover(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.oauth != nil {
		return p.oauth, p.verifier, nil
	}
	op, err := oidc.NewProvider(ctx, p.cfg.Issuer)
	if err != nil {
		return nil, nil, &debrief.Error{Code: debrief.EUNAVAILABLE, Message: "the identity provider does not answer: try again in a moment, or ask an admin", Err: err}
	}
	p.oauth = &oauth2.Config{
		ClientID:     p.cfg.ClientID,
		ClientSecret: p.cfg.ClientSecret,
		Endpoint:     op.Endpoint(),
		RedirectURL:  p.cfg.RedirectURL,
		Scopes:       append([]string{oidc.ScopeOpenID, "profile", "email"}, p.cfg.Scopes...),
	}
	p.verifier = op.Verifier(&oidc.Config{ClientID: p.cfg.ClientID})
	return p.oauth, p.verifier, nil
}

// Flow is what a browser's sign-in keeps between leaving for the provider
// and coming back: kept in a cookie, never shown to the provider except as
// state, a nonce and a PKCE challenge.
type Flow struct {
	State    string
	Nonce    string
	Verifier string
}

// Start begins a sign-in: it returns the provider's address to send the
// browser to, and the flow to keep until it comes back.
func (p *Provider) Start(ctx context.Context) (string, Flow, error) {
	oc, _, err := p.discover(ctx)
	if err != nil {
		return "", Flow{}, err
	}
	f := Flow{State: oauth2.GenerateVerifier(), Nonce: oauth2.GenerateVerifier(), Verifier: oauth2.GenerateVerifier()}
	return oc.AuthCodeURL(f.State, oidc.Nonce(f.Nonce), oauth2.S256ChallengeOption(f.Verifier)), f, nil
}

// Identity is who the provider says signed in, mapped to debrief.
type Identity struct {
	// Subject is the provider's id of the person.
	Subject string
	Name    string
	Role    debrief.Role
	Teams   []string
}

// Finish completes a sign-in with the state and code the provider sent
// back: it checks the state, redeems the code, verifies the ID token (its
// signature, issuer, audience, expiry and nonce) and maps its claims.
func (p *Provider) Finish(ctx context.Context, f Flow, state, code string) (*Identity, error) {
	if f.State == "" || state != f.State {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the sign-in did not start in this browser, or took too long: start again")
	}
	if code == "" {
		return nil, debrief.Errorf(debrief.EINVALID, "the identity provider sent no authorization code: start again")
	}
	oc, verifier, err := p.discover(ctx)
	if err != nil {
		return nil, err
	}
	tok, err := oc.Exchange(ctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return nil, &debrief.Error{Code: debrief.EUNAUTHORIZED, Message: "the identity provider refused the sign-in: start again", Err: err}
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the identity provider sent no ID token")
	}
	idt, err := verifier.Verify(ctx, raw)
	if err != nil {
		return nil, &debrief.Error{Code: debrief.EUNAUTHORIZED, Message: "the identity provider's ID token is not valid", Err: err}
	}
	if idt.Nonce != f.Nonce {
		return nil, debrief.Errorf(debrief.EUNAUTHORIZED, "the ID token was not issued for this sign-in: start again")
	}
	return p.identity(idt)
}

func (p *Provider) identity(idt *oidc.IDToken) (*Identity, error) {
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return nil, debrief.Errorf(debrief.EINVALID, "the ID token's claims cannot be read: %v", err)
	}
	name, _ := claims[p.cfg.NameClaim].(string)
	u := &debrief.User{Name: strings.TrimSpace(name), Role: debrief.RoleViewer}
	if err := u.Validate(); err != nil {
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		return nil, debrief.Errorf(debrief.EINVALID, "the ID token's claim %q (%q) is not a debrief user name: %s; ask an admin to map another claim", p.cfg.NameClaim, name, debrief.ErrorMessage(err))
	}
	role, teams, err := p.cfg.Mapping.Map(claims)
	if err != nil {
		return nil, err
	}
	return &Identity{Subject: idt.Subject, Name: u.Name, Role: role, Teams: teams}, nil
}
