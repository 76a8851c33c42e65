package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

// The editor lints one document whichever its mode: in form mode the form
// is turned into the Markdown file it saves as, and that file is linted, so
// the same postmortem gives the same findings in both modes. Each finding
// then names the control it is in: the body's textarea, with lines counted
// from the body's first line, or the form field of the front matter.

// editorFinding is a finding of the editor's document with the control it
// is in: "file" in markdown mode, "body" or a field's element id in form
// mode.
type editorFinding struct {
	lint.Finding
	Target string `json:"target"`
}

// editorLintJSON answers POST /editor/lint.
type editorLintJSON struct {
	// File is the document as the Markdown file it saves as.
	File     string          `json:"file"`
	Findings []editorFinding `json:"findings"`
	// Waiting counts the structure findings about parts of a draft that
	// were not started yet, left out until the author asks for them.
	Waiting int `json:"waiting"`
}

// editorLint answers POST /editor/lint with the findings of the editor's
// posted content.
func (s *Server) editorLint(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Findings == nil {
		writeErrorStatus(w, http.StatusNotImplemented, "not_implemented", "linting is not available on this server", 0)
		return
	}
	ed := readEditor(r)
	out, err := s.lintEditor(ed)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if r.PostFormValue("lint_all") == "" {
		out.waitForStarted()
	}
	writeJSON(w, http.StatusOK, out)
}

// waitForStarted leaves out, for a draft, the structure findings about
// sections and facts not started yet: an empty template is not yet a
// postmortem with empty sections, and five warnings before the first word
// teach the author to ignore them.
func (out *editorLintJSON) waitForStarted() {
	doc, probs := markdown.Parse([]byte(out.File))
	if len(probs) > 0 || doc.Postmortem.Status != debrief.StatusDraft {
		return
	}
	p := doc.Postmortem
	kept := out.Findings[:0]
	for _, f := range out.Findings {
		waits := false
		switch f.Rule {
		case "structure.empty-section", "structure.missing-section", "structure.no-review-date":
			waits = true
		case "structure.timeline-no-times":
			waits = strings.Contains(f.Message, "is empty")
		case "structure.few-factors":
			waits = len(p.ContributingFactors) == 0
		}
		if waits {
			out.Waiting++
			continue
		}
		kept = append(kept, f)
	}
	out.Findings = kept
}

// lintEditor lints the editor's content as one Markdown file.
func (s *Server) lintEditor(ed editorState) (editorLintJSON, error) {
	out := editorLintJSON{File: ed.markdownFile(), Findings: []editorFinding{}}
	id := "draft"
	if ed.Mode == modeForm && ed.Form.ID != "" {
		id = ed.Form.ID
	}
	fs, err := s.cfg.Findings(id+".md", []byte(out.File))
	if err != nil {
		return out, err
	}
	sortFindings(fs)
	if ed.Mode != modeForm {
		for _, f := range fs {
			out.Findings = append(out.Findings, editorFinding{Finding: f, Target: "file"})
		}
		return out, nil
	}
	doc, _ := markdown.Parse([]byte(out.File))
	fields := formFields(doc, &ed.Form)
	for _, f := range fs {
		if f.Line >= doc.BodyLine {
			f.Line -= doc.BodyLine - 1
			if f.EndLine > 0 {
				f.EndLine -= doc.BodyLine - 1
			}
			out.Findings = append(out.Findings, editorFinding{Finding: f, Target: "body"})
			continue
		}
		target := fields[f.Line]
		if target == "" {
			target = "f-title"
		}
		out.Findings = append(out.Findings, editorFinding{Finding: f, Target: target})
	}
	return out, nil
}

// formFields maps the lines of the front matter that hold text to the form
// controls that hold the same text. The file leaves out the form's blank
// rows, so its item n is the form's nth row that is not blank.
func formFields(doc *markdown.Document, f *factsForm) map[int]string {
	out := map[int]string{}
	put := func(field, id string) {
		if p, ok := doc.ValuePosition(field); ok {
			out[p.Line] = id
		}
	}
	put("title", "f-title")
	put("trigger", "f-trigger")
	n := 0
	for i, c := range f.Factors {
		if c == (factorJSON{}) {
			continue
		}
		put(fmt.Sprintf("contributing_factors[%d].description", n), fmt.Sprintf("factor-%d-description", i))
		n++
	}
	n = 0
	for i, a := range f.Actions {
		if a == (actionForm{}) {
			continue
		}
		put(fmt.Sprintf("action_items[%d].title", n), fmt.Sprintf("action-%d-title", i))
		put(fmt.Sprintf("action_items[%d].reason", n), fmt.Sprintf("action-%d-reason", i))
		n++
	}
	n = 0
	for i, rk := range f.Risks {
		if rk == (riskJSON{}) {
			continue
		}
		put(fmt.Sprintf("accepted_risks[%d].risk", n), fmt.Sprintf("risk-%d-risk", i))
		put(fmt.Sprintf("accepted_risks[%d].waiting_for", n), fmt.Sprintf("risk-%d-waiting", i))
		put(fmt.Sprintf("accepted_risks[%d].meanwhile", n), fmt.Sprintf("risk-%d-meanwhile", i))
		n++
	}
	return out
}
