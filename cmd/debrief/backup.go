package main

import (
	"fmt"
	"path/filepath"

	"github.com/debrief/debrief/sqlite"
	"github.com/spf13/cobra"
)

// pgDumpHint tells PostgreSQL users what backs their archive up.
const pgDumpHint = "a PostgreSQL archive is backed up with PostgreSQL's own tools: pg_dump --format=custom and pg_restore (see the README, Backups)"

func newBackupCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Copy the embedded archive to a file, while it is in use",
		Long: `Backup writes a consistent copy of the embedded archive (--data) to FILE,
a new file. It can run while debrief serve is running: it reads one snapshot
and does not hold up the server's writes. The copy is written beside FILE and
renamed into place once checked, so FILE is either a whole backup or absent.

debrief restore FILE puts a backup back. For a PostgreSQL archive use
pg_dump and pg_restore instead (see the README).`,
		Example: `  debrief backup --data /var/lib/debrief /backups/debrief-$(date +%F).db`,
		Args:    exactArgs(1, "backup needs the file to write, such as debrief backup /backups/debrief.db"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if g.db != "" {
				return usageErrorf("%s", pgDumpHint)
			}
			src := filepath.Join(g.data, sqlite.FileName)
			if err := sqlite.Backup(cmd.Context(), src, args[0]); err != nil {
				return storeError(err)
			}
			g.log.Info("backed up the archive", "archive", src, "backup", args[0])
			fmt.Fprintf(g.stderr, "backed up %s to %s\n", src, args[0])
			return nil
		},
	}
}

func newRestoreCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the embedded archive with a backup",
		Long: `Restore replaces the embedded archive (--data) with the backup in FILE, which
debrief backup wrote, and brings its schema up to date. Whatever the archive
holds now is replaced: back it up first if you may need it. FILE is checked
before anything changes, and refused when it is not a whole debrief archive
or comes from a newer debrief.

Stop debrief serve before restoring, and start it again afterwards: a running
server keeps what the old archive said in its caches.`,
		Example: `  debrief restore --data /var/lib/debrief /backups/debrief-2026-12-01.db`,
		Args:    exactArgs(1, "restore needs the backup file, such as debrief restore /backups/debrief.db"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if g.db != "" {
				return usageErrorf("%s", pgDumpHint)
			}
			if err := sqlite.Restore(cmd.Context(), args[0], g.data); err != nil {
				return storeError(err)
			}
			g.log.Info("restored the archive", "archive", g.data, "backup", args[0])
			fmt.Fprintf(g.stderr, "restored %s from %s\n", g.data, args[0])
			return nil
		},
	}
}
