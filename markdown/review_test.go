package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

const reviewed = `reviewers: [Priya Raman, Lena Fischer]
review_date: 2026-03-12
approvals:
  - by: Priya Raman
    date: 2026-03-12
publish_override:
  by: Dana Whitfield
  date: 2026-03-11
  reason: The quoted chat message keeps its words.
  findings: 1
`

func TestReviewRoundTrip(t *testing.T) {
	src := strings.Replace(valid, "review_date: 2026-03-12\n", reviewed, 1)
	f := CheckBytes("r.md", []byte(src), debrief.DefaultTaxonomy())
	if !f.Valid() {
		t.Fatal(f.Problems)
	}
	p := f.Doc.Postmortem
	want := []debrief.Approval{{By: "Priya Raman", Date: mustDate(t, "2026-03-12")}}
	if !reflect.DeepEqual(p.Approvals, want) || p.PublishOverride == nil || p.PublishOverride.Findings != 1 || p.PublishOverride.By != "Dana Whitfield" {
		t.Fatalf("approvals %+v, override %+v", p.Approvals, p.PublishOverride)
	}
	if p.Approved() || !p.ApprovedBy("priya raman") {
		t.Errorf("approved %v, by Priya %v: want one of two reviewers", p.Approved(), p.ApprovedBy("priya raman"))
	}
	back, probs := Parse(Write(p))
	if len(probs) > 0 || !reflect.DeepEqual(back.Postmortem, p) {
		t.Errorf("round trip: %v\n%+v\n%+v", probs, back.Postmortem, p)
	}
}

func TestReviewProblems(t *testing.T) {
	tests := []struct{ name, from, to, want string }{
		{"approval by a stranger", "  - by: Priya Raman", "  - by: Sam Stone", `"Sam Stone" approved but is not among the reviewers`},
		{"approval without a date", "    date: 2026-03-12\npublish", "publish", "the approval has no date"},
		{"override without a reason", "  reason: The quoted chat message keeps its words.\n", "", "the publish override has no reason"},
		{"unknown override key", "  findings: 1", "  findngs: 1", `unknown key "findngs" in publish_override: did you mean "findings"?`},
		{"approvals not a list", "approvals:\n  - by: Priya Raman\n    date: 2026-03-12\n", "approvals: yes\n", "approvals must be a list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			block := strings.Replace(reviewed, tc.from, tc.to, 1)
			if block == reviewed {
				t.Fatalf("the case changes nothing")
			}
			src := strings.Replace(valid, "review_date: 2026-03-12\n", block, 1)
			f := CheckBytes("r.md", []byte(src), debrief.DefaultTaxonomy())
			var got []string
			for _, p := range f.Problems {
				got = append(got, p.String())
				if strings.Contains(p.Message, tc.want) && p.Line > 1 {
					return
				}
			}
			t.Errorf("want a problem with %q at its line, got %q", tc.want, got)
		})
	}
}

func mustDate(t *testing.T, s string) debrief.Date {
	t.Helper()
	d, err := debrief.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
