package debrief

// LintCounts are the findings of the linter in a postmortem's canonical
// file, by category. The archive counts them when it stores the file, so
// that its lists show them without linting anything.
type LintCounts struct {
	Blame, RootCause, Structure int
}

// Clean reports whether the linter found nothing about blame or root cause.
func (c LintCounts) Clean() bool { return c.Blame == 0 && c.RootCause == 0 }

// LintCounter is the linter an archive counts findings with
// (PostmortemService.UseLinter).
type LintCounter struct {
	// Fingerprint names the linter and its configuration: counts made
	// with another fingerprint are made again.
	Fingerprint string
	// Count lints the canonical file of the postmortem id. It returns the
	// counts and the findings, encoded as their reader will decode them
	// (PostmortemService.KeptFindings), so that a page shows them without
	// linting the file again; nil findings keep none. It must be safe for
	// concurrent use.
	Count func(id string, file []byte) (LintCounts, []byte)
}
