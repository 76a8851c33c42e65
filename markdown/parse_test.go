package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

// valid is a complete, valid front matter; cases below change one thing.
const valid = `---
id: PM-2026-014
title: Checkout errors after certificate expiry
severity: SEV2
status: published
customer_facing: true
teams: [payments]
services: [payments-api]
review_date: 2026-03-12
started: 2026-03-03T02:14:00Z
detected: 2026-03-03T02:21:00Z
mitigated: 2026-03-03T03:05:00Z
resolved: 2026-03-03T04:40:00Z
trigger: The certificate expired.
contributing_factors:
  - category: automation
    description: Renewal skipped vendor certificates.
action_items:
  - id: ACT-231
    title: Renew every edge certificate from one job
    owner_team: platform
    kind: prevent
    effort_days: 5
    value: 5
    due: 2026-04-15
    status: open
accepted_risks:
  - id: RISK-007
    risk: Vendor certificates are renewed by hand.
    owner_team: platform
    review_by: 2026-04-01
---

# Checkout errors

## Summary
Text.
`

func TestParseValid(t *testing.T) {
	doc, probs := Parse([]byte(valid))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if v := doc.Validate(debrief.DefaultTaxonomy()); len(v) > 0 {
		t.Fatalf("validation problems: %v", v)
	}
	p := doc.Postmortem
	if p.ID != "PM-2026-014" || p.Severity != debrief.SEV2 || !p.CustomerFacing || p.ActionItems[0].EffortDays != 5 || p.ActionItems[0].Due.String() != "2026-04-15" {
		t.Errorf("wrong values: %+v", p)
	}
	if ttr, ok := p.TimeToResolve(); !ok || ttr.String() != "2h26m0s" {
		t.Errorf("TimeToResolve = %v, %v", ttr, ok)
	}
	if doc.BodyLine != 33 {
		t.Errorf("BodyLine = %d, want 33", doc.BodyLine)
	}
	if !strings.HasPrefix(p.Body, "\n# Checkout errors") {
		t.Errorf("body starts %q", p.Body[:20])
	}
}

// TestProblems checks each kind of problem and its exact position. Each case
// replaces one line of the valid file.
func TestProblems(t *testing.T) {
	tests := []struct {
		name      string
		old, new  string
		want      string // "line:col: message prefix"
		extraTaxo []string
	}{
		{"bad severity", "severity: SEV2", "severity: SEV7", `4:11: severity "SEV7" is not one of SEV1, SEV2, SEV3, SEV4`, nil},
		{"bad status", "status: published", "status: done", `5:9: status "done" is not one of draft`, nil},
		{"unknown key with suggestion", "customer_facing: true", "customer_facin: true", `6:1: unknown key "customer_facin" in the front matter: did you mean "customer_facing"?`, nil},
		{"unknown key in item", "    kind: prevent", "    knd: prevent", `22:5: unknown key "knd" in action_items[0]: did you mean "kind"?`, nil},
		{"repeated key", "services: [payments-api]", "teams: [x]", `8:1: "teams" appears twice`, nil},
		{"list expected", "teams: [payments]", "teams: payments", `7:8: teams must be a list such as [a, b], found "payments"`, nil},
		{"bool expected", "customer_facing: true", "customer_facing: maybe", `6:18: customer_facing must be true or false, found "maybe"`, nil},
		{"bad date", "review_date: 2026-03-12", "review_date: 2026-02-30", `9:14: review_date: "2026-02-30" is not a date`, nil},
		{"bad time", "detected: 2026-03-03T02:21:00Z", "detected: yesterday", `11:11: detected: "yesterday" is not an RFC 3339 time`, nil},
		{"times out of order", "mitigated: 2026-03-03T03:05:00Z", "mitigated: 2026-03-03T02:00:00Z", "12:12: mitigated is before detected", nil},
		{"unknown category", "  - category: automation", "  - category: automaton", `16:15: unknown category "automaton" (did you mean "automation"?)`, nil},
		{"category from config", "  - category: automation", "  - category: compliance", "", []string{"compliance"}},
		{"missing owner team", "    owner_team: platform", "", "19:5: ACT-231 has no owner_team", nil},
		{"missing due", "    due: 2026-04-15", "", "19:5: ACT-231 has no due date", nil},
		{"wont-do without reason", "    status: open", "    status: wont-do", "26:13: ACT-231 is wont-do without a reason", nil},
		{"value out of scale", "    value: 5", "    value: 9", "24:12: value 9 is outside the 1–5", nil},
		{"value not a number", "    value: 5", "    value: high", `24:12: value must be a whole number, found "high"`, nil},
		{"risk without review_by", "    review_by: 2026-04-01", "", "28:5: RISK-007 has no review_by date", nil},
		{"bad action id", "  - id: ACT-231", "  - id: TODO-1", `19:9: action item id "TODO-1" is not of the form ACT-N`, nil},
		{"missing severity", "severity: SEV2", "", "1:1: missing severity", nil},
		{"yaml syntax", "trigger: The certificate expired.", "trigger: The certificate: expired.", "14:1: front matter is not valid YAML: mapping values are not allowed", nil},
		{"mapping expected", "  - category: automation\n    description: Renewal skipped vendor certificates.", "  - automation", "16:5: contributing_factors[0] must be a mapping", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(valid, tt.old+"\n", tt.new+"\n", 1)
			if tt.new == "" {
				src = strings.Replace(valid, tt.old+"\n", "", 1)
			}
			if src == valid {
				t.Fatalf("case does not change the file")
			}
			f := CheckBytes("pm.md", []byte(src), debrief.DefaultTaxonomy().With(tt.extraTaxo...))
			if tt.want == "" {
				if len(f.Problems) > 0 {
					t.Fatalf("want no problems, got %v", f.Problems)
				}
				return
			}
			var got []string
			for _, p := range f.Problems {
				got = append(got, p.String())
				if strings.HasPrefix(p.String(), tt.want) {
					return
				}
			}
			t.Errorf("want a problem starting %q, got %q", tt.want, got)
		})
	}
}

func TestNoDoubleReport(t *testing.T) {
	src := strings.Replace(valid, "severity: SEV2", "severity: [SEV2]", 1)
	f := CheckBytes("pm.md", []byte(src), debrief.DefaultTaxonomy())
	if len(f.Problems) != 1 || !strings.HasPrefix(f.Problems[0].String(), "4:11: severity must be text") {
		t.Errorf("want one type problem, got %v", f.Problems)
	}
}

func TestFrontMatterShapes(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"none", "# Just Markdown\n", "1:1: no front matter"},
		{"unclosed", "---\nid: PM-2026-001\n", "1:1: the front matter opened on line 1 is never closed"},
		{"empty", "---\n---\nbody\n", "1:1: the front matter is empty"},
		{"not a mapping", "---\n- a\n- b\n---\n", "2:1: the front matter must be a mapping"},
		{"crlf", "---\r\nid: PM-2026-001\r\ntitle: T\r\nseverity: SEV9\r\nstatus: draft\r\n---\r\n", `4:11: severity "SEV9"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := CheckBytes("x.md", []byte(tt.src), debrief.DefaultTaxonomy())
			if len(f.Problems) == 0 || !strings.HasPrefix(f.Problems[0].String(), tt.want) {
				t.Errorf("want %q, got %v", tt.want, f.Problems)
			}
		})
	}
}

func TestCheckSet(t *testing.T) {
	mk := func(id, related, item string) *File {
		src := fmt.Sprintf("---\nid: %s\ntitle: T\nseverity: SEV3\nstatus: draft\nrelated: [%s]\naction_items:\n  - id: ACT-1\n    title: %s\n    owner_team: a\n    due: 2026-01-01\n---\n", id, related, item)
		return CheckBytes(id+".md", []byte(src), debrief.DefaultTaxonomy())
	}
	files := []*File{mk("PM-2026-001", "PM-2026-002", "same"), mk("PM-2026-002", "PM-2026-009", "same"), mk("PM-2026-002", "PM-2026-001", "different")}
	CheckSet(files)
	want := [][]string{
		nil,
		{"6:11: related postmortem PM-2026-009 does not exist among the files given"},
		{"2:5: duplicate postmortem id PM-2026-002: PM-2026-002.md uses it too", "8:9: duplicate action item id ACT-1"},
	}
	for i, f := range files {
		if len(f.Problems) != len(want[i]) {
			t.Errorf("file %d: want %d problems, got %v", i, len(want[i]), f.Problems)
			continue
		}
		for j, p := range f.Problems {
			if !strings.HasPrefix(p.String(), want[i][j]) {
				t.Errorf("file %d: want %q, got %q", i, want[i][j], p.String())
			}
		}
	}
}

// TestRoundTrip parses every example, writes it in canonical form and parses
// that again: the postmortem must come back unchanged, and writing it again
// must give the same bytes.
func TestRoundTrip(t *testing.T) {
	paths, _ := filepath.Glob("../examples/*.md")
	paths = append(paths, "inline:valid")
	n := 0
	for _, path := range paths {
		src := []byte(valid)
		if path != "inline:valid" {
			var err error
			if src, err = os.ReadFile(path); err != nil {
				t.Fatal(err)
			}
		}
		doc, probs := Parse(src)
		if !doc.HasFrontMatter {
			continue
		}
		n++
		if len(probs) > 0 {
			t.Errorf("%s: %v", path, probs)
			continue
		}
		out := Write(doc.Postmortem)
		again, probs := Parse(out)
		if len(probs) > 0 {
			t.Errorf("%s: canonical form does not parse: %v", path, probs)
			continue
		}
		if !reflect.DeepEqual(doc.Postmortem, again.Postmortem) {
			t.Errorf("%s: round trip changed the postmortem:\n%+v\n%+v", path, doc.Postmortem, again.Postmortem)
		}
		if out2 := Write(again.Postmortem); string(out2) != string(out) {
			t.Errorf("%s: canonical form is not stable", path)
		}
	}
	if n == 0 {
		t.Fatal("no postmortem round-tripped")
	}
}

func TestTemplateValidates(t *testing.T) {
	p := &debrief.Postmortem{ID: "PM-2026-001", Title: "A: title", Severity: debrief.SEV3, Status: debrief.StatusDraft}
	src := Template(p)
	f := CheckBytes("new.md", src, debrief.DefaultTaxonomy())
	if !f.Valid() {
		t.Fatalf("template does not validate: %v", f.Problems)
	}
	for _, s := range debrief.Sections {
		if !strings.Contains(string(src), "\n## "+s.Title+"\n") {
			t.Errorf("template lacks section %q", s.Title)
		}
	}
}
