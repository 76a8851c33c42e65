package debrief

import (
	"context"
	"regexp"
	"sync"
	"time"
)

// APIToken describes an API token without its secret. Its ID is the start of
// the token's hash: enough to name it in `debrief token revoke`, useless
// for signing in.
type APIToken struct {
	ID      string
	User    string
	Created time.Time
	// Expires is when the token stops working; zero for never.
	Expires time.Time
	// LastUsed is when the token last signed a request in, to the
	// minute; zero for never.
	LastUsed time.Time
}

// TokenIDLength is the number of hexadecimal digits of a token's ID.
const TokenIDLength = 12

// TokenID returns the ID of the token with the given hash.
func TokenID(hash string) string {
	if len(hash) < TokenIDLength {
		return hash
	}
	return hash[:TokenIDLength]
}

var tokenIDPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{12}$`) })

// ValidTokenID checks the ID a person typed.
func ValidTokenID(id string) error {
	if !tokenIDPattern().MatchString(id) {
		return Errorf(EINVALID, "token id %q: use the 12 hexadecimal digits that debrief token list shows", id)
	}
	return nil
}

// TokenUseInterval is how often the last use of a token is written: at
// most once a minute, so that a busy client does not turn every request
// into a write.
const TokenUseInterval = time.Minute

// TokenService manages API tokens beyond creating them (UserService): their
// expiry, their last use, and revocation.
type TokenService interface {
	// CreateTokenExpiring stores the hash of a new token for the user,
	// valid until expires (zero: no expiry), and returns its description.
	// A missing user is not found.
	CreateTokenExpiring(ctx context.Context, userName, tokenHash string, expires time.Time) (*APIToken, error)
	// Tokens lists the tokens of a user, or of every user when userName is
	// "", by user and creation time.
	Tokens(ctx context.Context, userName string) ([]*APIToken, error)
	// RevokeToken deletes the token with the given ID and returns what it
	// was; an unknown ID is not found.
	RevokeToken(ctx context.Context, id string) (*APIToken, error)
	// UseToken returns the user of a token that has not expired and
	// records its use; an unknown or expired token is unauthorized.
	UseToken(ctx context.Context, tokenHash string) (*User, error)
}
