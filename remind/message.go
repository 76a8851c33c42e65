package remind

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/credential"
)

// Channels a digest goes to.
const (
	ChannelSlack = "slack"
	ChannelEmail = "email"
)

// Route says where one team's digest goes: a Slack incoming webhook, some
// e-mail addresses, or both.
type Route struct {
	Team  string
	Slack credential.Secret
	Email []string
}

// Message is a digest rendered for one channel.
type Message struct {
	// Key is the idempotency key: one per team, day and channel.
	Key     string
	Team    string
	Day     debrief.Date
	Channel string
	// Webhook is the Slack incoming webhook to post to; To the e-mail
	// recipients.
	Webhook credential.Secret
	To      []string
	// Subject and Text are the plain-text digest (the e-mail, and what
	// the outbox shows); Slack is the Block Kit payload for Slack.
	Subject string
	Text    string
	Slack   []byte
}

// Key returns the idempotency key of a team's digest for day on a
// channel: "digest/payments/2026-03-10/slack".
func Key(team string, day debrief.Date, channel string) string {
	return "digest/" + strings.ToLower(strings.TrimSpace(team)) + "/" + day.String() + "/" + channel
}

// Links makes the addresses a digest links to, in the web app at Base
// ("https://debrief.example.com"); with no Base, digests carry no links.
type Links struct {
	Base string
}

// Postmortem is the page of a postmortem.
func (l Links) Postmortem(id string) string { return l.page("/postmortems/" + url.PathEscape(id)) }

// Actions is the ranked list of a team's action items.
func (l Links) Actions(team string) string {
	return l.page("/action-items?team=" + url.QueryEscape(team))
}

// Risks is the accepted-risk register of a team.
func (l Links) Risks(team string) string { return l.page("/risks?team=" + url.QueryEscape(team)) }

func (l Links) page(path string) string {
	if l.Base == "" {
		return ""
	}
	return strings.TrimRight(l.Base, "/") + path
}

// Messages renders d for each channel of its route: nothing for a route
// without channels.
func Messages(d *Digest, r Route, links Links) ([]*Message, error) {
	var out []*Message
	subject, text := Text(d, links)
	if !r.Slack.IsZero() {
		payload, err := SlackPayload(d, links)
		if err != nil {
			return nil, err
		}
		out = append(out, &Message{Key: Key(d.Team, d.Day, ChannelSlack), Team: d.Team, Day: d.Day, Channel: ChannelSlack,
			Webhook: r.Slack, Subject: subject, Text: text, Slack: payload})
	}
	if len(r.Email) > 0 {
		out = append(out, &Message{Key: Key(d.Team, d.Day, ChannelEmail), Team: d.Team, Day: d.Day, Channel: ChannelEmail,
			To: r.Email, Subject: subject, Text: text})
	}
	return out, nil
}

// Summary counts what the digest holds: "2 overdue, 1 due within 7 days,
// 1 risk review due".
func Summary(d *Digest) string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(len(d.Overdue), "overdue", "overdue")
	add(len(d.DueSoon), fmt.Sprintf("due within %d days", DueSoonDays), fmt.Sprintf("due within %d days", DueSoonDays))
	add(len(d.RisksDue), "risk review due", "risk reviews due")
	add(len(d.ReviewsPast), "postmortem past its review date", "postmortems past their review date")
	return strings.Join(parts, ", ")
}

// The headings of a digest's lists.
const (
	headOverdue = "Overdue"
	headSoon    = "Due within 7 days"
	headRisks   = "Risk reviews due"
	headReviews = "Postmortems past their review date"
)

// Text renders the digest as a plain-text e-mail: its subject and body.
func Text(d *Digest, links Links) (subject, body string) {
	subject = fmt.Sprintf("debrief: %s for %s on %s", Summary(d), d.Team, d.Day)
	var b strings.Builder
	fmt.Fprintf(&b, "Follow-through for %s on %s: %s.\n", d.Team, d.Day, Summary(d))
	list := func(head string, n int, line func(i int) (text, link string)) {
		if n == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", head)
		for i := range n {
			text, link := line(i)
			fmt.Fprintf(&b, "- %s\n", text)
			if link != "" {
				fmt.Fprintf(&b, "  %s\n", link)
			}
		}
	}
	list(headOverdue, len(d.Overdue), func(i int) (string, string) {
		return actionLine(d.Overdue[i], true), firstLink(links, d.Overdue[i].Postmortems)
	})
	list(headSoon, len(d.DueSoon), func(i int) (string, string) {
		return actionLine(d.DueSoon[i], false), firstLink(links, d.DueSoon[i].Postmortems)
	})
	list(headRisks, len(d.RisksDue), func(i int) (string, string) {
		return riskLine(d.RisksDue[i]), firstLink(links, d.RisksDue[i].Postmortems)
	})
	list(headReviews, len(d.ReviewsPast), func(i int) (string, string) {
		return reviewLine(d.ReviewsPast[i]), links.Postmortem(d.ReviewsPast[i].ID)
	})
	if l := links.Actions(d.Team); l != "" {
		fmt.Fprintf(&b, "\nAll of %s's action items, ranked: %s\n", d.Team, l)
	}
	fmt.Fprintf(&b, "\n-- \ndebrief sends this digest once a day to the %s team, and only when there is something in it.\n", d.Team)
	return subject, b.String()
}

func actionLine(a Action, overdue bool) string {
	when := fmt.Sprintf("due %s, %s", a.Due, dayCount(a.Days, "left"))
	if overdue {
		when = fmt.Sprintf("due %s, %s", a.Due, dayCount(a.Days, "overdue"))
	} else if a.Days == 0 {
		when = "due today"
	}
	return fmt.Sprintf("%s %s (%s; %s)", a.ID, a.Title, when, strings.Join(a.Postmortems, ", "))
}

func riskLine(r Risk) string {
	return fmt.Sprintf("%s %s (review by %s; %s)", r.ID, r.Risk, r.ReviewBy, strings.Join(r.Postmortems, ", "))
}

func reviewLine(p Postmortem) string {
	return fmt.Sprintf("%s %s (%s, review date %s)", p.ID, p.Title, p.Status, p.ReviewDate)
}

func dayCount(n int, what string) string {
	if n == 1 {
		return "1 day " + what
	}
	return fmt.Sprintf("%d days %s", n, what)
}

func firstLink(l Links, ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return l.Postmortem(ids[0])
}
