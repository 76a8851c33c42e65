package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// The follow-through: action items ranked across the archive, their
// history, the accepted-risk register and the follow-through figures, as
// pages (page_actions.go, page_risks.go, page_figures.go, page_outbox.go)
// and in the API (api_actions.go). Both read the archive through
// Config.FollowThrough as the signed-in user, so restricted postmortems'
// items and risks reach only those who may see them.

// withOrigin records in the request's context where the changes it saves
// come from, for the history.
func withOrigin(source debrief.ChangeSource, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		next(w, r.WithContext(debrief.WithOrigin(r.Context(), debrief.Origin{Source: source})))
	}
}

// followThrough returns the archive's follow-through store, or an error
// when the server has none.
func (s *Server) followThrough() (debrief.FollowThroughArchive, error) {
	ft, ok := s.cfg.FollowThrough.(debrief.FollowThroughArchive)
	if s.cfg.FollowThrough == nil || !ok {
		return nil, debrief.Errorf(debrief.ENOTFOUND, "this server does not follow action items through")
	}
	return ft, nil
}

// today is the server's current day, in UTC.
func (s *Server) today() debrief.Date { return debrief.DateOf(s.pages.now().UTC()) }

// followData reads the follow-through as the request's user sees it.
func (s *Server) followData(ctx context.Context) (*debrief.FollowThroughData, error) {
	ft, err := s.followThrough()
	if err != nil {
		return nil, err
	}
	return ft.FollowThrough(ctx, userFrom(ctx).Viewer())
}

// parseActionFilter reads the filters of the action-item list from query
// parameters: team, status, kind, overdue, due_before, postmortem,
// service and family (an incident kind), each repeatable. Without a
// status the list holds the items still to do.
func parseActionFilter(q url.Values) (debrief.ActionFilter, error) {
	f := debrief.ActionFilter{Teams: values(q, "team"), Postmortems: values(q, "postmortem"), Services: values(q, "service"),
		IncidentKinds: values(q, "family")}
	for _, v := range values(q, "status") {
		st := debrief.ActionStatus(v)
		if !slices.Contains(debrief.ActionStatuses, st) {
			return f, debrief.Errorf(debrief.EINVALID, "status=%s: use open, in-progress, done or wont-do", v)
		}
		f.Statuses = append(f.Statuses, st)
	}
	if len(f.Statuses) == 0 && q.Get("all") == "" {
		f.Statuses = debrief.OpenActions().Statuses
	}
	for _, v := range values(q, "kind") {
		k := debrief.ActionKind(v)
		if !slices.Contains(debrief.ActionKinds, k) {
			return f, debrief.Errorf(debrief.EINVALID, "kind=%s: use detect, mitigate, prevent or process", v)
		}
		f.Kinds = append(f.Kinds, k)
	}
	switch v := q.Get("overdue"); v {
	case "", "false", "0":
	case "true", "1", "on":
		f.Overdue = true
	default:
		return f, debrief.Errorf(debrief.EINVALID, "overdue=%s: use true or false", v)
	}
	if v := strings.TrimSpace(q.Get("due_before")); v != "" {
		d, err := debrief.ParseDate(v)
		if err != nil {
			return f, debrief.Errorf(debrief.EINVALID, "due_before=%s: write the date as YYYY-MM-DD", v)
		}
		f.DueBefore = d
	}
	return f, nil
}

// values returns the non-empty values of a repeatable parameter.
func values(q url.Values, key string) []string {
	var out []string
	for _, v := range q[key] {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// rankedJSON is an action item as the API and the pages' scripts see it.
type rankedJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	OwnerTeam   string   `json:"owner_team"`
	Kind        string   `json:"kind,omitempty"`
	EffortDays  float64  `json:"effort_days,omitempty"`
	Value       int      `json:"value,omitempty"`
	Due         string   `json:"due,omitempty"`
	Status      string   `json:"status"`
	Reason      string   `json:"reason,omitempty"`
	Link        string   `json:"link,omitempty"`
	ETag        string   `json:"etag"`
	Postmortems []string `json:"postmortems"`
	Overdue     bool     `json:"overdue"`
	// Rank is the place in the ranked list; 0 for an unscored item.
	Rank       int      `json:"rank,omitempty"`
	Score      *float64 `json:"score"`
	Arithmetic string   `json:"arithmetic"`
	Unscored   string   `json:"unscored,omitempty"`
	// Recurred names the fix that did not hold, when the score is raised.
	Recurred string   `json:"recurred,omitempty"`
	Pin      *pinJSON `json:"pin,omitempty"`
	DoneOn   string   `json:"done_on,omitempty"`
}

type pinJSON struct {
	Team      string    `json:"team"`
	Direction string    `json:"direction"`
	Reason    string    `json:"reason"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
}

func toRankedJSON(ra *debrief.RankedAction) rankedJSON {
	it := ra.Item
	status := it.Status
	if status == "" {
		status = debrief.ActionOpen
	}
	j := rankedJSON{ID: it.ID, Title: it.Title, OwnerTeam: it.OwnerTeam, Kind: string(it.Kind), EffortDays: it.EffortDays, Value: it.Value,
		Due: it.Due.String(), Status: string(status), Reason: it.Reason, Link: it.Link, ETag: debrief.ActionETag(it),
		Postmortems: nonNil(ra.PostmortemIDs()), Overdue: ra.Overdue, Rank: ra.Rank, Arithmetic: ra.Score.String(),
		Unscored: ra.Score.Unscored, DoneOn: ra.DoneOn.String()}
	if ra.Score.Scored() {
		sc := ra.Score.Score
		j.Score = &sc
	}
	if b := ra.Score.Because; b != nil {
		j.Recurred = b.Later.ID + " came after " + b.Fix.ID + " was done"
	}
	if p := ra.Pin; p != nil {
		j.Pin = &pinJSON{Team: p.Team, Direction: string(p.Direction), Reason: p.Reason, By: p.By, At: p.At.UTC()}
	}
	return j
}

// rankOne scores one item as the list would, without its neighbours.
func rankOne(a *debrief.ArchiveAction, pins []debrief.Pin, w debrief.ScoreWeights, today debrief.Date) *debrief.RankedAction {
	r := debrief.RankActions([]*debrief.ArchiveAction{a}, pins, w, today)
	if len(r.Ranked) > 0 {
		r.Ranked[0].Rank = 0
		return r.Ranked[0]
	}
	return r.Unscored[0]
}

// changeJSON is one entry of a history.
type changeJSON struct {
	Field      string    `json:"field"`
	From       string    `json:"from"`
	To         string    `json:"to"`
	Who        string    `json:"who"`
	At         time.Time `json:"at"`
	Source     string    `json:"source"`
	Postmortem string    `json:"postmortem,omitempty"`
	Note       string    `json:"note,omitempty"`
}

func toChangesJSON(cs []debrief.Change) []changeJSON {
	out := make([]changeJSON, len(cs))
	for i, c := range cs {
		out[i] = changeJSON{Field: c.Field, From: c.From, To: c.To, Who: c.Who, At: c.At.UTC(), Source: string(c.Source),
			Postmortem: c.Postmortem, Note: c.Note}
	}
	return out
}

// registerJSON is an entry of the accepted-risk register.
type registerJSON struct {
	ID            string             `json:"id"`
	Risk          string             `json:"risk"`
	WaitingFor    string             `json:"waiting_for,omitempty"`
	Until         string             `json:"until,omitempty"`
	Meanwhile     string             `json:"meanwhile,omitempty"`
	OwnerTeam     string             `json:"owner_team"`
	ReviewBy      string             `json:"review_by,omitempty"`
	Postmortems   []string           `json:"postmortems"`
	AcceptedSince string             `json:"accepted_since,omitempty"`
	ReviewOverdue bool               `json:"review_overdue"`
	UntilPassed   bool               `json:"until_passed"`
	Flags         []string           `json:"flags"`
	During        []riskIncidentJSON `json:"incidents_while_accepted"`
	History       []changeJSON       `json:"history,omitempty"`
}

type riskIncidentJSON struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	Because string `json:"because"`
}

func toRegisterJSON(e *debrief.RiskEntry) registerJSON {
	r := e.Risk
	j := registerJSON{ID: r.ID, Risk: r.Risk, WaitingFor: r.WaitingFor, Until: r.Until.String(), Meanwhile: r.Meanwhile, OwnerTeam: r.OwnerTeam,
		ReviewBy: r.ReviewBy.String(), Postmortems: []string{}, AcceptedSince: e.From.String(), ReviewOverdue: e.ReviewOverdue,
		UntilPassed: e.UntilPassed, Flags: nonNil(e.Flags()), During: []riskIncidentJSON{}}
	for _, k := range e.Postmortems {
		j.Postmortems = append(j.Postmortems, k.Summary.ID)
	}
	for _, d := range e.During {
		j.During = append(j.During, riskIncidentJSON{ID: d.ID, Title: d.Title, Date: d.Date.String(), Because: d.Because})
	}
	return j
}

// registerFor keeps the register's entries of the teams asked for.
func registerFor(reg []*debrief.RiskEntry, teams []string) []*debrief.RiskEntry {
	if len(teams) == 0 {
		return reg
	}
	keys := debrief.Keys(teams)
	var out []*debrief.RiskEntry
	for _, e := range reg {
		if slices.Contains(keys, strings.ToLower(strings.TrimSpace(e.Risk.OwnerTeam))) {
			out = append(out, e)
		}
	}
	return out
}
