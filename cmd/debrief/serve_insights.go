package main

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/config"
	"github.com/debrief/debrief/internal/demo"
	"github.com/debrief/debrief/internal/insight"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/paging"
)

// insightsMaxAge is how long the server's dashboards reuse one reading of
// the archive: every figure says when it was computed.
const insightsMaxAge = time.Minute

// serveInsights returns the insights the server computes, and the token of
// Alertmanager's webhook from DEBRIEF_PAGES_TOKEN ("" leaves the webhook
// off).
func serveInsights(g *globals, s debrief.Store, cfg *config.Config, l *lint.Linter) (*insight.Source, string) {
	src := insightSource(g, s, cfg, l)
	src.MaxAge = insightsMaxAge
	return src, strings.TrimSpace(os.Getenv("DEBRIEF_PAGES_TOKEN"))
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
