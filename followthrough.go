package debrief

import (
	"context"
	"slices"
	"strings"
	"time"
)

// FollowThroughService is what the archive keeps for the follow-through
// beside the postmortems themselves: the history of every change to an
// action item or an accepted risk, the days items were opened and done,
// the teams' pins, the ledger of reminders sent, the tracker deliveries
// applied, and a lease that lets one replica of several do the periodic
// work. The sqlite and postgres packages implement it.
//
// The postmortem files stay the source of truth: an item's status is
// changed by saving a new version of a postmortem that lists it, and the
// store records the change in the same transaction (see Origin).
type FollowThroughService interface {
	// FollowThrough reads what the action-item list, the risk register,
	// the figures and the reminders need, for v: every postmortem v may
	// see with its kinds and items, their accepted risks, the recorded
	// dates and the pins.
	FollowThrough(ctx context.Context, v Viewer) (*FollowThroughData, error)

	// SaveFollowThrough saves new versions of postmortems together, each
	// if it is still at its Version (a *ConflictError otherwise), and
	// records extra history entries with them, all in one transaction. It
	// sets each p.Version to its new version.
	SaveFollowThrough(ctx context.Context, v Viewer, ps []*Postmortem, extra []Change) error

	// History returns the changes to the action item or accepted risk id
	// (subject is SubjectAction or SubjectRisk), oldest first, leaving out
	// those carried by postmortems v may not see.
	History(ctx context.Context, v Viewer, subject, id string) ([]Change, error)

	// SetPin records a team's pin on one of its items, replacing the
	// item's pin; Unpin removes it. Only a member of the pinning team or
	// an admin may pin, and only an item v may see.
	SetPin(ctx context.Context, v Viewer, p Pin) error
	Unpin(ctx context.Context, v Viewer, itemID string) error

	// Claim and Release are the reminders' ledger (remind.Ledger).
	Claim(ctx context.Context, key string, at time.Time) (bool, error)
	Release(ctx context.Context, key string) error

	// Seen and Record remember tracker webhook deliveries
	// (tracker.Deliveries).
	Seen(ctx context.Context, tracker, id string) (bool, error)
	Record(ctx context.Context, tracker, id string, at time.Time) error

	// Lease gives the lease name to holder until now+ttl when it is free,
	// expired or already holder's, and reports whether holder has it.
	Lease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (bool, error)
	// ReleaseLease frees the lease name when holder has it, so that
	// another holder may take it at once; otherwise it does nothing.
	ReleaseLease(ctx context.Context, name, holder string) error
}

// FollowThroughData is what FollowThrough reads.
type FollowThroughData struct {
	// Kin are the postmortems the viewer may see, with their kinds and
	// action items.
	Kin []*Kin
	// Risks are their accepted risks, each with the postmortems (of Kin)
	// that list it, in id order.
	Risks []*ArchiveRisk
	// Opened and Done hold the days the archive recorded items opened and
	// done, by item id.
	Opened, Done map[string]Date
	Pins         []Pin
	// Reviews are the postmortems of Kin still a draft or in review that
	// have a review date.
	Reviews []ReviewDue
}

// ReviewDue is a postmortem still a draft or in review with a review date.
type ReviewDue struct {
	ID, Title  string
	Teams      []string
	Status     Status
	ReviewDate Date
}

// Dates returns the recorded dates as CollectActions takes them.
func (d *FollowThroughData) Dates() ActionDates {
	return ActionDates{Opened: lookup(d.Opened), Done: lookup(d.Done)}
}

func lookup(m map[string]Date) DoneDates {
	return func(id string) (Date, bool) {
		v, ok := m[id]
		return v, ok && !v.IsZero()
	}
}

// Actions returns the action items of the data, as CollectActions gathers
// them.
func (d *FollowThroughData) Actions(today Date) []*ArchiveAction {
	return CollectActions(d.Kin, d.Dates(), today)
}

// Action returns the item id, and false when the viewer may not see it or
// it does not exist.
func (d *FollowThroughData) Action(id string, today Date) (*ArchiveAction, bool) {
	for _, a := range d.Actions(today) {
		if strings.EqualFold(a.Item.ID, id) {
			return a, true
		}
	}
	return nil, false
}

// Register returns the accepted-risk register of the data.
func (d *FollowThroughData) Register(today Date) []*RiskEntry {
	return RiskRegister(d.Risks, d.Kin, today)
}

// Risk returns the register's entry of the risk id.
func (d *FollowThroughData) Risk(id string, today Date) (*RiskEntry, bool) {
	for _, e := range d.Register(today) {
		if strings.EqualFold(e.Risk.ID, id) {
			return e, true
		}
	}
	return nil, false
}

// Rank ranks the items that f selects, with the data's pins.
func (d *FollowThroughData) Rank(f ActionFilter, w ScoreWeights, today Date) *ActionRanking {
	return RankActions(f.Filter(d.Actions(today), today), d.Pins, w, today)
}

// Audiences returns who may see each postmortem of the data, by id.
func (d *FollowThroughData) Audiences() map[string]Audience {
	out := make(map[string]Audience, len(d.Kin))
	for _, k := range d.Kin {
		out[k.Summary.ID] = NewAudience(k.Summary.Restricted, k.Summary.Teams)
	}
	return out
}

// Origin says where the changes of a save come from: the store records it
// with each entry of the history. A save whose context carries no origin
// is recorded as coming from an import, by the saver.
type Origin struct {
	Source ChangeSource
	// Who replaces the saver's name: the tracker ("github") for a change
	// that came from a tracker.
	Who string
	// Note is added to every entry: a review's outcome, a webhook's
	// delivery id.
	Note string
}

type originKey struct{}

// WithOrigin returns ctx carrying o.
func WithOrigin(ctx context.Context, o Origin) context.Context {
	return context.WithValue(ctx, originKey{}, o)
}

// OriginOf returns the origin ctx carries, with SourceImport when it
// carries none.
func OriginOf(ctx context.Context) Origin {
	o, _ := ctx.Value(originKey{}).(Origin)
	if o.Source == "" {
		o.Source = SourceImport
	}
	return o
}

// SaveChanges returns the history entries that a save of postmortem pm by
// saver records when it changes an action item from old to new (old nil
// for an item the archive did not hold), stamped with at and ctx's origin.
func SaveChanges(ctx context.Context, saver *Viewer, pm string, old *ActionItem, new ActionItem, at time.Time) []Change {
	if old == nil {
		return nil
	}
	return stamp(ctx, saver, pm, ActionChanges(*old, new), at)
}

// SaveRiskChanges does what SaveChanges does for an accepted risk.
func SaveRiskChanges(ctx context.Context, saver *Viewer, pm string, old *AcceptedRisk, new AcceptedRisk, at time.Time) []Change {
	if old == nil {
		return nil
	}
	return stamp(ctx, saver, pm, RiskChanges(*old, new), at)
}

func stamp(ctx context.Context, saver *Viewer, pm string, cs []Change, at time.Time) []Change {
	o := OriginOf(ctx)
	who := o.Who
	if who == "" && saver != nil {
		who = saver.User
	}
	if who == "" {
		who = "unknown"
	}
	for i := range cs {
		cs[i].Postmortem, cs[i].Who, cs[i].At, cs[i].Source = pm, who, at, o.Source
		if cs[i].Note == "" {
			cs[i].Note = o.Note
		}
	}
	return cs
}

// SortHistory orders changes oldest first, as History returns them.
func SortHistory(cs []Change) {
	slices.SortStableFunc(cs, func(a, b Change) int { return a.At.Compare(b.At) })
}

// CheckBy checks that v may set the pin on an item owned by owner: the
// pin is the owner team's, and v is one of its members or an admin.
func (p Pin) CheckBy(v Viewer, owner string) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if keyOf(p.Team) != keyOf(owner) {
		return Errorf(EINVALID, "pin on %s: only its owner team, %s, orders it; %s cannot pin it", p.ItemID, owner, p.Team)
	}
	if !v.Admin && !v.memberOf(strings.TrimSpace(p.Team)) {
		return Errorf(EFORBIDDEN, "pin on %s: only members of %s (or an admin) pin its items", p.ItemID, p.Team)
	}
	return nil
}

// PinChange returns the history entry of a pin going from old to new
// (either nil).
func PinChange(itemID string, old, new *Pin, who string, at time.Time, source ChangeSource) Change {
	c := Change{Subject: SubjectAction, ID: itemID, Field: "pin", Who: who, At: at, Source: source}
	if old != nil {
		c.From = string(old.Direction) + ": " + old.Reason
	}
	if new != nil {
		c.To = string(new.Direction) + ": " + new.Reason
	}
	return c
}
