package debrief_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

var updateDocs = flag.Bool("update", false, "rewrite the generated part of docs/kinds.md")

// kindsDoc returns the list of the default kinds as docs/kinds.md shows it.
func kindsDoc() string {
	var b strings.Builder
	b.WriteString("| id | name | definition |\n|---|---|---|\n")
	ks := debrief.DefaultKinds().Kinds()
	for _, k := range ks {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", k.ID, k.Name, k.Definition)
	}
	b.WriteString("\n### Their signals\n\nIn each signal, `|` separates alternatives for one word and `*` ends a prefix.\n")
	code := func(sigs []string) string {
		q := make([]string, len(sigs))
		for i, s := range sigs {
			q[i] = "`" + s + "`"
		}
		return strings.Join(q, ", ")
	}
	for _, k := range ks {
		fmt.Fprintf(&b, "\n#### %s (`%s`)\n\n- strong: %s\n", k.Name, k.ID, code(k.Strong))
		if len(k.Signals) > 0 {
			fmt.Fprintf(&b, "- signals: %s\n", code(k.Signals))
		}
		if len(k.Against) > 0 {
			fmt.Fprintf(&b, "- against: %s\n", code(k.Against))
		}
	}
	return b.String()
}

// TestKindsDoc checks that docs/kinds.md lists every default kind with its
// definition and signals; -update rewrites the list.
func TestKindsDoc(t *testing.T) {
	const begin, end = "<!-- kinds:begin -->\n", "<!-- kinds:end -->"
	path := "docs/kinds.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q and %q markers", path, begin, end)
	}
	want := s[:i+len(begin)] + kindsDoc() + s[j:]
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Errorf("%s is out of date with the default kinds: run go test -run TestKindsDoc -update", path)
	}
}
