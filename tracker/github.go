package tracker

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// GitHub keeps action items in step with issues of one GitHub repository,
// through the REST API with a token (a fine-grained token with read and
// write access to the repository's issues).
type GitHub struct {
	// API is the REST API's address; https://api.github.com when "".
	API string
	// Web is the address issues' links start with; https://github.com
	// when "".
	Web         string
	Owner, Repo string
	Token       credential.Secret
	// Labels are put on every issue debrief creates, and the poll lists
	// issues by the first; ["debrief"] when nil.
	Labels []string
	HTTP   *http.Client
	Retry  Retry
}

// Name is "github".
func (g *GitHub) Name() string { return "github" }

func (g *GitHub) api() string { return strings.TrimRight(or(g.API, "https://api.github.com"), "/") }

func (g *GitHub) web() string { return strings.TrimRight(or(g.Web, "https://github.com"), "/") }

func (g *GitHub) labels() []string {
	if g.Labels == nil {
		return []string{"debrief"}
	}
	return g.Labels
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Owns reports whether link is an issue of the repository:
// https://github.com/OWNER/REPO/issues/N.
func (g *GitHub) Owns(link string) bool {
	_, err := g.number(link)
	return err == nil
}

var issueNumber = lazyRegexp(`^/issues/([1-9][0-9]{0,9})$`)

func (g *GitHub) number(link string) (int, error) {
	prefix := g.web() + "/" + g.Owner + "/" + g.Repo
	if !strings.HasPrefix(strings.ToLower(link), strings.ToLower(prefix)) {
		return 0, errNotMine
	}
	m := issueNumber().FindStringSubmatch(link[len(prefix):])
	if m == nil {
		return 0, errNotMine
	}
	return strconv.Atoi(m[1])
}

func (g *GitHub) caller() *caller {
	return &caller{
		name: "github", client: g.HTTP, retry: g.Retry, limit: githubLimit,
		auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+g.Token.Reveal()) },
		headers: map[string]string{
			"Accept":               "application/vnd.github+json",
			"X-GitHub-Api-Version": "2022-11-28",
			"User-Agent":           "debrief",
		},
	}
}

// githubLimit reads GitHub's rate limits: a 403 or 429 with
// x-ratelimit-remaining 0 lifts at x-ratelimit-reset (UTC epoch seconds);
// one with Retry-After after that many seconds; a secondary rate limit
// without either after a minute. Server errors are retried too.
func githubLimit(resp *http.Response, body []byte, now time.Time) (time.Duration, bool) {
	if resp.StatusCode >= 500 {
		d, _ := retryAfter(resp.Header.Get("Retry-After"), now)
		return d, true
	}
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return 0, false
	}
	if d, ok := retryAfter(resp.Header.Get("Retry-After"), now); ok {
		return d, true
	}
	if resp.Header.Get("X-Ratelimit-Remaining") == "0" {
		if reset, err := strconv.ParseInt(resp.Header.Get("X-Ratelimit-Reset"), 10, 64); err == nil {
			return max(time.Unix(reset, 0).Sub(now), 0) + time.Second, true
		}
		return time.Minute, true
	}
	if resp.StatusCode == http.StatusTooManyRequests || strings.Contains(strings.ToLower(string(body)), "rate limit") {
		return time.Minute, true
	}
	return 0, false // a 403 that is a permission problem
}

type githubIssue struct {
	Number      int    `json:"number"`
	HTMLURL     string `json:"html_url"`
	State       string `json:"state"`
	StateReason string `json:"state_reason"`
	// PullRequest is set on pull requests, which the issues API lists too.
	PullRequest *struct{} `json:"pull_request"`
}

// remote maps an issue's state: closed as completed is done, closed as not
// planned (or as a duplicate) is wont-do, open is open or in progress.
func (i *githubIssue) remote() Remote {
	if i.State != "closed" {
		return Remote{Status: debrief.ActionOpen}
	}
	switch i.StateReason {
	case "not_planned", "duplicate":
		return Remote{Status: debrief.ActionWontDo, Precise: true, Reason: "closed as " + strings.ReplaceAll(i.StateReason, "_", " ") + " in " + i.HTMLURL}
	}
	return Remote{Status: debrief.ActionDone, Precise: true}
}

// Create opens the issue, labelled, with a body that links back to the
// postmortem.
func (g *GitHub) Create(ctx context.Context, item debrief.ActionItem, pm Backlink) (string, error) {
	in := map[string]any{"title": cut(item.ID+": "+item.Title, 256), "body": IssueBody(item, pm), "labels": g.labels()}
	var out githubIssue
	if _, err := g.caller().do(ctx, http.MethodPost, g.repoURL("/issues"), in, &out, http.StatusCreated); err != nil {
		return "", err
	}
	if out.HTMLURL == "" {
		return "", fmt.Errorf("github: the new issue for %s came back without its html_url", item.ID)
	}
	return out.HTMLURL, nil
}

// SetStatus closes the issue as completed (done) or not planned (wont-do),
// or reopens it.
func (g *GitHub) SetStatus(ctx context.Context, link string, status debrief.ActionStatus) error {
	n, err := g.number(link)
	if err != nil {
		return fmt.Errorf("github: %s: %w", link, err)
	}
	in := map[string]string{"state": "open"}
	switch status {
	case debrief.ActionDone:
		in = map[string]string{"state": "closed", "state_reason": "completed"}
	case debrief.ActionWontDo:
		in = map[string]string{"state": "closed", "state_reason": "not_planned"}
	}
	_, err = g.caller().do(ctx, http.MethodPatch, g.repoURL("/issues/"+strconv.Itoa(n)), in, nil, http.StatusOK)
	return err
}

// Fetch lists the repository's issues labelled with the first label, page
// by page as the Link headers lead, and gets any linked issue not among
// them one by one.
func (g *GitHub) Fetch(ctx context.Context, links []string) (map[string]Remote, error) {
	want := map[int]string{}
	for _, l := range links {
		if n, err := g.number(l); err == nil {
			want[n] = l
		}
	}
	out := map[string]Remote{}
	c := g.caller()
	if len(g.labels()) > 0 {
		q := url.Values{"state": {"all"}, "labels": {g.labels()[0]}, "per_page": {"100"}}
		next := g.repoURL("/issues?" + q.Encode())
		for pages := 0; next != "" && pages < 1000; pages++ {
			var page []githubIssue
			resp, err := c.do(ctx, http.MethodGet, next, nil, &page, http.StatusOK)
			if err != nil {
				return nil, err
			}
			for _, i := range page {
				if l, ok := want[i.Number]; ok && i.PullRequest == nil {
					out[l] = i.remote()
					delete(want, i.Number)
				}
			}
			next = g.sameHost(nextLink(resp.Header.Values("Link")))
		}
	}
	for n, l := range want {
		var i githubIssue
		_, err := c.do(ctx, http.MethodGet, g.repoURL("/issues/"+strconv.Itoa(n)), nil, &i, http.StatusOK)
		var ae *APIError
		switch {
		case err == nil:
			out[l] = i.remote()
		case asAPIError(err, &ae) && (ae.Status == http.StatusNotFound || ae.Status == http.StatusGone):
			// deleted or transferred: nothing to bring back
		default:
			return nil, err
		}
	}
	return out, nil
}

func (g *GitHub) repoURL(path string) string {
	return g.api() + "/repos/" + url.PathEscape(g.Owner) + "/" + url.PathEscape(g.Repo) + path
}

// sameHost keeps a next-page link only when it points at the API's own
// host, so that the token never goes anywhere else.
func (g *GitHub) sameHost(next string) string {
	if next == "" {
		return ""
	}
	a, err1 := url.Parse(g.api())
	n, err2 := url.Parse(next)
	if err1 != nil || err2 != nil || a.Scheme != n.Scheme || a.Host != n.Host {
		return ""
	}
	return next
}

// nextLink finds rel="next" in Link headers:
// <https://api.github.com/repositories/1/issues?page=2>; rel="next", <…>; rel="last".
func nextLink(headers []string) string {
	for _, h := range headers {
		for _, part := range strings.Split(h, ",") {
			target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(k, "rel") && slices.Contains(strings.Fields(strings.Trim(v, `"`)), "next") {
					return target[1 : len(target)-1]
				}
			}
		}
	}
	return ""
}

// lazyRegexp compiles expr the first time it is used.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
