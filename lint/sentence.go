package lint

import "strings"

// maxSentence caps the bytes of one sentence; a longer run of text without
// a full stop (a pasted log, a fuzzer's input) is cut at spaces.
const maxSentence = 1200

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "st": true, "approx": true, "incl": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "no": true, "fig": true, "cf": true, "al": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "est": true, "ca": true, "pp": true, "vol": true,
	"dept": true, "a.m": true, "p.m": true, "u.s": true, "ver": true, "min": true, "sec": true,
}

// splitSentences cuts text[a:b], one block's prose, into sentences.
func splitSentences(d *doc, a, b int32, f sentFlag, head int32) {
	t := d.text
	add := func(s, e int32) {
		for s < e && (t[s] == ' ' || t[s] == '\n') {
			s++
		}
		for e > s && (t[e-1] == ' ' || t[e-1] == '\n') {
			e--
		}
		for e-s > maxSentence {
			cut := s + maxSentence
			for cut > s+maxSentence/2 && t[cut] != ' ' {
				cut--
			}
			d.sents = append(d.sents, sent{s, cut, f, head})
			s = cut
			for s < e && t[s] == ' ' {
				s++
			}
		}
		if e > s {
			d.sents = append(d.sents, sent{s, e, f, head})
		}
	}
	start := a
	for i := a; i < b; i++ {
		c := t[i]
		if c == '\n' {
			add(start, i)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' && c != ';' {
			continue
		}
		j := i + 1
		for j < b && (t[j] == '.' || t[j] == '!' || t[j] == '?' || t[j] == ')' || t[j] == '"' || t[j] == '\'') {
			j++
		}
		if j >= b || t[j] != ' ' {
			continue
		}
		if c == ';' {
			continue // a clause boundary, not a sentence boundary
		}
		k := j
		for k < b && t[k] == ' ' {
			k++
		}
		if k >= b {
			continue
		}
		nc := t[k]
		if !(nc >= 'A' && nc <= 'Z' || nc >= '0' && nc <= '9' || nc == '"' || nc == '(' || nc == '[' || nc >= 0x80 || nc == placeholder) {
			continue
		}
		if c == '.' && isAbbrev(t[start:i]) {
			continue
		}
		if sarcasticCoda(t[k:b]) {
			continue // "… dropped out of search. Nice work.": the tag is about the line before
		}
		if c == '?' && causeQuestion(t[start:i]) {
			continue // "What caused the outage? One unindexed column.": the answer belongs to the question
		}
		add(start, j)
		start = k
		i = k - 1
	}
	add(start, b)
}

// isAbbrev reports whether the word that ends text is an abbreviation or an
// initial.
func isAbbrev(text []byte) bool {
	i := len(text)
	for i > 0 && (isAlnum(text[i-1]) || text[i-1] == '.') {
		i--
	}
	w := text[i:]
	if len(w) == 0 {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for k, c := range w {
		buf[k] = lower(c)
	}
	return abbreviations[string(buf[:len(w)])]
}

// codaWords are the words of a short tag that closes a line in sarcasm or
// exasperation: "Nice work.", "Brilliant planning.", "Amateurs.", "Not the
// first time."
var codaWords = map[string]bool{
	"nice": true, "great": true, "good": true, "brilliant": true, "lovely": true, "stellar": true, "well": true,
	"work": true, "job": true, "thinking": true, "planning": true, "done": true, "call": true, "one": true,
	"amateurs": true, "amateur": true, "classic": true, "unbelievable": true, "genius": true, "bravo": true,
	"not": true, "the": true, "first": true, "time": true, "again": true, "wow": true, "smart": true, "very": true, "clever": true,
}

// sarcasticCoda reports whether text opens with a sentence of at most four
// words, all of them a sarcastic or exasperated tag's, that ends the block
// or a sentence: such a tag belongs to the sentence before it.
func sarcasticCoda(text []byte) bool {
	words, i := 0, 0
	var buf [16]byte
	for i < len(text) {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		if j == i || j-i > len(buf) {
			return false
		}
		for k := i; k < j; k++ {
			buf[k-i] = lower(text[k])
		}
		if !codaWords[string(buf[:j-i])] {
			return false
		}
		words++
		if words > 4 {
			return false
		}
		i = j
		if i < len(text) && (text[i] == '.' || text[i] == '!' || text[i] == '?') {
			for i < len(text) && (text[i] == '.' || text[i] == '!' || text[i] == '?') {
				i++
			}
			return i == len(text) || text[i] == ' ' || text[i] == '\n'
		}
		if i < len(text) && text[i] == ',' {
			i++
		}
		if i < len(text) && text[i] != ' ' {
			return false
		}
	}
	return false
}

// causeQuestion reports whether text is a short question about what caused
// something, which the writer answers at once: "What caused the outage".
func causeQuestion(text []byte) bool {
	if len(text) > 80 {
		return false
	}
	var buf [80]byte
	n := copy(buf[:], text)
	for k := range n {
		buf[k] = lower(buf[k])
	}
	low := string(buf[:n])
	for _, p := range []string{"what caused ", "what broke ", "what triggered ", "what took down "} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}
