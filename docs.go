package debrief

import "embed"

// Docs holds the user guides in docs/ (the format, incident kinds, similar
// incidents, access), so that the web app can serve them with no network.
//
//go:embed docs/*.md
var Docs embed.FS
