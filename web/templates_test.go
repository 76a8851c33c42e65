package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/remind"
)

// TestEveryTemplateIsUsed checks that every file in templates/ belongs to
// some page, and that every file a page lists exists.
func TestEveryTemplateIsUsed(t *testing.T) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for page, names := range pageTemplates {
		if names[len(names)-1] != page {
			t.Errorf("page %s: its own template should come last, after its partials", page)
		}
		for _, n := range names {
			used["templates/"+n+".html"] = true
			if !slices.Contains(files, "templates/"+n+".html") {
				t.Errorf("page %s lists %s.html, which does not exist", page, n)
			}
		}
	}
	for _, f := range files {
		if !used[f] {
			t.Errorf("%s is not used by any page", f)
		}
	}
}

// TestEveryStaticFileIsUsed checks that every asset is referenced by a
// template and that every referenced asset exists.
func TestEveryStaticFileIsUsed(t *testing.T) {
	static, err := loadStatic()
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	files, _ := fs.Glob(templateFS, "templates/*.html")
	for _, f := range files {
		b, _ := templateFS.ReadFile(f)
		all.Write(b)
	}
	refs := regexp.MustCompile(`static "([^"]+)"`).FindAllStringSubmatch(all.String(), -1)
	referenced := map[string]bool{}
	for _, m := range refs {
		referenced[m[1]] = true
		if _, ok := static[m[1]]; !ok {
			t.Errorf("templates reference static %q, which does not exist", m[1])
		}
	}
	for name := range static {
		if !referenced[name] {
			t.Errorf("static/%s is not used by any template", name)
		}
	}
}

// TestEveryPageRenders executes every page with sample data, so that a
// template that parses but fails on real data is caught here.
func TestEveryPageRenders(t *testing.T) {
	p := newPages(&Config{Taxonomy: debrief.DefaultTaxonomy()})
	if p.log == nil {
		p.log = discardLogger()
	}
	u := &debrief.User{Name: "eve", Role: debrief.RoleEditor}
	b := Base{Title: "T", User: u, Nav: "archive", JSON: "/api/v1/postmortems", Notice: "Saved."}
	sum := &debrief.PostmortemSummary{ID: "PM-2026-001", Title: "A title", Severity: debrief.SEV1, Status: debrief.StatusPublished,
		Teams: []string{"payments"}, Date: debrief.Date{Year: 2026, Month: 3, Day: 3}, Snippet: debrief.Snippet{{Text: "a "}, {Text: "match", Match: true}}}
	pm := &debrief.Postmortem{ID: "PM-2026-001", Title: "A title", Severity: debrief.SEV2, Status: debrief.StatusDraft, Restricted: true,
		Teams: []string{"payments"}, Related: []string{"PM-2025-001"}, Started: time.Date(2026, 3, 3, 2, 14, 0, 0, time.UTC),
		ReviewDate: debrief.Date{Year: 2026, Month: 3, Day: 12}, Body: "\n## Summary\nText.\n", Version: 2}
	action := debrief.ActionItem{ID: "ACT-1", Title: "Do it", OwnerTeam: "platform", Due: debrief.Date{Year: 2026, Month: 1, Day: 1}, Status: debrief.ActionWontDo, Reason: "cost", Value: 3, EffortDays: 1.5, Link: "https://tracker.example/1"}
	sim := &debrief.SimilarPostmortem{PostmortemSummary: sum, Reasons: []string{"same service: api"}, Actions: debrief.ActionProgress{Total: 2, Done: 2}}
	ed := editorState{Mode: modeForm, Form: formOf(pm), Version: 2}
	kind := debrief.IncidentKind{ID: "cert-expiry", Name: "Certificate expiry", Definition: "A certificate expired."}
	rec := debrief.Recurrence{Kind: "cert-expiry", KindName: "Certificate expiry", Earlier: sum, Later: pm.Summary(), Fix: action}
	kin := &debrief.Kin{Summary: sum, ActionItems: []debrief.ActionItem{action}}
	scored := action
	scored.ID, scored.Status = "ACT-2", debrief.ActionOpen
	acts := []*debrief.ArchiveAction{{Item: action, Incidents: []*debrief.Kin{kin}}, {Item: scored, Incidents: []*debrief.Kin{kin, kin}, Recurrences: []debrief.Recurrence{rec}}}
	ranking := debrief.RankActions(acts, []debrief.Pin{{ItemID: "ACT-2", Team: "platform", Direction: debrief.PinAbove, Reason: "r"}}, debrief.DefaultScoreWeights(), sum.Date)
	pages := map[string]any{
		"archive": archiveView{Base: b, Query: "q", Error: "bad", Total: 1, Ranked: true, NextURL: "/?cursor=x", FirstURL: "/",
			Severities: debrief.Severities, Statuses: debrief.Statuses, Filters: archiveFilters{Team: "x", Severities: []string{"SEV1"}, Customer: "true"},
			Rows: []template.HTML{"<li>row</li>"}, Hints: []searchHint{{Text: "“dispatch” is a service, not a team.", TryURL: "/?q=service%3Adispatch", Try: "Search service:dispatch"}, {Text: "No postmortem names the team “x”."}}},
		"postmortem": postmortemView{Base: b, PM: pm, CanEdit: true, Doc: postmortemDoc{Document: "<p>doc</p>", Findings: "<p>findings</p>"},
			Similar:     similarPanel{Items: []similarView{{sim, true, true}}, Earlier: 1},
			Kinds:       []debrief.KindMatch{{ID: "cert-expiry", Name: "Certificate expiry", Score: 1, Evidence: []string{"cert lapsed"}}},
			Recurrences: []debrief.Recurrence{rec, {Kind: "cert-expiry", KindName: "Certificate expiry", Earlier: pm.Summary(), Later: sum, Fix: action}},
			SameTitle:   []*debrief.PostmortemSummary{sum},
			Review: reviewPanel{ID: pm.ID, Version: 2, CanApprove: true, Enabled: true, Open: 1, Sections: []string{"Summary"},
				Reviewers: []reviewerView{{Name: "max"}, {Name: "ada", Approved: true, Date: sum.Date}},
				Comments:  []*debrief.Comment{{ID: 1, Section: "Summary", Quote: "Text.", Body: "Why?", Author: "max"}, {ID: 2, Body: "Ok.", Author: "ada", Resolved: true, ResolvedBy: "eve"}}}},
		"families": familiesView{Base: b, Families: []debrief.FamilySummary{{Kind: kind, Incidents: 3, First: sum.Date, Last: sum.Date}}, Single: 2},
		"family": familyView{Base: b, F: &debrief.Family{Kind: kind, Incidents: []*debrief.FamilyIncident{{PostmortemSummary: sum, FixedBefore: []debrief.ActionItem{action}}},
			Recurrences: []debrief.Recurrence{rec}, Open: []debrief.ActionItem{action}}, Recurred: map[string][]debrief.Recurrence{sum.ID: {rec}}},
		"doc": docView{Base: b, HTML: "<h1>Guide</h1>"},
		"editor": editorView{Base: b, editorState: ed, Action: "/new", IsNew: true, Guide: debrief.Sections, Categories: []string{"automation"},
			Severities: debrief.Severities, Statuses: debrief.Statuses, ActionKinds: debrief.ActionKinds, ActionStatuses: debrief.ActionStatuses, Lint: true,
			Problems: []problemView{{Line: 3, Column: 1, Message: "m"}, {Field: "title", Message: "m"}}},
		"review": reviewPackView{Base: b, Document: "<p>doc</p>", Findings: "<p>findings</p>", Pack: &reviewPack{PM: pm, Today: sum.Date,
			Open:      []*debrief.Comment{{ID: 1, Section: "Summary", Quote: "Text.", Body: "Why?", Author: "max"}},
			Unwritten: []string{"Impact"}, Findings: []lint.Finding{{Line: 3, Column: 5, Category: "blame", Message: "m", Suggestion: "s"}},
			Similar: []*debrief.SimilarPostmortem{sim}, Overdue: []overdueItem{{PostmortemID: "PM-2025-001", ActionItem: action}}}},
		"new":      newView{Base: b, Severities: debrief.Severities, Guide: debrief.Sections},
		"conflict": conflictView{Base: b, ID: "PM-2026-001", Mine: "a\nb\n", Theirs: "a\nc\n", BaseVersion: 1, TheirVersion: 2, Diff: diffHunks(diffLines("a\nc\n", "a\nb\n"), 3), Changes: 2},
		"signin":   signinView{Base: Base{Title: "Sign in"}, Next: "/", Error: "wrong"},
		"error":    errorView{Base: b, Code: "not_found", Status: 404, Heading: "Not found", Message: "m", Hint: "h"},
		"actions": actionsView{Base: b, Ranking: ranking, Filter: map[string][]string{"team": {"platform"}}, Teams: []string{"platform"},
			Families: []string{"cert-expiry"}, Statuses: debrief.ActionStatuses, Kinds: debrief.ActionKinds, CanEdit: true, Back: "/action-items"},
		"action": actionPageView{Base: b, A: ranking.Ranked[0], ETag: `"x"`, CanEdit: true, Back: "/action-items/ACT-2",
			History: []debrief.Change{{Subject: debrief.SubjectAction, ID: "ACT-2", Field: "status", From: "open", To: "done", Who: "eve", At: time.Now(), Source: debrief.SourceWeb, Postmortem: "PM-2026-001", Note: "n"}}},
		"risks": risksView{Base: b, Entries: debrief.RiskRegister([]*debrief.ArchiveRisk{{Risk: debrief.AcceptedRisk{ID: "RISK-1", Risk: "r", WaitingFor: "w",
			Until: sum.Date, Meanwhile: "m", OwnerTeam: "platform", ReviewBy: sum.Date}, Postmortems: []*debrief.Kin{kin}}}, []*debrief.Kin{kin}, debrief.Date{Year: 2026, Month: 6, Day: 1}),
			History: map[string][]debrief.Change{}, CanEdit: true, Team: "platform"},
		"figures": figuresView{Base: b, By: "team", Rows: debrief.FollowThroughFigures(acts, debrief.ByTeam,
			debrief.LastDays(sum.Date, 90), sum.Date), Window: "w"},
		"outbox": outboxView{Base: b, Day: sum.Date, Sent: []remind.Sent{{Message: remind.Message{Key: "k", Team: "platform", Channel: "slack", Subject: "s", Text: "t"}}},
			Tomorrow: []*remind.Message{{Key: "k", Team: "platform", Channel: "email", Subject: "s", Text: "t"}}},
		"reminders": remindersView{Base: b, FileTeams: []string{"platform"}, Settings: []debrief.ReminderSetting{{Team: "payments", Email: []string{"a@example.com"}, SlackEnv: "X", By: "ada", At: time.Now()}}},
		"insights":  sampleInsightsView(b),
		"team":      sampleTeamView(b),
		"admin": adminView{Base: b, Roles: debrief.Roles, Problem: "m",
			Users: []*debrief.User{{Name: "ada", Role: debrief.RoleAdmin}, {Name: "eve", Role: debrief.RoleEditor, Teams: []string{"payments", "search"}}}},
		"audit": auditView{Base: b, Filter: debrief.AuditFilter{Actor: "ada", Action: debrief.AuditSignIn}, Actions: auditActions, Older: "/admin/audit?before=3",
			Events: []*debrief.AuditEvent{{ID: 4, At: time.Date(2026, 3, 3, 2, 14, 0, 0, time.UTC), Actor: "ada", Action: debrief.AuditSignIn, Target: "ada", Detail: "password", Origin: "192.0.2.1"}}},
	}
	for name := range pageTemplates {
		data, ok := pages[name]
		if !ok {
			t.Errorf("page %s has no sample data in this test", name)
			continue
		}
		w := httptest.NewRecorder()
		p.render(w, httptest.NewRequest("GET", "/", nil), 200, name, data)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "</html>") {
			t.Errorf("page %s: status %d:\n%s", name, w.Code, w.Body.String())
		}
	}
	// A result row.
	row, err := p.resultRow(archiveResult{sum, resultFacts{TimeToResolve: time.Hour, Resolved: true, Lint: lintCounts{Checked: true, Blame: 2, RootCause: 1}}})
	if err != nil || !strings.Contains(string(row), "2 blame findings") || !strings.Contains(string(row), "<mark>match</mark>") {
		t.Errorf("result row: %v\n%s", err, row)
	}
	// The cached part of the postmortem page, and the pending similar panel.
	dv := documentView{PM: pm, Body: "<p>x</p>", Linted: true,
		Findings:     []findingView{{N: 1, Finding: lint.Finding{Line: 3, Category: lint.Blame, Severity: lint.Warning, Message: "m", Suggestion: "s"}, InBody: true}, {N: 2, Finding: lint.Finding{Line: 1, Category: "structure"}}},
		Factors:      []factorGroup{{"automation", []string{"d"}}},
		Actions:      []actionView{{action, true}},
		Risks:        []riskView{{debrief.AcceptedRisk{ID: "RISK-1", Risk: "r", WaitingFor: "w", Until: debrief.Date{Year: 2026, Month: 5, Day: 1}, Meanwhile: "m", OwnerTeam: "t", ReviewBy: debrief.Date{Year: 2026, Month: 4, Day: 1}}, true}},
		TimeToDetect: "7 min", TimeToMitigate: "51 min", TimeToResolve: "2 h"}
	for _, name := range []string{"pm_document", "findings"} {
		var buf bytes.Buffer
		if err := p.tmpl["postmortem"].ExecuteTemplate(&buf, name, dv); err != nil || !strings.Contains(buf.String(), "RISK-1") && name == "pm_document" {
			t.Errorf("%s: %v\n%s", name, err, buf.String())
		}
	}
	var panel, head bytes.Buffer
	pending := postmortemView{Base: b, PM: pm, Similar: similarPanel{ID: pm.ID, Pending: true}}
	if err := p.tmpl["postmortem"].ExecuteTemplate(&panel, "similar", pending.Similar); err != nil || !strings.Contains(panel.String(), "similar-pending") {
		t.Errorf("pending similar panel: %v\n%s", err, panel.String())
	}
	if err := p.tmpl["postmortem"].ExecuteTemplate(&head, "pm_head", pending); err != nil || !strings.Contains(head.String(), "Similar incidents ↓") || !strings.Contains(head.String(), pm.Title) {
		t.Errorf("the head of a page with its similar incidents pending: %v\n%s", err, head.String())
	}
	w := httptest.NewRecorder()
	pending.Parts = pageParts{Head: template.HTML(head.String()), Similar: template.HTML(panel.String())}
	p.render(w, httptest.NewRequest("GET", "/", nil), 200, "postmortem", pending)
	if !strings.Contains(w.Body.String(), "similar-pending") || !strings.Contains(w.Body.String(), `id="pm-title"`) {
		t.Errorf("a page of its parts: %s", w.Body.String())
	}
	// The markdown editor too.
	ed.Mode, ed.File = modeMarkdown, "---\nid: x\n---\n"
	w = httptest.NewRecorder()
	p.render(w, httptest.NewRequest("GET", "/", nil), 200, "editor", editorView{Base: b, editorState: ed, ID: "PM-2026-001"})
	if w.Code != 200 || !strings.Contains(w.Body.String(), `<textarea id="file"`) {
		t.Errorf("markdown editor: %d", w.Code)
	}
}
