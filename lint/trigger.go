package lint

import (
	_ "embed"
	"encoding/binary"
	"fmt"
)

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
	// nClasses is a power of two, so that a state's row starts at s<<5.
	nClasses   = 32
	classShift = 5
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
	// next[s<<classShift|class] is the state after s on a byte of class,
	// shifted left by one, with the low bit set when that state has an
	// output. Sixteen bits keep the table small (470 KB for the default
	// triggers) and limit an automaton to maxStates.
	next []uint16
	out  []uint32
	acc  []int16
}

// maxStates is the most states whose numbers fit next's entries.
const maxStates = 1 << 15

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
	gAccident
	gWithout
	gPersonError
	gState
	gPersonCause
	gWhy
	gComparison
	// gWhole runs the root-cause rule but not the cause model: "would
	// have" is too common to ask the model about.
	gWhole
	gAccept
)

type pattern struct {
	text string
	g    group
}

// compile builds the automaton. Each pattern gets a leading boundary so
// that it only matches at the start of a word. It fails only when the
// patterns need more than maxStates states.
func compile(pats []pattern) (*automaton, error) {
	// The trie's transitions go straight into the DFA table; -1 is "no
	// child yet".
	size := 1 // an upper bound on the number of states
	for _, p := range pats {
		size += len(p.text) + 1
	}
	var none [nClasses]int32 // a state with no child yet
	for k := range none {
		none[k] = -1
	}
	next := make([]int32, nClasses, size*nClasses)
	copy(next, none[:])
	out := make([]uint32, 1, size)
	acc := make([]int16, 1, size)
	for _, p := range pats {
		s := next[classOf[' ']] // every pattern starts at a word boundary
		if s < 0 {
			next[classOf[' ']] = int32(len(out))
			out, acc = append(out, 0), append(acc, 0)
			next = append(next, none[:]...)
			s = next[classOf[' ']]
		}
		for i := 0; i < len(p.text); i++ {
			k := s*nClasses + int32(classOf[p.text[i]])
			if next[k] < 0 {
				next[k] = int32(len(out))
				out, acc = append(out, 0), append(acc, 0)
				next = append(next, none[:]...)
			}
			s = next[k]
		}
		word := p.text
		if p.g == gAccept {
			acc[s] = max(acc[s], int16(len(word)+1)) // with its leading boundary
			out[s] |= uint32(gAccept)
		} else {
			out[s] |= uint32(p.g)
		}
	}
	// Breadth-first: fail links, and missing transitions borrowed from the
	// fail state, which is complete by the time it is needed.
	fail := make([]int32, len(out))
	queue := make([]int32, 0, len(out))
	for k := int32(0); k < nClasses; k++ {
		if c := next[k]; c > 0 {
			fail[c] = 0
			queue = append(queue, c)
		} else {
			next[k] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := fail[s]
		out[s] |= out[f]
		acc[s] = max(acc[s], acc[f])
		for k := int32(0); k < nClasses; k++ {
			i := s*nClasses + k
			if c := next[i]; c >= 0 {
				fail[c] = next[f*nClasses+k]
				queue = append(queue, c)
			} else {
				next[i] = next[f*nClasses+k]
			}
		}
	}
	if len(out) > maxStates {
		return nil, fmt.Errorf("the trigger words and accepted phrases need %d states, more than %d", len(out), maxStates)
	}
	// Each transition carries whether its target has an output in its low
	// bit, so that a scan reads one table per byte.
	table := make([]uint16, len(next))
	for i, t := range next {
		table[i] = uint16(t << 1)
		if out[t] != 0 {
			table[i] |= 1
		}
	}
	return &automaton{next: table, out: out, acc: acc}, nil
}

// The default triggers' automaton is compiled when they change and
// embedded (triggers.bin), so that a process starts without building it:
// "DBT1", the number of states n (uint32), then next (n×nClasses uint16),
// out (n uint32) and acc (n int16), little-endian. TestTriggerTable keeps
// it in step with triggers.
//
//go:embed triggers.bin
var triggersBin []byte

func (a *automaton) marshal() []byte {
	n := len(a.out)
	b := make([]byte, 0, 8+2*len(a.next)+6*n)
	b = append(b, "DBT1"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	for _, v := range a.next {
		b = binary.LittleEndian.AppendUint16(b, v)
	}
	for _, v := range a.out {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	for _, v := range a.acc {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return b
}

func unmarshalAutomaton(b []byte) (*automaton, error) {
	if len(b) < 8 || string(b[:4]) != "DBT1" {
		return nil, fmt.Errorf("not a trigger table")
	}
	n := int(binary.LittleEndian.Uint32(b[4:]))
	if n == 0 || n > maxStates || len(b) != 8+2*nClasses*n+6*n {
		return nil, fmt.Errorf("trigger table of %d bytes with %d states", len(b), n)
	}
	a := &automaton{next: make([]uint16, nClasses*n), out: make([]uint32, n), acc: make([]int16, n)}
	b = b[8:]
	for i := range a.next {
		a.next[i] = binary.LittleEndian.Uint16(b[2*i:])
		if int(a.next[i]>>1) >= n {
			return nil, fmt.Errorf("trigger table: state %d out of range", a.next[i]>>1)
		}
	}
	b = b[2*len(a.next):]
	for i := range a.out {
		a.out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	b = b[4*n:]
	for i := range a.acc {
		a.acc[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return a, nil
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
	next, out := a.next, a.out
	s := int32(next[clsBoundary] >> 1)
	for i := 0; i < len(text); i++ {
		v := next[s<<classShift|int32(classOf[text[i]])]
		s = int32(v >> 1)
		if v&1 != 0 {
			o := out[s]
			if g := group(o) &^ gAccept; g != 0 {
				hits = append(hits, hit{at: int32(i), g: g})
			}
			// An accepted phrase must end at a word boundary too.
			if n := a.acc[s]; n != 0 && (i+1 == len(text) || classOf[text[i+1]] == clsBoundary) {
				hits = append(hits, hit{at: int32(i), g: gAccept, start: int32(i) - int32(n) + 2})
			}
		}
	}
	return hits
}
