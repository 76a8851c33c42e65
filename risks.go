package debrief

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ArchiveRisk is one accepted risk as the whole archive sees it: the risk
// and the postmortems that list it.
type ArchiveRisk struct {
	Risk AcceptedRisk
	// Postmortems list the risk, with their kinds.
	Postmortems []*Kin
	// Accepted is the day the archive first recorded the risk; zero when
	// it does not know, and the earliest listing postmortem's date counts
	// instead.
	Accepted Date
}

// Since returns the day the risk counts as accepted from.
func (r *ArchiveRisk) Since() Date {
	if !r.Accepted.IsZero() {
		return r.Accepted
	}
	var since Date
	for _, k := range r.Postmortems {
		if d := k.Date(); !d.IsZero() && (since.IsZero() || d.Before(since)) {
			since = d
		}
	}
	return since
}

// RiskEntry is a line of the accepted-risk register.
type RiskEntry struct {
	*ArchiveRisk
	// From and To bound the accepted window: from the day the risk was
	// accepted to its until date, or today when that is later or unset.
	From, To Date
	// ReviewOverdue is true when review_by has passed; UntilPassed when
	// the awaited solution's until date has.
	ReviewOverdue, UntilPassed bool
	// During lists the incidents like the risk's own that happened in the
	// accepted window, oldest first.
	During []RiskIncident
}

// Flags returns the entry's warnings in words.
func (e *RiskEntry) Flags() []string {
	var out []string
	if e.ReviewOverdue {
		out = append(out, "review overdue since "+e.Risk.ReviewBy.String())
	}
	if e.UntilPassed {
		out = append(out, "until date "+e.Risk.Until.String()+" has passed")
	}
	if n := len(e.During); n == 1 {
		out = append(out, "1 incident like it while accepted")
	} else if n > 1 {
		out = append(out, strconv.Itoa(n)+" incidents like it while accepted")
	}
	return out
}

// RiskIncident is an incident that happened while a risk was accepted, and
// why it counts as like the risk's own.
type RiskIncident struct {
	*PostmortemSummary
	// Because says what it shares with the risk's postmortems: "same kind:
	// Certificate expiry" or "same service: edge-lb".
	Because string
}

// RiskRegister builds the register of the given risks as of today. Kin are
// the postmortems the viewer may see; an incident of kin is listed under a
// risk when it happened in the risk's accepted window (after the day it
// was accepted, up to its until date or today) and either belongs to a
// family of one of the risk's postmortems or, when one side has no kinds,
// shares a service with one. The postmortems that list the risk are never
// listed under it. Entries come overdue reviews first, then passed until
// dates, then by review date.
func RiskRegister(risks []*ArchiveRisk, kin []*Kin, today Date) []*RiskEntry {
	var out []*RiskEntry
	for _, r := range risks {
		e := &RiskEntry{ArchiveRisk: r, From: r.Since(), To: today}
		if !r.Risk.Until.IsZero() && r.Risk.Until.Before(today) {
			e.To = r.Risk.Until
			e.UntilPassed = true
		}
		e.ReviewOverdue = !r.Risk.ReviewBy.IsZero() && r.Risk.ReviewBy.Before(today)
		own := map[string]bool{}
		for _, k := range r.Postmortems {
			own[k.Summary.ID] = true
		}
		for _, k := range kin {
			d := k.Date()
			if own[k.Summary.ID] || d.IsZero() || e.From.IsZero() || !e.From.Before(d) || e.To.Before(d) {
				continue
			}
			if why := alike(r.Postmortems, k); why != "" {
				e.During = append(e.During, RiskIncident{PostmortemSummary: k.Summary, Because: why})
			}
		}
		slices.SortStableFunc(e.During, func(a, b RiskIncident) int {
			if c := a.Date.Compare(b.Date); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *RiskEntry) int {
		if a.ReviewOverdue != b.ReviewOverdue {
			return boolFirst(a.ReviewOverdue)
		}
		if a.UntilPassed != b.UntilPassed {
			return boolFirst(a.UntilPassed)
		}
		if c := a.Risk.ReviewBy.Compare(b.Risk.ReviewBy); c != 0 {
			return c
		}
		return CompareActionIDs(a.Risk.ID, b.Risk.ID)
	})
	return out
}

// alike says why k is like one of the risk's postmortems, or "" when it is
// not: a family they share, or, when one of them has no kinds, a service.
func alike(own []*Kin, k *Kin) string {
	kf := FamilyKinds(k.Kinds)
	for _, o := range own {
		of := FamilyKinds(o.Kinds)
		for _, m := range o.Kinds {
			if slices.Contains(of, m.ID) && slices.Contains(kf, m.ID) {
				return "same kind: " + m.Name
			}
		}
		if len(of) == 0 || len(kf) == 0 {
			if s := intersect(Keys(o.Summary.Services), Keys(k.Summary.Services)); len(s) > 0 {
				return "same service: " + s[0]
			}
		}
	}
	return ""
}

func boolFirst(a bool) int {
	if a {
		return -1
	}
	return 1
}

// RiskDecision is the outcome of a risk review.
type RiskDecision string

// Risk review decisions.
const (
	// RiskKeep keeps the risk accepted until a new review date.
	RiskKeep RiskDecision = "keep"
	// RiskClose closes the risk, with what was done about it.
	RiskClose RiskDecision = "close"
)

// RiskReview records a review of an accepted risk in one step: keep it,
// with a new review date, or close it, with what was done.
type RiskReview struct {
	RiskID   string
	Decision RiskDecision
	// NextReview is the new review_by of a kept risk.
	NextReview Date
	// Outcome says what was done about a closed risk, or why a kept one
	// stays accepted.
	Outcome string
	By      string
	At      time.Time
}

// Validate checks the review as of today: a kept risk needs a review date
// after today, a closed one needs what was done.
func (r RiskReview) Validate(today Date) error {
	switch r.Decision {
	case RiskKeep:
		if r.NextReview.IsZero() || !today.Before(r.NextReview) {
			return Errorf(EINVALID, "review of %s: keeping the risk needs a new review date after %s", r.RiskID, today)
		}
	case RiskClose:
		if strings.TrimSpace(r.Outcome) == "" {
			return Errorf(EINVALID, "review of %s: closing the risk needs what was done about it", r.RiskID)
		}
	default:
		return Errorf(EINVALID, "review of %s: decision %q is not one of keep, close", r.RiskID, r.Decision)
	}
	return nil
}

// Apply applies a kept risk's review to risk, and returns the change to
// record. A closed risk leaves the register; where its record goes is the
// store's to decide, so Apply changes nothing for it.
func (r RiskReview) Apply(risk *AcceptedRisk) []Change {
	if r.Decision != RiskKeep || risk.ReviewBy == r.NextReview {
		return nil
	}
	c := Change{Subject: SubjectRisk, ID: risk.ID, Field: "review_by", From: risk.ReviewBy.String(), To: r.NextReview.String(), Who: r.By, At: r.At, Note: r.Outcome}
	risk.ReviewBy = r.NextReview
	return []Change{c}
}
