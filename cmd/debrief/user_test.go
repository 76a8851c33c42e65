package main

import (
	"context"
	"strings"
	"testing"

	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/sqlite"
)

func TestUserAndToken(t *testing.T) {
	data := t.TempDir()
	steps := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{"add admin with password", "s3cret-passphrase\n", []string{"user", "add", "ada", "--role", "admin", "--password-stdin"}, 0, "", "added ada (admin)"},
		{"add editor with teams", "", []string{"user", "add", "eve", "--role", "editor", "--team", "Payments,checkout"}, 0, "", "teams checkout, payments"},
		{"taken name", "", []string{"user", "add", "ADA"}, 2, "", "exists already"},
		{"bad role", "", []string{"user", "add", "bob", "--role", "owner"}, 2, "", `role "owner" is not one of`},
		{"bad name", "", []string{"user", "add", "bob smith"}, 2, "", "user name"},
		{"empty password", "\n", []string{"user", "add", "bob", "--password-stdin"}, 2, "", "the password is empty"},
		{"short password", "abc\n", []string{"user", "add", "bob", "--password-stdin"}, 2, "", "at least 8 characters"},
		{"no name", "", []string{"user", "add"}, 2, "", "one user name"},
		{"list", "", []string{"user", "list"}, 0, "eve   editor  checkout, payments", ""},
		{"token for a missing user", "", []string{"token", "create", "--user", "nobody"}, 2, "", "no user named nobody"},
		{"token without user", "", []string{"token", "create"}, 2, "", "needs --user"},
		{"set a role", "", []string{"user", "set", "EVE", "--role", "admin"}, 0, "", "eve is admin; teams checkout, payments"},
		{"set teams", "", []string{"user", "set", "eve", "--team", "search"}, 0, "", "eve is admin; teams search"},
		{"set nothing", "", []string{"user", "set", "eve"}, 2, "", "needs --role, --team or both"},
		{"set a bad role", "", []string{"user", "set", "eve", "--role", "owner"}, 2, "", `role "owner" is not one of`},
		{"set a missing user", "", []string{"user", "set", "nobody", "--role", "viewer"}, 2, "", "no user named nobody"},
		{"reset a password", "another-passphrase\n", []string{"user", "passwd", "ada", "--password-stdin"}, 0, "", "reset the password of ada"},
		{"reset to a short password", "abc\n", []string{"user", "passwd", "ada", "--password-stdin"}, 2, "", "at least 8 characters"},
		{"passwd needs a choice", "", []string{"user", "passwd", "ada"}, 2, "", "needs --password-stdin or --none"},
		{"demote an admin", "", []string{"user", "set", "ada", "--role", "viewer"}, 0, "", "ada is viewer"},
		{"remove the last admin", "", []string{"user", "remove", "eve"}, 2, "", "eve is the only admin"},
		{"add and remove", "", []string{"user", "add", "bob"}, 0, "", "added bob"},
		{"remove", "", []string{"user", "remove", "BOB"}, 0, "", "removed BOB"},
		{"remove a missing user", "", []string{"user", "remove", "bob"}, 2, "", "no user named bob"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			r := debriefCmd(t, s.stdin, append([]string{"--data", data}, s.args...)...)
			if r.code != s.code || !strings.Contains(r.stdout, s.stdoutHas) || !strings.Contains(r.stderr, s.stderrHas) {
				t.Errorf("exit %d (want %d)\nstdout: %q (want %q)\nstderr: %q (want %q)", r.code, s.code, r.stdout, s.stdoutHas, r.stderr, s.stderrHas)
			}
		})
	}

	r := debriefCmd(t, "", "--data", data, "token", "create", "--user", "eve")
	token := strings.TrimSuffix(r.stdout, "\n")
	if r.code != 0 || !strings.HasPrefix(token, auth.TokenPrefix) || strings.Contains(token, "\n") {
		t.Fatalf("token create: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	db, err := sqlite.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.UserByToken(context.Background(), auth.HashToken(token))
	if err != nil || u.Name != "eve" {
		t.Errorf("the printed token does not sign eve in: %+v, %v", u, err)
	}
	_, hash, err := db.UserByName(context.Background(), "ada")
	if err != nil || !auth.CheckPassword(hash, "another-passphrase") {
		t.Errorf("ada's new password was not stored: %v", err)
	}
}
