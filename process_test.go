package debrief

import (
	"reflect"
	"testing"
	"time"
)

func TestProcessHealth(t *testing.T) {
	ref := func(id string) *Ref { return &Ref{ID: id, Title: "title of " + id} }
	facts := []ProcessFact{
		// Published 3, 10 and 20 days after the incident.
		{Ref: ref("PM-1"), Incident: date("2026-02-01"), Status: StatusPublished, Published: date("2026-02-04"), SystemFocusFilled: 3, SystemFocusAsked: 3},
		{Ref: ref("PM-2"), Incident: date("2026-02-10"), Status: StatusPublished, Published: date("2026-02-20"), SystemFocusFilled: 2, SystemFocusAsked: 3},
		{Ref: nil, Incident: date("2026-02-11"), Status: StatusPublished, Published: date("2026-03-03"), SystemFocusFilled: 3, SystemFocusAsked: 3},
		// Published, but the archive never recorded when: not in the spread.
		{Ref: ref("PM-4"), Incident: date("2026-02-12"), Status: StatusPublished, SystemFocusAsked: 3},
		// Past the review date: two named, one restricted and counted only.
		{Ref: ref("PM-5"), Incident: date("2026-02-15"), Status: StatusInReview, ReviewDate: date("2026-03-01"), SystemFocusAsked: 3},
		{Ref: ref("PM-6"), Incident: date("2026-02-14"), Status: StatusDraft, ReviewDate: date("2026-02-25"), SystemFocusAsked: 3},
		{Ref: nil, Incident: date("2026-02-16"), Status: StatusDraft, ReviewDate: date("2026-02-26"), SystemFocusAsked: 3},
		// Review today: not past it yet.
		{Ref: ref("PM-8"), Incident: date("2026-02-20"), Status: StatusDraft, ReviewDate: date("2026-03-10"), SystemFocusAsked: 3},
		// Outside the period.
		{Ref: ref("PM-9"), Incident: date("2026-04-01"), Status: StatusDraft, ReviewDate: date("2026-01-01"), SystemFocusAsked: 3},
	}
	lang := []LanguageFact{
		{Date: date("2026-01-05"), Blame: 3, RootCause: 1},
		{Date: date("2026-01-20"), Blame: 1},
		{Date: date("2026-02-02"), RootCause: 1},
		{Date: Date{}, Blame: 9}, // no date: left out
	}
	p := ProcessHealth(facts, lang, date("2026-02-01"), date("2026-02-28"), date("2026-03-10"))
	if p.Postmortems != 8 || p.Published != 3 {
		t.Errorf("postmortems %d, published %d; want 8 and 3", p.Postmortems, p.Published)
	}
	day := 24 * time.Hour
	if want := (Spread{Count: 3, Median: 10 * day, P90: 20 * day, Max: 20 * day}); p.TimeToPublish != want {
		t.Errorf("time to publish = %+v, want %+v", p.TimeToPublish, want)
	}
	var late []string
	for _, r := range p.PastReview {
		late = append(late, r.ID)
	}
	if !reflect.DeepEqual(late, []string{"PM-6", "PM-5"}) || p.PastReviewHidden != 1 {
		t.Errorf("past review = %v and %d hidden, want [PM-6 PM-5] and 1", late, p.PastReviewHidden)
	}
	if p.SystemFocusFilled != 8 || p.SystemFocusAsked != 24 {
		t.Errorf("system focus %d of %d, want 8 of 24", p.SystemFocusFilled, p.SystemFocusAsked)
	}
	want := []LanguageMonth{{"2026-01", 2, 4, 1}, {"2026-02", 1, 0, 1}}
	if !reflect.DeepEqual(p.Language, want) {
		t.Errorf("language = %+v, want %+v", p.Language, want)
	}
}

func TestProcessFactOf(t *testing.T) {
	p := &Postmortem{ID: "PM-1", Title: "T", Status: StatusPublished, Restricted: true, Teams: []string{"Identity"},
		Started: time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC), ReviewDate: date("2026-03-09"),
		Body: "## What was missing\n\nA rate limit per account.\n"}
	f := ProcessFactOf(p, Date{})
	if f.Ref != nil {
		t.Error("a restricted postmortem has a Ref")
	}
	if f.Published != date("2026-03-09") || f.Incident != date("2026-03-01") || f.SystemFocusFilled != 1 || f.SystemFocusAsked != 3 {
		t.Errorf("fact = %+v", f)
	}
	if f := ProcessFactOf(p, date("2026-03-12")); f.Published != date("2026-03-12") {
		t.Errorf("recorded publication ignored: %v", f.Published)
	}
	p.Status = StatusInReview
	if f := ProcessFactOf(p, date("2026-03-12")); !f.Published.IsZero() {
		t.Errorf("a postmortem in review was published on %v", f.Published)
	}
}
