package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"slices"

	"github.com/debrief/debrief"
)

// File is one postmortem file read from disk, with its problems.
type File struct {
	Path     string
	Doc      *Document
	Problems []Problem
}

// Valid reports whether no problem was found in the file.
func (f *File) Valid() bool { return len(f.Problems) == 0 }

// ReadFile reads and checks one file on its own: syntax, types and the
// domain's rules with taxonomy tax. An I/O error is returned as an error, not
// as a problem.
func ReadFile(path string, tax debrief.Taxonomy) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return CheckBytes(path, src, tax), nil
}

// CheckBytes parses and checks one file's content: what Parse and
// Validate find, and the limits the archive keeps, the file's size
// (debrief.MaxFileSize) and the body's structure (debrief.CheckBody), so
// that a file that validates is one the archive takes.
func CheckBytes(path string, src []byte, tax debrief.Taxonomy) *File {
	doc, probs := Parse(src)
	f := &File{Path: path, Doc: doc, Problems: append(probs, doc.Validate(tax)...)}
	if len(src) > debrief.MaxFileSize {
		f.Problems = append(f.Problems, Problem{sizePos(src), fmt.Sprintf("the file is %d KiB; the archive takes files of at most %d KiB: move long logs or data out of it and link them",
			(len(src)+1023)>>10, debrief.MaxFileSize>>10)})
	}
	for _, p := range debrief.CheckBody(doc.Postmortem.Body) {
		f.Problems = append(f.Problems, Problem{Pos{doc.BodyLine + p.Line - 1, p.Col}, p.Message})
	}
	sortProblems(f.Problems)
	return f
}

// sizePos returns where a file passes debrief.MaxFileSize: the start of
// the line on which it does.
func sizePos(src []byte) Pos {
	return Pos{bytes.Count(src[:debrief.MaxFileSize], []byte("\n")) + 1, 1}
}

// CheckSet adds to each file the problems that show only across the set:
// duplicate ids, shared items that differ, related ids that do not exist.
func CheckSet(files []*File) {
	var x debrief.ArchiveIndex
	for _, f := range files {
		x.Add(debrief.IndexOf(f.Doc.Postmortem))
	}
	for _, e := range x.Check(nil) {
		first := ""
		if e.First >= 0 {
			first = files[e.First].Path
		}
		files[e.Index].AddSetProblem(e, first)
	}
}

// AddSetProblem adds to f a problem found across a set of files
// (debrief.ArchiveIndex) at the position of its field. firstPath is the
// path of the file that has the id first when e is about a duplicate id.
func (f *File) AddSetProblem(e debrief.ArchiveError, firstPath string) {
	msg := e.Message
	if e.First >= 0 {
		msg = fmt.Sprintf("duplicate postmortem id %s: %s uses it too", f.Doc.Postmortem.ID, firstPath)
	}
	f.Problems = append(f.Problems, Problem{f.Doc.Position(e.Field), msg})
	sortProblems(f.Problems)
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if a.Line != b.Line {
			return cmp.Compare(a.Line, b.Line)
		}
		return cmp.Compare(a.Col, b.Col)
	})
}
