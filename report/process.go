package report

import (
	"io"
	"strconv"
	"time"

	"github.com/debrief/debrief"
)

// Process is the postmortem process report.
type Process struct {
	Computed time.Time       `json:"computed"`
	Period   [2]string       `json:"period"`
	Health   debrief.Process `json:"health"`
}

// NewProcess returns the process report of h (from debrief.ProcessHealth).
func NewProcess(h debrief.Process, computed time.Time) *Process {
	return &Process{Computed: computed, Period: [2]string{h.From.String(), h.To.String()}, Health: h}
}

// Name is "process".
func (p *Process) Name() string { return "process" }

func (p *Process) writeText(w io.Writer) error {
	h := p.Health
	e := &errWriter{w: w}
	e.printf("Postmortem process, incidents from %s to %s (computed %s)\n", p.Period[0], p.Period[1], stamp(p.Computed))
	e.printf("  postmortems: %d, published %d\n", h.Postmortems, h.Published)
	if t := h.TimeToPublish; t.Count > 0 {
		e.printf("  time from incident to published postmortem: median %s days, 90th percentile %s days, longest %s days (%d published)\n",
			days(t.Median), days(t.P90), days(t.Max), t.Count)
	}
	e.printf("  past their review date and not published: %d\n", len(h.PastReview)+h.PastReviewHidden)
	for _, r := range h.PastReview {
		e.printf("    %s %s\n", r.ID, r.Title)
	}
	if h.PastReviewHidden > 0 {
		e.printf("    and %d restricted\n", h.PastReviewHidden)
	}
	if h.SystemFocusAsked > 0 {
		e.printf("  system-focus sections filled: %d of %d (%s)\n", h.SystemFocusFilled, h.SystemFocusAsked, percent(float64(h.SystemFocusFilled)/float64(h.SystemFocusAsked)))
	}
	if len(h.Language) > 0 {
		e.printf("  the linter's findings per month (blame, root cause):\n")
		for _, m := range h.Language {
			e.printf("    %s: %s, blame %d, root cause %d\n", m.Month, plural(m.Postmortems, "postmortem"), m.Blame, m.RootCause)
		}
	}
	return e.err
}

func (p *Process) rows() [][]string {
	h := p.Health
	out := [][]string{{"figure", "month", "value"}}
	add := func(fig, month, v string) { out = append(out, []string{fig, month, v}) }
	add("postmortems", "", strconv.Itoa(h.Postmortems))
	add("published", "", strconv.Itoa(h.Published))
	add("time_to_publish_median_days", "", days(h.TimeToPublish.Median))
	add("time_to_publish_p90_days", "", days(h.TimeToPublish.P90))
	add("past_review_date", "", strconv.Itoa(len(h.PastReview)+h.PastReviewHidden))
	add("system_focus_filled", "", strconv.Itoa(h.SystemFocusFilled))
	add("system_focus_asked", "", strconv.Itoa(h.SystemFocusAsked))
	for _, m := range h.Language {
		add("postmortems", m.Month, strconv.Itoa(m.Postmortems))
		add("blame_findings", m.Month, strconv.Itoa(m.Blame))
		add("root_cause_findings", m.Month, strconv.Itoa(m.RootCause))
	}
	return out
}
