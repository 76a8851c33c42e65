package debrief

import (
	"slices"
	"strings"
	"unicode"
)

// ParseQuery reads a search box's text into a filter. The syntax is the one
// people know from other search boxes:
//
//	certificate expiry      both words, anywhere
//	"connection pool"       the phrase
//	-staging  -"dry run"    not this word or phrase
//	team:payments           a filter; also service:, tag:, status:,
//	sev:SEV1                severity: (SEV1 or 1), customer:yes|no,
//	after:2026-01-01        after: (on or after) and before: (strictly before)
//
// A filter's value may be quoted (team:"site reliability") and may list
// several values separated by commas (sev:SEV1,SEV2), which match any of
// them. Words with an unknown key, such as a URL, are searched as text. An
// invalid value is an EINVALID error that says what is expected.
func ParseQuery(s string) (PostmortemFilter, error) {
	var f PostmortemFilter
	for _, tok := range tokenize(s) {
		if tok.key != "" {
			if tok.exclude {
				return f, Errorf(EINVALID, "-%s: is not supported: filters select, they do not exclude; search for the words to leave out with -word", tok.key)
			}
			if err := f.addFilter(tok.key, tok.value); err != nil {
				return f, err
			}
			continue
		}
		if !hasWordChar(tok.value) {
			continue
		}
		if tok.exclude {
			f.Text.Exclude = append(f.Text.Exclude, tok.value)
		} else {
			f.Text.Include = append(f.Text.Include, tok.value)
		}
	}
	return f, nil
}

// filterKeys maps the keys of the query syntax to their canonical names.
var filterKeys = map[string]string{
	"team": "team", "service": "service", "tag": "tag",
	"sev": "sev", "severity": "sev", "status": "status",
	"customer": "customer", "after": "after", "before": "before",
}

func (f *PostmortemFilter) addFilter(key, value string) error {
	values := strings.Split(value, ",")
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			return Errorf(EINVALID, "%s: needs a value, such as %s", key, example[key])
		}
		switch key {
		case "team":
			f.Teams = append(f.Teams, v)
		case "service":
			f.Services = append(f.Services, v)
		case "tag":
			f.Tags = append(f.Tags, v)
		case "sev":
			s := Severity(strings.ToUpper(v))
			if len(v) == 1 {
				s = "SEV" + Severity(v)
			}
			if !slices.Contains(Severities, s) {
				return Errorf(EINVALID, "sev:%s is not a severity: use SEV1 (most severe) to SEV4, or 1 to 4", v)
			}
			f.Severities = append(f.Severities, s)
		case "status":
			s := Status(strings.ToLower(v))
			if !slices.Contains(Statuses, s) {
				return Errorf(EINVALID, "status:%s is not a status: use one of %s", v, list(Statuses))
			}
			f.Statuses = append(f.Statuses, s)
		case "customer":
			var b bool
			switch strings.ToLower(v) {
			case "yes", "true", "y":
				b = true
			case "no", "false", "n":
			default:
				return Errorf(EINVALID, "customer:%s: use customer:yes or customer:no", v)
			}
			f.CustomerFacing = &b
		case "after", "before":
			if len(values) > 1 {
				return Errorf(EINVALID, "%s: takes one date, such as %s:2026-01-31", key, key)
			}
			d, err := ParseDate(v)
			if err != nil {
				return Errorf(EINVALID, "%s:%s: %v", key, v, err)
			}
			if key == "after" {
				f.After = d
			} else {
				f.Before = d
			}
		}
	}
	return nil
}

var example = map[string]string{
	"team": "team:payments", "service": "service:checkout-web", "tag": "tag:tls",
	"sev": "sev:SEV1", "status": "status:published", "customer": "customer:yes",
	"after": "after:2026-01-01", "before": "before:2026-02-01",
}

// String writes the filter back in the query syntax, so that ParseQuery
// reads the same filter from it. Limit and Cursor are left out.
func (f PostmortemFilter) String() string {
	var parts []string
	for _, w := range f.Text.Include {
		parts = append(parts, quoteTerm(w))
	}
	for _, w := range f.Text.Exclude {
		parts = append(parts, "-"+quoteTerm(w))
	}
	add := func(key string, values []string) {
		for _, v := range values {
			parts = append(parts, key+":"+quoteValue(v))
		}
	}
	add("team", f.Teams)
	add("service", f.Services)
	add("tag", f.Tags)
	for _, s := range f.Severities {
		parts = append(parts, "sev:"+string(s))
	}
	for _, s := range f.Statuses {
		parts = append(parts, "status:"+string(s))
	}
	if f.CustomerFacing != nil {
		if *f.CustomerFacing {
			parts = append(parts, "customer:yes")
		} else {
			parts = append(parts, "customer:no")
		}
	}
	if !f.After.IsZero() {
		parts = append(parts, "after:"+f.After.String())
	}
	if !f.Before.IsZero() {
		parts = append(parts, "before:"+f.Before.String())
	}
	return strings.Join(parts, " ")
}

func quoteTerm(s string) string {
	if strings.ContainsAny(s, " \t\"") || strings.HasPrefix(s, "-") || strings.Contains(s, ":") {
		return `"` + strings.ReplaceAll(s, `"`, "") + `"`
	}
	return s
}

func quoteValue(s string) string {
	if strings.ContainsAny(s, " \t\",") {
		return `"` + strings.ReplaceAll(s, `"`, "") + `"`
	}
	return s
}

// token is one element of a query: a word, a phrase or key:value.
type token struct {
	exclude bool
	key     string // canonical filter key; "" for text
	value   string
}

func tokenize(s string) []token {
	var toks []token
	r := []rune(s)
	i := 0
	for i < len(r) {
		for i < len(r) && unicode.IsSpace(r[i]) {
			i++
		}
		if i >= len(r) {
			break
		}
		var t token
		if r[i] == '-' && i+1 < len(r) && !unicode.IsSpace(r[i+1]) {
			t.exclude = true
			i++
		}
		if r[i] == '"' {
			t.value, i = quoted(r, i)
			toks = append(toks, t)
			continue
		}
		start := i
		for i < len(r) && !unicode.IsSpace(r[i]) && r[i] != ':' && r[i] != '"' {
			i++
		}
		if i < len(r) && r[i] == ':' {
			if key, ok := filterKeys[strings.ToLower(string(r[start:i]))]; ok {
				t.key = key
				i++
				if i < len(r) && r[i] == '"' {
					t.value, i = quoted(r, i)
				} else {
					vs := i
					for i < len(r) && !unicode.IsSpace(r[i]) {
						i++
					}
					t.value = string(r[vs:i])
				}
				toks = append(toks, t)
				continue
			}
		}
		for i < len(r) && !unicode.IsSpace(r[i]) && r[i] != '"' {
			i++
		}
		t.value = string(r[start:i])
		toks = append(toks, t)
	}
	return toks
}

// quoted reads a quoted string starting at r[i] == '"', up to the closing
// quote or the end of the text, and returns it with the index after it.
func quoted(r []rune, i int) (string, int) {
	i++
	start := i
	for i < len(r) && r[i] != '"' {
		i++
	}
	v := strings.Join(strings.Fields(string(r[start:i])), " ")
	if i < len(r) {
		i++
	}
	return v, i
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
