package main

import (
	"github.com/debrief/debrief"
	"github.com/debrief/debrief/report"
	"github.com/spf13/cobra"
)

// newReportCmd is `debrief report`, the parent of the reports.
func newReportCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Print a report of the archive's figures",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newReportActionsCmd(g))
	cmd.AddCommand(insightReportCmds(g)...)
	return cmd
}

func newReportActionsCmd(g *globals) *cobra.Command {
	var (
		o      storeOptions
		by     string
		days   int
		format string
	)
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "Report how action items are followed through",
		Long: `The follow-through report: completion rate, median and p90 time to done, the
share done by the due date, and the overdue items and their age, by team, by
action kind or by incident family, with a row for all items first. Every
figure says how it is computed and over which window: the items due in the
last --days days (docs/actions.md).

Exit status: 0, or 2 on usage or I/O errors.`,
		Example: `  debrief report actions
  debrief report actions --by kind --days 365 --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageErrorf("--%v", err)
			}
			grouping := debrief.FollowThroughBy(by)
			switch grouping {
			case debrief.ByTeam, debrief.ByKind, debrief.ByFamily:
			default:
				return usageErrorf("--by %q is not one of team, kind, family", by)
			}
			if days < 1 || days > 3660 {
				return usageErrorf("--days %d: give a number of days from 1 to 3660", days)
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := s.FollowThrough(cmd.Context(), debrief.Operator)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			now := g.now()
			today := debrief.DateOf(now.UTC())
			rows := debrief.FollowThroughFigures(d.Actions(today), grouping, debrief.LastDays(today, days), today)
			return report.Write(g.stdout, f, report.NewActions(rows, grouping, now))
		},
	}
	cmd.Flags().StringVar(&by, "by", "team", "group by team, kind or family")
	cmd.Flags().IntVar(&days, "days", debrief.DefaultFollowThroughDays, "the window: items due in the last days")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or csv")
	addStoreFlags(cmd, &o)
	return cmd
}
