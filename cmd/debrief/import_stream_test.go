package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/internal/gen"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
)

// pm returns a valid postmortem file with id and extra front matter
// after its status.
func pm(id, extra string) string {
	return strings.Replace(strings.Replace(validPM, "PM-2026-001", id, 1), "status: draft\n", "status: draft\n"+extra, 1)
}

func actionItem(title string) string {
	return "action_items:\n  - id: ACT-1\n    title: " + title + "\n    owner_team: search\n    due: 2026-05-01\n"
}

// TestImportChecksAcrossTheWalk imports a folder whose files meet each
// other's problems in both directions of the walk: a related id named
// before its file comes, a duplicate id, a shared item that differs, a
// related id that names nothing, and one that names a broken file found
// later. Each problem is reported at its position, the files with none
// land, and validate reports the same problems of the set.
func TestImportChecksAcrossTheWalk(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	early := writeFile(t, in, "a/PM-2026-001.md", pm("PM-2026-001", "related: [PM-2026-004]\n"))
	toBroken := writeFile(t, in, "a/PM-2026-006.md", pm("PM-2026-006", "related: [PM-2026-005]\n"))
	toNothing := writeFile(t, in, "a/PM-2026-007.md", pm("PM-2026-007", "related: [PM-2026-077]\n"))
	owner := writeFile(t, in, "b/PM-2026-002.md", pm("PM-2026-002", actionItem("Rebuild the index in the background")))
	differs := writeFile(t, in, "c/PM-2026-003.md", pm("PM-2026-003", actionItem("Rebuild the index at night")))
	agrees := writeFile(t, in, "c/PM-2026-008.md", pm("PM-2026-008", actionItem("Rebuild the index in the background")))
	late := writeFile(t, in, "d/PM-2026-004.md", pm("PM-2026-004", ""))
	broken := writeFile(t, in, "d/PM-2026-005.md", strings.Replace(pm("PM-2026-005", ""), "SEV3", "SEV9", 1))
	dup := writeFile(t, in, "e/PM-2026-002-copy.md", pm("PM-2026-002", ""))
	problems := []string{
		toBroken + ":6:11: related postmortem PM-2026-005 is skipped because of its problems and is not in the archive yet: fix it, then import both",
		toNothing + ":6:11: related postmortem PM-2026-077 does not exist among the files given",
		differs + ":7:9: duplicate action item id ACT-1: PM-2026-002 uses it for a different item; ids are unique across the archive, and an item shared by several postmortems must be identical in each",
		broken + ":4:11: severity \"SEV9\" is not one of SEV1, SEV2, SEV3, SEV4",
		dup + ":2:5: duplicate postmortem id PM-2026-002: " + owner + " uses it too",
	}
	for _, a := range archives(t) {
		t.Run(a.name, func(t *testing.T) {
			flags := append(a.flags(t), "--migrate")
			r := mustRun(t, 1, append([]string{"import", in}, flags...)...)
			if want := strings.Join(problems, "\n") + "\n"; r.stdout != want {
				t.Errorf("stdout:\n%s\nwant:\n%s", r.stdout, want)
			}
			if want := "imported 4 postmortems: 4 created, 0 updated, 0 unchanged; skipped 5 files with problems\n"; r.stderr != want {
				t.Errorf("stderr = %q, want %q", r.stderr, want)
			}
			out := t.TempDir()
			mustRun(t, 0, append([]string{"export", out}, flags...)...)
			var ids []string
			for name := range readDir(t, out) {
				ids = append(ids, name[:len("PM-2026-000")])
			}
			slices.Sort(ids)
			if want := []string{"PM-2026-001", "PM-2026-002", "PM-2026-004", "PM-2026-008"}; !slices.Equal(ids, want) {
				t.Errorf("the archive holds %v, want %v (%s, %s, %s, %s)", ids, want, early, owner, late, agrees)
			}
			// The same files again change nothing.
			r = mustRun(t, 1, append([]string{"import", in}, flags...)...)
			if want := "imported 4 postmortems: 0 created, 0 updated, 4 unchanged; skipped 5 files with problems\n"; r.stderr != want {
				t.Errorf("second import: stderr = %q, want %q", r.stderr, want)
			}
		})
	}
	// validate finds the same problems, except the one that only an
	// import has: a file that would land pointing at a skipped one.
	r := mustRun(t, 1, "validate", in)
	if want := strings.Join(append([]string{problems[1]}, problems[2:]...), "\n") + "\n"; r.stdout != want {
		t.Errorf("validate's stdout:\n%s\nwant:\n%s", r.stdout, want)
	}
}

// TestImportSkipsAFileThatChanges changes a file after the files were
// checked as a set and before it is stored: it is skipped whole, with a
// message, and the others land.
func TestImportSkipsAFileThatChanges(t *testing.T) {
	in := t.TempDir()
	first := writeFile(t, in, "PM-2026-001.md", pm("PM-2026-001", ""))
	changing := writeFile(t, in, "PM-2026-002.md", pm("PM-2026-002", ""))
	set, err := scanFiles([]string{in})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, in, "PM-2026-002.md", strings.Replace(pm("PM-2026-002", ""), "SEV3", "SEV1", 1))
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stdout, stderr bytes.Buffer
	g := &globals{stdout: &stdout, stderr: &stderr, log: slog.New(slog.DiscardHandler)}
	if err := importFiles(ctx, g, db, set, []string{in}); err != errProblems {
		t.Errorf("import returned %v, want that some files were skipped", err)
	}
	if want := changing + ":1:1: " + errChanged.Error() + "\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
	if _, err := db.FindByID(ctx, debrief.Operator, "PM-2026-001"); err != nil {
		t.Errorf("%s did not land: %v", first, err)
	}
	if _, err := db.FindByID(ctx, debrief.Operator, "PM-2026-002"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("the changed file was stored (%v)", err)
	}
}

// TestImportIsAudited checks that each import is one entry of the audit
// log, with what it did.
func TestImportIsAudited(t *testing.T) {
	in := t.TempDir()
	writeFile(t, in, "PM-2026-001.md", pm("PM-2026-001", ""))
	writeFile(t, in, "PM-2026-002.md", strings.Replace(pm("PM-2026-002", ""), "SEV3", "SEV9", 1))
	data := t.TempDir()
	mustRun(t, 1, "import", "--db=", "--data", data, in)
	mustRun(t, 1, "import", "--db=", "--data", data, in)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	events, _, err := db.AuditLog(ctx, debrief.AuditFilter{Action: debrief.AuditPostmortemImport})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, fmt.Sprintf("%s %s %s: %s (%s)", e.Actor, e.Action, e.Target, e.Detail, e.Origin))
	}
	want := []string{
		"operator postmortem.import " + in + ": 0 created, 0 updated, 1 unchanged, 1 skipped (command line)",
		"operator postmortem.import " + in + ": 1 created, 0 updated, 0 unchanged, 1 skipped (command line)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestScanKeepsLittlePerFile reads more and more generated postmortems
// into a file set and measures the heap it keeps between its two reads:
// the bytes per file stay small and do not grow with the number of files,
// far below what the parsed documents take.
func TestScanKeepsLittlePerFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 4,000 files")
	}
	dir := t.TempDir()
	writeGenerated(t, dir, 4000)
	var perFile []float64
	for _, n := range []int{1000, 4000} {
		var folders []string
		for i := range n / 1000 {
			folders = append(folders, filepath.Join(dir, fmt.Sprintf("%03d", i)))
		}
		set, kept := heapKept(t, func() any {
			set, err := scanFiles(folders)
			if err != nil {
				t.Fatal(err)
			}
			return set
		})
		if got := set.(*fileSet).len(); got != n {
			t.Fatalf("read %d files, want %d", got, n)
		}
		perFile = append(perFile, float64(kept)/float64(n))
	}
	entries, err := os.ReadDir(filepath.Join(dir, "000"))
	if err != nil {
		t.Fatal(err)
	}
	docs, docsKept := heapKept(t, func() any {
		var docs []*markdown.File
		for _, e := range entries {
			f, err := markdown.ReadFile(filepath.Join(dir, "000", e.Name()), debrief.DefaultTaxonomy())
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, f)
		}
		return docs
	})
	if n := len(docs.([]*markdown.File)); n != 1000 {
		t.Fatalf("parsed %d documents, want 1000", n)
	}
	docPerFile := float64(docsKept) / 1000
	t.Logf("kept per file: %.0f B with 1,000 files, %.0f B with 4,000; a parsed document keeps %.0f B", perFile[0], perFile[1], docPerFile)
	if perFile[1] > 1.5*perFile[0]+64 {
		t.Errorf("memory per file grows with the files: %.0f B with 1,000, %.0f B with 4,000", perFile[0], perFile[1])
	}
	if perFile[1] > docPerFile/10 {
		t.Errorf("the set keeps %.0f B per file, more than a tenth of a parsed document (%.0f B)", perFile[1], docPerFile)
	}
}

// heapKept returns what build returns and the bytes of heap it keeps,
// after a collection.
func heapKept(t *testing.T, build func() any) (any, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return v, 0
	}
	return v, after.HeapAlloc - before.HeapAlloc
}

// writeGenerated writes n generated postmortems into dir, in folders of a
// thousand, as debrief-gen does.
func writeGenerated(t testing.TB, dir string, n int) {
	t.Helper()
	a := gen.Archive{Seed: 1}
	for i := range n {
		p := a.Postmortem(i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, gen.FileName(p)), markdown.Write(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
