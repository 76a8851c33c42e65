package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"
)

// ogAlertJSON is an alert as GET /v2/alerts returns it (the shape of
// Opsgenie's API reference).
func ogAlertJSON(id, message, status string, created time.Time, ackMs, closeMs int64, closedBy, priority string, tags ...string) map[string]any {
	report := map[string]any{}
	if ackMs > 0 {
		report["ackTime"], report["acknowledgedBy"] = ackMs, "ana@larkspur.example"
	}
	if closeMs > 0 {
		report["closeTime"], report["closedBy"] = closeMs, closedBy
	}
	if tags == nil {
		tags = []string{}
	}
	return map[string]any{
		"id": id, "tinyId": "1791", "alias": "event_573", "message": message, "status": status,
		"acknowledged": ackMs > 0, "isSeen": true, "tags": tags, "snoozed": false, "count": 1,
		"lastOccurredAt": created.Format(time.RFC3339Nano), "createdAt": created.Format("2006-01-02T15:04:05.000Z"),
		"updatedAt": created.Add(time.Hour).Format(time.RFC3339Nano), "source": "Prometheus", "owner": "ana@larkspur.example",
		"priority": priority, "teams": []any{map[string]any{"id": "8418d193-2dab-4490-b331-8c02cdd196b7"}},
		"responders":  []any{map[string]any{"type": "team", "id": "8418d193-2dab-4490-b331-8c02cdd196b7"}},
		"integration": map[string]any{"id": "4513b7ea-3b91-438f-b7e4-e3e54af9147c", "name": "Prometheus", "type": "Prometheus"},
		"report":      report,
	}
}

var ogQuery = regexp.MustCompile(`^createdAt >= (\d+) AND createdAt < (\d+)$`)

func TestOpsgenieImport(t *testing.T) {
	t0 := time.Date(2026, 1, 12, 2, 0, 0, 0, time.UTC)
	var alerts []map[string]any
	for i := range 250 {
		alerts = append(alerts, ogAlertJSON(fmt.Sprintf("og-%03d", i), "DispatchQueueLagHigh", "closed", t0.Add(time.Duration(i)*time.Hour), 0, 240_000, "Prometheus", "P3"))
	}
	alerts[0] = ogAlertJSON("og-000", "DispatchQueueLagHigh", "closed", t0, 90_000, 1_800_000, "ana@larkspur.example", "P2", "service:dispatch")
	alerts[1] = ogAlertJSON("og-001", "RoutingEngineSlow", "open", t0.Add(time.Hour), 0, 0, "", "P5", "noise")
	var requests []string
	throttled := false
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests = append(requests, r.URL.RawQuery)
		if r.Header.Get("Authorization") != "GenieKey test-key" || r.URL.Path != "/v2/alerts" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"message":"Could not authenticate","took":0.0,"requestId":"x"}`)
			return
		}
		if !throttled {
			throttled = true
			w.Header().Set("X-RateLimit-State", "THROTTLED")
			w.Header().Set("X-RateLimit-Period-In-Sec", "60")
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"message":"You are making too many requests!","took":0.0,"requestId":"y"}`)
			return
		}
		q := r.URL.Query()
		m := ogQuery.FindStringSubmatch(q.Get("query"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		if m == nil || limit > 100 || q.Get("sort") != "createdAt" || q.Get("order") != "asc" || offset+limit > 20000 {
			w.WriteHeader(http.StatusUnprocessableEntity)
			fmt.Fprintf(w, `{"message":"bad request %s","took":0.0}`, r.URL.RawQuery)
			return
		}
		from, _ := strconv.ParseInt(m[1], 10, 64)
		until, _ := strconv.ParseInt(m[2], 10, 64)
		var in []map[string]any
		for _, a := range alerts {
			at, _ := time.Parse(time.RFC3339Nano, a["createdAt"].(string))
			if at.UnixMilli() >= from && at.UnixMilli() < until {
				in = append(in, a)
			}
		}
		end := min(offset+limit, len(in))
		body := map[string]any{"data": in[min(offset, end):end], "took": 0.605, "requestId": "9ae63dd7-ed00-4c81-86f0-c4ffd33142c9"}
		paging := map[string]any{"first": "https://api.opsgenie.com/v2/alerts?offset=0"}
		if end < len(in) {
			paging["next"] = fmt.Sprintf("https://api.opsgenie.com/v2/alerts?offset=%d", end)
		}
		body["paging"] = paging
		json.NewEncoder(w).Encode(body)
	}))
	defer ts.Close()
	var slept []time.Duration
	og := &Opsgenie{BaseURL: ts.URL, APIKey: "test-key", Sleep: recordSleep(&slept),
		Mapping: Mapping{Teams: map[string]string{"8418d193-2dab-4490-b331-8c02cdd196b7": "logistics"}}}
	b, err := og.Import(context.Background(), t0, t0.Add(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 250 || len(b.Skipped) != 0 {
		t.Fatalf("%d pages, skipped %v", len(b.Pages), b.Skipped)
	}
	want := Page{Source: "opsgenie", SourceID: "og-000", Team: "logistics", Service: "dispatch", Alert: "DispatchQueueLagHigh",
		Urgency: High, Triggered: t0, Acknowledged: t0.Add(90 * time.Second), Resolved: t0.Add(30 * time.Minute),
		ResolvedBy: ByPerson, AckTracked: true}
	if b.Pages[0] != want {
		t.Errorf("page = %+v\nwant   %+v", b.Pages[0], want)
	}
	if p := b.Pages[1]; p.Urgency != Low || !p.Noise || !p.Resolved.IsZero() {
		t.Errorf("open low-priority noise = %+v", p)
	}
	if p := b.Pages[2]; p.ResolvedBy != BySystem || p.Resolved != p.Triggered.Add(4*time.Minute) || !p.Acknowledged.IsZero() {
		t.Errorf("auto-closed = %+v", p)
	}
	if !slices.Equal(slept, []time.Duration{time.Minute}) {
		t.Errorf("slept %v, want the minute of X-RateLimit-Period-In-Sec", slept)
	}
	if len(requests) != 1+3 {
		t.Errorf("%d requests, want a throttled one and three pages of 100", len(requests))
	}
}

// Past Opsgenie's offset limit the import starts again from the last
// creation time it read, and every alert lands once.
func TestOpsgenieOffsetLimit(t *testing.T) {
	t0 := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	const n = 20_150
	created := make([]int64, n)
	alerts := make([]map[string]any, n)
	for i := range n {
		at := t0.Add(time.Duration(i/2) * time.Minute) // two alerts a minute: ties at the restart
		created[i] = at.UnixMilli()
		alerts[i] = map[string]any{"id": fmt.Sprintf("og-%05d", i), "message": "A", "status": "open", "createdAt": at.Format("2006-01-02T15:04:05.000Z")}
	}
	maxOffset := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		m := ogQuery.FindStringSubmatch(q.Get("query"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		if m == nil || offset+limit > 20000 {
			w.WriteHeader(http.StatusUnprocessableEntity)
			return
		}
		maxOffset = max(maxOffset, offset)
		from, _ := strconv.ParseInt(m[1], 10, 64)
		until, _ := strconv.ParseInt(m[2], 10, 64)
		lo, _ := slices.BinarySearch(created, from)
		hi, _ := slices.BinarySearch(created, until)
		in := alerts[lo:hi]
		end := min(offset+limit, len(in))
		body := map[string]any{"data": in[min(offset, end):end], "paging": map[string]any{}}
		if end < len(in) {
			body["paging"] = map[string]any{"next": "https://api.opsgenie.com/v2/alerts?offset=" + strconv.Itoa(end)}
		}
		json.NewEncoder(w).Encode(body)
	}))
	defer ts.Close()
	og := &Opsgenie{BaseURL: ts.URL, APIKey: "k", Mapping: Mapping{Team: "platform"}}
	b, err := og.Import(context.Background(), t0, t0.Add(30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != n || maxOffset != 19_900 {
		t.Errorf("%d pages (want %d), offsets up to %d", len(b.Pages), n, maxOffset)
	}
}
