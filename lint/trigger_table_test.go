package lint

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/debrief/debrief/config"
)

var updateTriggers = flag.Bool("lint.triggers", false, "compile the trigger words and rewrite triggers.bin")

// TestTriggerTable checks that the embedded automaton is the one the
// trigger words compile to: a rule's new trigger word does nothing until
// triggers.bin is written again with -lint.triggers.
func TestTriggerTable(t *testing.T) {
	a, err := compile(triggers())
	if err != nil {
		t.Fatal(err)
	}
	b := a.marshal()
	if *updateTriggers {
		if err := os.WriteFile("triggers.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("triggers.bin: %d states, %d bytes", len(a.out), len(b))
		return
	}
	if !bytes.Equal(b, triggersBin) {
		t.Fatalf("triggers.bin is not the compiled trigger words (%d states now): run go test ./lint -run TestTriggerTable -lint.triggers", len(a.out))
	}
	back, err := unmarshalAutomaton(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.marshal(), b) {
		t.Fatal("the trigger table does not read back as written")
	}
}

func TestTriggerTableRejectsDamage(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("DBX1"), triggersBin[4:]...),
		"truncated": triggersBin[:len(triggersBin)-1],
		"state out of range": func() []byte {
			c := bytes.Clone(triggersBin)
			c[8], c[9] = 0xff, 0xff
			return c
		}(),
	} {
		if _, err := unmarshalAutomaton(b); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
}

// Accepted phrases compile into an automaton of their own; too many for its
// table are an error of the configuration, not a panic.
func TestAcceptTooMany(t *testing.T) {
	// 2,000 phrases of 30 letters that share little: about 60,000 states.
	var phrases []string
	x := uint32(1)
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := 0; k < 30; k++ {
			x = x*1664525 + 1013904223
			b.WriteByte(byte('a' + x>>24%26))
		}
		phrases = append(phrases, b.String())
	}
	if _, err := New(config.Lint{Accept: phrases}); err == nil || !strings.Contains(err.Error(), "lint.accept") {
		t.Fatalf("New with %d long phrases: %v", len(phrases), err)
	}
	if _, err := New(config.Lint{Accept: phrases[:50]}); err != nil {
		t.Fatalf("New with 50 phrases: %v", err)
	}
}

// bareContraction turns most words away before its map; none of the map's
// own words may be turned away.
func TestBareContractionGate(t *testing.T) {
	for w, base := range bareContractions {
		if got, ok := bareContraction(w); !ok || got != base {
			t.Errorf("bareContraction(%q) = %q, %v; want %q", w, got, ok, base)
		}
	}
	for _, w := range []string{"didn", "tent", "the", "ignored", "mint"} {
		if _, ok := bareContraction(w); ok {
			t.Errorf("bareContraction(%q) found a contraction", w)
		}
	}
}
