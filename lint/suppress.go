package lint

import (
	"bytes"
	"strings"
)

// A directive is an HTML comment that switches rules off:
//
//	<!-- debrief-disable-next-line blame.person-omission -->
//	<!-- debrief-disable blame, root-cause.single-cause -->
//	<!-- debrief-enable blame -->
//
// With no rule named it applies to every rule. A name is a rule id or a
// category.
type directive struct {
	kind       dirKind
	rules      []string // empty means all
	start, end int      // source offsets of the comment
}

type dirKind uint8

const (
	dirNextLine dirKind = iota + 1
	dirDisable
	dirEnable
)

func (d *doc) addComment(start, end int) {
	c := d.src[start:end]
	c = bytes.TrimPrefix(c, []byte("<!--"))
	c = bytes.TrimSuffix(c, []byte("-->"))
	c = bytes.TrimSpace(c)
	if !bytes.HasPrefix(c, []byte("debrief-")) {
		return
	}
	word, rest, _ := strings.Cut(string(c), " ")
	var k dirKind
	switch word {
	case "debrief-disable-next-line":
		k = dirNextLine
	case "debrief-disable":
		k = dirDisable
	case "debrief-enable":
		k = dirEnable
	default:
		return
	}
	rules := strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	d.dirs = append(d.dirs, directive{k, rules, start, end})
}

func (dr *directive) covers(rule string, cat Category) bool {
	if len(dr.rules) == 0 {
		return true
	}
	for _, r := range dr.rules {
		if r == rule || r == string(cat) {
			return true
		}
	}
	return false
}

// suppressed reports whether a finding of rule at source offset off is
// switched off by a directive. Findings in the front matter (off before
// the body) honour a debrief-disable that is never enabled again.
func (d *doc) suppressed(rule string, cat Category, off int) bool {
	if len(d.dirs) == 0 {
		return false
	}
	line, _ := d.pos(off)
	inFront := off < d.body
	off0 := off
	disabled := false
	for i := range d.dirs {
		dr := &d.dirs[i]
		if !dr.covers(rule, cat) {
			continue
		}
		switch dr.kind {
		case dirNextLine:
			if d.nextTextLine(dr.end) == line {
				return true
			}
		case dirDisable:
			if inFront || dr.end <= off0 {
				disabled = true
			}
		case dirEnable:
			if !inFront && dr.start < off0 {
				disabled = false
			} else if inFront {
				disabled = false
			}
		}
	}
	return disabled
}

// nextTextLine returns the line after off that holds something other than
// spaces.
func (d *doc) nextTextLine(off int) int {
	line, _ := d.pos(off)
	for l := line + 1; l <= len(d.lines); l++ {
		s := int(d.lines[l-1])
		e := d.lineEnd(s)
		if len(bytes.TrimSpace(d.src[s:e])) > 0 {
			return l
		}
	}
	return line + 1
}
