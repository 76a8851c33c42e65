// Command debrief-load is a load generator for `debrief serve`: it signs in
// through the sign-in form like a browser, then requests pages from many
// connections at once for a bounded time and prints the throughput, the
// errors and the latency percentiles of each kind of request.
//
//	debrief serve --data /tmp/bench100k &
//	DEBRIEF_LOAD_PASSWORD=... go run ./cmd/debrief-load -user bench -c 64 -d 20s
//
// Mixes: pages (55% postmortem pages, 35% searches, 10% the archive's first
// page), postmortem, search, list, api-search (the searches through the
// list API, as JSON), and lint (a 20 KB document to the lint API). With
// -hot N, 90% of postmortem pages are among the N newest, as real traffic
// is; by default every id is as likely, the worst case. With -uncached,
// every search leaves out a random word that no postmortem holds, so that
// no two are alike and the server's caches cannot answer them.
//
// The static mix measures the machine rather than debrief: it loads a
// server that answers every request with the same 30 KB page, which
// debrief-load itself serves with -serve-static. Run beside debrief's
// figures, it shows how busy the shared machine was at the time:
//
//	debrief-load -serve-static 127.0.0.1:8090 -d 5m &
//	debrief-load -url http://127.0.0.1:8090/ -mix static -c 16 -d 20s
//
// It only sends traffic to loopback addresses, and stops by itself.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Limits that keep a run bounded, whatever the flags say.
const (
	maxDuration = 5 * time.Minute
	maxRequests = 10_000_000
	// maxServe bounds how long -serve-static serves.
	maxServe = time.Hour
)

var queries = []string{
	"certificate expired", "connection pool", `"connection pool" exhausted`, "config push all regions", "dns timeout",
	"out of memory", "queue backlog", "disk full", "rate limit", "deploy rollback", "certificate -staging",
	"team:payments", "sev:SEV1 customer:yes", "cache evictions", "failover", "team:platform certificate", "tag:tls",
	"status:draft", "webhook retries", "after:2024-01-01 timeout",
}

// staticSize is the size of the page that -serve-static serves.
const staticSize = 30 << 10

// mixes are the -mix values.
var mixes = []string{"pages", "postmortem", "search", "list", "api-search", "lint", "static"}

type options struct {
	base        *url.URL
	user        string
	password    string
	concurrency int
	duration    time.Duration
	requests    int64
	mix         string
	lintFile    string
	hot         int
	ids         int
	uncached    bool
}

func main() {
	var o options
	var base, static string
	flag.StringVar(&base, "url", "http://127.0.0.1:8080/", "the server (loopback only)")
	flag.StringVar(&o.user, "user", "demo", "user to sign in as")
	flag.IntVar(&o.concurrency, "c", 32, "concurrent connections")
	flag.DurationVar(&o.duration, "d", 10*time.Second, "how long to run (at most 5m)")
	flag.Int64Var(&o.requests, "n", 0, "stop after this many requests (0: only the duration)")
	flag.StringVar(&o.mix, "mix", "pages", "pages, postmortem, search, list, api-search, lint or static")
	flag.StringVar(&static, "serve-static", "", "instead of loading a server, serve a static 30 KB page on this loopback HOST:PORT for -d (at most 1h), for the static mix")
	flag.StringVar(&o.lintFile, "lint-file", "", "the document the lint mix sends (default: a generated 20 KB postmortem)")
	flag.IntVar(&o.ids, "ids", 20000, "how many of the newest postmortem ids to spread postmortem requests over")
	flag.BoolVar(&o.uncached, "uncached", false, "make every search unlike any other, with a random word to leave out that no postmortem holds, so that no cache can answer it")
	flag.IntVar(&o.hot, "hot", 0, "send 90% of postmortem requests to the N newest postmortems, as real traffic does (0: all ids alike)")
	flag.Parse()
	if static != "" {
		if err := serveStatic(static, min(o.duration, maxServe)); err != nil {
			fmt.Fprintln(os.Stderr, "debrief-load:", err)
			os.Exit(1)
		}
		return
	}
	o.password = os.Getenv("DEBRIEF_LOAD_PASSWORD")
	u, err := url.Parse(base)
	if err != nil || flag.NArg() > 0 || (o.password == "" && o.mix != "static") || o.concurrency < 1 || !slices.Contains(mixes, o.mix) {
		fmt.Fprintln(os.Stderr, "usage: DEBRIEF_LOAD_PASSWORD=... debrief-load [-url http://127.0.0.1:8080/] [-user demo] [-c 32] [-d 10s] [-n N] [-mix "+strings.Join(mixes, "|")+"]")
		fmt.Fprintln(os.Stderr, "       debrief-load -serve-static 127.0.0.1:8090 [-d 10s]")
		os.Exit(2)
	}
	o.base = u
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "debrief-load:", err)
		os.Exit(1)
	}
}

func loopback(u *url.URL) bool {
	h := u.Hostname()
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// session is a signed-in browser: its cookie jar.
type session struct {
	client *http.Client
}

func signIn(o options, tr http.RoundTripper) (*session, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second}
	if _, err := fetch(c, o.base.JoinPath("signin").String()); err != nil {
		return nil, err
	}
	res, err := c.PostForm(o.base.JoinPath("signin").String(), url.Values{"name": {o.user}, "password": {o.password}})
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("sign in as %s: HTTP %d", o.user, res.StatusCode)
	}
	return &session{client: c}, nil
}

func fetch(c *http.Client, u string) (string, error) {
	res, err := c.Get(u)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: HTTP %d", u, res.StatusCode)
	}
	return string(b), err
}

// postmortemIDs reads up to n ids the user may see from the list API.
func postmortemIDs(s *session, base *url.URL, n int) ([]string, error) {
	var ids []string
	cursor := ""
	for len(ids) < n {
		u := base.JoinPath("api/v1/postmortems")
		q := url.Values{"limit": {"100"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		u.RawQuery = q.Encode()
		body, err := fetch(s.client, u.String())
		if err != nil {
			return nil, err
		}
		var page struct {
			Items []struct{ ID string } `json:"items"`
			Next  string                `json:"next"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			return nil, err
		}
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	if len(ids) == 0 {
		return nil, errors.New("the archive is empty")
	}
	return ids, nil
}

// request is one request of the mix.
type request struct {
	kind string
	req  func() *http.Request
}

type stats struct {
	mu        sync.Mutex
	latencies map[string][]time.Duration
	errors    map[string]int
	firstErr  string
}

func (s *stats) add(kind string, d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errors[kind]++
		if s.firstErr == "" {
			s.firstErr = err.Error()
		}
		return
	}
	s.latencies[kind] = append(s.latencies[kind], d)
}

func run(o options) error {
	if !loopback(o.base) {
		return fmt.Errorf("%s is not a loopback address: debrief-load only loads servers on this machine", o.base.Host)
	}
	o.duration = min(o.duration, maxDuration)
	if o.requests <= 0 || o.requests > maxRequests {
		o.requests = maxRequests
	}
	tr := &http.Transport{MaxIdleConns: o.concurrency * 2, MaxIdleConnsPerHost: o.concurrency * 2, MaxConnsPerHost: o.concurrency, IdleConnTimeout: 30 * time.Second}
	s := &session{client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
	var ids []string
	var doc string
	if o.mix != "static" {
		var err error
		if s, err = signIn(o, tr); err != nil {
			return err
		}
		if ids, err = postmortemIDs(s, o.base, max(o.ids, 1)); err != nil {
			return err
		}
		if doc, err = lintDoc(o.lintFile); err != nil {
			return err
		}
	}
	get := func(kind, path string) request {
		return request{kind, func() *http.Request {
			r, _ := http.NewRequest("GET", o.base.String()+strings.TrimPrefix(path, "/"), nil)
			return r
		}}
	}
	query := func(r *rand.Rand) string {
		q := queries[r.IntN(len(queries))]
		if o.uncached {
			q += fmt.Sprintf(" -zq%08x", r.Uint32())
		}
		return q
	}
	next := func(r *rand.Rand, i int64) request {
		pick := r.IntN(100)
		switch o.mix {
		case "postmortem":
			pick = 0
		case "search":
			pick = 60
		case "list":
			pick = 95
		case "static":
			return get("static", "/")
		case "api-search":
			return get("api-search", "/api/v1/postmortems?q="+url.QueryEscape(query(r)))
		case "lint":
			return request{"lint", func() *http.Request {
				body := doc + fmt.Sprintf("\nWord %d.\n", i)
				req, _ := http.NewRequest("POST", o.base.JoinPath("api/v1/lint").String(), strings.NewReader(body))
				req.Header.Set("Content-Type", "text/markdown")
				return req
			}}
		}
		switch {
		case pick < 55:
			if o.hot > 0 && r.IntN(10) < 9 {
				return get("postmortem", "/postmortems/"+ids[r.IntN(min(o.hot, len(ids)))])
			}
			return get("postmortem", "/postmortems/"+ids[r.IntN(len(ids))])
		case pick < 90:
			return get("search", "/?q="+url.QueryEscape(query(r)))
		default:
			return get("list", "/")
		}
	}

	st := &stats{latencies: map[string][]time.Duration{}, errors: map[string]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), o.duration)
	defer cancel()
	var sent atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := range o.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			for ctx.Err() == nil {
				i := sent.Add(1)
				if i > o.requests {
					return
				}
				rq := next(r, i)
				req := rq.req().WithContext(ctx)
				t0 := time.Now()
				res, err := s.client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s %s: HTTP %d", req.Method, req.URL.Path, res.StatusCode)
					}
				}
				if ctx.Err() != nil {
					return // cut off by the end of the run: not an error of the server
				}
				st.add(rq.kind, time.Since(t0), err)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	report(o, st, elapsed)
	if n := sumErrors(st); n > 0 {
		return fmt.Errorf("%d requests failed; the first: %s", n, st.firstErr)
	}
	return nil
}

func sumErrors(st *stats) int {
	n := 0
	for _, e := range st.errors {
		n += e
	}
	return n
}

func report(o options, st *stats, elapsed time.Duration) {
	total := 0
	var kinds []string
	for k, ls := range st.latencies {
		total += len(ls)
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	fmt.Printf("%s mix, %d connections, %.1f s: %d requests, %.0f requests/s, %d errors\n",
		o.mix, o.concurrency, elapsed.Seconds(), total, float64(total)/elapsed.Seconds(), sumErrors(st))
	fmt.Printf("%-11s %8s %8s %8s %8s %8s\n", "kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms")
	for _, k := range kinds {
		ls := st.latencies[k]
		slices.Sort(ls)
		p := func(q float64) float64 { return float64(ls[int(q*float64(len(ls)-1))]) / 1e6 }
		fmt.Printf("%-11s %8d %8.2f %8.2f %8.2f %8.2f\n", k, len(ls), p(0.5), p(0.95), p(0.99), p(1))
	}
}

// lintDoc returns the lint mix's document: the file given, or a generated
// postmortem-like text of 20 KB.
func lintDoc(path string) (string, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		return string(b), err
	}
	var b strings.Builder
	b.WriteString("---\nid: PM-2026-900\ntitle: Checkout errors after the certificate expired\nseverity: SEV2\nstatus: draft\n---\n\n# Checkout errors after the certificate expired\n\n## Summary\n")
	para := "At 02:14 UTC the TLS certificate on the payments-api load balancer expired, and every checkout request failed the handshake. " +
		"The renewal job only covered certificates of the internal CA, and the expiry alert watched the origin certificate, not the one on the load balancer. " +
		"The on-call engineer saw the error rate rise at 02:21 and rolled the certificate by hand from the runbook; checkout recovered at 03:05.\n\n"
	sections := []string{"Impact", "Timeline", "Contributing factors", "What was missing", "What behaved unexpectedly", "Assumptions proven wrong", "On-call and paging", "What went well", "Lessons"}
	for i := 0; b.Len() < 20<<10; i++ {
		if i%3 == 0 {
			fmt.Fprintf(&b, "## %s\n", sections[(i/3)%len(sections)])
		}
		b.WriteString(para)
	}
	return b.String(), nil
}

// serveStatic answers every request on addr, a loopback address, with the
// same 30 KB HTML page for d, then stops.
func serveStatic(addr string, d time.Duration) error {
	u := &url.URL{Host: addr}
	if !loopback(u) {
		return fmt.Errorf("%s is not a loopback address: debrief-load serves only this machine", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>static</title></head><body>\n")
	for b.Len() < staticSize-len("</body></html>\n") {
		b.WriteString("<p>A static paragraph, the same for every request, to measure the machine.</p>\n")
	}
	b.WriteString("</body></html>\n")
	page := []byte(b.String())
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Printf("serving a static %d-byte page on http://%s/ for %s\n", len(page), l.Addr(), d)
	time.AfterFunc(d, func() { _ = srv.Close() })
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
