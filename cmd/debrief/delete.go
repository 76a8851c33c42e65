package main

import (
	"fmt"

	"github.com/debrief/debrief"
	"github.com/spf13/cobra"
)

func newDeleteCmd(g *globals) *cobra.Command {
	var o storeOptions
	var version int
	cmd := &cobra.Command{
		Use:   "delete ID --version N",
		Short: "Delete a postmortem from the archive, on record",
		Long: `Delete removes a postmortem from the archive, as an admin does in the web app:
its pages, search entries and similar-incident links go, with the action
items and accepted risks only it listed. The archive keeps a record of the
deletion, with the file as it was, and never gives its id to another
postmortem; importing the file again restores it.

--version is the version you mean to delete (debrief export or the web app
shows it), so that an edit made since is never deleted unseen.`,
		Example: `  debrief delete PM-2026-014 --version 3`,
		Args:    exactArgs(1, "delete needs one postmortem id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if version < 1 {
				return usageErrorf("delete needs --version N, the version of the postmortem you mean to delete")
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Delete(cmd.Context(), debrief.Operator, args[0], version); err != nil {
				return storeError(err)
			}
			g.log.Info("deleted a postmortem", "id", args[0], "version", version, "by", debrief.Operator.User)
			fmt.Fprintf(g.stderr, "deleted %s (version %d)\n", args[0], version)
			return nil
		},
	}
	cmd.Flags().IntVar(&version, "version", 0, "the version of the postmortem to delete")
	addStoreFlags(cmd, &o)
	return cmd
}
