package tracker

import (
	"errors"
	"fmt"
	"strings"

	"github.com/debrief/debrief/credential"
)

// Config is the trackers' part of .debrief.yaml. Tokens and webhook
// secrets come from the environment or a file:
//
//	trackers:
//	  github: {owner: larkspur, repo: ops, token: {env: GITHUB_TOKEN}, webhook_secret: {file: /run/secrets/github-webhook}}
//	  jira: {site: https://larkspur.atlassian.net, email: debrief@larkspur.example, project: PLAT,
//	         token: {env: JIRA_API_TOKEN}, webhook_secret: {env: JIRA_WEBHOOK_SECRET}}
type Config struct {
	GitHub *GitHubConfig `yaml:"github"`
	Jira   *JiraConfig   `yaml:"jira"`
}

// GitHubConfig configures GitHub Issues.
type GitHubConfig struct {
	// API and Web are for GitHub Enterprise Server; github.com when empty.
	API           string            `yaml:"api"`
	Web           string            `yaml:"web"`
	Owner         string            `yaml:"owner"`
	Repo          string            `yaml:"repo"`
	Labels        []string          `yaml:"labels"`
	Token         credential.Source `yaml:"token"`
	WebhookSecret credential.Source `yaml:"webhook_secret"`
}

// JiraConfig configures Jira Cloud.
type JiraConfig struct {
	Site          string            `yaml:"site"`
	Email         string            `yaml:"email"`
	Project       string            `yaml:"project"`
	IssueType     string            `yaml:"issue_type"`
	Labels        []string          `yaml:"labels"`
	NotPlanned    []string          `yaml:"not_planned"`
	Token         credential.Source `yaml:"token"`
	WebhookSecret credential.Source `yaml:"webhook_secret"`
}

// Open checks the configuration and loads the token and the webhook
// secret. A missing webhook secret is no error: the poll still runs, and
// the webhook refuses every delivery.
func (c *GitHubConfig) Open() (*GitHub, credential.Secret, error) {
	var errs []error
	if c.Owner == "" || c.Repo == "" || strings.Contains(c.Owner+c.Repo, "/") {
		errs = append(errs, errors.New("trackers.github: set owner and repo (for github.com/OWNER/REPO)"))
	}
	tok, err := c.Token.Load()
	if err != nil {
		errs = append(errs, fmt.Errorf("trackers.github.token (%s): %w", c.Token, err))
	}
	secret, _ := c.WebhookSecret.Load()
	if len(errs) > 0 {
		return nil, credential.Secret{}, errors.Join(errs...)
	}
	return &GitHub{API: c.API, Web: c.Web, Owner: c.Owner, Repo: c.Repo, Labels: c.Labels, Token: tok}, secret, nil
}

// Open checks the configuration and loads the token and the webhook
// secret, as GitHubConfig.Open does.
func (c *JiraConfig) Open() (*Jira, credential.Secret, error) {
	var errs []error
	if !strings.HasPrefix(c.Site, "https://") {
		errs = append(errs, fmt.Errorf("trackers.jira.site %q: give the site's https:// address, such as https://your-domain.atlassian.net", c.Site))
	}
	if c.Email == "" || c.Project == "" {
		errs = append(errs, errors.New("trackers.jira: set email (the account the API token belongs to) and project (its key)"))
	}
	tok, err := c.Token.Load()
	if err != nil {
		errs = append(errs, fmt.Errorf("trackers.jira.token (%s): %w", c.Token, err))
	}
	secret, _ := c.WebhookSecret.Load()
	if len(errs) > 0 {
		return nil, credential.Secret{}, errors.Join(errs...)
	}
	return &Jira{Site: c.Site, Email: c.Email, Token: tok, Project: c.Project, IssueType: c.IssueType, Labels: c.Labels, NotPlanned: c.NotPlanned}, secret, nil
}
