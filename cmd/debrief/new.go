package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/spf13/cobra"
)

func newNewCmd(g *globals) *cobra.Command {
	var (
		dir      string
		severity string
		teams    []string
		services []string
		started  string
	)
	cmd := &cobra.Command{
		Use:   `new "TITLE"`,
		Short: "Start a new postmortem from the template",
		Long: `New writes a new postmortem draft into --dir: the next free id of the year
among the postmortems there, the start time (now, unless --started says
otherwise), and every section with the question that guides it.

It never overwrites a file, and prints the path of the file it wrote.`,
		Example: `  debrief new "Checkout errors after certificate expiry" --team payments --severity SEV2`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageErrorf(`new needs one title in quotes, such as: debrief new "Search latency after index rebuild"`)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			now := g.now().UTC().Truncate(time.Minute)
			if started != "" {
				t, err := debrief.ParseTime(started)
				if err != nil {
					return usageErrorf("--started %v", err)
				}
				now = t
			}
			sev := debrief.Severity(strings.ToUpper(severity))
			if !slices.Contains(debrief.Severities, sev) {
				return usageErrorf("--severity %q is not one of SEV1, SEV2, SEV3, SEV4", severity)
			}
			title := strings.TrimSpace(args[0])
			// A folder that does not exist yet is the first postmortem's.
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("create the folder %s: %v", dir, err)}
			}
			id, err := nextID(dir, now.Year())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			p := &debrief.Postmortem{
				ID: id, Title: title, Severity: sev, Status: debrief.StatusDraft,
				Teams: teams, Services: services, Started: now,
			}
			path := filepath.Join(dir, id+"-"+slug(title)+".md")
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return &exitError{code: 2, msg: fmt.Sprintf("%s already exists; debrief new never overwrites a file", path)}
			}
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			if _, err := f.Write(markdown.Template(p)); err != nil {
				f.Close()
				return &exitError{code: 2, msg: err.Error()}
			}
			if err := f.Close(); err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			fmt.Fprintln(g.stdout, path)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dir", ".", "folder to write the postmortem into, created if missing")
	f.StringVar(&severity, "severity", "SEV3", "severity: SEV1 (most severe) to SEV4")
	f.StringSliceVar(&teams, "team", nil, "team involved (repeat or separate with commas)")
	f.StringSliceVar(&services, "service", nil, "service affected (repeat or separate with commas)")
	f.StringVar(&started, "started", "", "when the impact began, RFC 3339 (default now)")
	return cmd
}

var idInName = regexp.MustCompile(`^PM-([0-9]{4})-([0-9]{3,})`)

// nextID returns the next free postmortem id of the year among the files in
// dir, judged by their front matter ids and their file names.
func nextID(dir string, year int) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	highest := 0
	note := func(id string) {
		m := idInName.FindStringSubmatch(id)
		if m == nil || m[1] != strconv.Itoa(year) {
			return
		}
		if n, err := strconv.Atoi(m[2]); err == nil && n > highest {
			highest = n
		}
	}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".md") {
			continue
		}
		note(e.Name())
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		if doc, _ := markdown.Parse(src); doc.HasFrontMatter {
			note(doc.Postmortem.ID)
		}
	}
	return fmt.Sprintf("PM-%d-%03d", year, highest+1), nil
}

// slug turns a title into a short lower-case file name part.
func slug(title string) string {
	if s := debrief.Slug(title); s != "" {
		return s
	}
	return "postmortem"
}
