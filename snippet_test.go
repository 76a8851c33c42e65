package debrief

import (
	"strings"
	"testing"
)

func TestFindSnippet(t *testing.T) {
	filler := strings.Repeat("the timeline went on. ", 200)
	tests := []struct {
		name  string
		words []string
		texts []string
		want  string
	}{
		{"no match", []string{"ledger"}, []string{"nothing here", filler}, ""},
		{"a short field", []string{"certificate"}, []string{"The certificate expired"}, "The [certificate] expired"},
		{"the stem", []string{"certificates"}, []string{"", "a Certificate expired"}, "a [Certificate] expired"},
		{"the field that has most", []string{"pool"}, []string{"", "the pool ran out", "pool and pool"}, "[pool] and [pool]"},
		{"the first of equals", []string{"pool"}, []string{"", "the pool ran out", "a pool too"}, "the [pool] ran out"},
		{"deep in a long body", []string{"handshake"}, []string{filler + "then the TLS handshake failed. " + filler},
			"… the timeline went on. the timeline went on. then the TLS [handshake] failed. the timeline went on. the timeline went on. the timeline went …"},
		{"the start of a word only", []string{"pool"}, []string{filler + "a carpool and a spool. " + filler}, ""},
		{"the window with more matches", []string{"dns"}, []string{filler + "dns once. " + filler + "dns, dns and dns. " + filler},
			"… went on. the timeline went on. the timeline went on. [dns], [dns] and [dns]. the timeline went on. the timeline went on. the timeline …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FindSnippet(tt.words, tt.texts...).Marked("[", "]"); got != tt.want {
				t.Errorf("FindSnippet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindSnippetBounded checks that FindSnippet's work does not grow with
// a text's matches: a body of one word repeated to the archive's largest
// file gives a short snippet, marking only the words around the first
// places it finds.
func TestFindSnippetBounded(t *testing.T) {
	hot := strings.Repeat("h ", MaxFileSize/2)
	marked := markAround(hot, []string{"h"}, []string{"h"})
	if n := len(marked); n > 4*snippetReach*snippetPlaces {
		t.Errorf("marked %d bytes of a %d-byte text", n, len(hot))
	}
	if s := FindSnippet([]string{"h"}, hot); len(s) == 0 || len(s.String()) > 200 {
		t.Errorf("snippet %q", s.String())
	}
	// Occurrences inside words are tried a bounded number of times.
	inside := strings.Repeat("xh ", MaxFileSize/3)
	if marked := markAround(inside, []string{"h"}, []string{"h"}); marked != "" {
		t.Errorf("marked %q in a text where h starts no word", marked[:min(len(marked), 80)])
	}
}

// FuzzFindSnippet feeds any words and texts to FindSnippet: it never
// panics, and its snippet is short and holds no marker.
func FuzzFindSnippet(f *testing.F) {
	f.Add("certificate", "the certificate expired", strings.Repeat("Ünïcode certificate ", 100))
	f.Add("h", strings.Repeat("h ", 1000), "\uE000h\uE001")
	f.Fuzz(func(t *testing.T, q, a, b string) {
		s := FindSnippet(Words(q), a, b)
		text := s.String()
		if strings.ContainsAny(text, MatchStart+MatchEnd) {
			t.Fatalf("snippet %q holds a marker", text)
		}
		if n := len([]rune(text)); n > (SnippetWords+2)*(snippetWordSize+2) {
			t.Fatalf("snippet of %d characters", n)
		}
	})
}
