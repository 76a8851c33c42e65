package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats lists the output formats WriteFindings knows.
var Formats = []string{"text", "json", "sarif", "github"}

// WriteFindings writes findings in one of Formats. color applies to text
// only. rules documents the rules for SARIF; nil means Rules().
func WriteFindings(w io.Writer, format string, fs []Finding, color bool, rules []RuleInfo) error {
	switch format {
	case "text":
		return WriteText(w, fs, color)
	case "json":
		return WriteJSON(w, fs)
	case "sarif":
		if rules == nil {
			rules = Rules()
		}
		return WriteSARIF(w, fs, rules, "")
	case "github":
		return WriteGitHub(w, fs)
	}
	return fmt.Errorf("format %q is not one of %s", format, strings.Join(Formats, ", "))
}

// WriteJSON writes the findings as a JSON array, [] when there are none.
func WriteJSON(w io.Writer, fs []Finding) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonFindings(fs))
}

// WriteRulesJSON writes rule documentation as a JSON array.
func WriteRulesJSON(w io.Writer, rules []RuleInfo) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rules)
}
