package web

import (
	"github.com/debrief/debrief"
	"github.com/debrief/debrief/markdown"
)

// refusal returns the problem of a save that the archive refused because
// of what a field of the postmortem says (debrief.CheckSave), at its line
// and column when the postmortem came as the Markdown file src.
func refusal(err error, src []byte) (fieldProblem, bool) {
	fe, ok := debrief.ErrorField(err)
	if !ok {
		return fieldProblem{}, false
	}
	p := fieldProblem{Field: fe.Field, Message: fe.Message}
	if src != nil {
		if doc, _ := markdown.Parse(src); doc != nil && doc.HasFrontMatter {
			pos := doc.Position(fe.Field)
			p.Line, p.Column = pos.Line, pos.Col
		}
	}
	return p, true
}

// refusalView is refusal for the editor: the problem at its line in
// Markdown mode, at its field in the form.
func (ed *editorState) refusalView(err error) problemView {
	var src []byte
	if ed.Mode == modeMarkdown {
		src = []byte(ed.File)
	}
	if p, ok := refusal(err, src); ok {
		return problemView{Field: p.Field, Line: p.Line, Column: p.Column, Message: p.Message}
	}
	return problemView{Message: debrief.ErrorMessage(err)}
}
