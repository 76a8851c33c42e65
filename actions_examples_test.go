package debrief_test

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// exampleKin reads the example archive as the stores will hand it to
// CollectActions and RiskRegister: each postmortem with its kinds.
func exampleKin(t *testing.T) ([]*debrief.Kin, []*debrief.Postmortem) {
	t.Helper()
	files, _ := filepath.Glob("examples/PM-*.md")
	if len(files) == 0 {
		t.Fatal("no example postmortems")
	}
	var kin []*debrief.Kin
	var pms []*debrief.Postmortem
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, probs := markdown.Parse(src)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", f, probs)
		}
		p := d.Postmortem
		pms = append(pms, p)
		kin = append(kin, &debrief.Kin{Summary: p.Summary(), Kinds: debrief.DefaultKinds().Infer(p), ActionItems: p.ActionItems})
	}
	return kin, pms
}

var arithmetic = regexp.MustCompile(`^value [1-5]/5 × harm \d+\.\d \(.+\)( × recurred 1\.5)? ÷ \d+(\.\d+)? days? = \d+\.\d$`)

// TestFollowThroughOnTheExamples runs the whole follow-through on the
// example archive: every open item is ranked or listed as unscored, every
// score shows arithmetic that reads as documented, and the figures and the
// register hold no impossible numbers.
func TestFollowThroughOnTheExamples(t *testing.T) {
	kin, pms := exampleKin(t)
	today, _ := debrief.ParseDate("2026-06-01")
	actions := debrief.CollectActions(kin, debrief.ActionDates{}, today)
	open := debrief.OpenActions().Filter(actions, today)
	r := debrief.RankActions(open, nil, debrief.DefaultScoreWeights(), today)
	if len(r.Ranked) == 0 || len(r.Ranked)+len(r.Unscored) != len(open) {
		t.Fatalf("%d ranked and %d unscored of %d open items", len(r.Ranked), len(r.Unscored), len(open))
	}
	shared, recurred := 0, 0
	for i, ra := range r.Ranked {
		s := ra.Score.String()
		if !arithmetic.MatchString(s) || math.IsNaN(ra.Score.Score) || ra.Score.Score <= 0 {
			t.Errorf("%s: %s", ra.Item.ID, s)
		}
		if i > 0 && r.Ranked[i-1].Score.Score < ra.Score.Score-0.05 {
			t.Errorf("%s (%.2f) ranked after %s (%.2f)", ra.Item.ID, ra.Score.Score, r.Ranked[i-1].Item.ID, r.Ranked[i-1].Score.Score)
		}
		if len(ra.Incidents) > 1 {
			shared++
		}
		if ra.Score.Recurred > 1 {
			recurred++
		}
	}
	for _, ra := range r.Unscored {
		if ra.Item.Value >= 1 && ra.Item.EffortDays > 0 {
			t.Errorf("%s has a value and an effort but is unscored", ra.Item.ID)
		}
	}
	t.Logf("%d open items: %d ranked (%d shared by several postmortems, %d raised by a recurrence), %d unscored; first: %s %s",
		len(open), len(r.Ranked), shared, recurred, len(r.Unscored), r.Ranked[0].Item.ID, r.Ranked[0].Score)

	for _, by := range []debrief.FollowThroughBy{debrief.ByTeam, debrief.ByKind, debrief.ByFamily} {
		rows := debrief.FollowThroughFigures(actions, by, debrief.LastDays(today, 365), today)
		if len(rows) < 2 || rows[0].Group != "all" {
			t.Errorf("by %s: %d rows", by, len(rows))
		}
		for _, row := range rows {
			for _, f := range row.Figures() {
				if f.OK && (math.IsNaN(f.Value) || f.Value < 0 || strings.HasSuffix(f.Text, "%") && f.Value > 1) || f.How == "" || f.Text == "" {
					t.Errorf("by %s, %s: %s = %q (%g)", by, row.Group, f.Name, f.Text, f.Value)
				}
			}
		}
	}

	var risks []*debrief.ArchiveRisk
	byID := map[string]*debrief.ArchiveRisk{}
	for i, p := range pms {
		for _, rk := range p.AcceptedRisks {
			if byID[rk.ID] == nil {
				byID[rk.ID] = &debrief.ArchiveRisk{Risk: rk}
				risks = append(risks, byID[rk.ID])
			}
			byID[rk.ID].Postmortems = append(byID[rk.ID].Postmortems, kin[i])
		}
	}
	reg := debrief.RiskRegister(risks, kin, today)
	if len(reg) != len(risks) || len(reg) == 0 {
		t.Fatalf("register of %d risks has %d entries", len(risks), len(reg))
	}
	for _, e := range reg {
		for _, inc := range e.During {
			if !e.From.Before(inc.Date) || e.To.Before(inc.Date) || inc.Because == "" {
				t.Errorf("%s lists %s of %s outside %s–%s", e.Risk.ID, inc.ID, inc.Date, e.From, e.To)
			}
		}
	}
}
