package debrief

import (
	"context"
	"errors"
)

// PostmortemService is the archive of postmortems. The sqlite and postgres
// packages implement it; the web API and the CLI use it.
//
// Every method is one transaction. Every read takes the Viewer it reads for
// and never returns, counts or mentions a postmortem the viewer may not see:
// a restricted postmortem the viewer may not see is "not found".
//
// Every write keeps the rules that span the archive, CheckSave: an id is
// not taken twice, related ids name stored postmortems, and a shared item
// or risk links only postmortems with the same audience, all of which the
// saver may see. Import leaves related ids to the caller, which checks its
// files as a set first (CheckArchive).
type PostmortemService interface {
	// FindByID returns the postmortem with the given id, with its Version.
	FindByID(ctx context.Context, v Viewer, id string) (*Postmortem, error)

	// Find lists or searches postmortems: ranked by relevance when the
	// filter has search words, newest first otherwise.
	Find(ctx context.Context, v Viewer, f PostmortemFilter) (*PostmortemPage, error)

	// Create stores a new postmortem and sets p.Version to 1. An id that
	// is already taken is a conflict, with the same message whether the
	// viewer may see the postmortem that holds it or not; a broken rule of
	// CheckSave is a *Refusal that names the field.
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

	// SameTitle returns up to limit postmortems the viewer may see whose
	// title has the TitleKey key, newest first.
	SameTitle(ctx context.Context, v Viewer, key string, limit int) ([]*PostmortemSummary, error)

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

	// UseLinter sets the linter whose counts the archive keeps with each
	// postmortem's file (PostmortemSummary.Lint), and counts again every
	// postmortem counted with another linter or configuration. Until it is
	// called, nothing is counted.
	UseLinter(ctx context.Context, l LintCounter) error

	// KeptFindings returns the findings that the linter of UseLinter kept
	// with version of the postmortem id (LintCounter.Count), if v may see
	// it, and nil when none were kept for that version with that linter.
	KeptFindings(ctx context.Context, v Viewer, id string, version int) ([]byte, error)

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

	// KindsOf returns p's kinds with their evidence: those stored with it
	// when p is the stored version of a postmortem, which costs a read
	// instead of an inference, otherwise inferred from its text.
	KindsOf(ctx context.Context, p *Postmortem) ([]KindMatch, error)
}

// SimilarListLength is how many similar postmortems a stored list keeps
// (SimilarListService): enough that a viewer who may not see a few of
// them still finds the first similarLimit among the rest.
const SimilarListLength = 20

// SimilarListService keeps each postmortem's similar postmortems, found
// ahead of its pages, as an admin sees them. A list belongs to one version
// of its postmortem and goes out of date as the archive changes; what it
// shows a viewer is checked against what they may see at the time.
type SimilarListService interface {
	// StoredSimilar returns the first limit postmortems of id's stored
	// list that v may see now, in the list's order. ok is false when
	// there is no list for id's current version, or when v sees too few
	// of its postmortems to know their first limit: the caller looks them
	// up instead. current is false when the archive changed since the
	// list was found. A postmortem v may not see is not found.
	StoredSimilar(ctx context.Context, v Viewer, id string, limit int) (items []*SimilarPostmortem, current, ok bool, err error)
	// StoreSimilar finds the SimilarListLength postmortems most like id
	// and keeps them as its list: of each, what a page shows, its summary's
	// id, title, severity, status and date, its score, its reasons
	// spelled as id writes them and its action progress.
	StoreSimilar(ctx context.Context, id string) error
	// Unlisted returns the ids of up to n postmortems that have no list
	// for their current version, the newest incidents first, as the
	// archive lists them.
	Unlisted(ctx context.Context, n int) ([]string, error)
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
	SimilarListService
	UserService
	FollowThroughService
	ReminderService
	Close() error
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
