package tracker

import (
	"context"
	"encoding/base64"
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

const jiraToken = "ATATT3xFfGF0-secret"

// fakeJira replays Jira Cloud's REST API v3: basic auth with an e-mail and
// an API token, issues with statuses in categories, a workflow whose
// transition names say nothing reliable about where they lead, the
// enhanced JQL search with nextPageToken, and queued 429s.
type fakeJira struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	issues map[string]*fakeJiraIssue
	next   int
	limits []func(w http.ResponseWriter)
	// created keeps the fields of the last issue created.
	created     map[string]json.RawMessage
	transitions []string
	searches    int
}

type fakeJiraIssue struct {
	id         int
	status     string
	resolution string
}

// The workflow's statuses: name → (id, category key, category name).
var jiraStatuses = map[string][3]string{
	"To Do":       {"10000", "new", "To Do"},
	"In Progress": {"3", "indeterminate", "In Progress"},
	"Review":      {"10001", "indeterminate", "In Progress"},
	"Shipped":     {"10002", "done", "Done"},
	"Won't Do":    {"10003", "done", "Done"},
}

func newFakeJira(t *testing.T) *fakeJira {
	f := &fakeJira{t: t, issues: map[string]*fakeJiraIssue{}, next: 10040}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	for i := 1; i <= 130; i++ {
		f.issues["PLAT-"+strconv.Itoa(i)] = &fakeJiraIssue{id: 10000 + i, status: "To Do"}
	}
	return f
}

func (f *fakeJira) client() *Jira {
	return &Jira{Site: f.srv.URL, Email: "debrief@example.com", Token: credential.New(jiraToken), Project: "PLAT",
		Retry: Retry{Sleep: func(context.Context, time.Duration) error { return nil }}}
}

func statusJSON(site, name string) map[string]any {
	s := jiraStatuses[name]
	return map[string]any{
		"self": site + "/rest/api/3/status/" + s[0], "description": "", "iconUrl": site + "/images/icons/statuses/generic.png",
		"name": name, "id": s[0],
		"statusCategory": map[string]any{"self": site + "/rest/api/3/statuscategory/2", "id": 2, "key": s[1], "colorName": "blue-gray", "name": s[2]},
	}
}

func (f *fakeJira) issueJSON(key string) map[string]any {
	iss := f.issues[key]
	var res any
	if iss.resolution != "" {
		res = map[string]any{"self": f.srv.URL + "/rest/api/3/resolution/1", "id": "1", "description": "", "name": iss.resolution}
	}
	return map[string]any{"expand": "renderedFields,names,schema", "id": strconv.Itoa(iss.id), "self": f.srv.URL + "/rest/api/3/issue/" + strconv.Itoa(iss.id), "key": key,
		"fields": map[string]any{"status": statusJSON(f.srv.URL, iss.status), "resolution": res}}
}

func (f *fakeJira) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte("debrief@example.com:"+jiraToken))
	if r.Header.Get("Authorization") != want {
		w.Header().Set("WWW-Authenticate", `Basic realm="protected-area"`)
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, "Client must be authenticated to access this resource.")
		return
	}
	if len(f.limits) > 0 {
		l := f.limits[0]
		f.limits = f.limits[1:]
		l(w)
		return
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	notFound := func() {
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}`)
	}
	p := r.URL.Path
	switch {
	case r.Method == http.MethodPost && p == "/rest/api/3/issue":
		var in struct {
			Fields map[string]json.RawMessage `json:"fields"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		var desc ADF
		if err := json.Unmarshal(in.Fields["description"], &desc); err != nil || desc.Type != "doc" || desc.Version != 1 {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"errorMessages":[],"errors":{"description":"Operation value must be an Atlassian Document (see the Atlassian Document Format)"}}`)
			return
		}
		f.created = in.Fields
		n := len(f.issues) + 1
		key := "PLAT-" + strconv.Itoa(n)
		f.issues[key] = &fakeJiraIssue{id: f.next, status: "To Do"}
		f.next++
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(map[string]any{"id": strconv.Itoa(f.issues[key].id), "key": key, "self": f.srv.URL + "/rest/api/3/issue/" + strconv.Itoa(f.issues[key].id)})
	case r.Method == http.MethodGet && strings.HasSuffix(p, "/transitions"):
		key := strings.TrimSuffix(strings.TrimPrefix(p, "/rest/api/3/issue/"), "/transitions")
		if f.issues[key] == nil {
			notFound()
			return
		}
		// Names chosen to mislead: "Done" leads to Review, which is in progress.
		ts := []map[string]any{}
		for _, t := range [][2]string{{"11", "Back to backlog"}, {"21", "Done"}, {"31", "Ship it"}, {"41", "Won't Do"}, {"51", "Start"}} {
			to := map[string]string{"11": "To Do", "21": "Review", "31": "Shipped", "41": "Won't Do", "51": "In Progress"}[t[0]]
			if to == f.issues[key].status {
				continue
			}
			ts = append(ts, map[string]any{"id": t[0], "name": t[1], "to": statusJSON(f.srv.URL, to), "hasScreen": false, "isGlobal": true,
				"isInitial": false, "isAvailable": true, "isConditional": false, "isLooped": false})
		}
		json.NewEncoder(w).Encode(map[string]any{"expand": "transitions", "transitions": ts})
	case r.Method == http.MethodPost && strings.HasSuffix(p, "/transitions"):
		key := strings.TrimSuffix(strings.TrimPrefix(p, "/rest/api/3/issue/"), "/transitions")
		var in struct {
			Transition struct {
				ID string `json:"id"`
			} `json:"transition"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		to, ok := map[string]string{"11": "To Do", "21": "Review", "31": "Shipped", "41": "Won't Do", "51": "In Progress"}[in.Transition.ID]
		if f.issues[key] == nil || !ok {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"errorMessages":["Transition id '`+in.Transition.ID+`' is not valid for this issue."],"errors":{}}`)
			return
		}
		f.transitions = append(f.transitions, key+" "+in.Transition.ID)
		f.issues[key].status = to
		f.issues[key].resolution = map[string]string{"Shipped": "Done", "Won't Do": "Won't Do"}[to]
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodGet && strings.HasPrefix(p, "/rest/api/3/issue/"):
		key := strings.TrimPrefix(p, "/rest/api/3/issue/")
		if f.issues[key] == nil {
			notFound()
			return
		}
		if r.URL.Query().Get("fields") != "status,resolution" {
			f.t.Errorf("GET issue with fields=%q", r.URL.Query().Get("fields"))
		}
		json.NewEncoder(w).Encode(f.issueJSON(key))
	case r.Method == http.MethodPost && p == "/rest/api/3/search/jql":
		f.searches++
		var in struct {
			JQL           string   `json:"jql"`
			Fields        []string `json:"fields"`
			MaxResults    int      `json:"maxResults"`
			NextPageToken string   `json:"nextPageToken"`
		}
		json.NewDecoder(r.Body).Decode(&in)
		list, ok := strings.CutPrefix(in.JQL, "key in (")
		if !ok || !strings.HasSuffix(list, ")") {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"errorMessages":["Error in the JQL Query"],"errors":{}}`)
			return
		}
		var keys []string
		for _, k := range strings.Split(strings.TrimSuffix(list, ")"), ",") {
			if f.issues[strings.TrimSpace(k)] != nil {
				keys = append(keys, strings.TrimSpace(k))
			}
		}
		// Pages of 20, whatever maxResults asks: Jira may return fewer.
		start := 0
		if in.NextPageToken != "" {
			start, _ = strconv.Atoi(strings.TrimPrefix(in.NextPageToken, "tok-"))
		}
		end := min(start+20, len(keys))
		var issues []map[string]any
		for _, k := range keys[start:end] {
			issues = append(issues, f.issueJSON(k))
		}
		out := map[string]any{"issues": issues, "isLast": end == len(keys)}
		if end < len(keys) {
			out["nextPageToken"] = "tok-" + strconv.Itoa(end)
		}
		json.NewEncoder(w).Encode(out)
	default:
		notFound()
	}
}

func TestJiraCreate(t *testing.T) {
	f := newFakeJira(t)
	j := f.client()
	link, err := j.Create(context.Background(), item231, pm14)
	if err != nil || link != f.srv.URL+"/browse/PLAT-131" {
		t.Fatalf("Create = %q, %v", link, err)
	}
	var project, issuetype map[string]string
	var summary string
	var labels []string
	json.Unmarshal(f.created["project"], &project)
	json.Unmarshal(f.created["issuetype"], &issuetype)
	json.Unmarshal(f.created["summary"], &summary)
	json.Unmarshal(f.created["labels"], &labels)
	if project["key"] != "PLAT" || issuetype["name"] != "Task" || summary != "ACT-231: "+item231.Title || len(labels) != 1 || labels[0] != "debrief" {
		t.Errorf("fields %v %v %q %v", project, issuetype, summary, labels)
	}
	desc := string(f.created["description"])
	for _, want := range []string{
		`"type":"doc","version":1`,
		`{"type":"text","text":"PM-2026-014: Checkout errors after the payments-api certificate expired","marks":[{"type":"link","attrs":{"href":"https://debrief.example.com/postmortems/PM-2026-014"}}]}`,
		`{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"Inventory every certificate served at the edge | renew [all] *now*"}]}]}`,
		`{"type":"text","text":"Value: ","marks":[{"type":"strong"}]},{"type":"text","text":"5/5"}`,
		`{"type":"text","text":"Effort: ","marks":[{"type":"strong"}]},{"type":"text","text":"5 days"}`,
		`{"type":"text","text":"Due: ","marks":[{"type":"strong"}]},{"type":"text","text":"2026-04-15"}`,
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("the description lacks %s:\n%s", want, desc)
		}
	}
	if strings.Contains(desc, `"text":""`) {
		t.Errorf("the description has an empty text node, which Jira refuses:\n%s", desc)
	}
}

func TestJiraTransitionsByCategory(t *testing.T) {
	f := newFakeJira(t)
	j := f.client()
	ctx := context.Background()
	link := j.Link("PLAT-5")
	steps := []struct {
		status     debrief.ActionStatus
		transition string // "" when none should be made
		after      string
	}{
		{debrief.ActionInProgress, "21", "Review"}, // named "Done", it leads to a status in progress
		{debrief.ActionInProgress, "", "Review"},   // already in the category
		{debrief.ActionDone, "31", "Shipped"},      // "Ship it", the first transition to a done status
		{debrief.ActionWontDo, "", "Shipped"},      // already done: left alone
		{debrief.ActionOpen, "11", "To Do"},
		{debrief.ActionWontDo, "41", "Won't Do"}, // a done status named like a not-planned resolution
	}
	for _, s := range steps {
		before := len(f.transitions)
		if err := j.SetStatus(ctx, link, s.status); err != nil {
			t.Fatalf("SetStatus(%s): %v", s.status, err)
		}
		made := ""
		if len(f.transitions) > before {
			made = strings.TrimPrefix(f.transitions[len(f.transitions)-1], "PLAT-5 ")
		}
		if made != s.transition || f.issues["PLAT-5"].status != s.after {
			t.Errorf("to %s: transition %q to %s, want %q to %s", s.status, made, f.issues["PLAT-5"].status, s.transition, s.after)
		}
	}
	if err := j.SetStatus(ctx, j.Link("PLAT-999"), debrief.ActionDone); err == nil || !strings.Contains(err.Error(), "404 Issue does not exist") {
		t.Errorf("a missing issue: %v", err)
	}
	if err := j.SetStatus(ctx, "https://github.com/debrief/ops/issues/1", debrief.ActionDone); err == nil {
		t.Error("SetStatus on another tracker's link")
	}
}

func TestJiraNoTransitionToTheCategory(t *testing.T) {
	f := newFakeJira(t)
	j := f.client()
	// A workflow with no way back from Shipped: the transitions list is
	// empty, and the error says what to do.
	f.issues["PLAT-9"].status = "Shipped"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/transitions") {
			io.WriteString(w, `{"expand":"transitions","transitions":[]}`)
			return
		}
		f.ServeHTTP(w, r)
	}))
	defer srv.Close()
	j.Site = srv.URL
	err := j.SetStatus(context.Background(), j.Link("PLAT-9"), debrief.ActionOpen)
	if err == nil || !strings.Contains(err.Error(), `no transition from “Shipped” leads to a status in the "new" category`) {
		t.Errorf("SetStatus = %v", err)
	}
}

func TestJiraFetch(t *testing.T) {
	f := newFakeJira(t)
	f.issues["PLAT-2"].status = "Review"
	f.issues["PLAT-70"].status, f.issues["PLAT-70"].resolution = "Shipped", "Done"
	f.issues["PLAT-71"].status, f.issues["PLAT-71"].resolution = "Won't Do", "Won't Do"
	f.issues["PLAT-72"].status, f.issues["PLAT-72"].resolution = "Shipped", "Duplicate"
	j := f.client()
	var links []string
	for i := 1; i <= 75; i++ {
		links = append(links, j.Link("PLAT-"+strconv.Itoa(i)))
	}
	links = append(links, j.Link("PLAT-999"), "https://github.com/debrief/ops/issues/1", j.Site+"/browse/plat-1 OR 1=1")
	got, err := j.Fetch(context.Background(), links)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 75 {
		t.Errorf("%d issues fetched, want 75", len(got))
	}
	want := map[string]Remote{
		"PLAT-1":  {Status: debrief.ActionOpen, Precise: true},
		"PLAT-2":  {Status: debrief.ActionInProgress, Precise: true},
		"PLAT-70": {Status: debrief.ActionDone, Precise: true},
		"PLAT-71": {Status: debrief.ActionWontDo, Precise: true, Reason: "resolved as Won't Do in " + j.Link("PLAT-71")},
		"PLAT-72": {Status: debrief.ActionWontDo, Precise: true, Reason: "resolved as Duplicate in " + j.Link("PLAT-72")},
	}
	for k, w := range want {
		if got[j.Link(k)] != w {
			t.Errorf("%s = %+v, want %+v", k, got[j.Link(k)], w)
		}
	}
	// 75 keys: a chunk of 50 in 3 pages of 20, a chunk of 25 in 2.
	if f.searches != 5 {
		t.Errorf("%d searches, want 5", f.searches)
	}
}

func TestJiraRateLimits(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		limits  []func(w http.ResponseWriter)
		waits   string
		wantErr string
	}{
		{"retry-after", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "3")
			w.Header().Set("X-RateLimit-Limit", "100")
			w.Header().Set("X-RateLimit-Remaining", "0")
			w.Header().Set("RateLimit-Reason", "jira-burst-based")
			w.WriteHeader(http.StatusTooManyRequests)
		}}, "[3s]", ""},
		{"reset only", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.Header().Set("X-RateLimit-Reset", "2026-03-10T09:01Z")
			w.WriteHeader(http.StatusTooManyRequests)
		}}, "[1m1s]", ""},
		{"no headers: backoff", []func(w http.ResponseWriter){
			func(w http.ResponseWriter) { w.WriteHeader(http.StatusTooManyRequests) },
			func(w http.ResponseWriter) { w.WriteHeader(http.StatusServiceUnavailable) },
		}, "[1s 2s]", ""},
		{"every try limited", []func(w http.ResponseWriter){
			func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
			},
			func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
			},
			func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
			},
			func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
			},
		}, "[1s 1s 1s]", "jira: rate limited until 2026-03-10T09:00:01Z"},
		{"bad request: no retry", []func(w http.ResponseWriter){func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"errorMessages":[],"errors":{"issuetype":"Specify an issue type"}}`)
		}}, "[]", "jira: POST /rest/api/3/issue: 400 issuetype: Specify an issue type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeJira(t)
			f.limits = tt.limits
			j := f.client()
			var waits []time.Duration
			j.Retry = Retry{Now: func() time.Time { return now }, Sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
			_, err := j.Create(context.Background(), item231, pm14)
			if fmt.Sprint(waits) != tt.waits {
				t.Errorf("waits %v, want %s", waits, tt.waits)
			}
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)) {
				t.Errorf("Create error %v, want %q", err, tt.wantErr)
			}
		})
	}
	f := newFakeJira(t)
	j := f.client()
	j.Token = credential.New("wrong")
	if _, err := j.Create(context.Background(), item231, pm14); err == nil || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), "wrong") {
		t.Errorf("a bad token: %v", err)
	}
}
