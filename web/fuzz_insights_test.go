package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/sqlite"
)

// FuzzAlertmanagerWebhook posts hostile notifications to the webhook of a
// real archive: every answer is 200 with counts or 400 with a reason,
// never a 500 or a panic, and whatever was stored reads back.
func FuzzAlertmanagerWebhook(f *testing.F) {
	f.Add(amFiring)
	f.Add(amResolved)
	f.Add(`{"version":"4","alerts":[{"labels":{"team":"t","alertname":"A"},"startsAt":"2026-01-01T00:00:00Z","endsAt":"2025-01-01T00:00:00Z","status":"resolved","fingerprint":"x"}]}`)
	f.Add(`{"version":"4","alerts":[{"labels":{"team":"` + strings.Repeat("é", 300) + `","alertname":"A"},"startsAt":"2026-01-01T00:00:00Z","fingerprint":"x"}]}`)
	f.Add(`{"version":"4","alerts":[{"labels":{"team":"t","alertname":"A\u0000"},"startsAt":"9999-01-01T00:00:00Z","fingerprint":"x"}]}`)
	f.Add(`[]`)
	db, err := sqlite.Open(context.Background(), f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	srv := New(Config{
		Postmortems: db, Users: db, Taxonomy: debrief.DefaultTaxonomy(),
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Insights: &insight.Source{Postmortems: db, Pages: db}, PagesToken: credential.New(testPagesToken),
	})
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/pages/alertmanager", strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+testPagesToken)
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
		var answer map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &answer); err != nil {
			t.Fatalf("the answer is not JSON: %q", w.Body.String())
		}
		if _, err := db.Pages(context.Background(), pagingFilterFrom("1990-01-01T00:00:00Z")); err != nil {
			t.Fatal(err)
		}
	})
}
