package debrief

import (
	"fmt"
	"strings"
)

// Structural limits of a postmortem's body, with MaxFileSize for the whole
// file. Real postmortems stay far below them; past them, rendering,
// indexing and linting a body would take the server's time for nothing.
// docs/format.md lists them.
const (
	// MaxBodyLines bounds the body's lines.
	MaxBodyLines = 25_000
	// MaxHeadings bounds the body's headings (# lines and underlined
	// ones), outside code blocks.
	MaxHeadings = 400
	// MaxNesting bounds how deeply block quotes and lists nest, and how
	// deeply square brackets nest within a line.
	MaxNesting = 16
)

// BodyProblem is a structural problem of a body, at a line of the body
// (1-based) and a column in characters.
type BodyProblem struct {
	Line, Col int
	Message   string
}

// CheckBody checks a body against the structural limits and returns at
// most one problem of each kind, where the limit is first passed. It reads
// the body line by line and never fails.
func CheckBody(body string) []BodyProblem {
	var probs []BodyProblem
	headings, lines := 0, 0
	var fence string // the opening of the code block we are in
	deepSeen, bracketsSeen := false, false
	prevText := false // the previous line is paragraph text
	for len(body) > 0 || lines == 0 {
		line, rest, _ := strings.Cut(body, "\n")
		body = rest
		lines++
		if lines == MaxBodyLines+1 {
			probs = append(probs, BodyProblem{lines, 1, fmt.Sprintf("the body has more than %d lines: split it, or link long logs instead of pasting them", MaxBodyLines)})
		}
		line = strings.TrimSuffix(line, "\r")
		depth, col, inner := containers(line)
		if fence != "" {
			if f := fenceOf(inner); f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(inner[len(f)+indentOf(inner):]) == "" {
				fence = ""
			}
			prevText = false
			if body == "" {
				break
			}
			continue
		}
		if f := fenceOf(inner); f != "" {
			fence, prevText = f, false
			if body == "" {
				break
			}
			continue
		}
		if depth > MaxNesting && !deepSeen {
			deepSeen = true
			probs = append(probs, BodyProblem{lines, col, fmt.Sprintf("block quotes and lists nest %d deep here; the limit is %d", depth, MaxNesting)})
		}
		if c, d := bracketDepth(line); d > MaxNesting && !bracketsSeen {
			bracketsSeen = true
			probs = append(probs, BodyProblem{lines, c, fmt.Sprintf("square brackets nest %d deep here; the limit is %d", d, MaxNesting)})
		}
		trimmed := strings.TrimSpace(inner)
		if isATXHeading(inner) || prevText && depth == 0 && isUnderline(trimmed) {
			headings++
			if headings == MaxHeadings+1 {
				probs = append(probs, BodyProblem{lines, 1, fmt.Sprintf("the body has more than %d headings: a postmortem needs a few dozen at most", MaxHeadings)})
			}
			prevText = false
		} else {
			prevText = trimmed != "" && depth == 0
		}
		if body == "" {
			break
		}
	}
	return probs
}

// containers returns how deeply block quotes and lists nest on a line: the
// markers that open it, and the indentation before the first one (two
// columns a level, as nested list items are indented). It returns the
// column (in characters, 1-based) of the marker that passes MaxNesting, 1
// when none does, and the rest of the line after the markers.
func containers(line string) (depth, col int, rest string) {
	rest, col = line, 1
	at := 1 // the column where rest starts
	for first := true; ; first = false {
		n := indentOf(rest)
		s := rest[n:]
		level := 1
		if first {
			level += width(rest[:n]) / 2
		}
		k := 0
		switch {
		case strings.HasPrefix(s, ">"):
			k = 1
		case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
			if t := strings.TrimSpace(s); isUnderline(t) || isBreak(t) {
				return depth, col, rest
			}
			k = 2
		default:
			k = orderedMarker(s)
		}
		if k == 0 {
			return depth, col, rest
		}
		if depth <= MaxNesting && depth+level > MaxNesting {
			col = at + n
		}
		depth += level
		rest, at = s[k:], at+n+k
	}
}

// width is the width of leading blanks, a tab counting four.
func width(blanks string) int {
	return len(blanks) + 3*strings.Count(blanks, "\t")
}

// orderedMarker returns the length of an ordered list marker ("12. ",
// "3) ") that starts s, 0 when there is none.
func orderedMarker(s string) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || (s[i+1] != ' ' && s[i+1] != '\t') {
		return 0
	}
	return i + 2
}

func indentOf(s string) int {
	n := 0
	for n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		n++
	}
	return n
}

// fenceOf returns the ``` or ~~~ run that opens a code block on the line,
// "" when it does not open one.
func fenceOf(line string) string {
	n := indentOf(line)
	if n > 3 {
		return ""
	}
	s := line[n:]
	for _, c := range []byte{'`', '~'} {
		k := 0
		for k < len(s) && s[k] == c {
			k++
		}
		if k >= 3 && (c == '~' || !strings.Contains(s[k:], "`")) {
			return s[:k]
		}
	}
	return ""
}

func isATXHeading(line string) bool {
	n := indentOf(line)
	if n > 3 {
		return false
	}
	s := line[n:]
	k := 0
	for k < len(s) && s[k] == '#' {
		k++
	}
	return k >= 1 && k <= 6 && (k == len(s) || s[k] == ' ' || s[k] == '\t')
}

// isUnderline reports whether a trimmed line underlines the line before it
// as a heading (=== or ---).
func isUnderline(s string) bool {
	return s != "" && (strings.Trim(s, "=") == "" || strings.Trim(s, "-") == "")
}

// isBreak reports whether a trimmed line is a thematic break such as
// "- - -" or "* * *".
func isBreak(s string) bool {
	c := 0
	for _, r := range s {
		switch r {
		case '-', '*', '_':
			c++
		case ' ', '\t':
		default:
			return false
		}
	}
	return c >= 3
}

// bracketDepth returns the column (in characters) where square brackets
// nest deepest in a line, and how deep.
func bracketDepth(line string) (col, depth int) {
	d, c := 0, 0
	for _, r := range line {
		c++
		switch r {
		case '[':
			if d++; d > depth {
				depth, col = d, c
			}
		case ']':
			d = max(0, d-1)
		}
	}
	return col, depth
}
