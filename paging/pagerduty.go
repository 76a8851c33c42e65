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

// PagerDuty imports pages from PagerDuty's REST API v2: every incident
// created in a period becomes a page, and the log entries say when it was
// first acknowledged and whether a person or the monitoring resolved it.
type PagerDuty struct {
	// BaseURL is the API's address; "" is https://api.pagerduty.com.
	BaseURL string
	// Token is a REST API key, read-only is enough. It is sent as
	// "Authorization: Token token=…" and never written anywhere.
	Token   string
	Mapping Mapping
	// Client sends the requests; nil uses a client with a one-minute
	// timeout.
	Client *http.Client
	// Sleep waits out rate limits; nil waits for real. Tests set it.
	Sleep func(ctx context.Context, d time.Duration) error
}

// PagerDuty's limits: a list's since and until may be at most six months
// apart, a page holds at most 100 records, and offset paging stops at
// offset + limit = 10,000.
const (
	pdWindow    = 180 * 24 * time.Hour
	pdLimit     = 100
	pdMaxOffset = 10_000
	// pdLogGrace is how long after a window's end its incidents' log
	// entries (acknowledgements, resolutions) are read.
	pdLogGrace = 7 * 24 * time.Hour
)

// Import reads the incidents created from since to until, in windows of
// 180 days, and their log entries.
func (pd *PagerDuty) Import(ctx context.Context, since, until time.Time) (*Batch, error) {
	if pd.Token == "" {
		return nil, fmt.Errorf("pagerduty: no API token: create a read-only REST API key and give it to the import")
	}
	base := strings.TrimRight(pd.BaseURL, "/")
	if base == "" {
		base = "https://api.pagerduty.com"
	}
	f := newFetcher("pagerduty", pd.Client, pd.Sleep, http.Header{
		"Authorization": {"Token token=" + pd.Token},
		"Accept":        {"application/vnd.pagerduty+json;version=2"},
	})
	var incidents []pdIncident
	seen := map[string]bool{}
	for from := since; from.Before(until); from = from.Add(pdWindow) {
		to := earlier(from.Add(pdWindow), until)
		if err := pd.incidents(ctx, f, base, from, to, seen, &incidents); err != nil {
			return nil, err
		}
	}
	var entries []pdLogEntry
	logUntil := earlier(until.Add(pdLogGrace), time.Now())
	for from := since; from.Before(logUntil); from = from.Add(pdWindow) {
		to := earlier(from.Add(pdWindow), logUntil)
		if err := pd.logEntries(ctx, f, base, from, to, &entries); err != nil {
			return nil, err
		}
	}
	return pdBatch(incidents, entries, pd.Mapping), nil
}

// incidents reads one window's incidents, halving the window when offset
// paging would pass its limit.
func (pd *PagerDuty) incidents(ctx context.Context, f *fetcher, base string, from, to time.Time, seen map[string]bool, out *[]pdIncident) error {
	for offset := 0; ; offset += pdLimit {
		if offset+pdLimit > pdMaxOffset {
			if to.Sub(from) < 2*time.Minute {
				return fmt.Errorf("pagerduty: more than %d incidents between %s and %s: the API cannot list them all", pdMaxOffset, from.Format(time.RFC3339), to.Format(time.RFC3339))
			}
			mid := from.Add(to.Sub(from) / 2).Truncate(time.Second)
			if err := pd.incidents(ctx, f, base, from, mid, seen, out); err != nil {
				return err
			}
			return pd.incidents(ctx, f, base, mid, to, seen, out)
		}
		q := url.Values{
			"since": {from.UTC().Format(time.RFC3339)}, "until": {to.UTC().Format(time.RFC3339)},
			"limit": {strconv.Itoa(pdLimit)}, "offset": {strconv.Itoa(offset)},
			"time_zone": {"UTC"}, "sort_by": {"created_at:asc"},
		}
		var page pdIncidentPage
		if err := f.getJSON(ctx, base+"/incidents?"+q.Encode(), &page); err != nil {
			return err
		}
		for _, inc := range page.Incidents {
			if !seen[inc.ID] {
				seen[inc.ID] = true
				*out = append(*out, inc)
			}
		}
		if !page.More || len(page.Incidents) == 0 {
			return nil
		}
	}
}

// logEntries reads one window's overview log entries: triggers,
// acknowledgements, resolutions. Past the offset limit, the window is
// halved as for incidents.
func (pd *PagerDuty) logEntries(ctx context.Context, f *fetcher, base string, from, to time.Time, out *[]pdLogEntry) error {
	start := len(*out)
	for offset := 0; ; offset += pdLimit {
		if offset+pdLimit > pdMaxOffset {
			if to.Sub(from) < 2*time.Minute {
				return fmt.Errorf("pagerduty: more than %d log entries between %s and %s", pdMaxOffset, from.Format(time.RFC3339), to.Format(time.RFC3339))
			}
			*out = (*out)[:start]
			mid := from.Add(to.Sub(from) / 2).Truncate(time.Second)
			if err := pd.logEntries(ctx, f, base, from, mid, out); err != nil {
				return err
			}
			return pd.logEntries(ctx, f, base, mid, to, out)
		}
		q := url.Values{
			"since": {from.UTC().Format(time.RFC3339)}, "until": {to.UTC().Format(time.RFC3339)},
			"limit": {strconv.Itoa(pdLimit)}, "offset": {strconv.Itoa(offset)},
			"time_zone": {"UTC"}, "is_overview": {"true"},
		}
		var page pdLogPage
		if err := f.getJSON(ctx, base+"/log_entries?"+q.Encode(), &page); err != nil {
			return err
		}
		*out = append(*out, page.LogEntries...)
		if !page.More || len(page.LogEntries) == 0 {
			return nil
		}
	}
}
