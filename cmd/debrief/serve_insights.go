package main

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/credential"
	"github.com/debrief/debrief/internal/demo"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/paging"
)

// insightsMaxAge is how long the server's dashboards reuse one reading of
// the archive: every figure says when it was computed. While no postmortem
// changes, a reading serves up to insightsQuietMaxAge, for the paging data
// that arrives meanwhile.
const (
	insightsMaxAge      = time.Minute
	insightsQuietMaxAge = 10 * time.Minute
)

// serveInsights returns the insights the server computes, and the token of
// Alertmanager's webhook from DEBRIEF_PAGES_TOKEN, or from the file
// DEBRIEF_PAGES_TOKEN_FILE names; without either the webhook is off.
func serveInsights(g *globals, s debrief.Store, cfg *config.Config, l *lint.Linter) (*insight.Source, credential.Secret, error) {
	src := insightSource(g, s, cfg, l)
	src.MaxAge, src.QuietMaxAge = insightsMaxAge, insightsQuietMaxAge
	if c, ok := s.(interface {
		Changes(context.Context) (int64, error)
	}); ok {
		src.Changes = c.Changes
	}
	from := credential.Source{Env: "DEBRIEF_PAGES_TOKEN"}
	if os.Getenv("DEBRIEF_PAGES_TOKEN") == "" {
		if f := os.Getenv("DEBRIEF_PAGES_TOKEN_FILE"); f != "" {
			from = credential.Source{File: f}
		}
	}
	tok, err := from.Load()
	switch {
	case errors.Is(err, credential.ErrMissing) && from.File == "":
		return src, credential.Secret{}, nil
	case err != nil:
		return nil, credential.Secret{}, &exitError{code: 2, msg: "the pages token: " + err.Error()}
	case len(tok.Reveal()) < 16:
		return nil, credential.Secret{}, &exitError{code: 2, msg: "the pages token in " + from.String() + " is shorter than 16 characters: make a long random one, such as the output of openssl rand -hex 24"}
	}
	return src, tok, nil
}

// seedDemoPages saves the example company's six months of pages, and puts
// its teams on Amsterdam's clock unless .debrief.yaml gives a zone.
func seedDemoPages(ctx context.Context, g *globals, s debrief.Store, cfg *config.Config) error {
	ps, ok := s.(paging.Store)
	if !ok {
		return nil
	}
	pages, err := demo.Pages()
	if err != nil {
		return err
	}
	if err := ps.SavePages(ctx, pages); err != nil {
		return err
	}
	if cfg.Insights.TimeZone.Location == nil {
		cfg.Insights.TimeZone.Location = demo.Location()
	}
	g.log.Info("demo: imported the paging data", "pages", len(pages))
	return nil
}
