package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/debrief/debrief/markdown"
	"github.com/spf13/cobra"
)

func newValidateCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check postmortem files against the format",
		Long: `Validate checks postmortem files and folders (recursively, *.md) against the
format of docs/format.md, and the set of files together: duplicate ids,
shared action items that differ, related ids that do not exist.

In folders, Markdown files without front matter (a README, say) are not
postmortems and are skipped; a file named on the command line is always
checked.

Every problem is printed as path:line:col: message. Exit status: 0 when all
files are valid, 1 when there are problems, 2 on usage or I/O errors.`,
		Example: `  debrief validate postmortems/
  debrief validate PM-2026-014-checkout-errors.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("validate needs at least one file or folder")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := scanFiles(args)
			if err != nil {
				return err
			}
			set.checkSet(nil)
			n := 0
			for i := range set.len() {
				if set.valid(i) {
					continue
				}
				f, err := set.read(i)
				if errors.Is(err, errChanged) {
					err = fmt.Errorf("%s: %w", set.paths[i], err)
				}
				if err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				for _, p := range f.Problems {
					fmt.Fprintf(g.stdout, "%s:%d:%d: %s\n", f.Path, p.Line, p.Col, p.Message)
					n++
				}
			}
			if n > 0 {
				fmt.Fprintf(g.stderr, "%d problem%s in %d file%s\n", n, plural(n), set.len(), plural(set.len()))
				return errProblems
			}
			g.log.Debug("valid", "files", set.len())
			return nil
		},
	}
}

// looksLikePostmortem tells a postmortem that lost its front matter from
// other Markdown in a folder: it has the postmortem's section headings.
func looksLikePostmortem(f *markdown.File) bool {
	body := []byte(f.Doc.Postmortem.Body)
	return bytes.Contains(body, []byte("\n## What was missing")) || bytes.Contains(body, []byte("\n## Contributing factors"))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
