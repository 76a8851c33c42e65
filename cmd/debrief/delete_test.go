package main

import (
	"strings"
	"testing"
)

func TestDelete(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "PM-2026-001.md", validPM)
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := append(a.flags(t), "--migrate")
			mustRun(t, 0, append([]string{"import", file}, flags...)...)
			for _, c := range []struct {
				args []string
				code int
				says string
			}{
				{[]string{"delete", "PM-2026-001"}, 2, "needs --version"},
				{[]string{"delete", "PM-2026-001", "--version", "2"}, 2, "changed since version 2: it is at version 1"},
				{[]string{"delete", "PM-2026-404", "--version", "1"}, 2, "PM-2026-404 not found"},
				{[]string{"delete", "PM-2026-001", "--version", "1"}, 0, "deleted PM-2026-001 (version 1)"},
			} {
				r := mustRun(t, c.code, append(c.args, flags...)...)
				if !strings.Contains(r.stderr, c.says) {
					t.Errorf("debrief %s: stderr %q lacks %q", strings.Join(c.args, " "), r.stderr, c.says)
				}
			}
			out := t.TempDir()
			mustRun(t, 0, append([]string{"export", out}, flags...)...)
			if got := readDir(t, out); len(got) != 0 {
				t.Errorf("the archive still exports %d files", len(got))
			}
			// Importing the file again restores it.
			r := mustRun(t, 0, append([]string{"import", file}, flags...)...)
			if !strings.Contains(r.stderr, "1 created") {
				t.Errorf("re-import: %q", r.stderr)
			}
		})
	}
}
