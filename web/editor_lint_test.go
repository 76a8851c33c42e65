package web

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/debrief/debrief/markdown"
)

// formValues posts f as the form editor does.
func formValues(f factsForm) url.Values {
	v := url.Values{"mode": {"form"}, "id": {f.ID}, "title": {f.Title}, "severity": {f.Severity}, "status": {f.Status},
		"teams": {f.Teams}, "services": {f.Services}, "tags": {f.Tags}, "related": {f.Related}, "authors": {f.Authors}, "reviewers": {f.Reviewers},
		"review_date": {f.ReviewDate}, "started": {f.Started}, "detected": {f.Detected}, "mitigated": {f.Mitigated}, "resolved": {f.Resolved},
		"trigger": {f.Trigger}, "body": {f.Body}}
	if f.CustomerFacing {
		v.Set("customer_facing", "true")
	}
	v.Set("factor_rows", fmt.Sprint(len(f.Factors)))
	for i, c := range f.Factors {
		v.Set(fmt.Sprintf("factor.%d.category", i), c.Category)
		v.Set(fmt.Sprintf("factor.%d.description", i), c.Description)
	}
	v.Set("action_rows", fmt.Sprint(len(f.Actions)))
	for i, a := range f.Actions {
		for k, val := range map[string]string{"id": a.ID, "title": a.Title, "owner_team": a.OwnerTeam, "kind": a.Kind, "effort_days": a.EffortDays,
			"value": a.Value, "due": a.Due, "status": a.Status, "reason": a.Reason, "link": a.Link} {
			v.Set(fmt.Sprintf("action.%d.%s", i, k), val)
		}
	}
	v.Set("risk_rows", fmt.Sprint(len(f.Risks)))
	for i, r := range f.Risks {
		for k, val := range map[string]string{"id": r.ID, "risk": r.Risk, "waiting_for": r.WaitingFor, "until": r.Until,
			"meanwhile": r.Meanwhile, "owner_team": r.OwnerTeam, "review_by": r.ReviewBy} {
			v.Set(fmt.Sprintf("risk.%d.%s", i, k), val)
		}
	}
	return v
}

// The editor lints one document in both modes: the same postmortem gives
// the same findings as a file and as a form, with the form's findings in
// the body counted from the body's first line and those of the front
// matter at their form field.
func TestEditorLintIsOneLint(t *testing.T) {
	app := newPageApp(t, false)
	c := app.signedIn(t, "eve")
	src := strings.Replace(pageOpen, "trigger: The TLS certificate", "trigger: Human error. The TLS certificate", 1)
	doc, probs := markdown.Parse([]byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	file := string(markdown.Write(doc.Postmortem))
	lint := func(form url.Values) editorLintJSON {
		t.Helper()
		r := c.post("/editor/lint", form)
		var out editorLintJSON
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 {
			t.Fatalf("lint: %d %v %s", r.status, err, r.body)
		}
		return out
	}
	md := lint(url.Values{"mode": {"markdown"}, "file": {file}})
	f := formOf(doc.Postmortem)
	fm := lint(formValues(f))
	key := func(fs []editorFinding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule+"|"+f.Message)
		}
		slices.Sort(out)
		return out
	}
	if len(md.Findings) < 2 || !slices.Equal(key(md.Findings), key(fm.Findings)) {
		t.Fatalf("markdown mode found %v\nform mode found %v", key(md.Findings), key(fm.Findings))
	}
	if fm.File != file {
		t.Errorf("the form's file differs from the Markdown file:\n%s\n---\n%s", fm.File, file)
	}
	var body, trigger bool
	for _, f := range fm.Findings {
		switch f.Target {
		case "body":
			line := strings.Split(doc.Postmortem.Body, "\n")[f.Line-1]
			body = body || strings.Contains(line, "failed to check")
		case "f-trigger":
			trigger = true
		}
	}
	if !body || !trigger {
		t.Errorf("form findings %+v: want one in the body at the blaming line and one at the trigger", fm.Findings)
	}
}

// A draft's structure checks of sections not started yet wait until the
// author asks; blame findings never wait.
func TestEditorLintWaitsForStartedSections(t *testing.T) {
	app := newPageApp(t, false)
	c := app.signedIn(t, "eve")
	page := c.get("/new?title=Cart+errors&mode=markdown")
	m := regexp.MustCompile(`(?s)<textarea id="file"[^>]*>(.*?)</textarea>`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("no template in the editor")
	}
	file := html.UnescapeString(strings.TrimPrefix(m[1], "\n"))
	file = strings.Replace(file, "## Summary\n", "## Summary\nThe on-call engineer failed to check the dashboard.\n", 1)
	lint := func(all bool) editorLintJSON {
		t.Helper()
		form := url.Values{"mode": {"markdown"}, "file": {file}}
		if all {
			form.Set("lint_all", "1")
		}
		r := c.post("/editor/lint", form)
		var out editorLintJSON
		if err := json.Unmarshal([]byte(r.body), &out); err != nil || r.status != 200 {
			t.Fatalf("lint: %d %v %s", r.status, err, r.body)
		}
		return out
	}
	waiting, all := lint(false), lint(true)
	cats := func(fs []editorFinding) (blame, structure int) {
		for _, f := range fs {
			switch f.Category {
			case "blame":
				blame++
			case "structure":
				structure++
			}
		}
		return
	}
	wb, ws := cats(waiting.Findings)
	ab, as := cats(all.Findings)
	if wb != 1 || ab != 1 || waiting.Waiting < 3 || ws+waiting.Waiting != as || all.Waiting != 0 {
		t.Errorf("waiting: %d blame, %d structure, %d waiting; all: %d blame, %d structure", wb, ws, waiting.Waiting, ab, as)
	}
	file = strings.Replace(file, "status: draft", "status: in-review", 1)
	if r := lint(false); r.Waiting != 0 {
		t.Errorf("a document in review has %d waiting checks, want them all shown", r.Waiting)
	}
}
