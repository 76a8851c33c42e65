package tracker

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

const ghToken = "github_pat_11AAAAsecret"

// fakeGitHub replays GitHub's REST API for issues of debrief/ops: the
// headers it requires, the shapes of its answers, Link pagination, and the
// rate limits queued in limits.
type fakeGitHub struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	issues map[int]map[string]any
	next   int
	// limits are answered, in order, before any real answer.
	limits []func(w http.ResponseWriter)
	calls  []string
}

func newFakeGitHub(t *testing.T) *fakeGitHub {
	f := &fakeGitHub{t: t, issues: map[int]map[string]any{}, next: 41}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	// Issues 1 to 150 exist already, labelled debrief; 7 is a pull request.
	for n := 1; n <= 150; n++ {
		f.issues[n] = f.issue(n, "Old issue "+strconv.Itoa(n), "open", nil)
	}
	f.issues[7]["pull_request"] = map[string]any{"url": "https://api.github.com/repos/debrief/ops/pulls/7"}
	f.next = 151
	return f
}

func (f *fakeGitHub) issue(n int, title, state string, reason any) map[string]any {
	return map[string]any{
		"id": 1000 + n, "node_id": "I_kwDO" + strconv.Itoa(n), "number": n, "title": title,
		"url":      "https://api.github.com/repos/debrief/ops/issues/" + strconv.Itoa(n),
		"html_url": "https://github.com/debrief/ops/issues/" + strconv.Itoa(n),
		"state":    state, "state_reason": reason, "locked": false, "comments": 0,
		"labels":     []map[string]any{{"id": 1, "name": "debrief", "color": "ededed", "default": false}},
		"user":       map[string]any{"login": "debrief-bot", "id": 1, "type": "User"},
		"created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "closed_at": nil,
	}
}

func (f *fakeGitHub) client() *GitHub {
	return &GitHub{API: f.srv.URL, Owner: "debrief", Repo: "ops", Token: credential.New(ghToken),
		Retry: Retry{Sleep: func(context.Context, time.Duration) error { return nil }}}
}

func (f *fakeGitHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, r.Method+" "+r.URL.RequestURI())
	if strings.HasPrefix(r.URL.Path, "/repositories/1300192/issues") {
		// The Link headers point here, as GitHub's do: the same list.
		r.URL.Path = "/repos/debrief/ops/issues"
	}
	if r.Header.Get("Authorization") != "Bearer "+ghToken || r.Header.Get("Accept") != "application/vnd.github+json" ||
		r.Header.Get("X-GitHub-Api-Version") != "2022-11-28" || r.Header.Get("User-Agent") == "" {
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}`)
		return
	}
	if len(f.limits) > 0 {
		l := f.limits[0]
		f.limits = f.limits[1:]
		l(w)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Ratelimit-Limit", "5000")
	w.Header().Set("X-Ratelimit-Remaining", "4999")
	path := strings.TrimPrefix(r.URL.Path, "/repos/debrief/ops")
	switch {
	case r.Method == http.MethodPost && path == "/issues":
		var in struct {
			Title  string   `json:"title"`
			Body   string   `json:"body"`
			Labels []string `json:"labels"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Title == "" {
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"message":"Validation Failed","errors":[{"resource":"Issue","code":"missing_field","field":"title"}],"status":"422"}`)
			return
		}
		n := f.next
		f.next++
		iss := f.issue(n, in.Title, "open", nil)
		iss["body"] = in.Body
		f.issues[n] = iss
		w.Header().Set("Location", iss["url"].(string))
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(iss)
	case r.Method == http.MethodPatch && strings.HasPrefix(path, "/issues/"):
		n, _ := strconv.Atoi(strings.TrimPrefix(path, "/issues/"))
		iss, ok := f.issues[n]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"message":"Not Found","status":"404"}`)
			return
		}
		var in map[string]any
		json.NewDecoder(r.Body).Decode(&in)
		for k, v := range in {
			iss[k] = v
		}
		if in["state"] == "open" {
			iss["state_reason"] = "reopened"
		}
		json.NewEncoder(w).Encode(iss)
	case r.Method == http.MethodGet && path == "/issues":
		q := r.URL.Query()
		if q.Get("state") != "all" || q.Get("labels") != "debrief" || q.Get("per_page") != "100" {
			f.t.Errorf("list issues with %s", r.URL.RawQuery)
		}
		page, _ := strconv.Atoi(q.Get("page"))
		if page == 0 {
			page = 1
		}
		var out []map[string]any
		for n := (page-1)*100 + 1; n <= page*100 && n < f.next; n++ {
			if iss, ok := f.issues[n]; ok && n != 60 { // 60 lost its label
				out = append(out, iss)
			}
		}
		base := f.srv.URL + "/repositories/1300192/issues?labels=debrief&per_page=100&state=all"
		last := (f.next - 1 + 99) / 100
		var links []string
		if page > 1 {
			links = append(links, fmt.Sprintf(`<%s&page=%d>; rel="prev"`, base, page-1))
		}
		if page < last {
			links = append(links, fmt.Sprintf(`<%s&page=%d>; rel="next"`, base, page+1), fmt.Sprintf(`<%s&page=%d>; rel="last"`, base, last))
		}
		if len(links) > 0 {
			w.Header().Set("Link", strings.Join(links, ", "))
		}
		json.NewEncoder(w).Encode(out)
	case r.Method == http.MethodGet && strings.HasPrefix(path, "/issues/"):
		n, _ := strconv.Atoi(strings.TrimPrefix(path, "/issues/"))
		iss, ok := f.issues[n]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"message":"Not Found","documentation_url":"https://docs.github.com/rest/issues/issues#get-an-issue","status":"404"}`)
			return
		}
		json.NewEncoder(w).Encode(iss)
	default:
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"message":"Not Found","status":"404"}`)
	}
}

var item231 = debrief.ActionItem{ID: "ACT-231", Title: "Inventory every certificate served at the edge | renew [all] *now*", OwnerTeam: "platform",
	Kind: debrief.KindPrevent, EffortDays: 5, Value: 5, Status: debrief.ActionOpen}

func init() { item231.Due, _ = debrief.ParseDate("2026-04-15") }

var pm14 = Backlink{ID: "PM-2026-014", Title: "Checkout errors after the payments-api certificate expired", URL: "https://debrief.example.com/postmortems/PM-2026-014"}

func TestGitHubCreateAndStatus(t *testing.T) {
	f := newFakeGitHub(t)
	g := f.client()
	ctx := context.Background()
	link, err := g.Create(ctx, item231, pm14)
	if err != nil || link != "https://github.com/debrief/ops/issues/151" {
		t.Fatalf("Create = %q, %v", link, err)
	}
	iss := f.issues[151]
	if iss["title"] != "ACT-231: Inventory every certificate served at the edge | renew [all] *now*" {
		t.Errorf("title %q", iss["title"])
	}
	body := iss["body"].(string)
	for _, want := range []string{
		"Action item **ACT-231** from the postmortem [PM-2026-014: Checkout errors after the payments-api certificate expired](https://debrief.example.com/postmortems/PM-2026-014).",
		`> Inventory every certificate served at the edge | renew \[all\] \*now\*`,
		"| 5/5 | 5 days | 2026-04-15 | platform | prevent |",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the body lacks %q:\n%s", want, body)
		}
	}
	if !g.Owns(link) || g.Owns("https://github.com/debrief/other/issues/1") || g.Owns("https://github.com/debrief/ops/pull/3") || g.Owns("https://github.com/debrief/ops/issues/0") {
		t.Error("Owns is wrong")
	}

	tests := []struct {
		status      debrief.ActionStatus
		state       string
		stateReason any
	}{
		{debrief.ActionDone, "closed", "completed"},
		{debrief.ActionOpen, "open", "reopened"},
		{debrief.ActionWontDo, "closed", "not_planned"},
		{debrief.ActionInProgress, "open", "reopened"},
	}
	for _, tt := range tests {
		if err := g.SetStatus(ctx, link, tt.status); err != nil {
			t.Fatalf("SetStatus(%s): %v", tt.status, err)
		}
		if iss["state"] != tt.state || iss["state_reason"] != tt.stateReason {
			t.Errorf("after %s: state %v, reason %v", tt.status, iss["state"], iss["state_reason"])
		}
	}
	if err := g.SetStatus(ctx, "https://tracker.example.com/PLAT-1", debrief.ActionDone); err == nil {
		t.Error("SetStatus on a link of another tracker")
	}
}

func TestGitHubFetchPaginates(t *testing.T) {
	f := newFakeGitHub(t)
	f.issues[3]["state"], f.issues[3]["state_reason"] = "closed", "completed"
	f.issues[120]["state"], f.issues[120]["state_reason"] = "closed", "not_planned"
	f.issues[60]["state"], f.issues[60]["state_reason"] = "closed", "completed"
	link := func(n int) string { return "https://github.com/debrief/ops/issues/" + strconv.Itoa(n) }
	got, err := f.client().Fetch(context.Background(), []string{link(3), link(7), link(60), link(120), link(140), link(999), "https://tracker.example.com/X-1"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Remote{
		link(3):   {Status: debrief.ActionDone, Precise: true},
		link(60):  {Status: debrief.ActionDone, Precise: true}, // not labelled: fetched alone
		link(120): {Status: debrief.ActionWontDo, Precise: true, Reason: "closed as not planned in " + link(120)},
		link(140): {Status: debrief.ActionOpen},
		// 7 is a pull request on the list and the lone GET finds it as one too.
	}
	delete(got, link(7))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Fetch =\n%v\nwant\n%v", got, want)
	}
	var pages []string
	for _, c := range f.calls {
		if strings.Contains(c, "issues?") {
			pages = append(pages, c)
		}
	}
	if len(pages) != 2 || !strings.Contains(pages[1], "/repositories/1300192/issues?") || !strings.Contains(pages[1], "page=2") {
		t.Errorf("pages fetched %v, want the first and the one rel=next named", pages)
	}
}

func TestGitHubRateLimits(t *testing.T) {
	now := time.Unix(1_770_000_000, 0)
	tests := []struct {
		name    string
		limits  []func(w http.ResponseWriter)
		waits   string
		wantErr string
	}{
		{"primary: remaining 0 until the reset", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.Header().Set("X-Ratelimit-Limit", "5000")
			w.Header().Set("X-Ratelimit-Remaining", "0")
			w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(now.Unix()+30, 10))
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting","status":"403"}`)
		}}, "[31s]", ""},
		{"secondary: retry-after", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "5")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","status":"429"}`)
		}}, "[5s]", ""},
		{"secondary without headers: a minute", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"message":"You have exceeded a secondary rate limit and have been temporarily blocked from content creation.","status":"403"}`)
		}}, "[1m0s]", ""},
		{"reset too far away", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.Header().Set("X-Ratelimit-Remaining", "0")
			w.Header().Set("X-Ratelimit-Reset", strconv.FormatInt(now.Unix()+3600, 10))
			w.WriteHeader(http.StatusForbidden)
		}}, "[]", "github: rate limited until 2026-02-02T03:40:01Z"},
		{"forbidden: no retry", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"message":"Resource not accessible by personal access token","status":"403"}`)
		}}, "[]", "github: POST /repos/debrief/ops/issues: 403 Resource not accessible by personal access token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeGitHub(t)
			f.limits = tt.limits
			g := f.client()
			var waits []time.Duration
			g.Retry = Retry{Now: func() time.Time { return now }, Sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
			_, err := g.Create(context.Background(), item231, pm14)
			if fmt.Sprint(waits) != tt.waits {
				t.Errorf("waits %v, want %s", waits, tt.waits)
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)) {
				t.Errorf("Create error %v, want %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}

func TestGitHubBadToken(t *testing.T) {
	f := newFakeGitHub(t)
	g := f.client()
	g.Token = credential.New("wrong-token")
	_, err := g.Create(context.Background(), item231, pm14)
	if err == nil || err.Error() != "github: POST /repos/debrief/ops/issues: 401 Bad credentials" || strings.Contains(err.Error(), "wrong-token") {
		t.Errorf("Create with a bad token = %v", err)
	}
}

func TestNextLink(t *testing.T) {
	tests := []struct{ header, want string }{
		{`<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"`, "https://api.github.com/repositories/1/issues?page=2"},
		{`<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"`, ""},
		{`<https://a/x?page=3>; rel="next last"`, "https://a/x?page=3"},
		{`garbage, <no-close; rel="next"`, ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := nextLink([]string{tt.header}); got != tt.want {
			t.Errorf("nextLink(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
	g := &GitHub{API: "https://api.github.com"}
	if g.sameHost("https://evil.example/issues?page=2") != "" || g.sameHost("http://api.github.com/x") != "" || g.sameHost("https://api.github.com/x") == "" {
		t.Error("sameHost lets the token go elsewhere")
	}
}
