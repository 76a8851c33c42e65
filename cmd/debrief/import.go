package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/markdown"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
)

func newImportCmd(g *globals) *cobra.Command {
	var o storeOptions
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Read postmortem files into the archive",
		Long: `Import reads postmortem files and folders (recursively, *.md) into the
archive: a postmortem whose id is new is created, one whose id is stored is
replaced, and one whose content is already stored is left as it is, so that
importing the same files again changes nothing.

Each file is first checked like debrief validate checks it, together with
the other files given and the postmortems already in the archive. A file
with a problem is reported as path:line:col: message and skipped, as is a
file that relates to a skipped one; the others land. No postmortem is ever
half-written: files are stored in transactions of 200, and when the archive
refuses one of them, the others are stored again one transaction each and
that one is left out whole; an interrupted import leaves every file either
stored or not.

Exit status: 0 when every file was imported, 1 when some were skipped,
2 on usage or I/O errors.`,
		Example: `  debrief import postmortems/
  debrief import --db "$DEBRIEF_DB" --migrate PM-2026-014-checkout-errors.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("import needs at least one file or folder")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			files, err := readPostmortemsParallel(args)
			if err != nil {
				return err
			}
			g.log.Debug("read and checked the files", "files", len(files), "took", time.Since(start))
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			return importFiles(cmd.Context(), g, s, files)
		},
	}
	addStoreFlags(cmd, &o)
	return cmd
}

// importFiles checks files against each other and the archive, imports the
// valid ones in batches of debrief.ImportBatchSize, and reports the others.
func importFiles(ctx context.Context, g *globals, s debrief.Store, files []*markdown.File) error {
	start := time.Now()
	if err := checkAgainstArchive(ctx, s, files); err != nil {
		return err
	}
	g.log.Debug("checked the files against the archive", "took", time.Since(start))
	start = time.Now()
	defer func() { g.log.Debug("imported the files", "took", time.Since(start)) }()
	var created, updated, unchanged, skipped int
	report := func(f *markdown.File, msg string) {
		skipped++
		fmt.Fprintf(g.stdout, "%s:1:1: %s\n", f.Path, msg)
	}
	var batch []*markdown.File
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		ps := make([]*debrief.Postmortem, len(batch))
		for i, f := range batch {
			ps[i] = f.Doc.Postmortem
		}
		results, errs, err := s.ImportBatch(ctx, ps)
		if err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("%s; imported %d files before these %d: run import again to finish", errorText(err), created+updated+unchanged, len(batch))}
		}
		for i, f := range batch {
			if errs[i] != nil {
				report(f, debrief.ErrorMessage(errs[i]))
				continue
			}
			switch results[i] {
			case debrief.Created:
				created++
			case debrief.Updated:
				updated++
			default:
				unchanged++
			}
		}
		batch = batch[:0]
		return nil
	}
	for i, f := range files {
		if !f.Valid() {
			skipped++
			for _, p := range f.Problems {
				fmt.Fprintf(g.stdout, "%s:%d:%d: %s\n", f.Path, p.Line, p.Col, p.Message)
			}
			continue
		}
		batch = append(batch, f)
		if len(batch) == debrief.ImportBatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
		files[i] = nil // what is imported need not stay in memory
	}
	if err := flush(); err != nil {
		return err
	}
	n := created + updated + unchanged
	fmt.Fprintf(g.stderr, "imported %d postmortem%s: %d created, %d updated, %d unchanged", n, plural(n), created, updated, unchanged)
	if skipped > 0 {
		fmt.Fprintf(g.stderr, "; skipped %d file%s with problems\n", skipped, plural(skipped))
		return errProblems
	}
	fmt.Fprintln(g.stderr)
	return nil
}

// checkAgainstArchive adds to the files the problems that show only across
// the set: among the files, and between the files and what the archive
// already holds (ids that related ids name, action items and accepted risks
// that must agree). A file that relates to a skipped file gets a problem
// too, since it would land pointing at nothing; this repeats until no more
// files drop out.
func checkAgainstArchive(ctx context.Context, s debrief.Store, files []*markdown.File) error {
	inFiles := map[string]bool{}
	var actionIDs, riskIDs []string
	for _, f := range files {
		p := f.Doc.Postmortem
		inFiles[p.ID] = true
		for _, a := range p.ActionItems {
			actionIDs = append(actionIDs, a.ID)
		}
		for _, r := range p.AcceptedRisks {
			riskIDs = append(riskIDs, r.ID)
		}
	}
	refs, err := s.References(ctx, dedupeSorted(actionIDs), dedupeSorted(riskIDs))
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	// The stored postmortems that no file replaces take part in the check
	// with what matters to it: their ids, shared items and risks. They come
	// first, so that a file that disagrees with them gets the problem.
	stored := map[string]*debrief.Postmortem{}
	var archive []*markdown.File
	for _, id := range refs.IDs {
		if !inFiles[id] {
			p := &debrief.Postmortem{ID: id}
			stored[id] = p
			archive = append(archive, &markdown.File{Path: "archive", Doc: &markdown.Document{Postmortem: p, HasFrontMatter: true}})
		}
	}
	for id, a := range refs.Audiences {
		if p := stored[id]; p != nil {
			p.Restricted, p.Teams = a.Restricted, a.Teams
		}
	}
	for _, ref := range refs.ActionItems {
		for _, id := range ref.Postmortems {
			if p := stored[id]; p != nil {
				p.ActionItems = append(p.ActionItems, ref.Item)
			}
		}
	}
	for _, ref := range refs.AcceptedRisks {
		for _, id := range ref.Postmortems {
			if p := stored[id]; p != nil {
				p.AcceptedRisks = append(p.AcceptedRisks, ref.Risk)
			}
		}
	}
	markdown.CheckSet(append(archive, files...))
	// A valid file that relates to a skipped one would land pointing at
	// nothing, unless the archive holds an earlier version of that one.
	storedIDs := map[string]bool{}
	for _, id := range refs.IDs {
		storedIDs[id] = true
	}
	for changed := true; changed; {
		changed = false
		landing := map[string]bool{}
		for _, f := range files {
			if f.Valid() {
				landing[f.Doc.Postmortem.ID] = true
			}
		}
		for _, f := range files {
			if !f.Valid() {
				continue
			}
			for k, r := range f.Doc.Postmortem.Related {
				if inFiles[r] && !landing[r] && !storedIDs[r] {
					pos := f.Doc.Position(fmt.Sprintf("related[%d]", k))
					f.Problems = append(f.Problems, markdown.Problem{Pos: pos,
						Message: fmt.Sprintf("related postmortem %s is skipped because of its problems and is not in the archive yet: fix it, then import both", r)})
					changed = true
				}
			}
		}
	}
	return nil
}

func dedupeSorted(vs []string) []string {
	vs = slices.Clone(vs)
	slices.Sort(vs)
	return slices.Compact(vs)
}

// readPostmortemsParallel reads and checks every postmortem under paths as
// readPostmortems does, on every core: an archive of a hundred thousand
// files is read in seconds.
func readPostmortemsParallel(paths []string) ([]*markdown.File, error) {
	names, explicit, err := markdownFiles(paths)
	if err != nil {
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	var finder config.Finder
	files := make([]*markdown.File, len(names))
	errs := make([]error, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range names {
		g.Go(func() error {
			cfg, err := finder.For(names[i])
			if err != nil {
				errs[i] = err
				return nil
			}
			files[i], errs[i] = markdown.ReadFile(names[i], cfg.CategoryTaxonomy())
			return nil
		})
	}
	_ = g.Wait() // each file's error is in errs, reported in order
	var out []*markdown.File
	for i, f := range files {
		if errs[i] != nil {
			return nil, &exitError{code: 2, msg: errs[i].Error()}
		}
		if !f.Doc.HasFrontMatter && !explicit[names[i]] && !looksLikePostmortem(f) {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}
