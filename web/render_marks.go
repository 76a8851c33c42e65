package web

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief/debrief/lint"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Lint findings are marked in place: an AST transformer splits the text
// nodes that a finding covers and wraps the covered part in a <mark> that
// carries the finding's message and links to it in the findings list.
// Only the first maxMarkedFindings findings in the body are marked, in at
// most maxMarkPieces pieces (render_limits.go).

var markKey = parser.NewContextKey()

// markData is what the transformer needs of the document being rendered,
// and what it marked.
type markData struct {
	title  string
	ranges []markRange
	// marked holds the numbers of the findings marked.
	marked map[int]bool
}

// markRange is a finding's place in the body, in bytes.
type markRange struct {
	start, end int
	n          int // the finding's number in the list, from 1
	f          *lint.Finding
}

// findingRanges turns the findings' line and column positions in file into
// byte ranges of the body, which starts at bodyStart: sorted, for the first
// maxMarkedFindings findings in the body. Findings outside the body (in
// the front matter) and overlapping ones get no range; they are still
// listed. Findings sorted by position take time in proportion to the
// file's size, whatever their number.
func findingRanges(file []byte, bodyStart int, fs []lint.Finding) []markRange {
	if len(fs) == 0 {
		return nil
	}
	lineStarts := []int{0}
	for i, c := range file {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	starts := offsetCursor{file: file, lineStarts: lineStarts}
	ends := offsetCursor{file: file, lineStarts: lineStarts}
	var out []markRange
	last := 0
	for i := range fs {
		if len(out) == maxMarkedFindings {
			break
		}
		f := &fs[i]
		start := starts.offset(f.Line, f.Column)
		if start < bodyStart || start-bodyStart < last {
			continue // in the front matter, or overlaps the previous finding
		}
		end := ends.offset(f.EndLine, f.EndColumn)
		if end <= start {
			continue
		}
		out = append(out, markRange{start: start - bodyStart, end: end - bodyStart, n: i + 1, f: f})
		last = end - bodyStart
	}
	return out
}

// offsetCursor turns 1-based lines and columns (in characters) into byte
// offsets, going on from the last position asked for when it can.
type offsetCursor struct {
	file           []byte
	lineStarts     []int
	line, col, off int
}

func (c *offsetCursor) offset(line, col int) int {
	if line < 1 || line > len(c.lineStarts) || col < 1 {
		return -1
	}
	if line != c.line || col < c.col {
		c.line, c.col, c.off = line, 1, c.lineStarts[line-1]
	}
	for c.col < col && c.off < len(c.file) && c.file[c.off] != '\n' {
		_, size := utf8.DecodeRune(c.file[c.off:])
		c.off += size
		c.col++
	}
	return c.off
}

// findingMarker is the AST transformer that marks findings.
type findingMarker struct{}

func (findingMarker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	data, _ := pc.Get(markKey).(*markData)
	if data == nil {
		return
	}
	b := budgetOf(pc)
	src := reader.Source()
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 &&
		strings.TrimSpace(string(h.Lines().Value(src))) == strings.TrimSpace(data.title) {
		doc.RemoveChild(doc, h)
	}
	// The page's title is its one h1: another top-level heading of the
	// body becomes a section heading.
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			h.Level = 2
		}
	}
	if len(data.ranges) == 0 {
		return
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if b != nil {
			b.step()
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindAutoLink:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	m := &marking{ranges: data.ranges, lastPiece: map[int]*findingNode{}}
	for _, t := range texts {
		if m.pieces >= maxMarkPieces {
			break
		}
		m.markText(t)
	}
	data.marked = map[int]bool{}
	for n, piece := range m.lastPiece {
		piece.last = true
		data.marked[n] = true
	}
}

// marking is the state of marking one document's findings.
type marking struct {
	ranges    []markRange // sorted, not overlapping
	lastPiece map[int]*findingNode
	pieces    int
}

// markText splits t where findings start and end and wraps the covered
// pieces in findingNodes.
func (m *marking) markText(t *ast.Text) {
	seg := t.Segment
	var pieces []ast.Node
	pos := seg.Start
	// The ranges do not overlap, so their ends are sorted too: the first
	// that ends after the text starts is the first that may cover it.
	i, _ := slices.BinarySearchFunc(m.ranges, seg.Start, func(r markRange, start int) int {
		if r.end > start {
			return 1
		}
		return -1
	})
	for ; i < len(m.ranges) && m.ranges[i].start < seg.Stop && m.pieces < maxMarkPieces; i++ {
		r := &m.ranges[i]
		a, b := max(r.start, pos), min(r.end, seg.Stop)
		if a >= b {
			continue
		}
		if a > pos {
			pieces = append(pieces, ast.NewTextSegment(text.NewSegment(pos, a)))
		}
		_, seen := m.lastPiece[r.n]
		n := &findingNode{r: r, first: !seen}
		n.AppendChild(n, ast.NewTextSegment(text.NewSegment(a, b)))
		pieces = append(pieces, n)
		m.lastPiece[r.n] = n
		m.pieces++
		pos = b
	}
	if len(pieces) == 0 {
		return
	}
	if pos < seg.Stop {
		pieces = append(pieces, ast.NewTextSegment(text.NewSegment(pos, seg.Stop)))
	}
	end := pieces[len(pieces)-1]
	if n, ok := end.(*findingNode); ok {
		end = n.FirstChild()
	}
	if et, ok := end.(*ast.Text); ok {
		et.SetSoftLineBreak(t.SoftLineBreak())
		et.SetHardLineBreak(t.HardLineBreak())
	}
	parent := t.Parent()
	for _, p := range pieces {
		parent.InsertBefore(parent, t, p)
	}
	parent.RemoveChild(parent, t)
}

var kindFinding = ast.NewNodeKind("LintFinding")

// findingNode is a piece of text that a lint finding covers.
type findingNode struct {
	ast.BaseInline
	r           *markRange
	first, last bool
}

func (n *findingNode) Kind() ast.NodeKind { return kindFinding }

func (n *findingNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type findingRenderer struct{}

func (findingRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFinding, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*findingNode)
		f := n.r.f
		if entering {
			fmt.Fprintf(w, `<mark class="lint lint-%s sev-%s" data-finding="%d" title="%s"`,
				classWord(string(f.Category)), classWord(f.Severity.String()), n.r.n, html.EscapeString(f.Message))
			if n.first {
				fmt.Fprintf(w, ` id="finding-%d"`, n.r.n)
			}
			_, _ = w.WriteString(">")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("</mark>")
		if n.last {
			fmt.Fprintf(w, `<a class="lint-ref" href="#lint-%d" aria-label="lint.Finding %d: %s">%d</a>`, n.r.n, n.r.n, html.EscapeString(f.Message), n.r.n)
		}
		return ast.WalkContinue, nil
	})
}

// classWord keeps a value safe for a class name.
func classWord(s string) string {
	return strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
