package lint

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Most paragraphs of a postmortem hold no trigger word: no rule reads their
// sentences, only the blame model. goldmark is spared the inline parsing of
// such a paragraph when it has no inline syntax at all (no emphasis, code,
// links, HTML, entities, escapes or typographic quotes): it becomes a
// quietBlock, a raw block for goldmark, whose lines are copied as they are,
// byte for byte what the full parse would give, and the trigger scan skips
// its sentences. A test checks that the findings are those of a full
// parse.

// quietBlock is a paragraph with no trigger word and no inline syntax, or
// one with so much inline syntax that parsing it would take far longer than
// reading it (dense: "*a_ *a_ *a_ …" over a megabyte makes goldmark's
// emphasis pass run for hours). A dense paragraph is read raw, markup and
// all, and its trigger words still send it to the rules.
type quietBlock struct {
	ast.BaseBlock
	dense bool
}

// maxInlineMarks is the number of bytes that may open inline syntax in a
// paragraph that is parsed; a paragraph with more is read raw. Real
// paragraphs hold a few dozen.
const maxInlineMarks = 2048

var kindQuiet = ast.NewNodeKind("DebriefQuietParagraph")

func (q *quietBlock) Kind() ast.NodeKind { return kindQuiet }

// IsRaw tells goldmark not to parse the block's inlines.
func (q *quietBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (q *quietBlock) Dump(src []byte, level int) { ast.DumpHelper(q, src, level, nil, nil) }

// quietTransformer replaces quiet paragraphs. It runs after the
// table and link-reference transformers.
type quietTransformer struct{}

func (quietTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	lines := node.Lines()
	if parent == nil || lines.Len() == 0 {
		return
	}
	src := reader.Source()
	// A paragraph closed by a setext underline becomes a heading; leave it
	// to goldmark.
	if line, _ := reader.PeekLine(); isUnderline(line) {
		return
	}
	dense := denseSyntax(src, lines)
	a := defaultAutomaton()
	st := int32(a.next[clsBoundary] >> 1)
	for i := 0; i < lines.Len() && !dense; i++ {
		seg := lines.At(i)
		line := src[seg.Start:seg.Stop]
		for k, c := range line {
			if inlineSyntax[c] && !plainDash(line[k:]) && !(c == '_' && intraword(line, k)) {
				return // inline syntax: leave it to goldmark
			}
			v := a.next[st<<classShift|int32(classOf[c])]
			if v&1 != 0 {
				return // a trigger word
			}
			st = int32(v >> 1)
		}
		st = int32(a.next[st<<classShift] >> 1) // the line break, a boundary (class 0)
	}
	b := &quietBlock{dense: dense}
	b.SetLines(lines)
	b.SetPos(node.Pos())
	parent.ReplaceChild(parent, node, b)
}

// denseSyntax reports whether a paragraph holds more than maxInlineMarks
// bytes that may open inline syntax. Only a paragraph longer than that is
// counted, so the common short paragraph costs one sum of line lengths.
func denseSyntax(src []byte, lines *text.Segments) bool {
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Stop - seg.Start
	}
	if size <= maxInlineMarks {
		return false
	}
	marks := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			if inlineSyntax[c] {
				marks++
			}
		}
	}
	return marks > maxInlineMarks
}

// inlineSyntax marks the bytes that may start inline syntax or text that
// the prose step rewrites: emphasis, code, links, images, HTML, table pipes, entities,
// escapes, and the lead bytes of typographic quotes and no-break spaces.
var inlineSyntax = func() (t [256]bool) {
	for _, c := range []byte("*_~`[]!<&\\|") {
		t[c] = true
	}
	t[0xE2], t[0xC2] = true, true
	return t
}()

// quietLines copies the lines of a quiet block as the Text nodes of a
// parsed paragraph would be copied.
func (w *walker) quietLines() {
	body := w.d.src[w.base:]
	for i := 0; i < w.lines.Len(); i++ {
		seg := w.lines.At(i)
		start, end := seg.Start, trimRight(body, seg.Start, seg.Stop)
		for start < end && (body[start] == ' ' || body[start] == '\t') {
			start++ // goldmark trims continuation lines when it closes a paragraph
		}
		w.copyText(w.base+start, w.base+end)
		if i < w.lines.Len()-1 {
			w.lineBreak(end)
		}
	}
}

// isUnderline reports whether a line is a setext heading underline.
func isUnderline(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '=' && line[i] != '-' {
		return false
	}
	c := line[i]
	for i < len(line) && line[i] == c {
		i++
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r') {
		i++
	}
	return i == len(line)
}

// plainDash reports whether b starts with a multi-byte character that the
// prose step copies as it is, such as a dash, rather than a typographic
// quote or a no-break space.
func plainDash(b []byte) bool {
	switch {
	case b[0] == 0xE2:
		return len(b) > 2 && b[1] == 0x80 && b[2] != 0x98 && b[2] != 0x99 && b[2] != 0x9C && b[2] != 0x9D
	case b[0] == 0xC2:
		return len(b) > 1 && b[1] != 0xA0
	}
	return false
}

// intraword reports whether the underscore at k joins two letters or
// digits, as in max_connections; such an underscore is text.
func intraword(line []byte, k int) bool {
	return k > 0 && k+1 < len(line) && isAlnum(line[k-1]) && isAlnum(line[k+1]) && line[k-1] != '_' && line[k+1] != '_'
}
