package paging

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// amFiring and amResolved are two notifications of the same alert as
// Alertmanager's webhook sends them (version 4): first firing, with the
// zero endsAt, then resolved.
const amFiring = `{
  "receiver": "logistics-pager",
  "status": "firing",
  "alerts": [
    {
      "status": "firing",
      "labels": {"alertname": "DispatchQueueLagHigh", "job": "dispatch", "severity": "critical", "team": "logistics", "region": "eu-west"},
      "annotations": {"summary": "dispatch-assigner lag above 120 s"},
      "startsAt": "2026-03-03T05:05:12.345Z",
      "endsAt": "0001-01-01T00:00:00Z",
      "generatorURL": "http://prometheus.example:9090/graph?g0.expr=kafka_consumergroup_lag",
      "fingerprint": "c4f1a1b2d3e4f5a6"
    },
    {
      "status": "firing",
      "labels": {"alertname": "RoutingEngineSlow", "service": "routing-engine", "severity": "warning"},
      "annotations": {},
      "startsAt": "2026-03-03T05:06:00Z",
      "endsAt": "0001-01-01T00:00:00Z",
      "generatorURL": "",
      "fingerprint": "0a0b0c0d0e0f0102"
    }
  ],
  "groupLabels": {"alertname": "DispatchQueueLagHigh"},
  "commonLabels": {},
  "commonAnnotations": {},
  "externalURL": "http://alertmanager.example:9093",
  "version": "4",
  "groupKey": "{}:{alertname=\"DispatchQueueLagHigh\"}",
  "truncatedAlerts": 0
}`

var amResolved = strings.NewReplacer(`"status": "firing"`, `"status": "resolved"`,
	`"endsAt": "0001-01-01T00:00:00Z"`, `"endsAt": "2026-03-03T05:11:12Z"`).Replace(amFiring)

func TestReadAlertmanager(t *testing.T) {
	m := Mapping{Teams: map[string]string{"logistics-pager": "logistics"}}
	b, err := ReadAlertmanager(strings.NewReader(amFiring), m)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 3, 5, 5, 12, 345_000_000, time.UTC)
	want := Page{Source: "alertmanager", SourceID: "c4f1a1b2d3e4f5a6@2026-03-03T05:05:12.345Z", Team: "logistics", Service: "dispatch",
		Alert: "DispatchQueueLagHigh", Urgency: High, Rotation: "logistics-pager", Triggered: start}
	if len(b.Pages) != 2 || b.Pages[0] != want {
		t.Fatalf("pages = %+v\nwant   %+v", b.Pages, want)
	}
	// No team label: the receiver, mapped, places it.
	if p := b.Pages[1]; p.Team != "logistics" || p.Urgency != Low || p.Service != "routing-engine" {
		t.Errorf("second page = %+v", p)
	}
	bad := []struct{ name, body, msg string }{
		{"not JSON", `{"version": "4", "alerts": [}`, "1:29"},
		{"version 3", `{"version": "3", "alerts": []}`, `version "3"`},
		{"no version", `{"alerts": []}`, `version ""`},
		{"bad time", `{"version": "4", "alerts": [{"startsAt": "yesterday", "fingerprint": "f"}]}`, "RFC 3339"},
	}
	for _, tt := range bad {
		if _, err := ReadAlertmanager(strings.NewReader(tt.body), m); err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.msg)
		}
	}
	// An alert without a fingerprint is skipped, the others land.
	b, err = ReadAlertmanager(strings.NewReader(`{"version":"4","receiver":"x","alerts":[{"status":"firing","labels":{"alertname":"A","team":"t"},"startsAt":"2026-03-03T05:05:00Z"}]}`), Mapping{})
	if err != nil || len(b.Pages) != 0 || len(b.Skipped) != 1 {
		t.Errorf("no fingerprint: %+v, %v", b, err)
	}
}

// The handler is idempotent by fingerprint and startsAt, and the resolved
// notification sets the resolution; a firing notification delivered late
// does not undo it.
func TestAlertmanagerHandler(t *testing.T) {
	var mem Memory
	h := AlertmanagerHandler(&mem, Mapping{Teams: map[string]string{"logistics-pager": "logistics"}})
	post := func(body string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/api/v1/pages/alertmanager", strings.NewReader(body)))
		return w
	}
	for _, body := range []string{amFiring, amFiring, amResolved, amFiring} {
		if w := post(body); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"pages":2`) {
			t.Fatalf("POST = %d %s", w.Code, w.Body)
		}
	}
	pages := mem.Pages()
	if len(pages) != 2 {
		t.Fatalf("%d pages after four notifications of two alerts", len(pages))
	}
	if p := pages[0]; p.Resolved != time.Date(2026, 3, 3, 5, 11, 12, 0, time.UTC) || p.ResolvedBy != BySystem {
		t.Errorf("resolution = %+v", p)
	}
	if w := post(`{"version": "2"}`); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "version 4") {
		t.Errorf("bad payload = %d %s", w.Code, w.Body)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/v1/pages/alertmanager", nil))
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET = %d", w.Code)
	}
	failing := AlertmanagerHandler(sinkFunc(func(context.Context, []Page) error { return errors.New("disk full") }), Mapping{Team: "x"})
	w = httptest.NewRecorder()
	failing.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(amFiring)))
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "disk full") {
		t.Errorf("failing sink = %d %s (the cause stays in the logs)", w.Code, w.Body)
	}
}

type sinkFunc func(context.Context, []Page) error

func (f sinkFunc) SavePages(ctx context.Context, p []Page) error { return f(ctx, p) }
