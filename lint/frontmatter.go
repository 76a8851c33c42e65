package lint

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/debrief/debrief/markdown"
)

// frontMatterProse returns the spans of the front matter values that are
// prose a reader takes as the postmortem's account: the title, the trigger,
// the contributing factors, the reasons of wont-do items and the accepted
// risks. Blame written there is blame all the same. Action item titles are
// plans and are left out, like the ids, dates and lists.
//
// Only values written on one line are taken, plain or quoted; a block
// scalar (| or >) is left alone rather than mapped wrongly.
func frontMatterProse(src []byte, md *markdown.Document) []seg {
	pm := md.Postmortem
	fields := []string{"title", "trigger"}
	for i := range pm.ContributingFactors {
		fields = append(fields, fmt.Sprintf("contributing_factors[%d].description", i))
	}
	for i := range pm.ActionItems {
		fields = append(fields, fmt.Sprintf("action_items[%d].reason", i))
	}
	for i := range pm.AcceptedRisks {
		fields = append(fields, fmt.Sprintf("accepted_risks[%d].risk", i), fmt.Sprintf("accepted_risks[%d].meanwhile", i))
	}
	var out []seg
	for _, f := range fields {
		p, ok := md.ValuePosition(f)
		if !ok {
			continue
		}
		if s, ok := valueSpan(src, p.Line, p.Col); ok {
			out = append(out, s)
		}
	}
	// In file order, so that positions are computed forward.
	slices.SortFunc(out, func(a, b seg) int { return a.start - b.start })
	return out
}

// valueSpan returns the byte span of a one-line YAML scalar that starts at a
// 1-based line and character column: inside the quotes of a quoted scalar,
// up to a comment or the end of the line for a plain one.
func valueSpan(src []byte, line, col int) (seg, bool) {
	start := lineOffset(src, line)
	if start >= len(src) {
		return seg{}, false
	}
	end := start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	off := start
	for c := 1; c < col && off < end; c++ {
		_, w := utf8.DecodeRune(src[off:end])
		off += w
	}
	if off >= end {
		return seg{}, false
	}
	switch src[off] {
	case '|', '>', '[', '{', '&', '*', '!':
		return seg{}, false
	case '"', '\'':
		q := src[off]
		for e := end - 1; e > off; e-- {
			if src[e] == q {
				return seg{off + 1, e}, true
			}
			if src[e] != ' ' && src[e] != '\t' {
				break
			}
		}
		return seg{}, false
	}
	// A plain scalar that goes on to the next line is not one line.
	if next := end + 1; next < len(src) && (src[next] == ' ' || src[next] == '\t') && !looksLikeKey(src[next:]) {
		return seg{}, false
	}
	for i := off; i+1 < end; i++ {
		if src[i] == ' ' && src[i+1] == '#' {
			end = i
			break
		}
	}
	return seg{off, trimRight(src, off, end)}, true
}

// looksLikeKey reports whether an indented line starts a new key or list
// item rather than continuing the previous value.
func looksLikeKey(b []byte) bool {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i < len(b) && b[i] == '-' {
		return true
	}
	for ; i < len(b) && b[i] != '\n'; i++ {
		if b[i] == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\n') {
			return true
		}
		if b[i] == ' ' {
			return false
		}
	}
	return false
}
