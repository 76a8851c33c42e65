package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/debrief/debrief/sqlite"
)

func TestTokenListAndRevoke(t *testing.T) {
	data := "--data=" + t.TempDir()
	mustRun(t, 0, "user", "add", "ana", "--role", "editor", data)
	mustRun(t, 0, "user", "add", "bob", data)
	create := func(args ...string) (token, id string) {
		t.Helper()
		r := mustRun(t, 0, append([]string{"token", "create", data}, args...)...)
		token = strings.TrimSpace(r.stdout)
		_, rest, _ := strings.Cut(r.stderr, "created token ")
		id, _, _ = strings.Cut(rest, " ")
		if !strings.HasPrefix(token, auth.TokenPrefix) || id != debrief.TokenID(auth.HashToken(token)) {
			t.Fatalf("token create printed %q and %q", r.stdout, r.stderr)
		}
		return token, id
	}
	anaToken, anaID := create("--user", "ana", "--expires", "90d")
	_, bobID := create("--user", "bob")

	db, err := sqlite.Open(context.Background(), strings.TrimPrefix(data, "--data="))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UseToken(context.Background(), auth.HashToken(anaToken)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	list := mustRun(t, 0, "token", "list", data).stdout
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[1], anaID+"  ana") || !strings.HasPrefix(lines[2], bobID+"  bob") {
		t.Fatalf("token list:\n%s", list)
	}
	year := time.Now().AddDate(0, 0, 90).Format("2006-")
	if f := strings.Fields(lines[1]); len(f) != 5 || !strings.HasPrefix(f[3], year) || f[4] == "never" {
		t.Errorf("ana's token: want an expiry in 90 days and a last use: %q", lines[1])
	}
	if f := strings.Fields(lines[2]); len(f) != 5 || f[3] != "never" || f[4] != "never" {
		t.Errorf("bob's token: want no expiry and no use: %q", lines[2])
	}
	if only := mustRun(t, 0, "token", "list", "--user", "BOB", data).stdout; strings.Contains(only, anaID) || !strings.Contains(only, bobID) {
		t.Errorf("token list --user BOB:\n%s", only)
	}

	for _, tt := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"revoke", []string{"token", "revoke", anaID}, 0, "revoked token " + anaID + " of ana"},
		{"revoke again", []string{"token", "revoke", anaID}, 2, "no token with id"},
		{"revoke a bad id", []string{"token", "revoke", "dbt_secret"}, 2, "12 hexadecimal digits"},
		{"revoke nothing", []string{"token", "revoke"}, 2, "needs one token id"},
		{"list a missing user", []string{"token", "list", "--user", "nobody"}, 2, "no user named nobody"},
		{"expiry in the past", []string{"token", "create", "--user", "ana", "--expires", "2020-01-01"}, 2, "in the past"},
		{"expiry unreadable", []string{"token", "create", "--user", "ana", "--expires", "soon"}, 2, "use a time from now"},
		{"expiry negative", []string{"token", "create", "--user", "ana", "--expires", "-5d"}, 2, "use a time from now"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, tt.code, append(tt.args, data)...)
			if !strings.Contains(r.stderr, tt.says) {
				t.Errorf("stderr %q, want %q", r.stderr, tt.says)
			}
		})
	}
	if list := mustRun(t, 0, "token", "list", data).stdout; strings.Contains(list, anaID) {
		t.Errorf("the revoked token is still listed:\n%s", list)
	}

	db, err = sqlite.Open(context.Background(), strings.TrimPrefix(data, "--data="))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.UseToken(context.Background(), auth.HashToken(anaToken)); debrief.ErrorCode(err) != debrief.EUNAUTHORIZED {
		t.Errorf("the revoked token still signs in: %v", err)
	}
	events, _, err := db.AuditLog(context.Background(), debrief.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		if e.Actor != "operator" || e.Origin != debrief.OriginCommandLine {
			t.Errorf("event %+v: want the operator on the command line", e)
		}
		got = append(got, e.Action+" "+e.Target)
	}
	want := "token.revoke " + anaID + "|token.create " + bobID + "|token.create " + anaID + "|user.create bob|user.create ana"
	if strings.Join(got, "|") != want {
		t.Errorf("audit log:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}
