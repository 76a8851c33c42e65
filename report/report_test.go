package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/oncall"
	"github.com/debrief/debrief/paging"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var computed = time.Date(2026, 3, 23, 7, 30, 0, 0, time.UTC)

func date(s string) debrief.Date {
	d, err := debrief.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// secret is the title of a restricted postmortem: no report may show it.
const secret = "Credential stuffing against auth-service"

func loadReport() Report {
	f := func(day string, sev debrief.Severity, cf bool, teams ...string) debrief.IncidentFact {
		return debrief.IncidentFact{Date: date(day), Teams: teams, Severity: sev, CustomerFacing: cf}
	}
	facts := []debrief.IncidentFact{
		f("2026-02-03", debrief.SEV2, true, "logistics"), f("2026-02-09", debrief.SEV2, true, "logistics"),
		f("2026-02-13", debrief.SEV2, true, "logistics", "mobile"), f("2026-02-18", debrief.SEV3, true, "logistics", "platform"),
		f("2026-02-24", debrief.SEV3, true, "logistics", "mobile"), f("2026-03-02", debrief.SEV2, true, "logistics", "platform"),
		f("2026-03-03", debrief.SEV4, false, "logistics"), f("2026-03-06", debrief.SEV2, true, "logistics", "platform"),
	}
	paging := map[string][]debrief.PagerWeek{"logistics": {
		{Week: debrief.ISOWeek{Year: 2026, Week: 6}, Pages: 47}, {Week: debrief.ISOWeek{Year: 2026, Week: 7}, Pages: 55},
		{Week: debrief.ISOWeek{Year: 2026, Week: 8}, Pages: 48}, {Week: debrief.ISOWeek{Year: 2026, Week: 9}, Pages: 43},
		{Week: debrief.ISOWeek{Year: 2026, Week: 10}, Pages: 75},
	}}
	first, last := debrief.ISOWeek{Year: 2026, Week: 6}, debrief.ISOWeek{Year: 2026, Week: 10}
	return NewLoad(debrief.Load(facts, paging, first, last, debrief.DefaultReactiveRule), first, last, debrief.DefaultReactiveRule, computed)
}

func onCallReport(t *testing.T) Report {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	at := func(s string) time.Time {
		v, _ := time.ParseInLocation("2006-01-02 15:04", s, loc)
		return v
	}
	var pages []paging.Page
	add := func(alert, service, when string, ack, res time.Duration, by paging.Resolver) {
		p := paging.Page{Source: "t", SourceID: when + alert, Team: "logistics", Service: service, Alert: alert, Urgency: paging.High,
			Triggered: at(when), AckTracked: true, ResolvedBy: by}
		if ack > 0 {
			p.Acknowledged = p.Triggered.Add(ack)
		}
		p.Resolved = p.Triggered.Add(res)
		pages = append(pages, p)
	}
	m := time.Minute
	for _, when := range []string{"2026-02-10 02:00", "2026-02-10 02:10", "2026-02-10 02:20", "2026-02-10 02:30", "2026-02-11 06:00", "2026-02-12 21:00"} {
		add("DispatchQueueLagHigh", "dispatch", when, 0, 3*m, paging.BySystem)
	}
	add("RoutingEngineMemoryHigh", "routing-engine", "2026-02-11 10:00", 4*m, 50*m, paging.ByPerson)
	add("DispatchQueueLagHigh", "dispatch", "2026-02-03 05:00", 2*m, 30*m, paging.ByPerson) // the week before
	o := oncall.DefaultOptions(loc)
	tr := oncall.Compare(pages, at("2026-02-09 00:00"), at("2026-02-16 00:00"), o)
	return &OnCall{Computed: computed, Teams: []TeamOnCall{{Team: "logistics", Trend: tr}}}
}

func kindsReport() Report {
	certKind := []debrief.KindMatch{{ID: "cert-expiry", Name: "Certificate expiry", Score: 1}}
	kin := func(id, title, day string, restricted bool, teams []string, items ...debrief.ActionItem) *debrief.Kin {
		return &debrief.Kin{Summary: &debrief.PostmortemSummary{ID: id, Title: title, Date: date(day), Restricted: restricted,
			Services: []string{"edge-lb"}, Teams: teams}, Kinds: certKind, ActionItems: items}
	}
	fix := func(id, status, due string) debrief.ActionItem {
		return debrief.ActionItem{ID: id, Title: "Renew " + id, OwnerTeam: "platform", Kind: debrief.KindPrevent, Status: debrief.ActionStatus(status), Due: date(due)}
	}
	ks, _ := debrief.CompileKinds([]debrief.IncidentKind{{ID: "cert-expiry", Name: "Certificate expiry", Strong: []string{"x509"}}})
	members := debrief.GroupKin([]*debrief.Kin{
		kin("PM-2025-003", "Edge certificate expired", "2025-06-10", false, []string{"platform"}, fix("ACT-107", "done", "2025-07-01")),
		kin("PM-2025-014", "Ledger mTLS certificate expired", "2025-11-12", false, []string{"platform", "payments"}, fix("ACT-134", "done", "2026-01-15")),
		kin("PM-2026-018", secret, "2026-03-01", true, []string{"platform"}),
	}, ks)
	trends := debrief.RecurringKinds(members, nil, date("2025-01-01"), date("2026-03-31"), date("2026-03-23"))
	return NewKinds(trends, date("2025-01-01"), date("2026-03-31"), computed)
}

func processReport() Report {
	published := &debrief.Postmortem{ID: "PM-2026-005", Title: "Hamburg morning deliveries stalled", Status: debrief.StatusPublished,
		Started: time.Date(2026, 2, 9, 5, 2, 0, 0, time.UTC), ReviewDate: date("2026-02-19"),
		Body: "## What was missing\n\nA lag alert that tells a stall from noise.\n\n## What behaved unexpectedly\n\nThe assigner.\n\n## Assumptions proven wrong\n\nThat the alert was noise.\n"}
	late := &debrief.Postmortem{ID: "PM-2026-013", Title: "Geocoding quota exhausted", Status: debrief.StatusInReview,
		Started: time.Date(2026, 3, 18, 13, 5, 0, 0, time.UTC), ReviewDate: date("2026-03-20"), Body: "## What was missing\n\n<!-- guide -->\n"}
	restricted := &debrief.Postmortem{ID: "PM-2026-018", Title: secret, Status: debrief.StatusDraft, Restricted: true,
		Started: time.Date(2026, 3, 1, 1, 10, 0, 0, time.UTC), ReviewDate: date("2026-03-10")}
	facts := []debrief.ProcessFact{
		debrief.ProcessFactOf(published, date("2026-02-20")), debrief.ProcessFactOf(late, debrief.Date{}), debrief.ProcessFactOf(restricted, debrief.Date{}),
	}
	lang := []debrief.LanguageFact{{Date: date("2026-02-09"), Blame: 0}, {Date: date("2026-03-01"), Blame: 3, RootCause: 1}, {Date: date("2026-03-18"), RootCause: 1}}
	return NewProcess(debrief.ProcessHealth(facts, lang, date("2026-02-01"), date("2026-03-31"), date("2026-03-23")), computed)
}

func TestGolden(t *testing.T) {
	reports := []Report{loadReport(), onCallReport(t), kindsReport(), processReport()}
	for _, r := range reports {
		for _, f := range []Format{Text, JSON, CSV} {
			t.Run(r.Name()+"."+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, f, r); err != nil {
					t.Fatal(err)
				}
				got := buf.String()
				if strings.Contains(got, secret) || strings.Contains(got, "PM-2026-018") {
					t.Errorf("the restricted postmortem shows:\n%s", got)
				}
				if f == JSON && !json.Valid(buf.Bytes()) {
					t.Errorf("not JSON:\n%s", got)
				}
				path := filepath.Join("testdata", r.Name()+"."+string(f))
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (go test ./report -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs; run go test ./report -update and look at the diff:\n%s", path, got)
				}
			})
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"text", "json", "csv"} {
		if f, err := ParseFormat(s); err != nil || string(f) != s {
			t.Errorf("%s: %v", s, err)
		}
	}
	if _, err := ParseFormat("yaml"); err == nil || !strings.Contains(err.Error(), "use text, json or csv") {
		t.Errorf("yaml: %v", err)
	}
}
