package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/tracker"
)

// pollInterval is how often serve fetches the linked issues, to catch what
// no webhook brought.
const pollInterval = 10 * time.Minute

// serveTrackers sets up the trackers of the configuration: the sync the
// web app uses, the webhook handlers, and the poll, a periodic job.
func serveTrackers(g *globals, cfg *config.Config, store debrief.Store) (*tracker.Sync, map[string]http.Handler, *periodicJob, error) {
	tc := cfg.Trackers
	if tc == nil || (tc.GitHub == nil && tc.Jira == nil) {
		return nil, nil, nil, nil
	}
	base := ""
	if cfg.Reminders != nil {
		base = cfg.Reminders.BaseURL
	}
	sync := &tracker.Sync{Archive: store, Base: base}
	hooks := map[string]http.Handler{}
	var errs []error
	if tc.GitHub != nil {
		gh, secret, err := tc.GitHub.Open()
		if err != nil {
			errs = append(errs, err)
		} else {
			sync.Trackers = append(sync.Trackers, gh)
			h := tracker.GitHubWebhook(secret, store, sync.ApplyEvent)
			h.Logger = g.log
			hooks["github"] = h
		}
	}
	if tc.Jira != nil {
		j, secret, err := tc.Jira.Open()
		if err != nil {
			errs = append(errs, err)
		} else {
			sync.Trackers = append(sync.Trackers, j)
			h := tracker.JiraWebhook(j, secret, store, sync.ApplyEvent)
			h.Logger = g.log
			hooks["jira"] = h
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, nil, &exitError{code: 2, msg: fmt.Sprintf("trackers in %s: %v", orDefault(cfg.Path, config.FileName), err)}
	}
	poll := &periodicJob{name: "tracker poll", run: func(ctx context.Context) {
		t := time.NewTicker(pollInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if n, err := sync.Poll(ctx); err != nil && ctx.Err() == nil {
				g.log.Warn("tracker poll", "changed", n, "error", err)
			} else if n > 0 {
				g.log.Info("tracker poll", "changed", n)
			}
		}
	}}
	g.log.Info("trackers", "count", len(sync.Trackers), "poll", pollInterval.String())
	return sync, hooks, poll, nil
}
