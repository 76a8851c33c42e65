package lint

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes GitHub Actions workflow commands that annotate the
// findings on the pull request: ::warning file=…,line=…::message. Errors are
// ::error, warnings ::warning and info ::notice.
func WriteGitHub(w io.Writer, fs []Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range fs {
		cmd := "notice"
		switch f.Severity {
		case Error:
			cmd = "error"
		case Warning:
			cmd = "warning"
		}
		msg := f.Message
		if f.Suggestion != "" {
			msg += "\n" + f.Suggestion
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			cmd, ghProperty(f.Path), f.Line, f.Column, f.EndLine, f.EndColumn, ghProperty(f.Rule), ghData(msg))
	}
	return bw.Flush()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
