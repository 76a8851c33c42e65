package main

import (
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/report"
	"github.com/spf13/cobra"
)

// insightReportCmds are the reports of the insights, under debrief report.
func insightReportCmds(g *globals) []*cobra.Command {
	var out []*cobra.Command
	for _, name := range []string{"load", "oncall", "kinds", "process"} {
		out = append(out, newInsightReportCmd(g, name))
	}
	return out
}

func newInsightReportCmd(g *globals, which string) *cobra.Command {
	var (
		o              storeOptions
		format         string
		from, to, team string
		asOf, zone     string
	)
	cmd := &cobra.Command{
		Use:   which,
		Short: "Print the insights: incident load, on-call health, recurring kinds, process health",
		Long: `Report prints the figures of the dashboards (docs/insights.md):

  load     incidents per team and ISO week, the 4-week average, and reactive
           mode: "deal with the incidents first"
  oncall   pages per 12-hour shift against the limit of 2, by hour band in
           each team's time zone, non-actionable, noisiest and flapping
           alerts, hours responding, against the period before
  kinds    which kinds of incident come back, for which teams, and whether
           the fixes made between them held
  process  time from incident to published postmortem (median and 90th
           percentile), postmortems past their review date, system-focus
           sections filled, blame and root-cause findings per month

The period is --from to --to, widened to whole ISO weeks; without them, the
52 weeks up to the latest incident or page. --as-of computes the figures as
they stood at the end of a day: reactive mode "now", reviews overdue. Time
zones and the reactive rule come from the insights section of the
.debrief.yaml in the current folder; --time-zone sets the zone of the teams
it gives none.
Like export, report reads the whole archive: restricted postmortems are
counted and never named.

Exit status: 0, or 2 on usage or I/O errors.`,
		Example: `  debrief report load
  debrief report oncall --team logistics --from 2026-02-01 --to 2026-03-31
  debrief report kinds --format json
  debrief report process --format csv > process.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageErrorf("--%v", err)
			}
			if (from == "") != (to == "") {
				return usageErrorf("give --from and --to together, or neither for the last 52 weeks")
			}
			cfg, err := (&config.Finder{}).For(".")
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			var linter *lint.Linter
			if which == "process" {
				if linter, err = lint.New(cfg.Lint); err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
			}
			if zone != "" {
				loc, err := time.LoadLocation(zone)
				if err != nil || strings.EqualFold(zone, "local") {
					return usageErrorf("--time-zone %q is not an IANA zone name such as Europe/Amsterdam", zone)
				}
				cfg.Insights.TimeZone.Location = loc
			}
			ctx := cmd.Context()
			s, err := openStore(ctx, g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			src := insightSource(g, s, cfg, linter)
			if asOf != "" {
				d, err := debrief.ParseDate(asOf)
				if err != nil {
					return usageErrorf("--as-of: %v", err)
				}
				end := d.Time().Add(24*time.Hour - time.Second)
				src.Now = func() time.Time { return end }
			}
			a, err := src.Read(ctx, debrief.Operator)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			var p insight.Period
			if from != "" {
				fd, err := debrief.ParseDate(from)
				if err != nil {
					return usageErrorf("--from: %v", err)
				}
				td, err := debrief.ParseDate(to)
				if err != nil {
					return usageErrorf("--to: %v", err)
				}
				if p, err = insight.PeriodOf(fd, td); err != nil {
					return usageErrorf("%s", debrief.ErrorMessage(err))
				}
			} else if p, err = a.DefaultPeriod(ctx); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			var r report.Report
			switch which {
			case "load":
				var l *report.Load
				if l, err = a.LoadReport(ctx, p); err == nil && team != "" {
					l.Teams = slices.DeleteFunc(l.Teams, func(t debrief.TeamLoad) bool { return !strings.EqualFold(t.Team, strings.TrimSpace(team)) })
				}
				r = l
			case "oncall":
				r, err = a.OnCallReport(ctx, p, team)
			case "kinds":
				r = a.KindsReport(p)
			case "process":
				r = a.ProcessReport(p)
			}
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			return report.Write(g.stdout, f, r)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "text", "text, json or csv")
	fl.StringVar(&from, "from", "", "first day of the period, YYYY-MM-DD")
	fl.StringVar(&to, "to", "", "last day of the period, YYYY-MM-DD")
	fl.StringVar(&team, "team", "", "only this team (load, oncall)")
	fl.StringVar(&asOf, "as-of", "", "compute as at the end of this day, YYYY-MM-DD (default: now)")
	fl.StringVar(&zone, "time-zone", "", "the IANA zone of teams without one in .debrief.yaml (default UTC)")
	addStoreFlags(cmd, &o)
	return cmd
}
