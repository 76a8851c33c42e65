package main

import (
	"context"
	"fmt"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/examples"
	"github.com/debrief/debrief/remind"
)

// serveFollow is what serve hands the web app of the reminders: in the
// demo, the outbox and the preview of a day's digests; and the job that
// sends them.
type serveFollow struct {
	job     periodicJob
	outbox  *remind.Outbox
	preview func(ctx context.Context, day debrief.Date) ([]*remind.Message, error)
	// teams are the teams of the configuration's reminders.
	teams []string
}

// serveReminders sets up the reminder job of serve, for the teams of
// the configuration and those set on the admin page. The demo takes the example
// archive's settings and sends to a local outbox: it sends today's
// digests there at once, and its outbox page previews tomorrow's.
func serveReminders(ctx context.Context, g *globals, cfg *config.Config, store debrief.Store, holder string, demo bool) (serveFollow, error) {
	var out serveFollow
	rc := cfg.Reminders
	if demo {
		dc, err := config.Parse("examples/.debrief.yaml", examples.Config)
		if err != nil {
			return out, err
		}
		rc = dc.Reminders
		out.outbox = &remind.Outbox{}
	}
	if rc == nil {
		rc = &remind.Config{}
	}
	out.teams = rc.TeamNames()
	job, err := reminderJob(rc, false, out.outbox)
	if err != nil {
		return out, &exitError{code: 2, msg: fmt.Sprintf("reminders in %s: %v", orDefault(cfg.Path, config.FileName), err)}
	}
	job.Archive, job.Logger, job.Now, job.Holder = store, g.log, g.now, holder
	// The teams set on the admin page apply from the next run on.
	job.Reload = func(ctx context.Context) ([]remind.Route, error) {
		ss, err := store.ReminderSettings(ctx)
		if err != nil {
			return nil, err
		}
		routes, err := routesOf(remind.WithSettings(rc, ss), out.outbox != nil)
		if err != nil {
			g.log.Warn("reminders: some teams' routes do not load", "error", err)
		}
		return routes, nil
	}
	if demo {
		out.preview = job.Preview
		if _, err := job.Run(ctx, debrief.DateOf(g.now().UTC())); err != nil {
			g.log.Warn("demo: the day's digests", "error", err)
		}
	}
	out.job = periodicJob{name: "reminders", run: func(ctx context.Context) { job.Every(ctx, remindInterval) }}
	g.log.Info("reminders", "teams in the configuration", len(job.Routes), "every", remindInterval.String())
	return out, nil
}
