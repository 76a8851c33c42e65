package lint

import (
	"bytes"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// doc is one file cut into prose: text holds the sentences' characters with
// Markdown syntax, code and comments taken out, and runs map every byte of
// text back to its offset in src, so that findings point into the file.
type doc struct {
	src   []byte
	text  []byte
	runs  []srcRun
	sents []sent
	heads []heading
	dirs  []directive
	// body is the source offset where the Markdown body starts, after any
	// front matter.
	body     int
	lines    []int32 // source offset of the start of each line
	posCache posCache
}

// sentFlag says where a sentence stands.
type sentFlag uint8

const (
	sQuote   sentFlag = 1 << iota // inside a block quote
	sHeading                      // a heading's text
	sList                         // a list item
	sTable                        // a table cell
	sQuiet                        // a quiet paragraph's: it holds no trigger word
)

// sent is one sentence: a range of doc.text.
type sent struct {
	start, end int32
	flags      sentFlag
	// head is the index in doc.heads of the heading it sits under, or -1.
	head int32
}

// heading is a Markdown heading and what its section holds.
type heading struct {
	level     int
	title     string // lower case, trimmed, without trailing punctuation
	off       int    // source offset of the heading line
	content   bool   // some block other than comments follows before the next heading
	items     int    // list items in the section, nested ones included
	firstSent int    // index of the first sentence after the heading
}

// seg is a range of source bytes.
type seg struct{ start, end int }

// mdParser reads the body with the syntax the web app renders: CommonMark
// with GitHub's tables, strikethrough and task lists. Bare URLs are left to
// the prose step, which is much cheaper than goldmark's Linkify. Paragraphs
// that can hold no finding are kept raw (quiet.go), which spares most of the
// inline parsing.
var mdParser = sync.OnceValue(func() parser.Parser { return newParser(true) })

func newParser(quiet bool) parser.Parser {
	pts := []util.PrioritizedValue{util.Prioritized(linkRefs{}, 100)}
	if quiet {
		pts = append(pts, util.Prioritized(quietTransformer{}, 1000))
	}
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(pts...),
	)
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
}

// linkRefs runs goldmark's link reference definition transformer on the
// paragraphs that can hold one, those that start with "[", and spares the
// others its reader.
type linkRefs struct{}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if lines := node.Lines(); lines.Len() > 0 {
		first := lines.At(0)
		line := first.Value(reader.Source())
		for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			line = line[1:]
		}
		if len(line) > 0 && line[0] == '[' {
			parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
		}
	}
}

// segment cuts src into prose. body is where the Markdown starts; before it,
// each of extra (front matter values, in file order) is a paragraph of its
// own, copied as plain text.
func segment(src []byte, body int, extra ...seg) *doc {
	return segmentWith(mdParser(), src, body, extra...)
}

// segmentWith is segment with a given parser.
func segmentWith(p parser.Parser, src []byte, body int, extra ...seg) *doc {
	return segmentWithParts(p, max(runtime.GOMAXPROCS(0), (len(src)-body)/pieceSize), src, body, extra...)
}

// pieceSize is the size of the pieces a long body is parsed in. goldmark's
// tree of a piece takes about ten times the piece's size; a piece's tree is
// garbage once walked, so that parsing in pieces keeps the memory in use,
// and the pages the process must fault in, small.
const pieceSize = 64 << 10

// segmentWithParts is segmentWith that parses the body in at most parts
// pieces, as many at once as there are processors.
func segmentWithParts(p parser.Parser, parts int, src []byte, body int, extra ...seg) *doc {
	d := &doc{src: src, body: body}
	n := len(src)
	d.text = make([]byte, 0, n-body+64)
	d.runs = make([]srcRun, 0, (n-body)/16+16)
	d.sents = make([]sent, 0, (n-body)/80+16)
	d.lines = lineStarts(src)
	w := walker{d: d, head: -1, base: body}
	for _, e := range extra {
		if e.start < e.end {
			start := len(d.text)
			w.copyText(e.start, e.end)
			splitSentences(d, int32(start), int32(len(d.text)), 0, -1)
			d.sep(e.end)
		}
	}
	if body >= n {
		return d
	}
	md := defuse(src[body:])
	cuts := splitBody(md, parts)
	if len(cuts) == 2 {
		w.blocks(p.Parse(text.NewReader(md)), 0)
		return d
	}
	// The pieces are parsed in parallel, by one goroutine per processor
	// whose stack grows once, and walked in order. A piece is handed out
	// only when fewer than ahead pieces wait to be walked, so that few
	// trees are alive at once.
	workers := min(runtime.GOMAXPROCS(0), len(cuts)-1)
	ahead := workers + 1
	roots := make([]chan ast.Node, len(cuts)-1)
	for k := range roots {
		roots[k] = make(chan ast.Node, 1)
	}
	todo := make(chan int, ahead)
	for range workers {
		go func() {
			for k := range todo {
				roots[k] <- p.Parse(text.NewReader(md[cuts[k]:cuts[k+1]]))
			}
		}()
	}
	next := 0
	for ; next < min(ahead, len(roots)); next++ {
		todo <- next
	}
	for k := range roots {
		w.base = body + cuts[k]
		w.blocks(<-roots[k], 0)
		if next < len(roots) {
			todo <- next
			next++
		}
	}
	close(todo)
	return d
}

// minSplit is the size of body below which it is parsed in one piece.
const minSplit = 64 << 10

// splitBody returns where to cut body into at most parts pieces that
// goldmark can parse apart, each piece from one cut to the next: before a
// top-level ATX heading that follows a blank line, outside fenced code and
// raw HTML. Such a heading closes every open block. A body with a link
// reference definition, which a link in another piece may use, is not cut.
func splitBody(body []byte, parts int) []int {
	cuts := []int{0}
	if parts < 2 || len(body) < minSplit || hasLinkRefDef(body) {
		return append(cuts, len(body))
	}
	var candidates []int
	var fence byte
	fenceLen := 0
	blank, inComment := true, false
	rawEnd := "" // the end of an open raw HTML block, or ""
	for ls := 0; ls < len(body); {
		le := bytes.IndexByte(body[ls:], '\n')
		if le < 0 {
			le = len(body)
		} else {
			le += ls
		}
		line := body[ls:le]
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case fence != 0:
			if len(line)-len(trimmed) < 4 && isFenceClose(trimmed, fence, fenceLen) {
				fence = 0
			}
		case inComment:
			inComment = !bytes.Contains(line, []byte("-->"))
		case rawEnd != "":
			if bytes.Contains(bytes.ToLower(line), []byte(rawEnd)) {
				rawEnd = ""
			}
		default:
			if len(line)-len(trimmed) < 4 {
				if c, n := fenceOpen(trimmed); n > 0 {
					fence, fenceLen = c, n
				} else if bytes.HasPrefix(trimmed, []byte("<!--")) {
					inComment = !bytes.Contains(trimmed[4:], []byte("-->"))
				} else if end := rawHTMLBlockEnd(trimmed); end != "" {
					if !bytes.Contains(bytes.ToLower(trimmed[1:]), []byte(end)) {
						rawEnd = end
					}
				} else if blank && len(line) > 1 && line[0] == '#' && (line[1] == ' ' || line[1] == '#') && ls > 0 {
					candidates = append(candidates, ls)
				}
			}
		}
		blank = len(bytes.TrimSpace(line)) == 0 && fence == 0
		ls = le + 1
	}
	// The candidates nearest to even shares of the body.
	for k := 1; k < parts && len(candidates) > 0; k++ {
		want := len(body) * k / parts
		best := -1
		for _, c := range candidates {
			if c > cuts[len(cuts)-1] && (best < 0 || abs(c-want) < abs(best-want)) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		cuts = append(cuts, best)
	}
	return append(cuts, len(body))
}

// rawHTMLBlockEnd returns what ends an HTML block that line opens and that
// may hold blank lines (CommonMark's types 1 and 3 to 5), or "".
func rawHTMLBlockEnd(line []byte) string {
	if len(line) < 2 || line[0] != '<' {
		return ""
	}
	l := bytes.ToLower(line)
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if bytes.HasPrefix(l, []byte("<"+tag)) && len(l) > len(tag)+1 && (l[len(tag)+1] == '>' || l[len(tag)+1] == ' ' || l[len(tag)+1] == '\t') {
			return "</" + tag + ">"
		}
	}
	switch {
	case bytes.HasPrefix(l, []byte("<![cdata[")):
		return "]]>"
	case bytes.HasPrefix(l, []byte("<?")):
		return "?>"
	case len(l) > 2 && l[0] == '<' && l[1] == '!' && l[2] >= 'a' && l[2] <= 'z':
		return ">"
	}
	return ""
}

// hasLinkRefDef reports whether a line of body looks like a link reference
// definition: "[label]: …" indented by up to three spaces.
func hasLinkRefDef(body []byte) bool {
	for ls := 0; ls < len(body); {
		i := ls
		for i < len(body) && i < ls+3 && body[i] == ' ' {
			i++
		}
		if i < len(body) && body[i] == '[' {
			j := i + 1
			for j < len(body) && body[j] != ']' && body[j] != '\n' {
				j++
			}
			if j > i+1 && j+1 < len(body) && body[j] == ']' && body[j+1] == ':' {
				return true
			}
		}
		le := bytes.IndexByte(body[ls:], '\n')
		if le < 0 {
			break
		}
		ls += le + 1
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isFenceClose(b []byte, c byte, n int) bool {
	k := 0
	for k < len(b) && b[k] == c {
		k++
	}
	return k >= n && len(bytes.TrimRight(b[k:], " \t\r")) == 0
}

func fenceOpen(b []byte) (byte, int) {
	if len(b) < 3 || (b[0] != '`' && b[0] != '~') {
		return 0, 0
	}
	c := b[0]
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	if n < 3 || c == '`' && bytes.IndexByte(b[n:], '`') >= 0 {
		return 0, 0
	}
	return c, n
}

// Limits on the Markdown shapes that make goldmark's parser super-linear.
const (
	maxNesting      = 32  // block quote and list markers at the start of a line
	maxParaBrackets = 256 // opening brackets in one paragraph
)

// defuse returns body, or a copy of it in which the syntax of hostile
// shapes is blanked out: markers nested deeper than maxNesting on a line,
// and the brackets of a paragraph that holds more than maxParaBrackets.
// Offsets do not change, so positions stay exact; no real postmortem comes
// near either limit.
func defuse(body []byte) []byte {
	out := body
	blank := func(i int) {
		if &out[0] == &body[0] {
			out = bytes.Clone(body)
		}
		out[i] = ' '
	}
	para, brackets := 0, 0
	flush := func(end int) {
		if brackets > maxParaBrackets {
			for i := para; i < end; i++ {
				if out[i] == '[' {
					blank(i)
				}
			}
		}
	}
	for ls := 0; ls < len(body); {
		le := bytes.IndexByte(body[ls:], '\n')
		if le < 0 {
			le = len(body)
		} else {
			le += ls
		}
		line := body[ls:le]
		if len(bytes.TrimSpace(line)) == 0 {
			flush(ls)
			para, brackets = le, 0
		}
		brackets += bytes.Count(line, []byte("["))
		depth := 0
		for i := 0; i < len(line); {
			switch c := line[i]; {
			case c == ' ' || c == '\t':
				i++
				continue
			case c == '>' || (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
				depth++
				if depth > maxNesting {
					blank(ls + i)
				}
				i++
				continue
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && j < i+9 && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ') {
					depth++
					if depth > maxNesting {
						blank(ls + j)
					}
					i = j + 1
					continue
				}
			}
			break
		}
		ls = le + 1
	}
	flush(len(body))
	return out
}

func lineStarts(src []byte) []int32 {
	ls := make([]int32, 1, len(src)/40+2)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		ls = append(ls, int32(i))
	}
	return ls
}

// walker turns goldmark's tree into the doc's prose. goldmark's offsets
// are relative to the body, which starts at base in the file.
type walker struct {
	d    *doc
	base int
	head int32
	// lines are the source lines of the block whose inlines are being
	// copied, for line breaks and for where inline code or an image ends.
	lines *text.Segments
}

// blocks walks the children of a block node.
func (w *walker) blocks(n ast.Node, f sentFlag) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, f)
	}
}

func (w *walker) block(n ast.Node, f sentFlag) {
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n, f)
	case *ast.Paragraph, *ast.TextBlock, *quietBlock:
		w.markContent()
		if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem && n.PreviousSibling() == nil {
			f |= sList
		}
		w.prose(n, f)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.markContent()
	case *ast.HTMLBlock:
		if n.HTMLBlockType == ast.HTMLBlockType2 {
			w.comment(n)
			return
		}
		w.markContent()
	case *ast.ListItem:
		w.markContent()
		if w.head >= 0 {
			w.d.heads[w.head].items++
		}
		w.blocks(n, f)
	case *ast.Blockquote:
		w.blocks(n, f|sQuote)
	case *extast.TableCell:
		w.markContent()
		w.prose(n, f|sTable)
	default:
		w.blocks(n, f)
	}
}

func (w *walker) markContent() {
	if w.head >= 0 {
		w.d.heads[w.head].content = true
	}
}

// prose copies a block's inlines to the text and cuts them into sentences.
func (w *walker) prose(n ast.Node, f sentFlag) {
	d := w.d
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := len(d.text)
	w.lines = lines
	if q, ok := n.(*quietBlock); ok {
		w.quietLines()
		if !q.dense {
			f |= sQuiet
		}
	} else {
		w.inlines(n)
	}
	splitSentences(d, int32(start), int32(len(d.text)), f, w.head)
	last := lines.At(lines.Len() - 1)
	d.sep(w.base + trimRight(w.d.src[w.base:], last.Start, last.Stop))
}

func (w *walker) heading(n *ast.Heading, f sentFlag) {
	d := w.d
	src := d.src
	// An ATX heading is found at the start of its line, a setext heading at
	// its first character; the separator after it goes at the end of its
	// last line, the underline for a setext heading.
	// Inside a container, goldmark's positions count a tab as the columns
	// it expands to, so they can pass the end of the source.
	off := min(w.base+n.Pos(), len(src))
	lines := n.Lines()
	var le int
	if lines.Len() > 0 && lines.At(0).Start == n.Pos() { // setext
		last := min(w.base+lines.At(lines.Len()-1).Stop, len(src))
		if last > 0 && src[last-1] == '\n' {
			last--
		}
		le = lineEndAt(src, min(lineEndAt(src, last)+1, len(src)))
	} else {
		for off > 0 && src[off-1] != '\n' {
			off--
		}
		le = lineEndAt(src, off)
	}
	start := len(d.text)
	if lines.Len() > 0 {
		w.lines = lines
		w.inlines(n)
	}
	end := len(d.text)
	d.heads = append(d.heads, heading{level: n.Level, title: normTitle(d.text[start:end]), off: off, firstSent: len(d.sents)})
	w.head = int32(len(d.heads) - 1)
	if end > start {
		d.sents = append(d.sents, sent{int32(start), int32(end), f | sHeading, w.head})
	}
	d.heads[w.head].firstSent = len(d.sents)
	d.sep(le)
}

// lineEndAt returns the offset of the end of the line holding off, before
// any carriage return.
func lineEndAt(src []byte, off int) int {
	e := off
	for e < len(src) && src[e] != '\n' {
		e++
	}
	if e > off && src[e-1] == '\r' {
		e--
	}
	return e
}

// comment records an HTML comment block, which may hold a directive.
func (w *walker) comment(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	body := w.d.src[w.base:]
	start := lines.At(0).Start
	stop := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() {
		stop = n.ClosureLine.Stop
	}
	end := stop
	if i := bytes.Index(body[start:stop], []byte("-->")); i >= 0 {
		end = start + i + 3
	} else {
		end = trimRight(body, start, stop)
		for end > start && (body[end-1] == '\n' || body[end-1] == '\r') {
			end--
		}
	}
	w.d.addComment(w.base+start, w.base+end)
}

// sep ends a block in text with a newline, which no sentence, trigger or
// token crosses.
func (d *doc) sep(at int) { d.putByte('\n', int32(at), 1) }

func trimRight(src []byte, start, end int) int {
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	return end
}

// normTitle lower-cases a heading and trims spaces and closing punctuation.
func normTitle(b []byte) string {
	b = bytes.TrimSpace(b)
	b = bytes.TrimRight(b, ":.?! ")
	return string(bytes.ToLower(b))
}
