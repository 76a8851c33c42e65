// Package demo loads the example archive (package examples) into a store:
// the postmortems and six months of paging data, as `debrief serve --demo`
// serves them and the tests of the insights read them.
package demo

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"sort"
	"time"
	_ "time/tzdata" // the demo's zone, wherever it runs

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/examples"
	"github.com/debrief/debrief/markdown"
	"github.com/debrief/debrief/paging"
)

// Source names the demo's pages in the archive.
const Source = "demo"

// Postmortems returns the example postmortems, in file order, and the
// files that have problems, each with its first one.
func Postmortems() (ps []*debrief.Postmortem, skipped []string, err error) {
	names, err := fs.Glob(examples.Files, "PM-*.md")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := fs.ReadFile(examples.Files, name)
		if err != nil {
			return nil, nil, err
		}
		f := markdown.CheckBytes(name, src, debrief.DefaultTaxonomy())
		if !f.Valid() {
			skipped = append(skipped, f.Problems[0].String())
			continue
		}
		ps = append(ps, f.Doc.Postmortem)
	}
	return ps, skipped, nil
}

// Pages returns the demo's pages.
func Pages() ([]paging.Page, error) {
	b, err := (&paging.CSV{Source: Source}).Read(bytes.NewReader(examples.Pages))
	if err != nil {
		return nil, err
	}
	if len(b.Skipped) > 0 {
		return nil, fmt.Errorf("examples/pages.csv: %s: %s", b.Skipped[0].ID, b.Skipped[0].Reason)
	}
	return b.Pages, nil
}

// Location is the zone the example company is on call in.
func Location() *time.Location {
	loc, err := time.LoadLocation(examples.TimeZone)
	if err != nil {
		panic(err) // the zone database is embedded
	}
	return loc
}

// Load imports the example postmortems into s and, when pages is not nil,
// the demo's pages; it returns how many postmortems and pages it stored.
func Load(ctx context.Context, s debrief.PostmortemService, pages paging.Sink) (nPostmortems, nPages int, err error) {
	ps, _, err := Postmortems()
	if err != nil {
		return 0, 0, err
	}
	for _, p := range ps {
		if _, err := s.Import(ctx, p); err != nil {
			return 0, 0, fmt.Errorf("demo: import %s: %w", p.ID, err)
		}
	}
	if pages == nil {
		return len(ps), 0, nil
	}
	pp, err := Pages()
	if err != nil {
		return 0, 0, err
	}
	if err := pages.SavePages(ctx, pp); err != nil {
		return 0, 0, fmt.Errorf("demo: save the pages: %w", err)
	}
	return len(ps), len(pp), nil
}
