package lint

import (
	"sort"
	"unicode/utf8"
)

// pos returns the 1-based line and character column of a source offset.
func (d *doc) pos(off int) (line, col int) {
	off = max(0, min(off, len(d.src)))
	l := sort.Search(len(d.lines), func(i int) bool { return int(d.lines[i]) > off }) - 1
	l = max(l, 0)
	start := int(d.lines[l])
	return l + 1, utf8.RuneCount(d.src[start:off]) + 1
}

// srcStart is the source offset of text index i.
func (d *doc) srcStart(i int32) int { return int(d.off[i]) }

// srcEnd is the source offset just after the character at text index i.
func (d *doc) srcEnd(i int32) int {
	if d.text[i] == placeholder {
		if e, ok := d.phEnd[i]; ok {
			return int(e)
		}
	}
	o := int(d.off[i])
	if o >= len(d.src) {
		return len(d.src)
	}
	c := d.src[o]
	if c < utf8.RuneSelf {
		return o + 1
	}
	_, n := utf8.DecodeRune(d.src[o:])
	return o + n
}

// offset returns the source offset of a 1-based line and column.
func (d *doc) offset(line, col int) int {
	if line < 1 || line > len(d.lines) {
		return 0
	}
	o := int(d.lines[line-1])
	for c := 1; c < col && o < len(d.src) && d.src[o] != '\n'; c++ {
		_, n := utf8.DecodeRune(d.src[o:])
		o += n
	}
	return o
}

// lineEnd returns the offset of the end of the line holding off.
func (d *doc) lineEnd(off int) int {
	for off < len(d.src) && d.src[off] != '\n' && d.src[off] != '\r' {
		off++
	}
	return off
}
