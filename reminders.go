package debrief

import (
	"context"
	"strings"
	"time"
)

// ReminderSetting says where one team's daily digest goes, as an admin
// sets it in the web app beside the teams of .debrief.yaml: e-mail
// addresses, and the environment variable or file that holds the team's
// Slack incoming webhook. The webhook's URL is a secret, so the archive
// never holds it, only where to find it.
type ReminderSetting struct {
	Team  string
	Email []string
	// SlackEnv or SlackFile names where the webhook's URL is; at most one.
	SlackEnv, SlackFile string
	By                  string
	At                  time.Time
}

// Validate checks the setting: a team, a channel, addresses that look like
// addresses, and at most one place for the webhook.
func (s ReminderSetting) Validate() error {
	switch {
	case strings.TrimSpace(s.Team) == "":
		return Errorf(EINVALID, "name the team the digest is for")
	case s.SlackEnv != "" && s.SlackFile != "":
		return Errorf(EINVALID, "reminders of %s: give the Slack webhook's environment variable or its file, not both", s.Team)
	case s.SlackEnv == "" && s.SlackFile == "" && len(s.Email) == 0:
		return Errorf(EINVALID, "reminders of %s: give e-mail addresses, a Slack webhook, or both", s.Team)
	}
	for _, a := range s.Email {
		if i := strings.IndexByte(a, '@'); i < 1 || i == len(a)-1 || strings.ContainsAny(a, " ,;<>\r\n") {
			return Errorf(EINVALID, "reminders of %s: %q is not an e-mail address", s.Team, a)
		}
	}
	for _, c := range s.SlackEnv {
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return Errorf(EINVALID, "reminders of %s: %q is not the name of an environment variable (letters, digits and _)", s.Team, s.SlackEnv)
		}
	}
	if s.SlackFile != "" && !strings.HasPrefix(s.SlackFile, "/") {
		return Errorf(EINVALID, "reminders of %s: give the webhook file's absolute path, not %q", s.Team, s.SlackFile)
	}
	return nil
}

// ReminderService keeps the reminder settings admins make in the web app.
type ReminderService interface {
	// ReminderSettings lists the settings, by team.
	ReminderSettings(ctx context.Context) ([]ReminderSetting, error)
	// SetReminderSetting replaces the setting of its team; only an admin
	// may.
	SetReminderSetting(ctx context.Context, v Viewer, s ReminderSetting) error
	// DeleteReminderSetting removes a team's setting; only an admin may.
	DeleteReminderSetting(ctx context.Context, v Viewer, team string) error
}
