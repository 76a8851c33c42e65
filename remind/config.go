package remind

import (
	"errors"
	"fmt"
	"strings"

	"github.com/debrief/debrief/credential"
)

// Config is the reminders' part of .debrief.yaml (or of the admin pages):
//
//	reminders:
//	  base_url: https://debrief.example.com
//	  smtp: {host: smtp.example.com, username: debrief, password: {env: DEBRIEF_SMTP_PASSWORD}, from: debrief@example.com}
//	  teams:
//	    - team: payments
//	      slack_webhook: {env: SLACK_WEBHOOK_PAYMENTS}
//	      email: [payments-leads@example.com]
type Config struct {
	// BaseURL is the web app's address, for the digests' links.
	BaseURL string       `yaml:"base_url"`
	SMTP    MailConfig   `yaml:"smtp"`
	Teams   []TeamConfig `yaml:"teams"`
}

// TeamConfig says where one team's digest goes. The Slack webhook's URL is
// a secret: it comes from the environment or a file.
type TeamConfig struct {
	Team  string            `yaml:"team"`
	Slack credential.Source `yaml:"slack_webhook"`
	Email []string          `yaml:"email"`
}

// Routes loads each team's route, with its webhook. Every problem is
// reported, each naming its team.
func (c *Config) Routes() ([]Route, error) {
	var out []Route
	var errs []error
	seen := map[string]bool{}
	for i, t := range c.Teams {
		name := strings.TrimSpace(t.Team)
		switch {
		case name == "":
			errs = append(errs, fmt.Errorf("reminders.teams[%d]: name the team", i))
			continue
		case seen[strings.ToLower(name)]:
			errs = append(errs, fmt.Errorf("reminders.teams[%d]: the team %s is listed twice", i, name))
			continue
		case t.Slack.IsZero() && len(t.Email) == 0:
			errs = append(errs, fmt.Errorf("reminders.teams[%d]: the team %s needs a slack_webhook or an email", i, name))
			continue
		}
		seen[strings.ToLower(name)] = true
		r := Route{Team: name}
		for _, a := range t.Email {
			if !strings.Contains(a, "@") {
				errs = append(errs, fmt.Errorf("reminders.teams[%d]: %q is not an e-mail address", i, a))
			}
		}
		r.Email = t.Email
		if !t.Slack.IsZero() {
			s, err := t.Slack.Load()
			if err != nil {
				errs = append(errs, fmt.Errorf("reminders.teams[%d]: the Slack webhook of %s (%s): %w", i, name, t.Slack, err))
				continue
			}
			r.Slack = s
		}
		out = append(out, r)
	}
	return out, errors.Join(errs...)
}

// TeamNames returns the teams that get a digest.
func (c *Config) TeamNames() []string {
	var out []string
	for _, t := range c.Teams {
		out = append(out, strings.TrimSpace(t.Team))
	}
	return out
}
