package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// pdIncidentJSON is an incident as GET /incidents returns it (the shape of
// PagerDuty's API reference), with its assignee and last changer as the
// people the API names: the import must drop them.
func pdIncidentJSON(id, title, status, urgency string, created time.Time, resolved *time.Time) map[string]any {
	ref := func(typ, id, summary string) map[string]any {
		return map[string]any{"id": id, "type": typ, "summary": summary,
			"self": "https://api.pagerduty.com/" + typ + "s/" + id, "html_url": "https://larkspur.pagerduty.com/" + id}
	}
	var res any
	last := created.Add(3 * time.Minute)
	if resolved != nil {
		res, last = resolved.Format(time.RFC3339), *resolved
	}
	return map[string]any{
		"id": id, "type": "incident", "summary": "[#1234] " + title, "self": "https://api.pagerduty.com/incidents/" + id,
		"html_url": "https://larkspur.pagerduty.com/incidents/" + id, "incident_number": 1234, "title": title,
		"created_at": created.Format(time.RFC3339), "updated_at": last.Format(time.RFC3339), "status": status,
		"incident_key": "baf7cf21b1da41b4b0221008339ff357", "service": ref("service_reference", "PSVC1", "dispatch"),
		"assignments":  []any{map[string]any{"at": created.Format(time.RFC3339), "assignee": ref("user_reference", "PUSR1", "Ana Example")}},
		"assigned_via": "escalation_policy", "last_status_change_at": last.Format(time.RFC3339), "resolved_at": res,
		"first_trigger_log_entry": ref("trigger_log_entry_reference", "Q1", "Triggered through the API"),
		"alert_counts":            map[string]any{"all": 1, "triggered": 0, "resolved": 1}, "is_mergeable": true,
		"incident_type":     map[string]any{"name": "incident_default"},
		"escalation_policy": ref("escalation_policy_reference", "PEP1", "Logistics primary"),
		"teams":             []any{ref("team_reference", "PTEAM1", "Logistics")},
		"pending_actions":   []any{}, "acknowledgements": []any{},
		"last_status_change_by": ref("user_reference", "PUSR1", "Ana Example"),
		"priority":              ref("priority_reference", "P53ZZH5", "P2"), "resolve_reason": nil,
		"incidents_responders": []any{}, "responder_requests": []any{}, "urgency": urgency,
	}
}

func pdLogJSON(id, typ, incident string, at time.Time, agentType, channel string) map[string]any {
	return map[string]any{
		"id": id, "type": typ, "summary": typ, "self": "https://api.pagerduty.com/log_entries/" + id,
		"created_at": at.Format(time.RFC3339),
		"agent":      map[string]any{"id": "PX", "type": agentType, "summary": "Ana Example"},
		"channel":    map[string]any{"type": channel},
		"incident":   map[string]any{"id": incident, "type": "incident_reference", "summary": "[#1234]"},
		"teams":      []any{map[string]any{"id": "PTEAM1", "type": "team_reference", "summary": "Logistics"}},
		"contexts":   []any{},
	}
}

// pdServer replays the REST API: it checks the headers, honours since,
// until, offset and limit over the incidents and log entries it holds,
// answers the first request with 429, and records every request.
type pdServer struct {
	t         *testing.T
	incidents []map[string]any
	entries   []map[string]any
	mu        sync.Mutex
	requests  []string
	throttled bool
}

func (s *pdServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.URL.Path+"?"+r.URL.RawQuery)
	first := !s.throttled
	s.throttled = true
	s.mu.Unlock()
	if got := r.Header.Get("Authorization"); got != "Token token=test-token" {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"error":{"message":"Unauthorized","code":2006}}`)
		return
	}
	if got := r.Header.Get("Accept"); got != "application/vnd.pagerduty+json;version=2" {
		s.t.Errorf("Accept = %q", got)
	}
	if first {
		w.Header().Set("ratelimit-limit", "960")
		w.Header().Set("ratelimit-remaining", "0")
		w.Header().Set("ratelimit-reset", "3")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":{"message":"Rate Limit Exceeded","code":2020}}`)
		return
	}
	q := r.URL.Query()
	since, err1 := time.Parse(time.RFC3339, q.Get("since"))
	until, err2 := time.Parse(time.RFC3339, q.Get("until"))
	offset, err3 := strconv.Atoi(q.Get("offset"))
	limit, err4 := strconv.Atoi(q.Get("limit"))
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || limit > 100 {
		s.t.Errorf("bad query %s", r.URL.RawQuery)
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if until.Sub(since) > 183*24*time.Hour {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":{"message":"Invalid Input Provided","code":2001,"errors":["Date range is too large."]}}`)
		return
	}
	if offset+limit > 10000 {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"error":{"message":"Invalid Input Provided","code":2001,"errors":["Offset must be less than 10000."]}}`)
		return
	}
	key, list := "incidents", s.incidents
	if r.URL.Path == "/log_entries" {
		key, list = "log_entries", s.entries
		if q.Get("is_overview") != "true" {
			s.t.Errorf("log entries without is_overview")
		}
	} else if r.URL.Path != "/incidents" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	lo, _ := slices.BinarySearchFunc(list, since, createdCmp)
	hi, _ := slices.BinarySearchFunc(list, until, createdCmp)
	in := list[lo:hi]
	end := min(offset+limit, len(in))
	page := in[min(offset, len(in)):end]
	json.NewEncoder(w).Encode(map[string]any{key: page, "limit": limit, "offset": offset, "more": end < len(in), "total": nil})
}

// createdCmp orders records (sorted by created_at, as the fixtures are) by
// their creation time.
func createdCmp(x map[string]any, t time.Time) int {
	at, _ := time.Parse(time.RFC3339, x["created_at"].(string))
	return at.Compare(t)
}

func recordSleep(d *[]time.Duration) func(context.Context, time.Duration) error {
	return func(_ context.Context, x time.Duration) error { *d = append(*d, x); return nil }
}

func TestPagerDutyImport(t *testing.T) {
	t0 := time.Date(2025, 2, 9, 4, 5, 0, 0, time.UTC)
	res := t0.Add(40 * time.Minute)
	srv := &pdServer{t: t}
	// One incident in each of three windows of a year, and one still open.
	srv.incidents = []map[string]any{
		pdIncidentJSON("PINC1", "DispatchQueueLagHigh", "resolved", "high", t0, &res),
		pdIncidentJSON("PINC2", "DispatchQueueLagHigh", "resolved", "high", t0.Add(200*24*time.Hour), ptr(t0.Add(200*24*time.Hour+4*time.Minute))),
		pdIncidentJSON("PINC3", "RoutingEngineOOM", "acknowledged", "low", t0.Add(300*24*time.Hour), nil),
	}
	srv.entries = []map[string]any{
		pdLogJSON("L1", "trigger_log_entry", "PINC1", t0, "service_reference", "api"),
		pdLogJSON("L2", "acknowledge_log_entry", "PINC1", t0.Add(2*time.Minute), "user_reference", "website"),
		pdLogJSON("L3", "acknowledge_log_entry", "PINC1", t0.Add(9*time.Minute), "user_reference", "sms"),
		pdLogJSON("L4", "resolve_log_entry", "PINC1", res, "user_reference", "website"),
		pdLogJSON("L5", "resolve_log_entry", "PINC2", t0.Add(200*24*time.Hour+4*time.Minute), "service_reference", "auto"),
		pdLogJSON("L6", "acknowledge_log_entry", "PINC3", t0.Add(300*24*time.Hour+time.Minute), "user_reference", "website"),
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	var slept []time.Duration
	pd := &PagerDuty{BaseURL: ts.URL, Token: "test-token", Sleep: recordSleep(&slept), Mapping: Mapping{Teams: map[string]string{"Logistics": "logistics"}}}
	b, err := pd.Import(context.Background(), t0.Add(-time.Hour), t0.Add(365*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Skipped) != 0 || len(b.Pages) != 3 {
		t.Fatalf("pages %d, skipped %+v", len(b.Pages), b.Skipped)
	}
	p := b.Pages[0]
	want := Page{Source: "pagerduty", SourceID: "PINC1", Team: "logistics", Service: "dispatch", Alert: "DispatchQueueLagHigh",
		Urgency: High, Rotation: "Logistics primary", Triggered: t0, Acknowledged: t0.Add(2 * time.Minute), Resolved: res,
		ResolvedBy: ByPerson, AckTracked: true}
	if p != want {
		t.Errorf("page = %+v\nwant   %+v", p, want)
	}
	if p := b.Pages[1]; p.ResolvedBy != BySystem || !p.Acknowledged.IsZero() {
		t.Errorf("auto-resolved page = %+v", p)
	}
	if p := b.Pages[2]; !p.Resolved.IsZero() || p.Urgency != Low || p.Acknowledged.IsZero() {
		t.Errorf("open page = %+v", p)
	}
	for _, page := range b.Pages {
		if strings.Contains(fmt.Sprintf("%+v", page), "Ana") {
			t.Errorf("a page names a person: %+v", page)
		}
	}
	if !slices.Equal(slept, []time.Duration{3 * time.Second}) {
		t.Errorf("slept %v, want the 3 s of ratelimit-reset", slept)
	}
	windows := 0
	for _, r := range srv.requests {
		if strings.HasPrefix(r, "/incidents?") {
			windows++
		}
	}
	if windows != 1+3 { // the throttled request, then three windows of at most 180 days
		t.Errorf("%d incident requests, want 4: %v", windows, srv.requests)
	}
}

func ptr[T any](v T) *T { return &v }

// More incidents in a window than offset paging reaches: the window is
// halved until every incident is listed, each once.
func TestPagerDutyOffsetLimit(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	srv := &pdServer{t: t, throttled: true}
	for i := range 12_000 {
		at := t0.Add(time.Duration(i) * 7 * time.Minute)
		srv.incidents = append(srv.incidents, map[string]any{"id": fmt.Sprintf("P%05d", i), "title": "A", "status": "triggered",
			"urgency": "high", "created_at": at.Format(time.RFC3339)})
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	pd := &PagerDuty{BaseURL: ts.URL, Token: "test-token", Mapping: Mapping{Team: "platform"}, Sleep: recordSleep(new([]time.Duration))}
	b, err := pd.Import(context.Background(), t0, t0.Add(60*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 12_000 {
		t.Fatalf("%d pages, want 12000", len(b.Pages))
	}
	ids := map[string]bool{}
	for _, p := range b.Pages {
		ids[p.SourceID] = true
	}
	if len(ids) != 12_000 {
		t.Errorf("%d distinct pages", len(ids))
	}
}

func TestPagerDutyErrors(t *testing.T) {
	srv := &pdServer{t: t, throttled: true}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	pd := &PagerDuty{BaseURL: ts.URL, Token: "wrong"}
	_, err := pd.Import(context.Background(), time.Now().Add(-time.Hour), time.Now())
	if err == nil || !strings.Contains(err.Error(), "the token was refused (HTTP 401)") || strings.Contains(err.Error(), "wrong") {
		t.Errorf("err = %v", err)
	}
	if _, err := (&PagerDuty{}).Import(context.Background(), time.Now(), time.Now()); err == nil {
		t.Error("no error without a token")
	}
}

func TestReadPagerDutyFile(t *testing.T) {
	t0 := time.Date(2026, 3, 3, 5, 5, 0, 0, time.UTC)
	inc := pdIncidentJSON("PFILE1", "DispatchQueueLagHigh", "resolved", "high", t0, ptr(t0.Add(6*time.Minute)))
	body, _ := json.Marshal(map[string]any{"incidents": []any{inc}, "limit": 100, "offset": 0, "more": false, "total": nil})
	b, err := ReadPagerDutyFile(strings.NewReader(string(body)), Mapping{})
	if err != nil || len(b.Pages) != 1 || b.Pages[0].Team != "logistics" || b.Pages[0].Resolved != t0.Add(6*time.Minute) {
		t.Fatalf("object: %+v, %v", b, err)
	}
	arr, _ := json.Marshal([]any{inc})
	if b, err := ReadPagerDutyFile(strings.NewReader(string(arr)), Mapping{}); err != nil || len(b.Pages) != 1 {
		t.Errorf("array: %+v, %v", b, err)
	}
	for _, bad := range []string{``, `{}`, `{"incidents": [{"id": 7}]}`, "{\n\"incidents\": [{\"created_at\": \"yesterday\"}]}"} {
		if _, err := ReadPagerDutyFile(strings.NewReader(bad), Mapping{}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	_, err = ReadPagerDutyFile(strings.NewReader("{\n  \"incidents\": [\n    {\"id\": 7}]}"), Mapping{})
	if err == nil || !strings.Contains(err.Error(), "3:") {
		t.Errorf("error without its line: %v", err)
	}
}
