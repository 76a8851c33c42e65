package debrief

import (
	"context"
	"regexp"
	"slices"
	"sync"
)

// Role is what a user may do: viewers read, editors also write, admins also
// manage users and see every restricted postmortem.
type Role string

// Roles, from the least to the most allowed.
const (
	RoleViewer Role = "viewer"
	RoleEditor Role = "editor"
	RoleAdmin  Role = "admin"
)

// Roles lists the valid roles.
var Roles = []Role{RoleViewer, RoleEditor, RoleAdmin}

// User is someone who signs in to the archive. Users belong to teams, which
// decide which restricted postmortems they see.
type User struct {
	Name  string
	Role  Role
	Teams []string
}

// Viewer returns who reads when u reads.
func (u *User) Viewer() Viewer {
	return Viewer{User: u.Name, Teams: u.Teams, Admin: u.Role == RoleAdmin}
}

// CanWrite reports whether u may create and change postmortems.
func (u *User) CanWrite() bool { return u.Role == RoleEditor || u.Role == RoleAdmin }

var userNamePattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`) })

// Validate checks a user's name and role.
func (u *User) Validate() error {
	if !userNamePattern().MatchString(u.Name) {
		return Errorf(EINVALID, "user name %q: use 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit", u.Name)
	}
	if !slices.Contains(Roles, u.Role) {
		return Errorf(EINVALID, "role %q is not one of viewer, editor, admin", u.Role)
	}
	return nil
}

// UserService keeps users and their bearer tokens. Passwords and tokens are
// stored only as hashes, made by the auth package.
type UserService interface {
	// CreateUser adds a user; a name that is taken is a conflict.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	// UserByName returns a user and its password hash ("" when it has no
	// password), or a not-found error.
	UserByName(ctx context.Context, name string) (*User, string, error)
	// CreateToken stores the hash of a new bearer token for the user.
	CreateToken(ctx context.Context, userName, tokenHash string) error
	// UserByToken returns the user whose token has the given hash, or an
	// unauthorized error when there is none or it expired.
	UserByToken(ctx context.Context, tokenHash string) (*User, error)
	// Users lists every user by name.
	Users(ctx context.Context) ([]*User, error)
	// CountAdmins counts the users with the admin role.
	CountAdmins(ctx context.Context) (int, error)

	// UpdateUser gives the user named u.Name (in any case) u's role and
	// teams. A missing user is not found; taking the admin role from the
	// last admin is a conflict, so that someone can always manage users.
	UpdateUser(ctx context.Context, u *User) error
	// SetPassword replaces a user's password hash ("" leaves the user
	// with API tokens only) and ends the user's browser sessions. A
	// missing user is not found.
	SetPassword(ctx context.Context, name, passwordHash string) error
	// DeleteUser removes a user with its teams, tokens and browser
	// sessions. A missing user is not found; removing the last admin is a
	// conflict.
	DeleteUser(ctx context.Context, name string) error

	SessionService
}

// LastAdmin is the error of a change that would leave the archive without
// an admin.
func LastAdmin(name string) error {
	return Errorf(ECONFLICT, "%s is the only admin: make another user admin first, so that someone can still manage users", name)
}

// NoUser is the error of a user that does not exist.
func NoUser(name string) error {
	return Errorf(ENOTFOUND, "no user named %s: debrief user list shows them", name)
}
