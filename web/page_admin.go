package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
)

// The admin page: users (add, change role and teams, reset a password,
// remove) and deleting a postmortem. Every change is logged with the admin
// who made it; a deletion is also recorded by the store.

// adminView is the admin page.
type adminView struct {
	Base
	Users   []*debrief.User
	Roles   []debrief.Role
	Problem string
}

// requireAdmin refuses the admin pages to everyone but admins.
func (p *pages) requireAdmin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if u := userFrom(r.Context()); u == nil || u.Role != debrief.RoleAdmin {
			p.errorPage(w, r, debrief.Errorf(debrief.EFORBIDDEN, "only admins manage users and delete postmortems"))
			return
		}
		next(w, r)
	}
}

// adminNotices are the confirmations the admin page shows after a change,
// by the done parameter of its address.
var adminNotices = map[string]string{
	"added":   "Added %s.",
	"saved":   "Saved %s's role and teams.",
	"passwd":  "Reset %s's password.",
	"removed": "Removed %s and their API tokens.",
	"deleted": "Deleted %s. The deletion is on record, with its file.",
}

func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	s.renderAdmin(w, r, http.StatusOK, nil)
}

// renderAdmin shows the admin page, with the problem of err if it is set.
func (s *Server) renderAdmin(w http.ResponseWriter, r *http.Request, status int, err error) {
	v := adminView{Base: s.pages.base(r, "Admin"), Roles: debrief.Roles}
	v.Nav = "admin"
	q := r.URL.Query()
	if f, ok := adminNotices[q.Get("done")]; ok && err == nil {
		v.Notice = strings.Replace(f, "%s", q.Get("name"), 1)
	}
	users, uerr := s.cfg.Users.Users(r.Context())
	if uerr != nil {
		s.pages.errorPage(w, r, uerr)
		return
	}
	v.Users = users
	if err != nil {
		if debrief.ErrorCode(err) == debrief.EINTERNAL {
			s.pages.errorPage(w, r, err)
			return
		}
		v.Problem = upperFirst(debrief.ErrorMessage(err))
	}
	s.pages.render(w, r, status, "admin", v)
}

// adminDone answers a change with a redirect to the admin page and its
// confirmation.
func adminDone(w http.ResponseWriter, r *http.Request, done, name string) {
	http.Redirect(w, r, "/admin?"+url.Values{"done": {done}, "name": {name}}.Encode(), http.StatusSeeOther)
}

// adminFail shows the admin page with the problem of err.
func (s *Server) adminFail(w http.ResponseWriter, r *http.Request, err error) {
	status := statuses[debrief.ErrorCode(err)]
	s.renderAdmin(w, r, status, err)
}

// newPasswordHash hashes a password typed in a form, "" for none.
func newPasswordHash(password string) (string, error) {
	if password == "" {
		return "", nil
	}
	if msg := auth.PasswordProblem(password); msg != "" {
		return "", debrief.Errorf(debrief.EINVALID, "%s", msg)
	}
	return auth.HashPassword(password)
}

func (s *Server) adminAddUser(w http.ResponseWriter, r *http.Request) {
	u := &debrief.User{Name: strings.TrimSpace(r.PostFormValue("name")), Role: debrief.Role(r.PostFormValue("role")),
		Teams: debrief.Keys(splitList(r.PostFormValue("teams")))}
	hash, err := newPasswordHash(r.PostFormValue("password"))
	if err == nil {
		err = s.cfg.Users.CreateUser(r.Context(), u, hash)
	}
	if err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.pages.log.InfoContext(r.Context(), "added a user", "user", u.Name, "role", u.Role, "teams", strings.Join(u.Teams, ","), "by", userFrom(r.Context()).Name)
	s.recordAudit(r.Context(), userFrom(r.Context()).Name, debrief.AuditUserCreate, u.Name, debrief.UserDetail(u))
	adminDone(w, r, "added", u.Name)
}

// adminUser changes the user of the address: op set (role and teams),
// passwd or remove.
func (s *Server) adminUser(w http.ResponseWriter, r *http.Request) {
	name, by := r.PathValue("name"), userFrom(r.Context()).Name
	ctx := r.Context()
	switch op := r.PostFormValue("op"); op {
	case "set":
		u := &debrief.User{Name: name, Role: debrief.Role(r.PostFormValue("role")), Teams: debrief.Keys(splitList(r.PostFormValue("teams")))}
		before, _, _ := s.cfg.Users.UserByName(ctx, name)
		if err := s.cfg.Users.UpdateUser(ctx, u); err != nil {
			s.adminFail(w, r, err)
			return
		}
		s.pages.log.InfoContext(ctx, "changed a user", "user", name, "role", u.Role, "teams", strings.Join(u.Teams, ","), "by", by)
		s.recordAudit(ctx, by, debrief.AuditUserRole, name, debrief.UserChange(before, u))
		adminDone(w, r, "saved", name)
	case "passwd":
		password := r.PostFormValue("password")
		if password == "" {
			s.adminFail(w, r, debrief.Errorf(debrief.EINVALID, "type the new password for %s", name))
			return
		}
		hash, err := newPasswordHash(password)
		if err == nil {
			err = s.cfg.Users.SetPassword(ctx, name, hash)
		}
		if err != nil {
			s.adminFail(w, r, err)
			return
		}
		s.pages.forgetUser(name)
		s.pages.log.InfoContext(ctx, "reset a password", "user", name, "by", by)
		s.recordAudit(ctx, by, debrief.AuditUserPassword, name, "password reset")
		adminDone(w, r, "passwd", name)
	case "remove":
		if err := s.cfg.Users.DeleteUser(ctx, name); err != nil {
			s.adminFail(w, r, err)
			return
		}
		s.pages.forgetUser(name)
		s.pages.log.InfoContext(ctx, "removed a user", "user", name, "by", by)
		s.recordAudit(ctx, by, debrief.AuditUserDelete, name, "")
		adminDone(w, r, "removed", name)
	default:
		s.adminFail(w, r, debrief.Errorf(debrief.EINVALID, "unknown change %q", op))
	}
}

// adminDelete deletes the postmortem of the form at the version given.
func (s *Server) adminDelete(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimSpace(r.PostFormValue("id"))
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil || version < 1 {
		s.adminFail(w, r, debrief.Errorf(debrief.EINVALID, "give the version of %s you mean to delete, as its page shows it", id))
		return
	}
	u := userFrom(r.Context())
	if err := s.cfg.Postmortems.Delete(r.Context(), u.Viewer(), id, version); err != nil {
		s.adminFail(w, r, err)
		return
	}
	s.pages.log.InfoContext(r.Context(), "deleted a postmortem", "id", id, "version", version, "by", u.Name)
	adminDone(w, r, "deleted", id)
}
