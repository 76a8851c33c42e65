package report

import (
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/debrief/debrief"
)

// Load is the incident load report: per team and ISO week, with reactive
// mode.
type Load struct {
	Computed time.Time          `json:"computed"`
	First    debrief.ISOWeek    `json:"first"`
	Last     debrief.ISOWeek    `json:"last"`
	Rule     string             `json:"rule"`
	Teams    []debrief.TeamLoad `json:"teams"`
}

// NewLoad returns the load report of teams (from debrief.Load) under rule.
func NewLoad(teams []debrief.TeamLoad, first, last debrief.ISOWeek, rule debrief.ReactiveRule, computed time.Time) *Load {
	return &Load{Computed: computed, First: first, Last: last, Rule: rule.String(), Teams: teams}
}

// Name is "load".
func (l *Load) Name() string { return "load" }

func (l *Load) writeText(w io.Writer) error {
	e := &errWriter{w: w}
	e.printf("Incident load per team, %s to %s (computed %s)\n", l.First, l.Last, stamp(l.Computed))
	e.printf("Reactive mode: %s.\n", l.Rule)
	for _, t := range l.Teams {
		e.printf("\n%s", t.Team)
		if t.Reactive {
			e.printf(": in reactive mode. Deal with the incidents first.")
		}
		e.printf("\n")
		for _, s := range t.Stretches {
			e.printf("  reactive %s, %d incidents, %d pages\n", s, s.Incidents, s.Pages)
		}
		tr := &trimmed{w: w}
		tw := tabwriter.NewWriter(tr, 0, 0, 2, ' ', tabwriter.AlignRight)
		if e.err == nil {
			e.w = tw
		}
		e.printf("  week\tall\tcustomer-facing\tSEV1\tSEV2\tSEV3\tSEV4\t4-week avg\tpages\t\t\n")
		for _, wk := range t.Weeks {
			pages, mark := "–", ""
			if wk.Pages >= 0 {
				pages = strconv.Itoa(wk.Pages)
			}
			if wk.Reactive {
				mark = "reactive"
			}
			e.printf("  %s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t\n", wk.Week, wk.All, wk.CustomerFacing,
				wk.BySeverity[debrief.SEV1], wk.BySeverity[debrief.SEV2], wk.BySeverity[debrief.SEV3], wk.BySeverity[debrief.SEV4],
				num(wk.AvgAll), pages, mark)
		}
		if e.err == nil {
			e.err = tw.Flush()
		}
		if e.err == nil {
			e.err = tr.flush()
		}
		e.w = w
	}
	return e.err
}

func (l *Load) rows() [][]string {
	out := [][]string{{"team", "week", "all", "customer_facing", "sev1", "sev2", "sev3", "sev4", "avg_all", "avg_customer_facing", "pages", "hard", "reactive"}}
	for _, t := range l.Teams {
		for _, wk := range t.Weeks {
			pages := ""
			if wk.Pages >= 0 {
				pages = strconv.Itoa(wk.Pages)
			}
			var hard []string
			for _, r := range wk.Hard {
				hard = append(hard, string(r))
			}
			out = append(out, []string{t.Team, wk.Week.String(), strconv.Itoa(wk.All), strconv.Itoa(wk.CustomerFacing),
				strconv.Itoa(wk.BySeverity[debrief.SEV1]), strconv.Itoa(wk.BySeverity[debrief.SEV2]),
				strconv.Itoa(wk.BySeverity[debrief.SEV3]), strconv.Itoa(wk.BySeverity[debrief.SEV4]),
				num(wk.AvgAll), num(wk.AvgCustomerFacing), pages, strings.Join(hard, "+"), strconv.FormatBool(wk.Reactive)})
		}
	}
	return out
}
