package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// TestExamples checks the example archive: every draft has blame or
// root-cause findings, and the reviewed postmortems (in review or
// published) have no finding at all.
func TestExamples(t *testing.T) {
	paths, _ := filepath.Glob("../examples/PM-*.md")
	if len(paths) == 0 {
		t.Skip("no examples")
	}
	l := mustLinter(t)
	drafts, reviewed := 0, 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		md, _ := markdown.Parse(src)
		fs := l.Lint(p, src)
		if md.Postmortem.Status == debrief.StatusDraft {
			drafts++
			prose := 0
			for _, f := range fs {
				if f.Category != Structure {
					prose++
				}
			}
			if prose == 0 {
				t.Errorf("%s: a draft with no blame or root-cause finding", p)
			}
			continue
		}
		reviewed++
		for _, f := range fs {
			t.Errorf("%s: a reviewed postmortem has a finding: %s", p, f)
		}
	}
	t.Logf("%d drafts flagged, %d reviewed postmortems clean", drafts, reviewed)
}
