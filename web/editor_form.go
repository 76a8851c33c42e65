package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// The editor edits a postmortem in one of two modes that save the same
// document: the whole file as Markdown with its front matter, or a form for
// the structured facts beside the Markdown body. Switching modes posts the
// text so far and converts it, so nothing typed is lost.

const (
	modeMarkdown = "markdown"
	modeForm     = "form"
	// maxRows bounds the repeated rows a form may post.
	maxRows = 200
)

// editorState is the editor's content, whichever the mode.
type editorState struct {
	Mode    string
	File    string // the Markdown file, in markdown mode
	Form    factsForm
	Version int
}

// factsForm holds the form mode's fields as typed, so that a form with a
// mistake comes back exactly as it was sent.
type factsForm struct {
	ID, Title, Severity, Status                        string
	CustomerFacing, Restricted                         bool
	Teams, Services, Tags, Related, Authors, Reviewers string
	ReviewDate, Started, Detected, Mitigated, Resolved string
	Trigger                                            string
	Factors                                            []factorJSON
	Actions                                            []actionForm
	Risks                                              []riskJSON
	// Approvals and Override are recorded by the review and the publish
	// gate: the form carries them through unchanged.
	Approvals []approvalJSON
	Override  *overrideJSON
	Body      string
}

type actionForm struct {
	ID, Title, OwnerTeam, Kind, EffortDays, Value, Due, Status, Reason, Link string
}

// problemView is a problem of the document: at a line and column of the
// file in markdown mode, of a field in form mode.
type problemView struct {
	Line, Column int
	Field        string
	Message      string
}

func (p problemView) Where() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d, column %d", p.Line, p.Column)
	}
	return p.Field
}

func joinList(vs []string) string { return strings.Join(vs, ", ") }

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// formOf fills the form from a postmortem, with a blank row of each kind to
// add one.
func formOf(p *debrief.Postmortem) factsForm {
	f := factsForm{
		ID: p.ID, Title: p.Title, Severity: string(p.Severity), Status: string(p.Status),
		CustomerFacing: p.CustomerFacing, Restricted: p.Restricted,
		Teams: joinList(p.Teams), Services: joinList(p.Services), Tags: joinList(p.Tags),
		Related: joinList(p.Related), Authors: joinList(p.Authors), Reviewers: joinList(p.Reviewers),
		ReviewDate: p.ReviewDate.String(),
		Started:    timeText(p.Started), Detected: timeText(p.Detected), Mitigated: timeText(p.Mitigated), Resolved: timeText(p.Resolved),
		Trigger: p.Trigger, Body: p.Body,
	}
	for _, a := range p.Approvals {
		f.Approvals = append(f.Approvals, approvalJSON{By: a.By, Date: a.Date.String()})
	}
	if o := p.PublishOverride; o != nil {
		f.Override = &overrideJSON{By: o.By, Date: o.Date.String(), Reason: o.Reason, Findings: o.Findings}
	}
	for _, c := range p.ContributingFactors {
		f.Factors = append(f.Factors, factorJSON(c))
	}
	for _, a := range p.ActionItems {
		af := actionForm{ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Kind: string(a.Kind), Due: a.Due.String(), Status: string(a.Status), Reason: a.Reason, Link: a.Link}
		if a.EffortDays != 0 {
			af.EffortDays = strconv.FormatFloat(a.EffortDays, 'f', -1, 64)
		}
		if a.Value != 0 {
			af.Value = strconv.Itoa(a.Value)
		}
		f.Actions = append(f.Actions, af)
	}
	for _, r := range p.AcceptedRisks {
		f.Risks = append(f.Risks, riskJSON{ID: r.ID, Risk: r.Risk, WaitingFor: r.WaitingFor, Until: r.Until.String(), Meanwhile: r.Meanwhile, OwnerTeam: r.OwnerTeam, ReviewBy: r.ReviewBy.String()})
	}
	f.addBlankRows()
	return f
}

// addBlankRows makes sure the form ends with an empty row of each kind.
func (f *factsForm) addBlankRows() {
	if n := len(f.Factors); n == 0 || f.Factors[n-1] != (factorJSON{}) {
		f.Factors = append(f.Factors, factorJSON{})
	}
	if n := len(f.Actions); n == 0 || f.Actions[n-1] != (actionForm{}) {
		f.Actions = append(f.Actions, actionForm{})
	}
	if n := len(f.Risks); n == 0 || f.Risks[n-1] != (riskJSON{}) {
		f.Risks = append(f.Risks, riskJSON{})
	}
}

// readEditor reads the editor's posted content.
func readEditor(r *http.Request) editorState {
	ed := editorState{Mode: r.PostFormValue("mode")}
	ed.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	if ed.Mode != modeForm {
		ed.Mode = modeMarkdown
		ed.File = strings.ReplaceAll(r.PostFormValue("file"), "\r\n", "\n")
		return ed
	}
	v := r.PostForm
	// A field that is not UTF-8 keeps its readable parts, as a JSON body's
	// does: YAML cannot hold the rest, and the file written from the form
	// must read back.
	text := func(s string) string { return strings.ToValidUTF8(strings.ReplaceAll(s, "\r\n", "\n"), "\uFFFD") }
	get := func(k string) string { return text(strings.TrimSpace(v.Get(k))) }
	f := factsForm{
		ID: get("id"), Title: get("title"), Severity: get("severity"), Status: get("status"),
		CustomerFacing: v.Get("customer_facing") != "", Restricted: v.Get("restricted") != "",
		Teams: get("teams"), Services: get("services"), Tags: get("tags"), Related: get("related"),
		Authors: get("authors"), Reviewers: get("reviewers"), ReviewDate: get("review_date"),
		Started: get("started"), Detected: get("detected"), Mitigated: get("mitigated"), Resolved: get("resolved"),
		Trigger: get("trigger"), Body: text(v.Get("body")),
	}
	rows := func(k string) int {
		n, _ := strconv.Atoi(v.Get(k))
		return min(max(n, 0), maxRows)
	}
	for i := range rows("approval_rows") {
		k := func(s string) string { return get(fmt.Sprintf("approval.%d.%s", i, s)) }
		f.Approvals = append(f.Approvals, approvalJSON{By: k("by"), Date: k("date")})
	}
	if v.Has("override.by") {
		n, _ := strconv.Atoi(get("override.findings"))
		f.Override = &overrideJSON{By: get("override.by"), Date: get("override.date"), Reason: get("override.reason"), Findings: n}
	}
	for i := range rows("factor_rows") {
		k := func(s string) string { return get(fmt.Sprintf("factor.%d.%s", i, s)) }
		f.Factors = append(f.Factors, factorJSON{Category: k("category"), Description: k("description")})
	}
	for i := range rows("action_rows") {
		k := func(s string) string { return get(fmt.Sprintf("action.%d.%s", i, s)) }
		f.Actions = append(f.Actions, actionForm{ID: k("id"), Title: k("title"), OwnerTeam: k("owner_team"), Kind: k("kind"),
			EffortDays: k("effort_days"), Value: k("value"), Due: k("due"), Status: k("status"), Reason: k("reason"), Link: k("link")})
	}
	for i := range rows("risk_rows") {
		k := func(s string) string { return get(fmt.Sprintf("risk.%d.%s", i, s)) }
		f.Risks = append(f.Risks, riskJSON{ID: k("id"), Risk: k("risk"), WaitingFor: k("waiting_for"), Until: k("until"),
			Meanwhile: k("meanwhile"), OwnerTeam: k("owner_team"), ReviewBy: k("review_by")})
	}
	ed.Form = f
	return ed
}

// postmortem reads the editor's content into a postmortem and checks it,
// returning every problem found.
func (ed *editorState) postmortem(tax debrief.Taxonomy) (*debrief.Postmortem, []problemView) {
	if ed.Mode == modeMarkdown {
		f := markdown.CheckBytes("", []byte(ed.File), tax)
		var probs []problemView
		for _, p := range f.Problems {
			probs = append(probs, problemView{Line: p.Line, Column: p.Col, Message: p.Message})
		}
		return f.Doc.Postmortem, probs
	}
	p, probs := ed.Form.postmortem()
	if len(probs) == 0 {
		for _, e := range p.Validate(tax) {
			probs = append(probs, problemView{Field: e.Field, Message: e.Message})
		}
	}
	return p, probs
}

func (f *factsForm) postmortem() (*debrief.Postmortem, []problemView) {
	var probs []problemView
	bad := func(field, format string, args ...any) {
		probs = append(probs, problemView{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	date := func(field, s string) debrief.Date {
		if s == "" {
			return debrief.Date{}
		}
		d, err := debrief.ParseDate(s)
		if err != nil {
			bad(field, "%v", err)
		}
		return d
	}
	tm := func(field, s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		t, err := debrief.ParseTime(s)
		if err != nil {
			bad(field, "%v", err)
		}
		return t
	}
	p := &debrief.Postmortem{
		ID: f.ID, Title: f.Title, Severity: debrief.Severity(f.Severity), Status: debrief.Status(f.Status),
		CustomerFacing: f.CustomerFacing, Restricted: f.Restricted,
		Teams: splitList(f.Teams), Services: splitList(f.Services), Tags: splitList(f.Tags),
		Related: splitList(f.Related), Authors: splitList(f.Authors), Reviewers: splitList(f.Reviewers),
		ReviewDate: date("review_date", f.ReviewDate),
		Started:    tm("started", f.Started), Detected: tm("detected", f.Detected),
		Mitigated: tm("mitigated", f.Mitigated), Resolved: tm("resolved", f.Resolved),
		Trigger: f.Trigger, Body: f.Body,
	}
	for i, a := range f.Approvals {
		p.Approvals = append(p.Approvals, debrief.Approval{By: a.By, Date: date(fmt.Sprintf("approvals[%d].date", i), a.Date)})
	}
	if o := f.Override; o != nil {
		p.PublishOverride = &debrief.PublishOverride{By: o.By, Date: date("publish_override.date", o.Date), Reason: o.Reason, Findings: o.Findings}
	}
	for _, c := range f.Factors {
		if c != (factorJSON{}) {
			p.ContributingFactors = append(p.ContributingFactors, debrief.ContributingFactor(c))
		}
	}
	for _, a := range f.Actions {
		if a == (actionForm{}) {
			continue
		}
		field := fmt.Sprintf("action_items[%d]", len(p.ActionItems))
		item := debrief.ActionItem{ID: a.ID, Title: a.Title, OwnerTeam: a.OwnerTeam, Kind: debrief.ActionKind(a.Kind),
			Due: date(field+".due", a.Due), Status: debrief.ActionStatus(a.Status), Reason: a.Reason, Link: a.Link}
		if a.EffortDays != "" {
			e, err := strconv.ParseFloat(a.EffortDays, 64)
			if err != nil {
				bad(field+".effort_days", "effort %q is not a number of days", a.EffortDays)
			}
			item.EffortDays = e
		}
		if a.Value != "" {
			n, err := strconv.Atoi(a.Value)
			if err != nil {
				bad(field+".value", "value %q is not a whole number from 1 to 5", a.Value)
			}
			item.Value = n
		}
		p.ActionItems = append(p.ActionItems, item)
	}
	for _, r := range f.Risks {
		if r == (riskJSON{}) {
			continue
		}
		field := fmt.Sprintf("accepted_risks[%d]", len(p.AcceptedRisks))
		p.AcceptedRisks = append(p.AcceptedRisks, debrief.AcceptedRisk{ID: r.ID, Risk: r.Risk, WaitingFor: r.WaitingFor,
			Until: date(field+".until", r.Until), Meanwhile: r.Meanwhile, OwnerTeam: r.OwnerTeam, ReviewBy: date(field+".review_by", r.ReviewBy)})
	}
	return p, probs
}

// switchMode converts the content to the other mode. A Markdown file with
// problems of syntax stays in markdown mode: the form could not show it.
func (ed *editorState) switchMode(to string, tax debrief.Taxonomy) []problemView {
	if to == ed.Mode {
		return nil
	}
	if to == modeForm {
		doc, probs := markdown.Parse([]byte(ed.File))
		if len(probs) > 0 || !doc.HasFrontMatter {
			out := []problemView{{Line: 1, Column: 1, Message: "fix these problems before switching to the form: the form can only show a file whose front matter reads"}}
			for _, p := range probs {
				out = append(out, problemView{Line: p.Line, Column: p.Col, Message: p.Message})
			}
			return out
		}
		ed.Mode, ed.Form = modeForm, formOf(doc.Postmortem)
		return nil
	}
	p, _ := ed.Form.postmortem()
	ed.Mode, ed.File = modeMarkdown, string(markdown.Write(p))
	return nil
}

// markdownFile returns the content as a Markdown file, for the conflict
// page: the text as typed in markdown mode, the canonical file of the form.
func (ed *editorState) markdownFile() string {
	if ed.Mode == modeMarkdown {
		return ed.File
	}
	p, _ := ed.Form.postmortem()
	return string(markdown.Write(p))
}
