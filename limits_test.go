package debrief

import (
	"strings"
	"testing"
)

func TestCheckBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []BodyProblem // only Line and Col are compared, and a word of the message
		word []string
	}{
		{"a real body", "# Title\n\n## Summary\n- one\n  - two\n> quoted [link](x)\n", nil, nil},
		{"empty", "", nil, nil},
		{"too many lines", strings.Repeat("text\n", MaxBodyLines+10), []BodyProblem{{Line: MaxBodyLines + 1, Col: 1}}, []string{"lines"}},
		{"too many headings", strings.Repeat("# h\n", MaxHeadings+5), []BodyProblem{{Line: MaxHeadings + 1, Col: 1}}, []string{"headings"}},
		{"underlined headings count", strings.Repeat("h\n===\n", MaxHeadings+1), []BodyProblem{{Line: 2*MaxHeadings + 2, Col: 1}}, []string{"headings"}},
		{"headings in code blocks do not count", "```sh\n" + strings.Repeat("# comment\n", MaxHeadings+5) + "```\n", nil, nil},
		{"list items are not underlines", strings.Repeat("text\n- item\n", MaxHeadings+1), nil, nil},
		{"quotes nest too deep", "text\n" + strings.Repeat("> ", MaxNesting+1) + "deep\n", []BodyProblem{{Line: 2, Col: 2*MaxNesting + 1}}, []string{"nest"}},
		{"lists on one line", strings.Repeat("- ", MaxNesting+1) + "x\n", []BodyProblem{{Line: 1, Col: 2*MaxNesting + 1}}, []string{"nest"}},
		{"lists by indentation", func() string {
			var b strings.Builder
			for i := range MaxNesting + 2 {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return b.String()
		}(), []BodyProblem{{Line: MaxNesting + 1, Col: 2*MaxNesting + 1}}, []string{"nest"}},
		{"brackets", "see " + strings.Repeat("[", MaxNesting+1) + "x" + strings.Repeat("]", MaxNesting+1), []BodyProblem{{Line: 1, Col: 4 + MaxNesting + 1}}, []string{"brackets"}},
		{"one problem of a kind", strings.Repeat("> > > > > > > > > > > > > > > > > > deep\n", 3), []BodyProblem{{Line: 1}}, []string{"nest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckBody(tt.body)
			if len(got) != len(tt.want) {
				t.Fatalf("CheckBody = %+v, want %d problems", got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i].Line != w.Line || w.Col != 0 && got[i].Col != w.Col || !strings.Contains(got[i].Message, tt.word[i]) {
					t.Errorf("problem %d = %+v, want line %d col %d about %s", i, got[i], w.Line, w.Col, tt.word[i])
				}
			}
		})
	}
}

func FuzzCheckBody(f *testing.F) {
	for _, s := range []string{"# h\n", "> > - [x]\n", "```\n# a\n```\n", "1. a\n   2) b\n\t- c\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, p := range CheckBody(body) {
			if p.Line < 1 || p.Col < 1 || p.Message == "" {
				t.Fatalf("CheckBody(%q) gave %+v", body, p)
			}
		}
	})
}
