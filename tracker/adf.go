package tracker

import (
	"strings"

	"github.com/debrief/debrief"
)

// ADF is a node of the Atlassian Document Format, the rich text of Jira
// Cloud's REST API v3.
type ADF struct {
	Type    string         `json:"type"`
	Version int            `json:"version,omitempty"`
	Text    string         `json:"text,omitempty"`
	Marks   []ADFMark      `json:"marks,omitempty"`
	Attrs   map[string]any `json:"attrs,omitempty"`
	Content []ADF          `json:"content,omitempty"`
}

// ADFMark is a mark on a text node: strong, em, code, link.
type ADFMark struct {
	Type  string         `json:"type"`
	Attrs map[string]any `json:"attrs,omitempty"`
}

func adfText(s string, marks ...ADFMark) ADF { return ADF{Type: "text", Text: s, Marks: marks} }

// adfParagraph makes a paragraph of the non-empty text nodes (ADF refuses
// empty text).
func adfParagraph(nodes ...ADF) ADF {
	p := ADF{Type: "paragraph"}
	for _, n := range nodes {
		if n.Type != "text" || n.Text != "" {
			p.Content = append(p.Content, n)
		}
	}
	return p
}

// Description is the Jira description of an action item's issue, in ADF:
// a link back to the postmortem, the item's title as a quote, a list of
// its value, effort, due date, owner team and kind, and what closing the
// issue does.
func Description(item debrief.ActionItem, pm Backlink) ADF {
	ref := adfText(pm.ID + ": " + pm.Title)
	if pm.URL != "" {
		ref.Marks = []ADFMark{{Type: "link", Attrs: map[string]any{"href": pm.URL}}}
	}
	quote := ADF{Type: "blockquote"}
	for _, line := range strings.Split(item.Title, "\n") {
		if strings.TrimSpace(line) != "" {
			quote.Content = append(quote.Content, adfParagraph(adfText(line)))
		}
	}
	facts := ADF{Type: "bulletList"}
	for _, f := range [][2]string{
		{"Value: ", valueText(item)},
		{"Effort: ", effortText(item)},
		{"Due: ", or(item.Due.String(), "none")},
		{"Owner team: ", item.OwnerTeam},
		{"Kind: ", or(string(item.Kind), "not stated")},
	} {
		facts.Content = append(facts.Content, ADF{Type: "listItem", Content: []ADF{adfParagraph(adfText(f[0], ADFMark{Type: "strong"}), adfText(f[1]))}})
	}
	doc := ADF{Type: "doc", Version: 1, Content: []ADF{
		adfParagraph(adfText("Action item "), adfText(item.ID, ADFMark{Type: "strong"}), adfText(" from the postmortem "), ref, adfText(".")),
	}}
	if len(quote.Content) > 0 {
		doc.Content = append(doc.Content, quote)
	}
	doc.Content = append(doc.Content, facts, adfParagraph(adfText(
		"Moving this issue to a done status marks "+item.ID+" done in debrief; resolving it as Won't Do marks it wont-do. debrief keeps the item's status and history.")))
	return doc
}
