package storetest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/paging"
)

// PagesOpener returns a new, empty, migrated page store and closes it when
// t ends.
type PagesOpener func(t *testing.T) paging.Store

// RunPages runs the contract of the page store (paging.Store) against the
// stores that open returns: pages stored once by their key, merged when
// they arrive again, read back by team and time.
func RunPages(t *testing.T, open PagesOpener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s paging.Store)
	}{
		{"RoundTrip", testPagesRoundTrip},
		{"Filter", testPagesFilter},
		{"Idempotent", testPagesIdempotent},
		{"AlertmanagerResolution", testPagesAlertmanagerResolution},
		{"RefusesInvalid", testPagesRefusesInvalid},
		{"Concurrent", testPagesConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func samplePages() []paging.Page {
	return []paging.Page{
		{Source: "csv", SourceID: "a1", Team: "logistics", Service: "dispatch", Alert: "DispatchQueueLagHigh", Urgency: paging.High,
			Rotation: "logistics-primary", Triggered: at("2026-02-09T03:02:00.123456789Z"), Acknowledged: at("2026-02-09T03:04:00Z"),
			Resolved: at("2026-02-09T03:30:00Z"), ResolvedBy: paging.ByPerson, AckTracked: true},
		{Source: "csv", SourceID: "a2", Team: "logistics", Alert: "DispatchQueueLagHigh", Urgency: paging.Low,
			Triggered: at("2026-02-10T12:00:00Z"), Noise: true, AckTracked: true},
		{Source: "pagerduty", SourceID: "P1", Team: "payments", Service: "ledger", Alert: "LedgerLag",
			Triggered: at("2026-02-11T23:59:59Z"), Resolved: at("2026-02-12T00:03:00Z"), ResolvedBy: paging.BySystem},
	}
}

func mustSave(t *testing.T, s paging.Store, pages ...paging.Page) {
	t.Helper()
	if err := s.SavePages(ctx, pages); err != nil {
		t.Fatal(err)
	}
}

func mustPages(t *testing.T, s paging.Store, f paging.Filter) []paging.Page {
	t.Helper()
	ps, err := s.Pages(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func samePage(a, b paging.Page) bool {
	return a.Key() == b.Key() && a.Team == b.Team && a.Service == b.Service && a.Alert == b.Alert &&
		a.Urgency == b.Urgency && a.Rotation == b.Rotation && a.Triggered.Equal(b.Triggered) &&
		a.Acknowledged.Equal(b.Acknowledged) && a.Resolved.Equal(b.Resolved) && a.ResolvedBy == b.ResolvedBy &&
		a.AckTracked == b.AckTracked && a.Noise == b.Noise
}

func testPagesRoundTrip(t *testing.T, s paging.Store) {
	want := samplePages()
	mustSave(t, s, want...)
	got := mustPages(t, s, paging.Filter{})
	if len(got) != len(want) {
		t.Fatalf("got %d pages, want %d", len(got), len(want))
	}
	for i := range want {
		w := want[i]
		if w.Urgency == "" {
			w.Urgency = paging.High
		}
		if !samePage(got[i], w) {
			t.Errorf("page %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}
}

func testPagesFilter(t *testing.T, s paging.Store) {
	mustSave(t, s, samplePages()...)
	keys := func(ps []paging.Page) string {
		var ks []string
		for _, p := range ps {
			ks = append(ks, p.Key())
		}
		return strings.Join(ks, " ")
	}
	for _, tt := range []struct {
		name string
		f    paging.Filter
		want string
	}{
		{"team", paging.Filter{Team: "logistics"}, "csv:a1 csv:a2"},
		{"other team", paging.Filter{Team: "payments"}, "pagerduty:P1"},
		{"unknown team", paging.Filter{Team: "nobody"}, ""},
		{"from is included", paging.Filter{From: at("2026-02-10T12:00:00Z")}, "csv:a2 pagerduty:P1"},
		{"to is excluded", paging.Filter{To: at("2026-02-10T12:00:00Z")}, "csv:a1"},
		{"team and window", paging.Filter{Team: "logistics", From: at("2026-02-09T00:00:00Z"), To: at("2026-02-10T00:00:00Z")}, "csv:a1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := keys(mustPages(t, s, tt.f)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func testPagesIdempotent(t *testing.T, s paging.Store) {
	mustSave(t, s, samplePages()...)
	before := mustPages(t, s, paging.Filter{})
	mustSave(t, s, samplePages()...)
	after := mustPages(t, s, paging.Filter{})
	if len(after) != len(before) {
		t.Fatalf("saving the same pages again: %d pages, then %d", len(before), len(after))
	}
	for i := range before {
		if !samePage(before[i], after[i]) {
			t.Errorf("page %d changed:\n%+v\n%+v", i, before[i], after[i])
		}
	}
}

const firing = `{"version":"4","status":"firing","receiver":"logistics-pager","groupLabels":{},"commonLabels":{"team":"logistics"},
"alerts":[{"status":"firing","labels":{"alertname":"DispatchQueueLagHigh","service":"dispatch"},
"startsAt":"2026-02-09T03:02:00.5Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"c0ffee"}]}`

const resolved = `{"version":"4","status":"resolved","receiver":"logistics-pager","groupLabels":{},"commonLabels":{"team":"logistics"},
"alerts":[{"status":"resolved","labels":{"alertname":"DispatchQueueLagHigh","service":"dispatch"},
"startsAt":"2026-02-09T03:02:00.5Z","endsAt":"2026-02-09T03:20:00Z","fingerprint":"c0ffee"}]}`

func alertmanager(t *testing.T, payload string) []paging.Page {
	t.Helper()
	b, err := paging.ReadAlertmanager(strings.NewReader(payload), paging.Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	return b.Pages
}

func testPagesAlertmanagerResolution(t *testing.T, s paging.Store) {
	mustSave(t, s, alertmanager(t, firing)...)
	mustSave(t, s, alertmanager(t, firing)...)
	got := mustPages(t, s, paging.Filter{})
	if len(got) != 1 || !got[0].Resolved.IsZero() {
		t.Fatalf("after the same firing twice: %+v, want one open page", got)
	}
	mustSave(t, s, alertmanager(t, resolved)...)
	// A late repeat of the firing keeps the resolution.
	mustSave(t, s, alertmanager(t, firing)...)
	got = mustPages(t, s, paging.Filter{})
	if len(got) != 1 {
		t.Fatalf("got %d pages, want 1", len(got))
	}
	if want := at("2026-02-09T03:20:00Z"); !got[0].Resolved.Equal(want) || got[0].ResolvedBy != paging.BySystem {
		t.Errorf("resolved %v by %q, want %v by the system", got[0].Resolved, got[0].ResolvedBy, want)
	}
	if want := at("2026-02-09T03:02:00.5Z"); !got[0].Triggered.Equal(want) || got[0].Team != "logistics" {
		t.Errorf("triggered %v for %q, want %v for logistics", got[0].Triggered, got[0].Team, want)
	}
}

func testPagesRefusesInvalid(t *testing.T, s paging.Store) {
	ps := samplePages()
	bad := ps[1]
	bad.Resolved = bad.Triggered.Add(-time.Minute)
	err := s.SavePages(ctx, []paging.Page{ps[0], bad})
	if debrief.ErrorCode(err) != debrief.EINVALID {
		t.Fatalf("got %v, want an invalid error", err)
	}
	if msg := debrief.ErrorMessage(err); !strings.Contains(msg, "page 2 of 2") || !strings.Contains(msg, "before it triggered") {
		t.Errorf("message %q does not say which page and what is wrong", msg)
	}
	if got := mustPages(t, s, paging.Filter{}); len(got) != 0 {
		t.Errorf("a refused batch stored %d pages", len(got))
	}
}

func testPagesConcurrent(t *testing.T, s paging.Store) {
	page := alertmanager(t, firing)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.SavePages(ctx, page)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := mustPages(t, s, paging.Filter{}); len(got) != 1 {
		t.Errorf("8 deliveries of one alert stored %d pages, want 1", len(got))
	}
}
