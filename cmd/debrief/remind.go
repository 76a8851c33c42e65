package main

import (
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/lease"
	"github.com/debrief/debrief/remind"
	"github.com/spf13/cobra"
)

func newRemindCmd(g *globals) *cobra.Command {
	var (
		o      storeOptions
		dryRun bool
		day    string
	)
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Send each team its digest of overdue items, items coming due, risk reviews and postmortem reviews",
		Long: `Remind sends each team listed under reminders: in .debrief.yaml its digest of
the day: its overdue action items, its items due within 7 days, its risk
reviews that are due and its postmortems past their review date
(docs/actions.md). A team gets nothing on a day with nothing to say.

Each digest is sent at most once per team, day and channel: the archive
records it before sending, so running remind again the same day, or
alongside serve, sends nothing twice. With --dry-run it prints the digests
and sends and records nothing; Slack webhooks and the SMTP password need not
be set for that.

Exit status: 0, 1 when a digest could not be sent, 2 on usage or I/O errors.`,
		Example: `  debrief remind --dry-run
  debrief remind
  debrief remind --dry-run --day 2026-06-02`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			when := debrief.DateOf(g.now().UTC())
			if day != "" {
				d, err := debrief.ParseDate(day)
				if err != nil {
					return usageErrorf("--day %q: write the date as YYYY-MM-DD", day)
				}
				when = d
			}
			cfg, err := (&config.Finder{}).For(".")
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			settings, err := s.ReminderSettings(cmd.Context())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			rc := remind.WithSettings(cfg.Reminders, settings)
			if len(rc.Teams) == 0 {
				return usageErrorf("no team gets reminders: list them under reminders.teams in %s, or on the admin page (docs/actions.md shows how)", orDefault(cfg.Path, config.FileName))
			}
			job, err := reminderJob(rc, dryRun, nil)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			job.Archive, job.Logger, job.Now = s, g.log, g.now
			if dryRun {
				msgs, err := job.Preview(cmd.Context(), when)
				if err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				e := &errw{w: g.stdout}
				if len(msgs) == 0 {
					e.printf("No team has anything to be reminded of on %s.\n", when)
				}
				for _, m := range msgs {
					e.printf("== %s by %s (%s)\nSubject: %s\n\n%s\n", m.Team, m.Channel, m.Key, m.Subject, m.Text)
				}
				return e.err
			}
			out, err := job.Run(cmd.Context(), when)
			e := &errw{w: g.stdout}
			for _, o := range out {
				e.printf("%s %s: %s\n", o.Key, o.Channel, o.Result)
			}
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			return e.err
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the digests; send and record nothing")
	cmd.Flags().StringVar(&day, "day", "", "the day of the digests (YYYY-MM-DD); today when empty")
	addStoreFlags(cmd, &o)
	return cmd
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// reminderJob builds the reminder job of c. With outbox set, every
// message goes to it instead of Slack or the mail server, as in the demo;
// with dryRun nothing is sent, so no secret is loaded.
func reminderJob(c *remind.Config, dryRun bool, outbox *remind.Outbox) (*remind.Job, error) {
	job := &remind.Job{Holder: lease.NewHolder(),
		Runner: &remind.Runner{Links: remind.Links{Base: strings.TrimSpace(c.BaseURL)}}}
	fake := dryRun || outbox != nil
	routes, err := routesOf(c, fake)
	if err != nil {
		return nil, err
	}
	job.Routes = routes
	if fake {
		if outbox != nil {
			job.Runner.Slack, job.Runner.Mail = outbox, outbox
		}
		return job, nil
	}
	job.Runner.Slack = &remind.Slack{}
	if c.SMTP.Host != "" {
		m, err := remind.NewMailer(c.SMTP)
		if err != nil {
			return nil, err
		}
		job.Runner.Mail = m
	}
	return job, nil
}

// routesOf returns the routes of c; fake ones, without loading any
// secret, for a dry run or the demo's outbox. Routes that load are
// returned with the error of those that do not.
func routesOf(c *remind.Config, fake bool) ([]remind.Route, error) {
	if !fake {
		return c.Routes()
	}
	var out []remind.Route
	for _, t := range c.Teams {
		r := remind.Route{Team: strings.TrimSpace(t.Team), Email: t.Email}
		if !t.Slack.IsZero() {
			r.Slack = credential.New("outbox")
		}
		out = append(out, r)
	}
	return out, nil
}

// remindInterval is how often serve looks for digests to send: each is
// sent once a day, so this only bounds how late after midnight (UTC) it
// goes, and how soon a replica takes over from one that stopped.
const remindInterval = 15 * time.Minute
