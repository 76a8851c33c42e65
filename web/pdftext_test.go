package web

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// pdfText extracts the text of a PDF as Chromium prints it: objects
// written plainly, content streams compressed with FlateDecode, and fonts
// whose ToUnicode maps give the characters of the glyph codes. It reads
// enough of the format for the browser test to check what a printed page
// says; it is no general PDF reader.
func pdfText(pdf []byte) (string, error) {
	objs, err := pdfObjects(pdf)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	pages := 0
	for _, o := range objs {
		if !pageType.Match(o.dict) {
			continue
		}
		pages++
		fonts, err := pageFonts(objs, o.dict)
		if err != nil {
			return "", err
		}
		for _, ref := range contentRefs(o.dict) {
			c, ok := objs[ref]
			if !ok {
				return "", fmt.Errorf("page content %d is missing", ref)
			}
			if err := showText(&out, c.stream, fonts); err != nil {
				return "", fmt.Errorf("content %d: %w", ref, err)
			}
		}
		out.WriteString("\n")
	}
	if pages == 0 {
		return "", fmt.Errorf("no pages found")
	}
	return ligatures.Replace(out.String()), nil
}

// ligatures spells out the ligature glyphs that fonts map to one
// character, as a reader of the text would.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

type pdfObject struct {
	dict   []byte
	stream []byte // decompressed
}

var (
	objStart   = regexp.MustCompile(`(?m)(\d+) 0 obj\b`)
	lengthKey  = regexp.MustCompile(`/Length (\d+)(?: 0 R)?`)
	pageType   = regexp.MustCompile(`/Type\s*/Page\b`)
	refPattern = regexp.MustCompile(`(\d+) 0 R`)
)

func pdfObjects(pdf []byte) (map[int]pdfObject, error) {
	objs := map[int]pdfObject{}
	locs := objStart.FindAllSubmatchIndex(pdf, -1)
	for i, l := range locs {
		n, _ := strconv.Atoi(string(pdf[l[2]:l[3]]))
		end := len(pdf)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := pdf[l[1]:end]
		o := pdfObject{dict: body}
		if s := bytes.Index(body, []byte("stream")); s >= 0 && !bytes.HasPrefix(body[s-3:], []byte("endstream")) {
			o.dict = body[:s]
			data := body[s+len("stream"):]
			data = bytes.TrimPrefix(data, []byte("\r"))
			data = bytes.TrimPrefix(data, []byte("\n"))
			if m := lengthKey.FindSubmatch(o.dict); m != nil && !bytes.HasSuffix(m[0], []byte(" R")) {
				if n, _ := strconv.Atoi(string(m[1])); n <= len(data) {
					data = data[:n]
				}
			} else if e := bytes.LastIndex(data, []byte("endstream")); e >= 0 {
				data = data[:e]
			}
			if bytes.Contains(o.dict, []byte("/FlateDecode")) {
				r, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
				if data, err = io.ReadAll(r); err != nil {
					return nil, fmt.Errorf("object %d: %w", n, err)
				}
			}
			o.stream = data
		}
		objs[n] = o
	}
	return objs, nil
}

func contentRefs(dict []byte) []int {
	i := bytes.Index(dict, []byte("/Contents"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimSpace(dict[i+len("/Contents"):])
	if bytes.HasPrefix(rest, []byte("[")) {
		rest = rest[:bytes.IndexByte(rest, ']')]
		var out []int
		for _, m := range refPattern.FindAllSubmatch(rest, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			out = append(out, n)
		}
		return out
	}
	m := refPattern.FindSubmatch(rest)
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(string(m[1]))
	return []int{n}
}

// dictAfter returns the dictionary that follows key in dict, following an
// indirect reference.
func dictAfter(objs map[int]pdfObject, dict []byte, key string) []byte {
	i := bytes.Index(dict, []byte(key))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimSpace(dict[i+len(key):])
	if bytes.HasPrefix(rest, []byte("<<")) {
		depth := 0
		for j := 0; j+1 < len(rest); j++ {
			switch {
			case rest[j] == '<' && rest[j+1] == '<':
				depth++
				j++
			case rest[j] == '>' && rest[j+1] == '>':
				depth--
				j++
				if depth == 0 {
					return rest[:j+1]
				}
			}
		}
		return rest
	}
	if m := regexp.MustCompile(`^(\d+) 0 R`).FindSubmatch(rest); m != nil {
		n, _ := strconv.Atoi(string(m[1]))
		return objs[n].dict
	}
	return nil
}

// pdfFont decodes a font's codes into text.
type pdfFont struct {
	width int // bytes per code
	chars map[int]string
}

var fontEntry = regexp.MustCompile(`/([A-Za-z0-9_.+-]+)\s+(\d+) 0 R`)

func pageFonts(objs map[int]pdfObject, page []byte) (map[string]*pdfFont, error) {
	res := dictAfter(objs, page, "/Resources")
	fontDict := dictAfter(objs, res, "/Font")
	fonts := map[string]*pdfFont{}
	for _, m := range fontEntry.FindAllSubmatch(fontDict, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		f := &pdfFont{width: 1, chars: map[int]string{}}
		if tu := regexp.MustCompile(`/ToUnicode (\d+) 0 R`).FindSubmatch(objs[n].dict); tu != nil {
			cn, _ := strconv.Atoi(string(tu[1]))
			if err := f.readCMap(objs[cn].stream); err != nil {
				return nil, fmt.Errorf("font %s: %w", m[1], err)
			}
		}
		fonts[string(m[1])] = f
	}
	return fonts, nil
}

var (
	hexToken  = regexp.MustCompile(`<([0-9A-Fa-f]*)>`)
	codespace = regexp.MustCompile(`(?s)begincodespacerange\s*<([0-9A-Fa-f]+)>`)
	bfchar    = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
	bfrange   = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
	rangeLine = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)`)
)

func hexInt(s string) int { n, _ := strconv.ParseInt(s, 16, 64); return int(n) }

func utf16Hex(s string) string {
	b, err := hex.DecodeString(s)
	if err != nil || len(b)%2 != 0 {
		return ""
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

func (f *pdfFont) readCMap(cm []byte) error {
	if m := codespace.FindSubmatch(cm); m != nil {
		f.width = len(m[1]) / 2
	}
	for _, block := range bfchar.FindAllSubmatch(cm, -1) {
		hs := hexToken.FindAllSubmatch(block[1], -1)
		for i := 0; i+1 < len(hs); i += 2 {
			f.chars[hexInt(string(hs[i][1]))] = utf16Hex(string(hs[i+1][1]))
		}
	}
	for _, block := range bfrange.FindAllSubmatch(cm, -1) {
		for _, l := range rangeLine.FindAllSubmatch(block[1], -1) {
			lo, hi := hexInt(string(l[1])), hexInt(string(l[2]))
			if hi-lo > 0xffff || hi < lo {
				return fmt.Errorf("a range from %x to %x", lo, hi)
			}
			dst := string(l[3])
			if strings.HasPrefix(dst, "[") {
				for i, h := range hexToken.FindAllStringSubmatch(dst, -1) {
					f.chars[lo+i] = utf16Hex(h[1])
				}
				continue
			}
			base := []rune(utf16Hex(strings.Trim(dst, "<>")))
			if len(base) == 0 {
				continue
			}
			for c := lo; c <= hi; c++ {
				r := append([]rune{}, base...)
				r[len(r)-1] += rune(c - lo)
				f.chars[c] = string(r)
			}
		}
	}
	return nil
}

func (f *pdfFont) decode(s []byte) string {
	var b strings.Builder
	for i := 0; i+f.width <= len(s); i += f.width {
		code := 0
		for _, c := range s[i : i+f.width] {
			code = code<<8 | int(c)
		}
		if t, ok := f.chars[code]; ok {
			b.WriteString(t)
		} else if f.width == 1 {
			b.WriteByte(byte(code))
		}
	}
	return b.String()
}

// showText writes the text that a content stream shows.
func showText(out *strings.Builder, content []byte, fonts map[string]*pdfFont) error {
	var stack []any
	var font *pdfFont
	var array []any
	inArray := false
	push := func(v any) {
		if inArray {
			array = append(array, v)
		} else {
			stack = append(stack, v)
		}
	}
	show := func(v any) {
		if s, ok := v.([]byte); ok && font != nil {
			out.WriteString(font.decode(s))
		}
	}
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(content) && content[i] != '\n' && content[i] != '\r' {
				i++
			}
		case c == '/':
			j := i + 1
			for j < len(content) && !bytes.ContainsRune([]byte(" \n\r\t/[]<>()"), rune(content[j])) {
				j++
			}
			push(string(content[i:j]))
			i = j
		case c == '(':
			var s []byte
			depth := 0
			j := i + 1
			for ; j < len(content); j++ {
				ch := content[j]
				if ch == '\\' && j+1 < len(content) {
					j++
					switch e := content[j]; e {
					case 'n':
						s = append(s, '\n')
					case 'r':
						s = append(s, '\r')
					case 't':
						s = append(s, '\t')
					case 'b', 'f':
					case '0', '1', '2', '3', '4', '5', '6', '7':
						k := j
						for k < len(content) && k < j+3 && content[k] >= '0' && content[k] <= '7' {
							k++
						}
						v, _ := strconv.ParseUint(string(content[j:k]), 8, 8)
						s = append(s, byte(v))
						j = k - 1
					default:
						s = append(s, e)
					}
					continue
				}
				if ch == '(' {
					depth++
				} else if ch == ')' {
					if depth == 0 {
						break
					}
					depth--
				}
				s = append(s, ch)
			}
			push(s)
			i = j + 1
		case c == '<' && i+1 < len(content) && content[i+1] == '<':
			i += 2
		case c == '>' && i+1 < len(content) && content[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return fmt.Errorf("a hex string at %d has no end", i)
			}
			h := bytes.Map(func(r rune) rune {
				if strings.ContainsRune("0123456789abcdefABCDEF", r) {
					return r
				}
				return -1
			}, content[i+1:i+j])
			if len(h)%2 == 1 {
				h = append(h, '0')
			}
			b := make([]byte, len(h)/2)
			if _, err := hex.Decode(b, h); err != nil {
				return err
			}
			push(b)
			i += j + 1
		case c == '[':
			inArray, array = true, nil
			i++
		case c == ']':
			inArray = false
			stack = append(stack, array)
			i++
		case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(content) && (content[j] == '.' || (content[j] >= '0' && content[j] <= '9')) {
				j++
			}
			f, _ := strconv.ParseFloat(string(content[i:j]), 64)
			push(f)
			i = j
		default:
			j := i
			for j < len(content) && !bytes.ContainsRune([]byte(" \n\r\t/[]<>()%"), rune(content[j])) {
				j++
			}
			if j == i {
				j++
			}
			op := string(content[i:j])
			i = j
			switch op {
			case "Tf":
				if len(stack) >= 2 {
					if name, ok := stack[len(stack)-2].(string); ok {
						font = fonts[strings.TrimPrefix(name, "/")]
					}
				}
			case "Tj", "'", "\"":
				if op != "Tj" {
					out.WriteString("\n")
				}
				if len(stack) > 0 {
					show(stack[len(stack)-1])
				}
			case "TJ":
				if len(stack) > 0 {
					if arr, ok := stack[len(stack)-1].([]any); ok {
						for _, v := range arr {
							if n, ok := v.(float64); ok && n < -200 {
								out.WriteString(" ")
							}
							show(v)
						}
					}
				}
			case "Td", "TD", "T*", "ET":
				out.WriteString("\n")
			case "Tm":
				out.WriteString(" ")
			}
			stack = stack[:0]
		}
	}
	return nil
}

// TestPDFText checks the reader on a small PDF written here: one page, a
// compressed content stream, a two-byte font with a ToUnicode map.
func TestPDFText(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
		"3 beginbfchar\n<0003> <0020>\n<0010> <0068>\n<0014> <FB01>\nendbfchar\n1 beginbfrange\n<0011> <0013> <0075>\nendbfrange\nendcmap\n"
	content := "BT /F1 12 Tf 72 720 Td <00100011> Tj [<0003> -300 <00120013> <0014>] TJ ET BT /F2 10 Tf (plain\\051) Tj ET"
	deflate := func(s string) string {
		var b bytes.Buffer
		w := zlib.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.String()
	}
	c := deflate(content)
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R >> endobj\n" +
		"4 0 obj << /Length " + strconv.Itoa(len(c)) + " /Filter /FlateDecode >>\nstream\n" + c + "\nendstream\nendobj\n" +
		"5 0 obj << /Type /Font /Subtype /Type0 /ToUnicode 6 0 R >> endobj\n" +
		"6 0 obj << /Length " + strconv.Itoa(len(cmap)) + " >>\nstream\n" + cmap + "\nendstream\nendobj\n" +
		"7 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
	got, err := pdfText([]byte(pdf))
	if err != nil {
		t.Fatal(err)
	}
	if norm := strings.Join(strings.Fields(got), " "); norm != "hu vwfi plain)" {
		t.Errorf("text = %q, want %q", norm, "hu vwfi plain)")
	}
	if _, err := pdfText([]byte("%PDF-1.4\n%%EOF")); err == nil {
		t.Errorf("a PDF without pages reads without an error")
	}
}
