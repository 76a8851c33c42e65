package paging

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// AlertmanagerPayload is the body of a Prometheus Alertmanager webhook
// notification, version 4.
type AlertmanagerPayload struct {
	Version           string              `json:"version"`
	GroupKey          string              `json:"groupKey"`
	TruncatedAlerts   int                 `json:"truncatedAlerts"`
	Status            string              `json:"status"`
	Receiver          string              `json:"receiver"`
	GroupLabels       map[string]string   `json:"groupLabels"`
	CommonLabels      map[string]string   `json:"commonLabels"`
	CommonAnnotations map[string]string   `json:"commonAnnotations"`
	ExternalURL       string              `json:"externalURL"`
	Alerts            []AlertmanagerAlert `json:"alerts"`
}

// AlertmanagerAlert is one alert of a notification.
type AlertmanagerAlert struct {
	Status       string            `json:"status"`
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     stamp             `json:"startsAt"`
	EndsAt       stamp             `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL"`
	Fingerprint  string            `json:"fingerprint"`
}

// Limits on a notification: Alertmanager sends one group's alerts at a
// time, rarely more than a few hundred.
const (
	maxAlertmanagerBody   = 4 << 20
	maxAlertmanagerAlerts = 5000
)

// ReadAlertmanager reads a webhook notification and returns its alerts as
// pages, one per alert firing episode: the key is the alert's fingerprint
// and the time it started, so a notification sent again changes nothing,
// and the notification of its resolution (status "resolved", endsAt set)
// updates the same page (see Merge). A page's team is its "team" label
// when it has one (mapped through m like the receiver), its alert the
// "alertname" label, its service the "service" label (or "job"); a
// "severity" of warning, info or low makes it low urgency. Alertmanager
// knows nothing of acknowledgements, so AckTracked is false and a
// resolution is always the system's.
//
// Errors are debrief EINVALID errors with a message that says what is
// wrong; alerts that cannot be pages (no team, no alert name) are skipped.
func ReadAlertmanager(r io.Reader, m Mapping) (*Batch, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxAlertmanagerBody+1))
	if err != nil {
		return nil, debrief.Errorf(debrief.EINVALID, "alertmanager: reading the notification: %v", err)
	}
	if len(data) > maxAlertmanagerBody {
		return nil, debrief.Errorf(debrief.EINVALID, "alertmanager: the notification is larger than %d MiB: lower max_alerts in the webhook's configuration", maxAlertmanagerBody>>20)
	}
	var pl AlertmanagerPayload
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&pl); err != nil {
		return nil, debrief.Errorf(debrief.EINVALID, "alertmanager: the notification is not a webhook payload: %s", jsonProblem(data, err))
	}
	if pl.Version != "4" {
		return nil, debrief.Errorf(debrief.EINVALID, "alertmanager: payload version %q: debrief reads version 4, which Alertmanager has sent since 0.15", shorten(pl.Version))
	}
	if len(pl.Alerts) > maxAlertmanagerAlerts {
		return nil, debrief.Errorf(debrief.EINVALID, "alertmanager: %d alerts in one notification; at most %d", len(pl.Alerts), maxAlertmanagerAlerts)
	}
	b := &Batch{}
	for i, a := range pl.Alerts {
		if a.Fingerprint == "" || a.StartsAt.Time().IsZero() {
			b.Skipped = append(b.Skipped, Skip{ID: fmt.Sprintf("alert %d", i+1), Reason: "no fingerprint or startsAt"})
			continue
		}
		b.add(amPageOf(pl, a, m))
	}
	return b, nil
}

func amPageOf(pl AlertmanagerPayload, a AlertmanagerAlert, m Mapping) Page {
	label := func(name string) string {
		if v, ok := a.Labels[name]; ok {
			return v
		}
		return pl.CommonLabels[name]
	}
	start := a.StartsAt.Time()
	p := Page{
		Source: "alertmanager", SourceID: a.Fingerprint + "@" + start.Format(time.RFC3339Nano),
		Alert: label("alertname"), Service: label("service"), Rotation: pl.Receiver,
		Triggered: start, Urgency: High,
	}
	if p.Service == "" {
		p.Service = label("job")
	}
	switch strings.ToLower(label("severity")) {
	case "warning", "info", "low":
		p.Urgency = Low
	}
	p.Team = m.team([]string{label("team")}, pl.Receiver)
	if a.Status == "resolved" && !a.EndsAt.Time().IsZero() {
		p.Resolved, p.ResolvedBy = a.EndsAt.Time(), BySystem
	}
	return p
}

// AlertmanagerHandler returns the handler of Alertmanager's webhook: it
// reads a notification, saves its pages to sink and answers 200 with the
// counts as JSON, or 400 with the reason for a payload it cannot read, so
// that Alertmanager does not retry it; a sink that fails is a 500, which
// Alertmanager retries. The web app mounts it at POST
// /api/v1/pages/alertmanager behind its bearer-token check.
func AlertmanagerHandler(sink Sink, m Mapping) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			w.WriteHeader(http.StatusMethodNotAllowed)
			json.NewEncoder(w).Encode(map[string]string{"error": "send the notification with POST"})
			return
		}
		b, err := ReadAlertmanager(http.MaxBytesReader(w, r.Body, maxAlertmanagerBody+1), m)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			json.NewEncoder(w).Encode(map[string]string{"error": debrief.ErrorMessage(err)})
			return
		}
		if err := sink.SavePages(r.Context(), b.Pages); err != nil {
			status := http.StatusInternalServerError
			if errors.Is(err, r.Context().Err()) && r.Context().Err() != nil {
				status = http.StatusServiceUnavailable
			}
			w.WriteHeader(status)
			json.NewEncoder(w).Encode(map[string]string{"error": "the pages could not be saved: " + debrief.ErrorMessage(err)})
			return
		}
		json.NewEncoder(w).Encode(map[string]any{"pages": len(b.Pages), "skipped": len(b.Skipped)})
	})
}
