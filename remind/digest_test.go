package remind

import (
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief"
)

func day(s string) debrief.Date {
	d, err := debrief.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func act(id, team string, status debrief.ActionStatus, due string, pms ...string) debrief.ActionItemRef {
	return debrief.ActionItemRef{Item: debrief.ActionItem{ID: id, Title: "Title of " + id, OwnerTeam: team, Status: status, Due: day(due)}, Postmortems: pms}
}

// input is a small archive as of 2026-03-10.
func input() Input {
	return Input{
		Actions: []debrief.ActionItemRef{
			act("ACT-1", "payments", debrief.ActionOpen, "2026-03-01", "PM-1"),         // 9 days overdue
			act("ACT-2", "Payments", debrief.ActionInProgress, "2026-02-20", "PM-1"),   // 18 days overdue
			act("ACT-3", "payments", debrief.ActionOpen, "2026-03-10", "PM-1", "PM-2"), // due today
			act("ACT-4", "payments", debrief.ActionOpen, "2026-03-17", "PM-2"),         // due in 7 days
			act("ACT-5", "payments", debrief.ActionOpen, "2026-03-18", "PM-2"),         // 8 days: too far
			act("ACT-6", "payments", debrief.ActionDone, "2026-03-01", "PM-1"),         // done
			act("ACT-7", "payments", debrief.ActionWontDo, "2026-03-01", "PM-1"),       // dropped
			act("ACT-8", "platform", debrief.ActionOpen, "2026-03-01", "PM-1"),         // another team
			act("ACT-9", "payments", debrief.ActionOpen, "2026-03-01", "PM-9"),         // restricted to security
			act("ACT-10", "payments", debrief.ActionOpen, "2026-03-01", "PM-404"),      // no audience known
		},
		Risks: []debrief.AcceptedRiskRef{
			{Risk: debrief.AcceptedRisk{ID: "RISK-1", Risk: "Vendor certificates renewed by hand", OwnerTeam: "payments", ReviewBy: day("2026-03-10")}, Postmortems: []string{"PM-1"}},
			{Risk: debrief.AcceptedRisk{ID: "RISK-2", Risk: "Later", OwnerTeam: "payments", ReviewBy: day("2026-03-11")}, Postmortems: []string{"PM-1"}},
			{Risk: debrief.AcceptedRisk{ID: "RISK-3", Risk: "Secret", OwnerTeam: "payments", ReviewBy: day("2026-01-01")}, Postmortems: []string{"PM-9"}},
		},
		Postmortems: []Postmortem{
			{ID: "PM-1", Title: "Checkout errors", Teams: []string{"payments", "platform"}, Status: debrief.StatusInReview, ReviewDate: day("2026-03-05")},
			{ID: "PM-2", Title: "Refunds late", Teams: []string{"payments"}, Status: debrief.StatusPublished, ReviewDate: day("2026-03-01")},
			{ID: "PM-3", Title: "Draft today", Teams: []string{"payments"}, Status: debrief.StatusDraft, ReviewDate: day("2026-03-10")},
			{ID: "PM-9", Title: "Secret incident", Teams: []string{"security"}, Status: debrief.StatusDraft, ReviewDate: day("2026-03-01")},
		},
		Audiences: map[string]debrief.Audience{
			"PM-1": {}, "PM-2": {}, "PM-3": {},
			"PM-9": debrief.NewAudience(true, []string{"security"}),
		},
	}
}

func ids[T any](xs []T, id func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return out
}

func TestBuild(t *testing.T) {
	ds := Build(day("2026-03-10"), []string{"payments", "platform", "search"}, input())
	if len(ds) != 2 || ds[0].Team != "payments" || ds[1].Team != "platform" {
		t.Fatalf("digests for %v, want payments and platform (search has nothing)", ids(ds, func(d *Digest) string { return d.Team }))
	}
	p := ds[0]
	actionID := func(a Action) string { return a.ID }
	if got := ids(p.Overdue, actionID); !slices.Equal(got, []string{"ACT-2", "ACT-1"}) {
		t.Errorf("overdue %v, want the oldest due first; closed, other teams' and unseen ones left out", got)
	}
	if p.Overdue[0].Days != 18 || p.Overdue[1].Days != 9 {
		t.Errorf("days overdue %d, %d", p.Overdue[0].Days, p.Overdue[1].Days)
	}
	if got := ids(p.DueSoon, actionID); !slices.Equal(got, []string{"ACT-3", "ACT-4"}) || p.DueSoon[0].Days != 0 || p.DueSoon[1].Days != 7 {
		t.Errorf("due soon %v (%+v), want today's and the one due in 7 days", got, p.DueSoon)
	}
	if got := ids(p.RisksDue, func(r Risk) string { return r.ID }); !slices.Equal(got, []string{"RISK-1"}) {
		t.Errorf("risks due %v, want RISK-1 (due today) only; RISK-3 belongs to a postmortem payments may not see", got)
	}
	if got := ids(p.ReviewsPast, func(p Postmortem) string { return p.ID }); !slices.Equal(got, []string{"PM-1"}) {
		t.Errorf("reviews past %v, want PM-1: PM-2 is published, PM-3's date is today", got)
	}
	if got := ids(ds[1].Overdue, actionID); !slices.Equal(got, []string{"ACT-8"}) || len(ds[1].ReviewsPast) != 1 {
		t.Errorf("platform: %+v", ds[1])
	}
	// The security team is reminded of its restricted postmortem; ACT-9 on it
	// belongs to payments, who may not see it, so no digest carries it.
	sec := Build(day("2026-03-10"), []string{"security"}, input())
	if len(sec) != 1 || len(sec[0].Overdue) != 0 || len(sec[0].ReviewsPast) != 1 || sec[0].ReviewsPast[0].ID != "PM-9" {
		t.Errorf("security: %+v", sec)
	}
}

func TestText(t *testing.T) {
	d := Build(day("2026-03-10"), []string{"payments"}, input())[0]
	subject, body := Text(d, Links{Base: "https://debrief.example.com/"})
	if want := "debrief: 2 overdue, 2 due within 7 days, 1 risk review due, 1 postmortem past its review date for payments on 2026-03-10"; subject != want {
		t.Errorf("subject\n got %s\nwant %s", subject, want)
	}
	want := `Follow-through for payments on 2026-03-10: 2 overdue, 2 due within 7 days, 1 risk review due, 1 postmortem past its review date.

Overdue
- ACT-2 Title of ACT-2 (due 2026-02-20, 18 days overdue; PM-1)
  https://debrief.example.com/postmortems/PM-1
- ACT-1 Title of ACT-1 (due 2026-03-01, 9 days overdue; PM-1)
  https://debrief.example.com/postmortems/PM-1

Due within 7 days
- ACT-3 Title of ACT-3 (due today; PM-1, PM-2)
  https://debrief.example.com/postmortems/PM-1
- ACT-4 Title of ACT-4 (due 2026-03-17, 7 days left; PM-2)
  https://debrief.example.com/postmortems/PM-2

Risk reviews due
- RISK-1 Vendor certificates renewed by hand (review by 2026-03-10; PM-1)
  https://debrief.example.com/postmortems/PM-1

Postmortems past their review date
- PM-1 Checkout errors (in-review, review date 2026-03-05)
  https://debrief.example.com/postmortems/PM-1

All of payments's action items, ranked: https://debrief.example.com/action-items?team=payments

-- 
debrief sends this digest once a day to the payments team, and only when there is something in it.
`
	if body != want {
		t.Errorf("body\n%s\nwant\n%s", body, want)
	}
	if _, body := Text(d, Links{}); strings.Contains(body, "http") {
		t.Errorf("without a base URL the digest has links:\n%s", body)
	}
}

func TestMessages(t *testing.T) {
	d := Build(day("2026-03-10"), []string{"payments"}, input())[0]
	ms, err := Messages(d, Route{Team: "payments", Email: []string{"a@example.com"}}, Links{})
	if err != nil || len(ms) != 1 || ms[0].Channel != ChannelEmail || ms[0].Key != "digest/payments/2026-03-10/email" || len(ms[0].Slack) != 0 {
		t.Fatalf("e-mail only: %+v, %v", ms, err)
	}
	if ms, _ := Messages(d, Route{Team: "payments"}, Links{}); len(ms) != 0 {
		t.Errorf("a route without channels gave %d messages", len(ms))
	}
	if k := Key(" Payments ", day("2026-03-10"), ChannelSlack); k != "digest/payments/2026-03-10/slack" {
		t.Errorf("Key = %q", k)
	}
}
