package debrief

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ActionETag returns the entity tag of an action item's current state: a
// quick edit sends it back in If-Match, and a change made since by anyone,
// anywhere, makes it stale.
func ActionETag(a ActionItem) string {
	h := sha256.New()
	for _, f := range []string{a.ID, a.Title, a.OwnerTeam, string(a.Kind), number(a.EffortDays), strconv.Itoa(a.Value),
		a.Due.String(), string(statusOf(&a)), a.Reason, a.Link} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`
}

// ActionEdit is a quick edit of an action item: the fields that are set
// change. A move to wont-do needs a reason, and may record the risk it
// leaves as an accepted risk.
type ActionEdit struct {
	ID string
	// IfMatch is the ActionETag of the item as the editor saw it.
	IfMatch   string
	Status    *ActionStatus
	Due       *Date
	OwnerTeam *string
	Link      *string
	Reason    *string
	// Accept, when set on a move to wont-do, records the risk the item
	// leaves in the register; its ID is made from the item's when empty.
	Accept *AcceptedRisk
}

// Validate checks the edit on its own.
func (e ActionEdit) Validate() error {
	if strings.TrimSpace(e.ID) == "" {
		return Errorf(EINVALID, "name the action item to change")
	}
	if strings.TrimSpace(e.IfMatch) == "" {
		return Errorf(EINVALID, "edit of %s: send the item's ETag in If-Match, so that a change made meanwhile is not overwritten", e.ID)
	}
	if e.Status != nil && !slices.Contains(ActionStatuses, *e.Status) {
		return Errorf(EINVALID, "edit of %s: status %q is not one of open, in-progress, done, wont-do", e.ID, *e.Status)
	}
	if e.OwnerTeam != nil && strings.TrimSpace(*e.OwnerTeam) == "" {
		return Errorf(EINVALID, "edit of %s: owner_team cannot be empty: an item is owned by a team", e.ID)
	}
	if e.Accept != nil && (e.Status == nil || *e.Status != ActionWontDo) {
		return Errorf(EINVALID, "edit of %s: a risk is recorded only when the item moves to wont-do", e.ID)
	}
	return nil
}

// FollowThroughArchive is what EditAction and ReviewRisk need of the
// archive: its postmortems and its follow-through records.
type FollowThroughArchive interface {
	PostmortemService
	FollowThroughService
}

// saveAttempts bounds how often an edit is tried again when another save
// of the same postmortem came first but left the item as it was.
const saveAttempts = 3

// EditAction applies a quick edit as v, saving a new version of the
// postmortem that lists the item (and, through the store, of every other
// one that does), and returns the item as saved. The store records the
// history with ctx's Origin. An ETag that does not match the item now is a
// conflict that names its current ETag.
func EditAction(ctx context.Context, s FollowThroughArchive, v Viewer, e ActionEdit) (ActionItem, error) {
	if err := e.Validate(); err != nil {
		return ActionItem{}, err
	}
	for attempt := 0; ; attempt++ {
		p, i, err := findItem(ctx, s, v, e.ID)
		if err != nil {
			return ActionItem{}, err
		}
		it := p.ActionItems[i]
		if tag := ActionETag(it); tag != strings.TrimPrefix(strings.TrimSpace(e.IfMatch), "W/") {
			return ActionItem{}, &Error{Code: ECONFLICT, Message: fmt.Sprintf("action item %s changed since you loaded it: its ETag is %s now; reload it and apply your change again", it.ID, tag)}
		}
		if e.Status != nil {
			it.Status = *e.Status
		}
		if e.Due != nil {
			it.Due = *e.Due
		}
		if e.OwnerTeam != nil {
			it.OwnerTeam = strings.TrimSpace(*e.OwnerTeam)
		}
		if e.Link != nil {
			it.Link = strings.TrimSpace(*e.Link)
		}
		if e.Reason != nil {
			it.Reason = strings.TrimSpace(*e.Reason)
		}
		if it.Status == ActionWontDo && it.Reason == "" {
			return ActionItem{}, Errorf(EINVALID, "moving %s to wont-do needs a reason: write down the tradeoff, such as what you wait for instead", it.ID)
		}
		p.ActionItems[i] = it
		if e.Accept != nil {
			r := *e.Accept
			if strings.TrimSpace(r.ID) == "" {
				if r.ID, err = freeRiskID(ctx, s, it.ID); err != nil {
					return ActionItem{}, err
				}
			}
			if r.OwnerTeam == "" {
				r.OwnerTeam = it.OwnerTeam
			}
			if strings.TrimSpace(r.Risk) == "" {
				return ActionItem{}, Errorf(EINVALID, "recording the risk %s leaves: say what stays risky", it.ID)
			}
			if slices.ContainsFunc(p.AcceptedRisks, func(a AcceptedRisk) bool { return a.ID == r.ID }) {
				return ActionItem{}, Errorf(EINVALID, "%s already lists the accepted risk %s: give the new one another id", p.ID, r.ID)
			}
			p.AcceptedRisks = append(p.AcceptedRisks, r)
		}
		err = s.SaveFollowThrough(ctx, v, []*Postmortem{p}, nil)
		if _, stale := CurrentVersion(err); stale && attempt+1 < saveAttempts {
			continue
		}
		return it, err
	}
}

// freeRiskID returns an accepted-risk id that no postmortem uses, with the
// number of the item id when it is free: RISK-231 for ACT-231.
func freeRiskID(ctx context.Context, s FollowThroughArchive, itemID string) (string, error) {
	_, n, ok := idNumber(itemID)
	if !ok || n < 1 {
		n = 1
	}
	for range 100 {
		id := "RISK-" + strconv.Itoa(n)
		refs, err := s.References(ctx, nil, []string{id})
		if err != nil {
			return "", err
		}
		if _, taken := refs.AcceptedRisks[id]; !taken {
			return id, nil
		}
		n++
	}
	return "", Errorf(EINVALID, "recording the risk %s leaves: give the risk an id of the form RISK-N", itemID)
}

// findItem returns a postmortem v may see that lists the action item id,
// and the item's index in it.
func findItem(ctx context.Context, s FollowThroughArchive, v Viewer, id string) (*Postmortem, int, error) {
	refs, err := s.References(ctx, []string{id}, nil)
	if err != nil {
		return nil, 0, err
	}
	ref, ok := refs.ActionItems[id]
	if !ok {
		return nil, 0, Errorf(ENOTFOUND, "action item %s not found", id)
	}
	for _, pm := range ref.Postmortems {
		if !v.CanSeeAudience(refs.Audiences[pm]) {
			continue
		}
		p, err := s.FindByID(ctx, v, pm)
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		if i := slices.IndexFunc(p.ActionItems, func(a ActionItem) bool { return a.ID == id }); i >= 0 {
			return p, i, nil
		}
	}
	return nil, 0, Errorf(ENOTFOUND, "action item %s not found", id)
}

// ReviewRisk records a review of an accepted risk as v, as of today. Kept,
// the risk gets its new review date in every postmortem that lists it;
// closed, it leaves them all, and the history keeps what was done. Both
// save new versions of those postmortems together.
func ReviewRisk(ctx context.Context, s FollowThroughArchive, v Viewer, r RiskReview, today Date) error {
	if err := r.Validate(today); err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		ps, err := riskPostmortems(ctx, s, v, r.RiskID)
		if err != nil {
			return err
		}
		if r.Decision == RiskKeep {
			// The store changes the risk in the other postmortems that
			// list it when it saves the first.
			ps = ps[:1]
		}
		o := OriginOf(ctx)
		note := "review: " + string(r.Decision)
		if strings.TrimSpace(r.Outcome) != "" {
			note += ": " + strings.TrimSpace(r.Outcome)
		}
		o.Note = note
		var extra []Change
		for _, p := range ps {
			i := slices.IndexFunc(p.AcceptedRisks, func(a AcceptedRisk) bool { return a.ID == r.RiskID })
			if r.Decision == RiskKeep {
				p.AcceptedRisks[i].ReviewBy = r.NextReview
				continue
			}
			if len(extra) == 0 {
				who := o.Who
				if who == "" {
					who = v.User
				}
				extra = append(extra, Change{Subject: SubjectRisk, ID: r.RiskID, Postmortem: p.ID, Field: "status", From: "accepted", To: "closed",
					Who: who, At: r.At, Source: o.Source, Note: note})
			}
			p.AcceptedRisks = slices.Delete(p.AcceptedRisks, i, i+1)
		}
		err = s.SaveFollowThrough(WithOrigin(ctx, o), v, ps, extra)
		if _, stale := CurrentVersion(err); stale && attempt+1 < saveAttempts {
			continue
		}
		return err
	}
}

// riskPostmortems returns every postmortem that lists the accepted risk
// id; all of them, since a review changes them all, so v must be able to
// see each.
func riskPostmortems(ctx context.Context, s FollowThroughArchive, v Viewer, id string) ([]*Postmortem, error) {
	refs, err := s.References(ctx, nil, []string{id})
	if err != nil {
		return nil, err
	}
	ref, ok := refs.AcceptedRisks[id]
	if !ok {
		return nil, Errorf(ENOTFOUND, "accepted risk %s not found", id)
	}
	var out []*Postmortem
	for _, pm := range ref.Postmortems {
		if !v.CanSeeAudience(refs.Audiences[pm]) {
			return nil, Errorf(ENOTFOUND, "accepted risk %s not found", id)
		}
		p, err := s.FindByID(ctx, v, pm)
		if err != nil {
			if ErrorCode(err) == ENOTFOUND {
				return nil, Errorf(ENOTFOUND, "accepted risk %s not found", id)
			}
			return nil, err
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, errors.New("accepted risk " + id + " is listed by no postmortem")
	}
	return out, nil
}
