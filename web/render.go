package web

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/debrief/debrief"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The body of a postmortem is rendered by goldmark with GitHub's tables,
// strikethrough, task lists and autolinks. Raw HTML in a postmortem is never
// passed through: without html.WithUnsafe, goldmark writes a comment in its
// place and drops dangerous link targets such as javascript:.
//
// Lint findings are marked in place: an AST transformer splits the text
// nodes that a finding covers and wraps the covered part in a <mark> that
// carries the finding's message and links to it in the findings list.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Linkify),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(findingMarker{}, 999)),
	),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(findingRenderer{}, 500))),
)

var markKey = parser.NewContextKey()

// markData is what the transformer needs of the document being rendered.
type markData struct {
	title  string
	ranges []markRange
}

// markRange is a finding's place in the body, in bytes.
type markRange struct {
	start, end int
	n          int // the finding's number in the list, from 1
	f          *Finding
}

// renderMarkdown renders pm's body with the findings fs (positions in file,
// pm's canonical file) marked in place. A first-level heading that repeats
// the title is left out: the page shows the title already.
func renderMarkdown(pm *debrief.Postmortem, file []byte, fs []Finding) template.HTML {
	body := []byte(pm.Body)
	data := &markData{title: pm.Title, ranges: findingRanges(file, len(file)-len(body), fs)}
	ctx := parser.NewContext(parser.WithIDs(&sectionIDs{used: map[string]bool{}}))
	ctx.Set(markKey, data)
	var buf bytes.Buffer
	if err := md.Convert(body, &buf, parser.WithContext(ctx)); err != nil {
		return template.HTML("<p>" + html.EscapeString(pm.Body) + "</p>")
	}
	// goldmark escapes all text and drops raw HTML (no WithUnsafe).
	return template.HTML(buf.String())
}

// findingRanges turns the findings' line and column positions in file into
// byte ranges of the body, which starts at bodyStart. Findings outside the
// body (in the front matter) and overlapping ones get no range; they are
// still listed.
func findingRanges(file []byte, bodyStart int, fs []Finding) []markRange {
	if len(fs) == 0 {
		return nil
	}
	lineStarts := []int{0}
	for i, c := range file {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	offset := func(line, col int) int {
		if line < 1 || line > len(lineStarts) || col < 1 {
			return -1
		}
		off := lineStarts[line-1]
		for range col - 1 {
			if off >= len(file) || file[off] == '\n' {
				break
			}
			_, size := utf8.DecodeRune(file[off:])
			off += size
		}
		return off
	}
	var out []markRange
	last := 0
	for i := range fs {
		f := &fs[i]
		start, end := offset(f.Line, f.Column), offset(f.EndLine, f.EndColumn)
		if start < bodyStart || end <= start {
			continue
		}
		start, end = start-bodyStart, end-bodyStart
		if start < last {
			continue // overlaps the previous finding
		}
		out = append(out, markRange{start: start, end: end, n: i + 1, f: f})
		last = end
	}
	return out
}

// findingMarker is the AST transformer that marks findings.
type findingMarker struct{}

func (findingMarker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	data, _ := pc.Get(markKey).(*markData)
	if data == nil {
		return
	}
	src := reader.Source()
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 &&
		strings.TrimSpace(string(h.Lines().Value(src))) == strings.TrimSpace(data.title) {
		doc.RemoveChild(doc, h)
	}
	if len(data.ranges) == 0 {
		return
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
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
	lastPiece := map[int]*findingNode{}
	firstSeen := map[int]bool{}
	for _, t := range texts {
		markText(t, data.ranges, lastPiece, firstSeen)
	}
	for _, n := range lastPiece {
		n.last = true
	}
}

// markText splits t where findings start and end and wraps the covered
// pieces in findingNodes.
func markText(t *ast.Text, ranges []markRange, lastPiece map[int]*findingNode, firstSeen map[int]bool) {
	seg := t.Segment
	var pieces []ast.Node
	pos := seg.Start
	for i := range ranges {
		r := &ranges[i]
		a, b := max(r.start, pos), min(r.end, seg.Stop)
		if a >= b {
			continue
		}
		if a > pos {
			pieces = append(pieces, ast.NewTextSegment(text.NewSegment(pos, a)))
		}
		m := &findingNode{r: r, first: !firstSeen[r.n]}
		firstSeen[r.n] = true
		m.AppendChild(m, ast.NewTextSegment(text.NewSegment(a, b)))
		pieces = append(pieces, m)
		lastPiece[r.n] = m
		pos = b
	}
	if len(pieces) == 0 {
		return
	}
	if pos < seg.Stop {
		pieces = append(pieces, ast.NewTextSegment(text.NewSegment(pos, seg.Stop)))
	}
	end := pieces[len(pieces)-1]
	if m, ok := end.(*findingNode); ok {
		end = m.FirstChild()
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
				classWord(f.Category), classWord(f.Severity), n.r.n, html.EscapeString(f.Message))
			if n.first {
				fmt.Fprintf(w, ` id="finding-%d"`, n.r.n)
			}
			_, _ = w.WriteString(">")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("</mark>")
		if n.last {
			fmt.Fprintf(w, `<a class="lint-ref" href="#lint-%d" aria-label="Finding %d: %s">%d</a>`, n.r.n, n.r.n, html.EscapeString(f.Message), n.r.n)
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

// sectionIDs gives headings ids prefixed with "s-", so that a heading
// never takes an id of the page around the body.
type sectionIDs struct{ used map[string]bool }

func (s *sectionIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	b.WriteString("s-")
	dash := false
	for _, r := range strings.ToLower(string(value)) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 2:
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimRight(b.String(), "-")
	if id == "s" {
		id = "s-section"
	}
	for i := 2; s.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", strings.TrimRight(b.String(), "-"), i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *sectionIDs) Put(value []byte) { s.used[string(value)] = true }
