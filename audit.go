package debrief

import (
	"context"
	"strings"
	"time"
)

// AuditEvent is one entry of the audit log: who did what, to what, when and
// from where. Events are written once and never changed.
type AuditEvent struct {
	// ID orders the log; the store assigns it.
	ID int64
	At time.Time
	// Actor is the user who acted, "operator" for the command line, or the
	// name someone tried when a sign-in failed.
	Actor string
	// Action says what happened; see the Audit… constants.
	Action string
	// Target is what it happened to: a user, a token id, a postmortem id.
	Target string
	// Detail adds what changed, such as a new role.
	Detail string
	// Origin is where the request came from: the client's address, or
	// "command line".
	Origin string
}

// Audited actions.
const (
	AuditSignIn           = "signin"
	AuditSignInFailed     = "signin.failed"
	AuditUserCreate       = "user.create"
	AuditUserRole         = "user.role"
	AuditUserDelete       = "user.delete"
	AuditUserPassword     = "user.password"
	AuditTokenCreate      = "token.create"
	AuditTokenRevoke      = "token.revoke"
	AuditPostmortemCreate = "postmortem.create"
	AuditPostmortemEdit   = "postmortem.edit"
	AuditPostmortemAccess = "postmortem.restriction"
	AuditPostmortemDelete = "postmortem.delete"
	AuditPostmortemImport = "postmortem.import"
)

// UserDetail describes a user's role and teams for the audit log.
func UserDetail(u *User) string {
	d := "role " + string(u.Role)
	if len(u.Teams) > 0 {
		d += ", teams " + strings.Join(u.Teams, ", ")
	}
	return d
}

// UserChange describes a change of a user's role and teams for the audit
// log, from before (nil when unknown) to after.
func UserChange(before, after *User) string {
	if before == nil {
		return UserDetail(after)
	}
	d := "role " + string(after.Role)
	if before.Role != after.Role {
		d = "role " + string(before.Role) + " → " + string(after.Role)
	}
	old, now := strings.Join(Keys(before.Teams), ", "), strings.Join(Keys(after.Teams), ", ")
	switch {
	case old != now:
		d += ", teams " + orNone(old) + " → " + orNone(now)
	case now != "":
		d += ", teams " + now
	}
	return d
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// AccessChange describes a change of who may see a postmortem for the
// audit log, "" when before and after have the same audience.
func AccessChange(before, after *Postmortem) string {
	audience := func(p *Postmortem) string {
		if !p.Restricted {
			return "everyone"
		}
		return "teams " + orNone(strings.Join(Keys(p.Teams), ", "))
	}
	b, a := audience(before), audience(after)
	if b == a {
		return ""
	}
	return "visible to " + b + " → " + a
}

// OriginCommandLine is the origin of what the operator does with the
// debrief command.
const OriginCommandLine = "command line"

// Limits of the audit log's fields: longer values are cut, so that a
// hostile sign-in name cannot fill the log.
const (
	maxAuditField  = 200
	maxAuditDetail = 1000
)

// Normalize cuts e's fields to their limits, replaces control characters and fills in At when it is
// zero. Stores call it before they write.
func (e *AuditEvent) Normalize(now time.Time) {
	if e.At.IsZero() {
		e.At = now
	}
	e.At = e.At.UTC().Truncate(time.Second)
	e.Actor = cut(e.Actor, maxAuditField)
	e.Action = cut(e.Action, maxAuditField)
	e.Target = cut(e.Target, maxAuditField)
	e.Origin = cut(e.Origin, maxAuditField)
	e.Detail = cut(e.Detail, maxAuditDetail)
}

// cut shortens s to at most n bytes of valid UTF-8 without control
// characters, which neither store nor page should have to carry.
func cut(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if len(s) <= n {
		return s
	}
	for n > 0 && !startsRune(s[n]) {
		n--
	}
	return s[:n]
}

func startsRune(b byte) bool { return b&0xC0 != 0x80 }

// AuditFilter selects audit events, newest first.
type AuditFilter struct {
	// Actor, Action and Target, when set, keep only events with that
	// value (Actor and Target without regard to case).
	Actor, Action, Target string
	// Before, when set, keeps events with a smaller ID: the Next of the
	// previous page.
	Before int64
	// Limit is the page size: DefaultLimit when 0, at most MaxLimit.
	Limit int
}

// PageLimit returns the page size of f.
func (f AuditFilter) PageLimit() int {
	switch {
	case f.Limit <= 0:
		return DefaultLimit
	case f.Limit > MaxLimit:
		return MaxLimit
	}
	return f.Limit
}

// AuditService keeps the audit log.
type AuditService interface {
	// RecordAudit appends an event; the store sets its ID.
	RecordAudit(ctx context.Context, e *AuditEvent) error
	// AuditLog returns a page of events, newest first, and the Before of
	// the next page (0 on the last).
	AuditLog(ctx context.Context, f AuditFilter) (events []*AuditEvent, next int64, err error)
}
