package debrief

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Token is one word of a text: lower case, with its byte offsets in the
// text it came from.
type Token struct {
	Word       string
	Start, End int
}

// Sentence is a stretch of text that reads as one sentence, with its words.
type Sentence struct {
	Text   string
	Tokens []Token
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Tokens splits s into lower-case words of letters and digits. Words written
// in camel case are split where the case changes, so that an alert named
// "DispatchQueueLagHigh" reads as dispatch, queue, lag, high and
// "OOMKilled" as oom, killed.
func Tokens(s string) []Token {
	var out []Token
	start := -1
	var prev rune
	flush := func(end int) {
		if start >= 0 {
			out = append(out, Token{Word: lower(s[start:end]), Start: start, End: end})
			start = -1
		}
	}
	for i, r := range s {
		if !isWordRune(r) {
			flush(i)
			prev = r
			continue
		}
		if start >= 0 && unicode.IsUpper(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if unicode.IsLower(prev) || unicode.IsUpper(prev) && unicode.IsLower(next) {
				flush(i)
			}
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	flush(len(s))
	return out
}

// lower returns s in lower case, without a copy when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// Sentences splits text into sentences: at a full stop, question mark,
// exclamation mark or semicolon followed by a space, at a blank line, and
// before every list item, heading or table row, so that the lines of a
// timeline are sentences of their own.
func Sentences(text string) []Sentence {
	var out []Sentence
	emit := func(s string) {
		if toks := Tokens(s); len(toks) > 0 {
			out = append(out, Sentence{Text: s, Tokens: toks})
		}
	}
	// A paragraph is text[pstart:pend]: whole lines, newlines included.
	pstart, pend := 0, 0
	flushPara := func() {
		p := text[pstart:pend]
		pstart = pend
		start := 0
		for i := 0; i < len(p); i++ {
			switch p[i] {
			case '.', '!', '?', ';':
				// Markup or a closing bracket or quote may follow the
				// full stop before the space: "(detection).** The".
				j := i + 1
				for j < len(p) && strings.IndexByte("*_)]\"'`", p[j]) >= 0 {
					j++
				}
				if j == len(p) || p[j] == ' ' || p[j] == '\n' || p[j] == '\t' {
					emit(p[start:j])
					start = j
					i = j - 1
				}
			}
		}
		emit(p[start:])
	}
	for pend < len(text) {
		end := len(text)
		if i := strings.IndexByte(text[pend:], '\n'); i >= 0 {
			end = pend + i + 1
		}
		if t := strings.TrimSpace(text[pend:end]); t == "" || startsBlock(t) {
			flushPara()
		}
		pend = end
	}
	flushPara()
	return out
}

// startsBlock reports whether a trimmed line starts a list item, a heading,
// a table row or a code fence.
func startsBlock(t string) bool {
	switch t[0] {
	case '-', '*', '+':
		return len(t) == 1 || t[1] == ' '
	case '#', '|', '>', '`', '~':
		return true
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// MarkdownSection is the text under one heading of a Markdown body.
type MarkdownSection struct {
	// Heading is the heading's text; "" for the text before the first
	// heading.
	Heading string
	Level   int
	// Text is the Markdown from the line after the heading up to the next
	// heading of level one or two.
	Text string
}

// sectionParser reads the blocks of a body and no inline syntax: the
// sections need the headings' lines, not what is inside them. Reading the
// inline syntax too took an eighth of the time and a fifth of the
// allocations (BenchmarkSplitSections); TestSectionsWithoutInlines and its
// fuzz target check that the headings found are the same.
var sectionParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// SplitSections splits a Markdown body at its headings of level one and two. It
// reads the body as CommonMark does, so a line starting with # inside a
// fenced code block is code, not a heading.
func SplitSections(body string) []MarkdownSection {
	src := []byte(body)
	doc := sectionParser().Parse(text.NewReader(src))
	type head struct {
		title      string
		level      int
		start, end int // the heading's own line(s)
	}
	var heads []head
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level > 2 || h.Lines().Len() == 0 {
			continue
		}
		lines := h.Lines()
		first, last := lines.At(0), lines.At(lines.Len()-1)
		var title strings.Builder
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			title.Write(seg.Value(src))
		}
		start := strings.LastIndexByte(body[:first.Start], '\n') + 1
		end := len(body)
		if i := strings.IndexByte(body[last.Stop:], '\n'); i >= 0 {
			end = last.Stop + i + 1
		}
		if h.Lines().Len() > 0 && isSetext(body, end) {
			// A setext heading's underline belongs to the heading.
			if i := strings.IndexByte(body[end:], '\n'); i >= 0 {
				end += i + 1
			} else {
				end = len(body)
			}
		}
		heads = append(heads, head{strings.TrimSpace(title.String()), h.Level, start, end})
	}
	var out []MarkdownSection
	if len(heads) == 0 || heads[0].start > 0 {
		stop := len(body)
		if len(heads) > 0 {
			stop = heads[0].start
		}
		if strings.TrimSpace(body[:stop]) != "" {
			out = append(out, MarkdownSection{Text: body[:stop]})
		}
	}
	for i, h := range heads {
		stop := len(body)
		if i+1 < len(heads) {
			stop = heads[i+1].start
		}
		out = append(out, MarkdownSection{Heading: h.title, Level: h.level, Text: body[min(h.end, stop):stop]})
	}
	return out
}

// isSetext reports whether the line starting at i is a setext underline.
func isSetext(body string, i int) bool {
	if i >= len(body) {
		return false
	}
	line := body[i:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	t := strings.TrimSpace(line)
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "") && !strings.Contains(t, " ")
}

// BodySection returns the text under the heading title (of level one or
// two) of a Markdown body, up to the next heading of level one or two; ""
// when there is none.
func BodySection(body, title string) string {
	for _, s := range SplitSections(body) {
		if strings.EqualFold(s.Heading, title) {
			return s.Text
		}
	}
	return ""
}

// sentenced is a text part split into sentences once, for every reader of
// it: the kinds' signals, the model and the weighted words.
type sentenced struct {
	name   string
	weight float64
	sents  []Sentence
}

// splitParts splits the parts that carry weight into sentences.
func splitParts(parts []TextPart) []sentenced {
	out := make([]sentenced, 0, len(parts))
	for _, p := range parts {
		if p.Weight > 0 && p.Text != "" {
			out = append(out, sentenced{p.Name, p.Weight, Sentences(p.Text)})
		}
	}
	return out
}

// TextPart is a piece of a postmortem's text with the weight its words carry
// when debrief judges what kind of incident it was: what happened (title,
// trigger, factors, what was missing) weighs more than the timeline.
type TextPart struct {
	Name   string
	Text   string
	Weight float64
}

// sectionWeights weighs the body's sections by how much they say about the
// mechanism of the incident rather than its circumstances.
var sectionWeights = map[string]float64{
	"summary":                   2,
	"contributing factors":      2,
	"what was missing":          2,
	"what behaved unexpectedly": 2,
	"assumptions proven wrong":  2,
	"lessons":                   1.5,
	"lessons learned":           1.5,
	"trigger":                   2.5,
	"impact":                    0.7,
	"timeline":                  0.6,
	"on-call and paging":        0.4,
	"what went well":            0.4,
	"action items":              1,
}

// Part weights of the front matter's text.
const (
	weightTitlePart   = 3
	weightTriggerPart = 3
	weightFactorPart  = 2
	weightTagPart     = 1.5
	weightActionPart  = 1
	weightRiskPart    = 0.7
	weightOtherPart   = 1
)

// PostmortemText returns p's text in weighted parts: the front matter's
// prose and every section of the body.
func PostmortemText(p *Postmortem) []TextPart {
	parts := []TextPart{
		{"title", p.Title, weightTitlePart},
		{"trigger", p.Trigger, weightTriggerPart},
	}
	if len(p.Tags) > 0 {
		parts = append(parts, TextPart{"tags", strings.Join(p.Tags, ".\n"), weightTagPart})
	}
	for _, f := range p.ContributingFactors {
		parts = append(parts, TextPart{"contributing factor", f.Description, weightFactorPart})
	}
	for _, a := range p.ActionItems {
		parts = append(parts, TextPart{"action item", a.Title, weightActionPart})
	}
	for _, r := range p.AcceptedRisks {
		parts = append(parts, TextPart{"accepted risk", r.Risk + "\n\n" + r.Meanwhile, weightRiskPart})
	}
	for _, s := range SplitSections(p.Body) {
		name := strings.ToLower(strings.TrimSpace(s.Heading))
		w, ok := sectionWeights[name]
		if !ok {
			w = weightOtherPart
		}
		parts = append(parts, TextPart{"section " + s.Heading, s.Text, w})
	}
	return parts
}
