package debrief

import (
	"slices"
	"strings"
	"time"
)

// Severity ranks an incident's impact; SEV1 is the most severe.
type Severity string

// Severities, most severe first.
const (
	SEV1 Severity = "SEV1"
	SEV2 Severity = "SEV2"
	SEV3 Severity = "SEV3"
	SEV4 Severity = "SEV4"
)

// Severities lists the valid severities, most severe first.
var Severities = []Severity{SEV1, SEV2, SEV3, SEV4}

// Status is where a postmortem is in its review.
type Status string

// Postmortem statuses.
const (
	StatusDraft     Status = "draft"
	StatusInReview  Status = "in-review"
	StatusPublished Status = "published"
)

// Statuses lists the valid postmortem statuses in workflow order.
var Statuses = []Status{StatusDraft, StatusInReview, StatusPublished}

// Postmortem is one incident's written review. It has a proximate Trigger and
// several ContributingFactors, never a single root cause, and no field names a
// person as the cause of anything: authors and reviewers wrote and reviewed the
// document, and owners of action items and risks are teams.
type Postmortem struct {
	ID             string
	Title          string
	Severity       Severity
	Status         Status
	CustomerFacing bool
	// Restricted postmortems are visible only to members of their teams and
	// to admins.
	Restricted bool
	Teams      []string
	Services   []string
	Tags       []string
	// Kinds are the incident kinds its authors confirmed (ids of the
	// KindSet); when empty, debrief infers them from the text.
	Kinds      []string
	Related    []string
	Authors    []string
	Reviewers  []string
	ReviewDate Date
	// Approvals record the reviewers who approved the document.
	Approvals []Approval
	// PublishOverride records that the document moved to review or was
	// published although the linter still found blame or root-cause
	// language in it; nil when it did not.
	PublishOverride *PublishOverride

	Started   time.Time
	Detected  time.Time
	Mitigated time.Time
	Resolved  time.Time

	Trigger             string
	ContributingFactors []ContributingFactor
	ActionItems         []ActionItem
	AcceptedRisks       []AcceptedRisk

	// Body is the Markdown after the front matter, byte for byte.
	Body string

	// Version counts the saves of this postmortem in an archive; 0 for a
	// document that was never stored.
	Version int
	// File is the canonical file the archive stores, as FindByID read it,
	// so that a page shows and lints those bytes without writing them
	// again; nil for a postmortem not read from the archive.
	File []byte
}

// TimeToDetect is the time from the start of impact to its detection, and
// false when either time is unknown.
func (p *Postmortem) TimeToDetect() (time.Duration, bool) { return since(p.Started, p.Detected) }

// TimeToMitigate is the time from the start of impact until users stopped
// seeing it, and false when either time is unknown.
func (p *Postmortem) TimeToMitigate() (time.Duration, bool) { return since(p.Started, p.Mitigated) }

// TimeToResolve is the time from the start of impact until the system was
// back to normal, and false when either time is unknown.
func (p *Postmortem) TimeToResolve() (time.Duration, bool) { return since(p.Started, p.Resolved) }

func since(from, to time.Time) (time.Duration, bool) {
	if from.IsZero() || to.IsZero() {
		return 0, false
	}
	return to.Sub(from), true
}

// ContributingFactor is one condition that let the trigger become an
// incident, classified by a category of the Taxonomy.
type ContributingFactor struct {
	Category    string
	Description string
}

// ActionKind says what an action item does to the risk.
type ActionKind string

// Action item kinds.
const (
	KindDetect   ActionKind = "detect"
	KindMitigate ActionKind = "mitigate"
	KindPrevent  ActionKind = "prevent"
	KindProcess  ActionKind = "process"
)

// ActionKinds lists the valid action item kinds.
var ActionKinds = []ActionKind{KindDetect, KindMitigate, KindPrevent, KindProcess}

// ActionStatus is where an action item stands.
type ActionStatus string

// Action item statuses.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionWontDo     ActionStatus = "wont-do"
)

// ActionStatuses lists the valid action item statuses.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone, ActionWontDo}

// ActionItem is work that reduces the risk of an incident family. The same
// item (same ID) may be linked from several postmortems.
type ActionItem struct {
	ID         string
	Title      string
	OwnerTeam  string
	Kind       ActionKind
	EffortDays float64
	// Value is the risk reduction on the 1–5 scale of docs/format.md; 0 when
	// not estimated.
	Value  int
	Due    Date
	Status ActionStatus
	// Reason explains a wont-do: the tradeoff, written down.
	Reason string
	Link   string
}

// Closed reports whether no more work is planned on the item.
func (a *ActionItem) Closed() bool { return a.Status == ActionDone || a.Status == ActionWontDo }

// Overdue reports whether the item is still open after its due date.
func (a *ActionItem) Overdue(today Date) bool {
	return !a.Closed() && !a.Due.IsZero() && a.Due.Before(today)
}

// AcceptedRisk is risk the organisation knowingly carries while it waits for
// a solution: "we wait for X until then, so meanwhile Y remains manual".
type AcceptedRisk struct {
	ID         string
	Risk       string
	WaitingFor string
	Until      Date
	Meanwhile  string
	OwnerTeam  string
	ReviewBy   Date
}

// Approval is one reviewer's approval of the document.
type Approval struct {
	// By names the reviewer, one of the postmortem's Reviewers.
	By   string
	Date Date
}

// PublishOverride records a knowing decision to move a postmortem to
// review or publish it with blame or root-cause findings left in: who
// decided, when, why, and how many findings there were.
type PublishOverride struct {
	By       string
	Date     Date
	Reason   string
	Findings int
}

// Approved reports whether every reviewer approved the document; a
// postmortem without reviewers is not approved.
func (p *Postmortem) Approved() bool {
	if len(p.Reviewers) == 0 {
		return false
	}
	for _, r := range p.Reviewers {
		if !p.ApprovedBy(r) {
			return false
		}
	}
	return true
}

// ApprovedBy reports whether the reviewer name approved the document.
func (p *Postmortem) ApprovedBy(name string) bool {
	for _, a := range p.Approvals {
		if strings.EqualFold(strings.TrimSpace(a.By), strings.TrimSpace(name)) {
			return true
		}
	}
	return false
}

// Slug turns a title into the short lower-case part of a postmortem's file
// name: letters and digits, words joined by dashes, at most 48 bytes; ""
// when the title has no letters or digits.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// Clone returns a copy of p that shares nothing with it that either could
// change.
func (p *Postmortem) Clone() *Postmortem {
	c := *p
	c.Teams, c.Services, c.Tags = slices.Clone(p.Teams), slices.Clone(p.Services), slices.Clone(p.Tags)
	c.Kinds, c.Related = slices.Clone(p.Kinds), slices.Clone(p.Related)
	c.Authors, c.Reviewers = slices.Clone(p.Authors), slices.Clone(p.Reviewers)
	c.Approvals = slices.Clone(p.Approvals)
	if p.PublishOverride != nil {
		o := *p.PublishOverride
		c.PublishOverride = &o
	}
	c.ContributingFactors = slices.Clone(p.ContributingFactors)
	c.ActionItems = slices.Clone(p.ActionItems)
	c.AcceptedRisks = slices.Clone(p.AcceptedRisks)
	c.File = slices.Clone(p.File)
	return &c
}
