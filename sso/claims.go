package sso

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/debrief/debrief"
)

// Mapping decides a user's role and teams from the claims of their ID
// token. One claim, such as "groups", holds a string or a list of strings;
// each value may grant a role (Roles) or name a team (TeamPrefix).
type Mapping struct {
	// Claim names the claim; dots reach into objects, so that
	// "realm_access.roles" reads {"realm_access": {"roles": [...]}}. A
	// name with a dot of its own is found whole first.
	Claim string
	// Roles maps a claim value to the role it grants. When several
	// values grant roles, the most allowed one wins.
	Roles map[string]debrief.Role
	// TeamPrefix, when set, makes every value that starts with it a team:
	// the rest of the value, such as "payments" of "team:payments".
	TeamPrefix string
	// DefaultRole is the role of someone none of whose values grants one;
	// "" refuses them.
	DefaultRole debrief.Role
}

// Limits on what a claim may hold, so that a token cannot make the mapping
// do unbounded work.
const (
	maxClaimValues = 1000
	maxValueLength = 256
)

// Validate checks the mapping's configuration.
func (m *Mapping) Validate() error {
	if m.Claim == "" && (len(m.Roles) > 0 || m.TeamPrefix != "") {
		return fmt.Errorf("name the claim that holds roles and teams, such as groups")
	}
	for v, r := range m.Roles {
		if v == "" {
			return fmt.Errorf("a role mapping needs a claim value before the =")
		}
		if !slices.Contains(debrief.Roles, r) {
			return fmt.Errorf("role mapping %s=%s: the role is not one of viewer, editor, admin", v, r)
		}
	}
	if m.DefaultRole != "" && !slices.Contains(debrief.Roles, m.DefaultRole) {
		return fmt.Errorf("default role %q is not one of viewer, editor, admin, or none", m.DefaultRole)
	}
	return nil
}

// MapJSON maps the claims of an ID token's payload, as JSON.
func (m *Mapping) MapJSON(payload []byte) (debrief.Role, []string, error) {
	var claims map[string]any
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := dec.Decode(&claims); err != nil {
		return "", nil, debrief.Errorf(debrief.EINVALID, "the ID token's claims are not a JSON object: %v", err)
	}
	return m.Map(claims)
}

// Map returns the role and teams the claims grant. A claim of the wrong
// shape, or claims that grant no role when there is no default, are
// refused with a message that says which.
func (m *Mapping) Map(claims map[string]any) (debrief.Role, []string, error) {
	values, err := m.values(claims)
	if err != nil {
		return "", nil, err
	}
	role := m.DefaultRole
	granted := false
	var teams []string
	for _, v := range values {
		if r, ok := m.Roles[v]; ok && (!granted || rank(r) > rank(role)) {
			role, granted = r, true
		}
		if m.TeamPrefix != "" {
			if team, ok := strings.CutPrefix(v, m.TeamPrefix); ok && strings.TrimSpace(team) != "" {
				teams = append(teams, team)
			}
		}
	}
	if role == "" {
		return "", nil, debrief.Errorf(debrief.EFORBIDDEN, "your identity provider grants you no debrief role: ask an admin to add you to a group that has one")
	}
	return role, debrief.Keys(teams), nil
}

// values returns the strings of the mapping's claim: none when it is
// absent.
func (m *Mapping) values(claims map[string]any) ([]string, error) {
	if m.Claim == "" {
		return nil, nil
	}
	v, ok := lookup(claims, m.Claim)
	if !ok || v == nil {
		return nil, nil
	}
	bad := func(why string) error {
		return debrief.Errorf(debrief.EINVALID, "the ID token's claim %q %s: it should be a string or a list of strings", m.Claim, why)
	}
	var out []string
	switch v := v.(type) {
	case string:
		out = []string{v}
	case []any:
		if len(v) > maxClaimValues {
			return nil, bad(fmt.Sprintf("holds %d values, more than %d", len(v), maxClaimValues))
		}
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, bad("holds a value that is not a string")
			}
			out = append(out, s)
		}
	default:
		return nil, bad("is not a string or a list")
	}
	for _, s := range out {
		if len(s) > maxValueLength {
			return nil, bad(fmt.Sprintf("holds a value longer than %d bytes", maxValueLength))
		}
	}
	return out, nil
}

// lookup finds a claim by name, or by a dotted path into objects.
func lookup(claims map[string]any, name string) (any, bool) {
	if v, ok := claims[name]; ok {
		return v, true
	}
	head, rest, ok := strings.Cut(name, ".")
	if !ok {
		return nil, false
	}
	inner, ok := claims[head].(map[string]any)
	if !ok {
		return nil, false
	}
	return lookup(inner, rest)
}

func rank(r debrief.Role) int { return slices.Index(debrief.Roles, r) }

// ParseRoles reads role mappings written VALUE=ROLE, such as
// "debrief-admins=admin". The role follows the last =, so that a value
// may hold one of its own, as LDAP names do.
func ParseRoles(specs []string) (map[string]debrief.Role, error) {
	out := map[string]debrief.Role{}
	for _, s := range specs {
		i := strings.LastIndex(s, "=")
		if i <= 0 || i == len(s)-1 {
			return nil, fmt.Errorf("role mapping %q: write VALUE=ROLE, such as debrief-admins=admin", s)
		}
		v, r := s[:i], s[i+1:]
		role := debrief.Role(strings.ToLower(strings.TrimSpace(r)))
		if !slices.Contains(debrief.Roles, role) {
			return nil, fmt.Errorf("role mapping %q: %q is not one of viewer, editor, admin", s, r)
		}
		out[v] = role
	}
	return out, nil
}
