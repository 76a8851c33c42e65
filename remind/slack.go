package remind

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Slack's limits on a message posted to an incoming webhook. A message
// over them is refused whole (invalid_blocks, msg_blocks_too_long), so a
// digest is cut to fit, with "…and N more" and a link to the rest.
const (
	slackMaxBlocks  = 50
	slackMaxSection = 3000
	slackMaxHeader  = 150
	// slackMaxChars bounds the text of all blocks together: Slack refuses
	// messages whose blocks add up to about 13,000 characters, well under
	// its documented 40,000 for text.
	slackMaxChars = 12000
	// slackMaxLine cuts a single item's line, so that one long title never
	// crowds out the others.
	slackMaxLine = 400
)

type slackText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type slackBlock struct {
	Type     string      `json:"type"`
	Text     *slackText  `json:"text,omitempty"`
	Elements []slackText `json:"elements,omitempty"`
}

type slackMessage struct {
	// Text is the notification's text, and what clients that cannot show
	// blocks show.
	Text   string       `json:"text"`
	Blocks []slackBlock `json:"blocks"`
}

// SlackPayload renders the digest as a Block Kit message for an incoming
// webhook: a header, the summary, a section per list and a closing line,
// within Slack's limits.
func SlackPayload(d *Digest, links Links) ([]byte, error) {
	summary := Summary(d)
	msg := slackMessage{Text: cut(fmt.Sprintf("debrief: %s for %s", summary, d.Team), slackMaxSection)}
	header := cut(fmt.Sprintf("Follow-through for %s — %s", d.Team, d.Day), slackMaxHeader)
	msg.Blocks = append(msg.Blocks,
		slackBlock{Type: "header", Text: &slackText{Type: "plain_text", Text: header}},
		slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: escape(cut(summary, slackMaxSection))}})
	closing := "debrief sends this digest once a day, and only when there is something in it."
	if l := links.Actions(d.Team); l != "" {
		closing = link(l, "All of "+d.Team+"'s action items, ranked") + " · " + closing
	}
	used := chars(header) + chars(summary) + chars(closing)

	type list struct {
		head  string
		lines []string
		more  string
	}
	var lists []list
	add := func(head string, lines []string, more string) {
		if len(lines) > 0 {
			lists = append(lists, list{fmt.Sprintf("*%s* (%d)", head, len(lines)), lines, more})
		}
	}
	var lines []string
	for _, a := range d.Overdue {
		lines = append(lines, slackAction(a, true, links))
	}
	add(headOverdue, lines, links.Actions(d.Team))
	lines = nil
	for _, a := range d.DueSoon {
		lines = append(lines, slackAction(a, false, links))
	}
	add(headSoon, lines, links.Actions(d.Team))
	lines = nil
	for _, r := range d.RisksDue {
		lines = append(lines, slackItem(r.ID, r.Risk, "review by "+r.ReviewBy.String(), r.Postmortems, links))
	}
	add(headRisks, lines, links.Risks(d.Team))
	lines = nil
	for _, p := range d.ReviewsPast {
		lines = append(lines, slackItem(p.ID, p.Title, string(p.Status)+", review date "+p.ReviewDate.String(), []string{p.ID}, links))
	}
	add(headReviews, lines, "")

	moreLine := func(l list, n int) string {
		more := fmt.Sprintf("\n…and %d more", n)
		if l.more != "" {
			more += ": " + link(l.more, "see them all in debrief")
		}
		return more
	}
	// room is what a list needs at the least: its head and a line that
	// says how many items it holds.
	room := func(l list) int { return chars(l.head) + chars(moreLine(l, len(l.lines))) }
	for li, l := range lists {
		// Keep room for the lists still to come, a block each, and the
		// closing context block.
		reserve := 0
		for _, r := range lists[li+1:] {
			reserve += room(r)
		}
		rest := len(lists) - li - 1
		blocksLeft := func() int { return slackMaxBlocks - len(msg.Blocks) - 1 - rest }
		moreRoom := chars(moreLine(l, len(l.lines)))
		budget := slackMaxChars - reserve - moreRoom
		cur, shown := l.head, 0
		for _, line := range l.lines {
			entry := "\n• " + line
			if used+chars(cur)+chars(entry) > budget {
				break
			}
			if chars(cur)+chars(entry) > slackMaxSection-moreRoom {
				if blocksLeft() < 2 {
					break
				}
				msg.Blocks = append(msg.Blocks, section(cur))
				used += chars(cur)
				cur = "• " + line
			} else {
				cur += entry
			}
			shown++
		}
		if shown < len(l.lines) {
			cur += moreLine(l, len(l.lines)-shown)
		}
		used += chars(cur)
		msg.Blocks = append(msg.Blocks, section(cur))
	}
	msg.Blocks = append(msg.Blocks, slackBlock{Type: "context", Elements: []slackText{{Type: "mrkdwn", Text: closing}}})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(msg); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func section(text string) slackBlock {
	return slackBlock{Type: "section", Text: &slackText{Type: "mrkdwn", Text: text}}
}

func slackAction(a Action, overdue bool, links Links) string {
	when := fmt.Sprintf("due %s, %s", a.Due, dayCount(a.Days, "left"))
	switch {
	case overdue:
		when = fmt.Sprintf("due %s, *%s*", a.Due, dayCount(a.Days, "overdue"))
	case a.Days == 0:
		when = "*due today*"
	}
	return slackItem(a.ID, a.Title, when, a.Postmortems, links)
}

// slackItem writes one line of a list: the id (linked to its postmortem),
// the title, when, and the postmortems.
func slackItem(id, title, when string, postmortems []string, links Links) string {
	name := "*" + escape(id) + "*"
	if len(postmortems) > 0 && links.Base != "" {
		name = link(links.Postmortem(postmortems[0]), id)
	}
	title = escape(cut(title, slackMaxLine))
	return fmt.Sprintf("%s %s — %s (%s)", name, title, when, escape(strings.Join(postmortems, ", ")))
}

// escape makes text safe in mrkdwn: &, < and > are control characters.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// link writes a mrkdwn link.
func link(u, text string) string {
	return "<" + strings.NewReplacer("|", "%7C", ">", "%3E", "<", "%3C").Replace(u) + "|" + escape(text) + ">"
}

func chars(s string) int { return utf8.RuneCountInString(s) }

// cut shortens s to at most n characters, ending with "…" when cut.
func cut(s string, n int) string {
	if chars(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Slack posts messages to Slack incoming webhooks. It retries a message
// that Slack rate-limits (429) after the Retry-After it names, and one
// that fails with a server error after a short pause; any other refusal
// (a 400 invalid_blocks, a 404 no_service, a 410 channel_is_archived) is
// final. Its errors never show the webhook's address, which is a secret.
type Slack struct {
	// Client sends the requests; http.DefaultClient when nil.
	Client *http.Client
	// MaxAttempts bounds the tries of one message, the first included; 4
	// when 0.
	MaxAttempts int
	// MaxWait is the longest pause debrief waits out; a Retry-After longer
	// than it fails the send, so that the next run tries again. A minute
	// when 0.
	MaxWait time.Duration
	// Sleep waits; tests replace it to record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// SlackError is Slack's refusal of a message.
type SlackError struct {
	Status int
	// Body is Slack's error code, such as "invalid_blocks".
	Body string
	// RetryAfter is how long Slack asked to wait, for a 429.
	RetryAfter time.Duration
}

func (e *SlackError) Error() string {
	if e.Status == http.StatusTooManyRequests {
		return fmt.Sprintf("Slack rate-limited the digest: retry after %s", e.RetryAfter)
	}
	return fmt.Sprintf("Slack refused the digest: %d %s", e.Status, e.Body)
}

// Send posts m's Block Kit payload to its webhook.
func (s *Slack) Send(ctx context.Context, m *Message) error {
	if m.Webhook.IsZero() {
		return errors.New("no Slack webhook for the " + m.Team + " team")
	}
	attempts, maxWait := s.MaxAttempts, s.MaxWait
	if attempts <= 0 {
		attempts = 4
	}
	if maxWait <= 0 {
		maxWait = time.Minute
	}
	var last error
	for i := range attempts {
		err := s.post(ctx, m)
		if err == nil {
			return nil
		}
		last = err
		var se *SlackError
		if !errors.As(err, &se) || (se.Status != http.StatusTooManyRequests && se.Status < 500) || i == attempts-1 {
			return err
		}
		wait := se.RetryAfter
		if wait == 0 {
			wait = time.Duration(1<<i) * time.Second
		}
		if wait > maxWait {
			return err
		}
		if err := s.sleep(ctx, wait); err != nil {
			return err
		}
	}
	return last
}

func (s *Slack) post(ctx context.Context, m *Message) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.Webhook.Reveal(), bytes.NewReader(m.Slack))
	if err != nil {
		return errors.New("the Slack webhook of the " + m.Team + " team is not a valid URL")
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	client := s.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// A *url.Error names the URL, and the URL is the secret.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("posting the digest to Slack: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	return &SlackError{Status: resp.StatusCode, Body: strings.TrimSpace(string(body)), RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
}

func (s *Slack) sleep(ctx context.Context, d time.Duration) error {
	if s.Sleep != nil {
		return s.Sleep(ctx, d)
	}
	return Sleep(ctx, d)
}

// Sleep waits for d or until ctx is done.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}
