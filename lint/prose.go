package lint

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// placeholder stands in text for inline code, a URL or an image: a word that
// is no one, so that "the `deploy` job failed to" keeps its shape.
const placeholder = 0x1a

// inlines copies the inline children of n to the text: the words of text,
// emphasis and links, a placeholder for code, images and URLs, nothing for
// inline HTML; comments are kept for the directives they may hold.
func (w *walker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *walker) inline(n ast.Node) {
	body := w.d.src[w.base:]
	switch n := n.(type) {
	case *ast.Text:
		s := n.Segment
		w.copyText(w.base+s.Start, w.base+s.Stop)
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.lineBreak(s.Stop)
		}
	case *ast.CodeSpan:
		start, end := n.Pos(), n.Pos()
		if last, ok := n.LastChild().(*ast.Text); ok {
			end = last.Segment.Stop
		}
		for end < len(body) && body[end] == '`' {
			end++
		}
		w.hold(start, end)
	case *ast.Image, *ast.AutoLink:
		w.hold(n.Pos(), w.inlineEnd(n))
	case *ast.RawHTML:
		if segs := n.Segments; segs.Len() > 0 {
			a, b := segs.At(0).Start, segs.At(segs.Len()-1).Stop
			switch {
			case bytes.HasPrefix(body[a:b], []byte("<!--")):
				w.d.addComment(w.base+a, w.base+b)
			case isNick(body[a:b]):
				// "<marco> forgot to drain the node": a chat log's speaker,
				// not an HTML element. It is written as "marco:", the
				// way a speaker is labelled elsewhere.
				w.copyText(w.base+a+1, w.base+b-1)
				w.d.putByte(':', int32(w.base+b-1), 1)
			}
		}
	case *extast.TaskCheckBox:
	default:
		w.inlines(n)
	}
}

// inlineEnd returns where an inline node that has no segment of its own
// ends: where the next one starts, or at the end of its line.
func (w *walker) inlineEnd(n ast.Node) int {
	pos := n.Pos()
	end := -1
	for i := 0; i < w.lines.Len(); i++ {
		if l := w.lines.At(i); l.Start <= pos && pos < l.Stop {
			end = trimRight(w.d.src[w.base:], pos, l.Stop)
			break
		}
	}
	if next := n.NextSibling(); next != nil {
		at := next.Pos()
		if t, ok := next.(*ast.Text); ok {
			at = t.Segment.Start
		}
		if at > pos && (end < 0 || at < end) {
			end = at
		}
	}
	return max(end, pos+1)
}

// hold puts a placeholder for the body bytes [start, end).
func (w *walker) hold(start, end int) {
	w.d.putByte(placeholder, int32(w.base+start), int32(end-start))
}

// lineBreak ends a line of a paragraph at body offset at: a space, or a
// newline, which ends the sentence, when the next line starts with a time
// (a timeline entry).
func (w *walker) lineBreak(at int) {
	sep := byte(' ')
	body := w.d.src[w.base:]
	for i := 0; i < w.lines.Len(); i++ {
		if l := w.lines.At(i); l.Start > at {
			if startsWithTime(body[l.Start:l.Stop]) {
				sep = '\n'
			}
			break
		}
	}
	w.d.putByte(sep, int32(w.base+at), 1)
}

// special marks the bytes that copyText does not copy as they are.
var special = func() (t [256]bool) {
	for _, c := range []byte("\\&\thH\n\r") {
		t[c] = true
	}
	t[0xE2], t[0xC2] = true, true
	return t
}()

// copyText copies the source bytes [start, end) of text to the doc:
// backslash escapes and entities are resolved, typographic quotes made
// plain, no-break spaces and tabs made spaces, and a bare URL becomes a
// placeholder.
func (w *walker) copyText(start, end int) {
	d := w.d
	r := d.src
	for i := start; i < end; {
		j := i
		for j < end {
			c := r[j]
			if !special[c] || (c == 'h' || c == 'H') && (j > start && isAlnum(r[j-1]) || !hasURL(r[j:end])) {
				j++
				continue
			}
			break
		}
		if j > i {
			d.copyRun(r[i:j], int32(i))
			i = j
			continue
		}
		i = w.special(i, end)
	}
}

// special copies the text at source offset i that needs more than a copy,
// and returns the offset after it.
func (w *walker) special(i, end int) int {
	d := w.d
	r := d.src
	c := r[i]
	switch {
	case c == '\\' && i+1 < end && isPunct(r[i+1]):
		d.putByte(r[i+1], int32(i), 2)
		return i + 2
	case c == '&':
		if rep, k := entity(r[i:end]); k > 0 {
			d.putByte(rep, int32(i), int32(k))
			return i + k
		}
	case c == 'h' || c == 'H':
		j := i
		for j < end && r[j] != ' ' && r[j] != '\n' && r[j] != '<' && r[j] != ')' {
			j++
		}
		for j > i+1 && bytes.IndexByte([]byte(".,;:!?'\""), r[j-1]) >= 0 {
			j--
		}
		d.putByte(placeholder, int32(i), int32(j-i))
		return j
	case c == 0xE2 && i+2 < end && r[i+1] == 0x80:
		switch r[i+2] {
		case 0x98, 0x99: // ‘ ’
			d.putByte('\'', int32(i), 3)
			return i + 3
		case 0x9C, 0x9D: // “ ”
			d.putByte('"', int32(i), 3)
			return i + 3
		}
	case c == 0xC2 && i+1 < end && r[i+1] == 0xA0: // a no-break space
		d.putByte(' ', int32(i), 2)
		return i + 2
	case c == '\t' || c == '\n' || c == '\r':
		d.putByte(' ', int32(i), 1)
		return i + 1
	}
	d.copyRun(r[i:i+1], int32(i))
	return i + 1
}

// isNick reports whether an inline tag is a chat nickname rather than HTML:
// one word in angle brackets that names no HTML element.
func isNick(tag []byte) bool {
	if len(tag) < 3 || tag[0] != '<' || tag[len(tag)-1] != '>' {
		return false
	}
	name := tag[1 : len(tag)-1]
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return !htmlElements[string(bytes.ToLower(name))]
}

// htmlElements are the names of HTML elements that Markdown writers use
// inline.
var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q
		rp rt ruby s samp small span strong sub sup time u var wbr div p details summary table tr td
		th thead tbody tfoot ul ol li dl dt dd pre blockquote hr h1 h2 h3 h4 h5 h6 section article
		aside header footer nav main figure figcaption picture source video audio iframe embed object
		script style link meta form input button label select option textarea center font big tt
		strike u nobr`) {
		m[e] = true
	}
	return m
}()

func startsWithTime(b []byte) bool {
	for len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == ' ' || b[0] == '|') {
		b = b[1:]
	}
	i := 0
	for i < len(b) && i < 2 && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i > 0 && i+2 < len(b) && b[i] == ':' && b[i+1] >= '0' && b[i+1] <= '5' && b[i+2] >= '0' && b[i+2] <= '9'
}

func hasURL(b []byte) bool {
	return hasFoldPrefix(b, "https://") || hasFoldPrefix(b, "http://")
}

func hasFoldPrefix(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if lower(b[i]) != p[i] {
			return false
		}
	}
	return true
}

var entities = map[string]byte{"amp": '&', "lt": '<', "gt": '>', "quot": '"', "apos": '\'', "#39": '\'', "nbsp": ' ', "#160": ' '}

func entity(b []byte) (byte, int) {
	j := bytes.IndexByte(b[:min(len(b), 8)], ';')
	if j < 2 {
		return 0, 0
	}
	if c, ok := entities[string(b[1:j])]; ok {
		return c, j + 1
	}
	return 0, 0
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
