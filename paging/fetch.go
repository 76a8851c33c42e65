package paging

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Limits of the API importers.
const (
	// maxBody bounds one response: a page of 100 incidents is a few
	// hundred kilobytes.
	maxBody = 32 << 20
	// maxRetries bounds the retries of one request after a rate limit, a
	// server error or a broken connection.
	maxRetries = 6
	// maxWait bounds one wait for a rate limit, whatever the server asks.
	maxWait = 5 * time.Minute
)

// fetcher does the GET requests of the API importers: it sends the
// source's headers, waits out rate limits (HTTP 429, and a remaining
// budget of 0), retries server errors and broken connections a few times
// with growing pauses, and decodes JSON.
type fetcher struct {
	source string
	client *http.Client
	header http.Header
	sleep  func(ctx context.Context, d time.Duration) error
	// wait is the pause the last response asked for before the next
	// request, 0 when none.
	wait time.Duration
}

func newFetcher(source string, client *http.Client, sleep func(context.Context, time.Duration) error, header http.Header) *fetcher {
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	if sleep == nil {
		sleep = sleepContext
	}
	return &fetcher{source: source, client: client, header: header, sleep: sleep}
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// getJSON gets u and decodes its JSON body into v.
func (f *fetcher) getJSON(ctx context.Context, u string, v any) error {
	where := f.source + ": GET " + redact(u)
	backoff := time.Second
	for attempt := 0; ; attempt++ {
		if f.wait > 0 {
			if err := f.sleep(ctx, f.wait); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			f.wait = 0
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		for k, vs := range f.header {
			req.Header[k] = vs
		}
		resp, err := f.client.Do(req)
		if err != nil {
			if ctx.Err() != nil || attempt >= maxRetries {
				return fmt.Errorf("%s: %w", where, err)
			}
			f.wait, backoff = backoff, min(2*backoff, time.Minute)
			continue
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
		resp.Body.Close()
		switch {
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
			if attempt >= maxRetries {
				return fmt.Errorf("%s: HTTP %d after %d tries: %s", where, resp.StatusCode, attempt+1, excerpt(body))
			}
			f.wait = retryAfter(resp.Header, time.Now())
			if f.wait == 0 {
				f.wait = backoff
			}
			backoff = min(2*backoff, time.Minute)
			continue
		case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
			return fmt.Errorf("%s: the token was refused (HTTP %d): check that it is valid and may read this data: %s", where, resp.StatusCode, excerpt(body))
		case resp.StatusCode != http.StatusOK:
			return fmt.Errorf("%s: HTTP %d: %s", where, resp.StatusCode, excerpt(body))
		case err != nil:
			return fmt.Errorf("%s: reading the response: %w", where, err)
		case len(body) > maxBody:
			return fmt.Errorf("%s: the response is larger than %d MiB", where, maxBody>>20)
		}
		if rem := resp.Header.Get("Ratelimit-Remaining"); rem == "0" {
			f.wait = retryAfter(resp.Header, time.Now())
		}
		if err := json.Unmarshal(body, v); err != nil {
			return fmt.Errorf("%s: the response is not the JSON expected: %w", where, err)
		}
		return nil
	}
}

// retryAfter reads how long a rate-limited client should wait: PagerDuty's
// and Grafana OnCall's ratelimit-reset (seconds), Retry-After (seconds or
// a date), or Opsgenie's X-RateLimit-Period-In-Sec. It returns 0 when none
// is given, and never more than maxWait.
func retryAfter(h http.Header, now time.Time) time.Duration {
	for _, name := range []string{"Ratelimit-Reset", "Retry-After", "X-Ratelimit-Period-In-Sec"} {
		v := strings.TrimSpace(h.Get(name))
		if v == "" {
			continue
		}
		if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 && n < 1e7 {
			return min(time.Duration(n*float64(time.Second)), maxWait)
		}
		if t, err := http.ParseTime(v); err == nil {
			return min(max(t.Sub(now), 0), maxWait)
		}
	}
	return 0
}

// excerpt returns the start of an error body, on one line.
func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = shorten(s[:200])
	}
	if s == "" {
		return "no details"
	}
	return s
}

// redact drops the query string's values of a URL for messages: they are
// not secret, but they are long.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "the URL"
	}
	p.RawQuery = ""
	return p.String()
}
