package report

import (
	"io"
	"strconv"
	"time"

	"github.com/debrief/debrief"
)

// Actions is the follow-through report: how action items are followed
// through, by team, kind or family, each figure with how it is computed.
type Actions struct {
	Computed time.Time    `json:"computed"`
	By       string       `json:"by"`
	Window   string       `json:"window"`
	Rows     []ActionsRow `json:"rows"`
}

// ActionsRow is one group's figures.
type ActionsRow struct {
	Group   string          `json:"group"`
	Due     int             `json:"due_in_window"`
	Figures []ActionsFigure `json:"figures"`
}

// ActionsFigure is one figure, with no value when there was nothing to
// compute it from.
type ActionsFigure struct {
	Name  string   `json:"name"`
	Value *float64 `json:"value"`
	Text  string   `json:"text"`
	How   string   `json:"how"`
}

// NewActions returns the report of rows (from debrief.FollowThroughFigures).
func NewActions(rows []debrief.FollowThrough, by debrief.FollowThroughBy, computed time.Time) *Actions {
	a := &Actions{Computed: computed, By: string(by), Rows: []ActionsRow{}}
	for _, r := range rows {
		a.Window = r.Window.String()
		ar := ActionsRow{Group: r.Group, Due: r.Due}
		for _, f := range r.Figures() {
			af := ActionsFigure{Name: f.Name, Text: f.Text, How: f.How}
			if f.OK {
				v := f.Value
				af.Value = &v
			}
			ar.Figures = append(ar.Figures, af)
		}
		a.Rows = append(a.Rows, ar)
	}
	return a
}

// Name is "actions".
func (a *Actions) Name() string { return "actions" }

func (a *Actions) writeText(w io.Writer) error {
	e := &errWriter{w: w}
	e.printf("Follow-through of action items by %s, %s (computed %s)\n", a.By, a.Window, stamp(a.Computed))
	for _, r := range a.Rows {
		e.printf("\n%s: %s due in the window\n", r.Group, plural(r.Due, "item"))
		for _, f := range r.Figures {
			e.printf("  %-22s %s\n", f.Name, f.Text)
		}
	}
	if len(a.Rows) > 0 {
		e.printf("\nHow each figure is computed:\n")
		for _, f := range a.Rows[0].Figures {
			e.printf("  %s: %s\n", f.Name, f.How)
		}
	}
	return e.err
}

func (a *Actions) rows() [][]string {
	out := [][]string{{a.By, "due_in_window", "figure", "value", "text", "how"}}
	for _, r := range a.Rows {
		for _, f := range r.Figures {
			v := ""
			if f.Value != nil {
				v = num(*f.Value)
			}
			out = append(out, []string{r.Group, strconv.Itoa(r.Due), f.Name, v, f.Text, f.How})
		}
	}
	return out
}
