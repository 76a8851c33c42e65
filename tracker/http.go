package tracker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Retry bounds how a tracker waits out rate limits and server errors.
type Retry struct {
	// MaxAttempts bounds the tries of one request, the first included; 4
	// when 0.
	MaxAttempts int
	// MaxWait is the longest wait debrief sits out; a longer one ends the
	// request with a *RateLimitError, and the next poll tries again. Two
	// minutes when 0.
	MaxWait time.Duration
	// Sleep waits and Now tells the time; tests replace them.
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
}

func (r Retry) attempts() int {
	if r.MaxAttempts <= 0 {
		return 4
	}
	return r.MaxAttempts
}

func (r Retry) maxWait() time.Duration {
	if r.MaxWait <= 0 {
		return 2 * time.Minute
	}
	return r.MaxWait
}

func (r Retry) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r Retry) sleep(ctx context.Context, d time.Duration) error {
	if r.Sleep != nil {
		return r.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// APIError is a tracker's refusal of a request.
type APIError struct {
	Tracker string
	Method  string
	Path    string
	Status  int
	// Message is what the tracker said, cut short.
	Message string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s: %s %s: %d %s", e.Tracker, e.Method, e.Path, e.Status, e.Message)
}

// RateLimitError says a tracker's rate limit holds longer than debrief
// waits, or did not lift after every try.
type RateLimitError struct {
	Tracker string
	// Until is when the tracker said the limit lifts.
	Until time.Time
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("%s: rate limited until %s; the next poll tries again", e.Tracker, e.Until.UTC().Format(time.RFC3339))
}

// limitFunc reads a response: whether it is a rate limit or a passing
// server error to retry, and how long to wait (0 for the default backoff).
type limitFunc func(resp *http.Response, body []byte, now time.Time) (wait time.Duration, retry bool)

// caller sends requests for one tracker.
type caller struct {
	name   string
	client *http.Client
	retry  Retry
	limit  limitFunc
	// auth sets the credentials on a request.
	auth func(*http.Request)
	// headers are set on every request.
	headers map[string]string
}

// do sends a request with a JSON body (when in is not nil) and decodes a
// JSON answer into out (when not nil). It retries rate limits and server
// errors within the Retry's bounds.
func (c *caller) do(ctx context.Context, method, url string, in, out any, want ...int) (*http.Response, error) {
	var payload []byte
	if in != nil {
		var err error
		if payload, err = json.Marshal(in); err != nil {
			return nil, err
		}
	}
	attempts := c.retry.attempts()
	for i := 0; ; i++ {
		req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(payload))
		if err != nil {
			return nil, err
		}
		if in != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		for k, v := range c.headers {
			req.Header.Set(k, v)
		}
		c.auth(req)
		client := c.client
		if client == nil {
			client = http.DefaultClient
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: reading the answer to %s %s: %w", c.name, method, req.URL.Path, err)
		}
		if ok(resp.StatusCode, want) {
			if out != nil && len(body) > 0 {
				if err := json.Unmarshal(body, out); err != nil {
					return nil, fmt.Errorf("%s: the answer to %s %s is not what debrief expects: %w", c.name, method, req.URL.Path, err)
				}
			}
			return resp, nil
		}
		wait, retry := c.limit(resp, body, c.retry.now())
		if !retry {
			return nil, &APIError{Tracker: c.name, Method: method, Path: req.URL.Path, Status: resp.StatusCode, Message: message(body)}
		}
		if wait <= 0 {
			wait = time.Duration(1<<i) * time.Second
		}
		limited := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusForbidden
		if i == attempts-1 || wait > c.retry.maxWait() {
			if limited {
				return nil, &RateLimitError{Tracker: c.name, Until: c.retry.now().Add(wait)}
			}
			return nil, &APIError{Tracker: c.name, Method: method, Path: req.URL.Path, Status: resp.StatusCode, Message: message(body)}
		}
		if err := c.retry.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func ok(status int, want []int) bool {
	if len(want) == 0 {
		return status >= 200 && status < 300
	}
	for _, w := range want {
		if status == w {
			return true
		}
	}
	return false
}

// message digs the tracker's message out of an error answer: GitHub's
// "message", Jira's "errorMessages" and "errors", or the text itself.
func message(body []byte) string {
	var e struct {
		Message       string            `json:"message"`
		ErrorMessages []string          `json:"errorMessages"`
		Errors        map[string]string `json:"errors"`
	}
	if json.Unmarshal(body, &e) == nil {
		parts := append([]string(nil), e.ErrorMessages...)
		if e.Message != "" {
			parts = append(parts, e.Message)
		}
		for k, v := range e.Errors {
			parts = append(parts, k+": "+v)
		}
		if len(parts) > 0 {
			return cut(strings.Join(parts, "; "), 300)
		}
	}
	return cut(strings.TrimSpace(string(body)), 300)
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

var errNotMine = errors.New("the link is not an issue of this tracker")
