package web

import (
	"fmt"
	"time"

	"github.com/debrief/debrief"
)

// postmortemJSON is a postmortem in the API: the front matter's keys, the
// Markdown body, the version, and the durations derived from the times.
type postmortemJSON struct {
	ID                  string         `json:"id"`
	Title               string         `json:"title"`
	Severity            string         `json:"severity"`
	Status              string         `json:"status"`
	CustomerFacing      bool           `json:"customer_facing"`
	Restricted          bool           `json:"restricted"`
	Teams               []string       `json:"teams"`
	Services            []string       `json:"services"`
	Tags                []string       `json:"tags"`
	Kinds               []string       `json:"kinds"`
	Related             []string       `json:"related"`
	Authors             []string       `json:"authors"`
	Reviewers           []string       `json:"reviewers"`
	ReviewDate          string         `json:"review_date,omitempty"`
	Approvals           []approvalJSON `json:"approvals"`
	PublishOverride     *overrideJSON  `json:"publish_override,omitempty"`
	Started             *time.Time     `json:"started,omitempty"`
	Detected            *time.Time     `json:"detected,omitempty"`
	Mitigated           *time.Time     `json:"mitigated,omitempty"`
	Resolved            *time.Time     `json:"resolved,omitempty"`
	Trigger             string         `json:"trigger,omitempty"`
	ContributingFactors []factorJSON   `json:"contributing_factors"`
	ActionItems         []actionJSON   `json:"action_items"`
	AcceptedRisks       []riskJSON     `json:"accepted_risks"`
	Body                string         `json:"body"`
	Version             int            `json:"version"`
	Durations           *durationJSON  `json:"durations,omitempty"`
}

type approvalJSON struct {
	By   string `json:"by"`
	Date string `json:"date"`
}

type overrideJSON struct {
	By       string `json:"by"`
	Date     string `json:"date"`
	Reason   string `json:"reason"`
	Findings int    `json:"findings"`
}

type factorJSON struct {
	Category    string `json:"category"`
	Description string `json:"description"`
}

type actionJSON struct {
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	OwnerTeam  string  `json:"owner_team"`
	Kind       string  `json:"kind,omitempty"`
	EffortDays float64 `json:"effort_days,omitempty"`
	Value      int     `json:"value,omitempty"`
	Due        string  `json:"due,omitempty"`
	Status     string  `json:"status,omitempty"`
	Reason     string  `json:"reason,omitempty"`
	Link       string  `json:"link,omitempty"`
}

type riskJSON struct {
	ID         string `json:"id"`
	Risk       string `json:"risk"`
	WaitingFor string `json:"waiting_for,omitempty"`
	Until      string `json:"until,omitempty"`
	Meanwhile  string `json:"meanwhile,omitempty"`
	OwnerTeam  string `json:"owner_team"`
	ReviewBy   string `json:"review_by,omitempty"`
}

// durationJSON holds the derived durations in seconds; absent when unknown.
type durationJSON struct {
	TimeToDetect   *float64 `json:"time_to_detect_seconds,omitempty"`
	TimeToMitigate *float64 `json:"time_to_mitigate_seconds,omitempty"`
	TimeToResolve  *float64 `json:"time_to_resolve_seconds,omitempty"`
}

func seconds(d time.Duration, ok bool) *float64 {
	if !ok {
		return nil
	}
	s := d.Seconds()
	return &s
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toJSON(p *debrief.Postmortem) *postmortemJSON {
	j := &postmortemJSON{
		ID: p.ID, Title: p.Title, Severity: string(p.Severity), Status: string(p.Status),
		CustomerFacing: p.CustomerFacing, Restricted: p.Restricted,
		Teams: nonNil(p.Teams), Services: nonNil(p.Services), Tags: nonNil(p.Tags), Kinds: nonNil(p.Kinds), Related: nonNil(p.Related),
		Authors: nonNil(p.Authors), Reviewers: nonNil(p.Reviewers), ReviewDate: p.ReviewDate.String(),
		Started: timePtr(p.Started), Detected: timePtr(p.Detected), Mitigated: timePtr(p.Mitigated), Resolved: timePtr(p.Resolved),
		Trigger: p.Trigger, Body: p.Body, Version: p.Version,
		ContributingFactors: []factorJSON{}, ActionItems: []actionJSON{}, AcceptedRisks: []riskJSON{}, Approvals: []approvalJSON{},
	}
	for _, a := range p.Approvals {
		j.Approvals = append(j.Approvals, approvalJSON{By: a.By, Date: a.Date.String()})
	}
	if o := p.PublishOverride; o != nil {
		j.PublishOverride = &overrideJSON{By: o.By, Date: o.Date.String(), Reason: o.Reason, Findings: o.Findings}
	}
	d := &durationJSON{
		TimeToDetect:   seconds(p.TimeToDetect()),
		TimeToMitigate: seconds(p.TimeToMitigate()),
		TimeToResolve:  seconds(p.TimeToResolve()),
	}
	if d.TimeToDetect != nil || d.TimeToMitigate != nil || d.TimeToResolve != nil {
		j.Durations = d
	}
	for _, f := range p.ContributingFactors {
		j.ContributingFactors = append(j.ContributingFactors, factorJSON(f))
	}
	for _, a := range p.ActionItems {
		j.ActionItems = append(j.ActionItems, actionJSON{
			ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Kind: string(a.Kind), EffortDays: a.EffortDays,
			Value: a.Value, Due: a.Due.String(), Status: string(a.Status), Reason: a.Reason, Link: a.Link,
		})
	}
	for _, r := range p.AcceptedRisks {
		j.AcceptedRisks = append(j.AcceptedRisks, riskJSON{
			ID: r.ID, Risk: r.Risk, WaitingFor: r.WaitingFor, Until: r.Until.String(), Meanwhile: r.Meanwhile,
			OwnerTeam: r.OwnerTeam, ReviewBy: r.ReviewBy.String(),
		})
	}
	return j
}

// fieldProblem is one problem of a submitted postmortem: a field path for
// JSON, a line and column for Markdown.
type fieldProblem struct {
	Field   string `json:"field,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// fromJSON converts a submitted postmortem; dates that do not parse are
// reported by field.
func fromJSON(j *postmortemJSON) (*debrief.Postmortem, []fieldProblem) {
	var probs []fieldProblem
	date := func(field, s string) debrief.Date {
		if s == "" {
			return debrief.Date{}
		}
		d, err := debrief.ParseDate(s)
		if err != nil {
			probs = append(probs, fieldProblem{Field: field, Message: err.Error()})
		}
		return d
	}
	tm := func(t *time.Time) time.Time {
		if t == nil {
			return time.Time{}
		}
		return *t
	}
	empty := func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s
	}
	p := &debrief.Postmortem{
		ID: j.ID, Title: j.Title, Severity: debrief.Severity(j.Severity), Status: debrief.Status(j.Status),
		CustomerFacing: j.CustomerFacing, Restricted: j.Restricted,
		Teams: empty(j.Teams), Services: empty(j.Services), Tags: empty(j.Tags), Kinds: empty(j.Kinds), Related: empty(j.Related),
		Authors: empty(j.Authors), Reviewers: empty(j.Reviewers), ReviewDate: date("review_date", j.ReviewDate),
		Started: tm(j.Started), Detected: tm(j.Detected), Mitigated: tm(j.Mitigated), Resolved: tm(j.Resolved),
		Trigger: j.Trigger, Body: j.Body,
	}
	for i, a := range j.Approvals {
		p.Approvals = append(p.Approvals, debrief.Approval{By: a.By, Date: date(fmt.Sprintf("approvals[%d].date", i), a.Date)})
	}
	if o := j.PublishOverride; o != nil {
		p.PublishOverride = &debrief.PublishOverride{By: o.By, Date: date("publish_override.date", o.Date), Reason: o.Reason, Findings: o.Findings}
	}
	for _, f := range j.ContributingFactors {
		p.ContributingFactors = append(p.ContributingFactors, debrief.ContributingFactor(f))
	}
	for i, a := range j.ActionItems {
		p.ActionItems = append(p.ActionItems, debrief.ActionItem{
			ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Kind: debrief.ActionKind(a.Kind), EffortDays: a.EffortDays,
			Value: a.Value, Due: date(fmt.Sprintf("action_items[%d].due", i), a.Due), Status: debrief.ActionStatus(a.Status),
			Reason: a.Reason, Link: a.Link,
		})
	}
	for i, r := range j.AcceptedRisks {
		p.AcceptedRisks = append(p.AcceptedRisks, debrief.AcceptedRisk{
			ID: r.ID, Risk: r.Risk, WaitingFor: r.WaitingFor, Until: date(fmt.Sprintf("accepted_risks[%d].until", i), r.Until),
			Meanwhile: r.Meanwhile, OwnerTeam: r.OwnerTeam, ReviewBy: date(fmt.Sprintf("accepted_risks[%d].review_by", i), r.ReviewBy),
		})
	}
	return p, probs
}
