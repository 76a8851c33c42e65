package web

import "strings"

// diffLine is one line of a line diff: kept, removed or added.
type diffLine struct {
	Op   byte // ' ', '-' or '+'
	Text string
	// Old and New are the line's numbers in each text, 0 where absent.
	Old, New int
}

// Class names the line's kind for the stylesheet.
func (d diffLine) Class() string {
	switch d.Op {
	case '-':
		return "del"
	case '+':
		return "ins"
	}
	return "same"
}

// maxDiffCells bounds the work of the longest-common-subsequence table;
// beyond it the changed middle is shown as removed and added whole.
const maxDiffCells = 4_000_000

// diffLines returns the line diff that turns a into b: the common start and
// end are trimmed, and the middle is aligned by a longest common
// subsequence of lines.
func diffLines(a, b string) []diffLine {
	x, y := splitLines(a), splitLines(b)
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var out []diffLine
	for i := range pre {
		out = append(out, diffLine{' ', x[i], i + 1, i + 1})
	}
	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	oi, ni := pre+1, pre+1
	emit := func(op byte, text string) {
		switch op {
		case ' ':
			out = append(out, diffLine{op, text, oi, ni})
			oi++
			ni++
		case '-':
			out = append(out, diffLine{op, text, oi, 0})
			oi++
		case '+':
			out = append(out, diffLine{op, text, 0, ni})
			ni++
		}
	}
	if len(mx)*len(my) > maxDiffCells {
		for _, l := range mx {
			emit('-', l)
		}
		for _, l := range my {
			emit('+', l)
		}
	} else {
		// lcs[i][j] is the LCS length of mx[i:] and my[j:].
		w := len(my) + 1
		lcs := make([]int32, (len(mx)+1)*w)
		for i := len(mx) - 1; i >= 0; i-- {
			for j := len(my) - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(mx) && j < len(my) {
			switch {
			case mx[i] == my[j]:
				emit(' ', mx[i])
				i++
				j++
			case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
				emit('-', mx[i])
				i++
			default:
				emit('+', my[j])
				j++
			}
		}
		for ; i < len(mx); i++ {
			emit('-', mx[i])
		}
		for ; j < len(my); j++ {
			emit('+', my[j])
		}
	}
	for k := len(x) - suf; k < len(x); k++ {
		out = append(out, diffLine{' ', x[k], oi, ni})
		oi++
		ni++
	}
	return out
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// diffHunks keeps the changed lines with context lines around them and
// marks each run of lines left out with a separator (Op 0).
func diffHunks(lines []diffLine, context int) []diffLine {
	keep := make([]bool, len(lines))
	for i, l := range lines {
		if l.Op != ' ' {
			for k := max(0, i-context); k <= min(len(lines)-1, i+context); k++ {
				keep[k] = true
			}
		}
	}
	var out []diffLine
	gap := false
	for i, l := range lines {
		if !keep[i] {
			gap = true
			continue
		}
		if gap {
			out = append(out, diffLine{Op: 0})
		}
		gap = false
		out = append(out, l)
	}
	if gap && len(out) > 0 {
		out = append(out, diffLine{Op: 0})
	}
	return out
}
