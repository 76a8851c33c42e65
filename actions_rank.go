package debrief

import (
	"slices"
	"strings"
	"time"
)

// PinDirection says where a pin moves an item: above every item its team
// did not pin, or below them.
type PinDirection string

// Pin directions.
const (
	PinAbove PinDirection = "above"
	PinBelow PinDirection = "below"
)

// Pin is a team's decision to move one of its items above or below its
// rank, with the reason written down: "we are waiting for the new load
// balancer in Q3, so this one waits too". Only pins by the item's owner
// team count: a team orders its own work, not another's.
type Pin struct {
	ItemID    string
	Team      string
	Direction PinDirection
	Reason    string
	// By and At record who pinned it and when.
	By string
	At time.Time
}

// Validate checks that the pin names an item, a team and a direction, and
// says why.
func (p Pin) Validate() error {
	switch {
	case strings.TrimSpace(p.ItemID) == "":
		return Errorf(EINVALID, "a pin needs the id of the action item it moves")
	case strings.TrimSpace(p.Team) == "":
		return Errorf(EINVALID, "pin on %s: say which team pins it (the item's owner team)", p.ItemID)
	case p.Direction != PinAbove && p.Direction != PinBelow:
		return Errorf(EINVALID, "pin on %s: direction %q is not one of above, below", p.ItemID, p.Direction)
	case strings.TrimSpace(p.Reason) == "":
		return Errorf(EINVALID, "pin on %s: write down why it moves %s its rank; the reason is what the next reader needs", p.ItemID, p.Direction)
	}
	return nil
}

// String says the pin as the list shows it.
func (p Pin) String() string {
	return "pinned " + string(p.Direction) + " its rank by " + p.Team + ": " + p.Reason
}

// RankedAction is an item in the ranking, with its score.
type RankedAction struct {
	*ArchiveAction
	Score ActionScore
	// Rank is the 1-based position in the ranked list; 0 for unscored
	// items.
	Rank    int
	Overdue bool
	// Pin is the owner team's pin on the item, if any.
	Pin *Pin
}

// ActionRanking is the archive's action items in the order to do them.
type ActionRanking struct {
	// Ranked are the scored items: those pinned above first, then the
	// rest by score, then those pinned below; within each group by score,
	// ties (equal scores as shown, to one decimal) overdue first, then the
	// earliest due date, then by id.
	Ranked []*RankedAction
	// Unscored are the items without a value or an effort: overdue first,
	// then the earliest due date, then by id.
	Unscored []*RankedAction
}

// RankActions scores the given items as of today and ranks them, honouring
// the pins of their owner teams. Callers choose which items to rank (open
// and in-progress ones, usually) with an ActionFilter.
func RankActions(actions []*ArchiveAction, pins []Pin, w ScoreWeights, today Date) *ActionRanking {
	pinOf := map[string]*Pin{}
	for i := range pins {
		p := &pins[i]
		if p.Validate() == nil {
			pinOf[p.ItemID+"\x00"+keyOf(p.Team)] = p
		}
	}
	r := &ActionRanking{}
	for _, a := range actions {
		ra := &RankedAction{ArchiveAction: a, Score: ScoreAction(a, w, today), Overdue: a.Item.Overdue(today)}
		ra.Pin = pinOf[a.Item.ID+"\x00"+keyOf(a.Item.OwnerTeam)]
		if ra.Score.Scored() {
			r.Ranked = append(r.Ranked, ra)
		} else {
			r.Unscored = append(r.Unscored, ra)
		}
	}
	slices.SortStableFunc(r.Ranked, func(x, y *RankedAction) int {
		if c := pinGroup(x) - pinGroup(y); c != 0 {
			return c
		}
		if sx, sy := roundedScore(x.Score.Score), roundedScore(y.Score.Score); sx != sy {
			if sx > sy {
				return -1
			}
			return 1
		}
		return compareUrgency(x, y)
	})
	for i, ra := range r.Ranked {
		ra.Rank = i + 1
	}
	slices.SortStableFunc(r.Unscored, compareUrgency)
	return r
}

// pinGroup is 0 for items pinned above, 1 for unpinned ones, 2 for items
// pinned below.
func pinGroup(r *RankedAction) int {
	switch {
	case r.Pin == nil:
		return 1
	case r.Pin.Direction == PinAbove:
		return 0
	}
	return 2
}

// compareUrgency breaks ties: overdue first, then the earliest due date
// (items without one last), then by id.
func compareUrgency(x, y *RankedAction) int {
	if x.Overdue != y.Overdue {
		if x.Overdue {
			return -1
		}
		return 1
	}
	dx, dy := x.Item.Due, y.Item.Due
	switch {
	case dx.IsZero() != dy.IsZero():
		if dx.IsZero() {
			return 1
		}
		return -1
	case !dx.IsZero():
		if c := dx.Compare(dy); c != 0 {
			return c
		}
	}
	return CompareActionIDs(x.Item.ID, y.Item.ID)
}
