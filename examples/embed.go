// Package examples is the example archive: the postmortems of Larkspur, a
// fictional online grocery delivery company, embedded so that
// `debrief serve --demo` has them in the binary.
package examples

import "embed"

// Files holds the example postmortems, one PM-*.md file each.
//
//go:embed *.md
var Files embed.FS
