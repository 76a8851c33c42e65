package web

import (
	"fmt"
	"io"
	"testing"

	"github.com/debrief/debrief"
)

// BenchmarkSimilarTemplate renders a first view's similar panel: five
// similar incidents, as a page shows them.
func BenchmarkSimilarTemplate(b *testing.B) {
	p := newPages(&Config{Taxonomy: debrief.DefaultTaxonomy()})
	panel := similarPanel{ID: "PM-2026-100", Date: debrief.Date{Year: 2026, Month: 3, Day: 2}}
	for i := range similarLimit {
		sp := &debrief.SimilarPostmortem{
			PostmortemSummary: &debrief.PostmortemSummary{ID: fmt.Sprintf("PM-2025-%03d", i), Title: "Checkout errors after a certificate expired", Severity: debrief.SEV2, Date: debrief.Date{Year: 2025, Month: 11, Day: 1 + i}},
			Reasons:           []string{"same kind: certificate expiry", "same service: payments-api"},
			Actions:           debrief.ActionProgress{Total: 3, Done: 3},
		}
		panel.Items = append(panel.Items, similarView{SimilarPostmortem: sp, Earlier: true, Recurred: i%2 == 0})
	}
	t := p.tmpl["postmortem"]
	for b.Loop() {
		if err := t.ExecuteTemplate(io.Discard, "similar", panel); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentTemplate renders a first view's document part with
// five action items and two accepted risks, its Markdown already
// rendered.
func BenchmarkDocumentTemplate(b *testing.B) {
	p := newPages(&Config{Taxonomy: debrief.DefaultTaxonomy()})
	pm := &debrief.Postmortem{ID: "PM-2026-100", Title: "Checkout errors", Severity: debrief.SEV2, Status: debrief.StatusPublished, Teams: []string{"payments"}, Services: []string{"payments-api"}}
	dv := documentView{PM: pm, Body: "<p>The body.</p>", Linted: true, TimeToDetect: "7 min", TimeToResolve: "2 h"}
	for i := range 5 {
		a := debrief.ActionItem{ID: fmt.Sprintf("ACT-%d", i), Title: "Alert on certificate expiry", OwnerTeam: "payments", Kind: debrief.KindPrevent, Value: 4, EffortDays: 2, Due: debrief.Date{Year: 2026, Month: 4, Day: 1 + i}, Status: debrief.ActionDone}
		dv.Actions = append(dv.Actions, actionView{ActionItem: a, Overdue: i == 4})
	}
	for i := range 2 {
		rk := debrief.AcceptedRisk{ID: fmt.Sprintf("RISK-%d", i), Risk: "The old gateway stays", WaitingFor: "the migration", Until: debrief.Date{Year: 2026, Month: 9, Day: 1}, Meanwhile: "a manual check", OwnerTeam: "payments", ReviewBy: debrief.Date{Year: 2026, Month: 6, Day: 1}}
		dv.Risks = append(dv.Risks, riskView{AcceptedRisk: rk})
	}
	t := p.tmpl["postmortem"]
	for b.Loop() {
		if err := t.ExecuteTemplate(io.Discard, "pm_document", dv); err != nil {
			b.Fatal(err)
		}
	}
}
