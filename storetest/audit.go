package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
)

// RunAudit runs the contract of debrief.AuditService and
// debrief.TokenService against the stores that open returns; each store
// must implement both.
func RunAudit(t *testing.T, open Opener) {
	services := func(t *testing.T) (debrief.Store, debrief.AuditService, debrief.TokenService) {
		t.Helper()
		s := open(t)
		a, ok := s.(debrief.AuditService)
		if !ok {
			t.Fatalf("%T does not keep an audit log", s)
		}
		ts, ok := s.(debrief.TokenService)
		if !ok {
			t.Fatalf("%T does not manage tokens", s)
		}
		return s, a, ts
	}
	t.Run("AuditLog", func(t *testing.T) { testAuditLog(t, services) })
	t.Run("AuditLogPages", func(t *testing.T) { testAuditLogPages(t, services) })
	t.Run("AuditHostileFields", func(t *testing.T) { testAuditHostileFields(t, services) })
	t.Run("TokenExpiry", func(t *testing.T) { testTokenExpiry(t, services) })
	t.Run("TokenRevoke", func(t *testing.T) { testTokenRevoke(t, services) })
	t.Run("TokenList", func(t *testing.T) { testTokenList(t, services) })
}

type auditServices func(t *testing.T) (debrief.Store, debrief.AuditService, debrief.TokenService)

func record(t *testing.T, a debrief.AuditService, e debrief.AuditEvent) *debrief.AuditEvent {
	t.Helper()
	if err := a.RecordAudit(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 {
		t.Fatalf("the store gave %+v no id", e)
	}
	return &e
}

func actions(events []*debrief.AuditEvent) string {
	var out []string
	for _, e := range events {
		out = append(out, e.Action+":"+e.Target)
	}
	return strings.Join(out, " ")
}

func testAuditLog(t *testing.T, services auditServices) {
	_, a, _ := services(t)
	at := time.Date(2026, 3, 4, 5, 6, 7, 800, time.UTC)
	record(t, a, debrief.AuditEvent{At: at, Actor: "ana", Action: debrief.AuditSignIn, Origin: "192.0.2.1"})
	record(t, a, debrief.AuditEvent{Actor: "mallory", Action: debrief.AuditSignInFailed, Target: "mallory", Origin: "198.51.100.7"})
	record(t, a, debrief.AuditEvent{Actor: "Ana", Action: debrief.AuditPostmortemEdit, Target: "PM-2026-001", Detail: "version 2", Origin: "192.0.2.1"})
	record(t, a, debrief.AuditEvent{Actor: "operator", Action: debrief.AuditUserRole, Target: "ana", Detail: "editor → admin", Origin: debrief.OriginCommandLine})

	all, next, err := a.AuditLog(ctx, debrief.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := actions(all), "user.role:ana postmortem.edit:PM-2026-001 signin.failed:mallory signin:"; got != want || next != 0 {
		t.Errorf("log: %q next %d, want %q next 0", got, next, want)
	}
	first := all[len(all)-1]
	if !first.At.Equal(at.Truncate(time.Second)) || first.Actor != "ana" || first.Origin != "192.0.2.1" {
		t.Errorf("first event read back as %+v", first)
	}
	if e := all[0]; e.Detail != "editor → admin" || e.Origin != debrief.OriginCommandLine || time.Since(e.At) > time.Hour {
		t.Errorf("event without a time read back as %+v", e)
	}
	tests := []struct {
		name   string
		filter debrief.AuditFilter
		want   string
	}{
		{"actor in any case", debrief.AuditFilter{Actor: "ANA"}, "postmortem.edit:PM-2026-001 signin:"},
		{"action", debrief.AuditFilter{Action: debrief.AuditSignInFailed}, "signin.failed:mallory"},
		{"target", debrief.AuditFilter{Target: "pm-2026-001"}, "postmortem.edit:PM-2026-001"},
		{"actor and action", debrief.AuditFilter{Actor: "ana", Action: debrief.AuditSignIn}, "signin:"},
		{"nothing", debrief.AuditFilter{Actor: "nobody"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := a.AuditLog(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if actions(got) != tt.want {
				t.Errorf("got %q, want %q", actions(got), tt.want)
			}
		})
	}
}

func testAuditLogPages(t *testing.T, services auditServices) {
	_, a, _ := services(t)
	for i := range 5 {
		record(t, a, debrief.AuditEvent{Actor: "ana", Action: debrief.AuditPostmortemCreate, Target: fmt.Sprintf("PM-2026-%03d", i+1)})
	}
	var got []string
	f := debrief.AuditFilter{Limit: 2}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("the pages never end")
		}
		events, next, err := a.AuditLog(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) > 2 {
			t.Fatalf("a page of %d events, want at most 2", len(events))
		}
		got = append(got, actions(events))
		if next == 0 {
			break
		}
		f.Before = next
	}
	want := []string{
		"postmortem.create:PM-2026-005 postmortem.create:PM-2026-004",
		"postmortem.create:PM-2026-003 postmortem.create:PM-2026-002",
		"postmortem.create:PM-2026-001",
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("pages %q, want %q", got, want)
	}
}

func testAuditHostileFields(t *testing.T, services auditServices) {
	_, a, _ := services(t)
	long := strings.Repeat("é", 5000)
	e := record(t, a, debrief.AuditEvent{Actor: "x\xff" + long, Action: debrief.AuditSignInFailed, Target: "'; DROP TABLE audit_log; --", Detail: long, Origin: "\x00"})
	got, _, err := a.AuditLog(ctx, debrief.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d events, want 1", len(got))
	}
	g := got[0]
	if g.ID != e.ID || len(g.Actor) > 200 || len(g.Detail) > 1000 || !strings.HasPrefix(g.Actor, "x\uFFFDé") || g.Target != "'; DROP TABLE audit_log; --" || g.Origin != "\uFFFD" {
		t.Errorf("hostile event read back as actor %q (%d bytes), detail of %d bytes, target %q", g.Actor[:10], len(g.Actor), len(g.Detail), g.Target)
	}
	if !strings.HasSuffix(g.Detail, "é") {
		t.Errorf("the detail was cut inside a character: %q", g.Detail[len(g.Detail)-4:])
	}
}

func addTokenUser(t *testing.T, s debrief.Store, name string) {
	t.Helper()
	if err := s.CreateUser(ctx, &debrief.User{Name: name, Role: debrief.RoleEditor, Teams: []string{"payments"}}, ""); err != nil {
		t.Fatal(err)
	}
}

// tokenHash returns a made-up token hash whose ID starts with prefix.
func tokenHash(prefix string) string {
	return (prefix + strings.Repeat("0", 64))[:64]
}

func testTokenExpiry(t *testing.T, services auditServices) {
	s, _, ts := services(t)
	addTokenUser(t, s, "ana")
	if _, err := ts.CreateTokenExpiring(ctx, "nobody", tokenHash("aa"), time.Time{}); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("token of a missing user: %v, want not found", err)
	}
	later := time.Now().Add(time.Hour)
	for _, tt := range []struct {
		name    string
		hash    string
		expires time.Time
		want    string // error code
	}{
		{"no expiry", tokenHash("a1"), time.Time{}, ""},
		{"expires later", tokenHash("a2"), later, ""},
		{"expired", tokenHash("a3"), time.Now().Add(-time.Second), debrief.EUNAUTHORIZED},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tok, err := ts.CreateTokenExpiring(ctx, "ANA", tt.hash, tt.expires)
			if err != nil {
				t.Fatal(err)
			}
			if tok.ID != tt.hash[:12] || tok.User != "ana" || !tok.Expires.Equal(tt.expires.Truncate(time.Second)) {
				t.Errorf("created %+v", tok)
			}
			u, err := ts.UseToken(ctx, tt.hash)
			if debrief.ErrorCode(err) != tt.want {
				t.Fatalf("use: %v, want code %q", err, tt.want)
			}
			if tt.want == "" && (u == nil || u.Name != "ana" || u.Role != debrief.RoleEditor || len(u.Teams) != 1) {
				t.Errorf("use: user %+v", u)
			}
			// Reading a token's user without recording its use refuses
			// the same tokens.
			u, err = s.UserByToken(ctx, tt.hash)
			if debrief.ErrorCode(err) != tt.want {
				t.Fatalf("user by token: %v, want code %q", err, tt.want)
			}
			if tt.want == "" && (u == nil || u.Name != "ana") {
				t.Errorf("user by token: user %+v", u)
			}
		})
	}
	if _, err := ts.UseToken(ctx, tokenHash("ff")); debrief.ErrorCode(err) != debrief.EUNAUTHORIZED {
		t.Errorf("unknown token: %v, want unauthorized", err)
	}
	list, err := ts.Tokens(ctx, "ana")
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range list {
		used := !tok.LastUsed.IsZero()
		if want := tok.ID != tokenHash("a3")[:12]; used != want {
			t.Errorf("token %s: last used %v, want recorded %v", tok.ID, tok.LastUsed, want)
		}
		if used && time.Since(tok.LastUsed) > time.Minute {
			t.Errorf("token %s: last used %v, long ago", tok.ID, tok.LastUsed)
		}
	}
}

func testTokenRevoke(t *testing.T, services auditServices) {
	s, _, ts := services(t)
	addTokenUser(t, s, "ana")
	keep, gone := tokenHash("b1"), tokenHash("b2")
	for _, h := range []string{keep, gone} {
		if _, err := ts.CreateTokenExpiring(ctx, "ana", h, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ id, want string }{
		{"", debrief.EINVALID},
		{"b2", debrief.EINVALID},
		{"B20000000000", debrief.EINVALID},
		{"%%%%%%%%%%%%", debrief.EINVALID},
		{"c00000000000", debrief.ENOTFOUND},
	} {
		if _, err := ts.RevokeToken(ctx, tt.id); debrief.ErrorCode(err) != tt.want {
			t.Errorf("revoke %q: %v, want %s", tt.id, err, tt.want)
		}
	}
	tok, err := ts.RevokeToken(ctx, gone[:12])
	if err != nil {
		t.Fatal(err)
	}
	if tok.ID != gone[:12] || tok.User != "ana" {
		t.Errorf("revoked %+v", tok)
	}
	if _, err := ts.UseToken(ctx, gone); debrief.ErrorCode(err) != debrief.EUNAUTHORIZED {
		t.Errorf("revoked token: %v, want unauthorized", err)
	}
	if _, err := ts.UseToken(ctx, keep); err != nil {
		t.Errorf("the other token: %v", err)
	}
	if _, err := ts.RevokeToken(ctx, gone[:12]); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("revoke twice: %v, want not found", err)
	}
}

func testTokenList(t *testing.T, services auditServices) {
	s, _, ts := services(t)
	addTokenUser(t, s, "bob")
	addTokenUser(t, s, "ana")
	for _, c := range []struct{ user, prefix string }{{"bob", "d1"}, {"ana", "d2"}, {"ana", "d3"}} {
		if err := s.CreateToken(ctx, c.user, tokenHash(c.prefix)); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(list []*debrief.APIToken) string {
		var out []string
		for _, tok := range list {
			out = append(out, tok.User+"/"+tok.ID[:2])
			if !tok.Expires.IsZero() || !tok.LastUsed.IsZero() || time.Since(tok.Created) > time.Hour {
				t.Errorf("token %+v: want no expiry, no use, created now", tok)
			}
		}
		return strings.Join(out, " ")
	}
	all, err := ts.Tokens(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(all), "ana/d2 ana/d3 bob/d1"; got != want {
		t.Errorf("all tokens %q, want %q", got, want)
	}
	anas, err := ts.Tokens(ctx, "ANA")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(anas), "ana/d2 ana/d3"; got != want {
		t.Errorf("ana's tokens %q, want %q", got, want)
	}
	if err := s.DeleteUser(ctx, "bob"); err != nil {
		t.Fatal(err)
	}
	if all, _ := ts.Tokens(ctx, ""); ids(all) != "ana/d2 ana/d3" {
		t.Errorf("after removing bob: %q", ids(all))
	}
}
