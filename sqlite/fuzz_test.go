package sqlite_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// FuzzImport feeds hostile file contents through the checks of `debrief
// validate` and into the archive, as `debrief import` does: nothing may
// panic; a file the archive refuses leaves what was stored as it was; a
// file it takes is stored whole, reads back as its canonical form, and
// importing it again changes nothing.
func FuzzImport(f *testing.F) {
	paths, _ := filepath.Glob("../examples/PM-*.md")
	for i, p := range paths {
		if i%4 == 0 {
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
	}
	for _, s := range []string{
		"---\nid: PM-2025-001\ntitle: x\nseverity: SEV1\nstatus: draft\n---\n",
		"---\nid: PM-2025-001\ntitle: \"\\0\"\nseverity: SEV1\nstatus: draft\n---\n\x00",
		"---\nid: PM-2025-001\ntitle: t\nseverity: SEV1\nstatus: draft\ntags: [\"'\", '\"', \"\\uE000\"]\n---\n\uE001 \"NEAR(\" -- ;DROP TABLE postmortems\n",
		"---\nid: PM-2025-002\ntitle: t\nseverity: SEV2\nstatus: published\naction_items:\n  - id: ACT-1\n    title: a\n    owner_team: x\n    due: 2025-01-01\n---\n",
		"---\nid: PM-2025-003\ntitle: t\nseverity: SEV2\nstatus: published\naction_items:\n  - id: ACT-1\n    title: b\n    owner_team: x\n    due: 2025-01-01\n    status: done\n---\n",
		"---\nid: PM-2025-004\ntitle: t\nseverity: SEV4\nstatus: draft\nrestricted: true\nteams: [\"\", \" \"]\n---\n",
		"\uFEFF---\r\nid: PM-2025-005\r\ntitle: t\r\nseverity: SEV3\r\nstatus: draft\r\n...\r\nbody",
	} {
		f.Add([]byte(s))
	}
	ctx := context.Background()
	db := mustOpen(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file := markdown.CheckBytes("fuzz.md", src, debrief.DefaultTaxonomy())
		markdown.CheckSet([]*markdown.File{file})
		if !file.Valid() {
			return
		}
		p := file.Doc.Postmortem
		before, beforeErr := db.FindByID(ctx, debrief.Operator, p.ID)
		result, err := db.Import(ctx, p)
		after, afterErr := db.FindByID(ctx, debrief.Operator, p.ID)
		if err != nil {
			if debrief.ErrorCode(err) == debrief.EINTERNAL {
				t.Fatalf("import of a valid file failed: %v\n%q", err, src)
			}
			if debrief.ErrorCode(beforeErr) != debrief.ErrorCode(afterErr) ||
				beforeErr == nil && (before.Version != after.Version || !bytes.Equal(markdown.Write(before), markdown.Write(after))) {
				t.Fatalf("a refused import changed what was stored:\n%q", src)
			}
			return
		}
		if afterErr != nil {
			t.Fatalf("imported %s (%v) but cannot read it back: %v", p.ID, result, afterErr)
		}
		if !bytes.Equal(markdown.Write(after), markdown.Write(p)) || after.Version != p.Version {
			t.Fatalf("stored %s differs from the file imported:\n%s\n---\n%s", p.ID, markdown.Write(after), markdown.Write(p))
		}
		if again, err := db.Import(ctx, p); err != nil || again != debrief.Unchanged {
			t.Fatalf("importing %s again = %v, %v; want unchanged", p.ID, again, err)
		}
	})
}
