package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/debrief/debrief"
	"go.yaml.in/yaml/v3"
)

// Pos is a 1-based line and column in a file; the column counts characters.
type Pos struct {
	Line, Col int
}

// Problem is something wrong with a file, at a position in it.
type Problem struct {
	Pos
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Message) }

// Document is a parsed postmortem file: the postmortem and where each of its
// front matter values was written.
type Document struct {
	Postmortem *debrief.Postmortem
	// HasFrontMatter is false for a plain Markdown file.
	HasFrontMatter bool
	// BodyLine is the line of the file on which the body starts.
	BodyLine int
	pos      map[string]Pos
	// decoded is true once the front matter was read as YAML; bad holds
	// the positions of values that had a problem of syntax or type, so that
	// Validate does not report them a second time.
	decoded bool
	bad     map[Pos]bool
}

// Position returns where the value of a front matter field was written, such
// as "severity" or "action_items[2].due". For a field that is absent it
// returns the position of the nearest enclosing value that is present, and
// for the front matter itself its first line.
func (d *Document) Position(field string) Pos {
	for {
		if p, ok := d.pos[field]; ok {
			return p
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			return Pos{1, 1}
		}
		field = field[:i]
	}
}

// ValuePosition returns where the value of a front matter field was
// written, and false when the field is absent.
func (d *Document) ValuePosition(field string) (Pos, bool) {
	p, ok := d.pos[field]
	return p, ok
}

// Validate checks the postmortem against the domain's rules and returns the
// problems at their positions in the file.
func (d *Document) Validate(tax debrief.Taxonomy) []Problem {
	if !d.HasFrontMatter {
		return []Problem{{Pos{1, 1}, "no front matter: a postmortem starts with a --- line, YAML with at least id, title, severity and status, and another --- line"}}
	}
	if !d.decoded {
		return nil
	}
	var probs []Problem
	for _, e := range d.Postmortem.Validate(tax) {
		p := d.Position(e.Field)
		if _, ok := d.pos[e.Field]; ok && d.bad[p] {
			continue
		}
		probs = append(probs, Problem{p, e.Message})
	}
	return probs
}

// yamlLine reads the line out of a YAML error; it is compiled on first use,
// for a file whose front matter is not valid YAML.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse reads a postmortem file. It returns the document, possibly partly
// filled, and every problem of syntax and type it met; it never panics on
// any input. A file without front matter parses as a body alone.
func Parse(src []byte) (*Document, []Problem) { return parse(src, true) }

// ParseFrontMatter is Parse without the body: the postmortem's Body stays
// empty, which spares a copy of the file to callers that read the body from
// src themselves, such as the linter.
func ParseFrontMatter(src []byte) (*Document, []Problem) { return parse(src, false) }

func parse(src []byte, withBody bool) (*Document, []Problem) {
	d := &Document{Postmortem: &debrief.Postmortem{}, BodyLine: 1, pos: map[string]Pos{}}
	front, body, bodyLine, ok := split(src)
	if !ok {
		if withBody {
			d.Postmortem.Body = string(src)
		}
		if front == nil {
			return d, nil
		}
		d.HasFrontMatter = true
		return d, []Problem{{Pos{1, 1}, "the front matter opened on line 1 is never closed: end it with a line that holds only ---"}}
	}
	d.HasFrontMatter = true
	if withBody {
		d.Postmortem.Body = string(body)
	}
	d.BodyLine = bodyLine

	var root yaml.Node
	if err := yaml.Unmarshal(front, &root); err != nil {
		msg := err.Error()
		line := 1
		if m := yamlLine().FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		return d, []Problem{{Pos{line + 1, 1}, "front matter is not valid YAML: " + msg}}
	}
	dec := decoder{d: d}
	if len(root.Content) == 0 {
		return d, []Problem{{Pos{1, 1}, "the front matter is empty: it needs at least id, title, severity and status"}}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		n := root.Content[0]
		return d, []Problem{{Pos{n.Line + 1, n.Column}, "the front matter must be a mapping of keys to values (key: value lines), found " + kind(n)}}
	}
	dec.document(root.Content[0])
	d.decoded = true
	d.bad = map[Pos]bool{}
	for _, p := range dec.probs {
		d.bad[p.Pos] = true
	}
	return d, dec.probs
}

// split cuts src into front matter and body. front is nil when the file has
// no front matter; ok is false when the front matter is not closed.
func split(src []byte) (front, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	first, _, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != "---" {
		return nil, src, 1, false
	}
	line := 2
	start := len(first) + 1
	for off := start; off <= len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		var l []byte
		next := len(src) + 1
		if end < 0 {
			l = src[off:]
		} else {
			l = src[off : off+end]
			next = off + end + 1
		}
		if t := string(bytes.TrimRight(l, " \r")); t == "---" || t == "..." {
			if next > len(src) {
				next = len(src)
			}
			return src[start:off], src[next:], line + 1, true
		}
		line++
		off = next
	}
	return []byte{}, nil, 1, false
}
