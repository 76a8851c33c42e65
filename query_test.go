package debrief

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name  string
		query string
		want  PostmortemFilter
	}{
		{"empty", "", PostmortemFilter{}},
		{"words", "certificate  expiry", PostmortemFilter{Text: TextQuery{Include: []string{"certificate", "expiry"}}}},
		{"phrase", `"connection pool" exhausted`, PostmortemFilter{Text: TextQuery{Include: []string{"connection pool", "exhausted"}}}},
		{"unclosed phrase", `"connection   pool`, PostmortemFilter{Text: TextQuery{Include: []string{"connection pool"}}}},
		{"exclusion", `cert -staging -"dry run"`, PostmortemFilter{Text: TextQuery{Include: []string{"cert"}, Exclude: []string{"staging", "dry run"}}}},
		{"hyphen inside a word", "edge-lb", PostmortemFilter{Text: TextQuery{Include: []string{"edge-lb"}}}},
		{"lone dash and punctuation", "- -- ** ()", PostmortemFilter{}},
		{"filters", "team:payments service:edge-lb tag:tls status:published customer:yes",
			PostmortemFilter{Teams: []string{"payments"}, Services: []string{"edge-lb"}, Tags: []string{"tls"},
				Statuses: []Status{StatusPublished}, CustomerFacing: &yes}},
		{"severity forms", "sev:SEV1 severity:2 sev:sev3,4", PostmortemFilter{Severities: []Severity{SEV1, SEV2, SEV3, SEV4}}},
		{"several values", "team:payments,platform", PostmortemFilter{Teams: []string{"payments", "platform"}}},
		{"quoted value", `team:"site reliability"`, PostmortemFilter{Teams: []string{"site reliability"}}},
		{"key case", "TEAM:Payments Customer:No", PostmortemFilter{Teams: []string{"Payments"}, CustomerFacing: &no}},
		{"dates", "after:2026-01-01 before:2026-02-01",
			PostmortemFilter{After: Date{2026, 1, 1}, Before: Date{2026, 2, 1}}},
		{"unknown key is text", "https://status.example.com error:502",
			PostmortemFilter{Text: TextQuery{Include: []string{"https://status.example.com", "error:502"}}}},
		{"mixed", `sev:SEV1 "edge certificate" -staging team:platform renewal`,
			PostmortemFilter{Text: TextQuery{Include: []string{"edge certificate", "renewal"}, Exclude: []string{"staging"}},
				Teams: []string{"platform"}, Severities: []Severity{SEV1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
			// String writes it back in the syntax ParseQuery reads.
			again, err := ParseQuery(got.String())
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Errorf("ParseQuery(%q) = %+v, %v; want %+v", got.String(), again, err, got)
			}
		})
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, q := range []string{"sev:SEV9", "sev:5", "status:done", "customer:maybe", "after:yesterday",
		"before:2026-02-30", "team:", "after:2026-01-01,2026-02-01", "-team:payments", "team:a,,b"} {
		t.Run(q, func(t *testing.T) {
			_, err := ParseQuery(q)
			if ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
				t.Errorf("ParseQuery(%q) = %v, want an EINVALID error with a message", q, err)
			}
		})
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`"a b" -c team:x,y sev:1 after:2026-01-01`, `-"`, `team:"`, "\x00:\"", "sev:ｓｅｖ１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseQuery(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseQuery(%q): %v", s, err)
			}
			return
		}
		for _, w := range append(got.Text.Include, got.Text.Exclude...) {
			if !hasWordChar(w) {
				t.Fatalf("ParseQuery(%q) kept %q, which has no word to search for", s, w)
			}
		}
	})
}

func TestCursor(t *testing.T) {
	for _, c := range []Cursor{{Ranked: true, Offset: 40}, {Date: "2026-01-02", ID: "PM-2026-001"}} {
		got, err := DecodeCursor(c.Encode(), c.Ranked)
		if err != nil || got != c {
			t.Errorf("round trip of %+v = %+v, %v", c, got, err)
		}
		if _, err := DecodeCursor(c.Encode(), !c.Ranked); ErrorCode(err) != EINVALID {
			t.Errorf("a %+v cursor for the other kind of query = %v, want EINVALID", c, err)
		}
	}
	for _, s := range []string{"x", "%%%", Cursor{Ranked: true, Offset: -1}.Encode(), Cursor{}.Encode()} {
		if _, err := DecodeCursor(s, false); ErrorCode(err) != EINVALID {
			t.Errorf("DecodeCursor(%q) = %v, want EINVALID", s, err)
		}
	}
}

func TestSnippet(t *testing.T) {
	s := ParseSnippet("the " + MatchStart + "certificate" + MatchEnd + " expired " + MatchStart + "again")
	want := Snippet{{"the ", false}, {"certificate", true}, {" expired ", false}, {"again", true}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("ParseSnippet = %#v", s)
	}
	if got := s.Marked("<", ">"); got != "the <certificate> expired <again>" {
		t.Errorf("Marked = %q", got)
	}
	if ParseSnippet(MatchEnd+MatchStart+MatchEnd).String() != "" {
		t.Error("markers alone left text behind")
	}
}

func TestViewerCanSee(t *testing.T) {
	p := &Postmortem{Restricted: true, Teams: []string{"Security", "platform"}}
	for _, tt := range []struct {
		v    Viewer
		want bool
	}{
		{Viewer{}, false},
		{Viewer{Teams: []string{"payments"}}, false},
		{Viewer{Teams: []string{"security"}}, true},
		{Viewer{Admin: true}, true},
	} {
		if got := tt.v.CanSee(p); got != tt.want {
			t.Errorf("%+v sees a restricted postmortem of %v: %v, want %v", tt.v, p.Teams, got, tt.want)
		}
	}
	if !(Viewer{}).CanSee(&Postmortem{Teams: []string{"x"}}) {
		t.Error("an unrestricted postmortem is hidden")
	}
}

func TestPageTotal(t *testing.T) {
	var p PostmortemPage
	p.SetTotal(CountLimit)
	if p.Total != CountLimit || p.Capped {
		t.Errorf("%d: %+v", CountLimit, p)
	}
	p.SetTotal(CountLimit + 5)
	if p.Total != CountLimit || !p.Capped {
		t.Errorf("%d: %+v", CountLimit+5, p)
	}
}

// FuzzDecodeCursor feeds tampered cursors to DecodeCursor: it never panics,
// and a cursor it accepts has an offset a search can add a page to.
func FuzzDecodeCursor(f *testing.F) {
	for _, c := range []Cursor{{Ranked: true, Offset: 40}, {Date: "2026-01-02", ID: "PM-2026-001"}, {Ranked: true, Offset: math.MaxInt}} {
		f.Add(c.Encode(), c.Ranked)
	}
	f.Add("eyJyIjp0cnVlLCJvIjo5MjIzMzcyMDM2ODU0Nzc1ODA3fQ", true)
	f.Add(`{"r":true,"o":1e30}`, true)
	f.Add("", false)
	f.Fuzz(func(t *testing.T, s string, ranked bool) {
		c, err := DecodeCursor(s, ranked)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("DecodeCursor(%q) = %v, want EINVALID", s, err)
			}
			return
		}
		if c.Ranked != ranked || c.Offset < 0 || c.Offset > MaxCursorOffset || c.Offset+MaxLimit+1 < c.Offset {
			t.Fatalf("DecodeCursor(%q) accepted %+v", s, c)
		}
	})
}

func TestBestSnippet(t *testing.T) {
	m := func(s string) string { return MatchStart + s + MatchEnd }
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"no match", []string{"nothing here", ""}, ""},
		{"one match", []string{"the " + m("certificate") + " expired"}, "the [certificate] expired"},
		{"a phrase", []string{"the " + m("connection pool") + " ran out"}, "the [connection pool] ran out"},
		{"the text with more matches", []string{"one " + m("a"), m("a") + " and " + m("a")}, "[a] and [a]"},
		{"the first of equals", []string{"one " + m("a"), "two " + m("a")}, "one [a]"},
		{"a window in a long text", []string{long + m("hit") + " " + long},
			"… word word word word word word word word word word word [hit] word word word word word word word word word word word word …"},
		{"a marker inside a word", []string{"the TLS " + m("handshake") + ". Then"}, "the TLS [handshake]. Then"},
		{"a long word", []string{m(strings.Repeat("h", 500))}, "[" + strings.Repeat("h", 48) + "…]"},
		{"stray markers", []string{MatchEnd + "a " + MatchStart + "b"}, "a [b]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BestSnippet(tt.texts...).Marked("[", "]"); got != tt.want {
				t.Errorf("BestSnippet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBestSnippetHotText checks that a text made of one matched word,
// hundreds of thousands of times, gives a short snippet.
func TestBestSnippetHotText(t *testing.T) {
	hot := strings.Repeat(MatchStart+"h"+MatchEnd+" ", 250_000)
	s := BestSnippet(hot)
	if n := len(s.String()); n == 0 || n > 200 {
		t.Errorf("snippet of %d bytes: %q", n, s.String())
	}
}

func TestMarkWords(t *testing.T) {
	got := BestSnippet(MarkWords("The certificates expired; a Certificate was renewed, not the cert.", []string{"certificate"})).Marked("[", "]")
	if want := "The [certificates] expired; a [Certificate] was renewed, not the cert."; got != want {
		t.Errorf("MarkWords = %q, want %q", got, want)
	}
}

// FuzzBestSnippet feeds marked texts, markers anywhere, to BestSnippet: it
// never panics, and its snippet is short and holds no marker.
func FuzzBestSnippet(f *testing.F) {
	f.Add("the "+MatchStart+"certificate"+MatchEnd+" expired", "")
	f.Add(MatchEnd+"a "+MatchStart+"b", strings.Repeat(MatchStart+"h"+MatchEnd+" ", 100))
	f.Add("\uE000\uE000\uE001x", "a\u00a0b\tc")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := BestSnippet(a, MarkWords(b, Words(a)))
		text := s.String()
		if strings.ContainsAny(text, MatchStart+MatchEnd) {
			t.Fatalf("snippet %q holds a marker", text)
		}
		if n := len([]rune(text)); n > (SnippetWords+2)*(snippetWordSize+2) {
			t.Fatalf("snippet of %d characters", n)
		}
	})
}
