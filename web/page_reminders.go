package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/debrief/debrief"
)

// remindersView is the admin page of where teams' digests go.
type remindersView struct {
	Base
	Settings  []debrief.ReminderSetting
	FileTeams []string
}

func (s *Server) reminderService() (debrief.ReminderService, error) {
	if s.cfg.Reminders == nil {
		return nil, debrief.Errorf(debrief.ENOTFOUND, "this server keeps no reminder settings")
	}
	return s.cfg.Reminders, nil
}

func (s *Server) adminRemindersPage(w http.ResponseWriter, r *http.Request) {
	rs, err := s.reminderService()
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	settings, err := rs.ReminderSettings(r.Context())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := remindersView{Base: s.pages.base(r, "Reminders"), Settings: settings, FileTeams: s.cfg.ReminderTeams}
	v.Nav = "admin"
	if t := r.URL.Query().Get("saved"); t != "" {
		v.Notice = "Saved the reminders of " + t + "; they apply from the next run."
	}
	s.pages.render(w, r, http.StatusOK, "reminders", v)
}

// adminSetReminders sets or removes a team's reminder setting.
func (s *Server) adminSetReminders(w http.ResponseWriter, r *http.Request) {
	rs, err := s.reminderService()
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	u := userFrom(r.Context())
	team := strings.TrimSpace(r.PostForm.Get("team"))
	if r.PostForm.Get("op") == "remove" {
		err = rs.DeleteReminderSetting(r.Context(), u.Viewer(), team)
	} else {
		emails := strings.FieldsFunc(r.PostForm.Get("email"), func(c rune) bool { return c == ',' || c == ' ' || c == '\n' || c == '\r' })
		set := debrief.ReminderSetting{Team: team, Email: emails, By: u.Name, At: s.pages.now()}
		switch where := strings.TrimSpace(r.PostForm.Get("slack")); {
		case strings.HasPrefix(where, "/"):
			set.SlackFile = where
		default:
			set.SlackEnv = where
		}
		err = rs.SetReminderSetting(r.Context(), u.Viewer(), set)
	}
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/reminders?saved="+url.QueryEscape(team), http.StatusSeeOther)
}
