package main

import (
	"context"
	_ "time/tzdata" // teams' time zones, wherever debrief runs

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/paging"
)

// insightSource returns the insights of the archive s with the settings of
// cfg; the linter, when given, counts the language findings.
func insightSource(g *globals, s debrief.Store, cfg *config.Config, l *lint.Linter) *insight.Source {
	src := &insight.Source{Postmortems: s, Kinds: cfg.KindSet(), Settings: cfg.Insights, Now: g.now}
	if ps, ok := s.(paging.Store); ok {
		src.Pages = ps
	}
	if fk, ok := s.(interface {
		FamilyKindsByID(context.Context, debrief.Viewer) (map[string][]debrief.KindMatch, error)
	}); ok {
		src.StoredKinds = fk.FamilyKindsByID
	}
	// The counts an archive keeps are those of the linter it was given
	// (UseLinter, as serve does with this one); without one it keeps none
	// and every file is linted.
	if lc, ok := s.(interface {
		LintCountsByID(context.Context, debrief.Viewer) (map[string]debrief.LintCounts, error)
	}); ok {
		src.StoredLint = lc.LintCountsByID
	}
	if l != nil {
		src.Language = func(path string, file []byte) (blame, rootCause int) {
			c := lint.Count(l.Lint(path, file))
			return c.Blame, c.RootCause
		}
	}
	return src
}
