package debrief

import (
	"slices"
	"strconv"
	"time"
)

// ChangeSource says where a change to an action item or an accepted risk
// came from.
type ChangeSource string

// Change sources.
const (
	SourceWeb     ChangeSource = "web"
	SourceAPI     ChangeSource = "api"
	SourceImport  ChangeSource = "import"
	SourceTracker ChangeSource = "tracker"
)

// ChangeSources lists the valid change sources.
var ChangeSources = []ChangeSource{SourceWeb, SourceAPI, SourceImport, SourceTracker}

// What a change is about.
const (
	SubjectAction = "action_item"
	SubjectRisk   = "accepted_risk"
)

// Change is one entry of the history of an action item or an accepted
// risk: which field went from what to what, who changed it, when, and
// through what. The store keeps the history; the postmortem file keeps
// only the current state.
type Change struct {
	// Subject is SubjectAction or SubjectRisk; ID the item's or risk's id.
	Subject, ID string
	// Postmortem is the postmortem whose save carried the change, when one
	// did.
	Postmortem string
	// Field is the front matter key that changed ("status", "due", …).
	Field    string
	From, To string
	// Who is the user, or for a tracker the tracker ("github", "jira").
	Who    string
	At     time.Time
	Source ChangeSource
	// Note adds what the change alone does not say: a wont-do's reason, a
	// risk review's outcome, a webhook's delivery id.
	Note string
}

// ActionChanges returns the fields that differ between two versions of an
// action item, in front matter order, as changes with Subject, ID, Field,
// From and To set; the caller adds who, when and the source.
func ActionChanges(old, new ActionItem) []Change {
	var out []Change
	add := func(field, from, to string) {
		if from != to {
			out = append(out, Change{Subject: SubjectAction, ID: new.ID, Field: field, From: from, To: to})
		}
	}
	add("title", old.Title, new.Title)
	add("owner_team", old.OwnerTeam, new.OwnerTeam)
	add("kind", string(old.Kind), string(new.Kind))
	add("effort_days", number(old.EffortDays), number(new.EffortDays))
	add("value", number(float64(old.Value)), number(float64(new.Value)))
	add("due", old.Due.String(), new.Due.String())
	add("status", string(statusOf(&old)), string(statusOf(&new)))
	add("reason", old.Reason, new.Reason)
	add("link", old.Link, new.Link)
	return out
}

// RiskChanges returns the fields that differ between two versions of an
// accepted risk, as ActionChanges does for action items.
func RiskChanges(old, new AcceptedRisk) []Change {
	var out []Change
	add := func(field, from, to string) {
		if from != to {
			out = append(out, Change{Subject: SubjectRisk, ID: new.ID, Field: field, From: from, To: to})
		}
	}
	add("risk", old.Risk, new.Risk)
	add("waiting_for", old.WaitingFor, new.WaitingFor)
	add("until", old.Until.String(), new.Until.String())
	add("meanwhile", old.Meanwhile, new.Meanwhile)
	add("owner_team", old.OwnerTeam, new.OwnerTeam)
	add("review_by", old.ReviewBy.String(), new.ReviewBy.String())
	return out
}

// number writes a value or an effort as the front matter does; "" for 0,
// which means not set.
func number(x float64) string {
	if x == 0 {
		return ""
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// Validate checks that the change says what changed, who changed it, when
// and through what.
func (c Change) Validate() error {
	switch {
	case c.Subject != SubjectAction && c.Subject != SubjectRisk:
		return Errorf(EINVALID, "a change is about an action_item or an accepted_risk, not %q", c.Subject)
	case c.ID == "" || c.Field == "":
		return Errorf(EINVALID, "a change names the id and the field that changed")
	case c.Who == "" || c.At.IsZero():
		return Errorf(EINVALID, "change to %s %s: record who made it and when", c.ID, c.Field)
	case !slices.Contains(ChangeSources, c.Source):
		return Errorf(EINVALID, "change to %s %s: source %q is not one of web, api, import, tracker", c.ID, c.Field, c.Source)
	}
	return nil
}
