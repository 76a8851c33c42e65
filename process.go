package debrief

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// ProcessFact is what process health reads of one postmortem. Ref is nil
// for a restricted postmortem: it is counted, never named.
type ProcessFact struct {
	Ref      *Ref
	Teams    []string
	Incident Date
	Status   Status
	// Published is the day the postmortem was published, zero while it is
	// not; see PublishedOn.
	Published  Date
	ReviewDate Date
	// SystemFocusFilled counts the system-focus sections (Sections with
	// SystemFocus) that have substance, of SystemFocusAsked.
	SystemFocusFilled, SystemFocusAsked int
}

// ProcessFactOf returns the fact of p, published on the given day (zero
// when the archive did not record it; see PublishedOn).
func ProcessFactOf(p *Postmortem, published Date) ProcessFact {
	s := p.Summary()
	filled, asked := SystemFocusFilled(p.Body)
	return ProcessFact{
		Ref: RefOf(s), Teams: Keys(p.Teams), Incident: s.Date, Status: p.Status,
		Published: PublishedOn(p, published), ReviewDate: p.ReviewDate,
		SystemFocusFilled: filled, SystemFocusAsked: asked,
	}
}

// PublishedOn returns the day p counts as published: the day the archive
// recorded its status becoming published when it did, or else, for a
// postmortem that arrived published (from files), its review date. It is
// zero for a postmortem that is not published.
func PublishedOn(p *Postmortem, recorded Date) Date {
	if p.Status != StatusPublished {
		return Date{}
	}
	if !recorded.IsZero() {
		return recorded
	}
	return p.ReviewDate
}

var htmlComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->`) })

// SystemFocusFilled counts the system-focus sections of a body that have
// substance (anything but blanks and HTML comments, as the template leaves
// them) and how many sections ask about the system.
func SystemFocusFilled(body string) (filled, asked int) {
	secs := SplitSections(body)
	for _, want := range Sections {
		if !want.SystemFocus {
			continue
		}
		asked++
		for _, s := range secs {
			if strings.EqualFold(s.Heading, want.Title) && strings.TrimSpace(htmlComment().ReplaceAllString(s.Text, "")) != "" {
				filled++
				break
			}
		}
	}
	return filled, asked
}

// LanguageFact counts the linter's findings in one postmortem, by the
// month of its incident: blame (of others and of oneself) and root-cause
// framing.
type LanguageFact struct {
	Date      Date
	Blame     int
	RootCause int
}

// Process is the health of the postmortem process over a period.
type Process struct {
	From, To Date `json:"-"`
	// Postmortems counts the postmortems of incidents in the period.
	Postmortems int `json:"postmortems"`
	// Published counts those published, and TimeToPublish spreads the
	// days from incident to publication over them.
	Published     int    `json:"published"`
	TimeToPublish Spread `json:"time_to_publish"`
	// PastReview are the postmortems not published although their review
	// date has passed, oldest first; PastReviewHidden counts the
	// restricted ones among them, which are not listed.
	PastReview       []*Ref `json:"past_review"`
	PastReviewHidden int    `json:"past_review_hidden"`
	// SystemFocus counts the system-focus sections filled and asked for.
	SystemFocusFilled int `json:"system_focus_filled"`
	SystemFocusAsked  int `json:"system_focus_asked"`
	// Language counts the linter's findings per month, oldest first.
	Language []LanguageMonth `json:"language"`
}

// LanguageMonth is the linter's findings in the postmortems of one month.
type LanguageMonth struct {
	Month       string `json:"month"` // YYYY-MM
	Postmortems int    `json:"postmortems"`
	Blame       int    `json:"blame"`
	RootCause   int    `json:"root_cause"`
}

// ProcessHealth computes process health for the postmortems of incidents
// from from to to (both included) as of today: a postmortem is past its
// review date when it is not published and its review date is before today.
// Language facts are grouped by month whatever the period.
func ProcessHealth(facts []ProcessFact, language []LanguageFact, from, to, today Date) Process {
	p := Process{From: from, To: to}
	var days []time.Duration
	type late struct {
		ref  *Ref
		date Date
	}
	var lates []late
	for _, f := range facts {
		if f.Incident.IsZero() || f.Incident.Before(from) || to.Before(f.Incident) {
			continue
		}
		p.Postmortems++
		p.SystemFocusFilled += f.SystemFocusFilled
		p.SystemFocusAsked += f.SystemFocusAsked
		if f.Status == StatusPublished && !f.Published.IsZero() {
			p.Published++
			days = append(days, max(0, f.Published.Time().Sub(f.Incident.Time())))
		}
		if f.Status != StatusPublished && !f.ReviewDate.IsZero() && f.ReviewDate.Before(today) {
			if f.Ref == nil {
				p.PastReviewHidden++
			} else {
				lates = append(lates, late{f.Ref, f.ReviewDate})
			}
		}
	}
	p.TimeToPublish = SpreadOf(days)
	slices.SortStableFunc(lates, func(a, b late) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return strings.Compare(a.ref.ID, b.ref.ID)
	})
	for _, l := range lates {
		p.PastReview = append(p.PastReview, l.ref)
	}
	p.Language = languageByMonth(language)
	return p
}

func languageByMonth(facts []LanguageFact) []LanguageMonth {
	byMonth := map[string]*LanguageMonth{}
	for _, f := range facts {
		if f.Date.IsZero() {
			continue
		}
		key := f.Date.String()[:7]
		m := byMonth[key]
		if m == nil {
			m = &LanguageMonth{Month: key}
			byMonth[key] = m
		}
		m.Postmortems++
		m.Blame += f.Blame
		m.RootCause += f.RootCause
	}
	out := make([]LanguageMonth, 0, len(byMonth))
	for _, m := range byMonth {
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b LanguageMonth) int { return strings.Compare(a.Month, b.Month) })
	return out
}
