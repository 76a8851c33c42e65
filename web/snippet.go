package web

import (
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/debrief/debrief"
)

// snippetHTML renders a search snippet as escaped HTML with its matches in
// <mark>, its Markdown syntax read as a reader would see it.
func snippetHTML(s debrief.Snippet) string {
	var b strings.Builder
	for _, p := range plainSnippet(s) {
		if p.Match {
			b.WriteString("<mark>" + html.EscapeString(p.Text) + "</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}

var (
	// markdownLink is the address part of a link or an image, "](…)".
	markdownLink = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\]\([^)\s]*\)`) })
	// markdownLineStart is a heading's hashes, a quote's >, or a list's
	// bullet at the start of a line of the snippet.
	markdownLineStart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)(^|\n)[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)`)
	})
	// markdownEmphasis is code and emphasis markers: backticks, and runs of
	// * or _ that touch a word.
	markdownEmphasis = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("`+|\\*{1,3}|(?:^|\\b|\\s)_{1,3}|_{1,3}(?:\\b|\\s|$)|!\\[|\\[")
	})
)

// plainSnippet returns the snippet with the Markdown syntax of its text
// left out: link addresses, heading and list markers, code and emphasis
// markers. Matches stay matches.
func plainSnippet(s debrief.Snippet) debrief.Snippet {
	out := make(debrief.Snippet, 0, len(s))
	for _, p := range s {
		if !p.Match {
			t := markdownLink().ReplaceAllString(p.Text, "")
			t = markdownLineStart().ReplaceAllString(t, "$1")
			t = markdownEmphasis().ReplaceAllStringFunc(t, func(m string) string {
				// Keep the space an underscore run was found beside.
				return strings.Trim(m, "`*_![")
			})
			p.Text = strings.ReplaceAll(t, "\n", " ")
		}
		out = append(out, p)
	}
	return out
}
