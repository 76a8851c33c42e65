package lint

import (
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// docCheck is what the structure rules read: the postmortem's front matter,
// where its values were written, and the sections of its body. Structure
// rules run only on files with front matter.
type docCheck struct {
	d  *doc
	md *markdown.Document
	pm *debrief.Postmortem
	// frontOK is false when the front matter had problems; the rules that
	// read its values then leave it to `debrief validate`.
	frontOK bool
	out     []rawFinding
}

// rawFinding is a finding by source offsets, before positions and levels.
type rawFinding struct {
	rule       string
	start, end int
	msg, sugg  string
	quoted     bool
}

func (c *docCheck) report(rule string, start, end int, msg, sugg string) {
	c.out = append(c.out, rawFinding{rule: rule, start: start, end: max(end, start), msg: msg, sugg: sugg})
}

// reportLine reports at a source offset, up to the end of its line.
func (c *docCheck) reportLine(rule string, off int, msg, sugg string) {
	c.report(rule, off, c.d.lineEnd(off), msg, sugg)
}

// reportField reports at the value of a front matter field.
func (c *docCheck) reportField(rule, field, msg, sugg string) {
	p := c.md.Position(field)
	c.reportLine(rule, c.d.offset(p.Line, p.Col), msg, sugg)
}

// section returns the index of the heading with the given title (any level
// but the document title), or -1.
func (c *docCheck) section(title string) int {
	t := strings.ToLower(title)
	for i, h := range c.d.heads {
		if h.level >= 2 && h.title == t {
			return i
		}
	}
	return -1
}

// sectionEnd returns the index of the first heading after h that closes its
// section (same or higher level).
func (c *docCheck) sectionEnd(h int) int {
	for j := h + 1; j < len(c.d.heads); j++ {
		if c.d.heads[j].level <= c.d.heads[h].level {
			return j
		}
	}
	return len(c.d.heads)
}

// sectionSents returns the sentences of a section and its subsections,
// headings of subsections left out.
func (c *docCheck) sectionSents(h int) []sent {
	var out []sent
	end := c.sectionEnd(h)
	for _, s := range c.d.sents[c.d.heads[h].firstSent:] {
		if s.head < int32(h) || s.head >= int32(end) {
			if s.head >= int32(end) {
				break
			}
			continue
		}
		if s.flags&sHeading == 0 {
			out = append(out, s)
		}
	}
	return out
}

// hasSubstance reports whether a section or any of its subsections holds
// more than comments.
func (c *docCheck) hasSubstance(h int) bool {
	end := c.sectionEnd(h)
	for j := h; j < end; j++ {
		if c.d.heads[j].content {
			return true
		}
	}
	return false
}

// anchor is where findings about the body as a whole are reported: the
// document's title heading, or the first line of the body.
func (c *docCheck) anchor() int {
	for _, h := range c.d.heads {
		if h.level == 1 {
			return h.off
		}
	}
	if c.d.body < len(c.d.src) {
		return c.d.body
	}
	return 0
}

func (c *docCheck) text(s sent) string { return string(c.d.text[s.start:s.end]) }
