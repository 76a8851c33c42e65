package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/debrief/debrief"
)

// The audit log: sign-ins, failed sign-ins, changes to users and tokens,
// and the creation, edits, restriction changes and deletion of
// postmortems, each with who, when, what and from where. Admins read it on
// /admin/audit and at GET /api/v1/audit.

type originKey struct{}

// withOrigin puts the client's address in the request's context, for the
// audit log of what the request changes.
func (s *Server) withOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr := clientAddr(r, s.cfg.TrustedProxies)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), originKey{}, addr)))
	})
}

func originFrom(ctx context.Context) string {
	o, _ := ctx.Value(originKey{}).(string)
	return o
}

// recordAudit appends an event to the audit log, if the archive keeps one.
// What it records has happened already, so a failure is logged, not
// returned.
func (s *Server) recordAudit(ctx context.Context, actor, action, target, detail string) {
	if s.audit == nil {
		return
	}
	e := &debrief.AuditEvent{Actor: actor, Action: action, Target: target, Detail: detail, Origin: originFrom(ctx)}
	if err := s.audit.RecordAudit(context.WithoutCancel(ctx), e); err != nil {
		s.cfg.Log.ErrorContext(ctx, "could not record in the audit log", "action", action, "target", target, "err", err)
	}
}

// userByToken returns the user of a bearer token's hash, through the
// token service when the archive has one, so that expiry holds and the
// last use is recorded.
func (s *Server) userByToken(ctx context.Context, hash string) (*debrief.User, error) {
	if s.tokens != nil {
		return s.tokens.UseToken(ctx, hash)
	}
	return s.cfg.Users.UserByToken(ctx, hash)
}

// auditedPostmortems records the changes to postmortems that the API and
// the pages make; everything else goes straight to the archive.
type auditedPostmortems struct {
	debrief.PostmortemService
	s *Server
}

func (a auditedPostmortems) Create(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem) error {
	if err := a.PostmortemService.Create(ctx, v, p); err != nil {
		return err
	}
	a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemCreate, p.ID, fmt.Sprintf("version %d", p.Version))
	if change := debrief.AccessChange(&debrief.Postmortem{}, p); change != "" {
		a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemAccess, p.ID, change)
	}
	return nil
}

func (a auditedPostmortems) Update(ctx context.Context, v debrief.Viewer, p *debrief.Postmortem, expectedVersion int) error {
	// The postmortem as it was, to tell a change of audience: when its
	// version is the expected one and the update succeeds, it is exactly
	// what the update replaced.
	before, _ := a.PostmortemService.FindByID(ctx, v, p.ID)
	if err := a.PostmortemService.Update(ctx, v, p, expectedVersion); err != nil {
		return err
	}
	if p.Version == expectedVersion {
		return nil // identical content changes nothing
	}
	a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemEdit, p.ID, fmt.Sprintf("version %d → %d", expectedVersion, p.Version))
	if before != nil && before.Version == expectedVersion {
		if change := debrief.AccessChange(before, p); change != "" {
			a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemAccess, p.ID, change)
		}
	}
	return nil
}

func (a auditedPostmortems) Delete(ctx context.Context, v debrief.Viewer, id string, expectedVersion int) error {
	if err := a.PostmortemService.Delete(ctx, v, id, expectedVersion); err != nil {
		return err
	}
	a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemDelete, id, fmt.Sprintf("version %d", expectedVersion))
	return nil
}

// auditedFollowThrough records the postmortem versions that quick edits
// of action items and reviews of accepted risks save.
type auditedFollowThrough struct {
	debrief.FollowThroughArchive
	s *Server
}

func (a auditedFollowThrough) SaveFollowThrough(ctx context.Context, v debrief.Viewer, ps []*debrief.Postmortem, extra []debrief.Change) error {
	before := make([]int, len(ps))
	for i, p := range ps {
		before[i] = p.Version
	}
	if err := a.FollowThroughArchive.SaveFollowThrough(ctx, v, ps, extra); err != nil {
		return err
	}
	for i, p := range ps {
		if p.Version != before[i] {
			a.s.recordAudit(ctx, v.User, debrief.AuditPostmortemEdit, p.ID, fmt.Sprintf("version %d → %d (action items or accepted risks)", before[i], p.Version))
		}
	}
	return nil
}

// auditFilter reads the filter of the audit log from a request's query.
func auditFilter(r *http.Request) (debrief.AuditFilter, error) {
	q := r.URL.Query()
	f := debrief.AuditFilter{Actor: q.Get("actor"), Action: q.Get("action"), Target: q.Get("target")}
	if b := q.Get("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n < 1 {
			return f, debrief.Errorf(debrief.EINVALID, "before %q: give the next value of the previous page", b)
		}
		f.Before = n
	}
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > debrief.MaxLimit {
			return f, debrief.Errorf(debrief.EINVALID, "limit %q: give a number from 1 to %d", l, debrief.MaxLimit)
		}
		f.Limit = n
	}
	return f, nil
}

// auditEventJSON is an audit event in the API.
type auditEventJSON struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	Detail string    `json:"detail"`
	Origin string    `json:"origin"`
}

// auditLogAPI answers GET /api/v1/audit, for admins.
func (s *Server) auditLogAPI(w http.ResponseWriter, r *http.Request) {
	if u := userFrom(r.Context()); u.Role != debrief.RoleAdmin {
		writeErrorStatus(w, http.StatusForbidden, debrief.EFORBIDDEN, "only admins may read the audit log", 0)
		return
	}
	if s.audit == nil {
		writeError(w, r, debrief.Errorf(debrief.ENOTFOUND, "this archive keeps no audit log"))
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	events, next, err := s.audit.AuditLog(r.Context(), f)
	if err != nil {
		writeError(w, r, err)
		return
	}
	out := struct {
		Items []auditEventJSON `json:"items"`
		Next  string           `json:"next,omitempty"`
	}{Items: []auditEventJSON{}}
	for _, e := range events {
		out.Items = append(out.Items, auditEventJSON{e.ID, e.At, e.Actor, e.Action, e.Target, e.Detail, e.Origin})
	}
	if next > 0 {
		out.Next = strconv.FormatInt(next, 10)
	}
	writeJSON(w, http.StatusOK, out)
}

// auditView is the audit log's page.
type auditView struct {
	Base
	Filter  debrief.AuditFilter
	Actions []string
	Events  []*debrief.AuditEvent
	// Older is the address of the next page, "" on the last.
	Older string
}

// auditActions lists the actions a page filter offers.
var auditActions = []string{
	debrief.AuditSignIn, debrief.AuditSignInFailed,
	debrief.AuditUserCreate, debrief.AuditUserRole, debrief.AuditUserPassword, debrief.AuditUserDelete,
	debrief.AuditTokenCreate, debrief.AuditTokenRevoke,
	debrief.AuditPostmortemCreate, debrief.AuditPostmortemEdit, debrief.AuditPostmortemAccess, debrief.AuditPostmortemDelete,
	debrief.AuditPostmortemImport,
}

// auditPage shows the audit log to admins, newest first, 50 a page.
func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) {
	if s.audit == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this archive keeps no audit log"))
		return
	}
	f, err := auditFilter(r)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	events, next, err := s.audit.AuditLog(r.Context(), f)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := auditView{Base: s.pages.base(r, "Audit log"), Filter: f, Actions: auditActions, Events: events}
	v.Nav = "admin"
	if next > 0 {
		q := r.URL.Query()
		q.Set("before", strconv.FormatInt(next, 10))
		v.Older = "/admin/audit?" + q.Encode()
	}
	s.pages.render(w, r, http.StatusOK, "audit", v)
}
