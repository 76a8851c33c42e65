package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum          // 42, 03:40, 10.0.0.0/8, v5.8.0
	tPunct
	tCode     // inline code, a URL or an image
	tAccepted // a phrase from lint.accept: no one, never flagged
)

// token is one word or mark of a sentence.
type token struct {
	s, e  int32  // byte range in the sentence text
	low   string // lower case; "n't" is "not", "'ve" is "have"
	f     wflag
	kind  tokKind
	cap   bool // starts with an upper-case letter
	upper bool // all letters upper case and more than one: DNS, SRE
	quote bool // inside double quotes
}

func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

// tokenize splits a sentence into tokens. lowText is the sentence in lower
// case, so that every token's low is a slice of one string.
func tokenize(text []byte, lowText string, lex lexicon, accepted [][2]int32, toks []token) []token {
	toks = toks[:0]
	n := int32(len(text))
	quote, squote := false, false
	acc := 0
	for i := int32(0); i < n; {
		c := text[i]
		if c == ' ' || c == '\n' {
			i++
			continue
		}
		for acc < len(accepted) && accepted[acc][1] <= i {
			acc++
		}
		if acc < len(accepted) && accepted[acc][0] <= i {
			end := accepted[acc][1]
			toks = append(toks, token{s: i, e: end, low: lowText[i:end], kind: tAccepted, quote: quote || squote})
			i = end
			continue
		}
		if c == placeholder {
			toks = append(toks, token{s: i, e: i + 1, low: "code", kind: tCode, quote: quote || squote})
			i++
			continue
		}
		r, size := rune(c), int32(1)
		word := asciiWord[c]
		if c >= utf8.RuneSelf {
			var sz int
			r, sz = utf8.DecodeRune(text[i:])
			size = int32(sz)
			word = isWordRune(r)
		}
		if !word {
			t := token{s: i, e: i + size, low: lowText[i : i+size], kind: tPunct, quote: quote || squote}
			switch {
			case c == '"':
				quote = !quote
				t.quote = true
			case c == '\'' && !squote && (i == 0 || isOpener(text[i-1])) && i+1 < n && isWordByte(text[i+1]):
				squote = true // an opening single quote: 'who pushed this?'
				t.quote = true
			case c == '\'' && squote && i > 0 && text[i-1] != ' ' && (i+1 == n || !isWordByte(text[i+1])):
				squote = false
				t.quote = true
			}
			toks = append(toks, t)
			i += size
			continue
		}
		// A word: letters and digits, with inner - . / : _ when a letter or
		// digit follows.
		j := i + size
		digits, letters := isDigit(r), !isDigit(r)
		for j < n {
			if c := text[j]; asciiWord[c] {
				// the common case: an ASCII letter or digit
				if c <= '9' {
					digits = true
				} else {
					letters = true
				}
				j++
				continue
			}
			r2, sz := rune(text[j]), int32(1)
			if text[j] >= utf8.RuneSelf {
				var s int
				r2, s = utf8.DecodeRune(text[j:])
				sz = int32(s)
			}
			if isWordRune(r2) {
				if isDigit(r2) {
					digits = true
				} else {
					letters = true
				}
				j += sz
				continue
			}
			if (r2 == '-' || r2 == '.' || r2 == '/' || r2 == ':' || r2 == '_' || r2 == '\'') && j+1 < n && isWordByte(text[j+1]) {
				if r2 == '\'' {
					break // contractions and possessives are split below
				}
				j++
				continue
			}
			break
		}
		// An initial before a surname is left out, and the surname is read
		// as a name (below): "by S. Okafor" is "by Okafor".
		if j == i+1 && j+2 < n && text[j+2] >= 'A' && text[j+2] <= 'Z' && afterInitial(text, j+2) {
			i = j + 1
			continue
		}
		// An abbreviation keeps its full stop: "a.m.", "e.g.".
		if j < n && text[j] == '.' && abbreviations[lowText[i:j]] && (j+1 == n || text[j+1] == ' ') && j+1 < n {
			j++
		}
		w := token{s: i, e: j, low: lowText[i:j], quote: quote || squote}
		if digits && !letters || digits && isNumberish(w.low) {
			w.kind = tNum
		}
		if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			w.cap = true
			w.upper = j-i > 1 && allUpper(text[i:j])
		}
		// Contractions written without the apostrophe, as chat does:
		// didnt → did not.
		if base, ok := bareContraction(w.low); ok {
			rest, f := "not", fNeg
			if r, ok := bareRest[w.low]; ok {
				rest, f = r, 0 // "hes" is he 's, "im" is i am
			}
			w.e = i + int32(len(base))
			if base == "can" || base == "will" {
				w.e = j - 2 // cant → ca|nt, wont → wo|nt
			}
			w.low = base
			toks = append(toks, w)
			toks = append(toks, token{s: w.e, e: j, low: rest, f: f, quote: quote || squote})
			i = j
			continue
		}
		// Contractions: didn't → did n't, should've → should 've,
		// Diego's → Diego 's.
		if j+1 < n && text[j] == '\'' && isWordByte(text[j+1]) {
			k := j + 1
			for k < n && isWordByte(text[k]) {
				k++
			}
			suf := lowText[j:k]
			switch {
			case suf == "'t" && w.e-w.s > 1 && lowText[j-1] == 'n':
				w.e--
				w.low = lowText[w.s:w.e]
				switch w.low {
				case "ca":
					w.low = "can"
				case "wo":
					w.low = "will"
				case "sha":
					w.low = "shall"
				}
				toks = append(toks, w)
				toks = append(toks, token{s: j - 1, e: k, low: "not", f: fNeg, quote: quote || squote})
				i = k
				continue
			case suf == "'s" || suf == "'re" || suf == "'ve" || suf == "'m" || suf == "'d" || suf == "'ll":
				toks = append(toks, w)
				t := token{s: j, e: k, low: suf, quote: quote || squote}
				switch suf {
				case "'ve":
					t.low = "have"
				case "'re":
					t.low = "are"
				case "'m":
					t.low = "am"
				case "'ll":
					t.low = "will"
				}
				toks = append(toks, t)
				i = k
				continue
			}
		}
		toks = append(toks, w)
		i = j
		// A plural possessive: engineers' → engineers '
		if j < n && text[j] == '\'' && (j+1 == n || !isWordByte(text[j+1])) && j > 0 && lowText[j-1] == 's' {
			toks = append(toks, token{s: j, e: j + 1, low: "'s", quote: quote || squote})
			i = j + 1
		}
	}
	for k := range toks {
		t := &toks[k]
		if t.kind == tWord && t.f == 0 {
			t.f = lex[t.low]
			if t.f == 0 && roleShaped(t.low) {
				t.f = fRole // "the flyman", "our weighmaster"
			}
		}
		// "Mr. Petrov", "Mister Haddad": a capitalised word after an
		// honorific is a person's name.
		if k > 0 && t.cap && honorifics[toks[k-1].low] || t.cap && afterInitial(text, t.s) {
			t.f |= fName
		}
	}
	return bareGenitives(toks, lowText, lex)
}

// afterInitial reports whether the word at s follows an initial: "S." in
// "S. Okafor".
func afterInitial(text []byte, s int32) bool {
	return s >= 3 && text[s-1] == ' ' && text[s-2] == '.' && text[s-3] >= 'A' && text[s-3] <= 'Z' && (s == 3 || !isWordByte(text[s-4]))
}

// possessedNouns are what a person's possessive, written without its
// apostrophe, most often comes before: "the engineers decision", "Gareths
// fault".
var possessedNouns = wordSet(`decision decisions failure failures fault faults mistake mistakes error
	errors typo typos oversight misconfiguration haste fatigue negligence carelessness inexperience
	access rights permissions permission badge bonus role judgement judgment choice panic`)

// bareGenitives splits a possessive written without its apostrophe, as
// chat and second-language writers do, into the word and a "'s": "teams
// failure" becomes "teams 's failure", "gareths fault" "gareth 's fault".
func bareGenitives(toks []token, lowText string, lex lexicon) []token {
	found := false
	for k := 0; k+1 < len(toks); k++ {
		if isBareGenitive(toks, k, lex) {
			found = true
			break
		}
	}
	if !found {
		return toks
	}
	out := make([]token, 0, len(toks)+2)
	for k := range toks {
		t := toks[k]
		if k+1 < len(toks) && isBareGenitive(toks, k, lex) {
			stem := t.low[:len(t.low)-1]
			if lex[t.low]&(fRole|fName|fPlainName) == 0 && lex[stem]&(fRole|fName|fPlainName) != 0 {
				// "gareths" is Gareth's
				t.e--
				t.low = stem
				t.f = lex[stem]
				out = append(out, t, token{s: t.e, e: t.e + 1, low: "'s", f: lex["'s"], quote: t.quote})
				continue
			}
			out = append(out, t, token{s: t.e, e: t.e, low: "'s", f: lex["'s"], quote: t.quote})
			continue
		}
		out = append(out, t)
	}
	return out
}

func isBareGenitive(toks []token, k int, lex lexicon) bool {
	t := &toks[k]
	if t.kind != tWord || len(t.low) < 3 || t.low[len(t.low)-1] != 's' || !possessedNouns[toks[k+1].low] || toks[k+1].s != t.e+1 {
		return false
	}
	stem := t.low[:len(t.low)-1]
	return lex[t.low]&(fRole|fName|fPlainName) != 0 || lex[stem]&(fRole|fName|fPlainName) != 0 && lex[t.low]&fPron == 0
}

// bareContractions are negated auxiliaries written without an apostrophe.
var bareContractions = map[string]string{
	"hes": "he", "shes": "she", "theyre": "they", "youre": "you", "thats": "that",
	"whos": "who", "im": "i", "ive": "i",
	"didnt": "did", "dont": "do", "doesnt": "does", "wasnt": "was", "werent": "were",
	"hasnt": "has", "hadnt": "had", "havent": "have", "isnt": "is", "arent": "are",
	"couldnt": "could", "shouldnt": "should", "wouldnt": "would", "cant": "can", "wont": "will",
	"mustnt": "must", "neednt": "need",
	"shouldve": "should", "couldve": "could", "wouldve": "would", "mustve": "must",
}

// bareRest is the second word of a bare contraction that is not a negation.
var bareRest = map[string]string{
	"hes": "'s", "shes": "'s", "theyre": "are", "youre": "are", "thats": "'s", "whos": "'s",
	"im": "am", "ive": "have",
	"shouldve": "have", "couldve": "have", "wouldve": "have", "mustve": "have",
}

// isOpener reports whether a byte may come right before an opening quote.
func isOpener(c byte) bool {
	switch c {
	case ' ', '(', '[', '{', '"', '-', '\n', '/', ':':
		return true
	}
	return false
}

// honorifics come before a person's name.
var honorifics = wordSet(`mr mr. mrs mrs. ms ms. mister madam dr dr. sir herr frau monsieur
	madame mme mme. senor señor senora señora sr sr. sra sra.`)

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// bareContraction is bareContractions[w], with most words turned away
// without a map lookup: every key ends in "nt" or "ve" ("shouldve") or is
// a short pronoun form.
func bareContraction(w string) (string, bool) {
	n := len(w)
	if n < 2 || n > 8 || !(w[n-2] == 'n' && w[n-1] == 't' || n <= 6 && (w[n-1] == 's' || w[n-1] == 'e' || w[n-1] == 'm') || w[n-2] == 'v' && w[n-1] == 'e') {
		return "", false
	}
	base, ok := bareContractions[w]
	return base, ok
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isNumberish(s string) bool {
	// v5.8.0, 4xx, 10ms: a digit first or a version.
	return len(s) > 0 && (s[0] >= '0' && s[0] <= '9' || s[0] == 'v' && len(s) > 1 && s[1] >= '0' && s[1] <= '9')
}

func allUpper(b []byte) bool {
	letters := 0
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters > 1
}

// roleSuffixes end compound words for people in many trades: flyman,
// winchmen, chairwoman, weighmaster, gatekeeper, chairperson.
var roleSuffixes = []string{"man", "men", "master", "masters", "keeper", "keepers", "person", "persons"}

// notRoles end in a role suffix and name no person.
var notRoles = wordSet(`specimen specimens abdomen abdomens regimen regimens bitumen albumen acumen
	cerumen hymen dolmen dolmens stamen stamens semen germen talisman talismans ottoman ottomans
	caiman caimans cayman yemen`)

// roleShaped reports whether a word no lexicon knows is built like a
// role: a stem of three letters or more and a role suffix.
func roleShaped(w string) bool {
	if !isLetters(w) {
		return false
	}
	for _, suf := range roleSuffixes {
		if len(w) >= len(suf)+3 && strings.HasSuffix(w, suf) {
			return !notRoles[w]
		}
	}
	return false
}

// isLetters reports whether w holds ASCII lower-case letters only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
