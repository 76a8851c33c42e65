package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// result is what one run of the command line printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// debriefCmd runs the debrief command line in-process with the given stdin.
func debriefCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{out.String(), errb.String(), code}
}
