package tracker

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// Jira keeps action items in step with issues of one Jira Cloud project,
// through the REST API v3 with an account's e-mail and API token.
type Jira struct {
	// Site is the Jira Cloud site: https://your-domain.atlassian.net.
	Site    string
	Email   string
	Token   credential.Secret
	Project string
	// IssueType is the type of the issues debrief creates; "Task" when "".
	IssueType string
	// Labels are put on every issue debrief creates; ["debrief"] when nil.
	Labels []string
	// NotPlanned are the resolutions that mean an issue was dropped rather
	// than done (compared without case): a done issue with one of them
	// makes its item wont-do. DefaultNotPlanned when nil.
	NotPlanned []string
	HTTP       *http.Client
	Retry      Retry
}

// DefaultNotPlanned are the resolutions of Jira's default workflows that
// mean an issue will not be done.
var DefaultNotPlanned = []string{"Won't Do", "Won't Fix", "Declined", "Duplicate", "Cannot Reproduce"}

// Status categories of Jira workflows. A status belongs to one; debrief
// chooses transitions by the category they lead to, never by their names,
// which every workflow chooses for itself.
const (
	CategoryNew        = "new"
	CategoryInProgress = "indeterminate"
	CategoryDone       = "done"
)

// Name is "jira".
func (j *Jira) Name() string { return "jira" }

func (j *Jira) site() string { return strings.TrimRight(j.Site, "/") }

// jiraKey matches an issue key, ^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,12}$.
// Its bounded repetitions make the expression slow to compile, and every
// command would pay for that at start-up, so it is compiled on first use.
var jiraKey = lazyRegexp(`^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,12}$`)

// Owns reports whether link is an issue of the site:
// https://your-domain.atlassian.net/browse/KEY-12.
func (j *Jira) Owns(link string) bool {
	_, err := j.key(link)
	return err == nil
}

func (j *Jira) key(link string) (string, error) {
	prefix := j.site() + "/browse/"
	if j.Site == "" || !strings.HasPrefix(link, prefix) || !jiraKey().MatchString(link[len(prefix):]) {
		return "", errNotMine
	}
	return link[len(prefix):], nil
}

// Link returns the link of the issue key.
func (j *Jira) Link(key string) string { return j.site() + "/browse/" + key }

func (j *Jira) caller() *caller {
	basic := base64.StdEncoding.EncodeToString([]byte(j.Email + ":" + j.Token.Reveal()))
	return &caller{
		name: "jira", client: j.HTTP, retry: j.Retry, limit: jiraLimit,
		auth:    func(r *http.Request) { r.Header.Set("Authorization", "Basic "+basic) },
		headers: map[string]string{"Accept": "application/json", "User-Agent": "debrief"},
	}
}

// jiraLimit reads Jira Cloud's rate limits: a 429 (or a 503) lifts after
// Retry-After seconds, or at X-RateLimit-Reset (an ISO 8601 time); without
// either, after an exponential backoff. Other server errors are retried
// too.
func jiraLimit(resp *http.Response, _ []byte, now time.Time) (time.Duration, bool) {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 {
		return 0, false
	}
	if d, ok := retryAfter(resp.Header.Get("Retry-After"), now); ok {
		return d, true
	}
	if reset := resp.Header.Get("X-Ratelimit-Reset"); reset != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z"} {
			if t, err := time.Parse(layout, reset); err == nil {
				return max(t.Sub(now), 0) + time.Second, true
			}
		}
	}
	return 0, true
}

type jiraStatus struct {
	Name           string `json:"name"`
	ID             string `json:"id"`
	StatusCategory struct {
		Key  string `json:"key"`
		Name string `json:"name"`
	} `json:"statusCategory"`
}

type jiraIssue struct {
	ID     string `json:"id"`
	Key    string `json:"key"`
	Self   string `json:"self"`
	Fields struct {
		Status     *jiraStatus `json:"status"`
		Resolution *struct {
			Name string `json:"name"`
		} `json:"resolution"`
	} `json:"fields"`
}

// remote maps an issue's status category: new is open, indeterminate is
// in progress, done is done — or wont-do when its resolution says it was
// not planned.
func (j *Jira) remote(i *jiraIssue) (Remote, bool) {
	if i.Fields.Status == nil {
		return Remote{}, false
	}
	switch i.Fields.Status.StatusCategory.Key {
	case CategoryNew:
		return Remote{Status: debrief.ActionOpen, Precise: true}, true
	case CategoryInProgress:
		return Remote{Status: debrief.ActionInProgress, Precise: true}, true
	case CategoryDone:
		if r := i.Fields.Resolution; r != nil && j.notPlanned(r.Name) {
			return Remote{Status: debrief.ActionWontDo, Precise: true, Reason: "resolved as " + r.Name + " in " + j.Link(i.Key)}, true
		}
		return Remote{Status: debrief.ActionDone, Precise: true}, true
	}
	return Remote{}, false
}

func (j *Jira) notPlanned(resolution string) bool {
	list := j.NotPlanned
	if list == nil {
		list = DefaultNotPlanned
	}
	for _, n := range list {
		if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(resolution)) {
			return true
		}
	}
	return false
}

// Create opens the issue with its description in Atlassian Document
// Format.
func (j *Jira) Create(ctx context.Context, item debrief.ActionItem, pm Backlink) (string, error) {
	labels := j.Labels
	if labels == nil {
		labels = []string{"debrief"}
	}
	fields := map[string]any{
		"project":     map[string]string{"key": j.Project},
		"issuetype":   map[string]string{"name": or(j.IssueType, "Task")},
		"summary":     cut(strings.ReplaceAll(item.ID+": "+item.Title, "\n", " "), 255),
		"description": Description(item, pm),
		"labels":      labels,
	}
	var out jiraIssue
	if _, err := j.caller().do(ctx, http.MethodPost, j.site()+"/rest/api/3/issue", map[string]any{"fields": fields}, &out, http.StatusCreated); err != nil {
		return "", err
	}
	if !jiraKey().MatchString(out.Key) {
		return "", fmt.Errorf("jira: the new issue for %s came back without a key", item.ID)
	}
	return j.Link(out.Key), nil
}

type jiraTransition struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	To   jiraStatus `json:"to"`
}

// SetStatus moves the issue to a status of the category the item's status
// maps to: new for open, indeterminate for in progress, done for done and
// wont-do. It picks the transition by the category it leads to; for
// wont-do it prefers one whose target status is named like a not-planned
// resolution. An issue already in the category is left alone.
func (j *Jira) SetStatus(ctx context.Context, link string, status debrief.ActionStatus) error {
	key, err := j.key(link)
	if err != nil {
		return fmt.Errorf("jira: %s: %w", link, err)
	}
	want := map[debrief.ActionStatus]string{debrief.ActionOpen: CategoryNew, debrief.ActionInProgress: CategoryInProgress,
		debrief.ActionDone: CategoryDone, debrief.ActionWontDo: CategoryDone}[status]
	if want == "" {
		want = CategoryNew
	}
	c := j.caller()
	var cur jiraIssue
	if _, err := c.do(ctx, http.MethodGet, j.site()+"/rest/api/3/issue/"+key+"?fields=status,resolution", nil, &cur, http.StatusOK); err != nil {
		return err
	}
	if cur.Fields.Status != nil && cur.Fields.Status.StatusCategory.Key == want {
		return nil
	}
	var ts struct {
		Transitions []jiraTransition `json:"transitions"`
	}
	if _, err := c.do(ctx, http.MethodGet, j.site()+"/rest/api/3/issue/"+key+"/transitions", nil, &ts, http.StatusOK); err != nil {
		return err
	}
	var pick *jiraTransition
	for i := range ts.Transitions {
		t := &ts.Transitions[i]
		if t.To.StatusCategory.Key != want {
			continue
		}
		if pick == nil || status == debrief.ActionWontDo && j.notPlanned(t.To.Name) && !j.notPlanned(pick.To.Name) {
			pick = t
		}
	}
	if pick == nil {
		from := "its status"
		if cur.Fields.Status != nil {
			from = "“" + cur.Fields.Status.Name + "”"
		}
		return fmt.Errorf("jira: %s: no transition from %s leads to a status in the %q category; add one to the project's workflow, or move the issue by hand", key, from, want)
	}
	_, err = c.do(ctx, http.MethodPost, j.site()+"/rest/api/3/issue/"+key+"/transitions", map[string]any{"transition": map[string]string{"id": pick.ID}}, nil, http.StatusNoContent, http.StatusOK)
	return err
}

// Fetch searches the issues behind links with JQL, 50 keys at a time,
// following nextPageToken.
func (j *Jira) Fetch(ctx context.Context, links []string) (map[string]Remote, error) {
	byKey := map[string]string{}
	var keys []string
	for _, l := range links {
		if k, err := j.key(l); err == nil && byKey[k] == "" {
			byKey[k] = l
			keys = append(keys, k)
		}
	}
	out := map[string]Remote{}
	c := j.caller()
	for len(keys) > 0 {
		chunk := keys[:min(50, len(keys))]
		keys = keys[len(chunk):]
		token := ""
		for pages := 0; pages < 1000; pages++ {
			in := map[string]any{"jql": "key in (" + strings.Join(chunk, ", ") + ")", "fields": []string{"status", "resolution"}, "maxResults": 100}
			if token != "" {
				in["nextPageToken"] = token
			}
			var page struct {
				Issues        []jiraIssue `json:"issues"`
				NextPageToken string      `json:"nextPageToken"`
				IsLast        *bool       `json:"isLast"`
			}
			if _, err := c.do(ctx, http.MethodPost, j.site()+"/rest/api/3/search/jql", in, &page, http.StatusOK); err != nil {
				return nil, err
			}
			for i := range page.Issues {
				if l, ok := byKey[page.Issues[i].Key]; ok {
					if r, ok := j.remote(&page.Issues[i]); ok {
						out[l] = r
					}
				}
			}
			if page.NextPageToken == "" || page.IsLast != nil && *page.IsLast {
				break
			}
			token = page.NextPageToken
		}
	}
	return out, nil
}
