package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/spf13/cobra"
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
file that relates to a skipped one; the others land. The files are read
twice, to check them as a set and then to store them, and only what the
checks across files need is kept in between, so that memory does not grow
with the size of the documents; a file that changes between the two reads
is skipped. No postmortem is ever half-written: files are stored in transactions of 200, and when the archive
refuses one of them, the others are stored again one transaction each and
that one is left out whole; an interrupted import leaves every file either
stored or not. Each import is one entry of the audit log, with its counts.

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
			set, err := scanFiles(args)
			if err != nil {
				return err
			}
			g.log.Debug("read and checked the files", "files", set.len(), "took", time.Since(start))
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			return importFiles(cmd.Context(), g, s, set, args)
		},
	}
	addStoreFlags(cmd, &o)
	return cmd
}

// importPreparer is a store that can start deriving what it will write of
// a batch before ImportBatch is called with it.
type importPreparer interface {
	PrepareImport(ps []*debrief.Postmortem)
}

// importWindow is how many files import reads ahead of the one it
// stores: two batches, so that the next batch is read while one is stored.
const importWindow = 2 * debrief.ImportBatchSize

// importFiles checks the files against each other and the archive, then
// reads them again one at a time, imports the valid ones in batches of
// debrief.ImportBatchSize, and reports the others. It records the import
// in the audit log.
func importFiles(ctx context.Context, g *globals, s debrief.Store, set *fileSet, args []string) (err error) {
	start := time.Now()
	actionIDs, riskIDs := set.index.ItemIDs()
	refs, err := s.References(ctx, actionIDs, riskIDs)
	if err != nil {
		return &exitError{code: 2, msg: err.Error()}
	}
	set.checkSet(refs)
	g.log.Debug("checked the files against the archive", "took", time.Since(start))
	start = time.Now()
	defer func() { g.log.Debug("imported the files", "took", time.Since(start)) }()
	var created, updated, unchanged, skipped int
	defer func() {
		if created+updated+unchanged+skipped > 0 {
			recordImport(ctx, g, s, args, fmt.Sprintf("%d created, %d updated, %d unchanged, %d skipped", created, updated, unchanged, skipped))
		}
	}()
	report := func(f *markdown.File, msg string) {
		skipped++
		fmt.Fprintf(g.stdout, "%s:1:1: %s\n", f.Path, msg)
	}
	// A batch is stored in the background while the next one is gathered,
	// and a store that can derive what it writes ahead (sqlstore) starts
	// on the next batch at once, so that both cores stay busy across the
	// end of one write transaction and the start of the next. Only this
	// goroutine counts and reports: a stored batch's outcome is taken up
	// by wait, before the next batch is handed over and at the end.
	type stored struct {
		batch   []*markdown.File
		results []debrief.ImportResult
		errs    []error
		err     error
	}
	var inFlight chan stored
	wait := func() error {
		if inFlight == nil {
			return nil
		}
		r := <-inFlight
		inFlight = nil
		if r.err != nil {
			return &exitError{code: 2, msg: fmt.Sprintf("%s; imported %d files before these %d: run import again to finish", errorText(r.err), created+updated+unchanged, len(r.batch))}
		}
		for i, f := range r.batch {
			if r.errs[i] != nil {
				report(f, debrief.ErrorMessage(r.errs[i]))
				continue
			}
			switch r.results[i] {
			case debrief.Created:
				created++
			case debrief.Updated:
				updated++
			default:
				unchanged++
			}
		}
		return nil
	}
	var batch []*markdown.File
	flush := func() error {
		if len(batch) == 0 {
			return wait()
		}
		b := batch
		batch = make([]*markdown.File, 0, debrief.ImportBatchSize)
		ps := make([]*debrief.Postmortem, len(b))
		for i, f := range b {
			ps[i] = f.Doc.Postmortem
		}
		if p, ok := s.(importPreparer); ok {
			p.PrepareImport(ps)
		}
		if err := wait(); err != nil {
			return err
		}
		done := make(chan stored, 1)
		inFlight = done
		go func() {
			results, errs, err := s.ImportBatch(ctx, ps)
			done <- stored{b, results, errs, err}
		}()
		return nil
	}
	type read struct {
		f   *markdown.File
		err error
	}
	err = inOrder(set.len(), importWindow, func(i int) read {
		f, err := set.read(i)
		return read{f, err}
	}, func(i int, r read) error {
		switch {
		case errors.Is(r.err, errChanged):
			skipped++
			fmt.Fprintf(g.stdout, "%s:1:1: %s\n", set.paths[i], r.err)
			return nil
		case r.err != nil:
			return &exitError{code: 2, msg: fmt.Sprintf("%s; imported %d files before it: run import again to finish", r.err, created+updated+unchanged)}
		case !r.f.Valid():
			skipped++
			for _, p := range r.f.Problems {
				fmt.Fprintf(g.stdout, "%s:%d:%d: %s\n", r.f.Path, p.Line, p.Col, p.Message)
			}
			return nil
		}
		batch = append(batch, r.f)
		if len(batch) == debrief.ImportBatchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		if werr := wait(); werr != nil {
			return werr
		}
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if err := wait(); err != nil {
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
