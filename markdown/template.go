package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/debrief/debrief"
)

// Template returns a new postmortem file for p: its front matter, a title
// heading, and every section of debrief.Sections with its guiding question
// as an HTML comment, which renders as nothing and tells the author what a
// good answer looks like.
func Template(p *debrief.Postmortem) []byte {
	var body bytes.Buffer
	fmt.Fprintf(&body, "\n# %s\n", p.Title)
	for _, s := range debrief.Sections {
		fmt.Fprintf(&body, "\n## %s\n\n<!-- %s -->\n", s.Title, strings.ReplaceAll(s.Guide, "--", "–"))
	}
	q := *p
	q.Body = body.String()
	return Write(&q)
}
