package paging

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// OnCall imports pages from Grafana OnCall's alert groups API (GET
// /api/v1/alert_groups/): every alert group started in a period becomes a
// page.
type OnCall struct {
	// BaseURL is the OnCall API's address, as OnCall's settings show it,
	// without /api/v1.
	BaseURL string
	// Token is an OnCall API token, sent as the Authorization header.
	Token string
	// GrafanaURL, when set, is sent as X-Grafana-URL, as Grafana Cloud's
	// service account tokens require.
	GrafanaURL string
	Mapping    Mapping
	Client     *http.Client
	Sleep      func(ctx context.Context, d time.Duration) error
}

type (
	ocLabel struct {
		Key struct {
			Name string `json:"name"`
		} `json:"key"`
		Value struct {
			Name string `json:"name"`
		} `json:"value"`
	}
	ocGroup struct {
		ID             string    `json:"id"`
		IntegrationID  string    `json:"integration_id"`
		TeamID         *string   `json:"team_id"`
		RouteID        *string   `json:"route_id"`
		State          string    `json:"state"`
		CreatedAt      stamp     `json:"created_at"`
		ResolvedAt     stamp     `json:"resolved_at"`
		ResolvedBy     *string   `json:"resolved_by"`
		AcknowledgedAt stamp     `json:"acknowledged_at"`
		SilencedAt     stamp     `json:"silenced_at"`
		Title          string    `json:"title"`
		Labels         []ocLabel `json:"labels"`
	}
	ocPage struct {
		Next    *string   `json:"next"`
		Results []ocGroup `json:"results"`
	}
)

// ocMaxPages bounds how many pages of results one import follows.
const ocMaxPages = 100_000

// Import reads the alert groups started from since to until, following
// the API's next links.
func (o *OnCall) Import(ctx context.Context, since, until time.Time) (*Batch, error) {
	if o.Token == "" {
		return nil, fmt.Errorf("oncall: no API token: create one in Grafana OnCall's settings")
	}
	base := strings.TrimRight(o.BaseURL, "/")
	if base == "" {
		return nil, fmt.Errorf("oncall: no API URL: give the OnCall API URL its settings page shows")
	}
	h := http.Header{"Authorization": {o.Token}}
	if o.GrafanaURL != "" {
		h.Set("X-Grafana-URL", o.GrafanaURL)
	}
	f := newFetcher("oncall", o.Client, o.Sleep, h)
	const layout = "2006-01-02T15:04:05"
	// The filter's bounds are both inclusive; the last second is left out.
	q := url.Values{"started_at": {since.UTC().Format(layout) + "/" + until.UTC().Add(-time.Second).Format(layout)}}
	next := base + "/api/v1/alert_groups/?" + q.Encode()
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("oncall: the API URL %q is not a URL", shorten(base))
	}
	b := &Batch{}
	seen := map[string]bool{}
	for i := 0; next != ""; i++ {
		if i == ocMaxPages {
			return nil, fmt.Errorf("oncall: more than %d pages of alert groups: import a shorter period", ocMaxPages)
		}
		var page ocPage
		if err := f.getJSON(ctx, next, &page); err != nil {
			return nil, err
		}
		for _, g := range page.Results {
			if !seen[g.ID] {
				seen[g.ID] = true
				b.add(ocPageOf(g, o.Mapping))
			}
		}
		next = ""
		if page.Next != nil && len(page.Results) > 0 {
			// The token goes with every request: follow links to the
			// API's own host only.
			u, err := url.Parse(*page.Next)
			if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host != baseURL.Host {
				return nil, fmt.Errorf("oncall: the next page's address %q is not on %s", shorten(*page.Next), baseURL.Host)
			}
			next = u.String()
		}
	}
	return b, nil
}

// ocPageOf turns an alert group into a page. Labels say more than the
// API's ids: "team", "service" and "alertname" (Alertmanager's) are used
// when present; "severity" of warning or info makes it low urgency; the
// label "noise" (any value but "false") marks it as noise. A group
// resolved by a user was resolved by a person, one resolved with no user
// by its source. A group still open or silenced is not resolved.
func ocPageOf(g ocGroup, m Mapping) Page {
	p := Page{Source: "oncall", SourceID: g.ID, Alert: g.Title, Triggered: g.CreatedAt.Time(), Urgency: High, AckTracked: true,
		Acknowledged: g.AcknowledgedAt.Time(), Resolved: g.ResolvedAt.Time()}
	var team []string
	for _, l := range g.Labels {
		switch k, v := strings.ToLower(l.Key.Name), l.Value.Name; k {
		case "team":
			team = append(team, v)
		case "service":
			p.Service = v
		case "alertname":
			p.Alert = v
		case "severity":
			if v = strings.ToLower(v); v == "warning" || v == "info" || v == "low" {
				p.Urgency = Low
			}
		case "noise":
			p.Noise = !strings.EqualFold(v, "false")
		}
	}
	var ids []string
	if g.TeamID != nil {
		ids = append(ids, *g.TeamID)
	}
	if g.RouteID != nil {
		ids = append(ids, *g.RouteID)
	}
	p.Team = m.team(team, append(ids, g.IntegrationID)...)
	if !p.Resolved.IsZero() {
		p.ResolvedBy = BySystem
		if g.ResolvedBy != nil && *g.ResolvedBy != "" {
			p.ResolvedBy = ByPerson
		}
	}
	if g.State != "resolved" {
		p.Resolved, p.ResolvedBy = time.Time{}, ""
	}
	return p
}
