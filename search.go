package debrief

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet is a short extract of a postmortem around what a search matched,
// as parts of plain text, some of them marked as matches. Adapters escape
// each part for their medium and highlight the matches (<mark> in HTML).
type Snippet []SnippetPart

// SnippetPart is a run of text, a match of the search or not.
type SnippetPart struct {
	Text  string
	Match bool
}

// The markers the stores put around matches in the snippets they compute;
// characters of Unicode's private use area, which postmortems do not hold
// (ParseSnippet drops any that do).
const (
	MatchStart = "\uE000"
	MatchEnd   = "\uE001"
)

// ParseSnippet splits a string with MatchStart and MatchEnd markers into
// parts. Unbalanced markers never fail: text after a stray start is a match
// up to the end.
func ParseSnippet(s string) Snippet {
	var out Snippet
	match := false
	for s != "" {
		marker := MatchStart
		if match {
			marker = MatchEnd
		}
		i := strings.Index(s, marker)
		text := s
		if i >= 0 {
			text, s = s[:i], s[i+len(marker):]
		} else {
			s = ""
		}
		text = strings.NewReplacer(MatchStart, "", MatchEnd, "").Replace(text)
		if text != "" {
			out = append(out, SnippetPart{Text: text, Match: match})
		}
		if i >= 0 {
			match = !match
		}
	}
	return out
}

// String returns the snippet's plain text.
func (s Snippet) String() string {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Marked returns the snippet's text with the matches between open and close,
// such as "**" and "**".
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	for _, p := range s {
		if p.Match {
			b.WriteString(open + p.Text + close)
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// Words splits text into the words a search matches: runs of letters and
// digits, lower case. The stores use it to build their full-text queries, so
// that a search never passes operator characters to the database.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// TitleKey is what two titles that read the same have in common: their
// Words, joined by spaces, so that case, spacing and punctuation do not
// count. A title without words has the key "", which matches nothing.
func TitleKey(title string) string {
	return strings.Join(Words(title), " ")
}

// SearchFields are the texts of a postmortem that full-text search indexes
// besides its title and body: the trigger, the contributing factors, the
// action items and the tags, each as one string.
func (p *Postmortem) SearchFields() (trigger, factors, actions, tags string) {
	var f, a []string
	for _, c := range p.ContributingFactors {
		f = append(f, c.Category+": "+c.Description)
	}
	for _, i := range p.ActionItems {
		a = append(a, i.Title)
	}
	return p.Trigger, strings.Join(f, "\n"), strings.Join(a, "\n"), strings.Join(p.Tags, " ")
}

// Snippet sizes: how many words a snippet shows, and how many characters
// of one word.
const (
	SnippetWords    = 24
	snippetWordSize = 48
)

// BestSnippet picks a snippet from texts with matches between MatchStart
// and MatchEnd, as a store marks whole fields: the window of SnippetWords
// words that holds the most matched words, in the first text that has the
// most. Its work is linear in the length of the texts, however many
// matches they hold, and the snippet is short whatever the words' length.
// It returns nil when no text has a match.
func BestSnippet(texts ...string) Snippet {
	best, bestScore, bestStart := -1, 0, 0
	var matched []bool
	for k, t := range texts {
		matched = matched[:0]
		scanMarked(t, func(int) bool { return false }, func(_ int, w markedWord) { matched = append(matched, w.match) })
		if start, score := bestWindow(matched, SnippetWords); score > bestScore {
			best, bestScore, bestStart = k, score, start
		}
	}
	if best < 0 {
		return nil
	}
	var out Snippet
	add := func(text string, match bool) {
		if n := len(out); n > 0 && out[n-1].Match == match {
			out[n-1].Text += text
		} else {
			out = append(out, SnippetPart{Text: text, Match: match})
		}
	}
	end, last := bestStart+SnippetWords, 0
	if bestStart > 0 {
		add("… ", false)
	}
	scanMarked(texts[best], func(i int) bool { return i >= bestStart && i < end }, func(i int, w markedWord) {
		last = i
		if i < bestStart || i >= end {
			return
		}
		if i > bestStart {
			add(" ", w.inside)
		}
		for _, p := range w.parts {
			add(p.Text, p.Match)
		}
	})
	if last >= end {
		add(" …", false)
	}
	return out
}

// markedWord is one whitespace-separated word of a marked text.
type markedWord struct {
	// parts are the word's runs of text, in a match or not; only for the
	// words that scanMarked is asked to keep.
	parts []SnippetPart
	// match is true when any of the word is in a match, inside when the
	// space before it is.
	match, inside bool
}

// scanMarked calls fn with each whitespace-separated word of s marked with
// MatchStart and MatchEnd, and its index; keep(i) says whether fn needs
// the word's parts, each word shortened to snippetWordSize characters.
func scanMarked(s string, keep func(i int) bool, fn func(i int, w markedWord)) {
	match, inWord, spaceInMatch := false, false, false
	var w markedWord
	var b strings.Builder
	n, runes := 0, 0
	flush := func() {
		if b.Len() > 0 {
			w.parts = append(w.parts, SnippetPart{Text: b.String(), Match: match})
			b.Reset()
		}
	}
	end := func() {
		if inWord {
			flush()
			fn(n, w)
			n++
		}
		inWord = false
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], MatchStart), strings.HasPrefix(s[i:], MatchEnd):
			flush()
			match = strings.HasPrefix(s[i:], MatchStart)
			i += len(MatchStart) // both markers are three bytes
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			end()
			spaceInMatch = match
			continue
		}
		if !inWord {
			inWord, runes = true, 0
			w = markedWord{inside: spaceInMatch && n > 0}
		}
		w.match = w.match || match
		if !keep(n) {
			continue
		}
		switch runes++; {
		case runes <= snippetWordSize:
			b.WriteRune(r)
		case runes == snippetWordSize+1:
			b.WriteString("…")
		}
	}
	end()
}

// bestWindow returns the start of the window of n words with the most
// matched words, the first one of those, centred on its matches, and how
// many it holds.
func bestWindow(matched []bool, n int) (start, score int) {
	count := 0
	for i, m := range matched {
		if m {
			count++
		}
		if i >= n && matched[i-n] {
			count--
		}
		if count > score {
			start, score = max(0, i-n+1), count
		}
	}
	if score > 0 {
		first, last := -1, -1
		for i := start; i < min(start+n, len(matched)); i++ {
			if matched[i] {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		start = max(0, min(first-(n-(last-first+1))/2, len(matched)-n))
	}
	return start, score
}

// MarkWords marks with MatchStart and MatchEnd the words of text that look
// like one of words (lower case, as Words gives them): the same word, or
// one that shares its stem as far as a plain prefix can tell
// ("certificates" and "certificate"). It is a stand-in for the database's
// own marking where that would cost too much, and works in one pass.
func MarkWords(text string, words []string) string {
	if len(words) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += size
		}
		if w := text[i:j]; looksLike(strings.ToLower(w), words) {
			b.WriteString(MatchStart + w + MatchEnd)
		} else {
			b.WriteString(w)
		}
		i = j
	}
	return b.String()
}

// looksLike reports whether the lower-case token w is one of words or
// shares a stem with one: a common prefix of all but a short ending of
// both, and at least four letters.
func looksLike(w string, words []string) bool {
	for _, q := range words {
		if w == q {
			return true
		}
		n := max(4, min(len(w), len(q))-3)
		if len(w) >= n && len(q) >= n && w[:n] == q[:n] && len(w)-n <= 4 && len(q)-n <= 4 {
			return true
		}
	}
	return false
}
