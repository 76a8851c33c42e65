package remind

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

type block struct {
	Type     string      `json:"type"`
	Text     *slackText  `json:"text"`
	Elements []slackText `json:"elements"`
}

func decode(t *testing.T, payload []byte) (text string, blocks []block) {
	t.Helper()
	var m struct {
		Text   string  `json:"text"`
		Blocks []block `json:"blocks"`
	}
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatalf("payload is not JSON: %v\n%s", err, payload)
	}
	return m.Text, m.Blocks
}

func TestSlackPayload(t *testing.T) {
	in := input()
	in.Actions[0].Item.Title = "Renew <all> certificates & keys"
	d := Build(day("2026-03-10"), []string{"payments"}, in)[0]
	payload, err := SlackPayload(d, Links{Base: "https://debrief.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	text, blocks := decode(t, payload)
	if text != "debrief: 2 overdue, 2 due within 7 days, 1 risk review due, 1 postmortem past its review date for payments" {
		t.Errorf("fallback text %q", text)
	}
	var types []string
	for _, b := range blocks {
		types = append(types, b.Type)
	}
	if got := strings.Join(types, " "); got != "header section section section section section context" {
		t.Fatalf("blocks %s", got)
	}
	if blocks[0].Text.Type != "plain_text" || blocks[0].Text.Text != "Follow-through for payments — 2026-03-10" {
		t.Errorf("header %+v", blocks[0].Text)
	}
	want := "*Overdue* (2)\n• <https://debrief.example.com/postmortems/PM-1|ACT-2> Title of ACT-2 — due 2026-02-20, *18 days overdue* (PM-1)\n" +
		"• <https://debrief.example.com/postmortems/PM-1|ACT-1> Renew &lt;all&gt; certificates &amp; keys — due 2026-03-01, *9 days overdue* (PM-1)"
	if blocks[2].Text.Type != "mrkdwn" || blocks[2].Text.Text != want {
		t.Errorf("overdue section\n got %q\nwant %q", blocks[2].Text.Text, want)
	}
	if !strings.Contains(blocks[3].Text.Text, "*due today*") || !strings.Contains(blocks[6].Elements[0].Text, "<https://debrief.example.com/action-items?team=payments|All of payments's action items, ranked>") {
		t.Errorf("due-soon section or closing line: %q, %q", blocks[3].Text.Text, blocks[6].Elements[0].Text)
	}
}

// TestSlackPayloadLimits fills a digest far past what one Slack message
// holds and checks the message stays within every limit.
func TestSlackPayloadLimits(t *testing.T) {
	team := strings.Repeat("very-long-team-name-", 10)
	d := &Digest{Team: team, Day: day("2026-03-10")}
	long := strings.Repeat("Inventory every certificate served at the edge and renew them all ", 10)
	for i := range 400 {
		a := Action{ActionItem: debrief.ActionItem{ID: fmt.Sprintf("ACT-%d", i), Title: long, Due: day("2026-03-01")}, Postmortems: []string{"PM-2026-001"}, Days: 9}
		d.Overdue = append(d.Overdue, a)
		d.DueSoon = append(d.DueSoon, a)
	}
	for i := range 100 {
		d.RisksDue = append(d.RisksDue, Risk{AcceptedRisk: debrief.AcceptedRisk{ID: fmt.Sprintf("RISK-%d", i), Risk: long, ReviewBy: day("2026-03-01")}, Postmortems: []string{"PM-2026-001"}})
		d.ReviewsPast = append(d.ReviewsPast, Postmortem{ID: fmt.Sprintf("PM-2026-%03d", i), Title: long, Status: debrief.StatusDraft, ReviewDate: day("2026-03-01")})
	}
	payload, err := SlackPayload(d, Links{Base: "https://debrief.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	_, blocks := decode(t, payload)
	if len(blocks) > slackMaxBlocks {
		t.Errorf("%d blocks, Slack takes %d", len(blocks), slackMaxBlocks)
	}
	total := 0
	heads := 0
	for _, b := range blocks {
		switch b.Type {
		case "header":
			if n := utf8.RuneCountInString(b.Text.Text); n > slackMaxHeader {
				t.Errorf("header of %d characters", n)
			}
			total += utf8.RuneCountInString(b.Text.Text)
		case "section":
			n := utf8.RuneCountInString(b.Text.Text)
			if n > slackMaxSection {
				t.Errorf("section of %d characters", n)
			}
			total += n
			if strings.HasPrefix(b.Text.Text, "*") && strings.Contains(b.Text.Text, ")\n") || strings.HasSuffix(b.Text.Text, "(100)") {
				heads++
			}
		case "context":
			total += utf8.RuneCountInString(b.Elements[0].Text)
		}
	}
	if total > slackMaxChars {
		t.Errorf("%d characters of text, more than %d", total, slackMaxChars)
	}
	for _, s := range []string{"*Overdue* (400)", "*Due within 7 days* (400)", "*Risk reviews due* (100)", "*Postmortems past their review date* (100)", "more: <https://debrief.example.com/action-items?team="} {
		if !strings.Contains(string(payload), s) {
			t.Errorf("the cut message lacks %q", s)
		}
	}
	if !strings.Contains(string(payload), "…and ") {
		t.Error("the cut lists do not say how many items they leave out")
	}
}

// slackHook replays an incoming webhook: it answers each request with the
// next of its responses, and records the requests.
type slackHook struct {
	t         *testing.T
	mu        sync.Mutex
	responses []hookResponse
	bodies    []string
}

type hookResponse struct {
	status     int
	body       string
	retryAfter string
}

func (h *slackHook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.Method != http.MethodPost || r.URL.Path != "/services/T0001/B0001/s3cr3tw3bh00k" || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		h.t.Errorf("request %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
	}
	b, _ := io.ReadAll(r.Body)
	h.bodies = append(h.bodies, string(b))
	resp := hookResponse{status: 200, body: "ok"}
	if len(h.responses) > 0 {
		resp, h.responses = h.responses[0], h.responses[1:]
	}
	w.Header().Set("Content-Type", "text/html")
	if resp.retryAfter != "" {
		w.Header().Set("Retry-After", resp.retryAfter)
	}
	w.WriteHeader(resp.status)
	io.WriteString(w, resp.body)
}

func (h *slackHook) requests() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.bodies)
}

func newHook(t *testing.T, responses ...hookResponse) (*slackHook, credential.Secret) {
	h := &slackHook{t: t, responses: responses}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, credential.New(srv.URL + "/services/T0001/B0001/s3cr3tw3bh00k")
}

func TestSlackSend(t *testing.T) {
	tests := []struct {
		name      string
		responses []hookResponse
		requests  int
		waits     []time.Duration
		wantErr   string
	}{
		{"ok", nil, 1, nil, ""},
		{"rate limited, then ok", []hookResponse{{429, "rate_limited", "2"}}, 2, []time.Duration{2 * time.Second}, ""},
		{"rate limited twice", []hookResponse{{429, "rate_limited", "1"}, {429, "rate_limited", "3"}}, 3, []time.Duration{time.Second, 3 * time.Second}, ""},
		{"rate limited for too long", []hookResponse{{429, "rate_limited", "3600"}}, 1, nil, "rate-limited the digest: retry after 1h0m0s"},
		{"rate limited every time", []hookResponse{{429, "", "1"}, {429, "", "1"}, {429, "", "1"}, {429, "", "1"}}, 4, []time.Duration{time.Second, time.Second, time.Second}, "rate-limited"},
		{"server error, then ok", []hookResponse{{503, "service_unavailable", ""}}, 2, []time.Duration{time.Second}, ""},
		{"invalid blocks", []hookResponse{{400, "invalid_blocks", ""}}, 1, nil, "Slack refused the digest: 400 invalid_blocks"},
		{"webhook removed", []hookResponse{{404, "no_service", ""}}, 1, nil, "404 no_service"},
		{"channel archived", []hookResponse{{410, "channel_is_archived", ""}}, 1, nil, "410 channel_is_archived"},
	}
	d := Build(day("2026-03-10"), []string{"payments"}, input())[0]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hook, url := newHook(t, tt.responses...)
			ms, err := Messages(d, Route{Team: "payments", Slack: url}, Links{})
			if err != nil {
				t.Fatal(err)
			}
			var waits []time.Duration
			s := &Slack{Sleep: func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
			err = s.Send(context.Background(), ms[0])
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Send = %v, want %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("the error shows the webhook: %v", err)
			}
			if hook.requests() != tt.requests || fmt.Sprint(waits) != fmt.Sprint(tt.waits) {
				t.Errorf("%d requests, waits %v; want %d, %v", hook.requests(), waits, tt.requests, tt.waits)
			}
			for _, b := range hook.bodies {
				if b != string(ms[0].Slack) {
					t.Errorf("posted %s, want the Block Kit payload", b)
				}
			}
		})
	}
}

func TestSlackSendHidesTheWebhook(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/services/T0001/B0001/s3cr3tw3bh00k"
	srv.Close() // nothing listens: the transport error names the URL
	err := (&Slack{MaxAttempts: 1}).Send(context.Background(), &Message{Team: "payments", Webhook: credential.New(url), Slack: []byte("{}")})
	if err == nil || strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), srv.URL) {
		t.Errorf("Send = %v, want an error that does not show the webhook", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); err == nil {
		t.Error("Sleep ignored a cancelled context")
	}
}

func TestRetryAfter(t *testing.T) {
	if retryAfter("30") != 30*time.Second || retryAfter("") != 0 || retryAfter("soon") != 0 || retryAfter("-1") != 0 {
		t.Error("seconds")
	}
	if d := retryAfter(time.Now().Add(time.Minute).UTC().Format(http.TimeFormat)); d < 50*time.Second || d > time.Minute {
		t.Errorf("an HTTP date a minute away gave %s", d)
	}
}
