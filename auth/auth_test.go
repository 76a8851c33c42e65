package auth

import (
	"strings"
	"testing"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("unexpected hash format %q", h)
	}
	if !CheckPassword(h, "correct horse") {
		t.Error("the right password does not match")
	}
	if CheckPassword(h, "correct horse ") || CheckPassword(h, "") {
		t.Error("a wrong password matches")
	}
	h2, _ := HashPassword("correct horse")
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$a2V5", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$a2V5", "$argon2id$v=19$m=19456,t=2,p=1$!!$a2V5"} {
		if CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q matches", bad)
		}
	}
}

func TestToken(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok, TokenPrefix) || len(tok) != len(TokenPrefix)+43 {
		t.Errorf("token %q has the wrong shape", tok)
	}
	if HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Error("hash does not match or contains the token")
	}
	tok2, _, _ := NewToken()
	if tok2 == tok {
		t.Error("two tokens are equal")
	}
}
