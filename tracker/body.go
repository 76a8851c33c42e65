package tracker

import (
	"errors"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// IssueBody is the Markdown body of an action item's GitHub issue: a link
// back to the postmortem, the item's title as a quote, and its value,
// effort, due date, owner team and kind.
func IssueBody(item debrief.ActionItem, pm Backlink) string {
	var b strings.Builder
	ref := mdEscape(pm.ID + ": " + pm.Title)
	if pm.URL != "" {
		ref = "[" + ref + "](" + pm.URL + ")"
	}
	fmt.Fprintf(&b, "Action item **%s** from the postmortem %s.\n\n", mdEscape(item.ID), ref)
	for _, line := range strings.Split(item.Title, "\n") {
		fmt.Fprintf(&b, "> %s\n", mdEscape(line))
	}
	b.WriteString("\n| value | effort | due | owner team | kind |\n|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n\n", cell(valueText(item)), cell(effortText(item)), cell(or(item.Due.String(), "none")), cell(item.OwnerTeam), cell(or(string(item.Kind), "not stated")))
	fmt.Fprintf(&b, "Closing this issue as completed marks %s done in debrief; closing it as not planned marks it wont-do. debrief keeps the item's status and history.\n", item.ID)
	return b.String()
}

func valueText(item debrief.ActionItem) string {
	if item.Value < 1 {
		return "not estimated"
	}
	return fmt.Sprintf("%d/5", item.Value)
}

func effortText(item debrief.ActionItem) string {
	if !(item.EffortDays > 0) {
		return "not estimated"
	}
	return debrief.Days(item.EffortDays)
}

// mdEscape keeps text from turning into Markdown: links, emphasis,
// mentions and HTML.
func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "@", "@\u200b", "#", `\#`).Replace(s)
}

func cell(s string) string { return strings.ReplaceAll(mdEscape(s), "|", `\|`) }

func asAPIError(err error, target **APIError) bool { return errors.As(err, target) }
