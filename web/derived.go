package web

import (
	"context"
	"encoding/json"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/lint"
	"github.com/debrief/debrief/markdown"
)

// fileOf returns the canonical file of pm: the bytes the archive stored,
// as FindByID read them, or pm written out when it was not read from the
// archive.
func fileOf(pm *debrief.Postmortem) []byte {
	if pm.File != nil {
		return pm.File
	}
	return markdown.Write(pm)
}

// fileFindings returns the lint findings of a canonical file, sorted.
func (p *pages) fileFindings(id string, file []byte) []lint.Finding {
	if p.cfg.Findings == nil {
		return nil
	}
	fs, err := p.cfg.Findings(id+".md", file)
	if err != nil {
		p.log.Warn("lint", "id", id, "err", err)
		return nil
	}
	sortFindings(fs)
	return fs
}

// docFindings returns the lint findings of pm's canonical file (fileOf),
// sorted: those the archive kept with its version (LintCounter), which v
// may see, when pm was read from the archive, otherwise linted here.
func (p *pages) docFindings(ctx context.Context, v debrief.Viewer, pm *debrief.Postmortem, file []byte) []lint.Finding {
	if p.cfg.Findings == nil {
		return nil
	}
	if pm.File == nil || pm.Version == 0 || p.cfg.Postmortems == nil {
		return p.fileFindings(pm.ID, file)
	}
	kept, err := p.cfg.Postmortems.KeptFindings(ctx, v, pm.ID, pm.Version)
	if err != nil || kept == nil {
		if err != nil {
			p.log.Warn("read kept lint findings", "id", pm.ID, "err", err)
		}
		return p.fileFindings(pm.ID, file)
	}
	var fs []lint.Finding
	if err := json.Unmarshal(kept, &fs); err != nil {
		p.log.Warn("decode kept lint findings", "id", pm.ID, "err", err)
		return p.fileFindings(pm.ID, file)
	}
	sortFindings(fs)
	return fs
}

// resultFacts is what the archive shows of a result beyond its summary.
type resultFacts struct {
	TimeToResolve time.Duration
	Resolved      bool
	Lint          lintCounts
}

// factsOf returns the facts of a result from its summary, which the archive
// derived when it stored the postmortem: nothing is read or linted again.
func factsOf(it *debrief.PostmortemSummary) resultFacts {
	var f resultFacts
	f.TimeToResolve, f.Resolved = it.TimeToResolve()
	if it.Lint != nil {
		f.Lint = lintCounts{Checked: true, Blame: it.Lint.Blame, RootCause: it.Lint.RootCause, Structure: it.Lint.Structure}
	}
	return f
}

// LintCounter returns the linter whose counts and findings the archive
// keeps with each file (debrief.PostmortemService.UseLinter) for findings,
// whose linter and configuration fingerprint names. It keeps the findings
// as JSON, which docFindings reads back; none when the file could not be
// linted, so that a page lints it and shows why.
func LintCounter(findings FindingsFunc, fingerprint string) debrief.LintCounter {
	return debrief.LintCounter{Fingerprint: fingerprint, Count: func(id string, file []byte) (debrief.LintCounts, []byte) {
		fs, err := findings(id+".md", file)
		if err != nil {
			return debrief.LintCounts{}, nil
		}
		sortFindings(fs)
		if fs == nil {
			fs = []lint.Finding{} // kept as [], so that none is not "not kept"
		}
		kept, _ := json.Marshal(fs) // findings always marshal
		c := countFindings(fs)
		return debrief.LintCounts{Blame: c.Blame, RootCause: c.RootCause, Structure: c.Structure}, kept
	}}
}
