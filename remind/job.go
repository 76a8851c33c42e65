package remind

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/debrief/debrief"
)

// Archive is what the reminder job reads and records in the archive: the
// follow-through, the ledger of sent messages, and the lease that lets one
// replica of several send.
type Archive interface {
	FollowThrough(ctx context.Context, v debrief.Viewer) (*debrief.FollowThroughData, error)
	Lease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (bool, error)
	Ledger
}

// InputOf turns what the archive holds into Build's input. d must be read
// as debrief.Operator: Build itself leaves out, for each team, what the
// team may not see.
func InputOf(d *debrief.FollowThroughData, today debrief.Date) Input {
	in := Input{Audiences: d.Audiences()}
	for _, a := range d.Actions(today) {
		in.Actions = append(in.Actions, debrief.ActionItemRef{Item: a.Item, Postmortems: a.PostmortemIDs()})
	}
	for _, r := range d.Risks {
		ref := debrief.AcceptedRiskRef{Risk: r.Risk}
		for _, k := range r.Postmortems {
			ref.Postmortems = append(ref.Postmortems, k.Summary.ID)
		}
		in.Risks = append(in.Risks, ref)
	}
	for _, p := range d.Reviews {
		in.Postmortems = append(in.Postmortems, Postmortem{ID: p.ID, Title: p.Title, Teams: p.Teams, Status: p.Status, ReviewDate: p.ReviewDate})
	}
	return in
}

// Job sends each team's digest of a day, from the archive, at most once:
// `debrief remind` runs it once, and `serve` runs it on a schedule.
type Job struct {
	Archive Archive
	Routes  []Route
	// Runner sends the messages; its Ledger is the archive when unset.
	Runner *Runner
	// Holder names this process for the lease: one holder of several
	// replicas sends at a time.
	Holder string
	// Reload, when set, reads the routes again before each run, so that
	// settings changed in the web app apply without a restart.
	Reload func(ctx context.Context) ([]Route, error)
	Now    func() time.Time
	Logger *slog.Logger
}

// routes returns the routes of this run.
func (j *Job) routes(ctx context.Context) ([]Route, error) {
	if j.Reload == nil {
		return j.Routes, nil
	}
	return j.Reload(ctx)
}

// LeaseName is the lease the reminder job takes, and LeaseTTL how long it
// holds it without renewing.
const (
	LeaseName = "reminders"
	LeaseTTL  = 10 * time.Minute
)

// Digests builds the digests of day from the archive, for the teams that
// have a route.
func (j *Job) Digests(ctx context.Context, day debrief.Date) ([]*Digest, error) {
	ds, _, err := j.digests(ctx, day)
	return ds, err
}

func (j *Job) digests(ctx context.Context, day debrief.Date) ([]*Digest, []Route, error) {
	routes, err := j.routes(ctx)
	if err != nil || len(routes) == 0 {
		return nil, routes, err
	}
	d, err := j.Archive.FollowThrough(ctx, debrief.Operator)
	if err != nil {
		return nil, nil, err
	}
	teams := make([]string, len(routes))
	for i, r := range routes {
		teams[i] = r.Team
	}
	return Build(day, teams, InputOf(d, day)), routes, nil
}

// Run sends the digests of day, if this holder gets the lease: another
// replica that holds it sends them instead, and Run returns no outcomes.
func (j *Job) Run(ctx context.Context, day debrief.Date) ([]Outcome, error) {
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	ok, err := j.Archive.Lease(ctx, LeaseName, j.Holder, now(), LeaseTTL)
	if err != nil {
		return nil, fmt.Errorf("take the reminders' lease: %w", err)
	}
	if !ok {
		return nil, nil
	}
	ds, routes, err := j.digests(ctx, day)
	if err != nil {
		return nil, err
	}
	r := *j.Runner
	if r.Ledger == nil {
		r.Ledger = j.Archive
	}
	if r.Logger == nil {
		r.Logger = j.Logger
	}
	return r.Run(ctx, ds, routes)
}

// Every runs the job for the current day now and then every interval
// until ctx is done, logging what fails; a day's messages already sent are
// never sent again, so running often only catches what changed.
func (j *Job) Every(ctx context.Context, interval time.Duration) {
	log := j.Logger
	if log == nil {
		log = slog.Default()
	}
	now := time.Now
	if j.Now != nil {
		now = j.Now
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := j.Run(ctx, debrief.DateOf(now().UTC())); err != nil && ctx.Err() == nil {
			log.Error("reminders", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Preview renders the digests of day without sending them or claiming
// anything: what `debrief remind --dry-run` prints and the demo's outbox
// shows as tomorrow's.
func (j *Job) Preview(ctx context.Context, day debrief.Date) ([]*Message, error) {
	ds, routes, err := j.digests(ctx, day)
	if err != nil {
		return nil, err
	}
	var links Links
	if j.Runner != nil {
		links = j.Runner.Links
	}
	var out []*Message
	for _, d := range ds {
		route, ok := routeOf(routes, d.Team)
		if !ok {
			continue
		}
		ms, err := Messages(d, route, links)
		if err != nil {
			return nil, fmt.Errorf("the %s digest: %w", d.Team, err)
		}
		out = append(out, ms...)
	}
	return out, nil
}
