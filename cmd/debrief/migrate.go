package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newMigrateCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Bring the archive's database schema up to date",
		Long: `Migrate applies the database migrations that the archive has not had yet,
each in its own transaction, and says how many it applied.

The embedded archive (--data) migrates itself whenever debrief opens it, so
migrate only creates it there. A PostgreSQL archive (--db or DEBRIEF_DB) is
never migrated behind anyone's back: run migrate once after each upgrade,
before starting the new version's replicas, or start one of them with
--migrate.

Exit status: 0 when the schema is up to date, 2 when it cannot be.`,
		Example: `  debrief migrate --db postgres://debrief@db.internal/debrief
  debrief migrate --data ./debrief-data`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("migrate takes no arguments; name the archive with --data or --db")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openStore(cmd.Context(), g, storeOptions{migrate: true})
			if err != nil {
				return err
			}
			defer s.Close()
			n := 0
			if m, ok := s.(interface{ Migrated() int }); ok {
				n = m.Migrated()
			}
			switch n {
			case 0:
				fmt.Fprintln(g.stdout, "the archive is up to date")
			case 1:
				fmt.Fprintln(g.stdout, "applied 1 migration")
			default:
				fmt.Fprintf(g.stdout, "applied %d migrations\n", n)
			}
			return nil
		},
	}
}
