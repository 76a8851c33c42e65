package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/debrief/debrief"
	"github.com/spf13/cobra"
)

func newFamiliesCmd(g *globals) *cobra.Command {
	var o storeOptions
	var format string
	var all bool
	cmd := &cobra.Command{
		Use:   "families [KIND]",
		Short: "List the archive's families of incidents of the same kind",
		Long: `Families groups the archive by incident kind (docs/kinds.md): every family is
one kind of incident, with its incidents over time, the fixes done between
them, and its action items still open. When an incident follows a fix of an
earlier one of the same kind that was marked done, it says so: "recurred
although ACT-107 was done".

Without KIND it lists every family with at least two incidents (--all for
every family); with KIND, that family only. Like export, it reads the whole
archive, restricted postmortems included.

Exit status: 0, or 2 on usage or I/O errors.`,
		Example: `  debrief families
  debrief families cert-expiry
  debrief families --format csv > families.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "text", "json", "csv":
			default:
				return usageErrorf("--format %q is not one of text, json, csv", format)
			}
			s, err := openStore(cmd.Context(), g, o)
			if err != nil {
				return err
			}
			defer s.Close()
			var kinds []string
			if len(args) == 1 {
				kinds = args[0:1]
			} else {
				sums, err := s.Families(cmd.Context(), debrief.Operator)
				if err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				for _, f := range sums {
					if all || f.Incidents > 1 {
						kinds = append(kinds, f.Kind.ID)
					}
				}
			}
			var fams []*debrief.Family
			for _, k := range kinds {
				f, err := s.Family(cmd.Context(), debrief.Operator, k)
				if err != nil {
					return &exitError{code: 2, msg: debrief.ErrorMessage(err)}
				}
				fams = append(fams, f)
			}
			switch format {
			case "json":
				return writeFamiliesJSON(g.stdout, fams)
			case "csv":
				return writeFamiliesCSV(g.stdout, fams)
			}
			writeFamiliesText(g.stdout, fams, debrief.DateOf(g.now().UTC()))
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or csv")
	cmd.Flags().BoolVar(&all, "all", false, "list families of a single incident too")
	addStoreFlags(cmd, &o)
	return cmd
}

// recurredOf returns, for each incident id, the recurrences that end in it.
func recurredOf(f *debrief.Family) map[string][]debrief.Recurrence {
	out := map[string][]debrief.Recurrence{}
	for _, r := range f.Recurrences {
		out[r.Later.ID] = append(out[r.Later.ID], r)
	}
	return out
}

func writeFamiliesText(w io.Writer, fams []*debrief.Family, today debrief.Date) {
	if len(fams) == 0 {
		fmt.Fprintln(w, "No family has more than one incident yet.")
		return
	}
	for i, f := range fams {
		if i > 0 {
			fmt.Fprintln(w)
		}
		n := len(f.Incidents)
		span := ""
		if n > 0 {
			span = fmt.Sprintf(", %s to %s", f.Incidents[0].Date, f.Incidents[n-1].Date)
		}
		fmt.Fprintf(w, "%s (%s): %d %s%s\n", f.Kind.Name, f.Kind.ID, n, "incident"+plural(n), span)
		rec := recurredOf(f)
		for _, in := range f.Incidents {
			fmt.Fprintf(w, "  %-10s  %s  %s\n", in.Date, in.ID, in.Title)
			for _, r := range rec[in.ID] {
				fmt.Fprintf(w, "              recurred although %s was done (%s: %s)\n", r.Fix.ID, r.Earlier.ID, r.Fix.Title)
			}
		}
		for _, a := range f.Open {
			late := ""
			if a.Overdue(today) {
				late = ", overdue"
			}
			fmt.Fprintf(w, "  open: %s %s (%s, due %s%s)\n", a.ID, a.Title, a.OwnerTeam, a.Due, late)
		}
	}
}

type familyJSON struct {
	Kind        string               `json:"kind"`
	Name        string               `json:"name"`
	Definition  string               `json:"definition"`
	Incidents   []familyIncidentJSON `json:"incidents"`
	Recurrences []recurrenceJSON     `json:"recurrences"`
	Open        []familyItemJSON     `json:"open_action_items"`
}

type familyIncidentJSON struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Date        string           `json:"date"`
	Severity    string           `json:"severity"`
	Score       float64          `json:"kind_score"`
	Confirmed   bool             `json:"confirmed"`
	Evidence    []string         `json:"evidence"`
	FixedBefore []familyItemJSON `json:"done_before_it"`
}

type familyItemJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	OwnerTeam string `json:"owner_team"`
	Status    string `json:"status"`
	Due       string `json:"due,omitempty"`
}

type recurrenceJSON struct {
	Earlier string `json:"earlier"`
	Later   string `json:"later"`
	Fix     string `json:"fix"`
	DoneBy  string `json:"done_by"`
	Text    string `json:"text"`
}

func itemJSON(a debrief.ActionItem) familyItemJSON {
	d := ""
	if !a.Due.IsZero() {
		d = a.Due.String()
	}
	return familyItemJSON{ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Status: string(a.Status), Due: d}
}

func toFamilyJSON(f *debrief.Family) familyJSON {
	out := familyJSON{Kind: f.Kind.ID, Name: f.Kind.Name, Definition: f.Kind.Definition,
		Incidents: []familyIncidentJSON{}, Recurrences: []recurrenceJSON{}, Open: []familyItemJSON{}}
	for _, in := range f.Incidents {
		j := familyIncidentJSON{ID: in.ID, Title: in.Title, Date: in.Date.String(), Severity: string(in.Severity),
			Score: in.Match.Score, Confirmed: in.Match.Confirmed, Evidence: in.Match.Evidence, FixedBefore: []familyItemJSON{}}
		if j.Evidence == nil {
			j.Evidence = []string{}
		}
		for _, a := range in.FixedBefore {
			j.FixedBefore = append(j.FixedBefore, itemJSON(a))
		}
		out.Incidents = append(out.Incidents, j)
	}
	for _, r := range f.Recurrences {
		out.Recurrences = append(out.Recurrences, recurrenceJSON{Earlier: r.Earlier.ID, Later: r.Later.ID, Fix: r.Fix.ID, DoneBy: r.DoneBy.String(), Text: r.String()})
	}
	for _, a := range f.Open {
		out.Open = append(out.Open, itemJSON(a))
	}
	return out
}

func writeFamiliesJSON(w io.Writer, fams []*debrief.Family) error {
	out := make([]familyJSON, 0, len(fams))
	for _, f := range fams {
		out = append(out, toFamilyJSON(f))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"families": out})
}

func writeFamiliesCSV(w io.Writer, fams []*debrief.Family) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"kind", "kind_name", "date", "id", "title", "severity", "kind_score", "done_before_it", "recurred_although_done"})
	for _, f := range fams {
		rec := recurredOf(f)
		for _, in := range f.Incidents {
			var fixed, recurred []string
			for _, a := range in.FixedBefore {
				fixed = append(fixed, a.ID)
			}
			for _, r := range rec[in.ID] {
				recurred = append(recurred, r.Fix.ID)
			}
			_ = cw.Write([]string{f.Kind.ID, f.Kind.Name, in.Date.String(), in.ID, in.Title, string(in.Severity),
				fmt.Sprintf("%.2f", in.Match.Score), strings.Join(fixed, " "), strings.Join(recurred, " ")})
		}
	}
	cw.Flush()
	return cw.Error()
}
