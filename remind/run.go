package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// Sender delivers a message: Slack, Mailer and Outbox are senders.
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// Ledger records which messages were sent, so that none is sent twice.
// The store implements it with a table of keys whose primary key makes
// one claim win: of two replicas sending the same day's digests, only one
// claims each key, and a run repeated the same day claims nothing.
type Ledger interface {
	// Claim records key as sent at the given time, and reports whether this
	// call claimed it: false when it had been claimed before, by this
	// process or another.
	Claim(ctx context.Context, key string, at time.Time) (bool, error)
	// Release forgets the claim of a message that could not be sent, so
	// that a later run tries it again.
	Release(ctx context.Context, key string) error
}

// Result says what happened to one message.
type Result string

// Results of sending a message.
const (
	Delivered   Result = "sent"
	AlreadySent Result = "already sent"
	Failed      Result = "failed"
)

// Outcome is one message's result.
type Outcome struct {
	Key, Team, Channel string
	Result             Result
	Err                error
}

// Runner sends the digests of a day, each message at most once. A message
// is claimed in the Ledger before it is sent, and released if sending
// fails; so a replica that dies between the claim and the send leaves that
// message unsent, never sent twice.
type Runner struct {
	// Slack and Mail send the messages of each channel; a channel without
	// a sender fails its messages.
	Slack, Mail Sender
	Ledger      Ledger
	Links       Links
	// Now stamps the claims; time.Now when nil.
	Now func() time.Time
	// Logger records each outcome; slog.Default() when nil. It never logs
	// a webhook or an address beyond the team's.
	Logger *slog.Logger
}

// Run sends each digest to its team's route, and returns what happened to
// each message; the error joins the failures. A digest whose team has no
// route is skipped.
func (r *Runner) Run(ctx context.Context, digests []*Digest, routes []Route) ([]Outcome, error) {
	if r.Ledger == nil {
		return nil, errors.New("reminders need a ledger of sent digests, so that none is sent twice")
	}
	now, log := r.Now, r.Logger
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	var out []Outcome
	var errs []error
	for _, d := range digests {
		route, ok := routeOf(routes, d.Team)
		if !ok {
			continue
		}
		msgs, err := Messages(d, route, r.Links)
		if err != nil {
			errs = append(errs, fmt.Errorf("the %s digest: %w", d.Team, err))
			continue
		}
		for _, m := range msgs {
			o := r.send(ctx, m, now())
			log.Info("reminder digest", "team", o.Team, "channel", o.Channel, "key", o.Key, "result", string(o.Result), "error", errString(o.Err))
			if o.Err != nil {
				errs = append(errs, fmt.Errorf("the %s digest by %s: %w", o.Team, o.Channel, o.Err))
			}
			out = append(out, o)
		}
	}
	return out, errors.Join(errs...)
}

func (r *Runner) send(ctx context.Context, m *Message, at time.Time) Outcome {
	o := Outcome{Key: m.Key, Team: m.Team, Channel: m.Channel, Result: Failed}
	s := r.Slack
	if m.Channel == ChannelEmail {
		s = r.Mail
	}
	if s == nil {
		o.Err = errors.New("no sender is set up for " + m.Channel)
		return o
	}
	claimed, err := r.Ledger.Claim(ctx, m.Key, at)
	switch {
	case err != nil:
		o.Err = fmt.Errorf("recording the digest as sent: %w", err)
		return o
	case !claimed:
		o.Result = AlreadySent
		return o
	}
	if err := s.Send(ctx, m); err != nil {
		o.Err = err
		if rerr := r.Ledger.Release(context.WithoutCancel(ctx), m.Key); rerr != nil {
			o.Err = errors.Join(err, fmt.Errorf("it will not be tried again today: %w", rerr))
		}
		return o
	}
	o.Result = Delivered
	return o
}

func routeOf(routes []Route, team string) (Route, bool) {
	for _, r := range routes {
		if strings.EqualFold(strings.TrimSpace(r.Team), strings.TrimSpace(team)) {
			return r, true
		}
	}
	return Route{}, false
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
