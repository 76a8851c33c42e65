package remind

import (
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// WithSettings returns the configuration with the reminder settings that
// admins made in the web app: a team set there replaces the file's team
// of the same name, and the others are added. c may be nil.
func WithSettings(c *Config, ss []debrief.ReminderSetting) *Config {
	out := &Config{}
	if c != nil {
		*out = *c
		out.Teams = nil
	}
	set := map[string]bool{}
	for _, s := range ss {
		set[strings.ToLower(strings.TrimSpace(s.Team))] = true
	}
	if c != nil {
		for _, t := range c.Teams {
			if !set[strings.ToLower(strings.TrimSpace(t.Team))] {
				out.Teams = append(out.Teams, t)
			}
		}
	}
	for _, s := range ss {
		out.Teams = append(out.Teams, TeamConfig{Team: s.Team, Email: s.Email, Slack: credential.Source{Env: s.SlackEnv, File: s.SlackFile}})
	}
	return out
}
