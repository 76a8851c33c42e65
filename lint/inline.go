package lint

import (
	"bytes"
)

// placeholder stands in text for inline code, a URL or an image: a word that
// is no one, so that "the `deploy` job failed to" keeps its shape.
const placeholder = 0x1a

// inline turns a block's source lines into prose: emphasis marks, link
// targets, inline code, inline HTML and comments are taken out, typographic
// quotes are made plain, and each byte remembers its source offset.
type inline struct {
	raw    []byte
	rawOff []int32
	links  []linkSkip
}

type linkSkip struct{ close, resume int }

func (il *inline) run(d *doc, segs []seg) {
	src := d.src
	il.raw = il.raw[:0]
	il.rawOff = il.rawOff[:0]
	for k, sg := range segs {
		if k > 0 {
			// A line that starts with a time starts a new timeline entry.
			sep := byte(' ')
			if startsWithTime(src[sg.start:sg.end]) {
				sep = '\n'
			}
			il.raw = append(il.raw, sep)
			il.rawOff = append(il.rawOff, int32(segs[k-1].end))
		}
		il.raw = append(il.raw, src[sg.start:sg.end]...)
		for i := sg.start; i < sg.end; i++ {
			il.rawOff = append(il.rawOff, int32(i))
		}
	}
	il.links = il.links[:0]
	r, ro := il.raw, il.rawOff
	n := len(r)
	emit := func(c byte, at int32) {
		d.text = append(d.text, c)
		d.off = append(d.off, at)
	}
	hold := func(from, to int) { // placeholder for r[from:to]
		if d.phEnd == nil {
			d.phEnd = map[int32]int32{}
		}
		d.phEnd[int32(len(d.text))] = ro[to-1] + 1
		emit(placeholder, ro[from])
	}
	for i := 0; i < n; {
		c := r[i]
		switch {
		case len(il.links) > 0 && il.links[len(il.links)-1].close == i:
			i = il.links[len(il.links)-1].resume
			il.links = il.links[:len(il.links)-1]
			continue
		case c == '\\' && i+1 < n && isPunct(r[i+1]):
			emit(r[i+1], ro[i+1])
			i += 2
			continue
		case c == '`':
			k := run(r, i, '`')
			if j := closingTicks(r, i+k, k); j >= 0 {
				hold(i, j+k)
				i = j + k
			} else {
				i += k
			}
			continue
		case c == '<':
			if bytes.HasPrefix(r[i:], []byte("<!--")) {
				j := bytes.Index(r[i+4:], []byte("-->"))
				end := n
				if j >= 0 {
					end = i + 4 + j + 3
				}
				d.addComment(int(ro[i]), int(ro[end-1])+1)
				i = end
				continue
			}
			if j := tagEnd(r, i); j > 0 {
				if bytes.IndexByte(r[i:j], ':') > 0 && bytes.IndexByte(r[i:j], ' ') < 0 {
					hold(i, j) // autolink
				}
				i = j
				continue
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
				i = end
				continue
			}
		case c == '[':
			if j := matchBracket(r, i); j > 0 {
				if i+1 < n && r[i+1] == '^' { // footnote reference
					i = j + 1
					continue
				}
				if j+1 < n && r[j+1] == '(' {
					if k := matchParen(r, j+1); k > 0 {
						il.links = append(il.links, linkSkip{j, k + 1})
						i++
						continue
					}
				} else if j+1 < n && r[j+1] == '[' {
					if k := matchBracket(r, j+1); k > 0 {
						il.links = append(il.links, linkSkip{j, k + 1})
						i++
						continue
					}
				}
			}
		case c == '*':
			if !(i > 0 && r[i-1] == ' ' && i+1 < n && r[i+1] == ' ') {
				i++
				continue
			}
		case c == '_':
			if i == 0 || !isAlnum(r[i-1]) || i+1 == n || !isAlnum(r[i+1]) {
				i++
				continue
			}
		case c == '~' && i+1 < n && r[i+1] == '~':
			i += 2
			continue
		case (c == 'h' || c == 'H') && (i == 0 || !isAlnum(r[i-1])) && hasURL(r[i:]):
			j := i
			for j < n && r[j] != ' ' && r[j] != '\n' && r[j] != '<' && r[j] != ')' {
				j++
			}
			for j > i && bytes.IndexByte([]byte(".,;:!?'\""), r[j-1]) >= 0 {
				j--
			}
			hold(i, j)
			i = j
			continue
		case c == '&':
			if rep, k := entity(r[i:]); k > 0 {
				emit(rep, ro[i])
				i += k
				continue
			}
		case c == 0xE2 && i+2 < n && r[i+1] == 0x80:
			switch r[i+2] {
			case 0x98, 0x99: // ‘ ’
				emit('\'', ro[i])
				i += 3
				continue
			case 0x9C, 0x9D: // “ ”
				emit('"', ro[i])
				i += 3
				continue
			}
		case c == 0xC2 && i+1 < n && r[i+1] == 0xA0: // no-break space
			emit(' ', ro[i])
			i += 2
			continue
		case c == '\t':
			emit(' ', ro[i])
			i++
			continue
		}
		emit(c, ro[i])
		i++
	}
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
	lim := min(len(b), i+2048)
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
	lim := min(len(b), i+2048)
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
		case '\n':
			if depth > 0 && j+1 < lim && b[j+1] == '\n' {
				return -1
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
