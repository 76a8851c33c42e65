package paging

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CSVFields are the fields a CSV file of pages may have, in the order
// WriteCSV writes them. Only triggered and alert are required, and team
// unless the Mapping gives a default team.
var CSVFields = []string{"id", "team", "service", "alert", "urgency", "rotation", "triggered", "acknowledged", "resolved", "resolved_by", "noise"}

// CSV reads pages from a CSV file with a header line, from any tool that
// exports one.
type CSV struct {
	// Columns maps fields (CSVFields) to the headers of the file's columns
	// when they differ: {"triggered": "Created At", "alert": "Title"}.
	// Headers are compared without regard to case or surrounding blanks.
	Columns map[string]string
	// Source names the pages' source; "" is "csv". Importing a file twice
	// under the same source changes nothing.
	Source string
	// Location is the zone of times written without one; nil is UTC.
	Location *time.Location
	Mapping  Mapping
}

// csvLayouts are the time formats the CSV reader accepts.
var csvLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"}

// Read reads the file. A line that cannot be a page is skipped with its
// line number and the reason; a file without the required columns is an
// error. A page without an id column gets one from its team, alert and
// trigger time, so importing the same file again changes nothing.
func (c *CSV) Read(r io.Reader) (*Batch, error) {
	cr := csv.NewReader(io.LimitReader(r, maxFile))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("csv: the file is empty: it needs a header line with at least the columns triggered and alert")
		}
		return nil, fmt.Errorf("csv: %w", err)
	}
	col, names := map[string]int{}, map[string]string{}
	for _, field := range CSVFields {
		name := field
		if c.Columns[field] != "" {
			name = c.Columns[field]
		}
		if i := slices.IndexFunc(header, func(h string) bool {
			return strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), strings.TrimSpace(name))
		}); i >= 0 {
			col[field], names[field] = i, strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff"))
		}
	}
	for field := range c.Columns {
		if !slices.Contains(CSVFields, field) {
			return nil, fmt.Errorf("csv: %q is not a field of a page; the fields are %s", field, strings.Join(CSVFields, ", "))
		}
	}
	for _, need := range []string{"triggered", "alert"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("csv: no %q column: name it in the header, or map it to the file's column", c.header(need))
		}
	}
	if _, ok := col["team"]; !ok && c.Mapping.Team == "" {
		return nil, fmt.Errorf("csv: no %q column and no default team: add the column, map it, or give a default team", c.header("team"))
	}
	source := c.Source
	if source == "" {
		source = "csv"
	}
	loc := c.Location
	if loc == nil {
		loc = time.UTC
	}
	_, ackTracked := col["acknowledged"]
	b := &Batch{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return nil, fmt.Errorf("csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		get := func(field string) string {
			if i, ok := col[field]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		p, problem := c.page(get, names, source, loc, ackTracked)
		if problem != "" {
			b.Skipped = append(b.Skipped, Skip{ID: fmt.Sprintf("line %d", line), Reason: problem})
			continue
		}
		if err := p.Check(); err != nil {
			b.Skipped = append(b.Skipped, Skip{ID: fmt.Sprintf("line %d", line), Reason: messageOf(err)})
			continue
		}
		b.Pages = append(b.Pages, p)
	}
}

func (c *CSV) header(field string) string {
	if h := c.Columns[field]; h != "" {
		return h
	}
	return field
}

// page reads one line's page, or says what is wrong with it.
func (c *CSV) page(get func(string) string, names map[string]string, source string, loc *time.Location, ackTracked bool) (Page, string) {
	p := Page{Source: source, Service: get("service"), Alert: get("alert"), Rotation: get("rotation"), AckTracked: ackTracked,
		Team: c.Mapping.team([]string{get("team")})}
	for _, t := range []struct {
		field string
		at    *time.Time
	}{{"triggered", &p.Triggered}, {"acknowledged", &p.Acknowledged}, {"resolved", &p.Resolved}} {
		v := get(t.field)
		if v == "" {
			continue
		}
		at, ok := parseCSVTime(v, loc)
		if !ok {
			return p, fmt.Sprintf("%s %q is not a time such as 2026-02-09T05:02:00Z or 2026-02-09 06:02", names[t.field], shorten(v))
		}
		*t.at = at
	}
	switch u := strings.ToLower(get("urgency")); u {
	case "", "high":
		p.Urgency = High
	case "low":
		p.Urgency = Low
	default:
		return p, fmt.Sprintf("%s %q is not high or low", names["urgency"], shorten(u))
	}
	switch by := strings.ToLower(get("resolved_by")); by {
	case "", "person", "system":
		p.ResolvedBy = Resolver(by)
	default:
		return p, fmt.Sprintf("%s %q is not person or system", names["resolved_by"], shorten(by))
	}
	if v := get("noise"); v != "" {
		switch strings.ToLower(v) {
		case "true", "yes", "y", "1", "x":
			p.Noise = true
		case "false", "no", "n", "0":
		default:
			return p, fmt.Sprintf("%s %q is not yes or no", names["noise"], shorten(v))
		}
	}
	p.SourceID = get("id")
	if p.SourceID == "" {
		sum := sha256.Sum256([]byte(p.Team + "\x00" + p.Alert + "\x00" + p.Triggered.UTC().Format(time.RFC3339Nano)))
		p.SourceID = hex.EncodeToString(sum[:12])
	}
	return p, ""
}

func parseCSVTime(v string, loc *time.Location) (time.Time, bool) {
	for _, layout := range csvLayouts {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t.UTC(), true
		}
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 && n < 1e13 {
		if n > 1e11 { // milliseconds
			return time.UnixMilli(n).UTC(), true
		}
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// WriteCSV writes pages as a CSV file with the CSVFields as its header,
// times in UTC as RFC 3339: the file CSV reads back unchanged.
func WriteCSV(w io.Writer, pages []Page) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVFields); err != nil {
		return err
	}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	for _, p := range pages {
		noise := ""
		if p.Noise {
			noise = "yes"
		}
		if err := cw.Write([]string{p.SourceID, p.Team, p.Service, p.Alert, string(p.Urgency), p.Rotation,
			stamp(p.Triggered), stamp(p.Acknowledged), stamp(p.Resolved), string(p.ResolvedBy), noise}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
