package main

import (
	"errors"
	"hash/maphash"
	"os"
	"runtime"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/markdown"
	"golang.org/x/sync/errgroup"
)

// fileSet is the postmortem files that a command line names, read twice:
// once to check them as a set, keeping only what the checks across files
// need (a debrief.ArchiveIndex), and again one at a time to report or
// import each. Memory grows with the index, a few hundred bytes a file,
// not with the documents.
type fileSet struct {
	finder config.Finder
	// paths, sums and alone describe each postmortem in order: its path, a
	// hash of its content when it was first read, and whether it has
	// problems of its own.
	paths []string
	sums  []uint64
	alone []bool
	index debrief.ArchiveIndex
	// across holds the problems found across the set, by file; unlanded
	// those of an import's files that relate to a skipped one.
	across, unlanded map[int][]debrief.ArchiveError
}

// contentSeed seeds the hashes that tell whether a file changed between
// its two reads.
var contentSeed = maphash.MakeSeed()

// errChanged is the error of a file whose content changed after it was
// checked with the others.
var errChanged = errors.New("the file changed while debrief read it: run the command again")

// scanFiles reads and checks every postmortem under paths, on every core,
// each with the taxonomy of its nearest .debrief.yaml, and indexes it. In
// folders, Markdown files that are not postmortems are left out.
func scanFiles(paths []string) (*fileSet, error) {
	names, explicit, err := markdownFiles(paths)
	if err != nil {
		return nil, &exitError{code: 2, msg: err.Error()}
	}
	type scanned struct {
		include, valid bool
		sum            uint64
		indexed        debrief.Indexed
	}
	s := &fileSet{}
	out := make([]scanned, len(names))
	errs := make([]error, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			src, f, err := s.check(name)
			if err != nil {
				errs[i] = err
				return nil
			}
			out[i] = scanned{
				include: f.Doc.HasFrontMatter || explicit[name] || looksLikePostmortem(f),
				valid:   f.Valid(),
				sum:     maphash.Bytes(contentSeed, src),
				indexed: debrief.IndexOf(f.Doc.Postmortem),
			}
			return nil
		})
	}
	_ = g.Wait() // each file's error is in errs, reported in order
	for i, sc := range out {
		if errs[i] != nil {
			return nil, &exitError{code: 2, msg: errs[i].Error()}
		}
		if !sc.include {
			continue
		}
		s.paths = append(s.paths, names[i])
		s.sums = append(s.sums, sc.sum)
		s.alone = append(s.alone, sc.valid)
		s.index.Add(sc.indexed)
		out[i] = scanned{}
	}
	return s, nil
}

// check reads and checks one file on its own.
func (s *fileSet) check(path string) ([]byte, *markdown.File, error) {
	cfg, err := s.finder.For(path)
	if err != nil {
		return nil, nil, err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return src, markdown.CheckBytes(path, src, cfg.CategoryTaxonomy()), nil
}

// checkSet finds the problems across the set, and against held, what the
// archive holds, unless it is nil. With held, it also finds the files
// that relate to a file that will not land (debrief.ArchiveIndex.Unlanded).
func (s *fileSet) checkSet(held *debrief.References) {
	s.across = byFile(s.index.Check(held))
	if held != nil {
		s.unlanded = byFile(s.index.Unlanded(func(i int) bool { return !s.alone[i] || len(s.across[i]) > 0 }, held))
	}
}

func byFile(errs []debrief.ArchiveError) map[int][]debrief.ArchiveError {
	m := map[int][]debrief.ArchiveError{}
	for _, e := range errs {
		m[e.Index] = append(m[e.Index], e)
	}
	return m
}

// valid reports whether file i has no problem, on its own or in the set.
func (s *fileSet) valid(i int) bool {
	return s.alone[i] && len(s.across[i]) == 0 && len(s.unlanded[i]) == 0
}

// len returns how many postmortems the set holds.
func (s *fileSet) len() int { return len(s.paths) }

// read reads file i again, with every problem that checkSet found: it is
// the file as the set checked it. A file whose content changed since
// scanFiles is errChanged.
func (s *fileSet) read(i int) (*markdown.File, error) {
	src, f, err := s.check(s.paths[i])
	if err != nil {
		return nil, err
	}
	if maphash.Bytes(contentSeed, src) != s.sums[i] {
		return nil, errChanged
	}
	for _, e := range s.across[i] {
		first := ""
		if e.First >= 0 {
			first = s.paths[e.First]
		}
		f.AddSetProblem(e, first)
	}
	for _, e := range s.unlanded[i] {
		f.Problems = append(f.Problems, markdown.Problem{Pos: f.Doc.Position(e.Field), Message: e.Message})
	}
	return f, nil
}

// inOrder calls read for 0 ≤ i < n on every core, a little ahead, and use
// with each result in order of i. At most window results wait for use.
// When use fails, inOrder stops reading and returns its error.
func inOrder[T any](n, window int, read func(i int) T, use func(i int, v T) error) error {
	pending := make(chan chan T, window)
	stop := make(chan struct{})
	go func() {
		defer close(pending)
		workers := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i := range n {
			c := make(chan T, 1)
			select {
			case pending <- c:
			case <-stop:
				return
			}
			workers <- struct{}{}
			go func() {
				c <- read(i)
				<-workers
			}()
		}
	}()
	i := 0
	for c := range pending {
		if err := use(i, <-c); err != nil {
			close(stop)
			for c := range pending {
				<-c
			}
			return err
		}
		i++
	}
	return nil
}
