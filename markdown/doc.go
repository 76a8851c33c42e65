// Package markdown reads and writes postmortems as Markdown files with YAML
// front matter, the docs-as-code form that lives in git.
//
// Parse keeps the position of every front matter value so that problems are
// reported at path:line:col in the original file; Write produces the
// canonical form, which Parse reads back to the same postmortem; Template
// writes the skeleton that `debrief new` starts from.
package markdown
