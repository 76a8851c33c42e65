package web

import (
	"html"
	"strings"

	"github.com/debrief/debrief"
)

// snippetHTML renders a search snippet as escaped HTML with its matches in
// <mark>.
func snippetHTML(s debrief.Snippet) string {
	var b strings.Builder
	for _, p := range s {
		if p.Match {
			b.WriteString("<mark>" + html.EscapeString(p.Text) + "</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}
