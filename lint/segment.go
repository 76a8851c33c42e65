package lint

import (
	"bytes"
)

// doc is one file cut into prose: text holds the sentences' characters with
// Markdown syntax, code and comments taken out, and runs map every byte of
// text back to its offset in src, so that findings point into the file.
type doc struct {
	src   []byte
	text  []byte
	runs  []srcRun
	sents []sent
	heads []heading
	dirs  []directive
	// body is the source offset where the Markdown body starts, after any
	// front matter.
	body     int
	lines    []int32 // source offset of the start of each line
	posCache posCache
}

// sentFlag says where a sentence stands.
type sentFlag uint8

const (
	sQuote   sentFlag = 1 << iota // inside a block quote
	sHeading                      // a heading's text
	sList                         // a list item
	sTable                        // a table cell
)

// sent is one sentence: a range of doc.text.
type sent struct {
	start, end int32
	flags      sentFlag
	// head is the index in doc.heads of the heading it sits under, or -1.
	head int32
}

// heading is a Markdown heading and what its section holds.
type heading struct {
	level     int
	title     string // lower case, trimmed, without trailing punctuation
	off       int    // source offset of the heading line
	end       int    // source offset of the end of the heading line
	content   bool   // some block other than comments follows before the next heading
	items     int    // list items directly in the section
	firstSent int    // index of the first sentence after the heading
}

// segment cuts src into prose. body is where the Markdown starts; before it,
// each of extra (front matter values, in file order) is a paragraph of its
// own.
func segment(src []byte, body int, extra ...seg) *doc {
	d := &doc{src: src, body: body}
	n := len(src)
	d.text = make([]byte, 0, n-body+64)
	d.runs = make([]srcRun, 0, (n-body)/64+16)
	d.lines = lineStarts(src)
	s := scanner{d: d, listIndent: -1, head: -1}
	for _, e := range extra {
		if e.start < e.end {
			s.emit([]seg{e}, 0)
		}
	}
	s.run(body)
	return d
}

func lineStarts(src []byte) []int32 {
	ls := make([]int32, 1, len(src)/40+2)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		ls = append(ls, int32(i))
	}
	return ls
}

// seg is a range of source bytes that belongs to one block.
type seg struct{ start, end int }

// scanner walks the body line by line, CommonMark-like but simpler: it knows
// enough block syntax to find prose and skip everything else.
type scanner struct {
	d          *doc
	para       []seg
	paraQuote  bool
	paraFlags  sentFlag
	fenceChar  byte
	fenceLen   int
	inFence    bool
	inHTML     bool
	commentAt  int // source offset of an open multi-line comment, or -1
	inComment  bool
	listIndent int
	prevBlank  bool
	table      bool
	head       int32
	il         inline
}

func (s *scanner) run(from int) {
	src := s.d.src
	for ls := from; ls < len(src); {
		le := bytes.IndexByte(src[ls:], '\n')
		next := len(src)
		if le < 0 {
			le = len(src)
		} else {
			le += ls
			next = le + 1
		}
		end := le
		if end > ls && src[end-1] == '\r' {
			end--
		}
		s.line(ls, end)
		ls = next
	}
	s.flush()
	if s.inComment {
		s.d.addComment(s.commentAt, len(src))
	}
}

func (s *scanner) markContent() {
	if s.head >= 0 {
		s.d.heads[s.head].content = true
	}
}

func (s *scanner) line(ls, le int) {
	src := s.d.src
	p := ls
	quote := false
	// Block quote markers, possibly nested.
	for {
		q := p
		for k := 0; k < 3 && q < le && src[q] == ' '; k++ {
			q++
		}
		if q < le && src[q] == '>' {
			quote = true
			p = q + 1
			if p < le && (src[p] == ' ' || src[p] == '\t') {
				p++
			}
			continue
		}
		break
	}
	// A block quote interrupts a paragraph that is not quoted; a line
	// without a marker after a quoted paragraph continues it (CommonMark's
	// lazy continuation), so only this direction ends the paragraph.
	if quote && !s.paraQuote && len(s.para) > 0 {
		s.flush()
	}
	if s.inComment {
		if i := bytes.Index(src[p:le], []byte("-->")); i >= 0 {
			s.d.addComment(s.commentAt, p+i+3)
			s.inComment = false
		}
		return
	}
	// Indentation.
	w, q := 0, p
	for q < le && (src[q] == ' ' || src[q] == '\t') {
		if src[q] == '\t' {
			w += 4 - w%4
		} else {
			w++
		}
		q++
	}
	content := src[q:le]
	if s.inFence {
		if w < 4+max(s.listIndent, 0) && isFenceClose(content, s.fenceChar, s.fenceLen) {
			s.inFence = false
		}
		return
	}
	if len(content) == 0 {
		s.flush()
		s.inHTML = false
		s.table = false
		s.prevBlank = true
		return
	}
	if s.inHTML {
		return
	}
	blank := s.prevBlank
	s.prevBlank = false
	if s.listIndent >= 0 && w < s.listIndent && blank && !isListMarker(content) {
		s.listIndent = -1
	}
	base := 0
	if s.listIndent >= 0 && w >= s.listIndent {
		base = s.listIndent
	}
	if w-base >= 4 && len(s.para) == 0 {
		s.markContent() // indented code
		return
	}
	if c, n := fenceOpen(content); n > 0 {
		s.flush()
		s.inFence, s.fenceChar, s.fenceLen = true, c, n
		s.markContent()
		return
	}
	if bytes.HasPrefix(content, []byte("<!--")) {
		s.flush()
		start := q
		if i := bytes.Index(src[q+4:le], []byte("-->")); i >= 0 {
			s.d.addComment(start, q+4+i+3)
		} else {
			s.inComment, s.commentAt = true, start
		}
		return
	}
	if isHTMLStart(content) {
		s.flush()
		s.inHTML = true
		s.markContent()
		return
	}
	if lvl, ts, te := atxHeading(content); lvl > 0 {
		s.flush()
		s.addHeading(lvl, ls, le, []seg{{q + ts, q + te}}, quote)
		return
	}
	if isThematic(content) {
		if len(s.para) > 0 && content[0] == '-' && isAll(content, '-') && s.paraFlags&sList == 0 {
			s.setext(2, le)
			return
		}
		s.flush()
		return
	}
	if len(s.para) > 0 && isAll(bytes.TrimRight(content, " "), '=') && s.paraFlags&sList == 0 {
		s.setext(1, le)
		return
	}
	if bytes.IndexByte(content, '|') >= 0 {
		if isTableDelim(content) && len(s.para) == 1 {
			row := s.para[0]
			s.para = s.para[:0]
			s.table = true
			s.tableRow(row.start, row.end, quote || s.paraQuote)
			s.paraQuote = false
			return
		}
		if s.table {
			s.tableRow(q, le, quote)
			return
		}
	} else if s.table {
		s.table = false
	}
	if len(s.para) == 0 && isLinkDef(content) {
		return
	}
	if n, ok := listMarker(content); ok {
		s.flush()
		if s.head >= 0 {
			s.d.heads[s.head].items++
		}
		// Content starts after the marker and up to four spaces.
		c := q + n
		sp := 0
		for c < le && src[c] == ' ' && sp < 4 {
			c++
			sp++
		}
		if sp == 0 && c < le {
			sp = 1
		}
		s.listIndent = w + n + max(sp, 1)
		if c+3 <= le && src[c] == '[' && (src[c+1] == ' ' || src[c+1] == 'x' || src[c+1] == 'X') && src[c+2] == ']' {
			c += 3
			for c < le && src[c] == ' ' {
				c++
			}
		}
		s.paraFlags = sList
		s.paraQuote = quote
		if c < le {
			s.para = append(s.para, seg{c, trimRight(src, c, le)})
		} else {
			s.para = append(s.para, seg{c, c})
		}
		return
	}
	if len(s.para) == 0 {
		s.paraFlags = 0
	}
	s.paraQuote = s.paraQuote || quote
	s.para = append(s.para, seg{q, trimRight(src, q, le)})
}

func trimRight(src []byte, start, end int) int {
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	return end
}

// flush turns the open paragraph into sentences.
func (s *scanner) flush() {
	if len(s.para) == 0 {
		return
	}
	s.markContent()
	var f sentFlag = s.paraFlags
	if s.paraQuote {
		f |= sQuote
	}
	s.emit(s.para, f)
	s.para = s.para[:0]
	s.paraQuote = false
	s.paraFlags = 0
}

func (s *scanner) emit(segs []seg, f sentFlag) {
	d := s.d
	start := len(d.text)
	s.il.run(d, segs)
	end := len(d.text)
	splitSentences(d, int32(start), int32(end), f, s.head)
	d.sep(segs[len(segs)-1].end)
}

func (s *scanner) setext(level int, le int) {
	segs := append([]seg(nil), s.para...)
	quote := s.paraQuote
	s.para = s.para[:0]
	s.paraQuote = false
	s.paraFlags = 0
	s.addHeading(level, segs[0].start, le, segs, quote)
}

func (s *scanner) addHeading(level, ls, le int, segs []seg, quote bool) {
	d := s.d
	start := len(d.text)
	s.il.run(d, segs)
	end := len(d.text)
	h := heading{level: level, title: normTitle(d.text[start:end]), off: ls, end: le, firstSent: len(d.sents)}
	d.heads = append(d.heads, h)
	s.head = int32(len(d.heads) - 1)
	if end > start {
		f := sHeading
		if quote {
			f |= sQuote
		}
		d.sents = append(d.sents, sent{int32(start), int32(end), f, s.head})
	}
	d.heads[s.head].firstSent = len(d.sents)
	d.sep(le)
}

// sep ends a block in text with a newline, which no sentence, trigger or
// token crosses.
func (d *doc) sep(at int) { d.putByte('\n', int32(at), 1) }

func (s *scanner) tableRow(start, end int, quote bool) {
	src := s.d.src
	if isTableDelim(src[start:end]) {
		return
	}
	s.markContent()
	f := sTable
	if quote {
		f |= sQuote
	}
	// Split on pipes that are not escaped and not inside a code span.
	cell := start
	tick := false
	for i := start; i <= end; i++ {
		if i < end {
			switch src[i] {
			case '`':
				tick = !tick
				continue
			case '\\':
				i++
				continue
			case '|':
				if tick {
					continue
				}
			default:
				continue
			}
		}
		a, b := cell, i
		for a < b && src[a] == ' ' {
			a++
		}
		b = trimRight(src, a, b)
		if b > a {
			s.emit([]seg{{a, b}}, f)
		}
		cell = i + 1
	}
}

// normTitle lower-cases a heading and trims spaces and closing punctuation.
func normTitle(b []byte) string {
	b = bytes.TrimSpace(b)
	b = bytes.TrimRight(b, ":.?! ")
	return string(bytes.ToLower(b))
}

func isAll(b []byte, c byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, x := range b {
		if x != c {
			return false
		}
	}
	return true
}

func fenceOpen(b []byte) (byte, int) {
	if len(b) < 3 || (b[0] != '`' && b[0] != '~') {
		return 0, 0
	}
	c := b[0]
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	if n < 3 {
		return 0, 0
	}
	if c == '`' && bytes.IndexByte(b[n:], '`') >= 0 {
		return 0, 0
	}
	return c, n
}

func isFenceClose(b []byte, c byte, n int) bool {
	k := 0
	for k < len(b) && b[k] == c {
		k++
	}
	return k >= n && len(bytes.TrimRight(b[k:], " \t")) == 0
}

func isThematic(b []byte) bool {
	var c byte
	n := 0
	for _, x := range b {
		switch {
		case x == ' ' || x == '\t':
		case (x == '-' || x == '*' || x == '_') && (c == 0 || c == x):
			c = x
			n++
		default:
			return false
		}
	}
	return n >= 3
}

func atxHeading(b []byte) (level, start, end int) {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(b) && b[n] != ' ' && b[n] != '\t') {
		return 0, 0, 0
	}
	start = n
	for start < len(b) && (b[start] == ' ' || b[start] == '\t') {
		start++
	}
	end = len(b)
	for end > start && (b[end-1] == ' ' || b[end-1] == '\t') {
		end--
	}
	// A closing run of #s preceded by a space.
	e := end
	for e > start && b[e-1] == '#' {
		e--
	}
	if e < end && (e == start || b[e-1] == ' ' || b[e-1] == '\t') {
		end = e
		for end > start && (b[end-1] == ' ' || b[end-1] == '\t') {
			end--
		}
	}
	return n, start, end
}

func isListMarker(b []byte) bool { _, ok := listMarker(b); return ok }

// listMarker returns the width of a list item marker at the start of b.
func listMarker(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	switch b[0] {
	case '-', '*', '+':
		n = 1
	default:
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0, false
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0, false
	}
	return n, true
}

func isHTMLStart(b []byte) bool {
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	c := b[1]
	if c == '/' && len(b) > 2 {
		c = b[2]
	}
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && c != '!' && c != '?' {
		return false
	}
	// An autolink is inline.
	if i := bytes.IndexByte(b, '>'); i > 0 && bytes.IndexByte(b[:i], ':') > 0 && bytes.IndexByte(b[:i], ' ') < 0 {
		return false
	}
	return true
}

func isTableDelim(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return false
	}
	dash, pipe := false, false
	for _, x := range b {
		switch x {
		case '-':
			dash = true
		case '|':
			pipe = true
		case ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash && pipe
}

func isLinkDef(b []byte) bool {
	if len(b) < 4 || b[0] != '[' {
		return false
	}
	i := bytes.IndexByte(b, ']')
	return i > 1 && i+1 < len(b) && b[i+1] == ':'
}
