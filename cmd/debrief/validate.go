package main

import (
	"bytes"
	"fmt"

	"github.com/debrief/debrief/config"
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
			files, err := readPostmortems(args)
			if err != nil {
				return err
			}
			markdown.CheckSet(files)
			n := 0
			for _, f := range files {
				for _, p := range f.Problems {
					fmt.Fprintf(g.stdout, "%s:%d:%d: %s\n", f.Path, p.Line, p.Col, p.Message)
					n++
				}
			}
			if n > 0 {
				fmt.Fprintf(g.stderr, "%d problem%s in %d file%s\n", n, plural(n), len(files), plural(len(files)))
				return errProblems
			}
			g.log.Debug("valid", "files", len(files))
			return nil
		},
	}
}

// readPostmortems reads and checks every postmortem under paths, each with
// the taxonomy of its nearest .debrief.yaml.
func readPostmortems(paths []string) ([]*markdown.File, error) {
	names, explicit, err := markdownFiles(paths)
	if err != nil {
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	var finder config.Finder
	var files []*markdown.File
	for _, name := range names {
		cfg, err := finder.For(name)
		if err != nil {
			return nil, &exitError{code: 2, msg: err.Error()}
		}
		f, err := markdown.ReadFile(name, cfg.CategoryTaxonomy())
		if err != nil {
			return nil, &exitError{code: 2, msg: err.Error()}
		}
		if !f.Doc.HasFrontMatter && !explicit[name] && !looksLikePostmortem(f) {
			continue
		}
		files = append(files, f)
	}
	return files, nil
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
