package web

import (
	"bytes"
	"html/template"
	"net/http"
	"regexp"
	"strings"
	"sync"

	"github.com/debrief/debrief"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// docsMarkdown renders the guides: debrief's own trusted text, with tables,
// and without raw HTML all the same.
var docsMarkdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
})

// docName is the name of a guide: docs/NAME.md.
var docName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9-]*$`) })

// docLink rewrites links between the guides (kinds.md, docs/format.md) to
// their pages.
var docLink = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`href="(?:docs/)?([a-z][a-z0-9-]*)\.md(#[^"]*)?"`) })

type docView struct {
	Base
	HTML template.HTML
}

// docPage serves GET /docs/{name}: a guide of docs/, rendered.
func (s *Server) docPage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	src, err := debrief.Docs.ReadFile("docs/" + name + ".md")
	if !docName().MatchString(name) || err != nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "there is no guide called %q", name))
		return
	}
	var buf bytes.Buffer
	if err := docsMarkdown().Convert(src, &buf); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	title := name
	if line, _, ok := strings.Cut(string(src), "\n"); ok && strings.HasPrefix(line, "# ") {
		title = strings.TrimPrefix(line, "# ")
	}
	html := docLink().ReplaceAllString(buf.String(), `href="/docs/$1$2"`)
	s.pages.render(w, r, http.StatusOK, "doc", docView{Base: s.pages.base(r, title), HTML: template.HTML(html)})
}
