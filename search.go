package debrief

import (
	"strings"
	"unicode"
)

// Snippet is a short extract of a postmortem around what a search matched,
// as parts of plain text, some of them marked as matches. Adapters escape
// each part for their medium and highlight the matches (<mark> in HTML).
type Snippet []SnippetPart

// SnippetPart is a run of text, a match of the search or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// The markers the stores put around matches in the snippets they compute;
// characters of Unicode's private use area, which postmortems do not hold
// (ParseSnippet drops any that do).
const (
	MatchStart = "\uE000"
	MatchEnd   = "\uE001"
)

// ParseSnippet splits a string with MatchStart and MatchEnd markers into
// parts. Unbalanced markers never fail: text after a stray start is a match
// up to the end.
func ParseSnippet(s string) Snippet {
	var out Snippet
	match := false
	for s != "" {
		marker := MatchStart
		if match {
			marker = MatchEnd
		}
		i := strings.Index(s, marker)
		text := s
		if i >= 0 {
			text, s = s[:i], s[i+len(marker):]
		} else {
			s = ""
		}
		text = strings.NewReplacer(MatchStart, "", MatchEnd, "").Replace(text)
		if text != "" {
			out = append(out, SnippetPart{Text: text, Match: match})
		}
		if i >= 0 {
			match = !match
		}
	}
	return out
}

// String returns the snippet's plain text.
func (s Snippet) String() string {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Marked returns the snippet's text with the matches between open and close,
// such as "**" and "**".
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	for _, p := range s {
		if p.Match {
			b.WriteString(open + p.Text + close)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// Words splits text into the words a search matches: runs of letters and
// digits, lower case. The stores use it to build their full-text queries, so
// that a search never passes operator characters to the database.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// SearchFields are the texts of a postmortem that full-text search indexes
// besides its title and body: the trigger, the contributing factors, the
// action items and the tags, each as one string.
func (p *Postmortem) SearchFields() (trigger, factors, actions, tags string) {
	var f, a []string
	for _, c := range p.ContributingFactors {
		f = append(f, c.Category+": "+c.Description)
	}
	for _, i := range p.ActionItems {
		a = append(a, i.Title)
	}
	return p.Trigger, strings.Join(f, "\n"), strings.Join(a, "\n"), strings.Join(p.Tags, " ")
}
