package postgres_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/postgres"
	"github.com/debrief/debrief/remind"
	"github.com/debrief/debrief/storetest"
)

// TestRemindersTwoReplicas runs the reminder job of two replicas, two
// stores on the same PostgreSQL database, at the same moment and again
// after the first one's lease ran out: each team's digest reaches Slack
// exactly once.
func TestRemindersTwoReplicas(t *testing.T) {
	ctx := context.Background()
	u := storetest.PostgresSchema(t)
	var replicas [2]*postgres.DB
	for i := range replicas {
		db, err := postgres.Open(ctx, u, postgres.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		replicas[i] = db
	}
	today := debrief.DateOf(time.Now().UTC())
	p := storetest.Postmortem("PM-2025-701", "Queue lag paged the night shift")
	p.ActionItems = []debrief.ActionItem{{ID: "ACT-701", Title: "Page on lag only when it grows", OwnerTeam: "platform",
		Due: debrief.DateOf(time.Now().UTC().AddDate(0, 0, -3)), Status: debrief.ActionOpen}}
	p.AcceptedRisks = []debrief.AcceptedRisk{{ID: "RISK-701", Risk: "Night pages stay noisy", OwnerTeam: "payments", ReviewBy: today}}
	if err := replicas[0].Create(ctx, debrief.Operator, p); err != nil {
		t.Fatal(err)
	}

	var posts atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		posts.Add(1)
		io.WriteString(w, "ok")
	}))
	t.Cleanup(hook.Close)
	routes := []remind.Route{
		{Team: "platform", Slack: credential.New(hook.URL + "/platform")},
		{Team: "payments", Slack: credential.New(hook.URL + "/payments")},
		{Team: "search", Slack: credential.New(hook.URL + "/search")},
	}
	now := time.Now()
	job := func(i int, at time.Time) *remind.Job {
		return &remind.Job{Archive: replicas[i], Routes: routes, Holder: []string{"replica-a", "replica-b"}[i],
			Runner: &remind.Runner{Slack: &remind.Slack{}}, Now: func() time.Time { return at },
			Logger: slog.New(slog.DiscardHandler)}
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range replicas {
		wg.Go(func() { _, errs[i] = job(i, now).Run(ctx, today) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := posts.Load(); n != 2 {
		t.Fatalf("%d digests reached Slack, want 2: one for platform, one for payments, none for search", n)
	}
	// The holder's lease runs out; the other replica takes it and sends
	// nothing again.
	later := now.Add(remind.LeaseTTL + time.Minute)
	for i := range replicas {
		if _, err := job(i, later).Run(ctx, today); err != nil {
			t.Fatal(err)
		}
	}
	if n := posts.Load(); n != 2 {
		t.Errorf("%d digests after the second round, want still 2", n)
	}
}
