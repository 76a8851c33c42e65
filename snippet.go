package debrief

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of FindSnippet's work on one text: how many places where a word
// may match it looks at, and how many bytes it reads on either side of
// each.
const (
	snippetPlaces = 8
	snippetReach  = 320
)

// FindSnippet returns the snippet of texts, the fields of a postmortem
// that a search matched, the most telling first, for the words searched
// (lower case, as Words gives them): the window of SnippetWords words with
// the most matches, in the first text that has the most, as BestSnippet
// picks it, with the words marked as MarkWords marks them. It returns nil
// when no text holds a word.
//
// Its work is bounded whatever the texts' length: in each text it finds
// the first few places where a word's stem occurs, with a plain substring
// search, and marks only the words around them; a window that holds the
// most matches of a long body may lie further on, where it does not look.
func FindSnippet(words []string, texts ...string) Snippet {
	if len(words) == 0 {
		return nil
	}
	stems := make([]string, len(words))
	for i, w := range words {
		stems[i] = w[:min(len(w), max(4, len(w)-4))]
	}
	var windows []string
	for _, t := range texts {
		windows = append(windows, markAround(t, words, stems))
	}
	return BestSnippet(windows...)
}

// markAround returns the parts of text around the first snippetPlaces
// places where one of stems occurs at the start of a word, joined by
// spaces, with words marked.
func markAround(text string, words, stems []string) string {
	if len(text) <= 2*snippetReach {
		return MarkWords(text, words)
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		// Lower case changed the length of some letters: the offsets
		// would not match. Mark the start of the text only.
		_, to := cutWords(text, 0, 4*snippetReach)
		return MarkWords(text[:to], words)
	}
	var places []int
	for _, s := range stems {
		// Occurrences inside words are no places, but count as tries.
		for from, n, tries := 0, 0, 0; n < snippetPlaces && tries < 8*snippetPlaces; tries++ {
			i := strings.Index(lower[from:], s)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(s)
			if r, _ := utf8.DecodeLastRuneInString(lower[:at]); at > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
			places = append(places, at)
			n++
		}
	}
	if len(places) == 0 {
		return ""
	}
	slices.Sort(places)
	places = places[:min(len(places), snippetPlaces)]
	var b strings.Builder
	end := -1
	for _, at := range places {
		from := max(at-snippetReach, end, 0)
		to := min(at+snippetReach, len(text))
		if from >= to {
			continue
		}
		if end >= 0 && from > end {
			b.WriteString(" … ")
		}
		from, to = cutWords(text, from, to)
		b.WriteString(MarkWords(text[from:to], words))
		end = to
	}
	return b.String()
}

// cutWords moves the bounds of text[from:to] inwards to spaces, so that
// the cut splits no word at either end.
func cutWords(text string, from, to int) (int, int) {
	if from > 0 {
		i := strings.IndexFunc(text[from:to], unicode.IsSpace)
		if i < 0 {
			return to, to
		}
		from += i
	}
	if to < len(text) {
		if i := strings.LastIndexFunc(text[from:to], unicode.IsSpace); i >= 0 {
			to = from + i
		}
	}
	return from, to
}
