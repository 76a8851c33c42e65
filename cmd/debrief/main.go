// Command debrief lints, validates and archives blameless postmortems.
//
// Run "debrief help" for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the process exit code: 0 when
// all is well, 1 when the command found problems, 2 on usage or I/O errors.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := newRootCmd(stdin, stdout, stderr)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "debrief:", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "debrief:", err)
	return 2
}

// exitError ends the command with a specific exit code; msg may be empty when
// the command already reported what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// errProblems is returned by commands that ran fine but found problems.
var errProblems = &exitError{code: 1}
