package debrief

import (
	"strings"
	"testing"
)

func TestSpelledAs(t *testing.T) {
	p := &Postmortem{Title: "Ledger calls failed", Body: "The mtls handshakes failed after the client certificates expired."}
	s := &SimilarPostmortem{Terms: []string{"mtl", "handshake", "unrelated"}, Services: []string{"ledger"}}
	s.Reasons = reasons(s)
	got := s.SpelledAs(p)
	if want := "shares 'mtls', 'handshakes', 'unrelated'"; !strings.Contains(got.Reason(), want) {
		t.Errorf("reason %q, want %q", got.Reason(), want)
	}
	if !strings.Contains(s.Reason(), "'mtl'") || got.Terms[0] != "mtl" {
		t.Errorf("the original changed: %q %v", s.Reason(), got.Terms)
	}
}
