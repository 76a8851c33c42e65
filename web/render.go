package web

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"unicode"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
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
// Lint findings are marked in place (render_marks.go), and the work of a
// render is bounded (render_limits.go): the guards run before goldmark's
// own parsers and transformers.
var md = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Linkify),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithBlockParsers(util.Prioritized(nestingGuard{}, -1)),
			parser.WithInlineParsers(util.Prioritized(markGuard{}, -1)),
			parser.WithParagraphTransformers(util.Prioritized(paragraphGuard{}, -1)),
			parser.WithASTTransformers(util.Prioritized(findingMarker{}, 999)),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(findingRenderer{}, 500))),
	)
})

// renderedBody is a postmortem's body as HTML.
type renderedBody struct {
	HTML template.HTML
	// TooLarge says why the body could not be rendered in full, and is ""
	// when it was; HTML is then empty.
	TooLarge string
	// marked holds the numbers of the findings marked in place.
	marked map[int]bool
	// idProbes counts the ids tried for headings, for a test.
	idProbes int
}

// renderMarkdown renders pm's body with the findings fs (positions in file,
// pm's canonical file, sorted) marked in place, within lim. A first-level
// heading that repeats the title is left out: the page shows the title
// already.
func renderMarkdown(pm *debrief.Postmortem, file []byte, fs []lint.Finding, lim renderLimits) (out renderedBody) {
	body := []byte(pm.Body)
	b := newRenderBudget(lim)
	data := &markData{title: pm.Title, ranges: findingRanges(file, len(file)-len(body), fs)}
	ids := &sectionIDs{used: map[string]bool{}, next: map[string]int{}}
	ctx := parser.NewContext(parser.WithIDs(ids))
	ctx.Set(markKey, data)
	ctx.Set(budgetKey, b)
	defer func() {
		out.idProbes = ids.probes
		if v := recover(); v != nil {
			stop, ok := v.(renderStop)
			if !ok {
				panic(v)
			}
			out = renderedBody{TooLarge: stop.reason, idProbes: ids.probes}
		}
	}()
	doc := md().Parser().Parse(&budgetReader{Reader: text.NewReader(body), b: b}, parser.WithContext(ctx))
	var buf bytes.Buffer
	if err := md().Renderer().Render(&budgetWriter{w: &buf, b: b}, body, doc); err != nil {
		return renderedBody{TooLarge: err.Error()}
	}
	// goldmark escapes all text and drops raw HTML (no WithUnsafe).
	return renderedBody{HTML: template.HTML(buf.String()), marked: data.marked}
}

// sectionIDs gives headings ids prefixed with "s-", so that a heading
// never takes an id of the page around the body. Repeated headings get
// "-2", "-3" and so on; next remembers where to look for each one's next
// free number, so that n headings of the same text take n look-ups, not
// n²/2.
type sectionIDs struct {
	used   map[string]bool
	next   map[string]int
	probes int
}

// maxIDLength bounds an id made from a heading's text.
const maxIDLength = 64

func (s *sectionIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	b.WriteString("s-")
	dash := false
	for _, r := range strings.ToLower(string(value)) {
		if b.Len() >= maxIDLength {
			break
		}
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 2:
			b.WriteByte('-')
			dash = true
		}
	}
	base := strings.TrimRight(b.String(), "-")
	if base == "s" {
		base = "s-section"
	}
	id := base
	s.probes++
	if s.used[id] {
		i := max(s.next[base], 2)
		for ; ; i++ {
			id = fmt.Sprintf("%s-%d", base, i)
			s.probes++
			if !s.used[id] {
				break
			}
		}
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

func (s *sectionIDs) Put(value []byte) { s.used[string(value)] = true }
