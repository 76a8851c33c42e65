package tracker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/debrief/debrief/credential"
)

func TestConfigOpen(t *testing.T) {
	t.Setenv("DEBRIEF_TEST_GH_TOKEN", "ghp_secret")
	t.Setenv("DEBRIEF_TEST_GH_HOOK", "hook-secret")
	g, secret, err := (&GitHubConfig{Owner: "larkspur", Repo: "ops", Token: credential.Source{Env: "DEBRIEF_TEST_GH_TOKEN"},
		WebhookSecret: credential.Source{Env: "DEBRIEF_TEST_GH_HOOK"}}).Open()
	if err != nil || g.Token.Reveal() != "ghp_secret" || secret.Reveal() != "hook-secret" || !g.Owns("https://github.com/larkspur/ops/issues/3") {
		t.Fatalf("Open = %+v, %v", g, err)
	}
	if s := fmt.Sprintf("%+v", g); strings.Contains(s, "ghp_secret") {
		t.Errorf("the client prints its token: %s", s)
	}
	_, _, err = (&GitHubConfig{Repo: "ops", Token: credential.Source{Env: "DEBRIEF_TEST_NONE"}}).Open()
	if err == nil || !strings.Contains(err.Error(), "set owner and repo") || !strings.Contains(err.Error(), "trackers.github.token ($DEBRIEF_TEST_NONE)") {
		t.Errorf("a bad GitHub configuration: %v", err)
	}

	t.Setenv("DEBRIEF_TEST_JIRA_TOKEN", "ATATT-secret")
	j, secret, err := (&JiraConfig{Site: "https://larkspur.atlassian.net", Email: "debrief@larkspur.example", Project: "PLAT",
		Token: credential.Source{Env: "DEBRIEF_TEST_JIRA_TOKEN"}}).Open()
	if err != nil || j.Token.Reveal() != "ATATT-secret" || !secret.IsZero() || !j.Owns("https://larkspur.atlassian.net/browse/PLAT-7") {
		t.Fatalf("Open = %+v, %v", j, err)
	}
	_, _, err = (&JiraConfig{Site: "larkspur.atlassian.net", Token: credential.Source{Env: "DEBRIEF_TEST_JIRA_TOKEN"}}).Open()
	if err == nil || !strings.Contains(err.Error(), "https:// address") || !strings.Contains(err.Error(), "set email") {
		t.Errorf("a bad Jira configuration: %v", err)
	}
}
