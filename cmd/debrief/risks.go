package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/debrief/debrief"
	"github.com/spf13/cobra"
)

func newRisksCmd(g *globals) *cobra.Command {
	var (
		o      storeOptions
		teams  []string
		format string
	)
	cmd := &cobra.Command{
		Use:   "risks",
		Short: "List the accepted-risk register",
		Long: `Risks lists every accepted risk of the archive: what we wait for, until when,
what stays risky or manual meanwhile, the owner team and the review date,
flagged when the review is overdue, when the until date has passed, and with
the incidents like it that happened while it was accepted (docs/actions.md).
Overdue reviews come first. Like export, it reads the whole archive,
restricted postmortems included.

Exit status: 0, or 2 on usage or I/O errors.`,
		Example: `  debrief risks
  debrief risks --team payments --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
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
			var reg []*debrief.RiskEntry
			keys := debrief.Keys(teams)
			for _, e := range d.Register(debrief.DateOf(g.now().UTC())) {
				if len(keys) == 0 || len(debrief.Keys([]string{e.Risk.OwnerTeam})) == 1 && contains(keys, debrief.Keys([]string{e.Risk.OwnerTeam})[0]) {
					reg = append(reg, e)
				}
			}
			switch format {
			case "json":
				return writeRisksJSON(g.stdout, reg)
			case "csv":
				return writeRisksCSV(g.stdout, reg)
			}
			return writeRisksText(g.stdout, reg)
		},
	}
	cmd.Flags().StringSliceVar(&teams, "team", nil, "owner team (repeat for several)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or csv")
	addStoreFlags(cmd, &o)
	return cmd
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func riskPostmortems(e *debrief.RiskEntry) []string {
	var out []string
	for _, k := range e.Postmortems {
		out = append(out, k.Summary.ID)
	}
	return out
}

func writeRisksText(w io.Writer, reg []*debrief.RiskEntry) error {
	e := &errw{w: w}
	e.printf("Accepted risks (%d):\n", len(reg))
	for _, r := range reg {
		e.printf("\n%s %s\n  owner %s; review by %s; accepted in %s\n", r.Risk.ID, r.Risk.Risk, r.Risk.OwnerTeam, orDash(r.Risk.ReviewBy.String()),
			strings.Join(riskPostmortems(r), ", "))
		if r.Risk.WaitingFor != "" {
			e.printf("  waiting for %s until %s\n", r.Risk.WaitingFor, orDash(r.Risk.Until.String()))
		}
		if r.Risk.Meanwhile != "" {
			e.printf("  meanwhile: %s\n", r.Risk.Meanwhile)
		}
		for _, f := range r.Flags() {
			e.printf("  ! %s\n", f)
		}
		for _, inc := range r.During {
			e.printf("    %s %s (%s; %s)\n", inc.ID, inc.Title, inc.Date, inc.Because)
		}
	}
	return e.err
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

type riskOut struct {
	ID            string   `json:"id"`
	Risk          string   `json:"risk"`
	WaitingFor    string   `json:"waiting_for,omitempty"`
	Until         string   `json:"until,omitempty"`
	Meanwhile     string   `json:"meanwhile,omitempty"`
	OwnerTeam     string   `json:"owner_team"`
	ReviewBy      string   `json:"review_by,omitempty"`
	Postmortems   []string `json:"postmortems"`
	ReviewOverdue bool     `json:"review_overdue"`
	UntilPassed   bool     `json:"until_passed"`
	Flags         []string `json:"flags"`
	During        []string `json:"incidents_while_accepted"`
}

func toRiskOut(r *debrief.RiskEntry) riskOut {
	o := riskOut{ID: r.Risk.ID, Risk: r.Risk.Risk, WaitingFor: r.Risk.WaitingFor, Until: r.Risk.Until.String(), Meanwhile: r.Risk.Meanwhile,
		OwnerTeam: r.Risk.OwnerTeam, ReviewBy: r.Risk.ReviewBy.String(), Postmortems: riskPostmortems(r), ReviewOverdue: r.ReviewOverdue,
		UntilPassed: r.UntilPassed, Flags: append([]string{}, r.Flags()...), During: []string{}}
	for _, inc := range r.During {
		o.During = append(o.During, inc.ID)
	}
	return o
}

func writeRisksJSON(w io.Writer, reg []*debrief.RiskEntry) error {
	out := []riskOut{}
	for _, r := range reg {
		out = append(out, toRiskOut(r))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeRisksCSV(w io.Writer, reg []*debrief.RiskEntry) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "risk", "waiting_for", "until", "meanwhile", "owner_team", "review_by", "postmortems", "review_overdue", "until_passed", "incidents_while_accepted"})
	for _, r := range reg {
		o := toRiskOut(r)
		_ = cw.Write([]string{o.ID, o.Risk, o.WaitingFor, o.Until, o.Meanwhile, o.OwnerTeam, o.ReviewBy, strings.Join(o.Postmortems, " "),
			strconv.FormatBool(o.ReviewOverdue), strconv.FormatBool(o.UntilPassed), strings.Join(o.During, " ")})
	}
	cw.Flush()
	return cw.Error()
}
