package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/sqlite"
	"github.com/debrief/debrief/storetest"
)

// seedExamples imports the repository's example postmortems and returns
// one of them without action items or risks, to copy under new ids.
func seedExamples(t *testing.T, db debrief.Store) *debrief.Postmortem {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(storetest.ExamplesDir(), "PM-*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var template *debrief.Postmortem
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := markdown.CheckBytes(path, src, debrief.DefaultTaxonomy())
		if !f.Valid() {
			t.Fatalf("%s: %v", path, f.Problems)
		}
		if _, err := db.Import(context.Background(), f.Doc.Postmortem); err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		if template == nil && !f.Doc.Postmortem.Restricted {
			template = f.Doc.Postmortem
		}
	}
	c := *template
	c.ActionItems, c.AcceptedRisks, c.Related = nil, nil, nil
	return &c
}

func exportAll(t *testing.T, db debrief.Store) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := db.Export(context.Background(), debrief.Operator, func(id string, file []byte) error {
		files[id] = bytes.Clone(file)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBackupDuringWrites backs the archive up while another goroutine
// keeps adding postmortems, restores the backup into a new folder, and
// compares the exports: the backup holds the examples and the first k
// postmortems written, each exactly as the archive has it, for some k
// between the writes that ended before the backup began and those begun
// before it ended.
func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	template := seedExamples(t, db)
	seeded := len(exportAll(t, db))

	var written atomic.Int64
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		for i := 1; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			p := *template
			p.ID = fmt.Sprintf("PM-2031-%04d", i)
			p.Title = fmt.Sprintf("Copy %d of %s", i, template.Title)
			if _, err := db.Import(ctx, &p); err != nil {
				done <- err
				return
			}
			written.Store(int64(i))
		}
	}()
	for written.Load() < 20 {
		runtime.Gosched()
		select {
		case err := <-done:
			t.Fatalf("the writer stopped: %v", err)
		default:
		}
	}
	backup := filepath.Join(t.TempDir(), "debrief.backup")
	before := written.Load()
	if err := sqlite.Backup(ctx, db.Path(), backup); err != nil {
		t.Fatal(err)
	}
	after := written.Load() + 1
	for written.Load() < after+10 {
		runtime.Gosched()
	}
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	if err := sqlite.Restore(ctx, backup, dir); err != nil {
		t.Fatal(err)
	}
	restored, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	got, want := exportAll(t, restored), exportAll(t, db)
	k := int64(len(got) - seeded)
	if k < before || k > after {
		t.Errorf("the backup holds %d of the written postmortems; %d were written before it began and %d when it ended", k, before, after)
	}
	ids := make([]string, 0, len(got))
	for id := range got {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !bytes.Equal(got[id], want[id]) {
			t.Errorf("%s differs in the backup", id)
		}
		if n, ok := strings.CutPrefix(id, "PM-2031-"); ok {
			var i int64
			if _, err := fmt.Sscanf(n, "%d", &i); err != nil || i > k {
				t.Errorf("the backup holds %s but not all postmortems written before it", id)
			}
		}
	}
	if len(want) <= len(got) {
		t.Errorf("the archive has %d postmortems, the backup %d: the writes after the backup are missing", len(want), len(got))
	}
}

// TestRestoreReplacesTheArchive restores a backup over an archive that
// changed since, and checks the refusals of what is not a backup.
func TestRestoreReplacesTheArchive(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	template := seedExamples(t, db)
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := sqlite.Backup(ctx, db.Path(), backup); err != nil {
		t.Fatal(err)
	}
	want := exportAll(t, db)
	p := *template
	p.ID = "PM-2031-0001"
	if _, err := db.Import(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.Backup(ctx, db.Path(), backup); debrief.ErrorCode(err) != debrief.ECONFLICT {
		t.Errorf("backup over an existing file: %v, want a conflict", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.Restore(ctx, backup, dir); err != nil {
		t.Fatal(err)
	}
	db, err = sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := exportAll(t, db)
	if len(got) != len(want) || got["PM-2031-0001"] != nil {
		t.Errorf("restored %d postmortems, want the %d of the backup", len(got), len(want))
	}
	for id := range want {
		if !bytes.Equal(got[id], want[id]) {
			t.Errorf("%s differs after the restore", id)
		}
	}

	junk := filepath.Join(t.TempDir(), "junk")
	if err := os.WriteFile(junk, []byte("not a database at all, just text that is long enough"), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if _, err := os.Create(empty); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, path, code, says string }{
		{"missing", filepath.Join(t.TempDir(), "nothing"), debrief.ENOTFOUND, "no backup"},
		{"folder", t.TempDir(), debrief.EINVALID, "not a file"},
		{"text", junk, debrief.EINVALID, "not a debrief backup"},
		{"empty", empty, debrief.EINVALID, "not a debrief backup"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := sqlite.Restore(ctx, tt.path, t.TempDir())
			if debrief.ErrorCode(err) != tt.code || !strings.Contains(debrief.ErrorMessage(err), tt.says) {
				t.Errorf("restore: %v, want %s saying %q", err, tt.code, tt.says)
			}
		})
	}
	if err := sqlite.Backup(ctx, filepath.Join(t.TempDir(), "none.db"), filepath.Join(t.TempDir(), "b")); debrief.ErrorCode(err) != debrief.ENOTFOUND {
		t.Errorf("backup of no archive: %v, want not found", err)
	}
}
