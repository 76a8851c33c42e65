package debrief

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// PostmortemService is the archive of postmortems. The sqlite and postgres
// packages implement it; the web API and the CLI use it.
//
// Every method is one transaction. Every read takes the Viewer it reads for
// and never returns, counts or mentions a postmortem the viewer may not see:
// a restricted postmortem the viewer may not see is "not found".
//
// Every write that lists action items or accepted risks keeps the sharing
// rule of CheckShared: a shared item or risk links only postmortems with
// the same audience, all of which the saver may see.
type PostmortemService interface {
	// FindByID returns the postmortem with the given id, with its Version.
	FindByID(ctx context.Context, v Viewer, id string) (*Postmortem, error)

	// Find lists or searches postmortems: ranked by relevance when the
	// filter has search words, newest first otherwise.
	Find(ctx context.Context, v Viewer, f PostmortemFilter) (*PostmortemPage, error)

	// Create stores a new postmortem and sets p.Version to 1. An id that
	// is already taken is a conflict, with the same message whether the
	// viewer may see the postmortem that holds it or not.
	Create(ctx context.Context, v Viewer, p *Postmortem) error

	// NextID hands out a postmortem id of the year for a new postmortem
	// that v writes: the first number in use by nobody after both the last
	// one it handed out for that year and the highest one v may see. It
	// never hands out an id twice, so two authors who start at the same
	// time get different ids, and a number missing from what v sees may be
	// a postmortem v cannot see or an id that was handed out and never
	// saved: the suggestion says nothing about restricted postmortems
	// (docs/access.md).
	NextID(ctx context.Context, v Viewer, year int) (string, error)

	// Update replaces the postmortem with p's id, if it is still at
	// expectedVersion, and sets p.Version to its new version. A stale
	// version is refused with a *ConflictError that carries the current
	// version; a postmortem the viewer may not see is not found. Content
	// identical to what is stored changes nothing, not even the version.
	Update(ctx context.Context, v Viewer, p *Postmortem, expectedVersion int) error

	// Import creates or replaces the postmortem with p's id whatever its
	// version, as `debrief import` does with files that are the source of
	// truth. Identical content changes nothing. It sets p.Version. It runs
	// as the Operator, who sees everything, and still keeps the sharing
	// rule.
	Import(ctx context.Context, p *Postmortem) (ImportResult, error)

	// ImportBatch imports several postmortems as Import does, together in
	// one transaction when all can be stored; when one cannot, the others
	// still land and it is left out whole, with its error in errs. It is
	// how `debrief import` loads large archives quickly. An error for the
	// whole batch means none landed.
	ImportBatch(ctx context.Context, ps []*Postmortem) (results []ImportResult, errs []error, err error)

	// Export calls fn with every postmortem the viewer may see, in id
	// order, as its canonical file. It reads in batches, one transaction
	// each, so fn may be slow.
	Export(ctx context.Context, v Viewer, fn func(id string, file []byte) error) error

	// Similar returns the postmortems most like the stored postmortem id,
	// best first, with the reasons (see docs/similar.md).
	Similar(ctx context.Context, v Viewer, id string, limit int) ([]*SimilarPostmortem, error)

	// SimilarToDraft does the same for a postmortem that may not be stored
	// yet, such as a draft being written. A stored postmortem with the
	// draft's id is left out of the results.
	SimilarToDraft(ctx context.Context, v Viewer, draft *Postmortem, limit int) ([]*SimilarPostmortem, error)

	// Delete removes the postmortem id, if it is still at
	// expectedVersion, as an admin does: v must be an admin (EFORBIDDEN
	// otherwise). The store keeps a record of it (who, when, and the file
	// as it was), and its id is never handed out or created again, so
	// that links to it never point at another postmortem. Action items
	// and accepted risks that only it listed go with it.
	Delete(ctx context.Context, v Viewer, id string, expectedVersion int) error

	// References returns what the archive already holds that a set of
	// files must agree with: every postmortem id, and the stored action
	// items and accepted risks with the given ids. Import checks files
	// against it the way `debrief validate` checks files against each
	// other. It reads everything, restricted postmortems included: it is
	// for the operator's import, never for a request.
	References(ctx context.Context, actionIDs, riskIDs []string) (*References, error)
}

// FamilyService groups the archive by incident kind: families of the same
// kind of incident, and the fixes that did not hold (see docs/kinds.md).
// Like every read, it never shows a postmortem the viewer may not see.
type FamilyService interface {
	// UseKinds sets the incident kinds the archive infers, and derives
	// every postmortem's kinds again when they were derived with others.
	UseKinds(ctx context.Context, ks *KindSet) error

	// Families lists the archive's families, largest first.
	Families(ctx context.Context, v Viewer) ([]FamilySummary, error)

	// Family returns the family of one kind, with its incidents over time,
	// its recurrences and its open action items. An unknown kind is not
	// found; a kind without incidents is an empty family.
	Family(ctx context.Context, v Viewer, kind string) (*Family, error)

	// Recurrences returns the recurrences that involve p, stored or a
	// draft: fixes of earlier incidents of its kinds done before it, and
	// later incidents of its kinds after its own fixes were done.
	Recurrences(ctx context.Context, v Viewer, p *Postmortem) ([]Recurrence, error)
}

// FamilySummary is one family as the list of families shows it.
type FamilySummary struct {
	Kind        IncidentKind
	Incidents   int
	First, Last Date
}

// Store is an opened archive: its services and the connection behind them.
type Store interface {
	PostmortemService
	FamilyService
	UserService
	FollowThroughService
	ReminderService
	Close() error
}

// Viewer is who a read is done for. A restricted postmortem is visible only
// to admins and to members of one of its teams; every other postmortem is
// visible to every viewer.
type Viewer struct {
	// User names the user, for logs; it grants nothing.
	User  string
	Teams []string
	Admin bool
}

// Operator is the viewer of the person running debrief on the archive's own
// machine (import, export, migrate): they can read the database file
// anyway, so they see everything.
var Operator = Viewer{User: "operator", Admin: true}

// CanSee reports whether v may see p.
func (v Viewer) CanSee(p *Postmortem) bool {
	if !p.Restricted || v.Admin {
		return true
	}
	for _, t := range p.Teams {
		if v.memberOf(t) {
			return true
		}
	}
	return false
}

func (v Viewer) memberOf(team string) bool {
	return slices.ContainsFunc(v.Teams, func(t string) bool { return strings.EqualFold(t, team) })
}

// TeamKeys returns the viewer's teams as the stores compare them: trimmed,
// lower case, without duplicates.
func (v Viewer) TeamKeys() []string { return Keys(v.Teams) }

// Keys returns values as the stores index and compare teams, services and
// tags: trimmed, lower case, without empty values or duplicates, sorted.
func Keys(values []string) []string {
	out := make([]string, 0, len(values))
	for _, s := range values {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

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
	Date    Date
	Started time.Time
	Version int
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
		Date: p.IncidentDate(), Started: p.Started, Version: p.Version,
	}
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

// ImportBatchSize is how many postmortems `debrief import` hands to
// ImportBatch at once: enough to spread a commit's cost over many, few
// enough that a batch commits in well under a second.
const ImportBatchSize = 200

// ImportResult says what Import did.
type ImportResult int

// Import results.
const (
	Unchanged ImportResult = iota
	Created
	Updated
)

func (r ImportResult) String() string {
	switch r {
	case Created:
		return "created"
	case Updated:
		return "updated"
	}
	return "unchanged"
}

// References is what the archive holds that new files must agree with.
type References struct {
	// IDs lists every stored postmortem id, in order.
	IDs []string
	// ActionItems and AcceptedRisks hold the stored items and risks asked
	// for, by id, with the postmortems that list them.
	ActionItems   map[string]ActionItemRef
	AcceptedRisks map[string]AcceptedRiskRef
	// Audiences holds who may see each postmortem that ActionItems and
	// AcceptedRisks name, by id, for the sharing rule (CheckShared).
	Audiences map[string]Audience
}

// ActionItemRef is a stored action item and the postmortems that list it.
type ActionItemRef struct {
	Item        ActionItem
	Postmortems []string
}

// AcceptedRiskRef is a stored accepted risk and the postmortems that list it.
type AcceptedRiskRef struct {
	Risk        AcceptedRisk
	Postmortems []string
}

// ConflictError refuses an update made on an older version of a postmortem.
// It wraps an *Error with code ECONFLICT, so ErrorCode reads it like any
// other application error.
type ConflictError struct {
	ID       string
	Expected int
	// Current is the version stored now: the client reloads it, merges and
	// tries again with it.
	Current int
}

func (e *ConflictError) Error() string { return e.Unwrap().Error() }

// Unwrap returns the *Error with code ECONFLICT and a user-facing message.
func (e *ConflictError) Unwrap() error {
	return Errorf(ECONFLICT, "%s changed since version %d: it is at version %d now; reload it, apply your change again and save", e.ID, e.Expected, e.Current)
}

// CurrentVersion returns the current version carried by a *ConflictError in
// err's chain.
func CurrentVersion(err error) (int, bool) {
	var c *ConflictError
	if errors.As(err, &c) {
		return c.Current, true
	}
	return 0, false
}

// MaxFileSize is the largest postmortem file the archive takes: ample for
// any real postmortem, small enough to keep every index within its limits.
const MaxFileSize = 512 << 10

// Storable checks what the stores need of a postmortem before they write it
// as file, its canonical form: the rules of Validate, with any
// contributing-factor category accepted (the taxonomy lives in the files'
// .debrief.yaml, which callers check), a file of at most MaxFileSize
// bytes of UTF-8 text, and a body within the structural limits of
// CheckBody.
func (p *Postmortem) Storable(file []byte) error {
	var cats []string
	for _, f := range p.ContributingFactors {
		cats = append(cats, f.Category)
	}
	errs := p.Validate(DefaultTaxonomy().With(cats...).AnyKind())
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return Errorf(EINVALID, "postmortem %s is not valid: %s", p.ID, strings.Join(msgs, "; "))
	}
	if len(file) > MaxFileSize {
		return Errorf(EINVALID, "postmortem %s is %d KiB; the archive takes files of at most %d KiB", p.ID, len(file)>>10, MaxFileSize>>10)
	}
	if !utf8.Valid(file) || bytes.IndexByte(file, 0) >= 0 {
		return Errorf(EINVALID, "postmortem %s is not plain UTF-8 text: save the file as UTF-8 without NUL bytes", p.ID)
	}
	if probs := CheckBody(p.Body); len(probs) > 0 {
		return Errorf(EINVALID, "postmortem %s: line %d of the body: %s", p.ID, probs[0].Line, probs[0].Message)
	}
	return nil
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
