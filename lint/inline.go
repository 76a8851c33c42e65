package lint

import (
	"bytes"
	"sort"
)

// placeholder stands in text for inline code, a URL or an image: a word that
// is no one, so that "the `deploy` job failed to" keeps its shape.
const placeholder = 0x1a

// special marks the bytes where inline syntax may start; everything between
// them is copied in bulk.
var special = func() (t [256]bool) {
	for _, c := range []byte("\\`<![]*_~&\thH") {
		t[c] = true
	}
	t[0xE2], t[0xC2] = true, true
	return t
}()

// inline turns a block's source lines into prose: emphasis marks, link
// targets, inline code, inline HTML and comments are taken out, typographic
// quotes are made plain, and the doc's runs remember where each byte came
// from.
type inline struct {
	raw   []byte
	segs  []rawSeg
	links []linkSkip
}

// rawSeg is one source line of the block inside raw; a separator byte
// follows each but the last.
type rawSeg struct{ raw, src, n int32 }

type linkSkip struct{ close, resume int }

// src returns the source offset of raw index i; a separator maps to the end
// of the line before it.
func (il *inline) src(i int) int32 {
	k := sort.Search(len(il.segs), func(k int) bool { return il.segs[k].raw > int32(i) }) - 1
	sg := il.segs[max(k, 0)]
	if off := int32(i) - sg.raw; off < sg.n {
		return sg.src + off
	}
	return sg.src + sg.n
}

// segEnd returns the raw index where the line holding i ends.
func (il *inline) segEnd(i int) int {
	k := sort.Search(len(il.segs), func(k int) bool { return il.segs[k].raw > int32(i) }) - 1
	sg := il.segs[max(k, 0)]
	return int(sg.raw + sg.n)
}

func (il *inline) run(d *doc, segs []seg) {
	src := d.src
	il.raw = il.raw[:0]
	il.segs = il.segs[:0]
	for k, sg := range segs {
		if k > 0 {
			// A line that starts with a time starts a new timeline entry.
			sep := byte(' ')
			if startsWithTime(src[sg.start:sg.end]) {
				sep = '\n'
			}
			il.raw = append(il.raw, sep)
		}
		il.segs = append(il.segs, rawSeg{int32(len(il.raw)), int32(sg.start), int32(sg.end - sg.start)})
		il.raw = append(il.raw, src[sg.start:sg.end]...)
	}
	il.links = il.links[:0]
	r := il.raw
	n := len(r)
	hold := func(from, to int) { // a placeholder for r[from:to]
		s := il.src(from)
		d.putByte(placeholder, s, il.src(to-1)+1-s)
	}
	lineEnd := il.segEnd(0)
	for i := 0; i < n; {
		if i >= lineEnd {
			if i == lineEnd && i < n {
				d.putByte(r[i], il.src(i), 1) // the line break
				i++
			}
			lineEnd = il.segEnd(i)
			continue
		}
		// Copy plain text up to the next byte that may start syntax.
		j := i
		for j < lineEnd {
			c := r[j]
			if !special[c] {
				j++
				continue
			}
			if (c == 'h' || c == 'H') && (j > 0 && isAlnum(r[j-1]) || !hasURL(r[j:])) ||
				c == '!' && (j+1 >= n || r[j+1] != '[') ||
				c == ']' && !(len(il.links) > 0 && il.links[len(il.links)-1].close == j) ||
				c == '_' && j > 0 && isAlnum(r[j-1]) && j+1 < n && isAlnum(r[j+1]) {
				j++
				continue
			}
			break
		}
		if j > i {
			d.copyRun(r[i:j], il.src(i))
			i = j
			continue
		}
		i = il.syntax(d, i, hold)
	}
}

// syntax handles the inline syntax that starts at raw index i and returns
// the index after it.
func (il *inline) syntax(d *doc, i int, hold func(from, to int)) int {
	r := il.raw
	n := len(r)
	c := r[i]
	switch {
	case len(il.links) > 0 && il.links[len(il.links)-1].close == i:
		next := il.links[len(il.links)-1].resume
		il.links = il.links[:len(il.links)-1]
		return next
	case c == '\\' && i+1 < n && isPunct(r[i+1]):
		d.putByte(r[i+1], il.src(i), 2)
		return i + 2
	case c == '`':
		k := run(r, i, '`')
		if j := closingTicks(r, i+k, k); j >= 0 {
			hold(i, j+k)
			return j + k
		}
		return i + k
	case c == '<':
		if bytes.HasPrefix(r[i:], []byte("<!--")) {
			j := bytes.Index(r[i+4:], []byte("-->"))
			end := n
			if j >= 0 {
				end = i + 4 + j + 3
			}
			d.addComment(int(il.src(i)), int(il.src(end-1))+1)
			return end
		}
		if j := tagEnd(r, i); j > 0 {
			if bytes.IndexByte(r[i:j], ':') > 0 && bytes.IndexByte(r[i:j], ' ') < 0 {
				hold(i, j) // an autolink
			}
			return j
		}
	case c == '!' && i+1 < n && r[i+1] == '[':
		if j := matchBracket(r, i+1); j > 0 {
			end := j + 1
			if end < n && r[end] == '(' {
				if k := matchParen(r, end); k > 0 {
					end = k + 1
				}
			} else if end < n && r[end] == '[' {
				if k := matchBracket(r, end); k > 0 {
					end = k + 1
				}
			}
			hold(i, end)
			return end
		}
	case c == '[':
		if j := matchBracket(r, i); j > 0 {
			if i+1 < n && r[i+1] == '^' { // a footnote reference
				return j + 1
			}
			if j+1 < n && r[j+1] == '(' {
				if k := matchParen(r, j+1); k > 0 {
					il.links = append(il.links, linkSkip{j, k + 1})
					return i + 1
				}
			} else if j+1 < n && r[j+1] == '[' {
				if k := matchBracket(r, j+1); k > 0 {
					il.links = append(il.links, linkSkip{j, k + 1})
					return i + 1
				}
			}
		}
	case c == '*':
		if !(i > 0 && r[i-1] == ' ' && i+1 < n && r[i+1] == ' ') {
			return i + 1
		}
	case c == '_':
		return i + 1 // emphasis; an inner underscore was copied as text
	case c == '~' && i+1 < n && r[i+1] == '~':
		return i + 2
	case c == 'h' || c == 'H':
		j := i
		for j < n && r[j] != ' ' && r[j] != '\n' && r[j] != '<' && r[j] != ')' {
			j++
		}
		for j > i+1 && bytes.IndexByte([]byte(".,;:!?'\""), r[j-1]) >= 0 {
			j--
		}
		hold(i, j)
		return j
	case c == '&':
		if rep, k := entity(r[i:]); k > 0 {
			d.putByte(rep, il.src(i), int32(k))
			return i + k
		}
	case c == 0xE2 && i+2 < n && r[i+1] == 0x80:
		switch r[i+2] {
		case 0x98, 0x99: // ‘ ’
			d.putByte('\'', il.src(i), 3)
			return i + 3
		case 0x9C, 0x9D: // “ ”
			d.putByte('"', il.src(i), 3)
			return i + 3
		}
	case c == 0xC2 && i+1 < n && r[i+1] == 0xA0: // a no-break space
		d.putByte(' ', il.src(i), 2)
		return i + 2
	case c == '\t':
		d.putByte(' ', il.src(i), 1)
		return i + 1
	}
	d.copyRun(r[i:i+1], il.src(i))
	return i + 1
}

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

func run(b []byte, i int, c byte) int {
	k := 0
	for i+k < len(b) && b[i+k] == c {
		k++
	}
	return k
}

// closingTicks finds a run of exactly k backticks at or after i.
func closingTicks(b []byte, i, k int) int {
	for i < len(b) {
		j := bytes.IndexByte(b[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := run(b, j, '`')
		if m == k {
			return j
		}
		i = j + m
	}
	return -1
}

// tagEnd returns the index after an inline HTML tag or autolink at i.
func tagEnd(b []byte, i int) int {
	if i+1 >= len(b) {
		return 0
	}
	c := b[i+1]
	if c == '/' && i+2 < len(b) {
		c = b[i+2]
	}
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return 0
	}
	lim := min(len(b), i+512)
	for j := i + 1; j < lim; j++ {
		switch b[j] {
		case '>':
			return j + 1
		case '<', '\n':
			return 0
		}
	}
	return 0
}

func matchBracket(b []byte, i int) int {
	depth := 0
	lim := min(len(b), i+1000)
	for j := i; j < lim; j++ {
		switch b[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		case '`':
			k := run(b, j, '`')
			if e := closingTicks(b, j+k, k); e >= 0 && e < lim {
				j = e + k - 1
			} else {
				j += k - 1
			}
		}
	}
	return -1
}

func matchParen(b []byte, i int) int {
	depth := 0
	lim := min(len(b), i+1000)
	for j := i; j < lim; j++ {
		switch b[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		case ' ', '\n':
			if depth == 1 && j > i+1 && b[j-1] != ' ' && j+1 < lim && b[j+1] != '"' && b[j+1] != '\'' && b[j+1] != '(' {
				return -1 // a link target has no spaces, except before a title
			}
		}
	}
	return -1
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
