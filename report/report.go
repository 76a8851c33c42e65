// Package report writes the insights' figures as text for a terminal, as
// JSON for programs and as CSV for spreadsheets: the load report (incidents
// per team and week, reactive mode), the on-call report (pages per shift,
// hour bands, noisy and flapping alerts, the trend), the kinds report
// (which kinds of incident come back, and whether their fixes held) and
// the process report (time to publish, reviews overdue, system focus,
// language). `debrief report load|oncall|kinds|process --format
// text|json|csv` prints them; the dashboards show the same figures.
//
// Reports take figures the debrief and oncall packages computed, and those
// never carry the title or id of a restricted postmortem: a report counts
// them and names none.
package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// Format is how a report is written.
type Format string

// Formats.
const (
	Text Format = "text"
	JSON Format = "json"
	CSV  Format = "csv"
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Text, JSON, CSV:
		return f, nil
	}
	return "", fmt.Errorf("format %q: use text, json or csv", s)
}

// Report is one of the reports: Load, OnCall, Kinds or Process.
type Report interface {
	// Name is the report's name: load, oncall, kinds or process.
	Name() string
	writeText(w io.Writer) error
	// rows are the CSV lines, the header first.
	rows() [][]string
}

// Write writes r in format f.
func Write(w io.Writer, f Format, r Report) error {
	switch f {
	case Text:
		return r.writeText(w)
	case JSON:
		// The report's own fields, after its name.
		body, err := json.Marshal(r)
		if err != nil {
			return err
		}
		name, _ := json.Marshal(r.Name())
		flat := append([]byte(`{"report":`), name...)
		if len(body) > 2 {
			flat = append(append(flat, ','), body[1:]...)
		} else {
			flat = append(flat, '}')
		}
		var out bytes.Buffer
		if err := json.Indent(&out, flat, "", "  "); err != nil {
			return err
		}
		out.WriteByte('\n')
		_, err = w.Write(out.Bytes())
		return err
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(r.rows()); err != nil {
			return err
		}
		return cw.Error()
	}
	return fmt.Errorf("format %q: use text, json or csv", f)
}

// stamp writes when a report was computed.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04") + " UTC" }

// num writes a figure with at most two decimals and no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// days writes a duration in days, one decimal at most.
func days(d time.Duration) string {
	return strconv.FormatFloat(math.Round(d.Hours()/24*10)/10, 'f', -1, 64)
}

// percent writes a share (0–1) as a whole percentage.
func percent(share float64) string { return fmt.Sprintf("%.0f %%", 100*share) }

// errWriter keeps the first write error, so text writers can write line
// after line and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// plural writes a count with its noun: "1 page", "2 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// trimmed writes text with the blanks at the end of its lines left out, as
// tabwriter leaves them.
type trimmed struct {
	w   io.Writer
	buf []byte
}

func (t *trimmed) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	return len(p), nil
}

// flush writes what was written, trimmed.
func (t *trimmed) flush() error {
	lines := bytes.Split(t.buf, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	_, err := t.w.Write(bytes.Join(lines, []byte("\n")))
	t.buf = nil
	return err
}
