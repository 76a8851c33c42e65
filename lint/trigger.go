package lint

// The trigger pass: an Aho–Corasick automaton, compiled to a full DFA over a
// small folded alphabet, runs once over all the prose. A sentence that holds
// no trigger word is done with; only the few that do are tokenised and
// analysed. Each pattern starts at a word boundary and matches as a prefix
// ("ignor" finds "ignored" and "ignores", "cause" does not fire inside
// "because").

// Character classes of the folded alphabet.
const (
	clsBoundary = iota // space, punctuation, start of text
	clsOther           // bytes of non-ASCII characters
	clsDigit
	clsHyphen
	clsApos
	clsLetter // a..z follow
	nClasses  = clsLetter + 26
)

var classOf = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = uint8(clsLetter + c - 'a')
		case c >= 'A' && c <= 'Z':
			t[c] = uint8(clsLetter + c - 'A')
		case c >= '0' && c <= '9':
			t[c] = clsDigit
		case c == '-':
			t[c] = clsHyphen
		case c == '\'':
			t[c] = clsApos
		case c >= 0x80:
			t[c] = clsOther
		default:
			t[c] = clsBoundary
		}
	}
	return t
}()

// automaton is the compiled DFA. out[s] is the set of rule groups whose
// trigger ends in state s; acc[s] is the length of the longest accepted
// phrase (from .debrief.yaml's lint.accept) that ends there, including its
// leading boundary.
type automaton struct {
	next []int32
	out  []uint32
	acc  []int16
}

// group is a bit per rule family, so a sentence runs only the rules its
// triggers call for.
type group uint32

const (
	gOmission group = 1 << iota
	gJudgement
	gHumanError
	gCounterfactual
	gAccountability
	gSelfBlame
	gRootCause
	gAccept
)

type pattern struct {
	text string
	g    group
}

// compile builds the automaton. Each pattern gets a leading boundary so
// that it only matches at the start of a word.
func compile(pats []pattern) *automaton {
	type node struct {
		child map[uint8]int32
		fail  int32
		out   uint32
		acc   int16
	}
	nodes := []node{{child: map[uint8]int32{}}}
	for _, p := range pats {
		s := int32(0)
		word := append([]byte{' '}, p.text...)
		for _, c := range word {
			k := classOf[c]
			nx, ok := nodes[s].child[k]
			if !ok {
				nodes = append(nodes, node{child: map[uint8]int32{}})
				nx = int32(len(nodes) - 1)
				nodes[s].child[k] = nx
			}
			s = nx
		}
		if p.g == gAccept {
			nodes[s].acc = max(nodes[s].acc, int16(len(word)))
		} else {
			nodes[s].out |= uint32(p.g)
		}
	}
	a := &automaton{
		next: make([]int32, len(nodes)*nClasses),
		out:  make([]uint32, len(nodes)),
		acc:  make([]int16, len(nodes)),
	}
	// Breadth-first: fail links and full transitions.
	queue := make([]int32, 0, len(nodes))
	for k := uint8(0); k < nClasses; k++ {
		if c, ok := nodes[0].child[k]; ok {
			nodes[c].fail = 0
			a.next[k] = c
			queue = append(queue, c)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].out |= nodes[f].out
		nodes[s].acc = max(nodes[s].acc, nodes[f].acc)
		for k := uint8(0); k < nClasses; k++ {
			if c, ok := nodes[s].child[k]; ok {
				nodes[c].fail = a.next[int(f)*nClasses+int(k)]
				a.next[int(s)*nClasses+int(k)] = c
				queue = append(queue, c)
			} else {
				a.next[int(s)*nClasses+int(k)] = a.next[int(f)*nClasses+int(k)]
			}
		}
	}
	for i := range nodes {
		a.out[i] = nodes[i].out
		a.acc[i] = nodes[i].acc
	}
	return a
}

// hit is a trigger found in the text: the rule groups it calls for, and for
// an accepted phrase its range.
type hit struct {
	at    int32 // text index of the last byte
	g     group
	start int32 // for gAccept: text index of the first byte
}

// scan runs the automaton over text and returns the hits in order. The text
// starts at a boundary.
func (a *automaton) scan(text []byte, hits []hit) []hit {
	next, out, acc := a.next, a.out, a.acc
	s := next[clsBoundary]
	for i, c := range text {
		s = next[int(s)*nClasses+int(classOf[c])]
		if out[s] != 0 {
			hits = append(hits, hit{at: int32(i), g: group(out[s])})
		}
		if acc[s] != 0 {
			// An accepted phrase must end at a word boundary too.
			if i+1 == len(text) || classOf[text[i+1]] == clsBoundary {
				hits = append(hits, hit{at: int32(i), g: gAccept, start: int32(i) - int32(acc[s]) + 2})
			}
		}
	}
	return hits
}
