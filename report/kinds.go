package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
)

// Kinds is the recurring kinds report: which kinds of incident come back,
// how often, for which teams, and whether the fixes made between them
// held.
type Kinds struct {
	Computed time.Time           `json:"computed"`
	From     debrief.Date        `json:"-"`
	To       debrief.Date        `json:"-"`
	Period   [2]string           `json:"period"`
	Kinds    []debrief.KindTrend `json:"kinds"`
}

// NewKinds returns the kinds report of trends (from debrief.RecurringKinds).
func NewKinds(trends []debrief.KindTrend, from, to debrief.Date, computed time.Time) *Kinds {
	return &Kinds{Computed: computed, From: from, To: to, Period: [2]string{from.String(), to.String()}, Kinds: trends}
}

// Name is "kinds".
func (k *Kinds) Name() string { return "kinds" }

func teamList(ts []debrief.TeamCount, sep string) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s %d", t.Team, t.Incidents))
	}
	return strings.Join(parts, sep)
}

func (k *Kinds) writeText(w io.Writer) error {
	e := &errWriter{w: w}
	e.printf("Kinds of incident, %s to %s (computed %s)\n", k.From, k.To, stamp(k.Computed))
	recurring := 0
	for _, t := range k.Kinds {
		if t.Recurring {
			recurring++
		}
	}
	e.printf("%s, %d of them came back.\n", plural(len(k.Kinds), "kind"), recurring)
	for _, t := range k.Kinds {
		e.printf("\n%s (%s): %s", t.Name, t.Kind, plural(t.Incidents, "incident"))
		if t.Recurring {
			e.printf(", one every %s days at the median", days(t.Gaps.Median))
		}
		e.printf("\n  teams: %s\n", teamList(t.Teams, ", "))
		e.printf("  fixes done: %d, held so far: %d, did not hold: %d; action items open: %d\n", t.FixesDone, t.FixesHeld, t.FixesFailed, t.Open)
		for _, r := range t.Recurrences {
			e.printf("  %s recurred although %s was done (%s, done by %s)\n", r.Later.ID, r.Fix, r.Earlier.ID, r.DoneBy)
		}
		if t.HiddenRecurrences > 0 {
			e.printf("  and %s involving restricted postmortems\n", plural(t.HiddenRecurrences, "more recurrence"))
		}
	}
	return e.err
}

func (k *Kinds) rows() [][]string {
	out := [][]string{{"kind", "name", "incidents", "recurring", "teams", "median_gap_days", "p90_gap_days", "fixes_done", "fixes_held", "fixes_failed", "open"}}
	for _, t := range k.Kinds {
		out = append(out, []string{t.Kind, t.Name, strconv.Itoa(t.Incidents), strconv.FormatBool(t.Recurring), teamList(t.Teams, "; "),
			days(t.Gaps.Median), days(t.Gaps.P90), strconv.Itoa(t.FixesDone), strconv.Itoa(t.FixesHeld), strconv.Itoa(t.FixesFailed), strconv.Itoa(t.Open)})
	}
	return out
}
