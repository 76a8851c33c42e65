package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/debrief/debrief"
)

// followThroughPages adds the follow-through's pages to mux: signedIn
// wraps pages that every signed-in user may see, writer those that change
// something.
func (s *Server) followThroughPages(mux *http.ServeMux, signedIn, writer func(http.HandlerFunc) http.Handler) {
	mux.Handle("GET /action-items", signedIn(s.actionsPage))
	mux.Handle("GET /action-items/{id}", signedIn(s.actionPage))
	mux.Handle("POST /action-items/{id}", writer(s.editActionPage))
	mux.Handle("POST /action-items/{id}/pin", writer(s.pinActionPage))
	mux.Handle("POST /action-items/{id}/issue", writer(s.createIssuePage))
	mux.Handle("GET /risks", signedIn(s.risksPage))
	mux.Handle("POST /risks/{id}/review", writer(s.reviewRiskPage))
	mux.Handle("GET /follow-through", signedIn(s.figuresPage))
	mux.Handle("GET /outbox", signedIn(s.outboxPage))
}

// actionsView is the ranked list of action items.
type actionsView struct {
	Base
	Ranking *debrief.ActionRanking
	Filter  url.Values
	// Teams and Families offer the filters' choices.
	Teams, Families []string
	Statuses        []debrief.ActionStatus
	Kinds           []debrief.ActionKind
	CanEdit         bool
	Today           debrief.Date
	// Back is this list's address, where a quick edit returns.
	Back string
}

func (s *Server) actionsPage(w http.ResponseWriter, r *http.Request) {
	f, err := parseActionFilter(r.URL.Query())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	d, err := s.followData(r.Context())
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	today := s.today()
	u := userFrom(r.Context())
	v := actionsView{Base: s.pages.base(r, "Action items"), Ranking: d.Rank(f, s.cfg.Weights, today), Filter: r.URL.Query(),
		Statuses: debrief.ActionStatuses, Kinds: debrief.ActionKinds, CanEdit: u.CanWrite(), Today: today, Back: r.URL.RequestURI()}
	v.Nav, v.JSON = "actions", "/api/v1/action-items"
	if r.URL.RawQuery != "" {
		v.JSON += "?" + r.URL.RawQuery
	}
	seenTeam, seenFam := map[string]bool{}, map[string]bool{}
	for _, a := range d.Actions(today) {
		if t := strings.ToLower(strings.TrimSpace(a.Item.OwnerTeam)); t != "" && !seenTeam[t] {
			seenTeam[t] = true
			v.Teams = append(v.Teams, t)
		}
		for _, fam := range a.Families() {
			if !seenFam[fam] {
				seenFam[fam] = true
				v.Families = append(v.Families, fam)
			}
		}
	}
	v.Teams, v.Families = debrief.Keys(v.Teams), debrief.Keys(v.Families)
	v.Notice = noticeOf(r.URL.Query())
	s.pages.render(w, r, http.StatusOK, "actions", v)
}

// noticeOf reads the confirmation a redirect after a change carries.
func noticeOf(q url.Values) string {
	if id := q.Get("saved"); id != "" {
		return "Saved " + id + ": a new version of each postmortem that lists it, and a line in its history."
	}
	if id := q.Get("reviewed"); id != "" {
		return "Recorded the review of " + id + "."
	}
	return ""
}

// actionRow is what the action_row partial shows: one ranked item, with
// its quick edit when the user may change it.
type actionRow struct {
	A       *debrief.RankedAction
	CanEdit bool
	Back    string
}

// actionPageView is one action item's page.
type actionPageView struct {
	Base
	A       *debrief.RankedAction
	History []debrief.Change
	ETag    string
	CanEdit bool
	Today   debrief.Date
	Back    string
	// Trackers name the trackers its issue can be created in.
	Trackers []string
}

func (s *Server) actionPage(w http.ResponseWriter, r *http.Request) {
	ra, hist, err := s.actionItem(r)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	v := actionPageView{Base: s.pages.base(r, ra.Item.ID+" "+ra.Item.Title), A: ra, History: hist, ETag: debrief.ActionETag(ra.Item),
		CanEdit: userFrom(r.Context()).CanWrite(), Today: s.today(), Back: "/action-items/" + url.PathEscape(ra.Item.ID), Trackers: s.trackerNames()}
	v.Nav, v.JSON = "actions", "/api/v1/action-items/"+url.PathEscape(ra.Item.ID)
	v.Notice = noticeOf(r.URL.Query())
	s.pages.render(w, r, http.StatusOK, "action", v)
}

// editActionPage applies a quick edit from the list or the item's page:
// the form carries the item's ETag as it was shown, as If-Match does.
func (s *Server) editActionPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	form := func(k string) *string {
		if !r.PostForm.Has(k) {
			return nil
		}
		v := r.PostForm.Get(k)
		return &v
	}
	p := actionPatch{Status: form("status"), Due: form("due"), OwnerTeam: form("owner_team"), Link: form("link"), Reason: form("reason")}
	if risk := strings.TrimSpace(r.PostForm.Get("accept_risk")); risk != "" {
		p.AcceptRisk = &struct {
			ID         string `json:"id"`
			Risk       string `json:"risk"`
			WaitingFor string `json:"waiting_for"`
			Until      string `json:"until"`
			Meanwhile  string `json:"meanwhile"`
			ReviewBy   string `json:"review_by"`
		}{Risk: risk, WaitingFor: r.PostForm.Get("waiting_for"), Meanwhile: r.PostForm.Get("meanwhile"), ReviewBy: r.PostForm.Get("review_by")}
	}
	e, err := p.edit(id, r.PostForm.Get("etag"))
	var saved debrief.ActionItem
	if err == nil {
		var ft debrief.FollowThroughArchive
		if ft, err = s.followThrough(); err == nil {
			saved, err = debrief.EditAction(r.Context(), ft, userFrom(r.Context()).Viewer(), e)
		}
	}
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	if e.Status != nil {
		s.pushStatus(r.Context(), saved)
	}
	http.Redirect(w, r, withNotice(r.PostForm.Get("back"), "/action-items/"+url.PathEscape(id), "saved", id), http.StatusSeeOther)
}

// withNotice returns the local address back (or fallback when back is not
// a path of this site) with a notice parameter.
func withNotice(back, fallback, key, value string) string {
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		back = fallback
	}
	u, err := url.Parse(back)
	if err != nil {
		u, _ = url.Parse(fallback)
	}
	q := u.Query()
	q.Del("saved")
	q.Del("reviewed")
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.RequestURI()
}

// pinActionPage pins an item above or below its rank, or unpins it.
func (s *Server) pinActionPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.followThrough(); err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	u := userFrom(r.Context())
	var err error
	if dir := r.PostForm.Get("direction"); dir == "none" {
		err = s.cfg.FollowThrough.Unpin(r.Context(), u.Viewer(), id)
	} else {
		err = s.cfg.FollowThrough.SetPin(r.Context(), u.Viewer(), debrief.Pin{ItemID: id, Team: r.PostForm.Get("team"),
			Direction: debrief.PinDirection(dir), Reason: r.PostForm.Get("reason"), By: u.Name, At: s.pages.now()})
	}
	if err != nil {
		s.pages.errorPage(w, r, err)
		return
	}
	http.Redirect(w, r, withNotice(r.PostForm.Get("back"), "/action-items/"+url.PathEscape(id), "saved", id), http.StatusSeeOther)
}
