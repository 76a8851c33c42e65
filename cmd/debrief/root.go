package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"
)

// globals are the flags every command shares.
type globals struct {
	data     string
	db       string
	logLevel string
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	log      *slog.Logger
	now      func() time.Time
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	root := &cobra.Command{
		Use:   "debrief",
		Short: "Blameless, system-focused postmortems: lint, validate, archive, follow through",
		Long: `debrief helps engineering teams stop having the same incident twice.

A postmortem is a Markdown file with YAML front matter (see docs/format.md).
debrief checks its structure, lints its language for blame and root-cause
framing, and keeps it in a searchable archive.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			var level slog.Level
			if err := level.UnmarshalText([]byte(g.logLevel)); err != nil {
				return usageErrorf("--log-level %q is not one of debug, info, warn, error", g.logLevel)
			}
			g.log = slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: level}))
			slog.SetDefault(g.log)
			return nil
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErrorf("%v", err) })

	pf := root.PersistentFlags()
	pf.StringVar(&g.data, "data", envOr("DEBRIEF_DATA", "./debrief-data"), "folder of the embedded archive (env DEBRIEF_DATA)")
	pf.StringVar(&g.db, "db", os.Getenv("DEBRIEF_DB"), "PostgreSQL URL of the archive, instead of the embedded one (env DEBRIEF_DB)")
	pf.StringVar(&g.logLevel, "log-level", "info", "log level: debug, info, warn or error")

	root.AddCommand(
		newValidateCmd(g),
		newNewCmd(g),
		newImportCmd(g),
		newExportCmd(g),
		newDeleteCmd(g),
		newMigrateCmd(g),
		newServeCmd(g),
		newUserCmd(g),
		newTokenCmd(g),
		newLintCmd(g),
		newFamiliesCmd(g),
		newBackupCmd(g),
		newRestoreCmd(g),
		newActionsCmd(g),
		newRisksCmd(g),
		newRemindCmd(g),
		newReportCmd(g),
		newPagesCmd(g),
	)
	return root
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func usageErrorf(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}
