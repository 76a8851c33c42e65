package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/spf13/cobra"
)

// actionFlags are the filters of `debrief actions`, as the list page and
// the API take them.
type actionFlags struct {
	teams, statuses, kinds, postmortems, services, families []string
	overdue                                                 bool
	dueBefore                                               string
}

func (f *actionFlags) filter() (debrief.ActionFilter, error) {
	out := debrief.ActionFilter{Teams: f.teams, Postmortems: f.postmortems, Services: f.services, IncidentKinds: f.families, Overdue: f.overdue}
	for _, s := range f.statuses {
		st := debrief.ActionStatus(strings.TrimSpace(s))
		if !slices.Contains(debrief.ActionStatuses, st) {
			return out, usageErrorf("--status %q is not one of open, in-progress, done, wont-do", s)
		}
		out.Statuses = append(out.Statuses, st)
	}
	if len(out.Statuses) == 0 {
		out.Statuses = debrief.OpenActions().Statuses
	}
	for _, k := range f.kinds {
		kind := debrief.ActionKind(strings.TrimSpace(k))
		if !slices.Contains(debrief.ActionKinds, kind) {
			return out, usageErrorf("--kind %q is not one of detect, mitigate, prevent, process", k)
		}
		out.Kinds = append(out.Kinds, kind)
	}
	if f.dueBefore != "" {
		d, err := debrief.ParseDate(f.dueBefore)
		if err != nil {
			return out, usageErrorf("--due-before %q: write the date as YYYY-MM-DD", f.dueBefore)
		}
		out.DueBefore = d
	}
	return out, nil
}

func checkFormat(format string) error {
	switch format {
	case "text", "json", "csv":
		return nil
	}
	return usageErrorf("--format %q is not one of text, json, csv", format)
}

// scoreWeights reads the score's weights from the .debrief.yaml of the
// working folder.
func scoreWeights() (debrief.ScoreWeights, error) {
	cfg, err := (&config.Finder{}).For(".")
	if err != nil {
		return debrief.ScoreWeights{}, &exitError{code: 2, msg: err.Error()}
	}
	w, err := cfg.Weights()
	if err != nil {
		return w, &exitError{code: 2, msg: debrief.ErrorMessage(err)}
	}
	return w, nil
}

func newActionsCmd(g *globals) *cobra.Command {
	var (
		o      storeOptions
		f      actionFlags
		format string
	)
	cmd := &cobra.Command{
		Use:   "actions",
		Short: "List the archive's action items, ranked by the return for the work",
		Long: `Actions lists the action items of the whole archive still to do (or those of
--status), ranked by value/5 × harm × recurred ÷ effort days, each with its
arithmetic (docs/actions.md). Items without a value or an effort are listed
apart, unscored. Filters combine; a repeated filter matches any of its values.
The score's weights come from the score: section of .debrief.yaml. Like
export, it reads the whole archive, restricted postmortems included.

Exit status: 0, or 2 on usage or I/O errors.`,
		Example: `  debrief actions
  debrief actions --team payments --overdue
  debrief actions --family cert-expiry --format csv > actions.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			filter, err := f.filter()
			if err != nil {
				return err
			}
			w, err := scoreWeights()
			if err != nil {
				return err
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := s.FollowThrough(cmd.Context(), debrief.Operator)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			r := d.Rank(filter, w, debrief.DateOf(g.now().UTC()))
			switch format {
			case "json":
				return writeActionsJSON(g.stdout, r)
			case "csv":
				return writeActionsCSV(g.stdout, r)
			}
			return writeActionsText(g.stdout, r)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&f.teams, "team", nil, "owner team (repeat for several)")
	fl.StringSliceVar(&f.statuses, "status", nil, "status: open, in-progress, done, wont-do (default open and in-progress)")
	fl.StringSliceVar(&f.kinds, "kind", nil, "action kind: detect, mitigate, prevent, process")
	fl.BoolVar(&f.overdue, "overdue", false, "only items open past their due date")
	fl.StringVar(&f.dueBefore, "due-before", "", "only items due before the date (YYYY-MM-DD)")
	fl.StringSliceVar(&f.postmortems, "postmortem", nil, "only items listed by the postmortem")
	fl.StringSliceVar(&f.services, "service", nil, "only items whose incidents affected the service")
	fl.StringSliceVar(&f.families, "family", nil, "only items whose incidents belong to the family of the incident kind")
	fl.StringVar(&format, "format", "text", "output format: text, json or csv")
	addStoreFlags(cmd, &o)
	return cmd
}

func actionLine(ra *debrief.RankedAction) string {
	it := ra.Item
	st := it.Status
	if st == "" {
		st = debrief.ActionOpen
	}
	parts := []string{it.OwnerTeam, string(st)}
	if !it.Due.IsZero() {
		parts = append(parts, "due "+it.Due.String())
	}
	if ra.Overdue {
		parts = append(parts, "overdue")
	}
	return fmt.Sprintf("%s %s [%s] (%s)", it.ID, it.Title, strings.Join(parts, ", "), strings.Join(ra.PostmortemIDs(), ", "))
}

func writeActionsText(w io.Writer, r *debrief.ActionRanking) error {
	e := &errw{w: w}
	e.printf("Ranked by return for the work (%d):\n", len(r.Ranked))
	for _, ra := range r.Ranked {
		e.printf("%3d. %s\n     %s\n", ra.Rank, actionLine(ra), ra.Score)
		if ra.Pin != nil {
			e.printf("     %s\n", ra.Pin)
		}
	}
	e.printf("\nUnscored: no value or no effort (%d):\n", len(r.Unscored))
	for _, ra := range r.Unscored {
		e.printf("   - %s\n     %s\n", actionLine(ra), ra.Score)
	}
	return e.err
}

// errw keeps the first write error.
type errw struct {
	w   io.Writer
	err error
}

func (e *errw) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

type actionOut struct {
	Rank        int      `json:"rank,omitempty"`
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	OwnerTeam   string   `json:"owner_team"`
	Status      string   `json:"status"`
	Due         string   `json:"due,omitempty"`
	Overdue     bool     `json:"overdue"`
	Score       *float64 `json:"score"`
	Arithmetic  string   `json:"arithmetic"`
	Postmortems []string `json:"postmortems"`
	Pin         string   `json:"pin,omitempty"`
}

func toActionOut(ra *debrief.RankedAction) actionOut {
	st := ra.Item.Status
	if st == "" {
		st = debrief.ActionOpen
	}
	o := actionOut{Rank: ra.Rank, ID: ra.Item.ID, Title: ra.Item.Title, OwnerTeam: ra.Item.OwnerTeam, Status: string(st),
		Due: ra.Item.Due.String(), Overdue: ra.Overdue, Arithmetic: ra.Score.String(), Postmortems: ra.PostmortemIDs()}
	if ra.Score.Scored() {
		sc := ra.Score.Score
		o.Score = &sc
	}
	if ra.Pin != nil {
		o.Pin = ra.Pin.String()
	}
	return o
}

func writeActionsJSON(w io.Writer, r *debrief.ActionRanking) error {
	out := struct {
		Ranked   []actionOut `json:"ranked"`
		Unscored []actionOut `json:"unscored"`
	}{[]actionOut{}, []actionOut{}}
	for _, ra := range r.Ranked {
		out.Ranked = append(out.Ranked, toActionOut(ra))
	}
	for _, ra := range r.Unscored {
		out.Unscored = append(out.Unscored, toActionOut(ra))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeActionsCSV(w io.Writer, r *debrief.ActionRanking) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"rank", "id", "title", "owner_team", "status", "due", "overdue", "score", "arithmetic", "postmortems", "pin"})
	for _, ra := range append(slices.Clone(r.Ranked), r.Unscored...) {
		o := toActionOut(ra)
		rank, score := "", ""
		if o.Rank > 0 {
			rank = strconv.Itoa(o.Rank)
		}
		if o.Score != nil {
			score = strconv.FormatFloat(*o.Score, 'f', 2, 64)
		}
		_ = cw.Write([]string{rank, o.ID, o.Title, o.OwnerTeam, o.Status, o.Due, strconv.FormatBool(o.Overdue), score, o.Arithmetic,
			strings.Join(o.Postmortems, " "), o.Pin})
	}
	cw.Flush()
	return cw.Error()
}
