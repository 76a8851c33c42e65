package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
)

// The publish gate: moving a postmortem to review or publishing it while
// the linter finds blame or root-cause language stops the save and lists
// the findings, so that the review meeting does not meet "human error" for
// the first time. The author fixes them, or goes on with a reason, which
// is recorded in the front matter as publish_override (docs/format.md).

// gateView is the gate as the editor shows it.
type gateView struct {
	Status   debrief.Status
	Findings []editorFinding
	// Reason is the override reason as typed, when it was too short.
	Reason string
}

// gated reports whether moving from the status old to p's status passes
// the gate: only in-review and published are gated, only when the status
// changes (old is "" for a new postmortem).
func gated(old debrief.Status, p *debrief.Postmortem) bool {
	return p.Status != old && (p.Status == debrief.StatusInReview || p.Status == debrief.StatusPublished)
}

// gateFindings returns the blame and root-cause findings of the editor's
// document that stop it, or none when a recorded override already covers
// as many of them.
func (s *Server) gateFindings(ed editorState, p *debrief.Postmortem) ([]editorFinding, error) {
	if s.cfg.Findings == nil {
		return nil, nil
	}
	out, err := s.lintEditor(ed)
	if err != nil {
		return nil, err
	}
	fs := slices.DeleteFunc(out.Findings, func(f editorFinding) bool { return f.Category != lint.Blame && f.Category != lint.RootCause })
	if o := p.PublishOverride; o != nil && len(fs) <= o.Findings {
		return nil, nil
	}
	return fs, nil
}

// minOverrideReason is the fewest characters an override's reason has:
// enough to say something, such as "quoted from the customer's e-mail".
const minOverrideReason = 10

// passGate decides whether the save may go on. It returns true when it
// may, having recorded an override in p if the author asked for one; false
// when it answered with the gate.
func (s *Server) passGate(w http.ResponseWriter, r *http.Request, v *editorView, old debrief.Status, p *debrief.Postmortem) bool {
	if !gated(old, p) {
		return true
	}
	fs, err := s.gateFindings(v.editorState, p)
	if err != nil {
		s.pages.errorPage(w, r, err)
		return false
	}
	if len(fs) == 0 {
		return true
	}
	reason := strings.TrimSpace(r.PostFormValue("override_reason"))
	if r.PostFormValue("op") == "override" && len([]rune(reason)) >= minOverrideReason {
		p.PublishOverride = &debrief.PublishOverride{By: userFrom(r.Context()).Name, Date: debrief.DateOf(s.pages.now().UTC()), Reason: reason, Findings: len(fs)}
		return true
	}
	v.Gate = &gateView{Status: p.Status, Findings: fs, Reason: reason}
	if r.PostFormValue("op") == "override" {
		v.Problems = []problemView{{Field: "override_reason", Message: "say in a sentence why the findings stay, so that the review knows"}}
	}
	s.pages.render(w, r, http.StatusUnprocessableEntity, "editor", *v)
	return false
}
