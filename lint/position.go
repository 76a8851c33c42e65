package lint

import (
	"slices"
	"unicode/utf8"
)

// pos returns the 1-based line and character column of a source offset.
// Columns are counted on from the last call when it was on the same line
// and earlier, so that many findings on one long line stay linear.
func (d *doc) pos(off int) (line, col int) {
	off = max(0, min(off, len(d.src)))
	l, _ := slices.BinarySearchFunc(d.lines, off, firstAfter)
	l--
	l = max(l, 0)
	start, runes := int(d.lines[l]), 0
	if c := &d.posCache; c.line == l+1 && c.off <= off {
		start, runes = c.off, c.col-1
	}
	col = runes + utf8.RuneCount(d.src[start:off]) + 1
	d.posCache = posCache{l + 1, off, col}
	return l + 1, col
}

// posCache remembers the last position computed.
type posCache struct{ line, off, col int }

// srcRun maps text to source: from text index t on, text bytes are source
// bytes from offset s, one for one (w == 0), or the single text byte at t
// stands for w source bytes (a placeholder, an entity, a typographic quote,
// a line break).
type srcRun struct {
	t, s, w int32
}

// copyRun appends source bytes src[s:s+len(b)] to the text.
func (d *doc) copyRun(b []byte, s int32) {
	t := int32(len(d.text))
	if k := len(d.runs) - 1; k < 0 || d.runs[k].w != 0 || d.runs[k].s+(t-d.runs[k].t) != s {
		d.runs = append(d.runs, srcRun{t, s, 0})
	}
	d.text = append(d.text, b...)
}

// putByte appends one text byte that stands for w source bytes at s.
func (d *doc) putByte(c byte, s, w int32) {
	d.runs = append(d.runs, srcRun{int32(len(d.text)), s, w})
	d.text = append(d.text, c)
}

func (d *doc) run(i int32) srcRun {
	k, _ := slices.BinarySearchFunc(d.runs, int(i), func(r srcRun, i int) int { return firstAfter(r.t, i) })
	return d.runs[max(k-1, 0)]
}

// firstAfter orders a sorted slice for slices.BinarySearchFunc so that it
// finds the first element greater than x.
func firstAfter(v int32, x int) int {
	if int(v) > x {
		return 1
	}
	return -1
}

// srcStart is the source offset of text index i.
func (d *doc) srcStart(i int32) int {
	r := d.run(i)
	if r.w > 0 {
		return int(r.s)
	}
	return int(r.s + i - r.t)
}

// srcEnd is the source offset just after the character at text index i.
func (d *doc) srcEnd(i int32) int {
	r := d.run(i)
	if r.w > 0 {
		return int(r.s + r.w)
	}
	o := int(r.s + i - r.t)
	if o >= len(d.src) {
		return len(d.src)
	}
	if d.src[o] < utf8.RuneSelf {
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
