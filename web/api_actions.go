package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/report"
)

// followThroughRoutes are the API's routes of the follow-through.
func (s *Server) followThroughRoutes() []route {
	return []route{
		{"GET /api/v1/action-items", s.listActionItems},
		{"GET /api/v1/action-items/{id}", s.getActionItem},
		{"PATCH /api/v1/action-items/{id}", requireWriter(s.patchActionItem)},
		{"POST /api/v1/action-items/{id}/issue", requireWriter(s.createIssueAPI)},
		{"PUT /api/v1/action-items/{id}/pin", requireWriter(s.putPin)},
		{"DELETE /api/v1/action-items/{id}/pin", requireWriter(s.deletePin)},
		{"GET /api/v1/risks", s.listRisks},
		{"GET /api/v1/risks/{id}", s.getRisk},
		{"POST /api/v1/risks/{id}/review", requireWriter(s.reviewRiskAPI)},
		{"GET /api/v1/follow-through", s.followThroughFigures},
	}
}

// actionListJSON is the ranked list: the ranked items, then the unscored.
type actionListJSON struct {
	Ranked   []rankedJSON `json:"ranked"`
	Unscored []rankedJSON `json:"unscored"`
	// Score says how the score is computed, for readers of the numbers.
	Score string `json:"score"`
}

const scoreFormula = "value/5 × harm × recurred ÷ effort days; see /docs/actions"

func (s *Server) listActionItems(w http.ResponseWriter, r *http.Request) {
	f, err := parseActionFilter(r.URL.Query())
	if err != nil {
		writeError(w, r, err)
		return
	}
	d, err := s.followData(r.Context())
	if err != nil {
		writeError(w, r, err)
		return
	}
	rank := d.Rank(f, s.cfg.Weights, s.today())
	out := actionListJSON{Ranked: []rankedJSON{}, Unscored: []rankedJSON{}, Score: scoreFormula}
	for _, ra := range rank.Ranked {
		out.Ranked = append(out.Ranked, toRankedJSON(ra))
	}
	for _, ra := range rank.Unscored {
		out.Unscored = append(out.Unscored, toRankedJSON(ra))
	}
	writeJSON(w, http.StatusOK, out)
}

// actionDetailJSON is one item with its history.
type actionDetailJSON struct {
	rankedJSON
	History []changeJSON `json:"history"`
}

func (s *Server) getActionItem(w http.ResponseWriter, r *http.Request) {
	ra, hist, err := s.actionItem(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", debrief.ActionETag(ra.Item))
	writeJSON(w, http.StatusOK, actionDetailJSON{rankedJSON: toRankedJSON(ra), History: toChangesJSON(hist)})
}

// actionItem reads the item of the request's path with its score and
// history, as the user sees them.
func (s *Server) actionItem(r *http.Request) (*debrief.RankedAction, []debrief.Change, error) {
	id := r.PathValue("id")
	d, err := s.followData(r.Context())
	if err != nil {
		return nil, nil, err
	}
	today := s.today()
	a, ok := d.Action(id, today)
	if !ok {
		return nil, nil, debrief.Errorf(debrief.ENOTFOUND, "action item %s not found", id)
	}
	hist, err := s.cfg.FollowThrough.History(r.Context(), userFrom(r.Context()).Viewer(), debrief.SubjectAction, a.Item.ID)
	if err != nil {
		return nil, nil, err
	}
	return rankOne(a, d.Pins, s.cfg.Weights, today), hist, nil
}

// actionPatch is the body of PATCH /api/v1/action-items/{id}: the fields
// to change.
type actionPatch struct {
	Status    *string `json:"status"`
	Due       *string `json:"due"`
	OwnerTeam *string `json:"owner_team"`
	Link      *string `json:"link"`
	Reason    *string `json:"reason"`
	// AcceptRisk records the risk a wont-do leaves in the register.
	AcceptRisk *struct {
		ID         string `json:"id"`
		Risk       string `json:"risk"`
		WaitingFor string `json:"waiting_for"`
		Until      string `json:"until"`
		Meanwhile  string `json:"meanwhile"`
		ReviewBy   string `json:"review_by"`
	} `json:"accept_risk"`
}

// edit turns the patch into an edit of item id, with the given ETag.
func (p actionPatch) edit(id, ifMatch string) (debrief.ActionEdit, error) {
	e := debrief.ActionEdit{ID: id, IfMatch: ifMatch, OwnerTeam: p.OwnerTeam, Link: p.Link, Reason: p.Reason}
	if p.Status != nil {
		st := debrief.ActionStatus(*p.Status)
		e.Status = &st
	}
	date := func(field, v string) (debrief.Date, error) {
		if strings.TrimSpace(v) == "" {
			return debrief.Date{}, nil
		}
		d, err := debrief.ParseDate(strings.TrimSpace(v))
		if err != nil {
			return d, debrief.Errorf(debrief.EINVALID, "%s %q: write the date as YYYY-MM-DD", field, v)
		}
		return d, nil
	}
	if p.Due != nil {
		d, err := date("due", *p.Due)
		if err != nil {
			return e, err
		}
		e.Due = &d
	}
	if a := p.AcceptRisk; a != nil {
		r := debrief.AcceptedRisk{ID: a.ID, Risk: a.Risk, WaitingFor: a.WaitingFor, Meanwhile: a.Meanwhile}
		var err error
		if r.Until, err = date("accept_risk.until", a.Until); err != nil {
			return e, err
		}
		if r.ReviewBy, err = date("accept_risk.review_by", a.ReviewBy); err != nil {
			return e, err
		}
		e.Accept = &r
	}
	return e, nil
}

// decodeStrict reads a JSON body into v, refusing unknown fields and
// trailing data, with the position of what is wrong.
func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = fmt.Errorf("data after the JSON object")
	}
	if err != nil {
		return debrief.Errorf(debrief.EINVALID, "the body is not the JSON this route takes (at byte %d): %v", dec.InputOffset(), err)
	}
	return nil
}

func (s *Server) patchActionItem(w http.ResponseWriter, r *http.Request) {
	im := strings.TrimSpace(r.Header.Get("If-Match"))
	if im == "" {
		writeErrorStatus(w, http.StatusPreconditionRequired, "precondition_required", "send If-Match with the item's ETag (from GET /api/v1/action-items/{id}), so that no one's change is lost", 0)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var p actionPatch
	if err := decodeStrict(body, &p); err != nil {
		writeError(w, r, err)
		return
	}
	e, err := p.edit(r.PathValue("id"), im)
	if err != nil {
		writeError(w, r, err)
		return
	}
	ft, err := s.followThrough()
	if err != nil {
		writeError(w, r, err)
		return
	}
	saved, err := debrief.EditAction(r.Context(), ft, userFrom(r.Context()).Viewer(), e)
	if err != nil {
		if debrief.ErrorCode(err) == debrief.ECONFLICT {
			writeErrorStatus(w, http.StatusPreconditionFailed, debrief.ECONFLICT, debrief.ErrorMessage(err), 0)
			return
		}
		writeError(w, r, err)
		return
	}
	if e.Status != nil {
		s.pushStatus(r.Context(), saved)
	}
	s.getActionItem(w, r)
}

// pinBody is the body of PUT /api/v1/action-items/{id}/pin.
type pinBody struct {
	Team      string `json:"team"`
	Direction string `json:"direction"`
	Reason    string `json:"reason"`
}

func (s *Server) putPin(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var b pinBody
	if err := decodeStrict(body, &b); err != nil {
		writeError(w, r, err)
		return
	}
	if _, err := s.followThrough(); err != nil {
		writeError(w, r, err)
		return
	}
	u := userFrom(r.Context())
	p := debrief.Pin{ItemID: r.PathValue("id"), Team: b.Team, Direction: debrief.PinDirection(b.Direction), Reason: b.Reason, By: u.Name, At: s.pages.now()}
	if err := s.cfg.FollowThrough.SetPin(r.Context(), u.Viewer(), p); err != nil {
		writeError(w, r, err)
		return
	}
	s.getActionItem(w, r)
}

func (s *Server) deletePin(w http.ResponseWriter, r *http.Request) {
	if _, err := s.followThrough(); err != nil {
		writeError(w, r, err)
		return
	}
	if err := s.cfg.FollowThrough.Unpin(r.Context(), userFrom(r.Context()).Viewer(), r.PathValue("id")); err != nil {
		writeError(w, r, err)
		return
	}
	s.getActionItem(w, r)
}

func (s *Server) listRisks(w http.ResponseWriter, r *http.Request) {
	d, err := s.followData(r.Context())
	if err != nil {
		writeError(w, r, err)
		return
	}
	out := []registerJSON{}
	for _, e := range registerFor(d.Register(s.today()), values(r.URL.Query(), "team")) {
		out = append(out, toRegisterJSON(e))
	}
	writeJSON(w, http.StatusOK, listJSON{Items: out})
}

func (s *Server) getRisk(w http.ResponseWriter, r *http.Request) {
	e, hist, err := s.risk(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	j := toRegisterJSON(e)
	j.History = toChangesJSON(hist)
	writeJSON(w, http.StatusOK, j)
}

func (s *Server) risk(r *http.Request) (*debrief.RiskEntry, []debrief.Change, error) {
	id := r.PathValue("id")
	d, err := s.followData(r.Context())
	if err != nil {
		return nil, nil, err
	}
	e, ok := d.Risk(id, s.today())
	if !ok {
		return nil, nil, debrief.Errorf(debrief.ENOTFOUND, "accepted risk %s not found", id)
	}
	hist, err := s.cfg.FollowThrough.History(r.Context(), userFrom(r.Context()).Viewer(), debrief.SubjectRisk, e.Risk.ID)
	return e, hist, err
}

// reviewBody is the body of POST /api/v1/risks/{id}/review.
type reviewBody struct {
	Decision   string `json:"decision"`
	NextReview string `json:"next_review"`
	Outcome    string `json:"outcome"`
}

// review turns the body into a review of risk id by user at now.
func (b reviewBody) review(id, user string, now time.Time) (debrief.RiskReview, error) {
	rv := debrief.RiskReview{RiskID: id, Decision: debrief.RiskDecision(strings.TrimSpace(b.Decision)), Outcome: strings.TrimSpace(b.Outcome), By: user, At: now}
	if v := strings.TrimSpace(b.NextReview); v != "" {
		d, err := debrief.ParseDate(v)
		if err != nil {
			return rv, debrief.Errorf(debrief.EINVALID, "next_review %q: write the date as YYYY-MM-DD", v)
		}
		rv.NextReview = d
	}
	return rv, nil
}

func (s *Server) reviewRiskAPI(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	var b reviewBody
	if err := decodeStrict(body, &b); err != nil {
		writeError(w, r, err)
		return
	}
	if err := s.doReview(r, b); err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": r.PathValue("id"), "decision": b.Decision})
}

// doReview records the review b of the request's risk.
func (s *Server) doReview(r *http.Request, b reviewBody) error {
	u := userFrom(r.Context())
	rv, err := b.review(r.PathValue("id"), u.Name, s.pages.now())
	if err != nil {
		return err
	}
	ft, err := s.followThrough()
	if err != nil {
		return err
	}
	return debrief.ReviewRisk(r.Context(), ft, u.Viewer(), rv, s.today())
}

// figures computes the follow-through figures the request asks for: by
// team, kind or family, over the last days (90 unless asked).
func (s *Server) figures(r *http.Request) (*report.Actions, []debrief.FollowThrough, error) {
	q := r.URL.Query()
	by := debrief.FollowThroughBy(q.Get("by"))
	switch by {
	case "":
		by = debrief.ByTeam
	case debrief.ByTeam, debrief.ByKind, debrief.ByFamily:
	default:
		return nil, nil, debrief.Errorf(debrief.EINVALID, "by=%s: use team, kind or family", by)
	}
	days := debrief.DefaultFollowThroughDays
	if v := q.Get("days"); v != "" {
		if _, err := fmt.Sscanf(v, "%d", &days); err != nil || days < 1 || days > 3660 {
			return nil, nil, debrief.Errorf(debrief.EINVALID, "days=%s: give a number of days from 1 to 3660", v)
		}
	}
	d, err := s.followData(r.Context())
	if err != nil {
		return nil, nil, err
	}
	today := s.today()
	w := debrief.LastDays(today, days)
	rows := debrief.FollowThroughFigures(d.Actions(today), by, w, today)
	out := report.NewActions(rows, by, s.pages.now().UTC())
	out.Window = w.String() // the window asked for, also when nothing fell in it
	return out, rows, nil
}

func (s *Server) followThroughFigures(w http.ResponseWriter, r *http.Request) {
	out, _, err := s.figures(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}
