package paging

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Opsgenie imports pages from Opsgenie's Alert API (GET /v2/alerts): every
// alert created in a period becomes a page. Opsgenie is being retired, so
// debrief only imports from it.
type Opsgenie struct {
	// BaseURL is the API's address; "" is https://api.opsgenie.com (EU
	// accounts use https://api.eu.opsgenie.com).
	BaseURL string
	// APIKey is an API integration's key, sent as "Authorization:
	// GenieKey …".
	APIKey string
	// Query narrows the alerts with Opsgenie's search syntax, such as
	// "teams:logistics"; "" takes them all.
	Query   string
	Mapping Mapping
	Client  *http.Client
	Sleep   func(ctx context.Context, d time.Duration) error
}

// Opsgenie's paging limits: at most 100 alerts a page, and offset + limit
// at most 20,000.
const (
	ogLimit     = 100
	ogMaxOffset = 20_000
)

type (
	ogAlert struct {
		ID           string   `json:"id"`
		Message      string   `json:"message"`
		Status       string   `json:"status"`
		Acknowledged bool     `json:"acknowledged"`
		Tags         []string `json:"tags"`
		CreatedAt    stamp    `json:"createdAt"`
		UpdatedAt    stamp    `json:"updatedAt"`
		Priority     string   `json:"priority"`
		Teams        []struct {
			ID string `json:"id"`
		} `json:"teams"`
		Responders []struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"responders"`
		Integration struct {
			Name string `json:"name"`
		} `json:"integration"`
		Report struct {
			AckTime   int64  `json:"ackTime"`
			CloseTime int64  `json:"closeTime"`
			ClosedBy  string `json:"closedBy"`
		} `json:"report"`
	}
	ogPage struct {
		Data   []ogAlert `json:"data"`
		Paging struct {
			Next string `json:"next"`
		} `json:"paging"`
	}
)

// Import reads the alerts created from since to until. Past Opsgenie's
// offset limit it starts again from the last creation time read.
func (o *Opsgenie) Import(ctx context.Context, since, until time.Time) (*Batch, error) {
	if o.APIKey == "" {
		return nil, fmt.Errorf("opsgenie: no API key: use the key of an API integration that may read alerts")
	}
	base := strings.TrimRight(o.BaseURL, "/")
	if base == "" {
		base = "https://api.opsgenie.com"
	}
	f := newFetcher("opsgenie", o.Client, o.Sleep, http.Header{"Authorization": {"GenieKey " + o.APIKey}})
	seen := map[string]bool{}
	var alerts []ogAlert
	from := since.UnixMilli()
	for {
		last, more, err := o.read(ctx, f, base, from, until.UnixMilli(), seen, &alerts)
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
		if last <= from {
			return nil, fmt.Errorf("opsgenie: more than %d alerts created at %s: the API cannot list them all", ogMaxOffset, time.UnixMilli(from).UTC().Format(time.RFC3339))
		}
		from = last
	}
	b := &Batch{}
	for _, a := range alerts {
		b.add(ogPageOf(a, o.Mapping))
	}
	return b, nil
}

// read lists alerts created from from (ms) up to until (ms) with offset
// paging, and returns the last creation time read and whether the offset
// limit stopped it.
func (o *Opsgenie) read(ctx context.Context, f *fetcher, base string, from, until int64, seen map[string]bool, out *[]ogAlert) (last int64, more bool, err error) {
	query := fmt.Sprintf("createdAt >= %d AND createdAt < %d", from, until)
	if o.Query != "" {
		query = "(" + o.Query + ") AND " + query
	}
	for offset := 0; offset+ogLimit <= ogMaxOffset; offset += ogLimit {
		q := url.Values{"query": {query}, "offset": {strconv.Itoa(offset)}, "limit": {strconv.Itoa(ogLimit)}, "sort": {"createdAt"}, "order": {"asc"}}
		var page ogPage
		if err := f.getJSON(ctx, base+"/v2/alerts?"+q.Encode(), &page); err != nil {
			return 0, false, err
		}
		for _, a := range page.Data {
			last = max(last, a.CreatedAt.Time().UnixMilli())
			if !seen[a.ID] {
				seen[a.ID] = true
				*out = append(*out, a)
			}
		}
		if page.Paging.Next == "" || len(page.Data) == 0 {
			return last, false, nil
		}
	}
	return last, true, nil
}

// ogPageOf turns an alert into a page. Opsgenie reports the times to
// acknowledge and to close in milliseconds after creation; an alert closed
// by a user (a user name is an e-mail address) was resolved by a person,
// by anything else (an integration, "System") by the system. The tag
// "noise" marks it as noise, and a tag "service:NAME" names its service.
func ogPageOf(a ogAlert, m Mapping) Page {
	p := Page{Source: "opsgenie", SourceID: a.ID, Alert: a.Message, Triggered: a.CreatedAt.Time(), AckTracked: true, Urgency: High}
	switch strings.ToUpper(a.Priority) {
	case "P4", "P5":
		p.Urgency = Low
	}
	var ids []string
	for _, t := range a.Teams {
		ids = append(ids, t.ID)
	}
	for _, r := range a.Responders {
		if r.Type == "team" {
			ids = append(ids, r.ID)
		}
	}
	for _, t := range a.Tags {
		if s, ok := strings.CutPrefix(t, "service:"); ok {
			p.Service = s
		}
		if strings.EqualFold(t, "noise") {
			p.Noise = true
		}
	}
	p.Team = m.team(nil, append(ids, a.Integration.Name)...)
	if a.Acknowledged && a.Report.AckTime > 0 {
		p.Acknowledged = p.Triggered.Add(time.Duration(a.Report.AckTime) * time.Millisecond)
	}
	if a.Status == "closed" {
		p.Resolved = a.UpdatedAt.Time()
		if a.Report.CloseTime > 0 {
			p.Resolved = p.Triggered.Add(time.Duration(a.Report.CloseTime) * time.Millisecond)
		}
		switch {
		case strings.Contains(a.Report.ClosedBy, "@"):
			p.ResolvedBy = ByPerson
		case a.Report.ClosedBy != "":
			p.ResolvedBy = BySystem
		}
	}
	return p
}
