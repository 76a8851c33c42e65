package debrief

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// PostmortemFilter selects postmortems for Find. Every field that is set
// narrows the result; several values of one field match any of them.
// ParseQuery builds one from a search box's text.
type PostmortemFilter struct {
	// Text holds the words and phrases to search for; empty lists.
	Text TextQuery

	Teams      []string
	Services   []string
	Tags       []string
	Severities []Severity
	Statuses   []Status
	// CustomerFacing, when set, keeps only postmortems whose
	// customer_facing is the same.
	CustomerFacing *bool
	// After and Before bound the incident's date (see IncidentDate):
	// on or after After, strictly before Before.
	After, Before Date

	// Limit is the page size: DefaultLimit when 0, at most MaxLimit.
	Limit int
	// Cursor is the Next of the previous page, "" for the first page.
	Cursor string
}

// QueryTimeout bounds the work of one search, list or similar-incidents
// lookup: ordinary ones take milliseconds, and one that runs out of time
// ends with an EUNAVAILABLE error that says it took too long, rather than
// holding a connection and a core for minutes.
const QueryTimeout = 5 * time.Second

// Page sizes of Find.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// PageLimit returns the page size Find uses for f.
func (f *PostmortemFilter) PageLimit() int {
	switch {
	case f.Limit <= 0:
		return DefaultLimit
	case f.Limit > MaxLimit:
		return MaxLimit
	}
	return f.Limit
}

// TextQuery is the free-text part of a search. Each entry of Include is a
// word or a phrase that must occur; each entry of Exclude is a word or phrase
// that must not.
type TextQuery struct {
	Include []string
	Exclude []string
}

// IsZero reports whether the query has no text at all.
func (q TextQuery) IsZero() bool { return len(q.Include) == 0 && len(q.Exclude) == 0 }

// Ranked reports whether results are ordered by relevance: only a query that
// asks for some words has any.
func (q TextQuery) Ranked() bool {
	return slices.ContainsFunc(q.Include, func(s string) bool { return len(Words(s)) > 0 })
}

// Words returns the words that the query's results must hold, for their
// snippets (FindSnippet).
func (q TextQuery) Words() []string {
	var out []string
	for _, s := range q.Include {
		out = append(out, Words(s)...)
	}
	return out
}

// PostmortemPage is one page of Find's results.
type PostmortemPage struct {
	Items []*PostmortemSummary
	// Next is the cursor of the following page, "" on the last page.
	Next string
	// Total counts the matches the viewer may see, on all pages, up to
	// CountLimit: counting every one of tens of thousands of matches
	// would cost more than the search itself.
	Total int
	// Capped is true when there are more than CountLimit matches; Total
	// is then CountLimit.
	Capped bool
}

// CountLimit is how far Find counts matches exactly.
const CountLimit = 1000

// SetTotal sets the page's total from an exact count, capped at
// CountLimit.
func (p *PostmortemPage) SetTotal(n int) {
	p.Total, p.Capped = min(n, CountLimit), n > CountLimit
}

// PostmortemSummary is what a list or a search shows of a postmortem.
type PostmortemSummary struct {
	ID             string
	Title          string
	Severity       Severity
	Status         Status
	CustomerFacing bool
	Restricted     bool
	Teams          []string
	Services       []string
	Tags           []string
	// Date is the incident's date, zero when the postmortem has no times.
	Date     Date
	Started  time.Time
	Resolved time.Time
	Version  int
	// Lint counts the findings of the linter the archive uses
	// (UseLinter) in the stored file; nil when it counts none.
	Lint *LintCounts
	// Snippet shows where a search matched; empty in lists.
	Snippet Snippet
	// A search gives its results in rank order but no score: relevance
	// scores are computed over statistics of the whole archive, so showing
	// them would tell which words postmortems the viewer may not see hold
	// (docs/access.md).
}

// Summary returns the summary of p, as lists show it.
func (p *Postmortem) Summary() *PostmortemSummary {
	return &PostmortemSummary{
		ID: p.ID, Title: p.Title, Severity: p.Severity, Status: p.Status,
		CustomerFacing: p.CustomerFacing, Restricted: p.Restricted,
		Teams: p.Teams, Services: p.Services, Tags: p.Tags,
		Date: p.IncidentDate(), Started: p.Started, Resolved: p.Resolved, Version: p.Version,
	}
}

// TimeToResolve is the time from the start of impact to its resolution,
// and false when either time is unknown.
func (s *PostmortemSummary) TimeToResolve() (time.Duration, bool) {
	return since(s.Started, s.Resolved)
}

// IncidentDate is the date the archive files a postmortem under: the day its
// impact started, or failing that the first of detected, mitigated,
// resolved and review_date that is set, in UTC.
func (p *Postmortem) IncidentDate() Date {
	for _, t := range []time.Time{p.Started, p.Detected, p.Mitigated, p.Resolved} {
		if !t.IsZero() {
			return DateOf(t.UTC())
		}
	}
	return p.ReviewDate
}

// String shows a summary for logs and test failures.
func (s *PostmortemSummary) String() string { return fmt.Sprintf("%s %q", s.ID, s.Title) }

// Cursor is where a page of Find's results ends; Find hands it out encoded
// as PostmortemPage.Next and reads it back from PostmortemFilter.Cursor.
// Ranked searches page by offset; lists page by the (date, id) of their
// last item, so that new postmortems never shift the pages of a list.
type Cursor struct {
	Ranked bool   `json:"r,omitempty"`
	Offset int    `json:"o,omitempty"`
	Date   string `json:"d,omitempty"`
	ID     string `json:"i,omitempty"`
}

// Encode returns the cursor as an opaque URL-safe string.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// MaxCursorOffset bounds the offset of a ranked search's cursor: far more
// matches than any archive holds, and far enough from the largest int that
// adding a page to it never overflows.
const MaxCursorOffset = 10_000_000

// DecodeCursor reads a cursor that Encode wrote, for a query that is ranked
// or not; "" is the first page. Cursors come from clients, so anything else,
// including an offset outside 0 to MaxCursorOffset, is an EINVALID error.
func DecodeCursor(s string, ranked bool) (Cursor, error) {
	var c Cursor
	if s == "" {
		return Cursor{Ranked: ranked}, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.Ranked != ranked || c.Offset < 0 || c.Offset > MaxCursorOffset || (!ranked && c.ID == "") {
		return Cursor{}, Errorf(EINVALID, "the cursor %q is not one this search handed out: start again from the first page", s)
	}
	return c, nil
}
