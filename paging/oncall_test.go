package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// ocGroupJSON is an alert group as GET /api/v1/alert_groups/ returns it
// (the shape of Grafana OnCall's API reference).
func ocGroupJSON(id, title, state string, created time.Time, acked, resolved *time.Time, resolvedBy any, labels map[string]string) map[string]any {
	at := func(t *time.Time) any {
		if t == nil {
			return nil
		}
		return t.Format("2006-01-02T15:04:05.000000Z")
	}
	var ls []any
	for k, v := range labels {
		ls = append(ls, map[string]any{"key": map[string]any{"id": "K" + k, "name": k}, "value": map[string]any{"id": "V" + v, "name": v}})
	}
	return map[string]any{
		"id": id, "integration_id": "CFRPV98RPR1U8", "team_id": "TI73TDU19W48J", "route_id": "RIYGUJXCPFHXY",
		"alerts_count": 3, "state": state, "created_at": created.Format("2006-01-02T15:04:05.000000Z"),
		"resolved_at": at(resolved), "resolved_by": resolvedBy, "acknowledged_at": at(acked), "acknowledged_by": nil,
		"labels": ls, "title": title, "silenced_at": nil,
		"permalinks":   map[string]any{"slack": nil, "telegram": nil, "web": "https://larkspur.grafana.net/a/grafana-oncall-app/alert-groups/" + id},
		"latest_alert": map[string]any{"id": "AA74DN7T4JQB6", "alert_group_id": id, "created_at": created.Format(time.RFC3339), "payload": map[string]any{"state": "alerting"}},
	}
}

func TestOnCallImport(t *testing.T) {
	t0 := time.Date(2026, 3, 3, 22, 30, 0, 0, time.UTC)
	groups := []any{
		ocGroupJSON("I1", "[firing:1] DispatchQueueLagHigh dispatch", "resolved", t0, ptr(t0.Add(3*time.Minute)), ptr(t0.Add(20*time.Minute)), "UCGEIXI1MR1NZ",
			map[string]string{"alertname": "DispatchQueueLagHigh", "service": "dispatch"}),
		ocGroupJSON("I2", "Disk almost full", "resolved", t0.Add(time.Hour), nil, ptr(t0.Add(time.Hour+2*time.Minute)), nil,
			map[string]string{"team": "Platform", "severity": "warning"}),
		ocGroupJSON("I3", "Still firing", "new", t0.Add(2*time.Hour), nil, nil, nil, nil),
	}
	groups[1].(map[string]any)["team_id"] = nil // an integration of no team: the label places it
	var srv *httptest.Server
	throttled := false
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "oncall-token" || r.Header.Get("X-Grafana-URL") != "https://larkspur.grafana.net" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"detail":"Invalid token."}`)
			return
		}
		if !throttled {
			throttled = true
			w.Header().Set("RateLimit-Reset", "12")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"detail":"Request was throttled. Expected available in 12 seconds."}`)
			return
		}
		if r.URL.Path != "/api/v1/alert_groups/" {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		if got := r.URL.Query().Get("started_at"); got != "2026-03-01T00:00:00/2026-03-31T23:59:59" {
			t.Errorf("started_at = %q", got)
		}
		page := r.URL.Query().Get("page")
		body := map[string]any{"count": 3, "previous": nil, "page_size": 2, "total_pages": 2}
		if page == "" {
			body["results"], body["current_page_number"] = groups[:2], 1
			body["next"] = srv.URL + "/api/v1/alert_groups/?page=2&started_at=2026-03-01T00%3A00%3A00%2F2026-03-31T23%3A59%3A59"
		} else {
			body["results"], body["current_page_number"], body["next"] = groups[2:], 2, nil
		}
		json.NewEncoder(w).Encode(body)
	}))
	defer srv.Close()
	var slept []time.Duration
	oc := &OnCall{BaseURL: srv.URL, Token: "oncall-token", GrafanaURL: "https://larkspur.grafana.net", Sleep: recordSleep(&slept),
		Mapping: Mapping{Teams: map[string]string{"TI73TDU19W48J": "logistics"}}}
	b, err := oc.Import(context.Background(), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 3 {
		t.Fatalf("%d pages, skipped %v", len(b.Pages), b.Skipped)
	}
	want := Page{Source: "oncall", SourceID: "I1", Team: "logistics", Service: "dispatch", Alert: "DispatchQueueLagHigh", Urgency: High,
		Triggered: t0, Acknowledged: t0.Add(3 * time.Minute), Resolved: t0.Add(20 * time.Minute), ResolvedBy: ByPerson, AckTracked: true}
	if b.Pages[0] != want {
		t.Errorf("page = %+v\nwant   %+v", b.Pages[0], want)
	}
	if p := b.Pages[1]; p.Team != "platform" || p.Urgency != Low || p.ResolvedBy != BySystem || !p.Acknowledged.IsZero() {
		t.Errorf("auto-resolved = %+v", p)
	}
	if p := b.Pages[2]; !p.Resolved.IsZero() || p.Team != "logistics" {
		t.Errorf("open = %+v", p)
	}
	if len(slept) != 1 || slept[0] != 12*time.Second {
		t.Errorf("slept %v", slept)
	}
}

// A next link to another host would carry the token there: refused.
func TestOnCallNextOnAnotherHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"count":2,"next":"https://evil.example/api/v1/alert_groups/?page=2","previous":null,"results":[{"id":"I1","state":"new","created_at":"2026-03-03T22:30:00Z","title":"t"}]}`)
	}))
	defer srv.Close()
	oc := &OnCall{BaseURL: srv.URL, Token: "t", Mapping: Mapping{Team: "platform"}}
	_, err := oc.Import(context.Background(), time.Now().Add(-time.Hour), time.Now())
	if err == nil || !strings.Contains(err.Error(), "is not on") {
		t.Errorf("err = %v", err)
	}
}
