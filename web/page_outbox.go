package web

import (
	"net/http"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/remind"
)

// outboxView is the demo's outbox: the digests that went to it instead
// of Slack and the mail server, and those tomorrow's run would send.
type outboxView struct {
	Base
	Sent     []remind.Sent
	Tomorrow []*remind.Message
	Day      debrief.Date
}

func (s *Server) outboxPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Outbox == nil {
		s.pages.errorPage(w, r, debrief.Errorf(debrief.ENOTFOUND, "this server sends reminders for real: the outbox is only in `debrief serve --demo`; `debrief remind --dry-run` shows them"))
		return
	}
	v := outboxView{Base: s.pages.base(r, "Outbox"), Day: debrief.DateOf(s.today().Time().AddDate(0, 0, 1))}
	v.Nav = "outbox"
	// Only admins see every team's digests; others see their teams'.
	u := userFrom(r.Context())
	mine := func(team string) bool { return u.Viewer().Admin || containsFold(u.Teams, team) }
	for _, m := range s.cfg.Outbox.Messages() {
		if mine(m.Team) {
			v.Sent = append(v.Sent, m)
		}
	}
	if s.cfg.Preview != nil {
		msgs, err := s.cfg.Preview(r.Context(), v.Day)
		if err != nil {
			s.pages.errorPage(w, r, err)
			return
		}
		for _, m := range msgs {
			if mine(m.Team) {
				v.Tomorrow = append(v.Tomorrow, m)
			}
		}
	}
	s.pages.render(w, r, http.StatusOK, "outbox", v)
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(strings.TrimSpace(v), strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}
