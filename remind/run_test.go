package remind

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief/credential"
)

// memLedger is the simplest Ledger: a set of keys under a lock, as the
// store's table with a primary key on the key behaves.
type memLedger struct {
	mu   sync.Mutex
	keys map[string]time.Time
}

func (l *memLedger) Claim(_ context.Context, key string, at time.Time) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.keys == nil {
		l.keys = map[string]time.Time{}
	}
	if _, ok := l.keys[key]; ok {
		return false, nil
	}
	l.keys[key] = at
	return true, nil
}

func (l *memLedger) Release(_ context.Context, key string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, key)
	return nil
}

type failingSender struct{ err error }

func (f failingSender) Send(context.Context, *Message) error { return f.err }

func TestRunSendsOnce(t *testing.T) {
	hook, webhook := newHook(t)
	digests := Build(day("2026-03-10"), []string{"payments", "platform"}, input())
	routes := []Route{{Team: "Payments", Slack: webhook}, {Team: "platform", Slack: webhook}}
	ledger := &memLedger{}
	var logs bytes.Buffer
	r := &Runner{Slack: &Slack{}, Ledger: ledger, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	out, err := r.Run(context.Background(), digests, routes)
	if err != nil || len(out) != 2 || out[0].Result != Delivered || out[1].Result != Delivered || hook.requests() != 2 {
		t.Fatalf("first run: %+v, %v, %d requests", out, err, hook.requests())
	}
	// The same day again: nothing is sent twice.
	out, err = r.Run(context.Background(), digests, routes)
	if err != nil || out[0].Result != AlreadySent || out[1].Result != AlreadySent || hook.requests() != 2 {
		t.Fatalf("second run: %+v, %v, %d requests", out, err, hook.requests())
	}
	if strings.Contains(logs.String(), "s3cr3t") || !strings.Contains(logs.String(), "key=digest/payments/2026-03-10/slack") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// TestRunTwoReplicas runs two replicas sharing one ledger at once, as two
// serve processes sharing PostgreSQL do: each digest goes out exactly once.
func TestRunTwoReplicas(t *testing.T) {
	hook, webhook := newHook(t)
	digests := Build(day("2026-03-10"), []string{"payments", "platform"}, input())
	routes := []Route{{Team: "payments", Slack: webhook}, {Team: "platform", Slack: webhook}}
	ledger := &memLedger{}
	var wg sync.WaitGroup
	results := make([][]Outcome, 8)
	for i := range results {
		wg.Go(func() {
			r := &Runner{Slack: &Slack{}, Ledger: ledger, Logger: slog.New(slog.DiscardHandler)}
			results[i], _ = r.Run(context.Background(), digests, routes)
		})
	}
	wg.Wait()
	sent := 0
	for _, out := range results {
		for _, o := range out {
			if o.Result == Delivered {
				sent++
			}
		}
	}
	if sent != 2 || hook.requests() != 2 {
		t.Errorf("%d sends and %d requests, want exactly one per team", sent, hook.requests())
	}
}

func TestRunRetriesAFailedSendLater(t *testing.T) {
	digests := Build(day("2026-03-10"), []string{"payments"}, input())
	routes := []Route{{Team: "payments", Email: []string{"a@example.com"}}}
	ledger := &memLedger{}
	r := &Runner{Mail: failingSender{errors.New("connection refused")}, Ledger: ledger, Logger: slog.New(slog.DiscardHandler)}
	out, err := r.Run(context.Background(), digests, routes)
	if err == nil || !strings.Contains(err.Error(), "the payments digest by email: connection refused") || out[0].Result != Failed {
		t.Fatalf("failed run: %+v, %v", out, err)
	}
	outbox := &Outbox{Now: func() time.Time { return time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC) }}
	r.Mail = outbox
	if out, err := r.Run(context.Background(), digests, routes); err != nil || out[0].Result != Delivered || len(outbox.Messages()) != 1 {
		t.Fatalf("the retry: %+v, %v", out, err)
	}
	// No sender for a channel fails that channel, not the others.
	r = &Runner{Mail: outbox, Ledger: &memLedger{}, Logger: slog.New(slog.DiscardHandler)}
	out, err = r.Run(context.Background(), digests, []Route{{Team: "payments", Email: []string{"a@example.com"}, Slack: credential.New("https://hooks.example/x")}})
	if err == nil || len(out) != 2 || out[0].Result != Failed || out[1].Result != Delivered {
		t.Errorf("no Slack sender: %+v, %v", out, err)
	}
	if _, err := (&Runner{}).Run(context.Background(), digests, routes); err == nil {
		t.Error("a runner without a ledger ran")
	}
}

func TestOutbox(t *testing.T) {
	o := &Outbox{Keep: 2}
	digests := Build(day("2026-03-10"), []string{"payments", "platform"}, input())
	r := &Runner{Slack: o, Mail: o, Ledger: &memLedger{}, Logger: slog.New(slog.DiscardHandler)}
	routes := []Route{{Team: "payments", Slack: credential.New("https://hooks.slack.com/services/T/B/s3cr3t"), Email: []string{"p@example.com"}}, {Team: "platform", Email: []string{"x@example.com"}}}
	if _, err := r.Run(context.Background(), digests, routes); err != nil {
		t.Fatal(err)
	}
	got := o.Messages()
	if len(got) != 2 || got[0].Team != "platform" || got[1].Channel != ChannelEmail || got[0].At.IsZero() {
		t.Fatalf("outbox keeps the newest two, newest first: %+v", got)
	}
	for _, m := range got {
		if !m.Webhook.IsZero() {
			t.Error("the outbox kept a webhook")
		}
	}
}

func TestConfigRoutes(t *testing.T) {
	t.Setenv("DEBRIEF_TEST_SLACK_PAYMENTS", "https://hooks.slack.com/services/T/B/x")
	c := Config{Teams: []TeamConfig{
		{Team: "payments", Slack: credential.Source{Env: "DEBRIEF_TEST_SLACK_PAYMENTS"}, Email: []string{"p@example.com"}},
		{Team: "platform", Email: []string{"x@example.com"}},
	}}
	routes, err := c.Routes()
	if err != nil || len(routes) != 2 || routes[0].Slack.Reveal() != "https://hooks.slack.com/services/T/B/x" || !routes[1].Slack.IsZero() {
		t.Fatalf("Routes = %+v, %v", routes, err)
	}
	if names := c.TeamNames(); len(names) != 2 || names[1] != "platform" {
		t.Errorf("TeamNames = %v", names)
	}
	bad := Config{Teams: []TeamConfig{
		{Team: ""}, {Team: "a"}, {Team: "b", Email: []string{"nope"}},
		{Team: "c", Slack: credential.Source{Env: "DEBRIEF_TEST_UNSET"}}, {Team: "B", Email: []string{"b@example.com"}},
	}}
	_, err = bad.Routes()
	for _, want := range []string{"teams[0]: name the team", "teams[1]: the team a needs a slack_webhook or an email", `"nope" is not an e-mail address`, "the Slack webhook of c ($DEBRIEF_TEST_UNSET)", "the team B is listed twice"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Routes error %v lacks %q", err, want)
		}
	}
}
