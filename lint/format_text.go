package lint

import (
	"bufio"
	"fmt"
	"io"
)

// ANSI colours for a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// WriteText writes one finding per line as path:line:col: severity rule:
// message, then the suggestion indented on the next line. With color, the
// severity and rule are coloured for a terminal.
func WriteText(w io.Writer, fs []Finding, color bool) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		sev, rule, sugg := f.Severity.String(), f.Rule, f.Suggestion
		if color {
			c := ansiCyan
			switch f.Severity {
			case Error:
				c = ansiRed
			case Warning:
				c = ansiYellow
			}
			sev = c + ansiBold + sev + ansiReset
			rule = ansiDim + rule + ansiReset
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s: %s\n", f.Path, f.Line, f.Column, sev, rule, f.Message)
		if sugg != "" {
			if color {
				fmt.Fprintf(bw, "    %s→%s %s\n", ansiDim, ansiReset, sugg)
			} else {
				fmt.Fprintf(bw, "    suggestion: %s\n", sugg)
			}
		}
	}
	return bw.Flush()
}
