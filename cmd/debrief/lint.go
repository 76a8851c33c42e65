package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/lint"
	"github.com/spf13/cobra"
)

func newLintCmd(g *globals) *cobra.Command {
	var (
		format    string
		failOn    string
		listRules bool
		stdinName string
	)
	cmd := &cobra.Command{
		Use:   "lint [flags] PATH...",
		Short: "Check postmortems for blame, root-cause framing and missing structure",
		Long: `Lint checks the prose of Markdown files and folders (recursively, *.md) for
blame and single-root-cause framing, and postmortems (files with front
matter) for the structure a blameless review needs. "-" reads Markdown from
standard input.

Every finding has a rule id, a message that says why, and a suggested
rewrite. Rules are switched off or re-levelled in .debrief.yaml (found in
the file's folder or above):

  lint:
    rules: {blame.counterfactual: info, structure: off}
    roles: [release captain]
    accept: [Blameless Bot]

and inline with an HTML comment:

  <!-- debrief-disable-next-line blame.person-omission -->
  <!-- debrief-disable root-cause --> ... <!-- debrief-enable root-cause -->

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 on
usage or I/O errors.`,
		Example: `  debrief lint postmortems/
  debrief lint --format sarif postmortems/ > debrief.sarif
  cat draft.md | debrief lint -
  debrief lint --list-rules`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !listRules {
				return usageErrorf("lint needs at least one file or folder, or - for standard input")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(lint.Formats, format) {
				return usageErrorf("--format %q is not one of %s", format, strings.Join(lint.Formats, ", "))
			}
			threshold, err := lint.ParseSeverity(failOn)
			if err != nil {
				return usageErrorf("--fail-on: %v", err)
			}
			if listRules {
				return writeRules(g.stdout, format)
			}
			findings, err := lintPaths(g, args, stdinName)
			if err != nil {
				return err
			}
			if err := lint.WriteFindings(g.stdout, format, findings, format == "text" && isTerminal(g.stdout), nil); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			worst, any := lint.MaxSeverity(findings)
			if format == "text" && any {
				fmt.Fprintf(g.stderr, "%d finding%s\n", len(findings), plural(len(findings)))
			}
			if any && worst >= threshold {
				return errProblems
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "text", "output format: text, json, sarif or github")
	f.StringVar(&failOn, "fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning or info")
	f.BoolVar(&listRules, "list-rules", false, "list every rule with a flagged example and its rewrite")
	f.StringVar(&stdinName, "stdin-name", "<stdin>", "path to report for standard input; its folder is where .debrief.yaml is looked for")
	return cmd
}

// lintPaths lints every file under paths ("-" is standard input), each with
// the configuration of its nearest .debrief.yaml.
func lintPaths(g *globals, paths []string, stdinName string) ([]lint.Finding, error) {
	var files []string
	stdin := false
	for _, p := range paths {
		if p == "-" {
			stdin = true
			continue
		}
		files = append(files, p)
	}
	names, _, err := markdownFiles(files)
	if err != nil {
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	var finder config.Finder
	linters := map[*config.Config]*lint.Linter{}
	linterFor := func(path string) (*lint.Linter, error) {
		cfg, err := finder.For(path)
		if err != nil {
			return nil, &exitError{code: 2, msg: err.Error()}
		}
		if l, ok := linters[cfg]; ok {
			return l, nil
		}
		l, err := lint.New(cfg.Lint)
		if err != nil {
			where := cfg.Path
			if where == "" {
				where = config.FileName
			}
			return nil, &exitError{code: 2, msg: fmt.Sprintf("%s: %v", where, err)}
		}
		linters[cfg] = l
		return l, nil
	}
	var all []lint.Finding
	if stdin {
		src, err := io.ReadAll(g.stdin)
		if err != nil {
			return nil, &exitError{code: 2, msg: "reading standard input: " + err.Error()}
		}
		dir := "."
		if stdinName != "<stdin>" {
			dir = filepath.Dir(stdinName)
		}
		l, err := linterFor(dir)
		if err != nil {
			return nil, err
		}
		all = append(all, l.Lint(stdinName, src)...)
	}
	for _, name := range names {
		l, err := linterFor(name)
		if err != nil {
			return nil, err
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, &exitError{code: 2, msg: err.Error()}
		}
		all = append(all, l.Lint(name, src)...)
	}
	g.log.Debug("linted", "files", len(names), "stdin", stdin, "findings", len(all))
	return all, nil
}

// writeRules documents every rule, as text or as JSON.
func writeRules(w io.Writer, format string) error {
	rules := lint.Rules()
	if format == "json" {
		return lint.WriteRulesJSON(w, rules)
	}
	for i, r := range rules {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s, default %s)\n", r.ID, r.Category, r.Severity)
		fmt.Fprintf(w, "  %s\n", r.Description)
		fmt.Fprintf(w, "  flagged:  %s\n", indentMore(r.Example))
		fmt.Fprintf(w, "  instead:  %s\n", indentMore(r.Rewrite))
	}
	return nil
}

func indentMore(s string) string { return strings.ReplaceAll(s, "\n", "\n            ") }

// isTerminal reports whether w is a terminal that wants colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
