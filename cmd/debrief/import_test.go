package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/storetest"
)

// mustRun runs the command line and fails the test unless it exits with
// code.
func mustRun(t *testing.T, code int, args ...string) result {
	t.Helper()
	r := debriefCmd(t, "", args...)
	if r.code != code {
		t.Fatalf("debrief %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("stack trace on stderr:\n%s", r.stderr)
	}
	return r
}

// readDir returns the files of dir by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func TestImportExportRoundTrip(t *testing.T) {
	examples, _ := filepath.Glob("../../examples/PM-*.md")
	if len(examples) == 0 {
		t.Skip("no examples yet")
	}
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			first, second := a.flags(t), a.flags(t)
			mustRun(t, 0, append([]string{"migrate"}, first...)...)
			r := mustRun(t, 0, append([]string{"import", "../../examples"}, first...)...)
			n := len(examples)
			if want := fmt.Sprintf("imported %d postmortems: %d created, 0 updated, 0 unchanged\n", n, n); r.stderr != want {
				t.Errorf("first import said %q, want %q", r.stderr, want)
			}
			r = mustRun(t, 0, append([]string{"import", "../../examples"}, first...)...)
			if want := fmt.Sprintf("imported %d postmortems: 0 created, 0 updated, %d unchanged\n", n, n); r.stderr != want {
				t.Errorf("second import said %q, want %q: importing the same files again changes nothing", r.stderr, want)
			}

			out1 := filepath.Join(t.TempDir(), "one")
			mustRun(t, 0, append([]string{"export", out1}, first...)...)
			exported := readDir(t, out1)
			if len(exported) != n {
				t.Fatalf("exported %d files, want %d", len(exported), n)
			}
			for _, path := range examples {
				src, _ := os.ReadFile(path)
				doc, _ := markdown.Parse(src)
				name := doc.Postmortem.ID + "-" + slug(doc.Postmortem.Title) + ".md"
				if !bytes.Equal(exported[name], markdown.Write(doc.Postmortem)) {
					t.Errorf("%s: exported %s is not the canonical form of the example", path, name)
				}
			}

			mustRun(t, 0, append([]string{"import", "--migrate", out1}, second...)...)
			out2 := filepath.Join(t.TempDir(), "two")
			mustRun(t, 0, append([]string{"export", out2}, second...)...)
			again := readDir(t, out2)
			for name, b := range exported {
				if !bytes.Equal(again[name], b) {
					t.Errorf("%s: export → import → export is not byte-identical", name)
				}
			}
			if len(again) != len(exported) {
				t.Errorf("second export has %d files, want %d", len(again), len(exported))
			}
			// Exporting again into the same folder rewrites nothing.
			r = mustRun(t, 0, append([]string{"export", out2}, second...)...)
			if !strings.Contains(r.stderr, fmt.Sprintf("0 written, %d already up to date", n)) {
				t.Errorf("export into an up-to-date folder said %q", r.stderr)
			}
		})
	}
}

const related = `---
id: PM-2026-003
title: Search latency again
severity: SEV3
status: draft
related: [PM-2026-002]
---
# Search latency again
`

func TestImportSkipsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "in/PM-2026-001.md", validPM)
	bad := writeFile(t, dir, "in/PM-2026-002.md", strings.Replace(strings.Replace(validPM, "SEV3", "SEV9", 1), "001", "002", 1))
	rel := writeFile(t, dir, "in/PM-2026-003.md", related)
	dup := writeFile(t, dir, "in/sub/PM-2026-001-copy.md", strings.Replace(validPM, "index rebuild", "index rebuilds", 1))
	writeFile(t, dir, "in/README.md", "# Not a postmortem\n")
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := append(a.flags(t), "--migrate")
			r := mustRun(t, 1, append([]string{"import", filepath.Join(dir, "in")}, flags...)...)
			for _, want := range []string{
				bad + ":4:11: severity \"SEV9\" is not one of SEV1, SEV2, SEV3, SEV4",
				dup + ":2:5: duplicate postmortem id PM-2026-001: " + good + " uses it too",
				rel + ":6:11: related postmortem PM-2026-002 is skipped because of its problems",
			} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
				}
			}
			if strings.Contains(r.stdout, good+":") {
				t.Errorf("the good file has problems:\n%s", r.stdout)
			}
			if want := "imported 1 postmortem: 1 created, 0 updated, 0 unchanged; skipped 3 files with problems\n"; r.stderr != want {
				t.Errorf("stderr = %q, want %q", r.stderr, want)
			}
			out := t.TempDir()
			mustRun(t, 0, append([]string{"export", out}, flags...)...)
			if names := slices.Sorted(maps.Keys(readDir(t, out))); !slices.Equal(names, []string{"PM-2026-001-search-latency-after-index-rebuild.md"}) {
				t.Errorf("the archive holds %v, want only the good file", names)
			}
			// Once the broken file is fixed, both it and the one that
			// relates to it land.
			fixed := writeFile(t, t.TempDir(), "PM-2026-002.md", strings.Replace(validPM, "001", "002", 1))
			mustRun(t, 0, append([]string{"import", fixed, rel}, flags...)...)
		})
	}
}

func TestImportChecksAgainstArchive(t *testing.T) {
	item := func(id, title string) string {
		return strings.Replace(validPM, "status: draft\n", "status: draft\naction_items:\n  - id: ACT-1\n    title: "+title+"\n    owner_team: search\n    due: 2026-05-01\n", 1)
	}
	dir := t.TempDir()
	first := writeFile(t, dir, "a/PM-2026-001.md", item("PM-2026-001", "Rebuild the index in the background"))
	other := writeFile(t, dir, "b/PM-2026-002.md", strings.Replace(item("", "Rebuild the index at night"), "PM-2026-001", "PM-2026-002", 1))
	rel := writeFile(t, dir, "c/PM-2026-003.md", related)
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := append(a.flags(t), "--migrate")
			mustRun(t, 0, append([]string{"import", first}, flags...)...)
			r := mustRun(t, 1, append([]string{"import", other, rel}, flags...)...)
			if want := other + ":7:9: duplicate action item id ACT-1: PM-2026-001 uses it for a different item"; !strings.Contains(r.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
			}
			if want := rel + ":6:11: related postmortem PM-2026-002 is skipped"; !strings.Contains(r.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
			}
		})
	}
}

// TestImportSharesOnlyWithinAnAudience imports a public file that reuses
// the action item of a restricted postmortem already stored: it is
// reported at the item's id and skipped, and the stored one is unchanged.
func TestImportSharesOnlyWithinAnAudience(t *testing.T) {
	item := func(id, extra, title string) string {
		return strings.Replace(strings.Replace(validPM, "PM-2026-001", id, 1), "status: draft\n",
			"status: draft\n"+extra+"action_items:\n  - id: ACT-9001\n    title: "+title+"\n    owner_team: security\n    due: 2026-05-01\n", 1)
	}
	dir := t.TempDir()
	secret := writeFile(t, dir, "a/PM-2026-001.md", item("PM-2026-001", "restricted: true\nteams: [security]\n", "Rotate the signing keys"))
	public := writeFile(t, dir, "b/PM-2026-002.md", item("PM-2026-002", "", "Rotate the signing keys"))
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := append(a.flags(t), "--migrate")
			mustRun(t, 0, append([]string{"import", secret}, flags...)...)
			r := mustRun(t, 1, append([]string{"import", public}, flags...)...)
			if want := public + ":7:9: action item ACT-9001 is also listed by PM-2026-001, which is visible to the team security only, while this postmortem is visible to everyone"; !strings.Contains(r.stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
			}
		})
	}
	// validate says the same of the two files together.
	r := mustRun(t, 1, "validate", secret, public)
	if want := public + ":7:9: action item ACT-9001 is also listed by PM-2026-001"; !strings.Contains(r.stdout, want) {
		t.Errorf("validate's stdout lacks %q:\n%s", want, r.stdout)
	}
}

// TestImportReadOnly imports into an archive that takes no writes: the
// import stops at once and says why, instead of skipping every file.
func TestImportReadOnly(t *testing.T) {
	if os.Getenv("DEBRIEF_TEST_POSTGRES") == "" && os.Getenv("DEBRIEF_REQUIRE_POSTGRES") == "" {
		t.Skip("needs PostgreSQL (DEBRIEF_TEST_POSTGRES); the SQLite store's refusals are tested in its package")
	}
	u := storetest.PostgresSchema(t)
	mustRun(t, 0, "migrate", "--db", u)
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	r := mustRun(t, 2, "import", "--db", u+sep+"default_transaction_read_only=on", "../../examples")
	if !strings.Contains(r.stderr, "the archive is read-only") || strings.Contains(r.stderr+r.stdout, "skipped") {
		t.Errorf("stderr = %q, stdout = %q; want that the archive is read-only, and no file skipped", r.stderr, r.stdout)
	}
}

func TestImportUsage(t *testing.T) {
	data := []string{"--db=", "--data", t.TempDir()}
	tests := []struct {
		name      string
		args      []string
		stderrHas string
	}{
		{"no arguments", []string{"import"}, "at least one file or folder"},
		{"missing path", []string{"import", filepath.Join(t.TempDir(), "nope")}, "no such file or directory"},
		{"export without a folder", []string{"export"}, "one folder"},
		{"migrate with an argument", []string{"migrate", "now"}, "takes no arguments"},
		{"bad PostgreSQL URL", []string{"import", "--db", "postgres://%zz", "../../examples"}, "connection string is not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, 2, append(slices.Clone(data), tt.args...)...)
			if !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, r.stderr)
			}
		})
	}
}

func TestMigrate(t *testing.T) {
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := a.flags(t)
			if a.name == "postgres" {
				r := mustRun(t, 2, append([]string{"import", "../../examples"}, flags...)...)
				if !strings.Contains(r.stderr, "debrief migrate") {
					t.Errorf("import into an unmigrated database said %q, want it to say to run debrief migrate", r.stderr)
				}
			}
			r := mustRun(t, 0, append([]string{"migrate"}, flags...)...)
			if !strings.HasPrefix(r.stdout, "applied ") {
				t.Errorf("first migrate said %q", r.stdout)
			}
			r = mustRun(t, 0, append([]string{"migrate"}, flags...)...)
			if r.stdout != "the archive is up to date\n" {
				t.Errorf("second migrate said %q", r.stdout)
			}
		})
	}
}

func TestExportRenamesAfterATitleChange(t *testing.T) {
	flags := []string{"--db=", "--data", t.TempDir()}
	dir, out := t.TempDir(), t.TempDir()
	src := writeFile(t, dir, "PM-2026-001.md", validPM)
	keep := writeFile(t, out, "PM-2026-001-notes.md", "# Notes about PM-2026-001, not a postmortem\n")
	mustRun(t, 0, append([]string{"import", src}, flags...)...)
	mustRun(t, 0, append([]string{"export", out}, flags...)...)
	writeFile(t, dir, "PM-2026-001.md", strings.Replace(validPM, "title: Search latency after index rebuild", "title: Slow search while the index rebuilt", 1))
	mustRun(t, 0, append([]string{"import", src}, flags...)...)
	mustRun(t, 0, append([]string{"export", out}, flags...)...)
	names := slices.Sorted(maps.Keys(readDir(t, out)))
	if want := []string{"PM-2026-001-notes.md", "PM-2026-001-slow-search-while-the-index-rebuilt.md"}; !slices.Equal(names, want) {
		t.Errorf("folder holds %v, want %v: the old name replaced, the notes kept", names, want)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Error(err)
	}
}
