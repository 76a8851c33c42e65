package web

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Any editor can store a body of up to 512 KiB, and every reader's page
// renders it, so rendering is bounded. Some Markdown makes goldmark work
// in proportion to the square of its size or more (emphasis marks that
// never match, link destinations that never close, deep block quotes,
// thousands of link definitions, a wide table with many rows), and some
// makes HTML many times its size (findings marked in place across many
// pieces of text). So a render stops, and the page says that the body is
// too large to show in full and links to its Markdown file, when:
//
//   - it takes longer than renderLimits.Time, checked at every line, every
//     inline mark, and every write of HTML;
//   - its HTML would be longer than renderLimits.Output;
//   - a paragraph has more than maxDelimiters emphasis or link marks, the
//     blocks nest deeper than maxNesting, a paragraph holds more than
//     maxLinkDefinitions link definitions, or a table would have more
//     cells than maxTableCells and than its bytes: the shapes whose cost
//     grows faster than their size, refused before goldmark spends it;
//   - reading link destinations would take more than maxLinkScan bytes.
//
// Findings are marked in place for the first maxMarkedFindings of them,
// in at most maxMarkPieces pieces of text; the findings list says how many
// more there are.
type renderLimits struct {
	Time   time.Duration
	Output int
}

var defaultRenderLimits = renderLimits{Time: 2 * time.Second, Output: 4 << 20}

const (
	maxDelimiters      = 10_000
	maxNesting         = 64
	maxLinkDefinitions = 2_000
	maxTableCells      = 10_000
	maxLinkScan        = 16 << 20
	maxMarkedFindings  = 100
	maxMarkPieces      = 2_000
)

var budgetKey = parser.NewContextKey()

// renderBudget is one render's allowance. When it runs out it panics with
// renderStop, since goldmark offers no other way to stop a parse, and
// renderMarkdown recovers.
type renderBudget struct {
	limits   renderLimits
	deadline time.Time
	steps    int
	written  int

	// Marks counted in the paragraph being parsed.
	paragraph ast.Node
	marks     int
	// linkScan counts the bytes read for link destinations.
	linkScan int
}

// renderStop is why a render stopped.
type renderStop struct{ reason string }

func newRenderBudget(l renderLimits) *renderBudget {
	return &renderBudget{limits: l, deadline: time.Now().Add(l.Time)}
}

func (b *renderBudget) stop(format string, args ...any) {
	panic(renderStop{fmt.Sprintf(format, args...)})
}

// step counts a unit of work and stops the render once it is past its
// time.
func (b *renderBudget) step() {
	b.steps++
	if b.steps%16 == 0 && time.Now().After(b.deadline) {
		b.stop("it takes longer than %v to render", b.limits.Time)
	}
}

func budgetOf(pc parser.Context) *renderBudget {
	b, _ := pc.Get(budgetKey).(*renderBudget)
	return b
}

// budgetReader is the document's reader, counting a step at every line
// and indentation goldmark reads, which is where deep nesting spends.
type budgetReader struct {
	text.Reader
	b *renderBudget
}

func (r *budgetReader) PeekLine() ([]byte, text.Segment) {
	r.b.step()
	return r.Reader.PeekLine()
}

func (r *budgetReader) LineOffset() int {
	r.b.step()
	return r.Reader.LineOffset()
}

// nestingGuard is a block parser that opens nothing: goldmark asks it
// first whenever a line may open a container block, and it stops the
// render when the blocks nest too deep.
type nestingGuard struct{}

func (nestingGuard) Trigger() []byte {
	return []byte{'>', '-', '+', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}
}

func (nestingGuard) Open(_ ast.Node, _ text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if b := budgetOf(pc); b != nil {
		b.step()
		// The blocks open now, and the one this line may open.
		if len(pc.OpenedBlocks())+1 > maxNesting {
			b.stop("its lists or quotes nest more than %d deep", maxNesting)
		}
	}
	return nil, parser.NoChildren
}

func (nestingGuard) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (nestingGuard) Close(ast.Node, text.Reader, parser.Context)                 {}
func (nestingGuard) CanInterruptParagraph() bool                                 { return true }
func (nestingGuard) CanAcceptIndentedLine() bool                                 { return true }

// markGuard is an inline parser that parses nothing: goldmark asks it
// first at every character that may start an inline element, and it
// counts a step, and the emphasis and link marks of each paragraph.
type markGuard struct{}

// inlineTriggers are the characters of every inline parser that md uses
// (a test checks): markGuard must never add one, or it would change how
// text is split.
var inlineTriggers = []byte{' ', '*', '_', '~', '(', '!', '[', ']', '<', '`'}

func (markGuard) Trigger() []byte { return inlineTriggers }

func (markGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	b := budgetOf(pc)
	if b == nil {
		return nil
	}
	b.step()
	line, _ := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	switch line[0] {
	case '*', '_', '~', '[', ']', '!':
		if parent != b.paragraph {
			b.paragraph, b.marks = parent, 0
		}
		if b.marks++; b.marks > maxDelimiters {
			b.stop("a paragraph has more than %d emphasis or link marks", maxDelimiters)
		}
	}
	// At "](" goldmark reads a link's destination to its end, which may be
	// the end of a very long line, every time.
	if line[0] == ']' && len(line) > 1 && line[1] == '(' {
		if b.linkScan += destinationLength(line[2:], maxLinkScan-b.linkScan+1); b.linkScan > maxLinkScan {
			b.stop("its links would take too long to read")
		}
	}
	return nil
}

// destinationLength is how much of s goldmark reads for a link
// destination, up to limit: to the closing '>' of "<…>", or else to the
// first space, control character or unbalanced ')'.
func destinationLength(s []byte, limit int) int {
	s = s[:min(len(s), limit)]
	if len(s) > 0 && s[0] == '<' {
		if i := bytes.IndexAny(s, ">\n"); i >= 0 {
			return i + 1
		}
		return len(s)
	}
	depth := 0
	for i, c := range s {
		switch {
		case c <= ' ':
			return i + 1
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return i + 1
			}
			depth--
		}
	}
	return len(s)
}

// paragraphGuard is a paragraph transformer that runs before goldmark's
// own (link definitions, tables) and stops the render when one of them
// would cost too much.
type paragraphGuard struct{}

func (paragraphGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	b := budgetOf(pc)
	if b == nil {
		return
	}
	b.step()
	src := reader.Source()
	lines := node.Lines()
	n := lines.Len()
	defs, cells, size := 0, 0, 0
	for i := range n {
		seg := lines.At(i)
		size += seg.Len()
		trimmed := bytes.TrimLeft(seg.Value(src), " \t")
		if len(trimmed) > 0 && trimmed[0] == '[' && bytes.Contains(trimmed, []byte("]:")) {
			defs++
		}
		if i > 0 && delimiterRow(trimmed) {
			cells = max(cells, (bytes.Count(trimmed, []byte("|"))+1)*(n-i+1))
		}
	}
	if defs > maxLinkDefinitions {
		b.stop("a paragraph has more than %d link definitions", maxLinkDefinitions)
	}
	// A table's rows get as many cells as its header, however short they
	// are: a wide header over many short rows makes many more cells than
	// bytes.
	if cells > max(maxTableCells, size) {
		b.stop("a table would have more than %d cells", max(maxTableCells, size))
	}
}

// delimiterRow reports whether line may be a table's delimiter row, such
// as "| --- | :-: |".
func delimiterRow(line []byte) bool {
	dash := false
	for _, c := range bytes.TrimRight(line, " \t\r\n") {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// budgetWriter takes the rendered HTML, stopping the render once it is
// longer than the budget allows or past its time.
type budgetWriter struct {
	w io.Writer
	b *renderBudget
}

func (w *budgetWriter) Write(p []byte) (int, error) {
	w.b.step()
	if w.b.written += len(p); w.b.written > w.b.limits.Output {
		w.b.stop("its HTML would be more than %s", sizeText(int64(w.b.limits.Output)))
	}
	return w.w.Write(p)
}
