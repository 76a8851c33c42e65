package remind

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/debrief/debrief/credential"
)

// Outbox is a Sender that records messages instead of sending them, for
// `serve --demo` and `debrief remind --dry-run`: the outbox page shows
// what Slack and the mail server would have got.
type Outbox struct {
	// Keep is how many messages it keeps, the newest; 500 when 0.
	Keep int
	// Now stamps the messages; time.Now when nil.
	Now func() time.Time

	mu   sync.Mutex
	sent []Sent
}

// Sent is a message in the outbox, without its webhook.
type Sent struct {
	Message
	At time.Time
}

// Send records m.
func (o *Outbox) Send(_ context.Context, m *Message) error {
	now := time.Now
	if o.Now != nil {
		now = o.Now
	}
	c := *m
	c.Webhook = credential.Secret{}
	c.To = slices.Clone(m.To)
	c.Slack = slices.Clone(m.Slack)
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, Sent{Message: c, At: now()})
	keep := o.Keep
	if keep <= 0 {
		keep = 500
	}
	if len(o.sent) > keep {
		o.sent = slices.Delete(o.sent, 0, len(o.sent)-keep)
	}
	return nil
}

// Messages returns the recorded messages, newest first.
func (o *Outbox) Messages() []Sent {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := slices.Clone(o.sent)
	slices.Reverse(out)
	return out
}
